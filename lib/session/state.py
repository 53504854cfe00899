"""Session state under named keys, and the writes a page asks for: saving edits, adding items, ingesting.

The database holds the truth; `st.session_state` holds only who is working, the
current article, the draft being loaded and the analyst's unsaved edits, under the
keys below. Every write clears the cached reads (`loaders.after_write`).
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lib import removals, workspace
from lib.drafts import drop_draft, keep_draft, settle_drafts
from lib.edits import Conflict, NotANumber, SaveReport, find_span, parse_evidence, parse_figure_detail, save_edits
from lib.errors import explain
from lib.highlight import plain
from lib.models import Article, Kind
from lib.workspace import Shown
from lib.session.loaders import after_write, article, extraction, new_run, store
from lib.store import StoreUnavailable
from lib.validation import InvalidInput, analyst_name, dashboard_text

ANALYST = "analyst"  # the analyst's name (sidebar choice, bound to the URL's ?analyst= so a reload keeps it)
ARTICLE = "article_id"  # the article under review, mirrored in the URL so a reload keeps it
DRAFT = "draft"  # the Article read on the Load page, before extraction
PENDING = "pending"  # {kind: {item_id: Edit}} unsaved edits, kept when saving fails
CONFLICTS = "conflicts"  # [Conflict] from the last save
LAST_SAVE = "last_save"  # {article_id: SaveReport} of the last save on each article, shown once on that article
OWN_SAVES = "own_saves"  # {item_id: {version saved over: (version written, Edit)}} what this session wrote
REFUSED = "refused"  # {item_id: message} a value the panel refused (bad evidence link), shown under its field
FIELD_BASES = "field_bases"  # {item_id: Shown} the review the panel's note and evidence fields were opened on
GENERATION = "editor_generation"  # bumped after a write so the add-item forms and lists start afresh
LAST_FRAMES = "last_frames"  # {(article_id, kind): frame} last good read, shown when the database goes away
LAST_ARTICLES = "last_articles"  # {article_id: Article | None} last good read, for the caption above the tables
NOTICE = "notice"  # (level, message) set by a callback, shown once by the next run
KEPT_CONFLICTS = "kept_conflicts_restored"  # {article_id} whose conflicts kept in the store were put back here
FIELD_RESETS = "field_resets"  # {item_id: n} bumped when a typed draft is discarded: its fields start afresh


def init_state() -> None:
    """Defaults for every shared key; the article comes back from the URL after a reload."""
    new_run()  # reads of this run key on the store's stamp as it is now
    # ANALYST is a widget key: a default set here before the widget registers would wipe what was typed.
    defaults = {ARTICLE: None, DRAFT: None, PENDING: {}, CONFLICTS: [], LAST_SAVE: {}, GENERATION: 0,
                OWN_SAVES: {}, REFUSED: {}, FIELD_BASES: {}}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    # The URL names the open article (open_article writes both): a link to /review?article=ID opens ID
    # even in a session that had another open; a URL without one gets the session's back.
    from_url = st.query_params.get("article")
    if from_url and from_url != st.session_state[ARTICLE]:
        st.session_state[ARTICLE] = from_url
    elif st.session_state[ARTICLE] and not from_url:
        st.query_params["article"] = st.session_state[ARTICLE]


def analyst() -> str:
    """The analyst's name as lib.validation accepts it, else '' (saving then waits for a name, as with none)."""
    try:
        return analyst_name(str(st.session_state.get(ANALYST) or ""))
    except InvalidInput:
        return ""


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
    """Count one more write of this session (widgets keyed on it start from the stored values)."""
    st.session_state[GENERATION] += 1


def save_all() -> SaveReport:
    """Save every pending edit; saved ones leave the pending set, conflicts and unreachable ones stay.

    The report belongs to the article open now: another article's page never shows it.
    """
    edits = all_pending()
    try:
        report = save_edits(store(), edits, analyst())
    except StoreUnavailable as error:
        report = SaveReport(unsaved=tuple(edits), error=str(error))
    done = set(report.saved)
    own = st.session_state.setdefault(OWN_SAVES, {})
    for item_id in done:
        edit = edits[item_id]
        own.setdefault(item_id, {})[edit.expected_version] = (edit.expected_version + 1, edit)
    for kind, kind_edits in st.session_state[PENDING].items():
        st.session_state[PENDING][kind] = {i: e for i, e in kind_edits.items() if i not in done}
    conflicted = {c.edit.item_id for c in report.conflicts}
    st.session_state[CONFLICTS] = [c for c in st.session_state[CONFLICTS] if c.edit.item_id not in conflicted]
    st.session_state[CONFLICTS] += list(report.conflicts)
    st.session_state[LAST_SAVE][current_article()] = report
    _keep_in_drafts(report, edits)
    if report.saved or report.conflicts:
        after_write()
        fresh_editors()
    return report


def _keep_in_drafts(report: SaveReport, edits: dict) -> None:
    """What a save settles leaves the analyst's drafts; an edit that met a colleague's save is kept there
    (with the status chosen), so the choice between the two survives a reload."""
    name = analyst()
    if not name or report.error:
        return
    try:
        database = store().database
        settle_drafts(database, name, {item_id: edits[item_id] for item_id in report.saved})
        for conflict in report.conflicts:
            edit = conflict.edit
            keep_draft(database, name, edit.item_id, base_version=edit.expected_version, note=edit.note,
                       evidence=" ".join(edit.evidence), status=edit.status, conflict=True)
    except (StoreUnavailable, LookupError):
        pass  # the edits stay pending in this session; the database says why on the next save


def last_save() -> SaveReport | None:
    """The report of the last save made on the open article, once (another article's is kept for it)."""
    return st.session_state[LAST_SAVE].pop(current_article(), None)


def change(shown: Shown, **fields) -> None:
    """Callback of the review panel: save `fields` (status, note, evidence) of the item as rendered, now."""
    edit = workspace.edit_for(shown, st.session_state.setdefault(OWN_SAVES, {}), **fields)
    pending(shown.kind)[shown.item_id] = edit
    save_all()


def decide(shown: list[Shown], status: str) -> None:
    """Callback of a status button: one status for every item rendered in the panel, saved now."""
    own = st.session_state.setdefault(OWN_SAVES, {})
    for one in shown:
        pending(one.kind)[one.item_id] = workspace.edit_for(one, own, status=status)
    save_all()


def change_note(shown: Shown, key: str) -> None:
    change(shown, note=str(st.session_state.get(key) or ""))


def change_evidence(shown: Shown, key: str) -> None:
    """A refused link is shown under the field and nothing is saved; the note and status are untouched."""
    refused = st.session_state.setdefault(REFUSED, {})
    try:
        links = parse_evidence(str(st.session_state.get(key) or ""))
    except ValueError as error:
        refused[shown.item_id] = f"Not saved: {error}. Links start with http:// or https://."
        return
    refused.pop(shown.item_id, None)
    change(shown, evidence=links)


def retry_unsaved() -> None:
    """Button callback: try again the changes the database refused while it was away."""
    save_all()


def resolve_conflict(conflict: Conflict, keep_mine: bool) -> None:
    """Keep mine: write it over the version now saved, at once. Keep theirs: drop mine.

    Until then the edit stays pending (shown as mine) and every save meets the same conflict
    again: it is never written over theirs without this choice.
    """
    item_id = conflict.edit.item_id
    st.session_state[CONFLICTS] = [c for c in st.session_state[CONFLICTS] if c.edit.item_id != item_id]
    st.session_state.setdefault(FIELD_BASES, {}).pop(item_id, None)  # settled: the fields start from the store
    for kind_edits in st.session_state[PENDING].values():
        if item_id in kind_edits:
            if keep_mine:
                kind_edits[item_id] = replace(conflict.edit, expected_version=int(conflict.theirs.version))
            else:
                del kind_edits[item_id]
    if keep_mine:
        save_all()  # a save settles the kept conflict (lib.drafts.settle_drafts)
    else:
        try:
            drop_draft(store().database, analyst(), item_id)
        except StoreUnavailable:
            pass
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
    notify("success", f"Added the {kind} to the list, marked as added by hand.")


def remove_article(article_id: str) -> None:
    """Button callback: take the article off the desk in the analyst's name (reviews kept, removal recorded)."""
    try:
        removal = removals.remove_article(store().database, article_id, analyst())
    except (ValueError, LookupError, StoreUnavailable) as error:
        notify("error", plain(f"Not removed: {explain(error) if isinstance(error, StoreUnavailable) else error}."))
        return
    after_write()
    if st.session_state.get(ARTICLE) == article_id:
        st.session_state[ARTICLE] = None
        st.query_params.pop("article", None)
    notify("success", f"“{plain(removal.title or 'Untitled')}” is off the desk. Its reviews are kept: loading the "
           "same text again brings it back with them.")


def restore_article(article_id: str) -> None:
    """Button callback: put an article back on the desk in the analyst's name (every review as it was)."""
    try:
        restored = removals.restore_article(store().database, article_id, analyst())
    except (ValueError, LookupError, StoreUnavailable) as error:
        notify("error", plain(f"Not restored: {explain(error) if isinstance(error, StoreUnavailable) else error}."))
        return
    after_write()
    notify("success", f"“{plain(restored.title or 'Untitled')}” is back on the desk with all its reviews.")


# -- loading ---------------------------------------------------------------------------------


def set_draft(article: Article | None) -> None:
    """Keep `article` for the Load page; a text too long to extract here is refused before it is shown."""
    if article is not None:
        dashboard_text(article.text)
    st.session_state[DRAFT] = article


def read_draft(read, *args) -> Article:
    """`read(*args)` becomes the draft; the previous draft goes first, so a read that fails leaves none."""
    st.session_state[DRAFT] = None
    article = read(*args)
    set_draft(article)
    return article


def ingest(article: Article, progress=None):
    """Extract and store `article`; returns (extraction, IngestOutcome). Reviews of a known article are kept.

    With `progress(share, step)` the extraction reports as it goes (see loaders.extraction).
    """
    result = extraction(article, progress)
    outcome = store().save_extraction(result)
    after_write()
    open_article(outcome.article_id)
    return result, outcome
