"""What an analyst changes: edits made in the review panel, saved as they are made; items added by hand.

An edit answers the version of the review the panel showed, and saving it is a
versioned write (`Store.save_review`): a review saved meanwhile by someone else turns
the edit into a Conflict that keeps both, never into an overwrite.

>>> parse_figure_detail("200 planificateurs")
(200.0, 'planificateurs')
>>> find_span("Healy a dit. Healy a dit.", "Healy")
(None, None)
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from lib.highlight import plain
from lib.models import Status, status_label
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
