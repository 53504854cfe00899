"""Widgets the pages share: the analyst's name, error reporting, notices, the review editor and its filters."""
from __future__ import annotations

import contextlib
from datetime import date

import streamlit as st
from streamlit.errors import StreamlitAPIException

from lib.edits import editor_view, reconcile, reconcile_abandoned, versions_digest
from lib.errors import EXPECTED, explain
from lib.highlight import plain
from lib.models import STATUSES, Kind
from lib.review_table import EDITABLE, KIND_COLUMNS, Filters, columns, view_key
from lib.session.loaders import article, frame
from lib.session.state import (
    ANALYST, EDITOR_VIEWS, LAST_ARTICLES, LAST_FRAMES, LAST_SAVE, NOTICE, current_article, pending, set_pending,
)
from lib.store import StoreUnavailable


def analyst_sidebar() -> str:
    """Ask the analyst's name once; it is written on every review of this session."""
    name = st.sidebar.text_input("Your name", key=ANALYST, placeholder="written on every review")
    if not name.strip():
        st.sidebar.caption("Enter your name to save reviews.")
    return name.strip()


@contextlib.contextmanager
def reported_errors():
    """Show an expected failure (bad input, unknown language, database away) as st.error, never a traceback."""
    try:
        yield
    except EXPECTED as error:
        st.error(plain(explain(error)), icon="⚠️")


def require_article(*, offer_corpus: bool = False) -> str:
    """The article under review; without one, say how to open one (load it, or from the corpus) and stop the page."""
    article_id = current_article()
    if not article_id:
        st.info("No article open yet: load one, or open one from the corpus.")
        st.page_link("pages/load.py", label="Load an article", icon=":material/upload_file:")
        if offer_corpus:
            st.page_link("pages/corpus.py", label="Open the corpus", icon=":material/library_books:")
        st.stop()
    return article_id


def show_last_save() -> None:
    """How the last Save went: saved, conflicts, or the database away with what to do."""
    report = st.session_state[LAST_SAVE]
    if report is not None:
        getattr(st, report.level)(
            report.summary() + (f" — {plain(explain(StoreUnavailable(report.error)))}" if report.error else "")
        )


def show_notice() -> None:
    """The message a callback left (`state.notify`), shown once."""
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        {"error": st.error, "success": st.success}[notice[0]](notice[1])


def review_source(article_id: str, kind: str):
    """(article, frame of `kind`); when the database is unreachable, the last ones read, with one st.error.

    The unsaved edits live on top of the frame, so keeping the last frame on screen keeps
    them (and the Save button) in front of the analyst until the database is back.
    """
    articles_seen = st.session_state.setdefault(LAST_ARTICLES, {})
    frames_seen = st.session_state.setdefault(LAST_FRAMES, {})
    try:
        found = article(article_id)
        rows = frame(article_id, kind)
    except StoreUnavailable as error:
        if (article_id, str(kind)) not in frames_seen:
            raise  # nothing to fall back on: reported_errors says so once
        st.error(plain(explain(error)), icon="⚠️")
        return articles_seen.get(article_id), frames_seen[(article_id, str(kind))]
    articles_seen[article_id] = found
    frames_seen[(article_id, str(kind))] = rows
    return found, rows


def review_editor(container, kind: str, stored_rows, view: tuple) -> list[str]:
    """Draw the `kind` editor over `stored_rows` with the unsaved edits on top; returns the edits refused.

    The editor's key carries a digest of the rows' versions, so rows refreshed by another
    analyst's save get a new editor. An edit sent to the editor drawn before (it arrives on
    the rerun that brought the refresh) is reconciled against the versions that editor
    rendered, so saving it ends in a conflict rather than over the newer review.
    """
    kind = str(kind)
    views = st.session_state.setdefault(EDITOR_VIEWS, {})
    key = "editor-" + view_key(*view, versions_digest(stored_rows))
    kind_pending, problems = pending(kind), []
    previous = views.get(kind)
    if previous is not None and previous[0] != key:
        old_key, old_view = previous
        state = st.session_state.get(old_key)
        if state:
            kind_pending, problems = reconcile_abandoned(old_view, state, kind_pending)
            with contextlib.suppress(KeyError, StreamlitAPIException):
                del st.session_state[old_key]  # its edits now live in the pending set
    drawn = editor_view(stored_rows, kind_pending)
    config, order, disabled = editor_columns(kind, with_orphaned=bool(stored_rows["orphaned"].any()))
    edited = container.data_editor(drawn.shown, key=key, column_config=config, column_order=order,
                                   disabled=disabled, hide_index=True, width="stretch")
    kind_pending, more = reconcile(drawn, edited, kind_pending)
    views[kind] = (key, drawn)
    set_pending(kind, kind_pending)
    return problems + more


def editor_columns(kind: str, with_orphaned: bool = False) -> tuple[dict, list[str], list[str]]:
    """Column config, visible column order and read-only columns of the `kind` editor (orphan marker on request)."""
    cc = st.column_config
    config = {
        "status": cc.SelectboxColumn("Status", options=list(STATUSES), required=True, width="small"),
        "note": cc.TextColumn("Note", width="medium"),
        "evidence": cc.TextColumn("Evidence", help="http(s) links, separated by spaces", width="medium"),
        "text": cc.TextColumn("Text", width="large"),
        "speaker": cc.TextColumn("Speaker"),
        "checkworthiness": cc.ProgressColumn("Check-worthiness", min_value=0.0, max_value=1.0, format="%.2f"),
        "value": cc.NumberColumn("Value") if str(kind) == "figure" else cc.TextColumn("TIMEX3"),
        "unit": cc.TextColumn("Unit"),
        "date": cc.DateColumn("Date", format="YYYY-MM-DD"),
        "end_date": cc.DateColumn("End", format="YYYY-MM-DD"),
        "sentence": cc.TextColumn("Sentence", width="large"),
        "analyst": cc.TextColumn("Reviewed by"),
        "reviewed_at": cc.TextColumn("At"),
        "orphaned": cc.CheckboxColumn("Orphaned", help="Its item is gone from the latest extraction; the review is kept"),
    }
    visible = [*(["orphaned"] if with_orphaned else []), *EDITABLE, *KIND_COLUMNS[Kind(kind)], "analyst", "reviewed_at"]
    disabled = [c for c in columns(kind) if c not in EDITABLE]
    return config, visible, disabled


def filters_from_widgets(kind: str, options: dict) -> Filters:
    """The filter row above a table; each widget keyed per kind so each table keeps its own filters."""
    kind = str(kind)
    left, middle, right = st.columns(3)
    statuses = left.multiselect("Status", options["statuses"], key=f"f-status-{kind}")
    speakers = units = ()
    since = until = None
    if kind == "claim":
        speakers = middle.multiselect("Speaker", options["speakers"], key=f"f-speaker-{kind}")
    elif kind == "figure":
        units = middle.multiselect("Unit", options["units"], key=f"f-unit-{kind}")
    else:
        first, last = middle.columns(2)
        since = first.date_input("From", value=None, key=f"f-since-{kind}", min_value=date(1, 1, 1),
                                 max_value=date(9999, 12, 31), format="YYYY-MM-DD")
        until = last.date_input("To", value=None, key=f"f-until-{kind}", min_value=date(1, 1, 1),
                                max_value=date(9999, 12, 31), format="YYYY-MM-DD")
    text = right.text_input("Search text, notes, sentences", key=f"f-text-{kind}")
    orphaned = right.toggle("Show orphaned", key=f"f-orphaned-{kind}",
                            help="Reviews whose item a newer extraction no longer finds; kept, never deleted")
    return Filters(tuple(statuses), tuple(speakers), tuple(units), since, until, text, include_orphaned=orphaned)
