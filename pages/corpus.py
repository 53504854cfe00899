"""Corpus: every article on the desk with language, date, counts and progress; taking one off the desk and back."""
import streamlit as st

from lib import corpus, session
from lib.highlight import plain

session.via_dashboard()
st.title("Corpus")
session.show_notice()
with session.reported_errors():
    seen = session.stamp()
    summaries = session.articles()
    off, history = session.removals()
    if not summaries:
        st.info("No article on the desk: load one" + (", or restore one below." if off else " first."))
        st.page_link("pages/load.py", label="Load an article", icon=":material/upload_file:")
    else:
        table = corpus.corpus_frame(summaries)
        checked, total = int(table["checked"].sum()), int(table["total"].sum())
        st.progress(checked / total if total else 0.0,
                    text=f"{checked} of {total} items checked in {len(table)} articles")
        st.dataframe(table, hide_index=True, width="stretch",
                     column_order=["title", "language", "published", "claims", "figures", "events", "progress",
                                   "ingested_at"],
                     column_config=session.labelled(
                         table, title=st.column_config.TextColumn("Title", width="medium"),
                         progress=st.column_config.ProgressColumn("Checked", min_value=0.0, max_value=1.0,
                                                                  format="percent"),
                         published=st.column_config.DateColumn("Published", format="YYYY-MM-DD"),
                         ingested_at=st.column_config.DatetimeColumn("Loaded", format="YYYY-MM-DD HH:mm")))
        titles = dict(zip(table["id"], table["title"]))
        chosen = st.selectbox("Article", list(titles), format_func=titles.get, key="corpus-article",
                              index=list(titles).index(session.current_article())
                              if session.current_article() in titles else 0)
        if st.button("Open its review", type="primary", key="corpus-open"):
            session.open_article(chosen)
            st.switch_page("pages/review.py")
        with st.expander("Remove this article from the desk"):
            st.caption("It leaves every list and the all-articles exports. Nothing is deleted: its reviews stay in "
                       "the history, the removal is recorded with your name, and Restore brings it back.")
            sure = st.checkbox(f"Remove “{plain(titles[chosen] or 'Untitled')}”", key=f"corpus-remove-sure-{chosen}")
            st.button("Remove from the desk", key="corpus-remove", disabled=not (sure and session.analyst()),
                      on_click=session.remove_article, args=(chosen,),
                      help=None if session.analyst() else "Enter your name in the sidebar first")
    if off:
        with st.expander(f"Off the desk ({len(off)})", expanded=not summaries):
            removed = {r.article_id: r for r in off}
            back = st.selectbox("Removed article", list(removed), key="corpus-restore-article",
                                format_func=lambda i: f"{removed[i].title or 'Untitled'} · removed by "
                                                      f"{removed[i].analyst} on {removed[i].at:%Y-%m-%d %H:%M}")
            st.button("Restore to the desk", key="corpus-restore", disabled=not session.analyst(),
                      on_click=session.restore_article, args=(back,), icon=":material/restore_from_trash:",
                      help="Back in every list with all its reviews; recorded with your name"
                      if session.analyst() else "Enter your name in the sidebar first")
    if history:
        with st.expander(f"Desk history ({len(history)})"):
            st.dataframe(corpus.desk_history_frame(history), hide_index=True, width="stretch")
    speakers, figures = session.recurring()
    if len(speakers) or len(figures):
        st.subheader("What recurs across articles")
        left, right = st.columns(2)
        left.dataframe(speakers, hide_index=True, width="stretch", column_config=session.labelled(speakers))
        right.dataframe(figures, hide_index=True, width="stretch", column_config=session.labelled(figures))
    session.watch(seen)
