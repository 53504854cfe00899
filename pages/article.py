"""Article: the text with every extracted span highlighted; clicking one opens the same review panel as Review."""
import streamlit as st

from lib import edits, highlight, session
from lib.highlight import plain

ITEM = "article-item"


def pick(item_id: str | None) -> None:
    if item_id:
        st.session_state[ITEM] = item_id


st.title("Article")
article_id = session.require_article()

with session.reported_errors():
    seen = session.stamp()
    article = session.article(article_id)
    if article is None:
        st.error(f"Article {plain(article_id)} is not in the store. Open another one from the corpus.")
        st.stop()
    items = session.items(article_id)
    st.caption(highlight.article_caption(article) + " · click a highlighted passage to review it")
    session.save_messages()
    by_id = {item.id: item for item in items}
    orphans = sum(item.orphaned for item in items)

    text, details = st.columns([3, 2], gap="medium")
    with details:
        st.html(highlight.legend())
        with_orphans = st.toggle(f"Show orphaned ({orphans})", key="article-orphaned", disabled=not orphans,
                                 help="Reviews whose item a newer extraction no longer finds; kept, never deleted")
        choices = highlight.item_choices(items, include_orphaned=with_orphans)
        if st.session_state.get(ITEM) not in choices:
            st.session_state.pop(ITEM, None)
        chosen = st.selectbox("Item", list(choices), index=None, key=ITEM, format_func=choices.get,
                              placeholder="Click a passage, or pick an item here")
        if chosen:
            item = by_id[chosen]
            if item.orphaned:
                st.warning("Orphaned: a newer extraction no longer finds this item; its review is kept.")
            kind = str(item.kind)
            rows = edits.apply_pending(session.frame(article_id, kind), session.pending(kind))
            session.review_panel(rows, kind, [chosen], article.text, items, key="article-panel")
    with text:
        session.clickable_text(highlight.render(article.text, highlight.marks_from_items(items), selected=chosen),
                               key="article-text", on_click=pick)
    session.watch(seen)
