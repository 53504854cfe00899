"""What an analyst changes: edits made in the review editors, reconciled and saved; items added by hand.

An edit answers the version of the review its editor rendered, and saving it is a
versioned write (`Store.save_review`): a review saved meanwhile by someone else turns
the edit into a Conflict that keeps both, never into an overwrite.

>>> parse_figure_detail("200 planificateurs")
(200.0, 'planificateurs')
>>> find_span("Healy a dit. Healy a dit.", "Healy")
(None, None)
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, replace

import pandas as pd

from lib.highlight import plain, shorten
from lib.models import STATUSES, Status, status_label
from lib.review_table import EDITABLE
from lib.validation import evidence_links


class NotANumber(ValueError):
    """A figure's value typed by hand that is not a finite number ('douze', 'nan', 'inf', '1e999')."""

    def __init__(self, number: str):
        super().__init__(f"{number!r} is not a finite number")
        self.number = number


def parse_figure_detail(detail: str) -> tuple[float | None, str | None]:
    """(value, unit) of a figure's detail, the value first: '1,5 million' is (1.5, 'million'), '' is (None, None).

    >>> parse_figure_detail(" 1,5   million de dollars ")
    (1.5, 'million de dollars')
    >>> parse_figure_detail("inf pays")
    Traceback (most recent call last):
    ...
    lib.edits.NotANumber: 'inf' is not a finite number
    """
    number, _, unit = detail.strip().partition(" ")
    if not number:
        return None, unit.strip() or None
    try:
        value = float(number.replace(",", "."))
    except ValueError:
        raise NotANumber(number) from None
    # float() also reads 'nan' and 'inf': neither is a figure, and NaN breaks every comparison downstream.
    if not math.isfinite(value):
        raise NotANumber(number)
    return value, unit.strip() or None


def find_span(text: str, wanted: str) -> tuple[int | None, int | None]:
    """(start, end) of `wanted` (stripped) when it stands in `text` exactly once, verbatim; else (None, None).

    An item added by hand gets its span only when there is no doubt where it is, so the
    Article page highlights it where the analyst read it, never at a guessed occurrence.

    >>> find_span("Plus de 200 planificateurs.", " 200 planificateurs ")
    (8, 26)
    """
    wanted = wanted.strip()
    if wanted and text.count(wanted) == 1:
        start = text.index(wanted)
        return start, start + len(wanted)
    return None, None


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
    return evidence_links(text.replace(",", " ").split())


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
        label = shorten(_text(before["text"]), 60)
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


@dataclass(frozen=True)
class Conflict:
    """An edit that met a newer saved review: both are kept so the analyst can choose."""

    edit: Edit
    theirs: object  # lib.models.Review as currently saved

    def describe(self) -> str:
        """Both sides in one markdown line, everything the analysts typed escaped.

        >>> from lib.models import Review, Status
        >>> Conflict(Edit("c1", "verified", "", (), 0, "Healy"), Review("c1", Status.FALSE, "", (), "Bob", None, 1)).describe()
        'Conflict on “Healy”: you set **Verified** (no note); Bob saved **False** (no note) at an unknown time, version 1.'
        """
        mine, theirs = self.edit, self.theirs
        return (
            f"Conflict on “{plain(mine.label or mine.item_id)}”: you set **{status_label(mine.status)}** "
            f"({plain(mine.note or 'no note')}); {plain(theirs.analyst or 'another analyst')} saved "
            f"**{status_label(theirs.status)}** ({plain(theirs.note or 'no note')}) "
            f"at {f'{theirs.at:%Y-%m-%d %H:%M}' if theirs.at else 'an unknown time'}, version {theirs.version}."
        )


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
