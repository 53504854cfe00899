"""lib.sources: decoding, HTML reduction, boilerplate lines, seeds, and URL fetching against a local server."""
from __future__ import annotations

import codecs
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lib.sources import (
    MAX_UPLOAD_BYTES,
    SourceError,
    boilerplate_spans,
    check_published,
    decode_bytes,
    fetch_url,
    list_seeds,
    read_bytes,
    read_file,
    read_html,
    read_seed,
    read_text,
)

FRENCH = "Élysée : l’OTAN a dit « oui » à 5 € près, déjà naïf.\nLe Royaume-Uni a déclaré vendredi qu’il était prêt."
WESTERN = "Café déjà vu, naïve façade; l’été à 3 € — “quoted”."

# ------------------------------------------------------------------------------- encodings

ENCODINGS = [
    ("utf-8", FRENCH.encode("utf-8"), FRENCH, "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, "utf-8"),
    ("utf-16-le with BOM", codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
    ("utf-16-le without BOM", FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),
    ("utf-16-be without BOM", FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
    ("utf-32-le with BOM", codecs.BOM_UTF32_LE + FRENCH.encode("utf-32-le"), FRENCH, "utf-32-le"),
    ("utf-32-be without BOM", FRENCH.encode("utf-32-be"), FRENCH, "utf-32-be"),
    ("cp1252 with é ’ €", WESTERN.encode("cp1252"), WESTERN, "cp1252"),
    ("latin-1", "Café déjà vu, naïve façade à l'été.".encode("latin-1"), "Café déjà vu, naïve façade à l'été.", "cp1252"),
    ("ascii", b"Plain ASCII text.", "Plain ASCII text.", "utf-8"),
    (
        "utf-8 lines mixed with cp1252 lines",
        "Été 2022 : l’armée.\n".encode("utf-8") + "Coût : 5 € et “guillemets”.\n".encode("cp1252"),
        "Été 2022 : l’armée.\nCoût : 5 € et “guillemets”.\n",
        "utf-8+cp1252",
    ),
]


@pytest.mark.parametrize("data, expected, encoding", [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_decode_bytes_reads_each_encoding_without_mojibake(data, expected, encoding):
    assert decode_bytes(data) == (expected, encoding)


@pytest.mark.parametrize("data, expected", [(c[1], c[2]) for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_read_bytes_text_file_keeps_decoded_text_as_is(data, expected):
    article = read_bytes(data, "article.txt")
    assert article.text == expected
    assert "Ã" not in article.text and "\ufffd" not in article.text


def test_cp1252_bytes_undefined_in_cp1252_are_kept_as_latin1_not_dropped():
    text, _ = decode_bytes(b"caf\xe9 \x81 ok")
    assert text == "café \x81 ok"


def test_markdown_is_kept_verbatim_so_links_and_images_stay_inert_text():
    source = "# Titre\n\n![pixel](http://evil.example/p.png) [clic](javascript:alert(1)) Le ministre a parlé."
    assert read_bytes(source.encode(), "note.md").text == source


@pytest.mark.parametrize("name", ["report.pdf", "data.csv", "archive.tar"])
def test_read_bytes_refuses_unsupported_file_types_by_suffix(name):
    with pytest.raises(SourceError, match=r"unsupported file type '\.\w+': use \.txt, \.md or \.html"):
        read_bytes(b"Some text that is text.", name)


# ------------------------------------------------------------------------------- HTML

PAGE = """<!doctype html><html lang="{lang}"><head>{head}<title>Title tag</title></head>
<body><header>Site header</header><nav><a href="/">Home</a></nav>
<article><h1>Headline here</h1>
<p>The defence secretary said on Friday that British troops were ready to deploy to Ukraine.</p>
<p>More than 200 military planners met in London, according to officials.</p>{extra}</article>
<aside>Most read</aside><footer>© Example 2025</footer></body></html>"""

HTML_METADATA = [
    ("og:title wins over <title>", '<meta property="og:title" content="OG title">', "", "OG title", None),
    ("<title> when no og:title", "", "", "Title tag", None),
    ("article:published_time", '<meta property="article:published_time" content="2025-08-15T09:30:00+01:00">', "", "Title tag", date(2025, 8, 15)),
    ("meta name=date", '<meta name="date" content="2024-02-29">', "", "Title tag", date(2024, 2, 29)),
    ("itemprop datePublished", '<meta itemprop="datePublished" content="2023-01-02">', "", "Title tag", date(2023, 1, 2)),
    (
        "JSON-LD @graph datePublished",
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},'
        '{"@type":"NewsArticle","datePublished":"2025-08-14T18:00:00Z"}]}</script>',
        "", "Title tag", date(2025, 8, 14),
    ),
    (
        "JSON-LD list",
        '<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2022-02-24"}]</script>',
        "", "Title tag", date(2022, 2, 24),
    ),
    ("<time datetime>", "", '<p>Published <time datetime="2021-06-30">30 June</time>.</p>', "Title tag", date(2021, 6, 30)),
    ("impossible date ignored", '<meta name="date" content="2025-02-30">', "", "Title tag", None),
    ("future date ignored, not a refusal", '<meta name="date" content="2999-01-01">', "", "Title tag", None),
    ("date before 1900 ignored", '<meta name="date" content="0025-08-15">', "", "Title tag", None),
    ("broken JSON-LD ignored", '<script type="application/ld+json">{not json</script>', "", "Title tag", None),
]


@pytest.mark.parametrize("head, extra, title, published", [c[1:] for c in HTML_METADATA], ids=[c[0] for c in HTML_METADATA])
def test_read_html_takes_title_and_date_from_page_metadata(head, extra, title, published):
    article = read_html(PAGE.format(lang="en", head=head, extra=extra))
    assert article.title == title
    assert article.published == published


def test_an_html_upload_is_read_in_the_charset_its_meta_tag_declares():
    page = '<html><head><meta charset="iso-8859-15"></head><body><p>Le prix : 5 \u20ac, à Paris.</p></body></html>'
    assert read_bytes(page.encode("iso-8859-15"), "page.html").text == "Le prix : 5 \u20ac, à Paris."


def test_read_html_keeps_paragraphs_and_headings_as_lines_and_drops_site_chrome():
    article = read_html(PAGE.format(lang="en", head="", extra=""))
    assert article.text.splitlines() == [
        "Headline here",
        "The defence secretary said on Friday that British troops were ready to deploy to Ukraine.",
        "More than 200 military planners met in London, according to officials.",
    ]
    assert article.lang == "en"


def test_read_html_without_article_element_uses_body_blocks():
    article = read_html("<html><body><div><p>Premier paragraphe.</p><p>Second <i>paragraphe</i>.</p></div></body></html>")
    assert article.text == "Premier paragraphe.\nSecond paragraphe."


@pytest.mark.parametrize(
    "lang_attr, body, expected",
    [
        ("fr", "Le ministre de la Défense a déclaré vendredi que les troupes étaient prêtes à partir.", "fr"),
        ("en", "Le ministre de la Défense a déclaré vendredi que les troupes étaient prêtes à partir.", "fr"),
        ("fr-FR", "Trop court.", "fr"),
        ("de", "Trop court.", None),
        ("en", "Der Verteidigungsminister sagte am Freitag, dass die Truppen bereit seien.", None),
    ],
    ids=["hint agrees", "text wins over a wrong hint", "hint used when text too short", "unsupported hint ignored", "other language left undecided"],
)
def test_read_html_language_comes_from_text_and_falls_back_to_lang_attribute(lang_attr, body, expected):
    assert read_html(f'<html lang="{lang_attr}"><body><p>{body}</p></body></html>').lang == expected


HOSTILE_HTML = [
    ("script", "<p>Avant.</p><script>alert('x')</script><p>Après.</p>", ["alert", "<script"]),
    ("script inside a paragraph", "<p>Le texte<script>document.cookie</script> continue.</p>", ["document.cookie"]),
    ("iframe", '<p>Texte.</p><iframe src="http://evil.example/">fallback alert</iframe>', ["evil.example", "fallback", "iframe"]),
    ("onerror handler", '<p>Image <img src=x onerror="alert(1)"> ici.</p>', ["onerror", "alert", "<img"]),
    ("javascript: link", '<p><a href="javascript:alert(1)">Cliquez</a> pour lire.</p>', ["javascript:", "alert", "href"]),
    ("style", "<style>body{background:url(javascript:alert(1))}</style><p>Texte.</p>", ["javascript", "background"]),
    ("svg onload", '<p>Texte.</p><svg onload="alert(1)"><text>svg text</text></svg>', ["alert", "svg", "onload"]),
    ("comment", "<p>Texte.</p><!-- <script>alert(1)</script> -->", ["alert", "<!--"]),
    ("noscript", "<noscript><img src=x onerror=alert(1)></noscript><p>Texte.</p>", ["alert", "onerror"]),
    ("form and inputs", '<form action="http://evil.example"><input value="steal"><button>Go</button></form><p>Texte.</p>', ["steal", "evil", "Go"]),
    ("object and embed", '<object data="x.swf">obj</object><embed src="y.swf"><p>Texte.</p>', ["swf", "obj"]),
    ("data: URI link", '<p><a href="data:text/html;base64,PHNjcmlwdD4=">lien</a> sûr.</p>', ["data:", "base64"]),
    ("unclosed script swallows nothing visible", "<p>Texte visible.</p><script>var a = '</p><p>", ["var a"]),
]


@pytest.mark.parametrize("html, forbidden", [c[1:] for c in HOSTILE_HTML], ids=[c[0] for c in HOSTILE_HTML])
def test_hostile_html_reaches_article_text_only_as_plain_text(html, forbidden):
    article = read_html(f"<html><body>{html}</body></html>")
    for fragment in forbidden:
        assert fragment.lower() not in article.text.lower()
    assert "<" not in article.text and ">" not in article.text
    assert article.text.strip()


def test_escaped_markup_in_a_paragraph_is_kept_as_the_literal_text_it_shows():
    article = read_html("<p>The tag &lt;script&gt; was quoted in the report.</p>")
    assert article.text == "The tag <script> was quoted in the report."


# ------------------------------------------------------------------------------- boilerplate

BOILERPLATE_LINES = [
    ("Verrouiller gratuitement la newsletter de la montre White House Watch gratuitement", True),
    ("Votre guide sur ce que la deuxième saison de Trump signifie Washington, Business and World", True),
    ("Unlock the White House Watch newsletter for free", True),
    ("Your guide to what Trump’s second term means for Washington, business and the world", True),
    ("Sign up for our daily briefing", True),
    ("Subscribe", True),
    ("Subscribe now", True),
    ("Read more", True),
    ("Read more: Healy visits Kyiv", True),
    ("Advertisement", True),
    ("Publicité", True),
    ("Partager", True),
    ("Partager sur Facebook", True),
    ("Share this article", True),
    ("We use cookies to improve your experience on our site.", True),
    ("Nous utilisons des cookies pour améliorer votre expérience.", True),
    ("Abonnez-vous à notre newsletter", True),
    ("Lire aussi : la Finlande rejoint l’OTAN", True),
    ("Tous droits réservés", True),
    ("Partager les coûts de la défense est essentiel, a déclaré Healy.", False),
    ("Subscribers to the service rose by 20% last year, the company said.", False),
    ("The newsletter reported that 200 troops had arrived on Friday.", False),
    ("Sign language interpreters were present at the briefing.", False),
    ("Read the full statement below, a spokesman said.", False),
    ("Votre avis compte, a déclaré le ministre.", False),
    ("« Ils sont prêts à partir et ils sont prêts à agir dès le premier jour. »", False),
]


@pytest.mark.parametrize("line, expected", BOILERPLATE_LINES, ids=[line[:40] for line, _ in BOILERPLATE_LINES])
def test_boilerplate_lines_are_recognised_and_article_sentences_are_not(line, expected):
    text = f"Le ministre a parlé.\n  {line}  \nFin de l’article."
    spans = boilerplate_spans(text)
    if expected:
        assert len(spans) == 1 and text[spans[0][0] : spans[0][1]] == line
    else:
        assert spans == ()


def test_seed_opens_with_two_boilerplate_lines_and_no_article_sentence_is_boilerplate():
    seed = list_seeds()[0]
    article = read_seed(seed)
    lines = article.text.splitlines()
    assert [article.text[s:e] for s, e in article.boilerplate] == lines[:2]


def test_every_seed_has_its_promo_lines_marked_and_only_near_the_top():
    for seed in list_seeds():
        article = read_seed(seed)
        assert article.boilerplate, seed.path.name
        first_lines_end = sum(len(line) + 1 for line in article.text.splitlines()[:2])
        assert all(end <= first_lines_end for _, end in article.boilerplate), seed.path.name


def test_boilerplate_spans_ignore_very_long_lines_even_with_a_promo_start():
    line = "Subscribe to " + "the record of what the minister said on Friday " * 10
    assert boilerplate_spans(line) == ()


# ------------------------------------------------------------------------------- files and seeds


def test_list_seeds_puts_the_french_seed_first_with_its_sidecar_metadata():
    seed = list_seeds()[0]
    assert seed.path.name == "healy-boots-on-the-ground-fr.txt"
    assert (seed.lang, seed.published) == ("fr", date(2025, 8, 15))
    assert seed.title.startswith("Healy")


def test_read_seed_applies_sidecar_title_language_and_date():
    article = read_seed(list_seeds()[0])
    assert (article.lang, article.published) == ("fr", date(2025, 8, 15))
    assert article.title == list_seeds()[0].title
    assert article.text == list_seeds()[0].path.read_text(encoding="utf-8")


def test_read_file_uses_a_sidecar_json_beside_the_file(tmp_path):
    (tmp_path / "story.txt").write_text("The minister said troops were ready.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"title": "Story", "lang": "en", "published": "2024-03-01"}', encoding="utf-8")
    article = read_file(tmp_path / "story.txt")
    assert (article.title, article.lang, article.published) == ("Story", "en", date(2024, 3, 1))
    assert article.source == str(tmp_path / "story.txt")


def test_read_file_refuses_a_sidecar_with_an_impossible_date(tmp_path):
    (tmp_path / "story.txt").write_text("The minister said troops were ready.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"published": "2025-02-30"}', encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad publication date '2025-02-30' in story\.json"):
        read_file(tmp_path / "story.txt")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.txt", r"^no such file: .*missing\.txt$"),
        (lambda p: p, r"^is a directory, not a file: "),
    ],
    ids=["missing", "directory"],
)
def test_read_file_refuses_missing_files_and_directories(tmp_path, make, message):
    with pytest.raises(SourceError, match=message):
        read_file(make(tmp_path))


def test_read_file_refuses_an_oversized_file_before_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_UPLOAD_BYTES + 1)  # sparse: costs no disk and no memory
    with pytest.raises(SourceError, match=r"^file too large: 20 MB, the limit is 20 MB$"):
        read_file(path)


@pytest.mark.parametrize(
    "published, ok",
    [(date(2025, 8, 15), True), (date(2025, 9, 2), True), (date(1900, 1, 1), True), (date(2025, 9, 3), False), (date(1899, 12, 31), False)],
)
def test_check_published_accepts_plausible_dates_and_refuses_future_or_pre_1900(published, ok):
    today = date(2025, 9, 1)
    if ok:
        assert check_published(published, today=today) == published
    else:
        with pytest.raises(SourceError, match=r"^publication date \d{4}-\d\d-\d\d is (in the future|before 1900)"):
            check_published(published, today=today)


# ------------------------------------------------------------------------------- URLs

ARTICLE_HTML = (
    '<html lang="en"><head><meta property="og:title" content="Served title">'
    '<meta property="article:published_time" content="2025-08-15"></head>'
    "<body><article><p>The defence secretary said on Friday that British troops were ready to deploy.</p>"
    "</article></body></html>"
).encode()


class _Handler(BaseHTTPRequestHandler):
    release: threading.Event
    hits: list

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in headers:
            self.send_header(key, value)
        if body is not None:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        self.hits.append(self.path)
        self.authorizations.append(self.headers.get("Authorization"))
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE_HTML)
        elif path == "/plain":
            self._send(200, "Le ministre a parlé vendredi à Paris.".encode("cp1252"), "text/plain; charset=windows-1252")
        elif path == "/latin1-declared":
            self._send(200, "<p>Coût : 5 € et l’été.</p>".encode("cp1252"), "text/html; charset=iso-8859-1")
        elif path.startswith("/redirect/"):
            left = int(path.rsplit("/", 1)[1])
            self._send(302, b"", headers=[("Location", f"/redirect/{left - 1}" if left > 1 else "/article")])
        elif path == "/redirect-to-file":
            self._send(302, b"", headers=[("Location", "file:///etc/passwd")])
        elif path == "/big-declared":
            self._send(200, b"x" * 5000)
        elif path == "/big-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the client must count while reading
            for _ in range(50):
                self.wfile.write(b"<p>" + b"y" * 200 + b"</p>")
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, "image/png")
        elif path == "/no-type":
            self._send(200, b"text", None)
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/slow":
            self.release.wait(10)  # answers only when the test is over
            self._send(200, ARTICLE_HTML)
        else:
            self._send(500, b"unexpected")


@pytest.fixture()
def server(monkeypatch):
    monkeypatch.setenv("FACTDESK_ALLOW_PRIVATE_URLS", "1")
    handler = type("Handler", (_Handler,), {"release": threading.Event(), "hits": [], "authorizations": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield base, handler
    handler.release.set()
    httpd.shutdown()
    httpd.server_close()


def test_fetch_url_reads_an_html_page_with_its_metadata(server):
    base, _ = server
    article = fetch_url(f"{base}/article")
    assert article.text == "The defence secretary said on Friday that British troops were ready to deploy."
    assert (article.title, article.published, article.lang) == ("Served title", date(2025, 8, 15), "en")
    assert article.source == f"{base}/article"


def test_fetch_url_never_sends_netrc_credentials(server, tmp_path, monkeypatch):
    base, handler = server
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login analyst password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    fetch_url(f"{base}/article")
    assert handler.authorizations == [None]


def test_fetch_url_reads_plain_text_in_the_declared_charset(server):
    base, _ = server
    assert fetch_url(f"{base}/plain").text == "Le ministre a parlé vendredi à Paris."


def test_fetch_url_reads_a_latin1_label_as_windows_1252_like_browsers(server):
    base, _ = server
    assert fetch_url(f"{base}/latin1-declared").text == "Coût : 5 € et l’été."


def test_fetch_url_follows_five_redirects_and_reports_the_final_address(server):
    base, handler = server
    article = fetch_url(f"{base}/redirect/4")
    assert article.source == f"{base}/article"
    assert handler.hits == ["/redirect/4", "/redirect/3", "/redirect/2", "/redirect/1", "/article"]


def test_fetch_url_refuses_a_sixth_redirect(server):
    base, _ = server
    with pytest.raises(SourceError, match=r"^too many redirects \(more than 5\)"):
        fetch_url(f"{base}/redirect/6")


def test_fetch_url_rechecks_the_scheme_of_each_redirect(server):
    base, _ = server
    with pytest.raises(SourceError, match=r"^only http and https addresses can be fetched, not file"):
        fetch_url(f"{base}/redirect-to-file")


@pytest.mark.parametrize("path", ["/big-declared", "/big-streamed"])
def test_fetch_url_refuses_pages_over_the_size_cap(server, path):
    base, _ = server
    with pytest.raises(SourceError, match=r"^page too large: (5 KB, the limit is 4 KB|the limit is 4 KB and the server sent more)$"):
        fetch_url(f"{base}{path}", max_bytes=4000)


@pytest.mark.parametrize(
    "path, message",
    [
        ("/image", r"^not an article page: content type image/png \(expected HTML or plain text\)$"),
        ("/no-type", r"^not an article page: content type missing"),
        ("/missing", r"^HTTP 404 from "),
    ],
)
def test_fetch_url_refuses_other_content_and_errors(server, path, message):
    base, _ = server
    with pytest.raises(SourceError, match=message):
        fetch_url(f"{base}{path}")


def test_fetch_url_gives_up_on_a_server_that_does_not_answer(server):
    base, _ = server
    with pytest.raises(SourceError, match=r"^timed out fetching .*/slow$"):
        fetch_url(f"{base}/slow", timeout=(1, 0.3))


def test_fetch_url_refuses_loopback_without_the_setting_and_never_connects(server):
    base, handler = server
    with pytest.raises(SourceError, match=r"^refusing to fetch 127\.0\.0\.1: 127\.0\.0\.1 is a loopback address \(set FACTDESK_ALLOW_PRIVATE_URLS=1"):
        fetch_url(f"{base}/article", allow_private=False)
    assert handler.hits == []


def test_fetch_url_checks_the_address_it_connects_to_not_only_the_one_it_resolved(server, monkeypatch):
    # DNS rebinding: the name resolves to a public address when checked, then to loopback.
    base, handler = server
    monkeypatch.setattr("lib.sources._resolve", lambda host, port: ["93.184.216.34"])
    with pytest.raises(SourceError, match=r"^refusing to fetch 127\.0\.0\.1: 127\.0\.0\.1 is a loopback address"):
        fetch_url(f"{base}/article", allow_private=False)
    assert handler.hits == []


@pytest.mark.parametrize(
    "url, kind",
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8501/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/admin", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://100.64.0.1/", "non-public"),
    ],
)
def test_fetch_url_refuses_internal_addresses_by_default(monkeypatch, url, kind):
    monkeypatch.delenv("FACTDESK_ALLOW_PRIVATE_URLS", raising=False)
    with pytest.raises(SourceError, match=rf"^refusing to fetch .* is a {kind} address"):
        fetch_url(url)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.com/a.txt", "javascript:alert(1)", "gopher://example.com/", "/etc/passwd", "data:text/html,hi"],
)
def test_fetch_url_accepts_only_http_and_https(url):
    with pytest.raises(SourceError, match=r"^only http and https addresses can be fetched"):
        fetch_url(url)


def test_fetch_url_refuses_addresses_with_credentials():
    with pytest.raises(SourceError, match="user name or password"):
        fetch_url("http://user:secret@example.com/")


def test_read_text_marks_boilerplate_and_strips_a_pasted_bom():
    article = read_text("\ufeffSubscribe\nThe minister said troops were ready.", title="  T  ")
    assert article.text == "Subscribe\nThe minister said troops were ready."
    assert (article.boilerplate, article.title, article.lang) == (((0, 9),), "T", None)


class _TricklingResponse:
    """A response that keeps sending small chunks: each read is quick, the whole never ends."""

    headers: dict = {}

    def iter_content(self, chunk_size):
        while True:
            yield b"<p>x</p>"


def test_a_server_trickling_bytes_is_cut_off_at_the_overall_deadline():
    import time

    from lib.sources import _read_capped

    with pytest.raises(SourceError, match=r"^timed out: the page took too long to download$"):
        _read_capped(_TricklingResponse(), max_bytes=10_000_000, deadline=time.monotonic() - 1)
