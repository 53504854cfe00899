"""Load page: seeds, pasted text, uploads and addresses become a draft; language and date confirmed; extraction stores it."""
from __future__ import annotations

from datetime import date

import pytest

from lib.models import Kind, Status
from tests.dashboard_fixtures import TEXT, small_extraction
from tests.pages.apptest import (
    GERMAN, HOSTILE, goto, listing, load_pasted, open_healy_seed, published_field, start, texts,
)


def test_load_page_opens_the_french_seed_with_its_language_title_and_date(store_url):
    at = start()
    open_healy_seed(at)
    (lang,) = [s for s in at.selectbox if s.key.startswith("lang-")]
    assert lang.value == "fr"
    assert lang.options == ["French", "English"]  # names, never codes; the stored value stays "fr"
    assert at.selectbox(key="seed").options[0].endswith("(French)")
    assert published_field(at).value == "2025-08-15"
    assert [t.value for t in at.text_input if t.key.startswith("title-")] == [
        "Healy: le Royaume-Uni prêt à mettre des bottes sur le terrain en Ukraine"]


def test_extracting_the_seed_stores_it_and_opens_it_for_review(store):
    at = start()
    open_healy_seed(at)
    at.button(key="extract").click().run()
    assert not at.exception and not at.error
    (summary,) = store.articles()
    assert at.session_state["article_id"] == summary.id
    assert summary.counts["claim"] > 0
    goto(at, "review")
    frame = listing(at)
    assert len(frame) == summary.counts["claim"]
    assert any(details.strip().startswith("John Healy") for details in frame["details"])


def test_pasted_text_without_a_date_asks_for_one_before_extraction(store_url):
    at = load_pasted(start(), HOSTILE)
    assert any("No publication date" in w for w in texts(at.warning))
    assert at.button(key="extract").disabled
    at.checkbox[0].check().run()
    assert not at.button(key="extract").disabled


def test_unsupported_language_is_a_clear_error_and_nothing_is_stored(store):
    at = load_pasted(start(), GERMAN)
    assert any("Unsupported language: de" in e for e in texts(at.error))
    assert "Traceback" not in " ".join(texts(at.error))
    assert at.button(key="extract").disabled
    assert store.articles() == []


def test_unreadable_upload_is_a_clear_error(store):
    at = start()
    at.radio(key="load-from").set_value("Upload").run()
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    at.file_uploader(key="upload").set_value(("article.txt", png, "text/plain")).run()
    at.button(key="read-upload").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert message.endswith("Check the file, or paste the article's text instead.")
    assert at.session_state["draft"] is None
    assert store.articles() == []


def test_an_article_already_stored_opens_with_its_reviews(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    at = load_pasted(start(), extraction.article.text)
    assert any("already in the store" in i for i in texts(at.info))
    assert published_field(at).value == "2025-08-15"  # the stored date comes back
    at.button(key="extract").click().run()
    assert at.session_state["article_id"] == extraction.article.id
    assert len(store.articles()) == 1
    assert {i.id: i.review.status for i in store.items(kind=Kind.CLAIM)}["c1"] == Status.VERIFIED


def test_a_stored_article_dated_tomorrow_opens_with_its_date(store):
    from datetime import timedelta

    tomorrow = date.today() + timedelta(days=1)  # accepted by lib.sources: it is already tomorrow east of here
    store.save_extraction(small_extraction(published=tomorrow))
    at = load_pasted(start(), TEXT)
    assert published_field(at).value == tomorrow.isoformat()
    assert not at.error and not at.button(key="extract").disabled


def test_a_page_dated_in_the_future_is_named_as_such_not_as_undated(store_url):
    from datetime import timedelta

    from lib.models import Article as Draft

    at = start()
    future = date.today() + timedelta(days=10)
    at.session_state["draft"] = Draft(TEXT, lang="fr", published=future, title="t")
    at.run()
    assert not at.exception
    assert published_field(at).value == future.isoformat()  # shown as found, not dropped
    (message,) = texts(at.error)
    assert f"{future.isoformat()} is in the future" in message
    assert message.startswith("The article's own date is refused")
    assert not any("No publication date" in w for w in texts(at.warning))
    assert at.button(key="extract").disabled


@pytest.mark.parametrize("typed, reason", [
    ("2025-02-30", "The date 2025-02-30 does not exist: February 2025 has 28 days."),
    ("1850-03-01", "is before 1900: a publication date is between 1900-01-01 and "),
    ("2099-01-01", "is in the future"),
])
def test_a_typed_date_is_refused_with_the_reason_and_the_range_and_never_changed(store_url, typed, reason):
    at = load_pasted(start(), HOSTILE)
    published_field(at).input(typed).run()
    assert not at.exception
    (message,) = texts(at.error)
    assert reason in message and message[0].isupper()
    assert "YYYY-MM-DD" in message
    assert published_field(at).value == typed
    assert at.button(key="extract").disabled


def test_a_typed_date_that_exists_enables_extraction(store_url):
    at = load_pasted(start(), HOSTILE)
    published_field(at).input("2024-02-29").run()
    assert not at.error and not at.button(key="extract").disabled


def test_loading_from_a_url_reads_title_and_date_from_the_page(store, monkeypatch):
    import http.server
    import threading

    page = (
        "<html lang='fr'><head><title>Healy à la BBC</title>"
        "<meta property='article:published_time' content='2025-08-15T08:00:00Z'></head><body><article>"
        "<p>Le secrétaire à la Défense, John Healy, a déclaré vendredi que le gouvernement était prêt à "
        "envoyer des troupes britanniques en Ukraine si un cessez-le-feu était signé.</p>"
        "<p>Plus de 200 planificateurs militaires de 30 pays ont contribué à la planification, a déclaré Healy.</p>"
        "</article></body></html>"
    ).encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("FACTDESK_ALLOW_PRIVATE_URLS", "1")  # the test's server is on loopback
    try:
        at = start()
        at.radio(key="load-from").set_value("URL").run()
        at.text_input(key="url").input(f"http://127.0.0.1:{server.server_port}/article").run()
        at.button(key="read-url").click().run()
    finally:
        server.shutdown()
    assert not at.exception and not at.error
    assert [t.value for t in at.text_input if t.key.startswith("title-")] == ["Healy à la BBC"]
    assert published_field(at).value == "2025-08-15"
    at.button(key="extract").click().run()
    assert [a.title for a in store.articles()] == ["Healy à la BBC"]


def test_private_addresses_are_refused_by_default(store, monkeypatch):
    monkeypatch.delenv("FACTDESK_ALLOW_PRIVATE_URLS", raising=False)
    at = start()
    at.radio(key="load-from").set_value("URL").run()
    at.text_input(key="url").input("http://127.0.0.1:9/secret").run()
    at.button(key="read-url").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert "127.0.0.1" in message or "private" in message.lower() or "loopback" in message.lower()
    assert at.session_state["draft"] is None


def test_a_paste_too_long_to_extract_in_the_dashboard_is_refused_with_the_limit_and_the_way_round(store_url):
    from lib.validation import MAX_DASHBOARD_CHARS

    sentence = "Plus de 200 planificateurs se sont réunis vendredi, a déclaré Healy. "
    at = load_pasted(start(), sentence * (MAX_DASHBOARD_CHARS // len(sentence) + 1))
    (error,) = texts(at.error)
    assert error.startswith("Text too long for the dashboard: 500,")  # as a sentence
    assert "the limit is 500,000" in error and "python -m lib ingest FILE" in error
    assert at.session_state["draft"] is None
    assert [b.key for b in at.button if b.key == "extract"] == []


def test_an_empty_paste_after_a_seed_clears_the_seed_instead_of_offering_it_for_extraction(store_url):
    at = open_healy_seed(start())
    assert at.session_state["draft"] is not None
    at.radio(key="load-from").set_value("Paste").run()
    at.text_area(key="paste").input("   ")
    at.button(key="read-paste").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert message.startswith("Empty text")
    assert "paste" in message.lower() and "file" not in message.lower()
    assert at.session_state["draft"] is None
    assert not [b for b in at.button if b.key == "extract"]
    assert "Before extraction" not in [h.value for h in at.subheader]


def test_an_unreachable_address_after_a_seed_clears_the_seed_and_says_why_in_plain_words(store_url, monkeypatch):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("FACTDESK_ALLOW_PRIVATE_URLS", "1")
    at = open_healy_seed(start())
    at.radio(key="load-from").set_value("URL").run()
    at.text_input(key="url").input(f"http://127.0.0.1:{port}/article").run()
    at.button(key="read-url").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert message[0].isupper()
    assert "Errno" not in message and "HTTPConnectionPool" not in message
    assert at.session_state["draft"] is None
    assert not [b for b in at.button if b.key == "extract"]
