"""Taking an article off the desk: hidden everywhere, its reviews kept in the history, the removal recorded."""
from __future__ import annotations

import pytest

from lib.models import Kind, Status
from lib.removals import NotOnTheDesk, list_removals, remove_article
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
