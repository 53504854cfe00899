"""Batch ingest: files and folders read, extracted and stored, one article per transaction.

Large batches use every core through a process pool (extraction is the slow part and
is pure CPU); each worker opens its own store. One bad file gives a `failed` outcome
with its reason and the batch goes on — even a worker process that dies only costs the
files it was holding, which are then retried one by one in a fresh process.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lib.errors import one_line
from lib.models import with_metadata
from lib.sources import HTML_SUFFIXES, TEXT_SUFFIXES, read_article
from lib.store import Store

# What a folder contributes: the suffixes lib.sources reads (sidecar .json files are metadata, not articles).
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
# Below this many files, starting worker processes (about 1 s each, importing the engine) costs more
# than it saves: extraction takes 20-30 ms an article.
POOL_THRESHOLD = 50


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
        if self.outcome == "failed":
            return f"failed        {self.path}: {self.reason}"
        detail = f"{self.items} items"
        if self.outcome == "re-extracted":
            detail += f", {self.kept} reviews kept, {self.orphaned} orphaned"
        return f"{self.outcome:<13} {self.article_id}  {self.path}  ({detail})"


def collect_paths(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[FileOutcome]]:
    """Files named directly plus article files found under folders; missing paths become failed outcomes."""
    files: list[Path] = []
    missing: list[FileOutcome] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                missing.append(FileOutcome(str(path), "failed", reason="folder holds no .txt, .md or .html file"))
        elif path.exists():
            found = [path]
        else:
            missing.append(FileOutcome(str(path), "failed", reason="no such file or folder"))
            found = []
        for file in found:
            if file.resolve() not in seen:
                seen.add(file.resolve())
                files.append(file)
    return files, missing


def ingest_file(store: Store, path: str | os.PathLike, published: date | None = None,
                lang: str | None = None) -> FileOutcome:
    """Read, extract and store one file; any failure becomes a `failed` outcome with a one-line reason."""
    from lib.extract import extract

    try:
        article = _with_stored_metadata(store, read_article(str(path), published, lang))
        extraction = extract(article)
        saved = store.save_extraction(extraction)
    except Exception as error:  # noqa: BLE001 - one bad file must never stop the batch
        return FileOutcome(str(path), "failed", reason=one_line(error))
    return FileOutcome(str(path), saved.outcome, saved.article_id, len(extraction.items()), saved.kept,
                       saved.orphaned)


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
    workers = max(1, min(workers, len(files)))
    bar = _progress_bar(len(files), progress)
    try:
        if workers == 1:
            for path in files:
                outcome = ingest_file(store, path, published, lang)
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


def _pooled(files: list[Path], url: str, published, lang, workers: int) -> Iterator[FileOutcome]:
    context = multiprocessing.get_context("spawn")  # no inherited connections, threads or locks
    broken: list[Path] = []
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_open_worker_store, initargs=(url,)) as pool:
        futures = {pool.submit(_ingest_in_worker, str(path), published, lang): path for path in files}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                broken.append(futures[future])
    deaths_in_a_row = 0
    for path in broken:
        if deaths_in_a_row >= 3:
            # Workers die whatever the file: the cause is the environment, not the input.
            yield FileOutcome(str(path), "failed", reason="not tried: worker processes keep dying (see above)")
            continue
        # Alone in a fresh process, so a file that kills its worker only fails itself.
        with ProcessPoolExecutor(1, mp_context=context, initializer=_open_worker_store, initargs=(url,)) as pool:
            try:
                yield pool.submit(_ingest_in_worker, str(path), published, lang).result()
                deaths_in_a_row = 0
            except BrokenProcessPool:
                deaths_in_a_row += 1
                yield FileOutcome(str(path), "failed", reason="the worker process died while reading this file")


_worker_store: Store | None = None


def _open_worker_store(url: str) -> None:
    global _worker_store
    _worker_store = Store(url, migrate=False)


def _ingest_in_worker(path: str, published, lang) -> FileOutcome:
    assert _worker_store is not None
    return ingest_file(_worker_store, path, published, lang)


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
