"""Cached reads of the store and cached extractions; `after_write` forgets the reads after every write.

Every cached read is keyed on the store's stamp (lib.changes: one cheap query), so reruns are
cheap and anything another analyst writes (a review, an article removed or put back) is read
again on the next run, within the few seconds of a page's watcher, not after a timeout.
The Store itself is one shared resource per database URL per server process.
"""
from __future__ import annotations

import dataclasses
import threading
from datetime import date

import streamlit as st

from lib import corpus
from lib.models import Article
from lib.review_table import items_frame, patch_frame
from lib import changes, workspace
from lib.changes import Stamp
from lib.store import Store, StoreUnavailable, database_url

# Reads are keyed on the store's stamp; the time limit only bounds how long an unused read stays in memory.
READ_TTL_SECONDS = 30


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def store() -> Store:
    """The shared Store for the configured database (one per URL per server process)."""
    return _store(database_url())


class _Frames:
    """Review frames by (url, article, kind), each with the store Stamp it was read at.

    Shared by every session of the server process. A frame whose stamp is behind is brought
    up to date by reading only the items reviewed since (another analyst's decision, or
    our own save), so a status change never re-reads the 10,000 items of a long article.
    Frames handed out are shared: callers never modify them (filters and pending edits copy).
    """

    # Past this many changed items a full read is as cheap as patching.
    PATCH_LIMIT = 500
    # Frames kept (article × kind); the one refreshed longest ago goes first.
    MAX_FRAMES = 64

    def __init__(self):
        self._lock = threading.Lock()
        self._frames: dict[tuple, tuple[Stamp, object]] = {}

    def get(self, url: str, article_id: str | None, kind: str, now: Stamp):
        store = _store(url)
        key = (url, article_id, str(kind))
        with self._lock:
            seen = self._frames.get(key)
        if seen is not None and seen[0] == now:
            return seen[1]
        rows = None
        if seen is not None and seen[0].same_items(now):
            changed = changes.reviewed_since(store, seen[0].review, article_id, kind)
            if not changed:
                rows = seen[1]  # reviews of another kind or article
            elif len(changed) <= self.PATCH_LIMIT:
                rows = patch_frame(seen[1], items_frame(store.items(ids=changed), kind))
        if rows is None:
            rows = items_frame(store.items(article_id, kind=kind), kind)
        with self._lock:
            self._frames.pop(key, None)
            self._frames[key] = (now, rows)
            while len(self._frames) > self.MAX_FRAMES:
                del self._frames[next(iter(self._frames))]
        return rows

    def clear(self) -> None:
        with self._lock:
            self._frames.clear()


@st.cache_resource(show_spinner=False)
def _frames() -> _Frames:
    return _Frames()


def frame(article_id: str | None, kind: str):
    """The review frame of one kind for an article (or all articles), as of now: one cheap stamp query
    per call, and only what changed since the last read is read again."""
    return _frames().get(database_url(), article_id, kind, _stamp_now())


# The stamp read once per run: every loader of the run keys on it (one query, not one per loader).
STAMP_THIS_RUN = "store_stamp_this_run"


def new_run() -> None:
    """Forget the stamp read in the previous run (dashboard.py's first step, and after every write)."""
    st.session_state[STAMP_THIS_RUN] = None


def _stamp_now() -> Stamp:
    now = st.session_state.get(STAMP_THIS_RUN)
    if now is None:
        now = changes.stamp(store())
        st.session_state[STAMP_THIS_RUN] = now
    return now


def stamp():
    """Where the store stands now (lib.changes.Stamp), read afresh, None while it cannot be reached; pages keep it
    to compare every few seconds, and the rest of the run reads as of it."""
    try:
        now = changes.stamp(store())
    except StoreUnavailable:
        return None
    st.session_state[STAMP_THIS_RUN] = now
    return now


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS)
def _analysts(url: str, review: int) -> list[str]:
    return changes.analysts(_store(url))


def analysts() -> list[str]:
    """Names of everyone who has worked in the store, for the sidebar's choice; [] when it cannot be reached."""
    try:
        return _analysts(database_url(), _stamp_now().review)
    except StoreUnavailable:
        return []


def _now() -> tuple:
    """The store's stamp as a plain tuple, the key of every cached read."""
    return dataclasses.astuple(_stamp_now())


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS, max_entries=64)
def _items(url: str, article_id: str | None, now: tuple):
    return _store(url).items(article_id)


def items(article_id: str | None):
    return _items(database_url(), article_id, _now())


# A resource, not data: 10,000 items are indexed once and handed out as they are, never copied.
@st.cache_resource(show_spinner=False, max_entries=16)
def _layout(url: str, article_id: str, count: int, extracted: str) -> workspace.Layout:
    return workspace.layout(_store(url).items(article_id))


def panel_items(article_id: str, ids, article_text: str):
    """The items the review panel shows with the items `ids` (their paragraphs, what goes with them), with
    current statuses.

    What an item is and where it stands in the text changes only with an extraction or an item
    added, so the article's items are read and indexed once per stamp of the items; the statuses
    of the few items shown come from the review frames, which follow every review by reading only
    what changed. A status change never re-reads the article.
    """
    now = _stamp_now()
    shown = workspace.near(_layout(database_url(), article_id, now.items, now.extracted), article_text, ids)
    statuses: dict[str, str] = {}
    for kind in sorted({str(item.kind) for item in shown}):
        rows = frame(article_id, kind)
        wanted = [item.id for item in shown if str(item.kind) == kind and item.id in rows.index]
        statuses.update(zip(wanted, rows.loc[wanted, "status"].tolist()))
    return workspace.with_statuses(shown, statuses)


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS)
def _articles(url: str, now: tuple):
    return _store(url).articles()


def articles():
    return _articles(database_url(), _now())


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS, max_entries=64)
def _article(url: str, article_id: str, shape: tuple):
    return _store(url).article(article_id)


def article(article_id: str):
    """The stored article, None when it is not on the desk; read again only when articles or items change."""
    now = _stamp_now()
    return _article(database_url(), article_id, (now.items, now.extracted, now.desk))


def stored_article(article_id: str):
    """The stored version of an article, or None (also None when the store cannot be reached)."""
    try:
        return article(article_id)
    except StoreUnavailable:
        return None


@st.cache_data(show_spinner=False, max_entries=8)
def _recurring(digest: str, _claims, _figures):
    return corpus.recurring_speakers(_claims), corpus.recurring_figures(_figures)


def recurring():
    """(speakers, figures) met across articles, recomputed only when the claims or figures change."""
    claims, figures = frame(None, "claim"), frame(None, "figure")
    digest = (corpus.content_digest(claims, ["speaker", "article_id"])
              + corpus.content_digest(figures, ["value", "unit", "text", "article_id"]))
    return _recurring(digest, claims, figures)


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS, max_entries=16)
def _exports(url: str, article_id: str | None, bom: bool, review_url: str | None,
             now: tuple) -> tuple[int, dict[str, bytes]]:
    from lib import export

    items = _items(url, article_id, now)
    summaries = {a.id: a for a in _articles(url, now)}
    return len(items), {file.suffix: export.export_file(file.name, items, summaries, bom=bom, review_url=review_url)
                        for file in export.EXPORTS}


def exports(article_id: str | None, bom: bool, review_url: str | None = None) -> tuple[int, dict[str, bytes]]:
    """(item count, {file suffix: bytes}) of every export of the article (or all), built once per read of the store;
    `review_url` is the fact-check page ClaimReview names (ValueError when it is not an http(s) address)."""
    return _exports(database_url(), article_id, bom, review_url or None, _now())


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS)
def _removals(url: str, desk: int):
    from lib.removals import list_removals, off_the_desk

    database = _store(url).database
    return off_the_desk(database), list_removals(database)


def removals():
    """(the articles off the desk now, each with its latest removal; the desk's history, every removal and
    restore, newest first)."""
    return _removals(database_url(), _stamp_now().desk)


def after_write() -> None:
    """Forget cached reads (and what is built from them) so every page shows what was just written."""
    new_run()  # the stamp moved
    for loader in (_items, _articles, _article, _recurring, _exports, _removals):
        loader.clear()
    # The frames follow the store's stamp on their own; forgetting them would cost a full re-read.


@st.cache_data(show_spinner=False, max_entries=32)
def _extract(text: str, lang: str, published: str | None, title: str, source: str, boilerplate: tuple):
    from lib.extract import extract  # the engine loads its tables on first use, not on the first page

    article = Article(
        text, lang=lang, published=date.fromisoformat(published) if published else None,
        title=title, source=source, boilerplate=boilerplate,
    )
    return extract(article)


def extraction(article: Article, progress=None):
    """Extraction of `article`, computed once per text, language, date and title.

    The language model loads on the first extraction of a process (seconds, not on the first page):
    say so while it loads rather than leave the analyst before a silent page. With
    `progress(share, step)`, a text long enough to be parsed in several pieces is extracted
    afresh, reporting after each piece (a long paste).
    """
    from lib.extract.lang import table
    from lib.extract.nlp import MAX_PIECE_CHARS, is_loaded, pipeline

    # A text parsed in one piece is quick: it comes from the cache; a long one reports each piece.
    if progress is not None and len(article.text) > MAX_PIECE_CHARS:
        from lib.extract import extract

        if not is_loaded(article.lang):
            progress(0.0, f"Loading the {table(article.lang).LANGUAGE_NAME} language model (first extraction only)…")
            pipeline(article.lang)
        return extract(article, progress=progress)
    published = article.published.isoformat() if article.published else None
    args = (article.text, article.lang, published, article.title, article.source, tuple(article.boilerplate))
    if is_loaded(article.lang):
        return _extract(*args)
    with st.spinner(f"Loading the {table(article.lang).LANGUAGE_NAME} language model (first extraction only)…"):
        return _extract(*args)
