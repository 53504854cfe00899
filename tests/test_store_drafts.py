"""Drafts: what an analyst typed and has not saved, kept per analyst and item until what it holds is saved."""
from __future__ import annotations

import pytest

from lib.drafts import drafts_of, drop_draft, keep_draft, settle_drafts
from lib.edits import Edit
from tests.dashboard_fixtures import small_extraction


@pytest.fixture
def article_id(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    return extraction.article.id


def test_a_draft_is_kept_per_analyst_and_item_and_read_back_by_article(store, article_id):
    keep_draft(store.database, "Ana", "c1", base_version=0, note="vu sur la BB")
    keep_draft(store.database, "Ana", "c1", base_version=0, evidence="https://www.bbc.co.uk/news htt")
    keep_draft(store.database, "Bob", "c1", base_version=0, note="à vérifier")
    mine = drafts_of(store.database, "Ana", article_id)
    assert list(mine) == ["c1"]
    assert (mine["c1"].note, mine["c1"].evidence, mine["c1"].conflict) == (
        "vu sur la BB", "https://www.bbc.co.uk/news htt", False)
    assert drafts_of(store.database, "Bob", article_id)["c1"].note == "à vérifier"  # private to each analyst
    assert drafts_of(store.database, "Ana", "another-article") == {}
    assert store.history("c1") == []  # never part of the review history


def test_dropping_one_part_keeps_the_other_and_the_last_part_takes_the_draft(store, article_id):
    keep_draft(store.database, "Ana", "c1", base_version=0, note="n", evidence="https://a.example")
    drop_draft(store.database, "Ana", "c1", "note")
    assert drafts_of(store.database, "Ana", article_id)["c1"].evidence == "https://a.example"
    drop_draft(store.database, "Ana", "c1", "evidence")
    assert drafts_of(store.database, "Ana", article_id) == {}


def test_saving_what_a_draft_holds_settles_it_and_typing_after_the_save_stays(store, article_id):
    keep_draft(store.database, "Ana", "c1", base_version=0, note="vu sur BBC")
    keep_draft(store.database, "Ana", "c2", base_version=0, note="plus récent", evidence="https://a.example")
    settle_drafts(store.database, "Ana", {
        "c1": Edit("c1", "unchecked", "vu sur BBC", (), 0),
        "c2": Edit("c2", "unchecked", "plus ancien", ("https://a.example",), 0),
    })
    left = drafts_of(store.database, "Ana", article_id)
    assert list(left) == ["c2"] and (left["c2"].note, left["c2"].evidence) == ("plus récent", None)


def test_a_conflict_is_kept_with_the_status_chosen_until_any_save_of_the_item(store, article_id):
    keep_draft(store.database, "Ana", "c1", base_version=0, note="mine", evidence="", status="verified",
               conflict=True)
    (draft,) = drafts_of(store.database, "Ana", article_id).values()
    assert (draft.status, draft.conflict, draft.base_version) == ("verified", True, 0)
    settle_drafts(store.database, "Ana", {"c1": Edit("c1", "verified", "mine", (), 1)})
    assert drafts_of(store.database, "Ana", article_id) == {}


def test_a_draft_of_an_item_that_does_not_exist_is_refused(store, article_id):
    with pytest.raises(LookupError, match="no item with id nope"):
        keep_draft(store.database, "Ana", "nope", base_version=0, note="x")
