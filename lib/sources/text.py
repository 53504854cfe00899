"""Pasted text: the checks every article passes, boilerplate lines marked, plausible publication dates.

>>> read_text("Le ministre a parlé vendredi.").text
'Le ministre a parlé vendredi.'
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from lib.lang import SUPPORTED_BOILERPLATE, boilerplate_table
from lib.models import Article, Span

MAX_TEXT_CHARS = 20_000_000  # a pasted article; a novel is about 1 MB, so this is generous
EARLIEST_PUBLISHED = date(1900, 1, 1)

# A line is boilerplate when, stripped, it is one of a language's WHOLE_LINES (case-insensitive) or
# starts with one of its LINE_STARTS and is shorter than BOILERPLATE_MAX_CHARS. The phrases live in
# lib/lang/boilerplate_<lang>.py.
BOILERPLATE_MAX_CHARS = 240


class SourceError(ValueError):
    """Input we cannot read; the message is one line that says why."""



def read_text(text: str, *, title: str = "", source: str = "") -> Article:
    """An Article from pasted text, boilerplate lines marked; refuses empty, binary or huge text.

    >>> read_text("Subscribe\\nHealy said troops were ready.").boilerplate
    ((0, 9),)
    """
    if not isinstance(text, str):
        raise SourceError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(
            f"text too large: {len(text):,} characters, the limit is {MAX_TEXT_CHARS:,} ({megabytes(MAX_TEXT_CHARS)})"
        )
    text = text.removeprefix("\ufeff")
    _refuse_empty(text)
    if "\x00" in text:
        # NUL never occurs in prose, and PostgreSQL cannot store it in a text column.
        raise SourceError("text contains NUL characters: this looks like binary data, not text")
    return Article(text=text, title=title.strip(), source=source, boilerplate=boilerplate_spans(text))


def _refuse_empty(text: str) -> None:
    if not text:
        raise SourceError("empty text")
    if not text.strip():
        raise SourceError("empty text (only whitespace)")
    if not any(ch.isalnum() for ch in text):
        raise SourceError("no words in the text (only punctuation, symbols or invisible characters)")


def megabytes(n: int) -> str:
    """'200 MB', '20.5 MB', '4 KB': sizes as people read them in messages."""
    for unit, size in (("MB", 1_000_000), ("KB", 1_000)):
        if n >= size:
            return f"{n / size:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{n} bytes"


_BOILERPLATE_WHOLE = frozenset(
    line.casefold() for lang in SUPPORTED_BOILERPLATE for line in boilerplate_table(lang).WHOLE_LINES
)
_BOILERPLATE_START = re.compile(
    "|".join(f"(?:{pattern})" for lang in SUPPORTED_BOILERPLATE for pattern in boilerplate_table(lang).LINE_STARTS),
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")


def boilerplate_spans(text: str) -> tuple[Span, ...]:
    """Spans of the site-boilerplate lines (newsletter promos, share buttons, cookie notices).

    >>> boilerplate_spans("Votre guide sur ce que Trump signifie\\nHealy a parlé.")
    ((0, 37),)
    """
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        body = line.group()
        stripped = body.strip()
        if not stripped or len(stripped) > BOILERPLATE_MAX_CHARS:
            continue
        key = stripped.rstrip(" .:!»›→>|").casefold()
        if key in _BOILERPLATE_WHOLE or _BOILERPLATE_START.match(stripped):
            start = line.start() + (len(body) - len(body.lstrip()))
            spans.append((start, start + len(stripped)))
    return tuple(spans)



def check_published(published: date | None, *, today: date | None = None) -> date | None:
    """`published` if it is plausible for a news article, else SourceError naming the range.

    A date after tomorrow (time zones) cannot be a publication date, and one before 1900 is
    almost always a typo ("0025-08-15"); extraction would silently anchor every relative
    expression to it, so we refuse rather than warn.

    >>> check_published(date(2025, 8, 15), today=date(2025, 9, 1))
    datetime.date(2025, 8, 15)
    """
    if published is None:
        return None
    today = today or date.today()
    earliest, latest = published_bounds(today)
    if published > latest:
        raise SourceError(f"publication date {published.isoformat()} is in the future (today is {today.isoformat()})")
    if published < earliest:
        raise SourceError(f"publication date {published.isoformat()} is before {earliest.year}")
    return published


def published_bounds(today: date | None = None) -> tuple[date, date]:
    """The first and last publication dates check_published accepts: 1900-01-01 to tomorrow (for time zones).

    >>> published_bounds(today=date(2025, 9, 1))
    (datetime.date(1900, 1, 1), datetime.date(2025, 9, 2))
    """
    today = today or date.today()
    return EARLIEST_PUBLISHED, today + timedelta(days=1)


def plausible_published(published: date | None, *, today: date | None = None) -> date | None:
    """`published` when check_published accepts it, else None, so a date picker never gets a value it refuses.

    >>> plausible_published(date(1899, 12, 31)) is None
    True
    """
    try:
        return check_published(published, today=today)
    except SourceError:
        return None


_TYPED_DATE = re.compile(r"^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_published(typed: str, *, today: date | None = None) -> date | None:
    """The publication date an analyst typed as YYYY-MM-DD; None when left empty; else SourceError saying why.

    A date that does not exist is refused, never moved to a nearby one; a date check_published
    refuses comes back with the range it accepts.

    >>> parse_published("2025-08-15", today=date(2025, 9, 1))
    datetime.date(2025, 8, 15)
    >>> parse_published("2025-02-30")
    Traceback (most recent call last):
    lib.sources.text.SourceError: the date 2025-02-30 does not exist: February 2025 has 28 days
    """
    if not typed or not typed.strip():
        return None
    found = _TYPED_DATE.match(typed)
    if not found:
        raise SourceError(f"“{typed.strip()[:40]}” is not a date written YYYY-MM-DD (for example 2025-08-15)")
    year, month, day = (int(part) for part in found.groups())
    shown = f"{year:04d}-{month:02d}-{day:02d}"
    if not 1 <= month <= 12:
        raise SourceError(f"the date {shown} does not exist: there is no month {month}")
    if year < 1:
        raise SourceError(f"the date {shown} does not exist: there is no year 0")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise SourceError(f"the date {shown} does not exist: {calendar.month_name[month]} {year} has {days} days")
    published = date(year, month, day)
    today = today or date.today()
    try:
        return check_published(published, today=today)
    except SourceError as error:
        earliest, latest = published_bounds(today)
        raise SourceError(f"{error}: a publication date is between {earliest.isoformat()} "
                          f"and {latest.isoformat()}") from None
