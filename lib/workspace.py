"""The review workspace: a readable list per kind, and one item read in its paragraph with what it holds.

Pages show `list_html` (status labels, wrapped text, an unsaved marker) and, for the selected item,
`context_html` (its paragraph, escaped, the item outlined), `related` (the figures,
events and claim that share its sentence) and `history_frame` (who did what, when).
Stored values never change: labels are for reading only.

>>> paragraph_bounds("Un.\\n\\nDeux trois.\\nQuatre.", 6, 10)
(5, 16)
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import html
import math

import pandas as pd

from lib import highlight
from lib.edits import Edit
from lib.models import STATUS_COLOURS, Kind, Status, status_label
from lib.review_table import NO_SPEAKER

# Every column name an analyst may read, in words (the frames keep their stored names).
COLUMN_LABELS: dict[str, str] = {
    "status": "Status",
    "note": "Note",
    "evidence": "Evidence",
    "text": "Text",
    "speaker": "Speaker",
    "checkworthiness": "Worth checking",
    "value": "Value",
    "unit": "Unit",
    "approx": "Approximation",
    "type": "Kind of time",
    "date": "From",
    "end_date": "To",
    "granularity": "Precision",
    "unresolved": "Why no date",
    "sentence": "Sentence",
    "analyst": "Reviewed by",
    "reviewed_at": "When",
    "unsaved": "Unsaved",
    "orphaned": "Orphaned",
    "lang": "Language",
    "language": "Language",
    "published": "Published",
    "title": "Title",
    "claims": "Claims",
    "figures": "Figures",
    "events": "Events",
    "progress": "Checked",
    "ingested_at": "Loaded",
    "spellings": "Spellings",
    "articles": "Articles",
    "mentions": "Mentions",
    "texts": "As written",
}
KIND_NAMES = {"claim": "Claim", "figure": "Figure", "event": "Event"}
UNSAVED_MARK = "●"
# A paragraph longer than this is cut around the item, so a wall of text never hides it.
CONTEXT_CHARS = 900


def column_label(name: str) -> str:
    """column_label('checkworthiness') == 'Worth checking'; unknown names are capitalised."""
    return COLUMN_LABELS.get(name, name.replace("_", " ").capitalize())


# White text on the darker status colours, near-black on the light ones (contrast ≥ 4.5 both ways).
_LIGHT_TEXT = {"verified", "false", "not_a_claim"}


def badge_html(status: str, orphaned: bool = False) -> str:
    """A status as a coloured label: badge_html('false') shows 'False' on the status's colour."""
    colour = STATUS_COLOURS.get(status, STATUS_COLOURS["unchecked"])
    text = "#ffffff" if status in _LIGHT_TEXT else "#1a1a1a"
    label = status_label(status) + (" · orphaned" if orphaned else "")
    return (f'<span class="fd-badge" style="background:{colour};color:{text};border-radius:4px;padding:1px 7px;'
            f'font-size:0.8rem;font-weight:600;white-space:nowrap;">{html.escape(label)}</span>')


def _worth_bar(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    share = max(0.0, min(1.0, float(value)))
    return (f'<span title="Worth checking {share:.2f}" style="display:inline-flex;align-items:center;gap:4px;">'
            f'<span style="display:inline-block;width:60px;height:7px;background:#e6e6e6;border-radius:4px;">'
            f'<span style="display:block;width:{share * 100:.0f}%;height:7px;background:#1f4e79;border-radius:4px;">'
            f'</span></span>{share:.2f}</span>')


def _details(row, kind: str) -> list[str]:
    """The short facts under an item's text, escaped: speaker and worth; value and unit; dates."""
    def clean(value) -> str:
        # None, NaN and NaT (a duration has no date) all read as nothing, never as "NaT".
        return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else str(value)

    if kind == "claim":
        return [html.escape(clean(row["speaker"]) or NO_SPEAKER), _worth_bar(row["checkworthiness"])]
    if kind == "figure":
        value = row["value"]
        number = f"{value:g}" if isinstance(value, float) and not math.isnan(value) else clean(value)
        return [html.escape(" ".join(p for p in (number, clean(row["unit"])) if p))]
    dates = [clean(row["date"]), clean(row["end_date"])]
    span = dates[0] if dates[0] == dates[1] or not dates[1] else f"{dates[0]} → {dates[1]}"
    return [html.escape(span or "no date")]


def list_html(rows: pd.DataFrame, kind: str, selected=(), unsaved=()) -> str:
    """The list of one kind as escaped HTML: per row, its status label, its text wrapped, its details,
    a ● when a change waits for the database, and `data-row` (the item id) for the click that selects it."""
    selected, unsaved = set(selected), set(unsaved)
    parts = ['<div class="fd-list" style="font-size:0.92rem;line-height:1.45;">']
    # Records, not iterrows: a Series per row costs more than drawing the row.
    for item_id, row in zip(rows.index, rows.to_dict("records")):
        chosen = item_id in selected
        style = ("padding:8px 10px;border-bottom:1px solid #e6e6e6;border-left:4px solid "
                 + ("#1f4e79;background:#eaf1f8;" if chosen else "transparent;"))
        orphaned = bool(row.get("orphaned", False))
        by_hand = "added by hand" if row.get("origin") == "manual" else ""
        details = " · ".join(d for d in [*_details(row, kind), by_hand] if d)
        mark = ('<span title="A change waits for the database" style="color:#d55e00;margin-left:6px;">'
                f"{UNSAVED_MARK} unsaved</span>" if item_id in unsaved else "")
        parts.append(
            f'<div class="fd-row{" fd-selected" if chosen else ""}" data-row="{html.escape(str(item_id), quote=True)}" '
            f'style="{style}">'
            f'<div style="display:flex;justify-content:space-between;gap:8px;align-items:center;">'
            f'{badge_html(str(row["status"]), orphaned)}<span style="color:#555;font-size:0.82rem;">{details}{mark}'
            f"</span></div>"
            f'<div class="fd-text" style="margin-top:3px;white-space:normal;overflow-wrap:anywhere;">'
            f'{html.escape(" ".join(str(row["text"]).split()))}</div></div>'
        )
    if rows.empty:
        parts.append('<div style="padding:8px;color:#555;">Nothing matches the filters.</div>')
    parts.append("</div>")
    return "".join(parts)


def paragraph_bounds(text: str, start: int, end: int, limit: int = CONTEXT_CHARS) -> tuple[int, int]:
    """(start, end) of the paragraph holding text[start:end]: from the line break before to the one after.

    A paragraph longer than `limit` is cut to about `limit` characters around the span, at spaces.
    """
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    if right - left > limit:
        room = max(0, limit - (end - start)) // 2
        if start - left > room:
            cut = text.rfind(" ", left, start - room)
            left = cut + 1 if cut != -1 else start - room
        if right - end > room:
            cut = text.find(" ", end + room, right)
            right = cut if cut != -1 else end + room
    return left, right


def context_html(article_text: str, item, items, selected: str | None = None) -> str:
    """The item's paragraph as escaped HTML, every extracted span in it highlighted and the item outlined."""
    if item.start is None or item.end is None or not 0 <= item.start < item.end <= len(article_text):
        # Added by hand without a place in the text, or orphaned: its own words are the context.
        return highlight.render(item.text, [], selected=None)
    left, right = paragraph_bounds(article_text, item.start, item.end)
    # An ellipsis where the paragraph was cut; marks move right by its length.
    prefix = "… " if left > 0 and article_text[left - 1] != "\n" else ""
    suffix = " …" if right < len(article_text) and article_text[right] != "\n" else ""
    shift = len(prefix) - left
    inside = [i for i in items if i.start is not None and i.end is not None and left <= i.start and i.end <= right]
    marks = [
        highlight.Mark(m.start + shift, m.end + shift, m.kind, m.status, m.item_id, m.label)
        for m in highlight.marks_from_items(inside)
    ]
    return highlight.render(prefix + article_text[left:right] + suffix, marks, selected=selected or item.id)


def related(item, items) -> list:
    """Items that belong with `item`: for a claim, the figures and events inside it or tied to it;
    for a figure or event, the claim it sits in and its siblings there. Orphans and the item itself left out."""
    def inside(inner, outer) -> bool:
        return (None not in (inner.start, inner.end, outer.start, outer.end)
                and outer.start <= inner.start and inner.end <= outer.end)

    others = [other for other in items if other.id != item.id and not other.orphaned]
    if str(item.kind) == "claim":
        return [o for o in others if str(o.kind) != "claim"
                and ((o.fields or {}).get("claim_id") == item.id or inside(o, item))]
    owner = (item.fields or {}).get("claim_id")
    claims = [o for o in others if str(o.kind) == "claim" and (o.id == owner or inside(item, o))]
    claim_ids = {c.id for c in claims}
    siblings = [o for o in others if str(o.kind) != "claim"
                and ((o.fields or {}).get("claim_id") in claim_ids or any(inside(o, c) for c in claims))]
    return claims + siblings


@dataclass(frozen=True)
class Layout:
    """An article's items indexed for the review panel: by id, by where they start, by the claim they belong to."""

    by_id: dict
    placed: list  # items with a span, by start
    starts: list[int]
    by_claim: dict


def layout(items) -> Layout:
    """The index `near` reads, built once per extraction (a status change never rebuilds it)."""
    placed = sorted((i for i in items if i.start is not None and i.end is not None), key=lambda i: (i.start, i.end))
    by_claim: dict[str, list] = {}
    for item in items:
        owner = (item.fields or {}).get("claim_id")
        if owner:
            by_claim.setdefault(owner, []).append(item)
    return Layout({i.id: i for i in items}, placed, [i.start for i in placed], by_claim)


def near(index: Layout, article_text: str, ids) -> list:
    """The items the panel shows with the items `ids`: each one, the items of its paragraph and those tied to
    its claim, so its context and `related` read a few items, not the 10,000 of a long article.

    >>> from lib.models import Review, StoredItem
    >>> text = "Un.\\n\\nDeux trois."
    >>> items = [StoredItem(i, "a", "claim", s, e, text[s:e], "", {}, "extracted", False, Review(i))
    ...          for i, s, e in (("c1", 0, 3), ("c2", 5, 9), ("c3", 10, 16))]
    >>> [i.id for i in near(layout(items), text, ["c2"])]
    ['c2', 'c3']
    """
    from bisect import bisect_left

    found: dict[str, object] = {}
    for item_id in ids:
        item = index.by_id.get(item_id)
        if item is None:
            continue
        found[item.id] = item
        owner = (item.fields or {}).get("claim_id")
        tied = index.by_claim.get(item.id, []) + (index.by_claim.get(owner, []) if owner else [])
        if owner in index.by_id:
            tied.append(index.by_id[owner])
        for other in tied:
            found[other.id] = other
        if item.start is not None and item.end is not None and 0 <= item.start < item.end <= len(article_text):
            left, right = paragraph_bounds(article_text, item.start, item.end)
            for other in index.placed[bisect_left(index.starts, left):bisect_left(index.starts, right)]:
                found[other.id] = other
    return sorted(found.values(), key=lambda i: (i.start is None, i.start or 0, i.end or 0, i.id))


def with_statuses(items, statuses: dict) -> list:
    """`items` (StoredItems) with the status given for each in `statuses`, where it differs: for display only.

    >>> from lib.models import Review, StoredItem
    >>> item = StoredItem("c1", "a", "claim", 0, 4, "Dit.", "", {}, "extracted", False, Review("c1"))
    >>> str(with_statuses([item], {"c1": "false"})[0].review.status)
    'false'
    """
    return [
        item if statuses.get(item.id, str(item.review.status)) == str(item.review.status)
        else replace(item, review=replace(item.review, status=Status(statuses[item.id])))
        for item in items
    ]


def describe(item) -> str:
    """One line for a related item: 'Figure · plus de 200 · Verified'."""
    text = " ".join(item.text.split())
    text = text if len(text) <= 90 else text[:89] + "…"
    return f"{KIND_NAMES.get(str(item.kind), str(item.kind))} · {text} · {status_label(item.review.status)}"


@dataclass(frozen=True)
class Shown:
    """One item's review as the panel rendered it: what a click or a typed note changes, and the version it answers."""

    item_id: str
    kind: str
    status: str
    note: str
    evidence: tuple[str, ...]
    version: int
    label: str = ""


def shown_rows(rows: pd.DataFrame, kind: str) -> list[Shown]:
    """Shown records of frame rows (stored values with the unsaved edits on top, as the list draws them)."""
    return [
        Shown(item_id, str(kind), str(row["status"]), str(row["note"] or ""), tuple(str(row["evidence"] or "").split()),
              int(row["version"]), _short(str(row["text"])))
        for item_id, row in rows.iterrows()
    ]


def edit_for(shown: Shown, own: dict, **changes) -> Edit:
    """The edit a change of `shown` makes, aimed at the version it answers.

    `own` is what this session saved ({item_id: {version saved over: (version written, Edit)}}):
    a note saved a moment ago, then a status key pressed on the panel drawn before it, is one
    analyst's two changes in a row, not a conflict: the edit starts from the note just saved
    and answers the version that save wrote. Anyone else's save in between still conflicts.

    >>> first = edit_for(Shown("c1", "claim", "unchecked", "", (), 0), {}, note="BBC")
    >>> later = edit_for(Shown("c1", "claim", "unchecked", "", (), 0), {"c1": {0: (1, first)}}, status="false")
    >>> later.note, later.status, later.expected_version
    ('BBC', 'false', 1)
    """
    status, note, evidence, version = shown.status, shown.note, shown.evidence, shown.version
    chain = own.get(shown.item_id, {})
    while version in chain:
        version, saved = chain[version]
        status, note, evidence = saved.status, saved.note, saved.evidence
    edit = Edit(shown.item_id, status, note, tuple(evidence), version, shown.label)
    return replace(edit, **changes)


def reaches(start: int, version: int, chain: dict) -> bool:
    """Whether this session's own saves (`chain`, as in edit_for) lead from version `start` to `version`.

    >>> reaches(0, 2, {0: (1, None), 1: (2, None)}), reaches(0, 2, {0: (1, None)})
    (True, False)
    """
    while start != version and start in chain:
        start = chain[start][0]
    return start == version


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def history_frame(history) -> pd.DataFrame:
    """An item's reviews, newest first, with the columns an analyst reads: when, who, status, note, evidence."""
    rows = [
        {
            "When": review.at.strftime("%Y-%m-%d %H:%M") if review.at else "",
            "Who": review.analyst,
            "Status": status_label(review.status),
            "Note": review.note,
            "Evidence": " ".join(review.evidence),
        }
        for review in reversed(list(history))
    ]
    return pd.DataFrame(rows, columns=["When", "Who", "Status", "Note", "Evidence"])
