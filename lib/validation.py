"""What users type, checked once: evidence links, analyst names, dates, versions, database URLs, worker counts.

The command line and the dashboard call the same functions, so a value refused in one is
refused in the other with the same one-line message (an InvalidInput, a ValueError).

>>> evidence_link(" https://example.org/report ")
'https://example.org/report'
>>> evidence_link("javascript:alert(1)")
Traceback (most recent call last):
...
lib.validation.InvalidInput: evidence must be http(s) links, not: javascript:alert(1)
>>> analyst_name("  Ana Dupont ")
'Ana Dupont'
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

MAX_NAME_CHARS = 100
MAX_LINK_CHARS = 2_000
# Versions are stored in a signed 64-bit column on both backends, and saving writes the next one.
MAX_VERSION = 2**63 - 2
EVIDENCE_SCHEMES = ("http", "https")
# bench/growth.py: extraction costs about 40 s of CPU per MB here (nearly all of it the spaCy parse),
# linear in the text. A dashboard process serves every analyst: one paste may cost it about 20 s at most.
MAX_DASHBOARD_CHARS = 500_000
DATABASE_BACKENDS = {"sqlite": "sqlite:///path/to/file.db", "postgresql+psycopg": "postgresql+psycopg://user@host:5432/name"}


class InvalidInput(ValueError):
    """A value a user typed that Fact Desk refuses; the message names the value and the rule."""


def evidence_link(link: str) -> str:
    """`link` stripped, if it is an http(s) address with a host; anything else (javascript:, data:, file:) is refused."""
    link = link.strip()
    shown = _clip(link)
    if not link:
        raise InvalidInput("an evidence link is empty")
    if len(link) > MAX_LINK_CHARS:
        raise InvalidInput(f"evidence link too long: {len(link):,} characters, the limit is {MAX_LINK_CHARS:,}")
    try:
        parts = urlsplit(link)
    except ValueError:
        raise InvalidInput(f"evidence must be http(s) links, not: {shown}") from None
    if parts.scheme.lower() not in EVIDENCE_SCHEMES or not parts.hostname or _has_control_or_space(link):
        raise InvalidInput(f"evidence must be http(s) links, not: {shown}")
    return link


def evidence_links(links: Iterable[str]) -> tuple[str, ...]:
    """Every link checked by `evidence_link`, blanks dropped; all the bad ones named in one message.

    >>> evidence_links(["https://a.org", " ", "http://b.org/x"])
    ('https://a.org', 'http://b.org/x')
    """
    good, bad = [], []
    for link in links:
        if not link or not link.strip():
            continue
        try:
            good.append(evidence_link(link))
        except InvalidInput as error:
            if not str(error).startswith("evidence must be"):
                raise
            bad.append(_clip(link.strip()))
    if bad:
        raise InvalidInput(f"evidence must be http(s) links, not: {', '.join(bad)}")
    return tuple(good)


def analyst_name(name: str | None) -> str:
    """The name stripped; refused when empty, longer than MAX_NAME_CHARS or holding control characters.

    >>> analyst_name("Ana\\x1b[31m")
    Traceback (most recent call last):
    ...
    lib.validation.InvalidInput: analyst name holds control characters: 'Ana\\x1b[31m'
    """
    name = (name or "").strip()
    if not name:
        raise InvalidInput("say who reviews (analyst name)")
    if len(name) > MAX_NAME_CHARS:
        raise InvalidInput(f"analyst name too long: {len(name):,} characters, the limit is {MAX_NAME_CHARS}")
    if any(_is_control(ch) for ch in name):
        raise InvalidInput(f"analyst name holds control characters: {_clip(name)!r}")
    return name


def dashboard_text(text: str) -> str:
    """`text` if the dashboard may extract it; longer texts are for `python -m lib ingest`, which has no such bound.

    >>> dashboard_text("x" * 500_001)
    Traceback (most recent call last):
    ...
    lib.validation.InvalidInput: text too long for the dashboard: 500,001 characters, the limit is 500,000 (about 20 s of extraction); split it, or ingest the file with python -m lib ingest FILE
    """
    if len(text) > MAX_DASHBOARD_CHARS:
        raise InvalidInput(
            f"text too long for the dashboard: {len(text):,} characters, the limit is {MAX_DASHBOARD_CHARS:,} "
            "(about 20 s of extraction); split it, or ingest the file with python -m lib ingest FILE"
        )
    return text


def publication_date(value: str | date) -> date:
    """A YYYY-MM-DD date that a news article can carry: '2025-02-30' and '3025-01-01' are refused."""
    from lib.sources import SourceError, check_published

    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInput(f"not a real date (YYYY-MM-DD): {_clip(value)!r}") from None
    try:
        return check_published(value)
    except SourceError as error:
        raise InvalidInput(str(error)) from None


def expected_version(value: int | str) -> int:
    """A review version to save against: a whole number from 0 to MAX_VERSION (the store's 64-bit column).

    >>> expected_version("3")
    3
    >>> expected_version(2**63)
    Traceback (most recent call last):
    ...
    lib.validation.InvalidInput: version must be a whole number from 0 to 9223372036854775806, not 9223372036854775808
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= MAX_VERSION:
        raise InvalidInput(f"version must be a whole number from 0 to {MAX_VERSION}, not {_clip(str(value))}")
    return number


def worker_count(value: int | str, cores: int | None = None) -> int:
    """A number of worker processes: at least 1, at most the machine's cores (more only add memory).

    >>> worker_count("100000", cores=2), worker_count(1, cores=2)
    (2, 1)
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1:
        raise InvalidInput(f"workers must be a positive whole number, not {_clip(str(value))!r}")
    return min(number, cores or os.cpu_count() or 1)


def database_url(url: str, *, existing: bool = False) -> str:
    """`url` if it names a database Fact Desk can open; with `existing`, a SQLite file must already exist.

    A mistyped `sqlite:///typo` would otherwise create an empty database and answer from it.

    >>> database_url("postgresql+psycopg://fd@db:54x2/factdesk")
    Traceback (most recent call last):
    ...
    lib.validation.InvalidInput: bad database URL 'postgresql+psycopg://fd@db:54x2/factdesk': the port must be a number from 1 to 65535
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    url = url.strip()
    shown = _hide_password(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InvalidInput(f"bad database URL {shown!r}: expected {' or '.join(DATABASE_BACKENDS.values())}") from None
    except ValueError:  # SQLAlchemy reads the port with int()
        raise InvalidInput(f"bad database URL {shown!r}: the port must be a number from 1 to 65535") from None
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise InvalidInput(f"bad database URL {shown!r}: the port must be a number from 1 to 65535")
    if parsed.drivername not in DATABASE_BACKENDS:
        raise InvalidInput(f"unsupported database URL {shown!r}: expected {' or '.join(DATABASE_BACKENDS.values())}")
    if existing and parsed.drivername == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database).expanduser()
        if not path.is_file():
            raise InvalidInput(f"no database at {path.resolve()} (check --db; ingest creates one)")
    return url


def _clip(text: str, width: int = 80) -> str:
    """`text` cut to `width` characters with an ellipsis, so a 10,000-character value makes a one-line message."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _is_control(ch: str) -> bool:
    # Cc: C0/C1 controls (escape sequences); Cf: format characters such as the right-to-left override.
    return unicodedata.category(ch) in ("Cc", "Cf")


def _has_control_or_space(text: str) -> bool:
    return any(_is_control(ch) or ch.isspace() for ch in text)


def _hide_password(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not (sep and at and ":" in credentials):
        return _clip(url)
    return _clip(f"{scheme}://{credentials.split(':', 1)[0]}:***@{host}")
