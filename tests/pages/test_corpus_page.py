"""Corpus page: every article with its progress, opening one, and what recurs across articles."""
from __future__ import annotations

import pytest

from lib.models import Status
from tests.dashboard_fixtures import TEXT, small_extraction
from tests.pages.apptest import goto, start


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


def test_an_article_removed_from_the_corpus_leaves_the_desk_with_its_reviews_kept(store, stored):
    from lib.removals import list_removals

    other = small_extraction(TEXT + " Fin de la dépêche.", prefix="b-")
    store.save_extraction(other)
    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    at = goto(start(article_id=stored), "corpus")
    at.selectbox(key="corpus-article").set_value(stored).run()
    assert at.button(key="corpus-remove").disabled  # not before saying so
    at.checkbox(key=f"corpus-remove-sure-{stored}").check().run()
    at.button(key="corpus-remove").click().run()
    assert not at.exception
    assert any("off the desk" in s.value for s in at.success)
    assert [a.id for a in store.articles()] == [other.article.id]
    assert at.session_state["article_id"] is None  # the open article was the one removed
    assert [r.status for r in store.history("c1")] == [Status.VERIFIED]
    assert [(r.article_id, r.analyst) for r in list_removals(store.database)] == [(stored, "Ana")]
    assert at.dataframe[0].value["title"].tolist() == ["Essai"] and len(at.dataframe[0].value) == 1
    (removed,) = [d.value for d in at.dataframe if "Removed by" in d.value.columns]
    assert removed.iloc[0]["Removed by"] == "Ana"
