"""Fact Desk: page config, shared state, navigation over pages/ — nothing else (STYLE habit 1)."""
import streamlit as st

from lib import session

st.set_page_config(page_title="Fact Desk", page_icon="🔎", layout="wide")
session.init_state()
session.analyst_sidebar()
pg = st.navigation(
    [
        st.Page("pages/load.py", title="Load", icon=":material/upload_file:", default=True),
        st.Page("pages/review.py", title="Review", icon=":material/fact_check:"),
        st.Page("pages/article.py", title="Article", icon=":material/article:"),
        st.Page("pages/corpus.py", title="Corpus", icon=":material/library_books:"),
        st.Page("pages/export.py", title="Export", icon=":material/download:"),
    ]
)
pg.run()
