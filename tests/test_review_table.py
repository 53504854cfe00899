"""lib.review_table: frames from the real store, filters, progress and paging (SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import date

import pytest

from lib import review_table as rt
from tests.dashboard_fixtures import frame_of


def test_claims_frame_has_review_columns_first_and_one_row_per_claim(filled):
    frame = frame_of(filled, "claim")
    assert list(frame.columns[:5]) == ["status", "note", "evidence", "text", "speaker"]
    assert list(frame.index) == ["c1", "c2"]
    assert frame.loc["c1", "speaker"] == "Healy"
    assert set(frame["status"]) == {"unchecked"}
    assert frame["version"].tolist() == [0, 0]


def test_events_frame_carries_real_dates(filled):
    frame = frame_of(filled, "event")
    assert frame.loc["e1", "date"] == date(2025, 8, 15)
    assert frame.loc["e2", "end_date"] == date(2022, 2, 28)
    assert frame.loc["e2", "granularity"] == "month"


@pytest.mark.parametrize(
    ("kind", "filters", "expected"),
    [
        ("claim", rt.Filters(speakers=("Radakin",)), ["c2"]),
        ("claim", rt.Filters(text="RUSSIE"), ["c2"]),
        ("claim", rt.Filters(statuses=("verified",)), []),
        ("claim", rt.Filters(statuses=("unchecked",)), ["c1", "c2"]),
        ("figure", rt.Filters(units=("pays", "%")), ["f2", "f3"]),
        ("figure", rt.Filters(text="pib"), ["f3"]),  # found through its sentence
        ("event", rt.Filters(since=date(2025, 1, 1)), ["e1"]),
        ("event", rt.Filters(until=date(2022, 2, 10)), ["e2"]),
        # a month overlaps a range that starts inside it
        ("event", rt.Filters(since=date(2022, 2, 20), until=date(2022, 3, 1)), ["e2"]),
    ],
)
def test_filters_keep_only_matching_rows(filled, kind, filters, expected):
    assert list(rt.filter_frame(frame_of(filled, kind), filters).index) == expected


def test_filter_options_list_speakers_and_units_sorted(filled):
    assert rt.filter_options(frame_of(filled, "claim"))["speakers"] == ["Healy", "Radakin"]
    assert rt.filter_options(frame_of(filled, "figure"))["units"] == ["%", "pays", "planificateurs"]


def test_progress_counts_every_status(filled):
    frame = frame_of(filled, "claim")
    frame.loc["c1", "status"] = "verified"
    counts = rt.progress(frame)
    assert (counts.checked, counts.total, counts.share) == (1, 2, 0.5)
    assert counts.by_status["verified"] == 1 and counts.by_status["false"] == 0


def test_paging_clamps_to_existing_pages(filled):
    frame = frame_of(filled, "figure")
    assert rt.page_count(frame, 2) == 2
    assert list(rt.page(frame, 2, 2).index) == ["f3"]
    assert list(rt.page(frame, 9, 2).index) == ["f3"]
