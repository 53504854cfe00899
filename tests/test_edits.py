"""lib.edits: pending edits against what the editor rendered, saves and conflicts; items typed by hand."""
from __future__ import annotations

import pytest

from lib import edits as ed
from lib.edits import NotANumber, find_span, parse_figure_detail
from lib.models import Kind, Status
from tests.dashboard_fixtures import frame_of


@pytest.mark.parametrize("detail, expected", [
    ("200 planificateurs", (200.0, "planificateurs")),
    ("  200   planificateurs militaires ", (200.0, "planificateurs militaires")),
    ("1,5 million", (1.5, "million")),
    ("5 %", (5.0, "%")),
    ("-3", (-3.0, None)),
    ("", (None, None)),
    ("   ", (None, None)),
])
def test_a_figure_detail_reads_the_value_then_the_unit(detail, expected):
    assert parse_figure_detail(detail) == expected


@pytest.mark.parametrize("detail, number", [
    ("nan pays", "nan"), ("inf", "inf"), ("-Infinity", "-Infinity"), ("1e999 soldats", "1e999"),
    ("douze pays", "douze"), ("200planificateurs", "200planificateurs"),
])
def test_a_figure_detail_that_does_not_start_with_a_finite_number_is_refused(detail, number):
    with pytest.raises(NotANumber) as refused:
        parse_figure_detail(detail)
    assert refused.value.number == number
    assert isinstance(refused.value, ValueError)


TEXT = "Healy a déclaré que plus de 200 planificateurs étaient prêts. Healy a conclu."


@pytest.mark.parametrize("wanted, expected", [
    ("plus de 200 planificateurs", (20, 46)),
    ("  plus de 200 planificateurs\n", (20, 46)),  # the analyst's stray spaces do not count
    ("Healy", (None, None)),  # twice in the text: no guess
    ("Radakin", (None, None)),  # not in the text
    ("PLUS DE 200", (None, None)),  # verbatim only
    ("", (None, None)),
    ("   ", (None, None)),
])
def test_a_span_is_found_only_when_it_stands_once_verbatim(wanted, expected):
    assert find_span(TEXT, wanted) == expected
    if expected[0] is not None:
        assert TEXT[expected[0]:expected[1]] == wanted.strip()


def test_pending_edits_keep_only_changed_rows_with_their_version(filled):
    stored = frame_of(filled, "claim")
    edited = stored.copy()
    edited.loc["c2", ["status", "note", "evidence"]] = ["false", "wrong year", "https://a.org/x, https://b.org"]
    edits, problems = ed.pending_edits(stored, edited)
    assert problems == []
    assert edits == {"c2": ed.Edit("c2", "false", "wrong year", ("https://a.org/x", "https://b.org"), 0,
                                   "Radakin a averti en février 2022 que la Russie restait dang…")}


def test_pending_edits_refuse_non_http_evidence(filled):
    stored = frame_of(filled, "claim")
    edited = stored.copy()
    edited.loc["c1", "evidence"] = "javascript:alert(1)"
    edits, problems = ed.pending_edits(stored, edited)
    assert edits == {}
    assert "javascript:alert(1)" in problems[0]


def test_merge_keeps_off_screen_edits_and_the_first_version(filled):
    old = {"c1": ed.Edit("c1", "verified", "", (), 0), "c2": ed.Edit("c2", "false", "", (), 0)}
    new = {"c2": ed.Edit("c2", "misleading", "", (), 3)}
    merged = ed.merge_pending(old, ["c2"], new)
    assert merged["c1"] == old["c1"]
    assert merged["c2"] == ed.Edit("c2", "misleading", "", (), 0)
    assert "c2" not in ed.merge_pending(old, ["c2"], {})


def test_editor_view_renders_pending_values_with_the_version_they_answer(filled):
    stored = frame_of(filled, "claim")
    view = ed.editor_view(stored, {"c1": ed.Edit("c1", "verified", "ok", (), 0)})
    assert view.shown.loc["c1", ["status", "note"]].tolist() == ["verified", "ok"]
    assert view.stored.loc["c1", "status"] == "unchecked"
    assert view.versions == {"c1": 0, "c2": 0}


def test_versions_digest_changes_when_a_shown_row_is_saved(filled):
    before = ed.versions_digest(frame_of(filled, "claim"))
    assert before == ed.versions_digest(frame_of(filled, "claim"))
    filled.save_review("c2", status=Status.FALSE, analyst="Bob", expected_version=0)
    assert ed.versions_digest(frame_of(filled, "claim")) != before


def test_an_edit_sent_to_an_abandoned_editor_answers_the_version_it_rendered(filled):
    view = ed.editor_view(frame_of(filled, "claim"), {})  # Ana's screen: c1 unchecked, version 0
    filled.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    state = {"edited_rows": {"0": {"note": "mine"}}, "added_rows": [], "deleted_rows": []}
    pending, problems = ed.reconcile_abandoned(view, state, {})
    assert problems == []
    assert pending == {"c1": ed.Edit("c1", "unchecked", "mine", (), 0, view.stored.loc["c1", "text"][:59] + "…")}
    report = ed.save_edits(filled, pending, "Ana")
    assert report.saved == () and [c.edit.item_id for c in report.conflicts] == ["c1"]
    assert [(h.status, h.note) for h in filled.history("c1")] == [(Status.FALSE, "theirs")]


def test_an_abandoned_editor_speaks_only_for_the_rows_it_touched(filled):
    view = ed.editor_view(frame_of(filled, "claim"), {"c2": ed.Edit("c2", "false", "", (), 0)})
    kept = {"c1": ed.Edit("c1", "verified", "", (), 0)}  # set elsewhere since; c2 dropped by "keep theirs"
    assert ed.reconcile_abandoned(view, {"edited_rows": {}}, kept) == (kept, [])
    pending, problems = ed.reconcile_abandoned(view, {"edited_rows": {1: {"evidence": "bbc"}}}, kept)
    assert pending == kept and "bbc" in problems[0]  # a bad link is refused, never saved


def test_apply_pending_shows_unsaved_values(filled):
    frame = ed.apply_pending(frame_of(filled, "claim"), {"c1": ed.Edit("c1", "verified", "ok", ("https://x.org",), 0)})
    assert frame.loc["c1", ["status", "note", "evidence"]].tolist() == ["verified", "ok", "https://x.org"]


def test_save_edits_writes_reviews_and_reports_conflicts(filled):
    filled.save_review("c2", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    edits = {
        "c1": ed.Edit("c1", "verified", "mine", ("https://a.org",), 0),
        "c2": ed.Edit("c2", "verified", "mine too", (), 0),
    }
    report = ed.save_edits(filled, edits, "Ana")
    assert report.saved == ("c1",)
    assert [c.edit.item_id for c in report.conflicts] == ["c2"]
    assert (report.conflicts[0].theirs.status, report.conflicts[0].theirs.analyst) == (Status.FALSE, "Bob")
    assert report.summary() == "Saved 1 review; 1 conflict"
    saved = {i.id: i.review for i in filled.items(kind=Kind.CLAIM)}
    assert (saved["c1"].status, saved["c1"].note, saved["c1"].analyst, saved["c1"].evidence) == (
        Status.VERIFIED, "mine", "Ana", ("https://a.org",))
    assert (saved["c2"].status, saved["c2"].note) == (Status.FALSE, "theirs")


def test_save_edits_stops_and_keeps_the_rest_when_the_database_goes(filled):
    from lib.store import StoreUnavailable

    class Flaky:
        def __init__(self):
            self.calls = 0

        def save_review(self, item_id, **kwargs):
            self.calls += 1
            if self.calls > 1:
                raise StoreUnavailable("database is locked")
            return filled.save_review(item_id, **kwargs)

    edits = {i: ed.Edit(i, "verified", "", (), 0) for i in ("c1", "c2")}
    report = ed.save_edits(Flaky(), edits, "Ana")
    assert (report.saved, report.unsaved, report.error) == (("c1",), ("c2",), "database is locked")

@pytest.mark.parametrize("report, level", [
    (ed.SaveReport(saved=("a",)), "success"),
    (ed.SaveReport(saved=(), conflicts=("c",)), "warning"),
    (ed.SaveReport(saved=("a",), unsaved=("b",), error="gone"), "error"),
])
def test_a_save_with_a_conflict_is_a_warning_not_a_success(report, level):
    assert report.level == level
