"""Widgets the pages share: the analyst's name, error reporting, notices, the review editor and its filters."""
from __future__ import annotations

import contextlib
import functools
from datetime import date

import streamlit as st
from streamlit.errors import StreamlitAPIException

from lib.errors import EXPECTED, explain
from lib.highlight import plain
from lib.models import STATUSES, status_label
from lib.review_table import Filters
from lib.session.loaders import analysts, article, frame
from lib.session.state import ANALYST, LAST_ARTICLES, LAST_FRAMES, NOTICE, current_article, open_article
from lib.store import StoreUnavailable
from lib.validation import InvalidInput, analyst_name
from lib.workspace import column_label


def via_dashboard() -> None:
    """Every page's first line: make sure the page runs inside dashboard.py (its state and its navigation).

    Until a server process has run `st.navigation` once, Streamlit treats the pages/ folder as an
    old-style multipage app: the first request of a fresh server for /review?article=ID runs
    pages/review.py alone, without dashboard.py, and every session key is missing (a shared link
    crashed). Streamlit (pinned in requirements.txt) keeps that mode in `PagesManager`: leave it and
    run again; the same address then goes through dashboard.py to the same page. AppTest resets the
    mode before each of its runs and does not rerun: there the session's state is already in place.
    """
    from streamlit import config
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory and not config.get_option("global.appTest"):
        PagesManager.uses_pages_directory = False
        st.rerun()


def choice_from_link(key: str, labels: dict[str, str], default: str) -> None:
    """The first value of a bound choice in this session, from the link: by value ("kind=event", the word
    the data and the CSV use) or by the label the widget itself writes into the URL ("kind=Timeline").
    Streamlit reads only the label and dropped anything else, so a hand-made link opened the default.
    Run before the widget, which then takes no default of its own (Streamlit warns when both are set)."""
    if key not in st.session_state:
        value = st.query_params.get(key)
        by_label = {label: choice for choice, label in labels.items()}
        st.session_state[key] = value if value in labels else by_label.get(value, default)


def analyst_sidebar() -> str:
    """Ask the analyst's name once: picked from those the store knows or typed, kept in the URL across reloads."""
    known = analysts()
    # Before the widget registers, a name typed earlier is only in the URL (bound query parameter).
    current = str(st.session_state.get(ANALYST) or st.query_params.get(ANALYST) or "").strip()
    options = known if not current or current in known else [current, *known]
    name = st.sidebar.selectbox("Your name", options, index=None, key=ANALYST, accept_new_options=True,
                                placeholder="Pick or type your name", bind="query-params",
                                help="Written on every review; kept in the page address, so a reload keeps it")
    name = str(name or "").strip()
    if not name:
        st.sidebar.caption("Enter your name to save reviews.")
        return ""
    try:
        return analyst_name(name)  # the command line's rule: at most 100 characters, no control characters
    except InvalidInput as error:
        st.sidebar.error(plain(str(error)))
        return ""


@contextlib.contextmanager
def reported_errors(origin: str | None = None):
    """Show an expected failure (bad input, unknown language, database away) as st.error, never a traceback.

    `origin` ("paste", "upload", "url", "seed") picks the advice that fits where the input came from.
    """
    try:
        yield
    except EXPECTED as error:
        st.error(plain(explain(error, origin)), icon="⚠️")


def require_article(*, offer_corpus: bool = False) -> str:
    """The article under review; without one, say how to open one (load it, or from the corpus) and stop the page.

    A page opens the article its own URL names (/review?article=ID, /article?article=ID), whatever
    the session had open: a link someone shares must show what it names.
    """
    from_url = st.query_params.get("article")
    if from_url and from_url != current_article():
        open_article(from_url)
    article_id = current_article()
    if not article_id:
        st.info("No article open yet: load one, or open one from the corpus.")
        st.page_link("pages/load.py", label="Load an article", icon=":material/upload_file:")
        if offer_corpus:
            st.page_link("pages/corpus.py", label="Open the corpus", icon=":material/library_books:")
        st.stop()
    return article_id


def draw_chart(chart) -> None:
    """st.altair_chart without Altair's JSON-schema check of the whole spec on every rerun.

    lib.charts builds the same few chart shapes every time and tests/test_charts.py checks each of
    them against the schema (`to_dict()`); checking again on each status change cost more than
    building the chart (a third of a rerun at 10,000 items).
    """
    object.__setattr__(chart, "to_dict", functools.partial(type(chart).to_dict, chart, validate=False))
    st.altair_chart(chart, width="stretch")


def labelled(frame, **configs) -> dict:
    """column_config for st.dataframe naming every column of `frame` in words (lib.workspace.column_label);
    `configs` give a column its own st.column_config (its label included)."""
    return {name: configs.get(name, column_label(name)) for name in frame.columns}


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


def filters_from_widgets(kind: str, options: dict) -> Filters:
    """The filter row above a table; each widget keyed per kind so each table keeps its own filters."""
    kind = str(kind)
    left, middle, right = st.columns(3)
    statuses = left.multiselect("Status", options["statuses"], key=f"f-status-{kind}", format_func=status_label)
    speakers = units = ()
    since = until = None
    worth = 0.0
    if kind == "claim":
        speakers = middle.multiselect("Speaker", options["speakers"], key=f"f-speaker-{kind}")
        worth = left.slider("Worth checking at least", 0.0, 1.0, 0.0, 0.05, key=f"f-worth-{kind}",
                            help="The extractor's estimate of how check-worthy a claim is; 0 shows every claim")
    elif kind == "figure":
        units = middle.multiselect("Unit", options["units"], key=f"f-unit-{kind}")
    else:
        first, last = middle.columns(2)
        since = first.date_input("From", value=None, key=f"f-since-{kind}", min_value=date(1, 1, 1),
                                 max_value=date(9999, 12, 31), format="YYYY-MM-DD")
        until = last.date_input("To", value=None, key=f"f-until-{kind}", min_value=date(1, 1, 1),
                                max_value=date(9999, 12, 31), format="YYYY-MM-DD")
    text = right.text_input("Search text, notes, sentences", key=f"f-text-{kind}",
                            help="Accents and small spelling differences are forgiven: Radakin finds Radhakin")
    orphaned = right.toggle("Show orphaned", key=f"f-orphaned-{kind}",
                            help="Reviews whose item a newer extraction no longer finds; kept, never deleted")
    return Filters(tuple(statuses), tuple(speakers), tuple(units), since, until, text, include_orphaned=orphaned,
                   min_checkworthiness=float(worth))
