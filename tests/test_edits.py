"""lib.edits: unsaved edits shown over stored rows, saves and conflicts; items typed by hand."""
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
