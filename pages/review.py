"""Review: per kind, a readable list beside the selected item in context; every decision saved as it is made."""
import streamlit as st

from lib import charts, edits, review_table as rt, session
from lib.highlight import article_caption, plain

KINDS = {"claim": "Claims", "figure": "Figures", "event": "Timeline"}
NOUNS = {"claim": "claims", "figure": "figures", "event": "events"}
PAGE_SIZE = 100

session.via_dashboard()
st.title("Review")
article_id = session.require_article(offer_corpus=True)

session.show_notice()
with session.reported_errors():
    seen = session.stamp()
    heading = st.container()  # the caption goes above the kind choice it depends on
    session.save_messages()
    session.choice_from_link("kind", KINDS, default="claim")
    kind = st.segmented_control("Items", list(KINDS), format_func=KINDS.get, key="kind", required=True,
                                bind="query-params", persist_state="session")
    article, stored = session.review_source(article_id, kind)
    heading.caption(article_caption(article) if article else f"Article {plain(article_id)} is not in the store.")
    filters = session.filters_from_widgets(kind, rt.filter_options(stored))
    seen_rows = edits.apply_pending(stored, session.pending(kind))
    view = rt.filter_frame(seen_rows, filters)
    whole = rt.progress(rt.filter_frame(seen_rows, rt.Filters(include_orphaned=False)))
    orphans = rt.orphaned_count(stored)
    st.progress(whole.share, text=f"{whole.checked} of {whole.total} {NOUNS[kind]} checked in this article · "
                f"{len(view)} match the filters" + (f" · {orphans} orphaned" if orphans else ""))

    pages = rt.page_count(view, PAGE_SIZE)
    number = 1
    if pages > 1:
        number = st.number_input(f"Page (of {pages})", 1, pages, key=f"page-{kind}")
    st.caption(f"Page {number} of {pages}")
    rows = rt.page(view, number, PAGE_SIZE)

    listing, panel = st.columns([3, 2], gap="medium")
    selected = session.review_list(listing, rows, kind, key=f"list-{kind}")
    with panel:
        items = session.panel_items(article_id, selected, getattr(article, "text", "")) if selected else []
        session.review_panel(rows, kind, selected, getattr(article, "text", ""), items, key="panel")

    # One row per event: the timeline follows the list's page (2,500 rows would be 60,000 pixels tall).
    session.draw_chart(charts.chart_for(kind, rows if kind == "event" else view))
    if kind == "event" and pages > 1:
        st.caption(f"The timeline shows the {len(rows)} events of page {number} of {pages}.")
    if kind in ("claim", "figure"):
        with st.expander(f"Add a {kind} that extraction missed"), st.form(f"add-{kind}", clear_on_submit=True):
            st.text_area("Text as in the article", key=f"add-text-{kind}")
            st.text_input("Speaker" if kind == "claim" else "Value and unit, e.g. '200 planificateurs'",
                          key=f"add-detail-{kind}")
            st.form_submit_button("Add", disabled=not session.analyst(), key=f"add-{kind}-submit",
                                  on_click=session.add_item, args=(article_id, kind))
    session.watch(seen)
