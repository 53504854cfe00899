"""Batch ingest: files and folders read, extracted and stored, a batch per transaction and an article per savepoint.

Large batches use every core through a process pool (extraction is the slow part and
is pure CPU); each worker opens its own store and loads the language models once, then takes
files in batches whose texts it parses together (`nlp.pipe`). One bad file gives a `failed`
outcome with its reason and the batch goes on — even a worker process that dies only costs the
files it was holding, which are then retried one by one in a fresh process.

Files found in a folder are read through the folder and never out of it: see
lib.sources.files.FolderFile for the rules on symbolic and hard links.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lib.children import die_with_parent
from lib.errors import one_line
from lib.models import with_metadata
from lib.output import printable
from lib.sources import HTML_SUFFIXES, TEXT_SUFFIXES, read_article
from lib.sources.files import FolderFile
from lib.store import Store
from lib.validation import worker_count

# What a folder contributes: the suffixes lib.sources reads (sidecar .json files are metadata, not articles).
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Below this many files, starting worker processes (each imports the engine and loads the language
# models: seconds) costs more than it saves: an article takes 0.1-0.3 s.
POOL_THRESHOLD = 50
# A worker reads this many files, parses those of one language together (nlp.pipe: 0-20% less CPU
# than one call each on 3 KB articles, measured on the shared machine) and stores each before it
# reports back, so the progress bar moves and a dead worker costs little. Large files go in
# smaller batches so that a batch's texts stay a few MB in memory.
BATCH_FILES = 16
BATCH_BYTES = 2_000_000


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one input file: added, unchanged, re-extracted or failed (with the reason)."""

    path: str
    outcome: str
    article_id: str = ""
    items: int = 0
    kept: int = 0
    orphaned: int = 0
    reason: str = ""

    def line(self) -> str:
        """One line for the terminal: 'added  <id>  path  (12 items)'."""
        # Names and reasons come from the file system: printed escaped, never as raw terminal codes.
        path = printable(self.path)
        if self.outcome == "failed":
            return f"failed        {path}: {printable(self.reason)}"
        detail = f"{self.items} items"
        if self.outcome == "re-extracted":
            detail += f", {self.kept} reviews kept, {self.orphaned} orphaned"
        return f"{self.outcome:<13} {self.article_id}  {path}  ({detail})"


def collect_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[Path | FolderFile], list[FileOutcome]]:
    """Files named directly plus article files found under folders; missing paths become failed outcomes.

    A folder is walked without leaving it: a symbolic link that leads outside the folder (to a
    file or to another folder) is not read and is named as a failed outcome, so a link to
    /etc/passwd never becomes an article. A file found in a folder is a `FolderFile`, read later
    through the folder without following any link (see its rules: links swapped in after the
    walk, hard links to files outside). Only regular files are read from a folder (a FIFO named
    .txt would block the batch). The same file under two names is read once.
    """
    files: list[Path | FolderFile] = []
    missing: list[FileOutcome] = []
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, refused = _walk(path)
            missing.extend(refused)
            if not found and not refused:
                missing.append(FileOutcome(str(path), "failed", reason="folder holds no .txt, .md or .html file"))
        elif path.exists():
            found = [path]
        else:
            missing.append(FileOutcome(str(path), "failed", reason="no such file or folder"))
            found = []
        for file in found:
            key = file.inode if isinstance(file, FolderFile) else _inode(os.stat(file))
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, missing


def _walk(folder: Path) -> tuple[list[FolderFile], list[FileOutcome]]:
    """Article files under `folder` that stay inside it, sorted, and the links that lead out of it.

    Every regular file's names are counted (whatever its suffix) so that reading can tell a hard
    link whose other names are all inside the folder from one to a file outside it.
    """
    root = folder.resolve()
    articles: dict[tuple[int, int], Path] = {}  # inode -> first path inside the folder, through no link
    names: Counter[tuple[int, int]] = Counter()
    refused: list[FileOutcome] = []
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in dirs:
            linked = Path(here, name)
            if linked.is_symlink() and not _inside(linked.resolve(), root):
                refused.append(_outside(linked))
        for name in sorted(files):
            path = Path(here, name)
            is_article = path.suffix.lower() in ARTICLE_SUFFIXES
            if path.is_symlink():
                target = path.resolve()
                if not is_article:
                    continue
                if not _inside(target, root):
                    refused.append(_outside(path))
                    continue
                # A link inside the folder stands for the file it leads to, read by that file's own path.
                path = folder / target.relative_to(root)
                if path.suffix.lower() not in ARTICLE_SUFFIXES:
                    continue
                counted = False
            else:
                counted = True
            try:
                status = os.stat(path, follow_symlinks=False)
            except OSError:
                continue  # gone since listed, or a link chain inside the folder that leads nowhere
            if not stat.S_ISREG(status.st_mode):
                continue  # FIFOs and devices are not files
            key = _inode(status)
            if counted:
                names[key] += 1
            if is_article:
                articles.setdefault(key, path.relative_to(folder))
    found = [FolderFile(folder, relative, key, names[key], *_sidecar_names(folder / relative, names))
             for key, relative in articles.items()]
    return sorted(found, key=lambda file: file.relative), sorted(refused, key=lambda outcome: outcome.path)


def _sidecar_names(path: Path, names: Counter[tuple[int, int]]) -> tuple[tuple[int, int], int]:
    """The inode of the article's sidecar `<name>.json` and the names the walk counted for it inside the folder."""
    try:
        status = os.stat(path.with_suffix(".json"), follow_symlinks=False)
    except OSError:
        return (0, 0), 1
    key = _inode(status)
    return key, max(1, names[key])


def _inode(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _outside(link: Path) -> FileOutcome:
    return FileOutcome(str(link), "failed", reason=f"not read: a symbolic link out of the folder (to {os.readlink(link)})")


def _shown(file: Path | FolderFile) -> str:
    return str(file.path if isinstance(file, FolderFile) else file)


def ingest_file(store: Store, path: str | os.PathLike | FolderFile, published: date | None = None,
                lang: str | None = None) -> FileOutcome:
    """Read, extract and store one file; any failure becomes a `failed` outcome with a one-line reason."""
    return ingest_files(store, [path], published, lang)[0]


def ingest_files(store: Store, files: list[str | os.PathLike | FolderFile], published: date | None = None,
                 lang: str | None = None) -> list[FileOutcome]:
    """Read, extract and store several files, one outcome each in their order.

    The texts of one language are parsed together (`nlp.pipe` through extract_many), which is what
    makes a batch faster than one file at a time. The batch is stored in one transaction, each article in a
    savepoint of its own, so a file that fails (unreadable, unknown language, a store error) fails alone.
    """
    from lib.extract.engine import extract_many

    outcomes: list[FileOutcome | None] = [None] * len(files)
    read = []
    for index, file in enumerate(files):
        try:
            read.append((index, _read(store, file, published, lang)))
        except Exception as error:  # noqa: BLE001 - one bad file must never stop the batch
            outcomes[index] = _failed(file, error)
    read.sort(key=lambda pair: pair[1].lang)  # each language's run is one nlp.pipe batch
    extracted = []
    for (index, _article), extraction in zip(read, extract_many(article for _, article in read)):
        if isinstance(extraction, Exception):
            outcomes[index] = _failed(files[index], extraction)
        else:
            extracted.append((index, extraction))
    # One transaction for the batch, one savepoint per article (see Store.save_extractions).
    saved = store.save_extractions([extraction for _, extraction in extracted]) if extracted else []
    for (index, extraction), result in zip(extracted, saved):
        outcomes[index] = _stored(files[index], extraction, result)
    return outcomes


def _read(store: Store, file, published: date | None, lang: str | None):
    path = file if isinstance(file, FolderFile) else str(file)
    article = _with_stored_metadata(store, read_article(path, published, lang))
    # A name that was not UTF-8 holds surrogate escapes, which no database encoding accepts.
    return dataclasses.replace(article, source=printable(article.source), title=printable(article.title))


def _stored(file, extraction, saved) -> FileOutcome:
    if isinstance(saved, Exception):
        return _failed(file, saved)
    return FileOutcome(_shown(file), saved.outcome, saved.article_id, len(extraction.items()), saved.kept,
                       saved.orphaned)


def _failed(file, error: Exception) -> FileOutcome:
    return FileOutcome(_shown(file), "failed", reason=one_line(error))


def _with_stored_metadata(store: Store, article):
    """An article read again keeps the publication date and title the store has for it, unless the
    file or the command line gives new ones: re-ingesting without --published must not unresolve
    every relative date (and every review of one)."""
    if article.published is not None and article.title:
        return article
    stored = store.article(article.id)
    if stored is None:
        return article
    return with_metadata(article, article, stored)


def ingest_paths(
    paths: Iterable[str | os.PathLike],
    url: str | None = None,
    *,
    published: date | None = None,
    lang: str | None = None,
    workers: int | None = None,
    progress: bool = False,
) -> Iterator[FileOutcome]:
    """Ingest every file under `paths` into the store at `url`, yielding outcomes as they finish.

    `workers=None` uses all cores once there are POOL_THRESHOLD files or more, else this process.
    """
    files, missing = collect_paths(paths)
    yield from missing
    if not files:
        return
    store = Store(url)  # migrates the schema once, before any worker opens it
    if workers is None:
        workers = (os.cpu_count() or 1) if len(files) >= POOL_THRESHOLD else 1
    # More processes than cores only add memory (each holds the language models): 100000 means all cores.
    workers = min(worker_count(workers), len(files))
    bar = _progress_bar(len(files), progress)
    try:
        if workers == 1:
            for batch in _batches(files, workers):
                for outcome in ingest_files(store, batch, published, lang):
                    bar.update(1)
                    yield outcome
            return
        store.close()  # workers open their own connections
        for outcome in _pooled(files, store.url, published, lang, workers):
            bar.update(1)
            yield outcome
    finally:
        bar.close()
        store.close()


def _batches(files: list[Path | FolderFile], workers: int) -> Iterator[list[Path | FolderFile]]:
    """Consecutive files in batches of at most BATCH_FILES files and about BATCH_BYTES; with several
    workers, each batch holds at most the files left over TAIL_SHARES times the workers, so batches
    shrink as the files run out and the workers finish together (guided scheduling). With batches of
    one size, the last one kept its worker busy for a whole batch while the other cores idled: on 500
    short articles and two workers, 0.9 s of a 29 s run (bench/ingest.py)."""
    most = _batch_most(len(files), workers)
    batch: list[Path | FolderFile] = []
    size = 0
    for index, file in enumerate(files):
        bytes_ = _size(file)
        if batch and (len(batch) >= most or size + bytes_ > BATCH_BYTES):
            yield batch
            batch, size = [], 0
            most = _batch_most(len(files) - index, workers)
        batch.append(file)
        size += bytes_
    if batch:
        yield batch


# Near the end, a batch holds at most 1 / (TAIL_SHARES x workers) of the files left: the last batches hold
# one file each, and the shrinking adds only a few batches (each costs a commit and a parse call).
TAIL_SHARES = 2


def _batch_most(left: int, workers: int) -> int:
    """How many files the next batch may hold when `left` files are not yet in a batch."""
    if workers == 1:
        return BATCH_FILES
    return max(1, min(BATCH_FILES, -(-left // (workers * TAIL_SHARES))))


def _size(file: Path | FolderFile) -> int:
    try:
        return os.stat(_shown(file), follow_symlinks=False).st_size
    except OSError:
        return 0  # reading it will say what is wrong


def _pooled(files: list[Path | FolderFile], url: str, published, lang, workers: int) -> Iterator[FileOutcome]:
    context = multiprocessing.get_context("spawn")  # no inherited connections, threads or locks
    broken: list[Path | FolderFile] = []
    start = {"mp_context": context, "initializer": _start_worker, "initargs": (url, os.getpid(), workers)}
    with ProcessPoolExecutor(workers, **start) as pool:
        futures = {pool.submit(_ingest_in_worker, batch, published, lang): batch for batch in _batches(files, workers)}
        for future in as_completed(futures):
            try:
                yield from future.result()
            except BrokenProcessPool:
                broken.extend(futures[future])
    deaths_in_a_row = 0
    for path in broken:
        if deaths_in_a_row >= 3:
            # Workers die whatever the file: the cause is the environment, not the input.
            yield FileOutcome(_shown(path), "failed", reason="not tried: worker processes keep dying (see above)")
            continue
        # Alone in a fresh process, so a file that kills its worker only fails itself.
        with ProcessPoolExecutor(1, **start) as pool:
            try:
                yield from pool.submit(_ingest_in_worker, [path], published, lang).result()
                deaths_in_a_row = 0
            except BrokenProcessPool:
                deaths_in_a_row += 1
                yield FileOutcome(_shown(path), "failed", reason="the worker process died while reading this file")


_worker_store: Store | None = None


def _start_worker(url: str, parent: int, workers: int) -> None:
    from lib.extract.nlp import share_cores
    global _worker_store
    die_with_parent(parent)
    share_cores(workers)  # each worker parses on its share of the cores, not on all of them
    _worker_store = Store(url, migrate=False)


def _ingest_in_worker(files: list[Path | FolderFile], published, lang) -> list[FileOutcome]:
    assert _worker_store is not None
    return ingest_files(_worker_store, files, published, lang)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(total: int, enabled: bool):
    if not enabled:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="ingest", leave=False, dynamic_ncols=True)


def found_counts(extraction) -> str:
    """What an extraction found, as the Load page says it: '12 claims, 9 figures and 4 dates or periods'.

    >>> from lib.models import Article, Extraction
    >>> found_counts(Extraction(Article("x"), claims=(), figures=(), events=()))
    'no claims, no figures and no dates or periods'
    """
    def count(n: int, one: str, many: str) -> str:
        return f"{n} {one}" if n == 1 else f"{n or 'no'} {many}"

    return (f"{count(len(extraction.claims), 'claim', 'claims')}, {count(len(extraction.figures), 'figure', 'figures')}"
            f" and {count(len(extraction.events), 'date or period', 'dates or periods')}")


STORED = {
    "added": "Stored as a new article.",
    "unchanged": "Already stored with this extraction: nothing changed.",
    "re-extracted": "Stored again: {kept} reviews kept, {orphaned} kept as orphaned (their item is no longer found).",
}


def stored_outcome(outcome) -> str:
    """What saving an extraction did, in words (lib.store.IngestOutcome in)."""
    return STORED[outcome.outcome].format(kept=outcome.kept, orphaned=outcome.orphaned)
