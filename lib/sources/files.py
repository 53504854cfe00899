"""Files: uploads' bytes, files on disk with their sidecar `<name>.json`, the bundled seeds, and
reading an article from a path with the caller's choices of date and language.

>>> read_bytes("Le café coûte 3 €.".encode("cp1252"), "note.txt").text
'Le café coûte 3 €.'
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace as _replace
from datetime import date
from pathlib import Path

from lib.models import Article
from lib.sources.decode import decode_bytes, decode_declared
from lib.sources.html import read_html
from lib.sources.text import SourceError, check_published, megabytes, read_text

MAX_UPLOAD_BYTES = 20_000_000
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "seeds"


def read_bytes(data: bytes, filename: str) -> Article:
    """An Article from an uploaded file's bytes (.txt, .md or .html), decoded without mojibake.

    >>> read_bytes("Le café coûte 3 €.".encode("cp1252"), "note.txt").text
    'Le café coûte 3 €.'
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise SourceError(f"file too large: {megabytes(len(data))}, the limit is {megabytes(MAX_UPLOAD_BYTES)}")
    if not data:
        raise SourceError("empty file")
    suffix = Path(filename).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return read_html(decode_declared(data, None, "text/html"), source=filename)
    if suffix in TEXT_SUFFIXES or not suffix:
        # Markdown stays as typed: the dashboard never renders article text, so links and images are inert.
        return read_text(decode_bytes(data)[0], source=filename)
    raise SourceError(f"unsupported file type {suffix!r}: use .txt, .md or .html")


def read_file(path: str | os.PathLike) -> Article:
    """An Article from a .txt/.md/.html file; a sidecar `<name>.json` supplies title, lang and date.

    Size is checked before reading, so a 200 MB file costs nothing.
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(f"no such file: {path}")
    if path.is_dir():
        raise SourceError(f"is a directory, not a file: {path}")
    if not path.is_file():
        raise SourceError(f"not a regular file: {path}")
    try:
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            raise SourceError(f"file too large: {megabytes(size)}, the limit is {megabytes(MAX_UPLOAD_BYTES)}")
        with path.open("rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)  # the file may have grown since stat()
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror or error}") from None
    article = read_bytes(data, path.name)
    article = _replace(article, source=str(path))
    meta = _sidecar(path)
    if meta:
        article = _replace(
            article,
            title=meta.get("title") or article.title,
            lang=meta.get("lang") or article.lang,
            published=_sidecar_date(meta.get("published"), path) or article.published,
        )
    return article


def _sidecar(path: Path) -> dict:
    sidecar = path.with_suffix(".json")
    if sidecar == path or not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SourceError(f"unreadable metadata file {sidecar.name}: {error}") from None
    if not isinstance(meta, dict) or meta.get("file", path.name) != path.name:
        return {}
    return meta


def _sidecar_date(value: object, path: Path) -> date | None:
    if not value:
        return None
    try:
        published = date.fromisoformat(str(value))
    except ValueError:
        raise SourceError(f"bad publication date {value!r} in {path.with_suffix('.json').name}") from None
    try:
        return check_published(published)
    except SourceError as error:
        raise SourceError(f"{error} (in {path.with_suffix('.json').name})") from None


def read_article(path: str | os.PathLike, published: date | None = None, lang: str | None = None) -> Article:
    """`read_file(path)` with its language and date settled: the caller's choices win over the file's.

    The command line and folder ingest read articles this way; with no language given or found,
    the text's own language is detected (UnsupportedLanguage when it is none we read).
    """
    from lib.language import detect_language  # imports the language tables only when a path is read

    article = read_file(path)
    if published is not None:
        article = _replace(article, published=published)
    return _replace(article, lang=lang or article.lang or detect_language(article.text))


# ---------------------------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Seed:
    """A bundled article and what its sidecar says about it."""

    path: Path
    title: str
    lang: str | None
    published: date | None
    source: str = ""  # where it was published: an address, or what the user said of it
    licence: str = ""  # under which terms it is bundled: "CC BY 2.5", "Open Government Licence v3.0"
    publisher: str = ""  # who published it: "Wikinews", "Department for Business and Trade (GOV.UK press release)"
    note: str = ""  # what of it is bundled: "Opening paragraphs as published; the rest is at the address."

    @property
    def credit(self) -> str:
        """'Wikinews · Source: http://… · Licence: CC BY 2.5', as the Load page shows it under the choice."""
        parts = [self.publisher] if self.publisher else []
        parts.append(f"Source: {self.source}" if self.source else "Source: not recorded")
        if self.licence:
            parts.append(f"Licence: {self.licence}")
        return " · ".join(parts)


def list_seeds(directory: Path = SEEDS_DIR, *, invented: bool = False) -> list[Seed]:
    """The bundled articles, the French seed first (sidecar "order", then French, then name).

    A file whose sidecar says `"invented": true` was written for tests and is never news: it is
    left out unless `invented` asks for those (tests/fixtures/articles holds them).
    """
    seeds = []
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        if path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES or not path.is_file():
            continue
        meta = _sidecar(path)
        if bool(meta.get("invented")) != invented:
            continue
        seeds.append(
            (
                (meta.get("order", 100), meta.get("lang") != "fr", path.name),
                Seed(
                    path=path,
                    title=meta.get("title") or path.stem.replace("-", " "),
                    lang=meta.get("lang"),
                    published=_sidecar_date(meta.get("published"), path),
                    source=str(meta.get("source") or ""),
                    licence=str(meta.get("licence") or ""),
                    publisher=str(meta.get("publisher") or ""),
                    note=str(meta.get("note") or ""),
                ),
            )
        )
    return [seed for _key, seed in sorted(seeds, key=lambda pair: pair[0])]


def read_seed(seed: Seed) -> Article:
    """The Article of a bundled seed, with its sidecar's title, language and date."""
    return read_file(seed.path)
