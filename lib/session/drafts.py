"""What the analyst typed and has not saved: drafts kept in the store (lib.drafts), and the fields they go back in.

The review panel's note and evidence fields answer one version of the review (`field_base`);
what is typed in them reaches the server after each pause (the panel's draft keeper) and
`keep_typed` keeps it as the analyst's draft, so a reload puts it back, marked unsaved, to be
saved or discarded; a conflict left undecided comes back beside the version it met.
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from lib import workspace
from lib.drafts import Draft, drafts_of, drop_draft, keep_draft
from lib.edits import Conflict, Edit, parse_evidence
from lib.errors import explain
from lib.highlight import plain, shorten
from lib.session.loaders import store
from lib.session.state import (
    CONFLICTS, FIELD_BASES, FIELD_RESETS, KEPT_CONFLICTS, OWN_SAVES, REFUSED, analyst, change, current_article,
    notify, pending,
)
from lib.store import StoreUnavailable
from lib.workspace import Shown


def field_base(shown: Shown, draft: Draft | None = None) -> Shown:
    """The review the note and evidence fields answer: the one they were opened on, moved on only by this
    session's own saves. Another analyst's save leaves them (and whatever is being typed) in place, and
    the next change there meets it as a conflict rather than writing over it. A draft kept from before a
    reload answers the version it was typed against, so it meets a save made meanwhile the same way."""
    bases = st.session_state.setdefault(FIELD_BASES, {})
    base = bases.get(shown.item_id)
    if base is None and draft is not None and draft.base_version != shown.version:
        base = _draft_base(shown, draft)
    if base is None or workspace.reaches(base.version, shown.version,
                                         st.session_state.setdefault(OWN_SAVES, {}).get(shown.item_id, {})):
        base = shown
    # Only the item open now keeps its base: opening it again later starts from the store.
    st.session_state[FIELD_BASES] = {shown.item_id: base}
    return base


def _draft_base(shown: Shown, draft: Draft) -> Shown:
    """The review as it stood when `draft` was typed (a kept conflict: the analyst's own edit at that version)."""
    if draft.conflict:
        return replace(shown, status=draft.status or shown.status, note=draft.note or "",
                       evidence=tuple((draft.evidence or "").split()), version=draft.base_version)
    try:
        then = {review.version: review for review in store().history(shown.item_id)}.get(draft.base_version)
    except StoreUnavailable:
        return shown
    if then is None:  # version 0: never reviewed when the typing started
        return replace(shown, status="unchecked", note="", evidence=(), version=draft.base_version)
    return replace(shown, status=str(then.status), note=then.note, evidence=tuple(then.evidence),
                   version=draft.base_version)


def typed_drafts(article_id: str | None) -> dict[str, Draft]:
    """The analyst's drafts in the article by item id ({} without a name or a database)."""
    name = analyst()
    if not name or not article_id:
        return {}
    try:
        return drafts_of(store().database, name, article_id)
    except StoreUnavailable:
        return {}


def keep_typed(shown: Shown, part: str, text: str) -> bool:
    """What the panel's draft keeper sends after a pause in typing: `text` of the note or evidence field of
    `shown`, kept in the store as the analyst's draft (dropped when it is back to the saved value).
    True when a draft is kept."""
    name = analyst()
    if not name or part not in ("note", "evidence"):
        return False
    saved = shown.note if part == "note" else " ".join(shown.evidence)
    try:
        if text.strip() == saved.strip():
            drop_draft(store().database, name, shown.item_id, part)
            return False
        keep_draft(store().database, name, shown.item_id, base_version=shown.version, **{part: text})
    except (StoreUnavailable, LookupError):
        return False
    return True


def save_typed_draft(shown: Shown) -> None:
    """Button callback: save the analyst's draft of the item, as it stands in the store now, as its review
    (a refused link alone waits). Nothing when the draft is gone (leaving the field saved it first)."""
    draft = typed_drafts(current_article()).get(shown.item_id)
    if draft is None:
        return
    fields = {"note": draft.note} if draft.note is not None else {}
    if draft.evidence is not None:
        try:
            fields["evidence"] = parse_evidence(draft.evidence)
        except ValueError as error:
            st.session_state.setdefault(REFUSED, {})[shown.item_id] = (
                f"Not saved: {error}. Links start with http:// or https://.")
    if fields:
        change(shown, **fields)


def discard_typed_draft(item_id: str) -> None:
    """Button callback: forget the analyst's draft of the item; its fields show the saved review again."""
    try:
        drop_draft(store().database, analyst(), item_id)
    except StoreUnavailable as error:
        notify("error", plain(explain(error)))
        return
    resets = st.session_state.setdefault(FIELD_RESETS, {})
    resets[item_id] = resets.get(item_id, 0) + 1
    st.session_state.setdefault(FIELD_BASES, {}).pop(item_id, None)
    st.session_state.setdefault(REFUSED, {}).pop(item_id, None)


def field_generation(item_id: str) -> int:
    """How many times the item's fields were reset in this session (part of their widget keys)."""
    return st.session_state.setdefault(FIELD_RESETS, {}).get(item_id, 0)


def restore_kept_conflicts(article_id: str | None) -> None:
    """Once per session and article: the conflicts the analyst left undecided (kept in the store) come back,
    each edit pending again and shown beside the version it met, so a reload never decides for them."""
    done = st.session_state.setdefault(KEPT_CONFLICTS, set())
    if not article_id or article_id in done or not analyst():
        return
    done.add(article_id)
    kept = [draft for draft in typed_drafts(article_id).values() if draft.conflict]
    if not kept:
        return
    try:
        items = {item.id: item for item in store().items(ids=[draft.item_id for draft in kept])}
    except StoreUnavailable:
        done.discard(article_id)
        return
    shown = {c.edit.item_id for c in st.session_state[CONFLICTS]}
    for draft in kept:
        item = items.get(draft.item_id)
        if item is None or draft.item_id in shown:
            continue
        edit = Edit(draft.item_id, draft.status or str(item.review.status), draft.note or "",
                    tuple((draft.evidence or "").split()), draft.base_version, shorten(item.text, 60))
        pending(item.kind)[draft.item_id] = edit
        if item.review.version != draft.base_version:
            st.session_state[CONFLICTS].append(Conflict(edit, item.review))
