"""Files: uploads' bytes, files on disk with their sidecar `<name>.json`, the bundled seeds, and
reading an article from a path with the caller's choices of date and language.

>>> read_bytes("Le café coûte 3 €.".encode("cp1252"), "note.txt").text
'Le café coûte 3 €.'
"""
from __future__ import annotations

import errno
import json
import os
import stat
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


def read_file(path: str | os.PathLike | FolderFile) -> Article:
    """An Article from a .txt/.md/.html file; a sidecar `<name>.json` supplies title, lang and date.

    Size is checked before reading, so a 200 MB file costs nothing. A `FolderFile` (found by a
    folder walk) is read through its folder without following any link: see FolderFile.
    """
    if isinstance(path, FolderFile):
        data, meta = _read_in_folder(path)
        path = path.path
    else:
        path = Path(path)
        data = _read_named(path)
        meta = _sidecar(path)
    article = read_bytes(data, path.name)
    article = _replace(article, source=str(path))
    if meta:
        article = _replace(
            article,
            title=meta.get("title") or article.title,
            lang=meta.get("lang") or article.lang,
            published=_sidecar_date(meta.get("published"), path) or article.published,
        )
    return article


def _read_named(path: Path) -> bytes:
    """The bytes of a file the user named: a link they name is theirs to follow."""
    if not path.exists():
        raise SourceError(f"no such file: {path}")
    if path.is_dir():
        raise SourceError(f"is a directory, not a file: {path}")
    if not path.is_file():
        raise SourceError(f"not a regular file: {path}")
    try:
        size = path.stat().st_size
        _check_size(size)
        with path.open("rb") as handle:
            return handle.read(MAX_UPLOAD_BYTES + 1)  # the file may have grown since stat()
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror or error}") from None


def _check_size(size: int) -> None:
    if size > MAX_UPLOAD_BYTES:
        raise SourceError(f"file too large: {megabytes(size)}, the limit is {megabytes(MAX_UPLOAD_BYTES)}")


def _sidecar(path: Path) -> dict:
    sidecar = path.with_suffix(".json")
    if sidecar == path or not sidecar.is_file():
        return {}
    try:
        return _sidecar_meta(sidecar.read_bytes(), sidecar.name, path.name)
    except OSError as error:
        raise SourceError(f"unreadable metadata file {sidecar.name}: {error}") from None


def _sidecar_meta(data: bytes, sidecar_name: str, article_name: str) -> dict:
    try:
        meta = json.loads(data.decode("utf-8"))
    except ValueError as error:
        raise SourceError(f"unreadable metadata file {sidecar_name}: {error}") from None
    if not isinstance(meta, dict) or meta.get("file", article_name) != article_name:
        return {}
    return meta


# ---------------------------------------------------------------------------------------------
# Files found in a folder
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FolderFile:
    """A file found by walking a folder, to be read through that folder and never out of it.

    The rules, so that nothing outside an ingested folder is ever stored:
    - Symbolic links are never followed when the file is read. Each folder on the way and the file
      itself are opened relative to the folder with O_NOFOLLOW, so a file (or a sub-folder) swapped
      for a link after the walk is refused, not followed. (A link found by the walk that stays inside
      the folder is recorded as the path it leads to.)
    - Only regular files are opened (O_NONBLOCK, and the type is checked before and after opening), so
      a FIFO or a device swapped in cannot block or disturb the batch.
    - A hard link is the same file under another name, and a name outside the folder cannot be told
      from one inside except by counting: a file with more links (st_nlink) than the walk found names
      for it inside the folder also lives outside it, and is refused. Hard links that all lie inside
      the folder are read, once. The sidecar `<name>.json` is held to the same count.
    """

    folder: Path  # the folder as the user named it: a link in its own path is theirs to follow
    relative: Path  # the file's path inside the folder, through no link
    inode: tuple[int, int] = (0, 0)  # (st_dev, st_ino) when the folder was walked
    names: int = 1  # the names the walk found for that inode inside the folder
    sidecar_inode: tuple[int, int] = (0, 0)  # the same two for the sidecar, when the walk found one
    sidecar_names: int = 1

    @property
    def path(self) -> Path:
        """The file's path as printed: the folder as named, then the path inside it."""
        return self.folder / self.relative


# POSIX only (openat with O_NOFOLLOW), as is the rest of ingest: Fact Desk runs on Linux.
_NO_FOLLOW = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC


def _read_in_folder(file: FolderFile) -> tuple[bytes, dict]:
    """The file's bytes and its sidecar's metadata, each step opened without following a link."""
    where = os.open(file.folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        shown = file.folder
        for part in file.relative.parts[:-1]:
            shown = shown / part
            inner = _open_entry(where, part, stat.S_ISDIR, shown, os.O_DIRECTORY)
            os.close(where)
            where = inner
        handle = _open_entry(where, file.relative.name, stat.S_ISREG, file.path, os.O_NONBLOCK)
        with os.fdopen(handle, "rb") as opened:
            status = os.fstat(opened.fileno())
            _check_links(status, file.inode, file.names, file.folder)
            _check_size(status.st_size)
            data = opened.read(MAX_UPLOAD_BYTES + 1)  # the file may have grown since fstat()
        return data, _sidecar_in_folder(where, file)
    except OSError as error:
        raise SourceError(f"cannot read {file.path}: {error.strerror or error}") from None
    finally:
        os.close(where)


def _open_entry(where: int, name: str, is_kind, shown: Path, flags: int) -> int:
    """`name` in the open folder `where`, opened without following a link; refused unless `is_kind`."""
    _check_entry(os.stat(name, dir_fd=where, follow_symlinks=False).st_mode, is_kind, shown)
    try:
        handle = os.open(name, _NO_FOLLOW | flags, dir_fd=where)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):  # swapped for a link since the stat above
            raise SourceError(_link_refusal(shown)) from None
        raise
    try:
        _check_entry(os.fstat(handle).st_mode, is_kind, shown)
    except SourceError:
        os.close(handle)
        raise
    return handle


def _check_entry(mode: int, is_kind, shown: Path) -> None:
    if stat.S_ISLNK(mode):
        raise SourceError(_link_refusal(shown))
    if not is_kind(mode):
        wanted = "folder" if is_kind is stat.S_ISDIR else "regular file"
        raise SourceError(f"not read: {shown} is no longer a {wanted}")


def _link_refusal(shown: Path) -> str:
    return f"not read: {shown} is now a symbolic link; links are not followed out of an ingested folder"


def _check_links(status: os.stat_result, inode: tuple[int, int], names: int, folder: Path,
                 refusal: str = "not read") -> None:
    inside = names if (status.st_dev, status.st_ino) == inode else 1
    if status.st_nlink > inside:
        raise SourceError(f"{refusal}: a hard link to a file that also lives outside the folder "
                          f"({status.st_nlink} names, {inside} inside {folder})")


def _sidecar_in_folder(where: int, file: FolderFile) -> dict:
    """The sidecar `<name>.json` beside the file, read under the same rules (never through a link)."""
    name = file.relative.name
    sidecar = str(Path(name).with_suffix(".json"))
    if sidecar == name:
        return {}
    try:
        mode = os.stat(sidecar, dir_fd=where, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return {}
    if stat.S_ISLNK(mode):
        raise SourceError(f"unreadable metadata file {sidecar}: a symbolic link, not followed in an ingested folder")
    if not stat.S_ISREG(mode):
        return {}
    try:
        handle = _open_entry(where, sidecar, stat.S_ISREG, file.path.with_name(sidecar), os.O_NONBLOCK)
    except SourceError:
        raise SourceError(f"unreadable metadata file {sidecar}: it changed while being read") from None
    with os.fdopen(handle, "rb") as opened:
        _check_links(os.fstat(opened.fileno()), file.sidecar_inode, file.sidecar_names, file.folder,
                     refusal=f"unreadable metadata file {sidecar}")
        return _sidecar_meta(opened.read(MAX_UPLOAD_BYTES), sidecar, name)


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


def read_article(path: str | os.PathLike | FolderFile, published: date | None = None,
                 lang: str | None = None) -> Article:
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
