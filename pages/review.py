"""Review: one table per kind with its chart beside it, filters, counts, one Save for every edit."""
import streamlit as st

from lib import charts, edits, review_table as rt, session
from lib.highlight import article_caption, plain

KINDS = {"claim": "Claims", "figure": "Figures", "event": "Timeline"}
PAGE_SIZE = 100

st.title("Review")
article_id = session.require_article(offer_corpus=True)

session.show_notice()
session.show_last_save()
for conflict in st.session_state[session.CONFLICTS]:
    with st.container(border=True):
        st.warning(conflict.describe())
        keep_mine, keep_theirs = st.columns(2)
        keep_mine.button("Keep mine (save it next)", key=f"mine-{conflict.edit.item_id}",
                         on_click=session.resolve_conflict, args=(conflict, True))
        keep_theirs.button("Keep theirs", key=f"theirs-{conflict.edit.item_id}",
                           on_click=session.resolve_conflict, args=(conflict, False))

with session.reported_errors():
    heading = st.container()  # the caption goes above the kind choice it depends on
    kind = st.radio("Items", list(KINDS), format_func=KINDS.get, horizontal=True, key="review-kind")
    article, stored = session.review_source(article_id, kind)
    heading.caption(article_caption(article) if article else f"Article {plain(article_id)} is not in the store.")
    filters = session.filters_from_widgets(kind, rt.filter_options(stored))
    view_ids = rt.filter_frame(stored, filters).index
    pages = rt.page_count(stored.loc[view_ids], PAGE_SIZE)
    number = st.number_input("Page", 1, pages, key=f"page-{kind}-{pages}") if pages > 1 else 1

    table, chart = st.columns([3, 2])
    problems = session.review_editor(table, kind, rt.page(stored.loc[view_ids], number, PAGE_SIZE),
                                     (article_id, kind, filters, number, st.session_state[session.GENERATION]))
    for problem in problems:
        table.error(plain(f"Not kept: {problem}"))

    seen = edits.apply_pending(stored.loc[view_ids], session.pending(kind))
    counts = rt.progress(seen)
    chart.altair_chart(charts.chart_for(kind, seen), width="stretch")
    orphans = rt.orphaned_count(stored)
    table.progress(counts.share, text=f"{counts.checked} of {counts.total} checked "
                   f"({len(view_ids)} shown of {len(stored)})" + (f" · {orphans} orphaned" if orphans else "")
                   + f" · {len(session.all_pending())} unsaved")

    can_save = bool(session.analyst()) and bool(session.all_pending())
    if table.button("Save", type="primary", disabled=not can_save, key="save",
                    help=None if session.analyst() else "Enter your name in the sidebar first"):
        session.save_all()
        st.rerun()

    if kind in ("claim", "figure"):
        with st.expander(f"Add a {kind} that extraction missed"), st.form(f"add-{kind}", clear_on_submit=True):
            st.text_area("Text as in the article", key=f"add-text-{kind}")
            st.text_input("Speaker" if kind == "claim" else "Value and unit, e.g. '200 planificateurs'",
                          key=f"add-detail-{kind}")
            st.form_submit_button("Add", disabled=not session.analyst(), key=f"add-{kind}-submit",
                                  on_click=session.add_item, args=(article_id, kind))
