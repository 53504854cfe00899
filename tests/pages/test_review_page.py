"""Review page: the editors, filters and counts, one Save for every edit, conflicts, items added by hand, the database away."""
from __future__ import annotations

from datetime import date

import pytest

from lib.models import Article, Claim, Extraction, Kind, Status
from lib.store import Store, StoreUnavailable
from tests.dashboard_fixtures import TEXT, small_extraction
from tests.pages.apptest import edit, goto, orphan_c1, start, texts


def test_review_page_without_an_article_points_to_load(store_url):
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


def test_removed_database_file_keeps_the_edits_and_saves_once_it_is_back(store, stored, store_url, tmp_path):
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
