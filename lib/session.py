"""The dashboard's shared state and cached loaders — the one lib module that imports Streamlit.

The database holds the truth; `st.session_state` holds only who is working, the
current article, the draft being loaded and the analyst's unsaved edits, under the
keys below. Reads from the store are cached and cleared after every write.
"""
from __future__ import annotations

import contextlib
import math
from dataclasses import replace
from datetime import date, timedelta

import streamlit as st
from streamlit.errors import StreamlitAPIException

from lib.extract.lang import UnsupportedLanguage
from lib.highlight import plain
from lib.language import detect_language
from lib.models import Article, Kind
from lib.review_table import (
    EDITABLE, KIND_COLUMNS, STATUSES, Conflict, Filters, SaveReport, columns, editor_view, items_frame,
    content_digest, reconcile, reconcile_abandoned, recurring_figures, recurring_speakers, save_edits,
    versions_digest, view_key,
)
from lib.sources import EARLIEST_PUBLISHED, SourceError, check_published
from lib.store import Store, StoreUnavailable, database_url

ANALYST = "analyst"  # the analyst's name (sidebar text input)
ARTICLE = "article_id"  # the article under review, mirrored in the URL so a reload keeps it
DRAFT = "draft"  # the Article read on the Load page, before extraction
PENDING = "pending"  # {kind: {item_id: Edit}} unsaved edits, kept when saving fails
CONFLICTS = "conflicts"  # [Conflict] from the last save
LAST_SAVE = "last_save"  # SaveReport of the last save, shown once
GENERATION = "editor_generation"  # bumped after a save so editors start from the stored values

# Long enough to make reruns cheap, short enough that another analyst's saves show up soon.
READ_TTL_SECONDS = 30


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


def analyst_sidebar() -> str:
    """Ask the analyst's name once; it is written on every review of this session."""
    name = st.sidebar.text_input("Your name", key=ANALYST, placeholder="written on every review")
    if not name.strip():
        st.sidebar.caption("Enter your name to save reviews.")
    return name.strip()


def analyst() -> str:
    return str(st.session_state.get(ANALYST) or "").strip()


def open_article(article_id: str) -> None:
    """Make `article_id` the article under review (and remember it in the URL)."""
    st.session_state[ARTICLE] = article_id
    st.query_params["article"] = article_id


def current_article() -> str | None:
    return st.session_state.get(ARTICLE)


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def store() -> Store:
    """The shared Store for the configured database (one per URL per server process)."""
    return _store(database_url())


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS, max_entries=64)
def _frame(url: str, article_id: str | None, kind: str):
    return items_frame(_store(url).items(article_id, kind=kind), kind)


def frame(article_id: str | None, kind: str):
    """The review frame of one kind for an article (or all articles), from the cache when fresh."""
    return _frame(database_url(), article_id, kind)


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS, max_entries=64)
def _items(url: str, article_id: str | None):
    return _store(url).items(article_id)


def items(article_id: str | None):
    return _items(database_url(), article_id)


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS)
def _articles(url: str):
    return _store(url).articles()


def articles():
    return _articles(database_url())


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS, max_entries=64)
def _article(url: str, article_id: str):
    return _store(url).article(article_id)


def article(article_id: str):
    return _article(database_url(), article_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _recurring(digest: str, _claims, _figures):
    return recurring_speakers(_claims), recurring_figures(_figures)


def recurring():
    """(speakers, figures) met across articles, recomputed only when the claims or figures change."""
    claims, figures = frame(None, "claim"), frame(None, "figure")
    digest = (content_digest(claims, ["speaker", "article_id"])
              + content_digest(figures, ["value", "unit", "text", "article_id"]))
    return _recurring(digest, claims, figures)


@st.cache_data(show_spinner=False, ttl=READ_TTL_SECONDS, max_entries=16)
def _exports(url: str, article_id: str | None, bom: bool) -> tuple[int, dict[str, bytes]]:
    from lib import export

    items = _items(url, article_id)
    summaries = {a.id: a for a in _articles(url)}
    files = {f"{kind}s.csv": export.export_csv(items, kind, summaries, bom=bom) for kind in ("claim", "figure", "event")}
    files["summary.csv"] = export.export_summary_csv(items, summaries, bom=bom)
    files["claimreview.jsonld"] = export.export_claimreview(items, summaries)
    return len(items), files


def exports(article_id: str | None, bom: bool) -> tuple[int, dict[str, bytes]]:
    """(item count, {file suffix: bytes}) of every export of the article (or all), built once per read of the store."""
    return _exports(database_url(), article_id, bom)


def after_write() -> None:
    """Forget cached reads (and what is built from them) so every page shows what was just written."""
    for loader in (_frame, _items, _articles, _article, _recurring, _exports):
        loader.clear()


@st.cache_data(show_spinner=False, max_entries=32)
def _extract(text: str, lang: str, published: str | None, title: str, source: str, boilerplate: tuple):
    from lib.extract import extract  # the engine loads its tables on first use, not on the first page

    article = Article(
        text, lang=lang, published=date.fromisoformat(published) if published else None,
        title=title, source=source, boilerplate=boilerplate,
    )
    return extract(article)


def extraction(article: Article):
    """Extraction of `article`, computed once per text, language, date and title."""
    published = article.published.isoformat() if article.published else None
    return _extract(article.text, article.lang, published, article.title, article.source, tuple(article.boilerplate))


def pending(kind: str) -> dict:
    return st.session_state[PENDING].setdefault(str(kind), {})


def set_pending(kind: str, edits: dict) -> None:
    st.session_state[PENDING][str(kind)] = edits


def fresh_editors() -> None:
    """Give every editor a new identity so it starts again from stored values plus pending edits."""
    st.session_state[GENERATION] += 1
    # Every edit sent so far is in the pending set (or was just saved or dropped on purpose):
    # the editors drawn before must not hand theirs back in.
    st.session_state[EDITOR_VIEWS] = {}


ADVICE = {
    SourceError: "Check the file or the address, or paste the text instead.",
    UnsupportedLanguage: "Fact Desk reads French and English. If the detection is wrong, pick the language by hand.",
    StoreUnavailable: "Your unsaved edits stay on this page; press Save again once the database is back.",
}


def explain(error: Exception) -> str:
    """One line for the analyst: what went wrong and what to do next."""
    for kind, advice in ADVICE.items():
        if isinstance(error, kind):
            if kind is StoreUnavailable:
                return f"The review database cannot be reached ({error}). {advice}"
            return f"{error}. {advice}" if not str(error).endswith(".") else f"{error} {advice}"
    return f"Something went wrong: {error}"


@contextlib.contextmanager
def reported_errors():
    """Show an expected failure (bad input, unknown language, database away) as st.error, never a traceback."""
    try:
        yield
    except tuple(ADVICE) as error:
        st.error(plain(explain(error)), icon="⚠️")


# -- review tables -------------------------------------------------------------------------

LAST_FRAMES = "last_frames"  # {(article_id, kind): frame} last good read, shown when the database goes away
LAST_ARTICLES = "last_articles"  # {article_id: Article | None} last good read, for the caption above the tables
EDITOR_VIEWS = "editor_views"  # {kind: (editor key, EditorView)} what each kind's editor rendered last


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


def all_pending() -> dict:
    """Every unsaved edit across kinds, by item id."""
    merged = {}
    for edits in st.session_state[PENDING].values():
        merged.update(edits)
    return merged


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


def add_item(article_id: str, kind: str) -> None:
    """Form callback: store an item the analyst found by hand; a figure's detail reads '200 planificateurs'."""
    text = st.session_state.get(f"add-text-{kind}", "")
    detail = str(st.session_state.get(f"add-detail-{kind}", "")).strip()
    fields: dict = {}
    if str(kind) == "claim":
        fields = {"speaker": detail or None}
    else:
        number, _, unit = detail.partition(" ")
        try:
            value = float(number.replace(",", ".")) if number else None
        except ValueError:
            value = math.nan
        # float() also reads 'nan' and 'inf': neither is a figure, and NaN breaks every comparison downstream.
        if value is not None and not math.isfinite(value):
            notify("error", f"“{plain(number)}” is not a finite number: write the value first, then the unit "
                   "(e.g. '200 planificateurs').")
            return
        fields = {"value": value, "unit": unit.strip() or None}
    start = end = None
    stored_text = getattr(article(article_id), "text", "")
    wanted = text.strip()
    # Found once, verbatim: the item gets its span, so the Article page highlights it too.
    if wanted and stored_text.count(wanted) == 1:
        start = stored_text.index(wanted)
        end = start + len(wanted)
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


NOTICE = "notice"  # (level, message) set by a callback, shown once by the next run


def notify(level: str, message: str) -> None:
    st.session_state[NOTICE] = (level, message)


def show_notice() -> None:
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        {"error": st.error, "success": st.success}[notice[0]](notice[1])


# -- loading ---------------------------------------------------------------------------------


def set_draft(article: Article) -> None:
    st.session_state[DRAFT] = article


def detected_language(article: Article) -> str:
    """The article's language as read, or detected from its text (UnsupportedLanguage for others)."""
    return article.lang or detect_language(article.text)


def published_bounds(today: date | None = None) -> tuple[date, date]:
    """The publication dates the Load page offers: those check_published accepts (up to tomorrow, for time zones)."""
    today = today or date.today()
    return EARLIEST_PUBLISHED, today + timedelta(days=1)


def plausible_published(published: date | None, today: date | None = None) -> date | None:
    """`published` when check_published accepts it, else None, so the date picker never gets a value it refuses."""
    try:
        return check_published(published, today=today)
    except SourceError:
        return None


def stored_article(article_id: str):
    """The stored version of an article, or None (also None when the store cannot be reached)."""
    try:
        return article(article_id)
    except StoreUnavailable:
        return None


def ingest(article: Article):
    """Extract and store `article`; returns (extraction, IngestOutcome). Reviews of a known article are kept."""
    result = extraction(article)
    outcome = store().save_extraction(result)
    after_write()
    open_article(outcome.article_id)
    return result, outcome
