"""Session state under named keys, and the writes a page asks for: saving edits, adding items, ingesting.

The database holds the truth; `st.session_state` holds only who is working, the
current article, the draft being loaded and the analyst's unsaved edits, under the
keys below. Every write clears the cached reads (`loaders.after_write`).
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lib.edits import Conflict, NotANumber, SaveReport, find_span, parse_figure_detail, save_edits
from lib.errors import explain
from lib.highlight import plain
from lib.models import Article, Kind
from lib.session.loaders import after_write, article, extraction, store
from lib.store import StoreUnavailable
from lib.validation import dashboard_text

ANALYST = "analyst"  # the analyst's name (sidebar text input)
ARTICLE = "article_id"  # the article under review, mirrored in the URL so a reload keeps it
DRAFT = "draft"  # the Article read on the Load page, before extraction
PENDING = "pending"  # {kind: {item_id: Edit}} unsaved edits, kept when saving fails
CONFLICTS = "conflicts"  # [Conflict] from the last save
LAST_SAVE = "last_save"  # SaveReport of the last save, shown once
GENERATION = "editor_generation"  # bumped after a save so editors start from the stored values
LAST_FRAMES = "last_frames"  # {(article_id, kind): frame} last good read, shown when the database goes away
LAST_ARTICLES = "last_articles"  # {article_id: Article | None} last good read, for the caption above the tables
EDITOR_VIEWS = "editor_views"  # {kind: (editor key, EditorView)} what each kind's editor rendered last
NOTICE = "notice"  # (level, message) set by a callback, shown once by the next run


def init_state() -> None:
    """Defaults for every shared key; the article comes back from the URL after a reload."""
    # ANALYST is a widget key: a default set here before the widget registers would wipe what was typed.
    defaults = {ARTICLE: None, DRAFT: None, PENDING: {}, CONFLICTS: [], LAST_SAVE: None, GENERATION: 0}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    from_url = st.query_params.get("article")
    if st.session_state[ARTICLE] is None and from_url:
        st.session_state[ARTICLE] = from_url
    if st.session_state[ARTICLE] and st.query_params.get("article") != st.session_state[ARTICLE]:
        st.query_params["article"] = st.session_state[ARTICLE]


def analyst() -> str:
    return str(st.session_state.get(ANALYST) or "").strip()


def open_article(article_id: str) -> None:
    """Make `article_id` the article under review (and remember it in the URL)."""
    st.session_state[ARTICLE] = article_id
    st.query_params["article"] = article_id


def current_article() -> str | None:
    return st.session_state.get(ARTICLE)


def pending(kind: str) -> dict:
    return st.session_state[PENDING].setdefault(str(kind), {})


def set_pending(kind: str, edits: dict) -> None:
    st.session_state[PENDING][str(kind)] = edits


def all_pending() -> dict:
    """Every unsaved edit across kinds, by item id."""
    merged = {}
    for edits in st.session_state[PENDING].values():
        merged.update(edits)
    return merged


def fresh_editors() -> None:
    """Give every editor a new identity so it starts again from stored values plus pending edits."""
    st.session_state[GENERATION] += 1
    # Every edit sent so far is in the pending set (or was just saved or dropped on purpose):
    # the editors drawn before must not hand theirs back in.
    st.session_state[EDITOR_VIEWS] = {}


def save_all() -> SaveReport:
    """Save every pending edit; saved ones leave the pending set, conflicts and unreachable ones stay."""
    edits = all_pending()
    try:
        report = save_edits(store(), edits, analyst())
    except StoreUnavailable as error:
        report = SaveReport(unsaved=tuple(edits), error=str(error))
    done = set(report.saved)
    for kind, kind_edits in st.session_state[PENDING].items():
        st.session_state[PENDING][kind] = {i: e for i, e in kind_edits.items() if i not in done}
    st.session_state[CONFLICTS] = list(report.conflicts)
    st.session_state[LAST_SAVE] = report
    if report.saved or report.conflicts:
        after_write()
        fresh_editors()
    return report


def resolve_conflict(conflict: Conflict, keep_mine: bool) -> None:
    """Keep mine: re-aim the edit at the version now saved (the next Save writes it). Keep theirs: drop mine."""
    item_id = conflict.edit.item_id
    for kind_edits in st.session_state[PENDING].values():
        if item_id in kind_edits:
            if keep_mine:
                kind_edits[item_id] = replace(conflict.edit, expected_version=int(conflict.theirs.version))
            else:
                del kind_edits[item_id]
    st.session_state[CONFLICTS] = [c for c in st.session_state[CONFLICTS] if c.edit.item_id != item_id]
    fresh_editors()


def notify(level: str, message: str) -> None:
    """Leave a message for the next run to show once (callbacks run before the page draws)."""
    st.session_state[NOTICE] = (level, message)


def add_item(article_id: str, kind: str) -> None:
    """Form callback: store an item the analyst found by hand; a figure's detail reads '200 planificateurs'."""
    text = st.session_state.get(f"add-text-{kind}", "")
    detail = str(st.session_state.get(f"add-detail-{kind}", "")).strip()
    if str(kind) == "claim":
        fields = {"speaker": detail or None}
    else:
        try:
            value, unit = parse_figure_detail(detail)
        except NotANumber as error:
            notify("error", f"“{plain(error.number)}” is not a finite number: write the value first, then the unit "
                   "(e.g. '200 planificateurs').")
            return
        fields = {"value": value, "unit": unit}
    # Found once, verbatim: the item gets its span, so the Article page highlights it too.
    start, end = find_span(getattr(article(article_id), "text", ""), text)
    try:
        store().add_item(article_id, Kind(kind), text, analyst=analyst(), fields=fields, start=start, end=end)
    except ValueError as error:
        notify("error", f"Not added: {plain(error)}.")
        return
    except StoreUnavailable as error:
        notify("error", plain(explain(error)))
        return
    after_write()
    fresh_editors()
    notify("success", f"Added the {kind}; it is listed with origin 'manual'.")


# -- loading ---------------------------------------------------------------------------------


def set_draft(article: Article) -> None:
    """Keep `article` for the Load page; a text too long to extract here is refused before it is shown."""
    dashboard_text(article.text)
    st.session_state[DRAFT] = article


def ingest(article: Article):
    """Extract and store `article`; returns (extraction, IngestOutcome). Reviews of a known article are kept."""
    result = extraction(article)
    outcome = store().save_extraction(result)
    after_write()
    open_article(outcome.article_id)
    return result, outcome
