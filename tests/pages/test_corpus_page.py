"""Corpus page: every article with its progress, opening one, and what recurs across articles."""
from __future__ import annotations

import json

import pytest

from lib.models import Status
from tests.dashboard_fixtures import TEXT, small_extraction
from tests.pages.apptest import goto, start, texts


def test_corpus_lists_articles_with_progress_and_opens_one(store, stored):
    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    at = goto(start(), "corpus")
    table = at.dataframe[0].value
    assert table.loc[0, ["title", "language", "claims", "figures", "events"]].tolist() == ["Essai", "French", 2, 3, 2]
    labels = {name: config.get("label") for name, config in json.loads(at.dataframe[0].proto.columns).items()}
    shown = [labels[name] for name in at.dataframe[0].proto.column_order]
    assert shown == ["Title", "Language", "Published", "Claims", "Figures", "Events", "Checked", "Loaded"]
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
    (history,) = [d.value for d in at.dataframe if "What" in d.value.columns]
    assert history[["What", "Title", "By"]].values.tolist() == [["Removed", "Essai", "Ana"]]


def test_a_removed_article_is_restored_from_the_corpus_with_its_reviews_and_the_restore_recorded(store, stored):
    from lib.removals import list_removals, remove_article

    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    remove_article(store.database, stored, "Bob")
    at = goto(start(), "corpus")
    assert any("restore one below" in i for i in texts(at.info))
    assert at.selectbox(key="corpus-restore-article").value == stored
    at.button(key="corpus-restore").click().run()
    assert not at.exception
    assert texts(at.success) == ["“Essai” is back on the desk with all its reviews."]
    assert [a.id for a in store.articles()] == [stored]
    assert store.current_review("c1").status == Status.VERIFIED
    assert [(r.action, r.analyst) for r in list_removals(store.database)] == [("restored", "Ana"), ("removed", "Bob")]
    assert at.dataframe[0].value["title"].tolist() == ["Essai"]
    (history,) = [d.value for d in at.dataframe if "What" in d.value.columns]
    assert history[["What", "By"]].values.tolist() == [["Restored", "Ana"], ["Removed", "Bob"]]


def test_another_dashboard_sees_a_removal_on_its_next_run_without_waiting_for_a_cache(store, stored):
    from lib.removals import remove_article

    at = goto(start(), "corpus")
    assert at.dataframe[0].value["title"].tolist() == ["Essai"]
    remove_article(store.database, stored, "Bob")  # in another session: nothing here is told
    at.run()  # what the page's watcher does a few seconds later
    assert [d.value for d in at.dataframe if "title" in d.value.columns] == []  # the desk is empty now
    assert any("No article on the desk" in i for i in texts(at.info))
