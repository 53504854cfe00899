"""AppTest of every page and of the whole flow, each against a fresh SQLite store in tmp_path."""
from __future__ import annotations

import csv
import dataclasses
import io
import re
from datetime import date
from html.parser import HTMLParser

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib import export
from lib.models import Article, Claim, Extraction, Kind, Status
from lib.store import Store, StoreUnavailable
from tests.dashboard_fixtures import TEXT, small_extraction

GERMAN = ("Der Verteidigungsminister sagte am Freitag, die britischen Truppen seien bereit, in die Ukraine "
          "zu gehen, sobald ein Waffenstillstand vereinbart sei. Mehr als zweihundert Planer aus dreißig "
          "Ländern haben an den Plänen gearbeitet.")
HOSTILE = (
    "Le ministre de la Défense a déclaré vendredi que les troupes britanniques étaient prêtes à partir. "
    "<script>alert('x')</script> <img src=x onerror=\"alert(1)\"> "
    "<a href=\"javascript:alert(2)\">cliquez ici</a> ![pixel](https://evil.example/p.png) "
    "[lien](javascript:alert(3)) <iframe src=\"//evil.example\"></iframe> "
    "Plus de 200 planificateurs militaires de 30 pays ont contribué à la planification, a déclaré Healy."
)


APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'factdesk.db'}"
    monkeypatch.setenv("FACTDESK_DATABASE_URL", url)
    return url


@pytest.fixture
def store(db_url):
    store = Store(db_url)
    yield store
    store.close()


def start(analyst: str = "Ana", article_id: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["analyst"] = analyst
    if article_id:
        at.session_state["article_id"] = article_id
    at.run()
    assert not at.exception
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def edit(at: AppTest, rows: dict) -> AppTest:
    """What a click in the editor sends: cell edits by row position."""
    key = at.data_editor[0].key
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    return at


def texts(elements) -> list[str]:
    """What the analyst reads: markdown escapes removed."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in elements]


def open_healy_seed(at: AppTest) -> AppTest:
    from lib.sources import list_seeds

    (seed,) = [s for s in list_seeds() if s.title.startswith("Healy")]
    at.selectbox(key="seed").set_value(seed)
    at.button(key="read-seed").click().run()
    assert not at.exception
    return at


def load_pasted(at: AppTest, text: str) -> AppTest:
    at.radio(key="load-from").set_value("Paste").run()
    at.text_area(key="paste").input(text)
    at.button(key="read-paste").click().run()
    assert not at.exception
    return at


# -- Load ------------------------------------------------------------------------------------


def test_load_page_opens_the_french_seed_with_its_language_title_and_date(db_url):
    at = start()
    open_healy_seed(at)
    (lang,) = [s for s in at.selectbox if s.key.startswith("lang-")]
    (published,) = at.date_input
    assert lang.value == "fr"
    assert published.value.isoformat() == "2025-08-15"
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
    frame = at.data_editor[0].value
    assert len(frame) == summary.counts["claim"]
    assert "John Healy" in set(frame["speaker"])


def test_pasted_text_without_a_date_asks_for_one_before_extraction(db_url):
    at = load_pasted(start(), HOSTILE)
    assert any("No publication date" in w for w in texts(at.warning))
    assert at.button(key="extract").disabled
    at.checkbox[0].check().run()
    assert not at.button(key="extract").disabled


def test_unsupported_language_is_a_clear_error_and_nothing_is_stored(store):
    at = load_pasted(start(), GERMAN)
    assert any("unsupported language: de" in e for e in texts(at.error))
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
    assert "paste the text instead" in message
    assert at.session_state["draft"] is None
    assert store.articles() == []


def test_an_article_already_stored_opens_with_its_reviews(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    at = load_pasted(start(), extraction.article.text)
    assert any("already in the store" in i for i in texts(at.info))
    assert at.date_input[0].value.isoformat() == "2025-08-15"  # the stored date comes back
    at.button(key="extract").click().run()
    assert at.session_state["article_id"] == extraction.article.id
    assert len(store.articles()) == 1
    assert {i.id: i.review.status for i in store.items(kind=Kind.CLAIM)}["c1"] == Status.VERIFIED


def test_a_stored_article_dated_tomorrow_opens_with_its_date(store):
    from datetime import timedelta

    tomorrow = date.today() + timedelta(days=1)  # accepted by lib.sources: it is already tomorrow east of here
    store.save_extraction(small_extraction(published=tomorrow))
    at = load_pasted(start(), TEXT)
    assert at.date_input[0].value == tomorrow
    assert at.date_input[0].max == tomorrow


def test_a_draft_dated_beyond_tomorrow_asks_for_the_date_instead_of_crashing(db_url):
    from datetime import timedelta

    from lib.models import Article as Draft

    at = start()
    at.session_state["draft"] = Draft(TEXT, lang="fr", published=date.today() + timedelta(days=10), title="t")
    at.run()
    assert not at.exception
    assert at.date_input[0].value is None
    assert any("set the publication date by hand" in w for w in texts(at.warning))


@pytest.mark.parametrize("published, expected", [
    (date(2025, 9, 2), date(2025, 9, 2)),  # tomorrow: time zones
    (date(2025, 9, 3), None),
    (date(1899, 12, 31), None),
    (None, None),
])
def test_plausible_published_follows_lib_sources(published, expected):
    from lib import session

    assert session.published_bounds(today=date(2025, 9, 1)) == (date(1900, 1, 1), date(2025, 9, 2))
    assert session.plausible_published(published, today=date(2025, 9, 1)) == expected


# -- Review ----------------------------------------------------------------------------------


@pytest.fixture
def stored(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    return extraction.article.id


def test_review_page_without_an_article_points_to_load(db_url):
    at = goto(start(), "review")
    assert any("No article open yet" in i for i in texts(at.info))


def test_review_shows_claims_editor_with_status_editable_and_the_rest_read_only(stored):
    at = goto(start(article_id=stored), "review")
    (editor,) = at.data_editor
    assert list(editor.value.index) == ["c1", "c2"]
    assert editor.value.loc["c1", "speaker"] == "Healy"
    assert len(at.get("vega_lite_chart")) == 1
    assert at.button(key="save").disabled  # nothing to save yet


def test_filters_narrow_the_table_and_the_counts(stored):
    at = goto(start(article_id=stored), "review")
    at.multiselect(key="f-speaker-claim").select("Radakin").run()
    assert list(at.data_editor[0].value.index) == ["c2"]
    assert "(1 shown of 2)" in at.get("progress")[0].proto.text


def test_saving_an_edit_writes_the_review_with_the_analyst(store, stored):
    at = goto(start(article_id=stored), "review")
    edit(at, {0: {"status": "verified", "note": "checked with BBC", "evidence": "https://bbc.co.uk/x"}})
    assert "1 unsaved" in at.get("progress")[0].proto.text
    at.button(key="save").click().run()
    assert texts(at.success) == ["Saved 1 review"]
    review = {i.id: i.review for i in store.items(kind=Kind.CLAIM)}["c1"]
    assert (review.status, review.note, review.evidence, review.analyst, review.version) == (
        Status.VERIFIED, "checked with BBC", ("https://bbc.co.uk/x",), "Ana", 1)
    assert at.data_editor[0].value.loc["c1", "status"] == "verified"
    assert at.session_state["pending"] == {"claim": {}}


def test_save_needs_the_analyst_name(stored):
    at = goto(start(analyst="", article_id=stored), "review")
    edit(at, {0: {"status": "verified"}})
    assert at.button(key="save").disabled


def test_edits_on_several_kinds_are_saved_by_one_click(store, stored):
    at = goto(start(article_id=stored), "review")
    edit(at, {1: {"status": "false"}})
    at.radio(key="review-kind").set_value("figure").run()
    edit(at, {0: {"status": "not_a_claim", "note": "not a figure"}})
    at.button(key="save").click().run()
    assert texts(at.success) == ["Saved 2 reviews"]
    statuses = {i.id: i.review.status for i in store.items()}
    assert (statuses["c2"], statuses["f1"], statuses["f2"]) == (Status.FALSE, Status.NOT_A_CLAIM, Status.UNCHECKED)


def test_a_conflict_keeps_both_edits_and_lets_the_analyst_choose(store, stored):
    at = goto(start(article_id=stored), "review")
    edit(at, {0: {"status": "verified", "note": "mine"}})
    store.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    at.button(key="save").click().run()
    summary, warning = texts(at.warning)
    assert summary == "Saved 0 reviews; 1 conflict" and texts(at.success) == []
    assert warning.startswith("Conflict on “Healy a déclaré vendredi")
    assert "verified" in warning and "Bob" in warning and "false" in warning and "theirs" in warning
    assert at.data_editor[0].value.loc["c1", "status"] == "verified"  # mine still on screen
    assert store.items(kind=Kind.CLAIM)[0].review.note == "theirs"  # theirs still saved
    at.button(key="mine-c1").click().run()
    at.button(key="save").click().run()
    assert texts(at.success) == ["Saved 1 review"]
    assert [(h.status, h.analyst) for h in store.history("c1")] == [(Status.FALSE, "Bob"), (Status.VERIFIED, "Ana")]


def bob_saves_and_the_cache_refreshes(store, item_id, status, note):
    """Bob's session clears the process-wide read cache after his save (the 30 s TTL would do the same)."""
    from lib import session

    store.save_review(item_id, status=status, note=note, analyst="Bob", expected_version=0)
    session.after_write()


@pytest.mark.parametrize("change", [{"status": "verified"}, {"note": "mine"}])
def test_an_edit_made_on_rows_refreshed_meanwhile_is_a_conflict_not_an_overwrite(store, stored, change):
    at = goto(start(article_id=stored), "review")
    assert at.data_editor[0].value.loc["c1", ["status", "note"]].tolist() == ["unchecked", ""]  # what Ana sees
    bob_saves_and_the_cache_refreshes(store, "c1", Status.FALSE, "theirs")
    edit(at, {0: change})  # Ana's click reaches the server on the rerun that reads Bob's save
    assert at.session_state["pending"]["claim"]["c1"].expected_version == 0  # the version Ana saw
    at.button(key="save").click().run()
    summary, warning = texts(at.warning)
    assert summary == "Saved 0 reviews; 1 conflict"
    assert warning.startswith("Conflict on “Healy") and "Bob" in warning and "false" in warning
    assert ("verified" in warning) if "status" in change else ("mine" in warning and "unchecked" in warning)
    assert texts(at.success) == []
    assert [(h.status, h.note, h.analyst) for h in store.history("c1")] == [(Status.FALSE, "theirs", "Bob")]


def test_an_edit_on_a_filtered_row_refreshed_away_still_names_its_item(store, stored):
    at = goto(start(article_id=stored), "review")
    at.multiselect(key="f-status-claim").select("unchecked").run()
    bob_saves_and_the_cache_refreshes(store, "c1", Status.FALSE, "theirs")
    edit(at, {0: {"status": "verified", "note": "about c1"}})  # row 0 was c1 on Ana's screen
    assert list(at.data_editor[0].value.index) == ["c2"]  # c1 no longer unchecked: filtered out
    assert list(at.session_state["pending"]["claim"]) == ["c1"]
    at.button(key="save").click().run()
    assert {i.id: (i.review.status, i.review.note) for i in store.items(kind=Kind.CLAIM)} == {
        "c1": (Status.FALSE, "theirs"), "c2": (Status.UNCHECKED, "")}
    assert len(at.warning) == 2  # the save's summary and the one conflict


def test_keeping_theirs_drops_my_edit(store, stored):
    at = goto(start(article_id=stored), "review")
    edit(at, {0: {"status": "verified"}})
    store.save_review("c1", status=Status.FALSE, analyst="Bob", expected_version=0)
    at.button(key="save").click().run()
    at.button(key="theirs-c1").click().run()
    assert at.session_state["pending"]["claim"] == {}
    assert at.data_editor[0].value.loc["c1", "status"] == "false"


def test_database_unreachable_on_save_keeps_the_edits_until_it_is_back(store, stored, monkeypatch):
    at = goto(start(article_id=stored), "review")
    edit(at, {0: {"status": "misleading", "note": "wrong date"}})

    def unreachable(self, *args, **kwargs):
        raise StoreUnavailable("the database at factdesk.db is locked")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "save_review", unreachable)
        at.button(key="save").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert "cannot be reached" in message and "unsaved edits stay on this page" in message
    assert at.data_editor[0].value.loc["c1", ["status", "note"]].tolist() == ["misleading", "wrong date"]
    assert store.items(kind=Kind.CLAIM)[0].review.status == Status.UNCHECKED
    at.button(key="save").click().run()
    assert texts(at.success) == ["Saved 1 review"]
    assert store.items(kind=Kind.CLAIM)[0].review.status == Status.MISLEADING


def test_timeline_tab_shows_events_and_the_timeline_chart(stored):
    at = goto(start(article_id=stored), "review")
    at.radio(key="review-kind").set_value("event").run()
    frame = at.data_editor[0].value
    assert frame.loc["e1", "date"].isoformat() == "2025-08-15"
    assert "layer" in at.get("vega_lite_chart")[0].proto.spec


def test_an_analyst_adds_a_missed_figure(store, stored):
    at = goto(start(article_id=stored), "review")
    at.radio(key="review-kind").set_value("figure").run()
    at.text_area(key="add-text-figure").input("deux milliards d'euros")
    at.text_input(key="add-detail-figure").input("2000000000 EUR")
    at.button(key="add-figure-submit").click().run()
    assert not at.exception
    added = [i for i in store.items(kind=Kind.FIGURE) if i.origin == "manual"]
    assert [(i.text, i.fields["value"], i.fields["unit"]) for i in added] == [("deux milliards d'euros", 2e9, "EUR")]
    assert (added[0].start, added[0].end) == (None, None)  # not in the article's text
    assert len(at.data_editor[0].value) == 4


@pytest.mark.parametrize("number", ["nan", "inf", "-Infinity", "1e999"])
def test_a_figure_value_that_is_not_finite_is_refused(store, stored, number):
    at = goto(start(article_id=stored), "review")
    at.radio(key="review-kind").set_value("figure").run()
    at.text_area(key="add-text-figure").input("beaucoup de soldats")
    at.text_input(key="add-detail-figure").input(f"{number} soldats")
    at.button(key="add-figure-submit").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert message.startswith(f"“{number}” is not a finite number: write the value first")
    assert [i for i in store.items(kind=Kind.FIGURE) if i.origin == "manual"] == []


def test_an_added_claim_found_in_the_text_is_highlighted(store, stored):
    at = goto(start(article_id=stored), "review")
    at.text_area(key="add-text-claim").input("Les dépenses atteindront 5% du PIB.")
    at.text_input(key="add-detail-claim").input("")
    at.button(key="add-claim-submit").click().run()
    (added,) = [i for i in store.items(kind=Kind.CLAIM) if i.origin == "manual"]
    assert (added.start, added.end, added.fields["speaker"]) == (TEXT.index("Les dépenses"), len(TEXT), None)
    goto(at, "article")
    assert f'data-item="{added.id}"' in at.get("html")[0].value


# -- Article ---------------------------------------------------------------------------------


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.update(name for name, _ in attrs)


def test_article_page_highlights_every_span_with_a_legend(stored):
    at = goto(start(article_id=stored), "article")
    body, legend = [h.value for h in at.get("html")]
    assert "not_a_claim" in legend
    spans = set(re.findall(r'class="fd-(\w+) fd-\w+" data-item="(\w+)"', body))
    assert spans == {("claim", "c1"), ("claim", "c2"), ("figure", "f1"), ("figure", "f2"), ("figure", "f3"),
                     ("event", "e1"), ("event", "e2")}
    at.selectbox(key="article-item").set_value("f1").run()
    assert "plus de 200" in [t.value for t in at.text]


def test_hostile_article_is_shown_as_text_everywhere(store):
    at = load_pasted(start(), HOSTILE)
    at.checkbox[0].check().run()
    at.button(key="extract").click().run()
    assert not at.exception and not at.error
    goto(at, "article")
    for element in at.get("html"):
        parsed = Tags()
        parsed.feed(element.value)
        assert set(parsed.tags) <= {"div", "span", "br"}
        assert parsed.attrs <= {"class", "style", "title", "data-item"}
        assert "<script" not in element.value and "<img" not in element.value and "<iframe" not in element.value
    body = at.get("html")[0].value
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "![pixel](https://evil.example/p.png)" in body  # markdown left as characters
    for element in [*at.markdown, *at.caption, *at.success, *at.info]:
        assert "![pixel]" not in element.value and "<img" not in element.value

    goto(at, "review")
    at.radio(key="review-kind").set_value("figure").run()
    edit(at, {0: {"evidence": "![pixel](https://evil.example/p.png) [lien](javascript:alert(3))"}})
    (refused,) = at.error
    assert texts([refused])[0].startswith("Not kept: 1: evidence must be http(s) links, not: ![pixel]")
    assert "![pixel]" not in refused.value and "[lien](" not in refused.value  # shown as characters


def test_a_refused_edit_names_its_item_without_rendering_the_article_text(store):
    text = "![pixel](https://evil.example/p.png) [lien](https://evil.example) a déclaré Healy."
    article = Article(text, lang="fr", published=date(2025, 8, 15), title="t", source="test")
    store.save_extraction(Extraction(article, claims=(Claim("c1", 0, len(text), text, "Healy", 0.9),),
                                     engine_version="t"))
    at = goto(start(article_id=article.id), "review")
    edit(at, {0: {"evidence": "see-bbc"}})
    (refused,) = at.error
    assert texts([refused])[0].replace("\u2060", "").startswith("Not kept: ![pixel](https://evil.example/p.png)")
    assert "![pixel]" not in refused.value and "](https://evil" not in refused.value


# -- Corpus and Export ------------------------------------------------------------------------


def test_corpus_lists_articles_with_progress_and_opens_one(store, stored):
    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    at = goto(start(), "corpus")
    table = at.dataframe[0].value
    assert table.loc[0, ["title", "lang", "claims", "figures", "events"]].tolist() == ["Essai", "fr", 2, 3, 2]
    assert table.loc[0, "progress"] == pytest.approx(1 / 7)
    assert len(at.dataframe) == 1  # one article: nothing recurs yet
    at.button(key="corpus-open").click().run()
    assert at.session_state["article_id"] == stored
    assert at.title[0].value == "Review"


def test_corpus_shows_speakers_and_figures_met_in_several_articles(store, stored):
    store.save_extraction(small_extraction(TEXT + " Fin de la dépêche.", prefix="b-"))
    at = goto(start(), "corpus")
    _corpus, speakers, figures = (d.value for d in at.dataframe)
    assert speakers[["speaker", "articles", "claims"]].values.tolist() == [["Healy", 2, 2], ["Radakin", 2, 2]]
    assert sorted(figures["unit"]) == ["%", "pays", "planificateurs"]


@pytest.fixture
def counted(monkeypatch):
    """Calls of the heavy builders behind Corpus and Export, by name; caches emptied first."""
    from lib import export, session
    from lib import corpus

    session.after_write()
    calls: dict[str, int] = {}

    def counting(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(corpus, "recurring_speakers")
    counting(export, "export_csv")
    return calls


def test_corpus_recurrences_are_computed_once_until_the_data_changes(store, stored, counted):
    from lib import session

    store.save_extraction(small_extraction(TEXT + " Fin de la dépêche.", prefix="b-"))
    at = goto(start(), "corpus")
    at.run()
    at.selectbox(key="corpus-article").set_value(stored).run()
    assert counted["recurring_speakers"] == 1
    store.save_extraction(small_extraction(TEXT + " Autre dépêche.", prefix="c-"))
    session.after_write()
    at.run()
    assert counted["recurring_speakers"] == 2
    assert at.dataframe[1].value[["speaker", "articles"]].values.tolist() == [["Healy", 3], ["Radakin", 3]]


def test_export_files_are_built_once_per_read_of_the_store(store, stored, counted, downloads):
    from lib import session

    at = goto(start(article_id=stored), "export")
    at.run()
    assert counted["export_csv"] == 3  # claims, figures, events
    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    session.after_write()
    at.run()
    assert counted["export_csv"] == 6
    rows = list(csv.DictReader(io.StringIO(downloads[f"factdesk-{stored}-claims.csv"].decode("utf-8"))))
    assert {r["item"]: r["status"] for r in rows}["c1"] == "verified"


def test_export_offers_every_file_for_the_article(stored):
    at = goto(start(article_id=stored), "export")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Claims CSV", "Figures CSV", "Events CSV", "Summary CSV", "ClaimReview JSON-LD"]
    names = [b.proto.file_name if hasattr(b.proto, "file_name") else "" for b in at.get("download_button")]
    assert names[0] == "" or names[0].endswith("-claims.csv")


def test_export_page_on_an_empty_store_says_so(db_url):
    at = goto(start(), "export")
    assert any("Nothing to export" in i for i in texts(at.info))


# -- The whole flow ----------------------------------------------------------------------------


def test_whole_flow_seed_to_reviews_to_export(store, downloads):
    at = start()
    open_healy_seed(at)
    at.button(key="extract").click().run()
    article_id = at.session_state["article_id"]
    goto(at, "review")
    claims = at.data_editor[0].value
    first, second = claims.index[:2]
    edit(at, {0: {"status": "verified", "evidence": "https://www.bbc.co.uk/news"}, 1: {"status": "false"}})
    at.button(key="save").click().run()
    assert texts(at.success) == ["Saved 2 reviews"]

    items = store.items(article_id)
    statuses = {i.id: i.review.status for i in items}
    assert (statuses[first], statuses[second]) == (Status.VERIFIED, Status.FALSE)
    summaries = {a.id: a for a in store.articles()}
    assert summaries[article_id].checked == 2

    rows = list(csv.DictReader(io.StringIO(export.export_csv(items, "claim", summaries).decode("utf-8"))))
    by_status = {r["status"] for r in rows}
    assert {"verified", "false", "unchecked"} <= by_status
    assert [r["analyst"] for r in rows if r["status"] == "verified"] == ["Ana"]
    claimreview = export.export_claimreview(items, summaries).decode("utf-8")
    assert "ClaimReview" in claimreview

    goto(at, "export")
    assert not at.exception and len(at.get("download_button")) == 5
    downloaded = downloads[f"factdesk-{article_id}-claims.csv"]
    assert downloaded == export.export_csv(items, "claim", summaries)
    read_back = list(csv.DictReader(io.StringIO(downloaded.decode("utf-8"))))
    assert [(r["item"], r["status"]) for r in read_back if r["status"] != "unchecked"] == [
        (first, "verified"), (second, "false")]
    events = list(csv.DictReader(io.StringIO(downloads[f"factdesk-{article_id}-events.csv"].decode("utf-8"))))
    assert [r["date"] for r in events if r["text"] == "vendredi"] == ["2025-08-15", "2025-08-15"]


# -- Export bytes, URL loading, database away on arrival -----------------------------------------


@pytest.fixture
def downloads(monkeypatch):
    """The bytes every download button hands to the browser, by file name."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    captured: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes) and filename:
            captured[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return captured


def test_export_bytes_are_exactly_lib_export_for_the_article_and_for_all(store, stored, downloads):
    store.save_extraction(small_extraction(TEXT + " Fin de la dépêche.", published=None, prefix="b-"))
    store.save_review("c1", status=Status.VERIFIED, note="=HYPERLINK(\"x\")", analyst="Bob", expected_version=0)
    at = goto(start(article_id=stored), "export")
    items = store.items(stored)
    summaries = {a.id: a for a in store.articles()}
    stem = f"factdesk-{stored}"
    assert downloads[f"{stem}-claims.csv"] == export.export_csv(items, "claim", summaries)
    assert downloads[f"{stem}-events.csv"] == export.export_csv(items, "event", summaries)
    assert downloads[f"{stem}-summary.csv"] == export.export_summary_csv(items, summaries)
    assert downloads[f"{stem}-claimreview.jsonld"] == export.export_claimreview(items, summaries)
    rows = list(csv.DictReader(io.StringIO(downloads[f"{stem}-claims.csv"].decode("utf-8"))))
    assert {r["item"] for r in rows} == {"c1", "c2"}

    at.radio(key="export-scope").set_value("All articles").run()
    at.checkbox(key="export-bom").check().run()
    everything = store.items()
    assert downloads["factdesk-all-figures.csv"] == export.export_csv(everything, "figure", summaries, bom=True)
    assert downloads["factdesk-all-figures.csv"].startswith("\ufeff".encode("utf-8"))


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
    assert at.date_input[0].value.isoformat() == "2025-08-15"
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


def test_database_unreachable_on_arrival_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("FACTDESK_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/factdesk")
    at = start(article_id="abc")
    for page in ("review", "article", "corpus", "export"):
        goto(at, page)
        assert any("cannot be reached" in e for e in texts(at.error)), page


def test_removed_database_file_keeps_the_edits_and_saves_once_it_is_back(store, stored, db_url, tmp_path):
    at = goto(start(article_id=stored), "review")
    edit(at, {1: {"status": "inconclusive", "note": "source unreachable"}})
    database = tmp_path / "factdesk.db"
    aside = tmp_path / "aside"
    aside.mkdir()
    moved = [path for path in tmp_path.glob("factdesk.db*")]
    for path in moved:
        path.rename(aside / path.name)
    at.button(key="save").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert "cannot be reached" in message and "factdesk.db" in message and "1 not saved yet" in message
    assert at.data_editor[0].value.loc["c2", ["status", "note"]].tolist() == ["inconclusive", "source unreachable"]
    assert "c2" in at.session_state["pending"]["claim"]
    for path in moved:
        (aside / path.name).rename(path)
    assert database.exists()
    at.button(key="save").click().run()
    assert texts(at.success) == ["Saved 1 review"]
    assert {i.id: i.review.status for i in store.items(kind=Kind.CLAIM)}["c2"] == Status.INCONCLUSIVE


def test_database_gone_when_the_cache_expires_keeps_the_edits_the_editor_and_save(store, stored, tmp_path):
    from lib import session

    at = goto(start(article_id=stored), "review")
    edit(at, {1: {"status": "inconclusive", "note": "source unreachable"}})
    aside = tmp_path / "aside"
    aside.mkdir()
    moved = list(tmp_path.glob("factdesk.db*"))
    for path in moved:
        path.rename(aside / path.name)
    session.after_write()  # what the 30 s read TTL does while the database is away
    at.run()
    assert not at.exception
    (message,) = texts(at.error)
    assert "cannot be reached" in message
    assert at.caption[0].value.startswith("Essai · fr · published 2025-08-15")  # last good article
    assert at.data_editor[0].value.loc["c2", ["status", "note"]].tolist() == ["inconclusive", "source unreachable"]
    assert not at.button(key="save").disabled
    for path in moved:
        (aside / path.name).rename(path)
    at.button(key="save").click().run()
    assert texts(at.success) == ["Saved 1 review"]


def orphan_c1(store):
    """Bob reviews c1, then a newer extraction no longer finds it: the review is kept as orphaned."""
    store.save_review("c1", status=Status.FALSE, note="checked", analyst="Bob", expected_version=0)
    extraction = small_extraction()
    outcome = store.save_extraction(dataclasses.replace(extraction, claims=extraction.claims[1:], engine_version="2"))
    assert outcome.orphaned == 1


def test_orphaned_reviews_are_counted_and_shown_on_request_with_a_marker(store, stored):
    orphan_c1(store)
    at = goto(start(article_id=stored), "review")
    assert list(at.data_editor[0].value.index) == ["c2"]
    assert "(1 shown of 2) · 1 orphaned" in at.get("progress")[0].proto.text
    at.toggle(key="f-orphaned-claim").set_value(True).run()
    frame = at.data_editor[0].value
    assert list(frame.index) == ["c1", "c2"]
    assert frame["orphaned"].tolist() == [True, False]
    assert frame.loc["c1", ["status", "note", "analyst"]].tolist() == ["false", "checked", "Bob"]
    assert "(2 shown of 2) · 1 orphaned" in at.get("progress")[0].proto.text


def test_article_page_lists_orphaned_reviews_on_request(store, stored):
    orphan_c1(store)
    at = goto(start(article_id=stored), "article")
    assert not any(o.startswith("orphaned") for o in at.selectbox(key="article-item").options)
    at.toggle(key="article-orphaned").set_value(True).run()
    item = at.selectbox(key="article-item")
    assert item.options[0].startswith("orphaned · claim · Healy a déclaré")
    item.set_value("c1").run()
    assert "orphaned" in at.markdown[-1].value and "status **false**" in at.markdown[-1].value
    assert 'data-item="c1"' not in at.get("html")[0].value  # its span is not highlighted any more
    at.toggle(key="article-orphaned").set_value(False).run()
    assert not at.exception
    assert not any(o.startswith("orphaned") for o in at.selectbox(key="article-item").options)


def test_unsaved_edits_stay_with_their_article_when_another_is_opened(store, stored):
    other = small_extraction(TEXT + " Fin de la dépêche.", prefix="b-")
    store.save_extraction(other)
    at = goto(start(article_id=stored), "review")
    edit(at, {0: {"status": "false"}})
    at.session_state["article_id"] = other.article.id
    at.run()
    assert list(at.data_editor[0].value.index) == ["b-c1", "b-c2"]
    assert set(at.data_editor[0].value["status"]) == {"unchecked"}
    assert list(at.session_state["pending"]["claim"]) == ["c1"]


def test_long_tables_are_paged_and_edits_land_on_the_right_item(store):
    from tests.dashboard_fixtures import many_claims

    extraction = many_claims(250)
    store.save_extraction(extraction)
    at = goto(start(article_id=extraction.article.id), "review")
    assert len(at.data_editor[0].value) == 100
    (page_number,) = at.number_input
    assert page_number.max == 3
    page_number.set_value(3).run()
    assert list(at.data_editor[0].value.index[:2]) == ["c200", "c201"]
    edit(at, {1: {"status": "verified"}})
    assert list(at.session_state["pending"]["claim"]) == ["c201"]
    at.multiselect(key="f-speaker-claim").select("Healy").run()  # 125 rows: two pages now
    assert not at.exception
    assert at.number_input[0].max == 2 and at.number_input[0].value == 1
    at.button(key="save").click().run()
    assert {i.id: i.review.status for i in store.items(kind=Kind.CLAIM)}["c201"] == Status.VERIFIED
