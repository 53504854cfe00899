"""The review workspace's widgets: the list of one kind, the panel of the selected items, conflicts, live updates.

Every change in the panel is saved as it is made (`state.change`, `state.decide`), against
the version the panel rendered; the Review and Article pages draw the same panel.
"""
from __future__ import annotations

import re

import streamlit as st

from lib import workspace
from lib.edits import Conflict
from lib.highlight import plain
from lib.models import STATUS_SHORTCUTS, STATUSES, status_label
from lib.session.loaders import stamp, store
from lib.session.drafts import (
    discard_typed_draft, field_base, field_generation, keep_typed, restore_kept_conflicts, save_typed_draft,
    typed_drafts,
)
from lib.session.state import (
    CONFLICTS, REFUSED, all_pending, analyst, change_evidence, change_note, current_article, decide, last_save,
    resolve_conflict, retry_unsaved,
)
from lib.store import StoreUnavailable

# How often an open page asks the store whether anyone else saved (one cheap query).
LIVE_SECONDS = 3


# The list is our escaped HTML (lib.workspace.list_html). A click selects a row; Ctrl/Cmd-click adds or
# removes one, Shift-click a range: what the analyst selected comes back as the `selected` ids.
_LIST_JS = """
export default function(component) {
    const { data, setStateValue, parentElement } = component;
    let holder = parentElement.querySelector('.fd-holder');
    if (!holder) {
        holder = document.createElement('div');
        holder.className = 'fd-holder';
        parentElement.appendChild(holder);
    }
    holder.innerHTML = data.html;
    let selected = data.selected.slice();
    const rows = Array.from(holder.querySelectorAll('[data-row]'));
    const ids = rows.map((row) => row.getAttribute('data-row'));
    let last = ids.indexOf(selected[selected.length - 1]);
    rows.forEach((row, index) => {
        row.style.cursor = 'pointer';
        row.addEventListener('click', (event) => {
            const id = ids[index];
            if (event.shiftKey && last >= 0) {
                const [from, to] = [Math.min(last, index), Math.max(last, index)];
                selected = Array.from(new Set([...selected, ...ids.slice(from, to + 1)]));
            } else if (event.ctrlKey || event.metaKey) {
                selected = selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
            } else {
                selected = [id];
            }
            last = index;
            rows.forEach((r, i) => {
                const on = selected.includes(ids[i]);
                r.style.background = on ? '#eaf1f8' : '';
                r.style.borderLeftColor = on ? '#1f4e79' : 'transparent';
            });
            setStateValue('selected', selected);
        });
    });
}
"""
_list = st.components.v2.component("factdesk_review_list", js=_LIST_JS)
LIST_HEIGHT = 620


def selection_key(kind: str) -> str:
    return f"selected-{kind}"


def review_list(container, rows, kind: str, key: str) -> list[str]:
    """The readable list of `rows` (one page); returns the ids of the rows the analyst selected."""
    chosen = [i for i in st.session_state.get(selection_key(kind), []) if i in rows.index]
    unsaved = set(all_pending()) | set(typed_drafts(current_article()))
    markup = workspace.list_html(rows, kind, chosen, unsaved=unsaved)
    with container, st.container(height=LIST_HEIGHT if len(rows) > 6 else "content", border=True):
        _list(data={"html": markup, "selected": chosen}, key=key,
              on_selected_change=lambda: _keep_selection(key, kind))
    return chosen


def _keep_selection(key: str, kind: str) -> None:
    value = st.session_state.get(key)
    picked = value.get("selected") if isinstance(value, dict) else getattr(value, "selected", None)
    st.session_state[selection_key(kind)] = list(picked or [])


def review_panel(rows, kind: str, selected: list[str], article_text: str, items, key: str) -> None:
    """The selected items: one in its paragraph with what it holds, its note, evidence and history;
    several at once get one status for all. `rows` are frame rows with the unsaved edits on top."""
    # The draft keeper has one place, drawn on every run whatever is selected: mounted once, never afresh
    # at the moment of a click (a keeper mounted with each new item made the next status key go unheard).
    keeper = st.empty()
    shown = workspace.shown_rows(rows.loc[[i for i in selected if i in rows.index]], kind) if selected else []
    if len(shown) != 1 or not analyst():
        with keeper:
            keep_typing(None, {}, key=f"{key}-draft-keeper")
    if not selected:
        st.info("Select a row in the list (several with Shift or Ctrl) to read it in context and decide.")
        return
    if not shown:
        return
    by_id = {item.id: item for item in items}
    if len(shown) == 1:
        one = shown[0]
        item = by_id.get(one.item_id)
        st.markdown(f"**{workspace.KIND_NAMES.get(str(kind), kind)}** · "
                    f":{_badge_colour(one.status)}-badge[{status_label(one.status)}]"
                    + (f" · {plain(item.fields.get('speaker'))}" if item and (item.fields or {}).get("speaker") else ""))
        if item is not None:
            st.html(workspace.context_html(article_text, item, items))
            with_it = workspace.related(item, items)
            if with_it:
                st.caption("With it: " + " · ".join(plain(workspace.describe(o)) for o in with_it))
    else:
        st.markdown(f"**{len(shown)} {workspace.KIND_NAMES.get(str(kind), kind).lower()}s selected**: "
                    "one status for all")
    status_buttons(shown, key)
    if len(shown) == 1:
        note_and_evidence(shown[0], key, keeper)
        history(shown[0].item_id)


def _badge_colour(status: str) -> str:
    return {"verified": "green", "false": "red", "misleading": "orange", "inconclusive": "violet",
            "in_progress": "blue", "not_a_claim": "gray"}.get(status, "gray")


def status_buttons(shown: list, key: str) -> None:
    """One button per status, each with its key (V verified, F false, …); disabled until the analyst is named."""
    named = bool(analyst())
    with st.container(horizontal=True, gap="small"):
        for status in STATUSES:
            current = all(one.status == status for one in shown)
            st.button(
                status_label(status), key=f"{key}-status-{status}", shortcut=STATUS_SHORTCUTS[status],
                type="primary" if current else "secondary", disabled=not named, width="content",
                help=f"Key {STATUS_SHORTCUTS[status]}" if named else "Enter your name in the sidebar first",
                on_click=decide, args=(shown, status),
            )


def note_and_evidence(shown, key: str, keeper) -> None:
    """The note and the evidence links, each saved when the analyst leaves the field; a bad link is refused alone.

    What is typed before that reaches the server after each pause (the draft keeper) and is kept in
    the store as the analyst's draft, marked unsaved here and in the list; a reload puts it back in its field.
    """
    named = bool(analyst())
    drafted = typed_drafts(current_article()).get(shown.item_id) if named else None
    one = field_base(shown, drafted)
    if one.version != shown.version:
        st.caption(f"Saved meanwhile as {status_label(shown.status)}"
                   + (f" with the note “{plain(shown.note)}”" if shown.note else "")
                   + ": what you type here is checked against it before it is saved.")
    # The keys carry the base version: after this session's own save the fields start from the store again,
    # while another analyst's save leaves them, and the text being typed, alone.
    suffix = f"{one.item_id}-{one.version}-{field_generation(one.item_id)}"
    note_key, evidence_key = f"{key}-note-{suffix}", f"{key}-evidence-{suffix}"
    if named:
        with keeper:
            if keep_typing(one, {"note": note_key, "evidence": evidence_key}, key=f"{key}-draft-keeper"):
                drafted = typed_drafts(current_article()).get(shown.item_id)
    # A field takes its value once, when it is first drawn: after a reload, from the draft.
    note = drafted.note if drafted is not None and drafted.note is not None else one.note
    links = drafted.evidence if drafted is not None and drafted.evidence is not None else " ".join(one.evidence)
    st.text_area("Note", value=note, key=note_key, disabled=not named, height=90,
                 on_change=change_note, args=(one, note_key),
                 help="Saved when you leave the field (or Ctrl+Enter); kept as a draft while you type")
    st.text_input("Evidence links", value=links, key=evidence_key, disabled=not named,
                  on_change=change_evidence, args=(one, evidence_key),
                  help="http(s) addresses separated by spaces; saved when you press Enter or leave the field")
    refused = st.session_state.get(REFUSED, {}).get(one.item_id)
    if refused:
        st.error(plain(refused))
    if drafted is not None and not drafted.conflict:
        draft_box(one, drafted, key)


def draft_box(one, draft, key: str) -> None:
    """A draft of typing not saved yet: marked unsaved, with the choice to save or discard it."""
    parts = " and ".join(p for p, v in (("note", draft.note), ("evidence links", draft.evidence)) if v is not None)
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.markdown(f":orange[{workspace.UNSAVED_MARK} **Unsaved draft**] of the {parts}, kept "
                    f"{draft.updated_at:%H:%M:%S} UTC: not saved yet.")
        st.button("Save draft", key=f"{key}-draft-save-{one.item_id}", on_click=save_typed_draft, args=(one,),
                  type="primary", width="content")
        st.button("Discard draft", key=f"{key}-draft-discard-{one.item_id}", on_click=discard_typed_draft,
                  args=(one.item_id,), width="content")


# The note and evidence fields are Streamlit's own: the browser sends their value only when the analyst
# leaves the field. This keeper listens to them (found by their st-key- class) and, after each pause in
# typing or when the page is being left, sends what they hold; leaving the field cancels it (Streamlit
# saves the value then). The sender is looked up when it fires, so a keeper drawn again never sends stale.
_KEEPER_JS = """
export default function(component) {
    const { data, setTriggerValue, parentElement } = component;
    const doc = parentElement.ownerDocument || document;
    const senders = (window.__fdDraftSenders = window.__fdDraftSenders || {});
    let tries = 0;
    const attach = () => {
        let missing = 0;
        for (const field of data.fields) {
            senders[field.selector] = (text) => setTriggerValue('typed', { part: field.part, item: field.item, text });
            const box = doc.querySelector(`.${field.selector} textarea, .${field.selector} input`);
            if (!box) { missing += 1; continue; }
            if (box.dataset.fdDraft === field.selector) continue;
            box.dataset.fdDraft = field.selector;
            let sent = box.value;
            const send = () => {
                clearTimeout(box.fdTimer);
                if (box.value !== sent && senders[field.selector]) {
                    sent = box.value;
                    senders[field.selector](box.value);
                }
            };
            box.addEventListener('input', () => {
                clearTimeout(box.fdTimer);
                box.fdTimer = setTimeout(send, data.wait);
            });
            box.addEventListener('blur', () => clearTimeout(box.fdTimer));
            box.addEventListener('keydown', (event) => {
                const commits = event.key === 'Enter' && (box.tagName === 'INPUT' || event.ctrlKey || event.metaKey);
                if (commits) clearTimeout(box.fdTimer);
            });
            const leaving = () => { if (doc.activeElement === box) send(); };
            window.addEventListener('beforeunload', leaving);
            window.addEventListener('pagehide', leaving);
        }
        if (missing && tries++ < 50) setTimeout(attach, 100);
    };
    attach();
}
"""
_keeper = st.components.v2.component("factdesk_draft_keeper", js=_KEEPER_JS)
# How long typing pauses before what was typed is kept (ms): long enough to stay off the keyboard's way.
TYPING_PAUSE_MS = 700


def widget_class(key: str) -> str:
    """The CSS class Streamlit gives the element of widget `key` (its frontend's own rule)."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def keep_typing(one, fields: dict[str, str], key: str) -> bool:
    """The draft keeper of the fields {part: widget key} of `one` (none: no field open); True when what it sent
    on this run was kept.

    Each pause in typing reruns the whole page, as a click in the list does, and the field keeps what is
    being typed. The keeper stays mounted while the selection changes (a keeper mounted afresh with each
    item made the status key pressed right after a click go unheard in the browser test); what it sends
    names its item, and text sent for an item no longer shown is left (leaving its field saved it).
    """
    data = {"fields": [{"part": part, "selector": widget_class(k), "item": one.item_id} for part, k in fields.items()],
            "wait": TYPING_PAUSE_MS}
    typed = getattr(_keeper(data=data, key=key, on_typed_change=lambda: None, height="content"), "typed", None)
    return (one is not None and isinstance(typed, dict) and typed.get("item") == one.item_id
            and keep_typed(one, str(typed.get("part")), str(typed.get("text") or "")))


def history(item_id: str) -> None:
    try:
        reviews = store().history(item_id)
    except StoreUnavailable:
        return
    if reviews:
        st.caption("History")
        st.dataframe(workspace.history_frame(reviews), hide_index=True, width="stretch",
                     height=min(36 * len(reviews) + 40, 220))
    else:
        st.caption("History: never reviewed yet.")


def save_messages() -> None:
    """What the last save on this article did, once; the changes still waiting for the database; the conflicts
    (those kept from before a reload come back first)."""
    restore_kept_conflicts(current_article())
    report = last_save()
    if report is not None:
        if report.level == "success":
            st.toast(report.summary(), icon=":material/check:")
        else:
            getattr(st, report.level)(report.summary() + (" — the database could not be reached; your changes "
                                                          "are kept here until it is back." if report.error else ""))
    waiting = all_pending()
    conflicted = {c.edit.item_id for c in st.session_state[CONFLICTS]}
    if set(waiting) - conflicted:
        st.button(f"Retry saving {len(set(waiting) - conflicted)} change(s)", key="retry", on_click=retry_unsaved,
                  disabled=not analyst(), icon=":material/sync:")
    for conflict in st.session_state[CONFLICTS]:
        conflict_box(conflict)


def conflict_box(conflict: Conflict) -> None:
    """Both versions (Conflict.describe) and the choice; nothing is written until the analyst picks one."""
    with st.container(border=True):
        st.warning(conflict.describe())
        keep_mine, keep_theirs = st.columns(2)
        keep_mine.button("Keep mine", key=f"mine-{conflict.edit.item_id}", on_click=resolve_conflict,
                         args=(conflict, True), disabled=not analyst(), help="Written over theirs, now")
        keep_theirs.button("Keep theirs", key=f"theirs-{conflict.edit.item_id}", on_click=resolve_conflict,
                           args=(conflict, False), help="Your change is dropped")


def watch(seen) -> None:
    """Every few seconds, one cheap query: when anyone has written since `seen` (a Stamp), the page redraws."""

    @st.fragment(run_every=LIVE_SECONDS)
    def _watch():
        now = stamp()
        if now is not None and now != seen:
            st.rerun(scope="app")

    _watch()


# The article text is our escaped HTML (lib.highlight.render): the script only listens for
# clicks on its marks and names the item clicked; the innermost mark wins (a figure inside a claim).
_CLICKABLE_JS = """
export default function(component) {
    const { data, setTriggerValue, parentElement } = component;
    let holder = parentElement.querySelector('.fd-holder');
    if (!holder) {
        holder = document.createElement('div');
        holder.className = 'fd-holder';
        parentElement.appendChild(holder);
    }
    holder.innerHTML = data;
    holder.querySelectorAll('[data-item]').forEach((mark) => {
        mark.style.cursor = 'pointer';
        mark.addEventListener('click', (event) => {
            event.stopPropagation();
            setTriggerValue('clicked', mark.getAttribute('data-item'));
        });
    });
}
"""
_clickable = st.components.v2.component("factdesk_clickable_text", js=_CLICKABLE_JS)


def clickable_text(markup: str, key: str) -> str | None:
    """Escaped article markup whose highlighted spans can be clicked; the id of the item clicked on this run."""
    result = _clickable(data=markup, key=key, on_clicked_change=lambda: None)
    return getattr(result, "clicked", None)
