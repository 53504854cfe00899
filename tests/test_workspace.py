"""The review workspace's logic: the list in words, an item's paragraph and companions, its history, edits in a row."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lib import workspace
from lib.models import Review, Status
from lib.review_table import items_frame
from lib.store import Store
from lib.workspace import Shown, edit_for
from tests.dashboard_fixtures import TEXT, small_extraction


@pytest.fixture
def items():
    store = Store("sqlite://")
    store.save_extraction(small_extraction())
    store.save_review("f1", status=Status.VERIFIED, analyst="Ana", expected_version=0)
    return store.items()


def test_the_list_is_escaped_html_with_labels_wrapped_text_and_an_unsaved_marker(items):
    markup = workspace.list_html(items_frame(items, "claim"), "claim", selected=["c1"], unsaved={"c2"})
    assert markup.count('class="fd-row') == 2 and 'class="fd-row fd-selected" data-row="c1"' in markup
    assert ">Unchecked</span>" in markup and "Healy" in markup and "0.90" in markup
    assert markup.count("● unsaved") == 1 and "white-space:normal" in markup
    figures = workspace.list_html(items_frame(items, "figure"), "figure")
    assert figures.index(">Verified</span>") < figures.index("200 planificateurs")


def test_the_list_never_renders_item_text_as_markup():
    from lib.review_table import items_frame as frame_of
    from lib.models import Article, Claim, Extraction

    text = '<img src=x onerror="alert(1)"> a dit Healy.'
    store = Store("sqlite://")
    store.save_extraction(Extraction(Article(text, lang="fr"), claims=(Claim("c", 0, len(text), text, "<b>Bob</b>", 0.5),),
                                     engine_version="t"))
    markup = workspace.list_html(frame_of(store.items(), "claim"), "claim")
    assert "<img" not in markup and "<b>" not in markup and "&lt;img" in markup and "&lt;b&gt;Bob" in markup


@pytest.mark.parametrize("name, label", [
    ("checkworthiness", "Worth checking"), ("approx", "Approximation"), ("granularity", "Precision"),
    ("lang", "Language"), ("end_date", "To"), ("something_new", "Something new"),
])
def test_column_labels_are_words(name, label):
    assert workspace.column_label(name) == label


@pytest.mark.parametrize("text, span, bounds", [
    ("Un.\nDeux trois.\nQuatre.", (4, 8), (4, 15)),
    ("Un seul paragraphe.", (3, 7), (0, 19)),
    ("Titre\n\nCorps du texte", (7, 12), (7, 21)),
])
def test_paragraph_bounds_are_the_line_breaks_around_the_span(text, span, bounds):
    assert workspace.paragraph_bounds(text, *span) == bounds


def test_a_long_paragraph_is_cut_around_the_span_at_spaces():
    text = "mot " * 500 + "CIBLE " + "mot " * 500
    start = text.index("CIBLE")
    left, right = workspace.paragraph_bounds(text, start, start + 5, limit=100)
    assert left < start and start + 5 < right and right - left <= 110
    assert text[left - 1] == " " and text[right] == " "


def test_context_is_the_paragraph_escaped_with_the_item_outlined(items):
    by_id = {item.id: item for item in items}
    markup = workspace.context_html(TEXT, by_id["c2"], items)
    assert 'data-item="c2"' in markup and 'data-item="e2"' in markup
    assert 'data-item="c1"' not in markup or TEXT.find("\n") == -1
    assert "outline:2px solid" in markup


def test_context_of_a_hostile_paragraph_is_inert():
    text = "Il a dit <script>alert(1)</script> hier."
    store = Store("sqlite://")
    from lib.models import Article, Claim, Extraction

    article = Article(text, lang="fr")
    store.save_extraction(Extraction(article, claims=(Claim("c", 0, len(text), text, None, 0.5),), engine_version="t"))
    (item,) = store.items()
    markup = workspace.context_html(text, item, [item])
    assert "<script>" not in markup and "&lt;script&gt;" in markup


def test_related_items_of_a_claim_and_of_a_figure(items):
    by_id = {item.id: item for item in items}
    assert [i.id for i in workspace.related(by_id["c1"], items)] == ["f1", "f2", "e1"]
    assert [i.id for i in workspace.related(by_id["f2"], items)] == ["c1", "f1", "e1"]
    assert workspace.related(by_id["f3"], items) == []
    assert workspace.describe(by_id["f1"]) == "Figure · plus de 200 · Verified"


def test_history_frame_is_newest_first_in_words():
    at = datetime(2026, 1, 2, 9, 30, tzinfo=timezone.utc)
    history = [Review("c1", Status.FALSE, "", (), "Bob", at, 1),
               Review("c1", Status.NOT_A_CLAIM, "doublon", ("https://a.org",), "Ana", at, 2)]
    frame = workspace.history_frame(history)
    assert frame.values.tolist() == [["2026-01-02 09:30", "Ana", "Not a claim", "doublon", "https://a.org"],
                                     ["2026-01-02 09:30", "Bob", "False", "", ""]]


def test_an_edit_follows_this_sessions_own_saves_but_not_anyone_elses():
    shown = Shown("c1", "claim", "unchecked", "", (), 3, "Healy")
    first = edit_for(shown, {}, note="BBC")
    assert (first.status, first.note, first.expected_version) == ("unchecked", "BBC", 3)
    second = edit_for(shown, {"c1": {3: (4, first)}}, status="false")
    assert (second.status, second.note, second.expected_version) == ("false", "BBC", 4)
    # someone else wrote version 5 after ours: the edit still answers 4, so saving it conflicts
    third = edit_for(shown, {"c1": {3: (4, first)}}, evidence=("https://a.org",))
    assert third.expected_version == 4


def test_an_event_without_a_date_reads_no_date_in_the_list_never_nat():
    import pandas as pd

    from lib.workspace import _details

    row = pd.Series({"date": pd.NaT, "end_date": pd.NaT})
    assert _details(row, "event") == ["no date"]
    row = pd.Series({"date": pd.Timestamp("2025-07-01").date(), "end_date": pd.Timestamp("2025-07-31").date()})
    assert _details(row, "event") == ["2025-07-01 → 2025-07-31"]
