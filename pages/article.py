"""Article: the text with every extracted span highlighted by kind and status, and one item's details."""
import streamlit as st

from lib import highlight, session
from lib.highlight import plain

st.title("Article")
article_id = session.require_article()

with session.reported_errors():
    article = session.article(article_id)
    if article is None:
        st.error(f"Article {plain(article_id)} is not in the store. Open another one from the corpus.")
        st.stop()
    items = session.items(article_id)
    st.caption(highlight.article_caption(article))
    marks = highlight.marks_from_items(items)
    by_id = {item.id: item for item in items}
    orphans = sum(item.orphaned for item in items)

    text, details = st.columns([3, 1])
    with details:
        st.html(highlight.legend())
        with_orphans = st.toggle(f"Show orphaned ({orphans})", key="article-orphaned", disabled=not orphans,
                                 help="Reviews whose item a newer extraction no longer finds; kept, never deleted")
        choices = highlight.item_choices(items, include_orphaned=with_orphans)
        chosen = st.selectbox("Item", list(choices), index=None, key="article-item", format_func=choices.get,
                              placeholder="Pick an item to see its details")
        if chosen:
            item = by_id[chosen]
            review = item.review
            st.markdown(f"**{item.kind}** · status **{review.status}** · version {review.version}"
                        + (" · **orphaned**: a newer extraction no longer finds it" if item.orphaned else ""))
            st.text(item.text)
            st.json({k: v for k, v in (item.fields or {}).items()}, expanded=True)
            if review.note:
                st.text(f"Note: {review.note}")
            for link in review.evidence:
                st.text(f"Evidence: {link}")
            history = session.store().history(item.id)
            if history:
                st.caption("History: " + " → ".join(f"{h.status} ({plain(h.analyst)})" for h in history))
    with text:
        st.html(highlight.render(article.text, marks, selected=chosen))
