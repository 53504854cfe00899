"""Taking an article off the desk: hidden everywhere, its reviews kept in the history, the removal recorded."""
from __future__ import annotations

import pytest

from lib.models import Kind, Status
from lib import changes
from lib.removals import NotOnTheDesk, StillOnTheDesk, list_removals, off_the_desk, remove_article, restore_article
from tests.dashboard_fixtures import TEXT, small_extraction


def test_a_removed_article_leaves_the_lists_but_keeps_its_reviews_and_the_removal_is_recorded(store):
    kept = small_extraction()
    other = small_extraction(TEXT + " Fin de la dépêche.", prefix="b-")
    store.save_extraction(kept)
    store.save_extraction(other)
    store.save_review("b-c1", status=Status.FALSE, note="non", analyst="Ana", expected_version=0)

    removal = remove_article(store.database, other.article.id, "Bob")

    assert (removal.article_id, removal.title, removal.analyst) == (other.article.id, "Essai", "Bob")
    assert [a.id for a in store.articles()] == [kept.article.id]
    assert store.article(other.article.id) is None
    assert {i.article_id for i in store.items()} == {kept.article.id}  # "all articles" leaves it out
    assert sum(store.status_summary()["claim"].values()) == 2
    # Nothing is deleted: its items and their history are still there.
    assert [r.status for r in store.history("b-c1")] == [Status.FALSE]
    assert len(store.items(other.article.id, Kind.CLAIM)) == 2
    assert [(r.article_id, r.analyst) for r in list_removals(store.database)] == [(other.article.id, "Bob")]


def test_loading_a_removed_article_again_brings_it_back_with_its_reviews_and_the_record_stays(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    store.save_review("c1", status=Status.VERIFIED, analyst="Ana", expected_version=0)
    remove_article(store.database, extraction.article.id, "Bob")

    outcome = store.save_extraction(extraction)

    assert (outcome.outcome, outcome.kept) == ("re-extracted", 1)
    assert [a.id for a in store.articles()] == [extraction.article.id]
    assert {i.id: i.review.status for i in store.items(kind=Kind.CLAIM)}["c1"] == Status.VERIFIED
    assert [r.analyst for r in list_removals(store.database)] == ["Bob"]


def test_removing_needs_a_name_and_an_article_on_the_desk(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    with pytest.raises(ValueError, match="analyst name is required"):
        remove_article(store.database, extraction.article.id, "  ")
    with pytest.raises(NotOnTheDesk, match="no article with id nope on the desk"):
        remove_article(store.database, "nope", "Bob")
    remove_article(store.database, extraction.article.id, "Bob")
    with pytest.raises(NotOnTheDesk):
        remove_article(store.database, extraction.article.id, "Bob")  # already off the desk
    assert len(list_removals(store.database)) == 1


def test_restoring_puts_the_article_back_with_its_reviews_and_the_desk_history_says_who_did_what(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    store.save_review("c1", status=Status.VERIFIED, analyst="Ana", expected_version=0)
    remove_article(store.database, extraction.article.id, "Bob")
    assert [r.article_id for r in off_the_desk(store.database)] == [extraction.article.id]

    restored = restore_article(store.database, extraction.article.id, "Chloé")

    assert (restored.action, restored.analyst, restored.title) == ("restored", "Chloé", "Essai")
    assert [a.id for a in store.articles()] == [extraction.article.id]
    assert store.current_review("c1").status == Status.VERIFIED
    assert off_the_desk(store.database) == []
    assert [(r.action, r.analyst) for r in list_removals(store.database)] == [("restored", "Chloé"),
                                                                              ("removed", "Bob")]


def test_restoring_needs_a_name_and_an_article_off_the_desk(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    with pytest.raises(StillOnTheDesk, match="no article with id .* off the desk"):
        restore_article(store.database, extraction.article.id, "Bob")
    remove_article(store.database, extraction.article.id, "Bob")
    with pytest.raises(ValueError, match="say who restores the article"):
        restore_article(store.database, extraction.article.id, " ")
    assert len(list_removals(store.database)) == 1


def test_removing_and_restoring_move_the_stamp_every_dashboard_watches(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    before = changes.stamp(store)
    remove_article(store.database, extraction.article.id, "Bob")
    removed = changes.stamp(store)
    assert removed != before and not removed.same_items(before)  # "all articles" frames are read again
    restore_article(store.database, extraction.article.id, "Bob")
    restored = changes.stamp(store)
    assert restored != removed and restored.desk > removed.desk > before.desk
