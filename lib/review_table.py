"""Review tables: stored items as DataFrames for the review list, their filters, progress and paging.

The frame of one kind has one row per item, indexed by item id, with the review
columns (status, note, evidence) first. Pages show it as the review list beside the
review panel; `lib.edits` lays the analyst's unsaved edits on top of it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lib import search
from lib.models import STATUSES, Kind, Status

EDITABLE = ("status", "note", "evidence")
NO_SPEAKER = "(no speaker)"
NO_UNIT = "(no unit)"

# Columns per kind after the review columns, in this order.
KIND_COLUMNS: dict[str, tuple[str, ...]] = {
    Kind.CLAIM: ("text", "speaker", "checkworthiness"),
    Kind.FIGURE: ("text", "value", "unit", "approx", "sentence"),
    Kind.EVENT: ("text", "type", "value", "date", "end_date", "granularity", "unresolved", "sentence", "what"),
}
TRAILING = ("origin", "orphaned", "analyst", "reviewed_at", "version", "start", "end", "article_id")


def columns(kind: str) -> list[str]:
    """All frame columns of `kind`, review columns first: columns('claim')[:4] == ['status', 'note', 'evidence', 'text']."""
    return [*EDITABLE, *KIND_COLUMNS[Kind(kind)], *TRAILING]


def items_frame(items, kind: str) -> pd.DataFrame:
    """StoredItems of one kind as a frame indexed by item id (other kinds are skipped)."""
    kind = Kind(kind)
    rows = [_row(item, kind) for item in items if Kind(item.kind) == kind]
    frame = pd.DataFrame(rows, columns=["id", *columns(kind)])
    frame = frame.set_index("id")
    frame.index.name = "id"
    for name in ("date", "end_date"):
        if name in frame:
            frame[name] = pd.to_datetime(frame[name], errors="coerce").dt.date
    if kind == Kind.FIGURE:
        frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    if kind == Kind.CLAIM:
        frame["checkworthiness"] = pd.to_numeric(frame["checkworthiness"], errors="coerce")
    frame["version"] = frame["version"].astype("int64")
    return frame


# What a review changes in a row (a new extraction is read whole, never patched).
REVIEW_COLUMNS = ("status", "note", "evidence", "analyst", "reviewed_at", "version")


def patch_frame(frame: pd.DataFrame, changed: pd.DataFrame) -> pd.DataFrame:
    """`frame` with the review columns of the rows of `changed` (items re-read after a review) put in place;
    new ids are left out. The other columns are shared with `frame`, never copied: frames are never
    modified in place.

    >>> old = items_frame([], "claim")
    >>> patch_frame(old, old).equals(old)
    True
    """
    changed = changed.loc[changed.index.intersection(frame.index)]
    if changed.empty:
        return frame
    patched = frame.copy(deep=False)
    rows = frame.index.get_indexer(changed.index)
    for column in REVIEW_COLUMNS:
        values = frame[column].array.copy()
        values[rows] = changed[column].array
        patched[column] = values
    return patched


def _row(item, kind: Kind) -> dict:
    review = item.review
    fields = item.fields or {}
    row = {
        "id": item.id,
        "status": str(review.status),
        "note": review.note or "",
        "evidence": " ".join(review.evidence),
        "text": item.text,
        "sentence": item.sentence,
        "origin": item.origin,
        "orphaned": bool(item.orphaned),
        "analyst": review.analyst or "",
        "reviewed_at": review.at.isoformat(timespec="seconds") if review.at else "",
        "version": int(review.version),
        "start": item.start,
        "end": item.end,
        "article_id": item.article_id,
    }
    for name in KIND_COLUMNS[kind]:
        if name not in row:
            row[name] = fields.get(name)
    return row


@dataclass(frozen=True)
class Filters:
    """What the analyst narrowed a table to; empty means no narrowing."""

    statuses: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    text: str = ""
    include_orphaned: bool = False
    min_checkworthiness: float = 0.0  # claims only: hide those the extractor found less worth checking


def filter_frame(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows of `frame` that pass every filter; the same frame feeds the list, the chart and the counts."""
    keep = pd.Series(True, index=frame.index)
    if not filters.include_orphaned and "orphaned" in frame:
        keep &= ~frame["orphaned"].astype(bool)
    if filters.statuses:
        keep &= frame["status"].isin(filters.statuses)
    if filters.speakers and "speaker" in frame:
        keep &= frame["speaker"].fillna(NO_SPEAKER).isin(filters.speakers)
    if filters.units and "unit" in frame:
        keep &= frame["unit"].fillna(NO_UNIT).isin(filters.units)
    if (filters.since or filters.until) and "date" in frame:
        starts = frame["date"]
        ends = frame["end_date"].where(frame["end_date"].notna(), starts)
        placed = starts.notna()
        # An event counts as in range when its period overlaps the range at all.
        if filters.since:
            placed &= ends.map(lambda d: d is not None and not _missing(d) and d >= filters.since)
        if filters.until:
            placed &= starts.map(lambda d: d is not None and not _missing(d) and d <= filters.until)
        keep &= placed
    if filters.min_checkworthiness > 0 and "checkworthiness" in frame:
        keep &= frame["checkworthiness"].fillna(0.0) >= filters.min_checkworthiness
    if filters.text.strip():
        searched = [c for c in ("text", "sentence", "note", "speaker", "unit", "evidence") if c in frame]
        haystack = frame[searched].fillna("").astype(str).agg(" ".join, axis=1)
        keep &= search.matches(haystack, filters.text)
    return frame[keep]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def filter_options(frame: pd.DataFrame) -> dict[str, list[str]]:
    """The choices the filters offer for this frame: speakers and units as they appear, sorted."""
    options = {"statuses": list(STATUSES), "speakers": [], "units": []}
    if "speaker" in frame:
        options["speakers"] = sorted(frame["speaker"].fillna(NO_SPEAKER).unique().tolist())
    if "unit" in frame:
        options["units"] = sorted(frame["unit"].fillna(NO_UNIT).unique().tolist())
    return options


@dataclass(frozen=True)
class Progress:
    checked: int
    total: int
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.checked / self.total if self.total else 0.0


def progress(frame: pd.DataFrame) -> Progress:
    """How many rows are past `unchecked`, with the count per status (every status listed, zeros included)."""
    counts = frame["status"].value_counts() if len(frame) else pd.Series(dtype="int64")
    by_status = {status: int(counts.get(status, 0)) for status in STATUSES}
    total = len(frame)
    return Progress(total - by_status[Status.UNCHECKED.value], total, by_status)


def orphaned_count(frame: pd.DataFrame) -> int:
    """Rows kept as orphaned reviews: their item is gone from the latest extraction."""
    return int(frame["orphaned"].astype(bool).sum()) if "orphaned" in frame else 0


def page(frame: pd.DataFrame, number: int, size: int) -> pd.DataFrame:
    """Rows of page `number` (1-based, clamped) so the list never carries thousands of rows."""
    pages = page_count(frame, size)
    number = min(max(1, number), pages)
    return frame.iloc[(number - 1) * size : number * size]


def page_count(frame: pd.DataFrame, size: int) -> int:
    return max(1, math.ceil(len(frame) / size))
