"""Review tables: stored items as DataFrames for the editors, their filters, and edits turned into saves.

The frame of one kind has one row per item, indexed by item id, with the review
columns (status, note, evidence) first. Pages show it in `st.data_editor` and hand
what comes back to `pending_edits`, which keeps only what the analyst changed.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from lib.models import Kind, Status

# Statuses in the order analysts move through them; also the order of the chart colour scale.
STATUSES: tuple[str, ...] = tuple(status.value for status in Status)
# Colour-blind-safe (Okabe–Ito based); order follows STATUSES; shared by the charts and the article highlighting.
STATUS_COLOURS: dict[str, str] = {
    "unchecked": "#9e9e9e",
    "in_progress": "#56b4e9",
    "verified": "#009e73",
    "false": "#d55e00",
    "misleading": "#e69f00",
    "inconclusive": "#cc79a7",
    "not_a_claim": "#000000",
}
EDITABLE = ("status", "note", "evidence")
NO_SPEAKER = "(no speaker)"
NO_UNIT = "(no unit)"

# Columns per kind after the review columns; the editor shows them read-only in this order.
KIND_COLUMNS: dict[str, tuple[str, ...]] = {
    Kind.CLAIM: ("text", "speaker", "checkworthiness"),
    Kind.FIGURE: ("text", "value", "unit", "approx", "sentence"),
    Kind.EVENT: ("text", "type", "value", "date", "end_date", "granularity", "unresolved", "sentence"),
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


def filter_frame(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Rows of `frame` that pass every filter; the same frame feeds the editor, the chart and the counts."""
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
    needle = filters.text.strip().casefold()
    if needle:
        searched = [c for c in ("text", "sentence", "note", "speaker", "unit", "evidence") if c in frame]
        haystack = frame[searched].fillna("").astype(str).agg(" ".join, axis=1).str.casefold()
        keep &= haystack.str.contains(needle, regex=False)
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
    """Rows of page `number` (1-based, clamped) so the editor never carries thousands of rows."""
    pages = page_count(frame, size)
    number = min(max(1, number), pages)
    return frame.iloc[(number - 1) * size : number * size]


def page_count(frame: pd.DataFrame, size: int) -> int:
    return max(1, math.ceil(len(frame) / size))


@dataclass(frozen=True)
class Edit:
    """One item's unsaved review: what the analyst set and the version it was set against."""

    item_id: str
    status: str
    note: str
    evidence: tuple[str, ...]
    expected_version: int
    label: str = ""  # the item's text, shortened, so messages name what the analyst sees


def parse_evidence(text: str) -> tuple[str, ...]:
    """Evidence links from a cell, separated by spaces, commas or new lines: 'a.org/x, https://b.org' is refused.

    >>> parse_evidence(" https://a.org/x,\\nhttp://b.org ")
    ('https://a.org/x', 'http://b.org')
    """
    links = tuple(token for token in text.replace(",", " ").split() if token)
    bad = [link for link in links if not link.lower().startswith(("http://", "https://"))]
    if bad:
        raise ValueError(f"evidence must be http(s) links, not: {', '.join(bad)}")
    return links


def pending_edits(
    stored: pd.DataFrame, edited: pd.DataFrame, versions: dict[str, int] | None = None
) -> tuple[dict[str, Edit], list[str]]:
    """Rows whose status, note or evidence differ between the stored and the edited frame, as Edits by id.

    Each edit answers `versions[id]` (the version rendered on screen) when given, else the
    stored row's version. Returns the edits and the problems found (bad evidence links,
    unknown statuses); a row with a problem is left out so nothing invalid is ever saved.
    """
    versions = versions or {}
    edits: dict[str, Edit] = {}
    problems: list[str] = []
    for item_id in edited.index.intersection(stored.index):
        before, after = stored.loc[item_id], edited.loc[item_id]
        status, note, evidence = _text(after["status"]), _text(after["note"]), _text(after["evidence"])
        if (status, note, evidence) == (_text(before["status"]), _text(before["note"]), _text(before["evidence"])):
            continue
        label = _short(_text(before["text"]))
        if status not in STATUSES:
            problems.append(f"{label}: unknown status {status!r}")
            continue
        try:
            links = parse_evidence(evidence)
        except ValueError as error:
            problems.append(f"{label}: {error}")
            continue
        edits[item_id] = Edit(item_id, status, note, links, int(versions.get(item_id, before["version"])), label)
    return edits, problems


def merge_pending(pending: dict[str, Edit], shown_ids, edits: dict[str, Edit]) -> dict[str, Edit]:
    """Unsaved edits after an editor run: rows on screen take the editor's word, rows off screen keep theirs."""
    shown = set(shown_ids)
    merged = {item_id: edit for item_id, edit in pending.items() if item_id not in shown}
    for item_id, edit in edits.items():
        earlier = pending.get(item_id)
        # The version an edit answers is the one the analyst first edited against: a refresh
        # that brought in someone else's save must still end in a conflict, not an overwrite.
        if earlier is not None:
            edit = replace(edit, expected_version=earlier.expected_version)
        merged[item_id] = edit
    return merged


def view_key(*parts) -> str:
    """A short stable name for one view of a table (kind, filters, page, generation) used as the editor key.

    Editors keep row edits by row position, so a different set of rows must get a
    different editor; the same view keeps its editor and the analyst's edits in it.
    """
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:12]


def content_digest(frame: pd.DataFrame, names: list[str]) -> str:
    """A digest of every row of `frame[names]` with its index, to key a cache on the data itself.

    Streamlit hashes only a sample of frames past 50,000 rows; this reads them all (vectorised).
    """
    present = [name for name in names if name in frame]
    hashed = pd.util.hash_pandas_object(frame[present].astype(str), index=True).to_numpy()
    return hashlib.sha1(repr(present).encode("utf-8") + hashed.tobytes()).hexdigest()[:16]


def versions_digest(rows: pd.DataFrame) -> str:
    """A short digest of the rows' ids and versions; part of the editor key, so refreshed rows get a new editor.

    An editor keeps its cell edits by row position: carried onto rows that another analyst
    saved meanwhile, an edit would be judged against values the analyst never saw.
    """
    pairs = list(zip(rows.index.tolist(), rows["version"].astype("int64").tolist()))
    return hashlib.sha1(repr(pairs).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class EditorView:
    """What one editor rendered: the stored rows under it, the frame it showed, and the version each row answers.

    Edits are reconciled against this record, never against a frame read since (another
    analyst's save, the read cache expiring): that is what turns a late edit into a conflict.
    """

    stored: pd.DataFrame  # stored rows in editor order, as read when the editor was drawn
    shown: pd.DataFrame  # the same rows with the unsaved edits on top: what the analyst saw
    versions: dict[str, int]  # per row, the version the values on screen were set against


def editor_view(stored_rows: pd.DataFrame, pending: dict[str, Edit]) -> EditorView:
    """The view an editor over `stored_rows` renders, unsaved edits shown and keeping the version they answer."""
    versions = {
        item_id: pending[item_id].expected_version if item_id in pending else int(version)
        for item_id, version in stored_rows["version"].items()
    }
    return EditorView(stored_rows, apply_pending(stored_rows, pending), versions)


def apply_editor_state(shown: pd.DataFrame, state) -> pd.DataFrame:
    """The frame an editor returns for its session value ({'edited_rows': {position: {column: value}}})."""
    edited = shown.copy()
    rows = (state or {}).get("edited_rows") or {}
    for position, changes in rows.items():
        position = int(position)
        if not 0 <= position < len(edited):
            continue
        for column, value in (changes or {}).items():
            # Only the review columns are editable; anything else in the state is not the analyst's.
            if column in EDITABLE:
                edited.iloc[position, edited.columns.get_loc(column)] = value
    return edited


def reconcile(view: EditorView, edited: pd.DataFrame, pending: dict[str, Edit]) -> tuple[dict[str, Edit], list[str]]:
    """Unsaved edits after an editor run, judged against what that editor rendered; returns (pending, problems)."""
    edits, problems = pending_edits(view.stored, edited.loc[edited.index.intersection(view.stored.index)],
                                    view.versions)
    return merge_pending(pending, view.stored.index, edits), problems


def reconcile_abandoned(view: EditorView, state, pending: dict[str, Edit]) -> tuple[dict[str, Edit], list[str]]:
    """Pending edits after the last cell edits sent to an editor no longer drawn (its rows were refreshed).

    Only the rows the analyst touched speak; each answers the version `view` rendered, so
    an edit made over values someone has since replaced is saved as a conflict, not over them.
    """
    positions = {int(p) for p in ((state or {}).get("edited_rows") or {})}
    touched = [item_id for position, item_id in enumerate(view.stored.index) if position in positions]
    if not touched:
        return pending, []
    edited = apply_editor_state(view.shown, state).loc[touched]
    edits, problems = pending_edits(view.stored.loc[touched], edited, view.versions)
    return merge_pending(pending, touched, edits), problems


def apply_pending(frame: pd.DataFrame, pending: dict[str, Edit]) -> pd.DataFrame:
    """The frame as the analyst sees it: stored values with their unsaved edits on top."""
    ids = [item_id for item_id in pending if item_id in frame.index]
    if not ids:
        return frame
    frame = frame.copy()
    # One assignment per column, not per row: thousands of pending edits stay cheap.
    frame.loc[ids, "status"] = [pending[i].status for i in ids]
    frame.loc[ids, "note"] = [pending[i].note for i in ids]
    frame.loc[ids, "evidence"] = [" ".join(pending[i].evidence) for i in ids]
    return frame


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True)
class Conflict:
    """An edit that met a newer saved review: both are kept so the analyst can choose."""

    edit: Edit
    theirs: object  # lib.models.Review as currently saved


@dataclass(frozen=True)
class SaveReport:
    saved: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    unsaved: tuple[str, ...] = ()  # ids not attempted because the database went away
    error: str = ""

    @property
    def level(self) -> str:
        """How the page shows it: 'error' when the database went away, 'warning' on a conflict."""
        return "error" if self.error else "warning" if self.conflicts or self.unsaved else "success"

    def summary(self) -> str:
        """'Saved 2 reviews; 1 conflict' — what the page tells the analyst."""
        parts = [f"Saved {len(self.saved)} review{'s' if len(self.saved) != 1 else ''}"]
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''}")
        if self.unsaved:
            parts.append(f"{len(self.unsaved)} not saved yet")
        return "; ".join(parts)


def save_edits(store, edits: dict[str, Edit], analyst: str) -> SaveReport:
    """Write each edit with `Store.save_review`, collecting conflicts; stops at the first unreachable database.

    Every review is its own versioned write, so a stop half-way leaves the saved ones
    saved and the rest still pending — nothing is half-written.
    """
    from lib.store import ReviewConflict, StoreUnavailable

    saved: list[str] = []
    conflicts: list[Conflict] = []
    remaining = list(edits.values())
    for position, edit in enumerate(remaining):
        try:
            store.save_review(
                edit.item_id,
                status=Status(edit.status),
                note=edit.note,
                evidence=edit.evidence,
                analyst=analyst,
                expected_version=edit.expected_version,
            )
        except ReviewConflict as conflict:
            conflicts.append(Conflict(edit, conflict.current))
        except StoreUnavailable as error:
            unsaved = tuple(e.item_id for e in remaining[position:])
            return SaveReport(tuple(saved), tuple(conflicts), unsaved, str(error))
        else:
            saved.append(edit.item_id)
    return SaveReport(tuple(saved), tuple(conflicts))


def corpus_frame(summaries) -> pd.DataFrame:
    """ArticleSummaries as one row each: counts per kind and the checked share for a progress bar."""
    rows = [
        {
            "id": s.id,
            "title": s.title or "Untitled",
            "lang": s.lang,
            "published": s.published,
            "claims": s.counts.get("claim", 0),
            "figures": s.counts.get("figure", 0),
            "events": s.counts.get("event", 0),
            "checked": s.checked,
            "total": s.total,
            "progress": s.checked / s.total if s.total else 0.0,
            "ingested_at": s.ingested_at,
        }
        for s in summaries
    ]
    return pd.DataFrame(rows, columns=["id", "title", "lang", "published", "claims", "figures", "events",
                                       "checked", "total", "progress", "ingested_at"])


def _name_key(name: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def recurring_speakers(claims: pd.DataFrame, similarity: float = 0.85) -> pd.DataFrame:
    """Speakers met in several articles or under several spellings ('Radakin' and 'Radhakin' are grouped)."""
    columns_out = ["speaker", "spellings", "articles", "claims"]
    named = claims[claims["speaker"].notna()] if len(claims) else claims
    if not len(named):
        return pd.DataFrame(columns=columns_out)
    # Spellings that fold to the same key ('Healy', 'HEALY', 'Héaly') are one speaker before any fuzzy match.
    by_key: dict[str, dict] = {}
    for name, article_ids in named.groupby("speaker")["article_id"].agg(list).items():
        entry = by_key.setdefault(_name_key(name), {"spellings": {}, "articles": set()})
        entry["spellings"][name] = len(article_ids)
        entry["articles"].update(article_ids)
    parent = {key: key for key in by_key}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in _similar_keys(list(by_key), similarity):
        parent[root(a)] = root(b)
    groups: dict[str, dict] = {}
    for key, entry in by_key.items():
        group = groups.setdefault(root(key), {"spellings": {}, "articles": set()})
        group["spellings"].update(entry["spellings"])
        group["articles"] |= entry["articles"]
    result = [
        {
            "speaker": max(g["spellings"], key=g["spellings"].get),
            "spellings": ", ".join(sorted(g["spellings"])),
            "articles": len(g["articles"]),
            "claims": sum(g["spellings"].values()),
        }
        for g in groups.values()
        if len(g["articles"]) > 1 or len(g["spellings"]) > 1
    ]
    return pd.DataFrame(result, columns=columns_out).sort_values(["articles", "claims", "speaker"],
                                                                 ascending=[False, False, True])


def _similar_keys(keys: list[str], similarity: float):
    """Pairs of keys whose difflib ratio reaches `similarity`, without comparing every pair.

    Only keys with the same first letter are compared (a misspelt surname keeps its
    initial far more often than not), and only when their lengths allow the ratio at
    all: 2·matches / (len a + len b) reaches s only if the longer is at most (2/s − 1)
    times the shorter. The cheap upper bounds run before the full ratio.
    """
    from collections import defaultdict
    from difflib import SequenceMatcher

    stretch = 2 / similarity - 1
    buckets: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        buckets[key[:1]].append(key)
    for bucket in buckets.values():
        bucket.sort(key=len)
        for position, shorter in enumerate(bucket):
            matcher = SequenceMatcher(None)
            matcher.set_seq2(shorter)  # seq2 is the one difflib indexes: index it once per key
            for longer in bucket[position + 1:]:
                if len(longer) > len(shorter) * stretch:
                    break
                matcher.set_seq1(longer)
                if (matcher.real_quick_ratio() >= similarity and matcher.quick_ratio() >= similarity
                        and matcher.ratio() >= similarity):
                    yield shorter, longer


def recurring_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The same value with the same unit in more than one article ('200 planificateurs' twice)."""
    columns_out = ["value", "unit", "articles", "mentions", "texts"]
    if not len(figures):
        return pd.DataFrame(columns=columns_out)
    data = figures.assign(unit_key=figures["unit"].fillna(NO_UNIT).map(_name_key))
    rows = []
    for (value, _key), group in data.groupby(["value", "unit_key"]):
        articles = group["article_id"].nunique()
        if articles > 1:
            rows.append({
                "value": value,
                "unit": group["unit"].fillna(NO_UNIT).mode().iloc[0],
                "articles": articles,
                "mentions": len(group),
                "texts": " | ".join(sorted(set(group["text"]))),
            })
    return pd.DataFrame(rows, columns=columns_out).sort_values(["articles", "mentions"], ascending=False)
