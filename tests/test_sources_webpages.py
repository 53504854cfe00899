"""lib.sources on real-world-shaped news pages (tests/webpages/, written for these tests): the article's own
text, title and original date, whatever surrounds them — navigation, cookie banners, teaser cards, a page
wrapped in a <form>, related lists, comments — and the same through fetch_url from a local server."""
from __future__ import annotations

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from lib.extract import extract
from lib.sources import SourceError, fetch_url, read_bytes, read_html, read_html_stream
from lib.sources import html as html_module

PAGES = Path(__file__).resolve().parent / "webpages"

NEWS_EN = (
    "The defence secretary, John Healy, said on Friday that British troops were ready to deploy to Ukraine as part "
    "of a multinational force once a ceasefire is agreed.\n"
    "More than 200 military planners from 30 countries have met in London since March, according to officials, "
    "and the force could number 10,000 soldiers.\n"
    '"We are ready to play our full part," Healy told reporters in Portsmouth, adding that the cost would be shared '
    "by the coalition.\n"
    "The Ministry of Defence did not say how many British soldiers would take part."
)
TEASER_FR = (
    "Budget : le gouvernement promet 5 milliards d’économies\n"
    "Par Marie Dupont, publié le 14 mars 2025\n"
    "Le ministre de l’Économie a présenté vendredi un plan de 5 milliards d’euros d’économies pour l’année "
    "prochaine, dont 1,2 milliard sur le fonctionnement de l’État.\n"
    "« Nous tiendrons l’objectif de déficit de 5,4 % », a déclaré le ministre devant les députés, sans préciser "
    "le calendrier des mesures.\n"
    "Lire aussi : Déficit public : la Cour des comptes s’inquiète\n"
    "L’opposition a dénoncé un budget « d’austérité » et réclame un débat au Parlement avant l’été.\n"
    "Cet article vous est offert. Abonnez-vous pour soutenir une information indépendante."
)
ASPNET_FORM = (
    "City council approves new tram line\n"
    "The city council voted 31 to 9 on Monday night to approve a new tram line linking the station to the "
    "university, at an estimated cost of £240 million.\n"
    "Construction is expected to begin next spring and the line should carry about 18,000 passengers a day, the "
    "council’s transport committee said.\n"
    "Opponents argued that the money would be better spent on buses. “This is a vanity project,” said councillor "
    "Ann Price."
)
DATE_IN_URL = (
    "Harbour reopens after storm repairs\n"
    "The harbour reopened to fishing boats on Wednesday after four months of repairs to the sea wall, which was "
    "breached during the winter storms.\n"
    "The harbour master said the work had cost £3.5 million and that 40 boats had returned to their moorings by "
    "the afternoon.\n"
    "Local businesses welcomed the news, saying the closure had cut their takings by half."
)

# (file, title, lang, date, exact article text, lines marked as boilerplate, what must not be in the text)
WEBPAGES = [
    (
        "news-en.html", "Troops ready to deploy to Ukraine, says defence secretary", "en", date(2025, 8, 15), NEWS_EN, [],
        # cookie banner, navigation, share tools, caption, related list, newsletter box, comments, most read, footer
        ["cookies", "Sport", "Share on X", "Photo: Example Agency", "Ceasefire talks", "morning briefing",
         "£5bn", "2019", "Heatwave", "All rights reserved"],
    ),
    (
        "teaser-fr.html", "Budget : le gouvernement promet 5 milliards d’économies", "fr", date(2025, 3, 14), TEASER_FR,
        ["Lire aussi : Déficit public : la Cour des comptes s’inquiète",
         "Cet article vous est offert. Abonnez-vous pour soutenir une information indépendante."],
        # the teaser cards before the story, the cookie banner, the share links, most read, footer
        ["Retraites", "3 millions", "2,1 %", "Paramétrer", "Copier le lien", "25 °C", "Tous droits réservés"],
    ),
    (
        # the whole page inside an ASP.NET <form>, windows-1252, the date only in JSON-LD
        "aspnet-form.html", "City council approves new tram line", "en", date(2024, 11, 5), ASPNET_FORM, [],
        ["VIEWSTATE", "Search", "Weather", "Bus fares", "10p", "Copyright"],
    ),
    (
        # no date anywhere in the page: an upload has none (the address is not known)
        "date-in-url.html", "Harbour reopens after storm repairs", "en", None, DATE_IN_URL, [],
        ["Coast Gazette", "Archive", "Older posts", "Follow us"],
    ),
]


@pytest.mark.parametrize(
    "name, title, lang, published, text, boilerplate, absent", WEBPAGES, ids=[page[0] for page in WEBPAGES]
)
def test_an_uploaded_news_page_yields_the_article_its_title_and_its_date(
    name, title, lang, published, text, boilerplate, absent
):
    article = read_bytes((PAGES / name).read_bytes(), name)
    assert article.text == text
    assert (article.title, article.lang, article.published) == (title, lang, published)
    assert [article.text[start:end] for start, end in article.boilerplate] == boilerplate
    for snippet in absent:
        assert snippet not in article.text


@pytest.mark.parametrize("name", [page[0] for page in WEBPAGES])
def test_every_item_extracted_from_a_page_slices_the_stored_text_exactly(name):
    article = read_bytes((PAGES / name).read_bytes(), name)
    items = list(extract(article).items())
    assert len(items) >= 3  # figures, events and claims are there to check
    for _kind, item in items:
        assert article.text[item.start : item.end] == item.text


def test_our_reader_alone_keeps_what_trafilatura_leaves_out():
    """Why the change: the old reader keeps the teaser cards and the banner the new one drops."""
    html = (PAGES / "teaser-fr.html").read_text(encoding="utf-8")
    old, new = read_html_stream(html), read_html(html)
    assert "Retraites" in old.text and "Retraites" not in new.text
    assert "Nous utilisons des cookies" not in new.text


def test_a_date_only_in_the_address_counts_when_the_page_was_fetched():
    html = (PAGES / "date-in-url.html").read_text(encoding="utf-8")
    assert read_html(html, url="https://coast.example.org/2024/03/07/harbour-reopens.html").published == date(2024, 3, 7)
    assert read_html(html).published is None


def test_a_comment_section_is_left_out_even_when_it_is_inside_main():
    article = read_bytes((PAGES / "news-en.html").read_bytes(), "news-en.html")
    assert "mark my words" not in article.text and "reader42" not in article.text


@pytest.mark.parametrize(
    "body",
    [
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav><script>render()</script>',
        "<div><img src=a.png><img src=b.png></div>",
        '<form><input name="q"><button>Search</button></form>',
    ],
    ids=["menus and scripts", "images only", "a search form"],
)
def test_a_page_without_article_text_says_so_and_suggests_pasting(body):
    with pytest.raises(SourceError) as raised:
        read_bytes(f"<html><head><title>App</title></head><body>{body}</body></html>".encode(), "app.html")
    assert str(raised.value) == html_module.NO_ARTICLE_TEXT
    assert "paste" in str(raised.value)


def test_a_page_over_the_element_bound_is_read_by_our_linear_reader(monkeypatch):
    html = (PAGES / "news-en.html").read_text(encoding="utf-8")
    monkeypatch.setattr(html_module, "MAX_TREE_ELEMENTS", 50)
    assert read_html(html).text == read_html_stream(html).text


@pytest.mark.parametrize("bound, value", [("MAX_TREE_CHARS", 1000), ("MAX_TREE_TAGS", 100)])
def test_a_page_over_the_size_or_tag_bound_is_read_by_our_linear_reader_without_parsing(monkeypatch, bound, value):
    html = (PAGES / "news-en.html").read_text(encoding="utf-8")
    monkeypatch.setattr(html_module, bound, value)
    monkeypatch.setattr(html_module, "_read_tree", None)  # never called: calling it would raise TypeError
    assert read_html(html).text == read_html_stream(html).text


def test_deeply_nested_and_unclosed_markup_yields_the_text_once_and_inert():
    nested = "<div>" * 5000 + "<p>Le ministre a déclaré vendredi que 200 soldats étaient prêts.</p>" + "</div>" * 5000
    unclosed = "<p>Le ministre a parlé vendredi.<svg><header><video>" + "<b>" * 3000 + "<p>Suite du texte.</p>"
    for html in (nested, unclosed):
        article = read_html(f"<html><body>{html}</body></html>")
        assert "<" not in article.text and article.text.count("Le ministre") == 1


class _PageServer(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - the http.server hook's name
        name = {"/2024/03/07/harbour-reopens.html": "date-in-url.html", "/news": "news-en.html"}.get(self.path)
        if name is None:
            self.send_response(404)
            self.end_headers()
            return
        body = (PAGES / name).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def page_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PageServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_url_reads_the_article_and_takes_the_date_from_its_address(page_server):
    article = fetch_url(f"{page_server}/2024/03/07/harbour-reopens.html", allow_private=True, timeout=(2, 5))
    assert (article.text, article.published) == (DATE_IN_URL, date(2024, 3, 7))


def test_fetch_url_reads_a_news_page_like_an_upload(page_server):
    article = fetch_url(f"{page_server}/news", allow_private=True, timeout=(2, 5))
    assert (article.text, article.title, article.published) == (NEWS_EN, WEBPAGES[0][1], date(2025, 8, 15))
