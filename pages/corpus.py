"""Corpus: every stored article with language, date, counts and how far its review has gone."""
import streamlit as st

from lib import corpus, session
from lib.highlight import plain

st.title("Corpus")
session.show_notice()
with session.reported_errors():
    summaries = session.articles()
    if not summaries:
        st.info("The store is empty: load an article first.")
        st.page_link("pages/load.py", label="Load an article", icon=":material/upload_file:")
        st.stop()
    table = corpus.corpus_frame(summaries)
    checked, total = int(table["checked"].sum()), int(table["total"].sum())
    st.progress(checked / total if total else 0.0, text=f"{checked} of {total} items checked in {len(table)} articles")
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_order=["title", "lang", "published", "claims", "figures", "events", "progress", "ingested_at"],
        column_config={
            "title": st.column_config.TextColumn("Title", width="large"),
            "progress": st.column_config.ProgressColumn("Checked", min_value=0.0, max_value=1.0, format="percent"),
            "published": st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
            "ingested_at": st.column_config.DatetimeColumn("Loaded", format="YYYY-MM-DD HH:mm"),
        },
    )
    titles = dict(zip(table["id"], table["title"]))
    chosen = st.selectbox("Article", list(titles), format_func=titles.get, key="corpus-article",
                          index=list(titles).index(session.current_article())
                          if session.current_article() in titles else 0)
    if st.button("Open its review", type="primary", key="corpus-open"):
        session.open_article(chosen)
        st.switch_page("pages/review.py")
    with st.expander("Remove this article from the desk"):
        st.caption("It leaves every list and the all-articles exports. Nothing is deleted: its reviews stay in the "
                   "history, the removal is recorded with your name, and loading the same text again brings it back.")
        sure = st.checkbox(f"Remove “{plain(titles[chosen] or 'Untitled')}”", key=f"corpus-remove-sure-{chosen}")
        st.button("Remove from the desk", key="corpus-remove", disabled=not (sure and session.analyst()),
                  on_click=session.remove_article, args=(chosen,),
                  help=None if session.analyst() else "Enter your name in the sidebar first")
    removed = session.removals()
    if removed:
        with st.expander(f"Removed from the desk ({len(removed)})"):
            st.dataframe([{"Title": r.title, "Removed by": r.analyst, "At": f"{r.at:%Y-%m-%d %H:%M}"} for r in removed],
                         hide_index=True, width="stretch")
    speakers, figures = session.recurring()
    if len(speakers) or len(figures):
        st.subheader("What recurs across articles")
        left, right = st.columns(2)
        left.dataframe(speakers, hide_index=True, width="stretch")
        right.dataframe(figures, hide_index=True, width="stretch")
