"""lib.sources html: article text, title and date from pages; hostile markup stays inert text."""
from __future__ import annotations

from datetime import date

import pytest

from lib.sources import (
    read_bytes,
    read_html,
    read_html_stream,
)


PAGE = """<!doctype html><html lang="{lang}"><head>{head}<title>Title tag</title></head>
<body><header>Site header</header><nav><a href="/">Home</a></nav>
<article><h1>Headline here</h1>
<p>The defence secretary said on Friday that British troops were ready to deploy to Ukraine.</p>
<p>More than 200 military planners met in London, according to officials.</p>{extra}</article>
<aside>Most read</aside><footer>© Example News</footer></body></html>"""

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
def test_our_reader_takes_title_and_date_from_page_metadata(head, extra, title, published):
    article = read_html_stream(PAGE.format(lang="en", head=head, extra=extra))
    assert article.title == title
    assert article.published == published


# What read_html (trafilatura's title, htmldate's original date) makes of the same pages: a page's single
# <h1> is its title before <title> (which carries the site's name on real pages); htmldate reads the same
# metadata, and where the day is impossible it keeps the year and month.
READ_HTML_METADATA = {
    "<title> when no og:title": ("Headline here", None),
    "impossible date ignored": ("Headline here", date(2025, 2, 1)),
}


@pytest.mark.parametrize("head, extra, title, published", [c[1:] for c in HTML_METADATA], ids=[c[0] for c in HTML_METADATA])
def test_read_html_takes_title_and_date_from_page_metadata(request, head, extra, title, published):
    case = request.node.callspec.id
    expected = READ_HTML_METADATA.get(case, ("Headline here" if title == "Title tag" else title, published))
    article = read_html(PAGE.format(lang="en", head=head, extra=extra))
    assert (article.title, article.published) == expected


def test_a_copyright_year_alone_is_htmldates_guess_of_the_first_of_january():
    # The extensive search finds 90.5% of the benchmark's dates instead of 86.3%, at the price of this guess,
    # which the analyst confirms or corrects on the Load page like any date.
    page = PAGE.format(lang="en", head="", extra="").replace("© Example News", "© Example 2025")
    assert read_html(page).published == date(2025, 1, 1)


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


def test_read_html_without_article_element_uses_body_blocks_on_separate_lines():
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
