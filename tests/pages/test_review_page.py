"""Review page: the list and the panel, decisions saved as they are made, conflicts, work never lost, finding things."""
from __future__ import annotations

from datetime import date

import pytest

from lib.models import Article, Claim, Extraction, Kind, Status
from lib.store import Store, StoreUnavailable
from tests.dashboard_fixtures import TEXT, small_extraction
from tests.pages.apptest import decide, field, goto, listing, orphan_c1, select, start, texts


def statuses(store) -> dict[str, Status]:
    return {item.id: item.review.status for item in store.items()}


def progress_text(at) -> str:
    return at.get("progress")[0].proto.text


def test_review_page_without_an_article_points_to_load(store_url):
    at = goto(start(), "review")
    assert any("No article open yet" in i for i in texts(at.info))


def test_the_list_reads_in_words_and_the_panel_waits_for_a_selection(stored):
    at = goto(start(article_id=stored), "review")
    shown = listing(at)
    assert list(shown.index) == ["c1", "c2"]
    assert shown.loc["c1", "status"] == "Unchecked" and shown.loc["c1", "text"].startswith("Healy a déclaré")
    assert " ".join(shown.loc["c1", "details"].split()) == "Healy · 0.90"  # speaker, then the worth bar
    assert shown["unsaved"].tolist() == ["", ""]
    assert len(at.get("vega_lite_chart")) == 1
    assert any("Select a row in the list" in i for i in texts(at.info))
    assert progress_text(at).startswith("0 of 2 claims checked in this article · 2 match the filters")


def test_a_selected_claim_is_read_in_its_paragraph_with_its_figures_and_events(stored):
    at = select(goto(start(article_id=stored), "review"), 0)
    (context,) = [h.value for h in at.get("html") if 'data-item="c1"' in h.value]
    assert "outline:2px solid" in context and 'data-item="f1"' in context and 'data-item="e1"' in context
    (with_it,) = [c for c in texts(at.caption) if c.startswith("With it:")]
    assert "Figure · plus de 200 · Unchecked" in with_it and "Event · vendredi · Unchecked" in with_it
    assert "Radakin" not in with_it
    assert "History: never reviewed yet." in texts(at.caption)


def test_a_status_button_saves_at_once_with_the_analyst_and_the_history_says_so(store, stored):
    at = decide(select(goto(start(article_id=stored), "review"), 0), "verified")
    review = store.current_review("c1")
    assert (review.status, review.analyst, review.version) == (Status.VERIFIED, "Ana", 1)
    assert [t.value for t in at.toast] == ["Saved 1 review"]
    assert listing(at).loc["c1", "status"] == "Verified"
    history = [d for d in at.get("dataframe") if not d.key][0].value
    assert history[["Who", "Status"]].values.tolist() == [["Ana", "Verified"]]
    assert progress_text(at).startswith("1 of 2 claims checked")


def test_status_buttons_carry_keyboard_shortcuts(stored):
    at = select(goto(start(article_id=stored), "review"), 0)
    shortcuts = {b.key: b.proto.shortcut.upper() for b in at.button if b.key.startswith("panel-status-")}
    assert shortcuts["panel-status-verified"] == "V" and shortcuts["panel-status-false"] == "F"
    assert len(set(shortcuts.values())) == 7


def test_deciding_needs_the_analyst_name(stored):
    at = select(goto(start(analyst="", article_id=stored), "review"), 0)
    assert at.button(key="panel-status-verified").disabled
    assert field(at, "Note").disabled


def test_several_selected_rows_get_one_status(store, stored):
    at = select(goto(start(article_id=stored), "review"), 0, 1)
    assert any("2 claims selected" in m for m in texts(at.markdown))
    decide(at, "false")
    assert (statuses(store)["c1"], statuses(store)["c2"]) == (Status.FALSE, Status.FALSE)
    assert [t.value for t in at.toast] == ["Saved 2 reviews"]


def test_a_note_then_a_key_on_the_panel_drawn_before_are_two_changes_not_a_conflict(store, stored):
    at = select(goto(start(article_id=stored), "review"), 0)
    field(at, "Note").input("vu sur BBC")  # not run yet: both reach the server in one go
    at.button(key="panel-status-verified").click().run()
    review = store.current_review("c1")
    assert (review.status, review.note, review.version) == (Status.VERIFIED, "vu sur BBC", 2)
    assert not at.warning


def test_a_refused_evidence_link_leaves_the_note_and_status_alone(store, stored):
    at = select(goto(start(article_id=stored), "review"), 0)
    field(at, "Note").input("vu sur BBC").run()
    decide(at, "verified")
    field(at, "Evidence links").input("bbc.co.uk/news").run()
    (refused,) = texts(at.error)
    assert refused.replace("\u2060", "").startswith("Not saved: evidence must be http(s) links, not: bbc.co.uk/news")
    review = store.current_review("c1")
    assert (review.status, review.note, review.evidence) == (Status.VERIFIED, "vu sur BBC", ())
    assert field(at, "Note").value == "vu sur BBC"
    field(at, "Evidence links").input("https://www.bbc.co.uk/news").run()
    assert not at.error
    assert store.current_review("c1").evidence == ("https://www.bbc.co.uk/news",)
    assert store.current_review("c1").note == "vu sur BBC"


def test_a_reload_keeps_every_decision_and_the_analyst_name(store, stored):
    at = select(goto(start(article_id=stored), "review"), 1)
    decide(at, "misleading")
    field(at, "Note").input("date fausse").run()
    assert at.query_params["analyst"] == "Ana" and at.query_params["article"] == stored

    from streamlit.testing.v1 import AppTest

    from tests.pages.apptest import APP

    reloaded = AppTest.from_file(APP, default_timeout=60)  # a new browser session, only the address kept
    reloaded.query_params.update({"analyst": "Ana", "article": stored})
    reloaded.run()
    goto(reloaded, "review")
    assert reloaded.session_state["analyst"] == "Ana"
    assert listing(reloaded).loc["c2", "status"] == "Misleading"
    select(reloaded, 1)
    assert field(reloaded, "Note").value == "date fausse"
    assert not reloaded.button(key="panel-status-verified").disabled


def test_the_sidebar_offers_the_analysts_the_store_knows(store, stored):
    store.save_review("c1", status=Status.FALSE, analyst="Bob", expected_version=0)
    at = start(analyst="")
    (name,) = [w for w in at.selectbox if w.label == "Your name"]
    assert name.options == ["Bob"] and not name.value
    name.set_value("Bob").run()
    assert at.session_state["analyst"] == "Bob"


def test_a_save_message_belongs_to_the_article_it_was_made_on(store, stored):
    other = small_extraction(TEXT + " Fin de la dépêche.", prefix="b-")
    store.save_extraction(other)
    at = goto(start(article_id=stored), "review")

    def unreachable(self, *args, **kwargs):
        raise StoreUnavailable("the database at factdesk.db is locked")

    original = Store.save_review
    Store.save_review = unreachable
    try:
        decide(select(at, 0), "false")
    finally:
        Store.save_review = original
    assert any("not saved yet" in e for e in texts(at.error))
    at.session_state["article_id"] = other.article.id  # as session.open_article does: the session and the URL
    at.query_params["article"] = other.article.id
    at.run()
    assert not at.error and not at.warning and not at.toast
    assert set(listing(at)["status"]) == {"Unchecked"}


def test_another_analysts_decision_shows_on_the_next_run_without_clearing_caches(store, stored):
    at = goto(start(article_id=stored), "review")
    assert listing(at).loc["c1", "status"] == "Unchecked"
    store.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    at.run()  # what the page's watcher does a few seconds later
    assert listing(at).loc["c1", "status"] == "False"


def test_a_conflict_shows_both_versions_and_keep_mine_writes_over_theirs(store, stored):
    at = select(goto(start(article_id=stored), "review"), 0)  # Ana's panel answers version 0
    store.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    decide(at, "verified")
    assert [(h.status, h.analyst) for h in store.history("c1")] == [(Status.FALSE, "Bob")]  # not overwritten
    summary, conflict = texts(at.warning)
    assert summary == "Saved 0 reviews; 1 conflict"
    assert conflict.startswith("Conflict on “Healy a déclaré vendredi") and "Bob" in conflict
    assert "you set **Verified** (no note); Bob saved **False** (theirs)" in conflict
    at.button(key="mine-c1").click().run()
    assert [(h.status, h.analyst) for h in store.history("c1")] == [(Status.FALSE, "Bob"), (Status.VERIFIED, "Ana")]
    assert not at.warning


def test_keeping_theirs_drops_mine(store, stored):
    at = select(goto(start(article_id=stored), "review"), 0)
    store.save_review("c1", status=Status.FALSE, analyst="Bob", expected_version=0)
    decide(at, "verified")
    at.button(key="theirs-c1").click().run()
    assert at.session_state["pending"]["claim"] == {}
    assert listing(at).loc["c1", "status"] == "False"
    assert [h.analyst for h in store.history("c1")] == ["Bob"]


def test_database_away_keeps_the_change_marked_unsaved_until_a_retry(store, stored, monkeypatch):
    at = select(goto(start(article_id=stored), "review"), 0)

    def unreachable(self, *args, **kwargs):
        raise StoreUnavailable("the database at factdesk.db is locked")

    with monkeypatch.context() as patch:
        patch.setattr(Store, "save_review", unreachable)
        decide(at, "misleading")
    assert not at.exception
    (message,) = texts(at.error)
    assert "1 not saved yet" in message and "kept here until it is back" in message
    assert listing(at).loc["c1", ["unsaved", "status"]].tolist() == ["●", "Misleading"]
    assert store.current_review("c1").status == Status.UNCHECKED
    at.button(key="retry").click().run()
    assert store.current_review("c1").status == Status.MISLEADING
    assert listing(at).loc["c1", "unsaved"] == ""


def test_removed_database_file_keeps_the_list_and_the_change_until_it_is_back(store, stored, tmp_path):
    at = select(goto(start(article_id=stored), "review"), 1)
    aside = tmp_path / "aside"
    aside.mkdir()
    moved = list(tmp_path.glob("factdesk.db*"))
    for path in moved:
        path.rename(aside / path.name)
    decide(at, "inconclusive")
    assert not at.exception
    assert any("cannot be reached" in e or "not saved yet" in e for e in texts(at.error))
    assert at.caption[0].value.startswith("Essai · French · published 2025-08-15")  # last good article
    assert listing(at).loc["c2", "status"] == "Inconclusive"
    for path in moved:
        (aside / path.name).rename(path)
    at.button(key="retry").click().run()
    assert statuses(store)["c2"] == Status.INCONCLUSIVE


def test_timeline_shows_events_and_the_timeline_chart(stored):
    at = goto(start(article_id=stored), "review")
    at.segmented_control(key="kind").set_value("event").run()
    assert listing(at).loc["e2", "details"].strip() == "2022-02-01 → 2022-02-28"
    assert "layer" in at.get("vega_lite_chart")[0].proto.spec


def test_the_kind_choice_is_kept_across_pages(stored):
    at = goto(start(article_id=stored), "review")
    at.segmented_control(key="kind").set_value("figure").run()
    goto(goto(at, "article"), "review")
    assert at.segmented_control(key="kind").value == "figure"
    assert list(listing(at).index) == ["f1", "f2", "f3"]


@pytest.mark.parametrize("query, found", [
    ("Radhakin", ["c2"]),  # the speaker spelt as the BBC spells him
    ("declare", ["c1"]),  # no accent typed
    ("FÉVRIER", ["c2"]),
    ("healy radakin", []),  # every word must be there
])
def test_search_forgives_accents_case_and_small_misspellings(stored, query, found):
    at = goto(start(article_id=stored), "review")
    at.text_input(key="f-text-claim").input(query).run()
    assert list(listing(at).index) == found


def test_check_worthiness_filter_and_progress_of_the_whole_article(store, stored):
    store.save_review("c2", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    at = goto(start(article_id=stored), "review")
    at.slider(key="f-worth-claim").set_value(0.8).run()
    assert list(listing(at).index) == ["c1"]
    assert progress_text(at).startswith("1 of 2 claims checked in this article · 1 match the filters")


def test_an_analyst_adds_a_missed_figure(store, stored):
    at = goto(start(article_id=stored), "review")
    at.segmented_control(key="kind").set_value("figure").run()
    at.text_area(key="add-text-figure").input("deux milliards d'euros")
    at.text_input(key="add-detail-figure").input("2000000000 EUR")
    at.button(key="add-figure-submit").click().run()
    assert not at.exception
    added = [i for i in store.items(kind=Kind.FIGURE) if i.origin == "manual"]
    assert [(i.text, i.fields["value"], i.fields["unit"]) for i in added] == [("deux milliards d'euros", 2e9, "EUR")]
    assert (added[0].start, added[0].end) == (None, None)  # not in the article's text
    assert len(listing(at)) == 4
    assert texts(at.success) == ["Added the figure to the list, marked as added by hand."]
    assert "added by hand" in listing(at).loc[added[0].id, "details"]


@pytest.mark.parametrize("number", ["nan", "inf", "-Infinity", "1e999"])
def test_a_figure_value_that_is_not_finite_is_refused(store, stored, number):
    at = goto(start(article_id=stored), "review")
    at.segmented_control(key="kind").set_value("figure").run()
    at.text_area(key="add-text-figure").input("beaucoup de soldats")
    at.text_input(key="add-detail-figure").input(f"{number} soldats")
    at.button(key="add-figure-submit").click().run()
    assert not at.exception
    (message,) = texts(at.error)
    assert message.startswith(f"“{number}” is not a finite number: write the value first")
    assert [i for i in store.items(kind=Kind.FIGURE) if i.origin == "manual"] == []


def test_a_refused_link_is_shown_as_characters(store):
    text = "![pixel](https://evil.example/p.png) [lien](https://evil.example) a déclaré Healy."
    article = Article(text, lang="fr", published=date(2025, 8, 15), title="t", source="test")
    store.save_extraction(Extraction(article, claims=(Claim("c1", 0, len(text), text, "Healy", 0.9),),
                                     engine_version="t"))
    at = select(goto(start(article_id=article.id), "review"), 0)
    field(at, "Evidence links").input("![pixel](https://evil.example/p.png) [lien](javascript:alert(3))").run()
    (refused,) = at.error
    assert texts([refused])[0].replace("\u2060", "").startswith("Not saved: evidence must be http(s) links, not: ![pixel]")
    assert "![pixel]" not in refused.value and "[lien](" not in refused.value
    for element in [*at.markdown, *at.caption]:
        assert "![pixel]" not in element.value


def test_orphaned_reviews_are_counted_and_shown_on_request_with_a_marker(store, stored):
    orphan_c1(store)
    at = goto(start(article_id=stored), "review")
    assert list(listing(at).index) == ["c2"]
    assert progress_text(at).endswith("· 1 match the filters · 1 orphaned")
    at.toggle(key="f-orphaned-claim").set_value(True).run()
    shown = listing(at)
    assert list(shown.index) == ["c1", "c2"]
    assert shown["status"].tolist() == ["False · orphaned", "Unchecked"]


def test_long_lists_are_paged_and_decisions_land_on_the_right_item(store):
    from tests.dashboard_fixtures import many_claims

    extraction = many_claims(250)
    store.save_extraction(extraction)
    at = goto(start(article_id=extraction.article.id), "review")
    assert len(listing(at)) == 100
    (page_number,) = at.number_input
    assert page_number.max == 3 and page_number.label == "Page (of 3)"
    page_number.set_value(3).run()
    assert "Page 3 of 3" in texts(at.caption)
    assert list(listing(at).index[:2]) == ["c200", "c201"]
    decide(select(at, 1), "verified")
    assert [i for i, s in statuses(store).items() if s == Status.VERIFIED] == ["c201"]


def test_a_note_being_written_survives_another_analysts_save_and_meets_it_as_a_conflict(store, stored):
    at = select(goto(start(article_id=stored), "review"), 0)
    note = field(at, "Note")
    store.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    at.run()  # the watcher's redraw while Ana is still typing
    assert field(at, "Note").key == note.key  # the same field: what she types stays in it
    assert any(c.startswith("Saved meanwhile as False with the note “theirs”") for c in texts(at.caption))
    assert listing(at).loc["c1", "status"] == "False"
    field(at, "Note").input("mine").run()
    assert [(h.note, h.analyst) for h in store.history("c1")] == [("theirs", "Bob")]
    assert any(w.startswith("Conflict on “Healy") for w in texts(at.warning))
    at.button(key="mine-c1").click().run()
    assert [(h.note, h.analyst) for h in store.history("c1")] == [("theirs", "Bob"), ("mine", "Ana")]
    assert field(at, "Note").value == "mine"


@pytest.mark.parametrize("page", ["review", "article"])
def test_a_page_opens_the_article_named_in_its_own_url(store, stored, page):
    import dataclasses

    other = small_extraction(TEXT + " Une phrase de plus.", prefix="o")
    other = dataclasses.replace(other, article=dataclasses.replace(other.article, title="Autre"))
    store.save_extraction(other)
    at = start(article_id=stored)  # the session had the first article open
    at.query_params["article"] = other.article.id
    at = goto(at, page)
    assert not any("No article open yet" in i for i in texts(at.info))
    assert at.session_state["article_id"] == other.article.id
    assert any(c.startswith("Autre") for c in texts(at.caption)), texts(at.caption)


@pytest.mark.parametrize("name, message", [
    ("a" * 10_000, "analyst name too long: 10,000 characters, the limit is 100"),
    ("Ana\x1b[2J", "analyst name holds control characters: 'Ana\\x1b[2J'"),
])
def test_a_name_the_rules_refuse_is_said_in_the_sidebar(store, stored, name, message):
    at = start(analyst=name, article_id=stored)
    assert texts(at.sidebar.error) == [message]


# -- nothing typed is lost: drafts kept in the store -----------------------------------------------------


def reload(stored: str, page: str = "review"):
    """A new browser session on the same address, as a reload makes (the name and article are in the URL)."""
    from streamlit.testing.v1 import AppTest

    from tests.pages.apptest import APP

    reloaded = AppTest.from_file(APP, default_timeout=60)
    reloaded.query_params.update({"analyst": "Ana", "article": stored})
    reloaded.run()
    return goto(reloaded, page)


def typing(monkeypatch, text: str, part: str = "note") -> None:
    """What the panel's draft keeper sends after a pause in typing (the browser side is tests/e2e's)."""
    from types import SimpleNamespace

    from lib.session import panel

    def keeper(data, **kwargs):
        if not data["fields"]:
            return SimpleNamespace(typed=None)  # no field open: nothing typed
        item = data["fields"][0]["item"]  # the item the fields were drawn for
        return SimpleNamespace(typed={"part": part, "item": item, "text": text})

    monkeypatch.setattr(panel, "_keeper", keeper)


def test_a_note_typed_but_not_left_is_kept_as_a_draft_and_a_reload_puts_it_back_marked_unsaved(
        store, stored, monkeypatch):
    from lib.drafts import drafts_of

    at = select(goto(start(article_id=stored), "review"), 0)
    with monkeypatch.context() as patch:
        typing(patch, "Chiffre à vérifier auprès du")
        at.run()
    assert drafts_of(store.database, "Ana", stored)["c1"].note == "Chiffre à vérifier auprès du"
    assert store.history("c1") == []  # kept, not saved: the review is untouched
    at.run()
    assert listing(at).loc["c1", "unsaved"] == "●"

    reloaded = select(reload(stored), 0)
    assert field(reloaded, "Note").value == "Chiffre à vérifier auprès du"
    assert listing(reloaded).loc["c1", "unsaved"] == "●"
    assert any("Unsaved draft" in m and "not saved yet" in m for m in texts(reloaded.markdown))
    reloaded.button(key="panel-draft-save-c1").click().run()
    assert (store.current_review("c1").note, store.current_review("c1").analyst) == ("Chiffre à vérifier auprès du",
                                                                                     "Ana")
    assert drafts_of(store.database, "Ana", stored) == {}
    assert listing(reloaded).loc["c1", "unsaved"] == ""
    assert not any("Unsaved draft" in m for m in texts(reloaded.markdown))


def test_evidence_typed_is_kept_too_and_a_discarded_draft_gives_the_fields_their_saved_values(
        store, stored, monkeypatch):
    from lib.drafts import drafts_of

    store.save_review("c1", status=Status.VERIFIED, note="vu", analyst="Ana", expected_version=0)
    at = select(goto(start(article_id=stored), "review"), 0)
    with monkeypatch.context() as patch:
        typing(patch, "https://www.bbc.co.uk/news/art", part="evidence")
        at.run()
    reloaded = select(reload(stored), 0)
    assert field(reloaded, "Evidence links").value == "https://www.bbc.co.uk/news/art"
    assert field(reloaded, "Note").value == "vu"
    reloaded.button(key="panel-draft-discard-c1").click().run()
    assert drafts_of(store.database, "Ana", stored) == {}
    assert field(reloaded, "Evidence links").value == ""
    assert [h.note for h in store.history("c1")] == ["vu"]


def test_typing_back_to_the_saved_note_leaves_no_draft(store, stored, monkeypatch):
    from lib.drafts import drafts_of

    at = select(goto(start(article_id=stored), "review"), 0)
    with monkeypatch.context() as patch:
        typing(patch, "brouillon")
        at.run()
        typing(patch, "")
        at.run()
    assert drafts_of(store.database, "Ana", stored) == {}


def test_a_draft_from_before_a_colleagues_save_meets_it_as_a_conflict_after_the_reload(store, stored, monkeypatch):
    at = select(goto(start(article_id=stored), "review"), 0)
    with monkeypatch.context() as patch:
        typing(patch, "mon brouillon")
        at.run()
    store.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    reloaded = select(reload(stored), 0)
    assert field(reloaded, "Note").value == "mon brouillon"
    assert any(c.startswith("Saved meanwhile as False with the note “theirs”") for c in texts(reloaded.caption))
    reloaded.button(key="panel-draft-save-c1").click().run()
    assert [(h.note, h.analyst) for h in store.history("c1")] == [("theirs", "Bob")]  # never written over
    assert any(w.startswith("Conflict on “Healy") for w in texts(reloaded.warning))


def test_a_conflict_left_undecided_survives_a_reload_and_is_decided_there(store, stored):
    from lib.drafts import drafts_of

    at = select(goto(start(article_id=stored), "review"), 0)
    store.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    field(at, "Note").input("mine").run()
    assert any(w.startswith("Conflict on “Healy") for w in texts(at.warning))

    reloaded = reload(stored)
    (conflict,) = [w for w in texts(reloaded.warning) if w.startswith("Conflict on")]
    assert "you set **Unchecked** (mine); Bob saved **False** (theirs)" in conflict
    assert listing(reloaded).loc["c1", "unsaved"] == "●"
    reloaded.button(key="mine-c1").click().run()
    assert [(h.note, h.analyst) for h in store.history("c1")] == [("theirs", "Bob"), ("mine", "Ana")]
    assert drafts_of(store.database, "Ana", stored) == {}
    assert not [w for w in texts(reloaded.warning) if w.startswith("Conflict on")]


def test_keeping_theirs_after_a_reload_drops_the_kept_conflict(store, stored):
    from lib.drafts import drafts_of

    at = select(goto(start(article_id=stored), "review"), 0)
    store.save_review("c1", status=Status.FALSE, analyst="Bob", expected_version=0)
    decide(at, "verified")
    reloaded = reload(stored)
    reloaded.button(key="theirs-c1").click().run()
    assert drafts_of(store.database, "Ana", stored) == {}
    assert listing(reloaded).loc["c1", ["status", "unsaved"]].tolist() == ["False", ""]
    assert [h.analyst for h in store.history("c1")] == ["Bob"]


def test_a_long_timeline_follows_the_list_page(store):
    from datetime import date, timedelta

    from lib.models import Event

    sentence = "Le ministre a parlé vendredi. "
    text = sentence * 150
    article = Article(text, lang="fr", published=date(2025, 8, 15), title="Long", source="test")
    at_word = sentence.index("vendredi")
    events = tuple(
        Event(f"e{i:03d}", i * len(sentence) + at_word, i * len(sentence) + at_word + 8, "vendredi", "DATE",
              (date(2025, 1, 1) + timedelta(days=i)).isoformat(), date(2025, 1, 1) + timedelta(days=i),
              date(2025, 1, 1) + timedelta(days=i), "day", None, None,
              (i * len(sentence), (i + 1) * len(sentence) - 1))
        for i in range(150))
    store.save_extraction(Extraction(article, events=events, engine_version="t"))
    at = goto(start(article_id=article.id), "review")
    at.segmented_control(key="kind").set_value("event").run()
    assert "The timeline shows the 100 events of page 1 of 2." in texts(at.caption)
    assert progress_text(at).startswith("0 of 150 events checked in this article")
    at.number_input[0].set_value(2).run()
    assert "The timeline shows the 50 events of page 2 of 2." in texts(at.caption)


def test_typing_sent_for_an_item_no_longer_shown_is_not_kept_on_the_one_shown(store, stored, monkeypatch):
    from types import SimpleNamespace

    from lib.drafts import drafts_of
    from lib.session import panel

    at = select(goto(start(article_id=stored), "review"), 0)
    monkeypatch.setattr(panel, "_keeper", lambda **kwargs: SimpleNamespace(
        typed={"part": "note", "item": "c2", "text": "tapé sur l'autre"}))
    at.run()
    assert drafts_of(store.database, "Ana", stored) == {}
