"""Article: the text with every extracted span highlighted; clicking one opens the same review panel as Review."""
import streamlit as st

from lib import edits, highlight, session
from lib.highlight import plain

ITEM = "article-item"

session.via_dashboard()
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
    # The text scrolls in its own box, so the panel stays beside the passage clicked; drawn first,
    # a click on a span picks the item before the item choice is drawn.
    with text, st.container(height=720, border=False):
        clicked = session.clickable_text(
            highlight.render(article.text, highlight.marks_from_items(items), selected=st.session_state.get(ITEM)),
            key="article-text")
    if clicked and clicked in by_id and clicked != st.session_state.get(ITEM):
        st.session_state[ITEM] = clicked
        st.rerun()  # once, so the text outlines what was clicked
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
    session.watch(seen)
