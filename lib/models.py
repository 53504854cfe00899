"""The records every part of Fact Desk shares: articles, extracted items, reviews.

Offsets are Python string indices into `Article.text` as read (after decoding,
before any other change), so `article.text[item.start:item.end] == item.text`.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from enum import StrEnum


class Status(StrEnum):
    """Verification status, after Meedan Check's vocabulary (DESIGN §3)."""

    UNCHECKED = "unchecked"
    IN_PROGRESS = "in_progress"
    VERIFIED = "verified"
    FALSE = "false"
    MISLEADING = "misleading"
    INCONCLUSIVE = "inconclusive"
    NOT_A_CLAIM = "not_a_claim"


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


# What analysts read; the stored values above never change (exports and the database keep them).
STATUS_LABELS: dict[str, str] = {
    "unchecked": "Unchecked",
    "in_progress": "In progress",
    "verified": "Verified",
    "false": "False",
    "misleading": "Misleading",
    "inconclusive": "Inconclusive",
    "not_a_claim": "Not a claim",
}
# One key per status for the review panel's buttons (Streamlit reserves C and R).
STATUS_SHORTCUTS: dict[str, str] = {
    "unchecked": "U",
    "in_progress": "P",
    "verified": "V",
    "false": "F",
    "misleading": "M",
    "inconclusive": "I",
    "not_a_claim": "N",
}


def status_label(status: object) -> str:
    """The human name of a stored status: status_label('not_a_claim') == 'Not a claim'; unknown values as they are."""
    return STATUS_LABELS.get(str(status), str(status))


class Kind(StrEnum):
    CLAIM = "claim"
    FIGURE = "figure"
    EVENT = "event"


Span = tuple[int, int]


def normalise_for_id(text: str) -> str:
    """Case-, accent-width- and whitespace-insensitive form used in ids: 'Plus  de 200' -> 'plus de 200'."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of the parts; the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def article_id_for(text: str) -> str:
    """An article's id depends on its text only, so a new publication date or title keeps its reviews."""
    return stable_id("article", normalise_for_id(text))


@dataclass(frozen=True)
class Article:
    """One article as read: its text and what is known about it."""

    text: str
    lang: str | None = None
    published: date | None = None
    title: str = ""
    source: str = ""
    boilerplate: tuple[Span, ...] = ()
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id_for(self.text))

    def to_contract(self) -> dict:
        return {
            "id": self.id,
            "lang": self.lang,
            "published": self.published.isoformat() if self.published else None,
            "title": self.title,
            "chars": len(self.text),
        }


@dataclass(frozen=True)
class Claim:
    """A checkable statement and who it is attributed to (None when the text names no one)."""

    id: str
    start: int
    end: int
    text: str
    speaker: str | None
    checkworthiness: float

    def to_contract(self) -> dict:
        return _fields_of(self)


@dataclass(frozen=True)
class Figure:
    """A number in the text: value, what it counts, and how exact the text says it is."""

    id: str
    start: int
    end: int
    text: str
    value: float | int
    unit: str | None
    approx: str | None = None
    claim_id: str | None = None
    sentence: Span = (0, 0)

    def to_contract(self) -> dict:
        data = _fields_of(self)
        data.pop("sentence")
        return data


@dataclass(frozen=True)
class Event:
    """A time expression with its TIMEX3 type/value and, where placeable, calendar dates.

    `date`/`end_date` are None for durations, sets and expressions that cannot be
    resolved (then `unresolved` says why, e.g. no publication date is known).
    """

    id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    date: date | None
    end_date: date | None
    granularity: str | None
    claim_id: str | None = None
    unresolved: str | None = None
    sentence: Span = (0, 0)
    what: str = ""  # what happened then, from the clause the expression modifies (DESIGN §2)

    def to_contract(self) -> dict:
        data = _fields_of(self)
        data.pop("sentence")
        data["date"] = self.date.isoformat() if self.date else None
        data["end_date"] = self.end_date.isoformat() if self.end_date else None
        if data["unresolved"] is None:
            data.pop("unresolved")
        return data


Item = Claim | Figure | Event


def _fields_of(item: Item) -> dict:
    """The item's fields by name, in declaration order. Not `dataclasses.asdict`: it deep-copies every
    value, which cost 8 ms per stored article (store fingerprints every extraction); item fields are
    immutable scalars, dates and tuples, so a shallow dict is the same."""
    return {name: getattr(item, name) for name in _FIELD_NAMES[type(item)]}


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article; `to_contract()` is the JSON of DESIGN §2."""

    article: Article
    claims: tuple[Claim, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    engine_version: str = ""

    def to_contract(self) -> dict:
        return {
            "article": self.article.to_contract(),
            "claims": [claim.to_contract() for claim in self.claims],
            "figures": [figure.to_contract() for figure in self.figures],
            "events": [event.to_contract() for event in self.events],
        }

    def items(self) -> list[tuple[Kind, Item]]:
        return (
            [(Kind.CLAIM, claim) for claim in self.claims]
            + [(Kind.FIGURE, figure) for figure in self.figures]
            + [(Kind.EVENT, event) for event in self.events]
        )


@dataclass(frozen=True)
class Review:
    """One entry of an item's review history; the latest entry is the item's current state."""

    item_id: str
    status: Status = Status.UNCHECKED
    note: str = ""
    evidence: tuple[str, ...] = ()
    analyst: str = ""
    at: datetime | None = None
    version: int = 0


def with_metadata(article: Article, *sources: Article | None) -> Article:
    """`article` with its title, language and publication date each taken from the first of `sources` that has one.

    Re-ingesting a file lists the file first and the stored article second (what the file or
    the command line says wins, the store fills the gaps); the Load page lists the stored one
    first, since the analyst sees those values and can change them.

    >>> draft = Article("Trois pays.", lang="fr", title="Nouveau")
    >>> stored = Article("Trois pays.", lang="fr", title="Ancien", published=date(2025, 8, 15))
    >>> merged = with_metadata(draft, draft, stored)
    >>> merged.title, merged.published
    ('Nouveau', datetime.date(2025, 8, 15))
    >>> with_metadata(draft, stored, draft).title
    'Ancien'
    """
    known = [source for source in sources if source is not None]

    def first(name: str):
        return next((getattr(source, name) for source in known if getattr(source, name)), getattr(article, name))

    return replace(article, title=first("title"), lang=first("lang"), published=first("published"))


# -- what the store hands back ------------------------------------------------------------


@dataclass(frozen=True)
class StoredItem:
    """One claim, figure or event as stored, with its current review."""

    id: str
    article_id: str
    kind: Kind
    start: int | None
    end: int | None
    text: str
    sentence: str
    fields: dict
    origin: str
    orphaned: bool
    review: Review


@dataclass(frozen=True)
class ArticleSummary:
    """One stored article and how far its review has gone (orphaned items excluded)."""

    id: str
    title: str
    lang: str | None
    published: date | None
    source: str
    engine_version: str
    ingested_at: datetime
    counts: dict[str, int]
    checked: int
    total: int


@dataclass(frozen=True)
class IngestOutcome:
    """What saving one extraction did: added, unchanged or re-extracted, and reviews kept/orphaned."""

    article_id: str
    outcome: str
    kept: int = 0
    orphaned: int = 0


_FIELD_NAMES = {kind: tuple(field.name for field in fields(kind)) for kind in (Claim, Figure, Event)}
