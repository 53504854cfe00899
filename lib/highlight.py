"""Article text as escaped HTML with extracted spans highlighted by kind and coloured by status.

Article text comes from anywhere, so every piece of it goes through `html.escape`
and the only markup in the output is ours: `<div>` and `<span>` with style, title and
data attributes built from fixed tables. Pages render this string and nothing else.

>>> out = render("a <b> c", [Mark(2, 5, "figure", "verified", "f1", "<b>")])
>>> "<b>" in out, "&lt;b&gt;</span>" in out
(False, True)
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lib.models import STATUS_COLOURS, status_label

# Kind is told by the line, status by the colour: a claim is a tinted band, a figure a
# solid underline, an event a dashed one, so nested spans stay readable.
KIND_STYLES: dict[str, str] = {
    "claim": "background-color:{colour}26;border-radius:2px;",
    "figure": "border-bottom:3px solid {colour};font-weight:600;",
    "event": "border-bottom:3px dashed {colour};font-style:italic;",
}
KIND_LABELS = {"claim": "Claim", "figure": "Figure", "event": "Event"}
KIND_ORDER = {"claim": 0, "figure": 1, "event": 2}
SELECTED_STYLE = "outline:2px solid #1f4e79;outline-offset:1px;"


@dataclass(frozen=True)
class Mark:
    """One highlighted span: offsets into the text, its kind and status, its item id and a tooltip label."""

    start: int
    end: int
    kind: str
    status: str
    item_id: str
    label: str = ""


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same marks, outermost first."""

    text: str
    marks: tuple[Mark, ...]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary: segments('abcd', [Mark(1, 3, ...)]) -> 'a', 'bc' (marked), 'd'."""
    valid = [m for m in marks if m.start is not None and m.end is not None and 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    ordered = sorted(valid, key=lambda m: (KIND_ORDER.get(m.kind, 9), m.start, -m.end))
    result = []
    for left, right in zip(cuts, cuts[1:]):
        covering = tuple(m for m in ordered if m.start <= left and right <= m.end)
        result.append(Segment(text[left:right], covering))
    return result


def _style(mark: Mark, selected: str | None) -> str:
    colour = STATUS_COLOURS.get(mark.status, STATUS_COLOURS["unchecked"])
    style = KIND_STYLES.get(mark.kind, "").format(colour=colour)
    return style + (SELECTED_STYLE if mark.item_id == selected else "")


def _open(mark: Mark, selected: str | None) -> str:
    title = f"{KIND_LABELS.get(mark.kind, mark.kind)} · {status_label(mark.status)}"
    if mark.label:
        title += f" · {mark.label}"
    return (
        f'<span class="fd-{html.escape(mark.kind)} fd-{html.escape(mark.status)}" '
        f'data-item="{html.escape(mark.item_id, quote=True)}" '
        f'style="{html.escape(_style(mark, selected), quote=True)}" '
        f'title="{html.escape(title, quote=True)}">'
    )


def render(text: str, marks: list[Mark], selected: str | None = None) -> str:
    """The whole article as one escaped HTML block, line breaks kept by CSS rather than by `<br>`."""
    parts = ['<div class="fd-article" style="white-space:pre-wrap;line-height:1.7;font-size:1rem;">']
    for segment in segments(text, marks):
        parts.extend(_open(mark, selected) for mark in segment.marks)
        parts.append(html.escape(segment.text, quote=True))
        parts.append("</span>" * len(segment.marks))
    parts.append("</div>")
    return "".join(parts)


def legend() -> str:
    """The key to the highlighting: one sample per kind, one swatch per status."""
    kinds = "".join(
        _open(Mark(0, 1, kind, "unchecked", ""), None) + html.escape(KIND_LABELS[kind]) + "</span> "
        for kind in KIND_STYLES
    )
    swatches = "".join(
        f'<span style="white-space:nowrap;margin-right:0.75em;"><span style="display:inline-block;width:0.8em;'
        f'height:0.8em;background:{colour};margin-right:0.25em;border-radius:2px;"></span>'
        f"{html.escape(status_label(status))}</span> "
        for status, colour in STATUS_COLOURS.items()
    )
    return f'<div class="fd-legend" style="line-height:2;">{kinds}<br>{swatches}</div>'


def marks_from_items(items) -> list[Mark]:
    """Marks for StoredItems that have offsets (hand-added items have none and are skipped)."""
    return [
        Mark(item.start, item.end, str(item.kind), str(item.review.status), item.id, _label(item))
        for item in items
        if item.start is not None and item.end is not None and not item.orphaned
    ]


def item_choices(items, include_orphaned: bool = False) -> dict[str, str]:
    """The item list beside the article, id -> label; orphaned reviews (kept, never deleted) only on request.

    >>> item_choices([]) == {}
    True
    """
    return {
        item.id: ("orphaned · " if item.orphaned else "") + f"{KIND_LABELS.get(str(item.kind), item.kind)} · {item.text[:60]}"
        for item in items
        if include_orphaned or not item.orphaned
    }


def _label(item) -> str:
    fields = item.fields or {}
    if str(item.kind) == "claim":
        return f"speaker: {fields.get('speaker') or 'none'}"
    if str(item.kind) == "figure":
        return f"{fields.get('value')} {fields.get('unit') or ''}".strip()
    return " → ".join(str(d) for d in (fields.get("date"), fields.get("end_date")) if d) or "unresolved"


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis: shorten("a  b\ncd", 4) == 'a b…'."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def language_name(code: str | None) -> str:
    """The language's name in words, from its extraction table: 'fr' is 'French'; a code we ship no table for
    stays as it is, and no code at all reads 'Unknown language'.

    >>> [language_name(c) for c in ("fr", "en", "de", None)]
    ['French', 'English', 'de', 'Unknown language']
    """
    from lib.extract.lang import SUPPORTED_LANGUAGES, table  # the tables load once, on first use

    if not code:
        return "Unknown language"
    return table(code).LANGUAGE_NAME if code in SUPPORTED_LANGUAGES else str(code)


def article_caption(article) -> str:
    """The line above an article's text or tables: title (escaped), language and publication date.

    >>> from lib.models import Article
    >>> article_caption(Article("x", lang="fr", title="Healy à Kyiv"))
    'Healy à Kyiv · French · published unknown'
    """
    return (f"{plain(article.title or 'Untitled')} · {plain(language_name(article.lang))} · "
            f"published {article.published or 'unknown'}")


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:=&\"'")
WORD_JOINER = "\u2060"  # invisible; breaks the bare-URL and e-mail autolinks that escaping does not stop


def plain(text: object) -> str:
    """Text for a Streamlit markdown string (captions, alerts) with every markdown/HTML character escaped.

    Backslash escapes stop markup, images and links; GitHub-style autolinks of bare
    addresses ("https://…", "www.…", "a@b.org") ignore escapes, so a word joiner splits them.

    >>> plain("![x](javascript:alert(1)) :red[hi]")
    '\\\\!\\\\[x\\\\]\\\\(javascript\\\\:alert\\\\(1\\\\)\\\\) \\\\:red\\\\[hi\\\\]'
    >>> [plain(t).count(WORD_JOINER) for t in ("https://evil.example", "www.evil.example", "a@b.org")]
    [1, 1, 1]
    """
    flat = " ".join(str(text).split())
    flat = flat.replace("://", ":" + WORD_JOINER + "//").replace("@", WORD_JOINER + "@")
    flat = re.sub(r"(?i)\b(www)\.", lambda m: m.group(1) + WORD_JOINER + ".", flat)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in flat)
