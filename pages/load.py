"""Load: paste, upload, URL or a bundled seed; confirm language, title and date; extract and store."""
import dataclasses

import streamlit as st

from lib import session
from lib.errors import explain
from lib.extract.lang import SUPPORTED_LANGUAGES
from lib.highlight import language_name, plain
from lib.ingest import found_counts, stored_outcome
from lib.language import detected_language
from lib.models import with_metadata
from lib.sources import (
    SourceError, fetch_url, list_seeds, parse_published, published_bounds, read_bytes, read_seed, read_text,
)

SOURCES = ["Seed", "Paste", "Upload", "URL"]

session.via_dashboard()
st.title("Load an article")
origin = st.radio("From", SOURCES, horizontal=True, key="load-from")
if origin == "Seed":
    with session.reported_errors("seed"):
        seeds = list_seeds()
        seed = st.selectbox("Bundled article", seeds, format_func=lambda s: f"{s.title} ({language_name(s.lang)})",
                            key="seed")
        if seed is not None:
            st.caption(plain(seed.credit + (f". {seed.note}" if seed.note else "")))
        if st.button("Open seed", key="read-seed") and seed is not None:
            session.read_draft(read_seed, seed)
elif origin == "Paste":
    pasted = st.text_area("Article text", height=240, key="paste")
    if st.button("Read text", key="read-paste"):
        with session.reported_errors("paste"):
            session.read_draft(lambda text: read_text(text, source="pasted"), pasted)
elif origin == "Upload":
    upload = st.file_uploader("A .txt, .md or .html file", type=["txt", "md", "html", "htm"], key="upload")
    if upload is not None and st.button("Read file", key="read-upload"):
        with session.reported_errors("upload"):
            session.read_draft(read_bytes, upload.getvalue(), upload.name)
else:
    url = st.text_input("Address of the article (http or https)", key="url")
    if st.button("Fetch", key="read-url") and url:
        with session.reported_errors("url"), st.spinner("Fetching…"):
            session.read_draft(fetch_url, url)

draft = st.session_state[session.DRAFT]
if draft is None:
    st.stop()

st.subheader("Before extraction")
known = session.stored_article(draft.id)
if known is not None:
    st.info("This article is already in the store: extraction keeps its reviews and opens them.")
    draft = with_metadata(draft, known, draft)
detected = None
with session.reported_errors():
    detected = detected_language(draft)
lang = st.selectbox("Language", SUPPORTED_LANGUAGES, index=SUPPORTED_LANGUAGES.index(detected) if detected else None,
                    key=f"lang-{draft.id}", placeholder="Choose the article's language", format_func=language_name)
title = st.text_input("Title", value=draft.title, key=f"title-{draft.id}")
earliest, latest = published_bounds()
typed = st.text_input("Publication date", value=draft.published.isoformat() if draft.published else "",
                      key=f"published-{draft.id}", placeholder="YYYY-MM-DD",
                      help=f"Relative dates (\"vendredi\", \"last month\") are read from it. "
                           f"From {earliest.isoformat()} to {latest.isoformat()}.")
published, refused = None, False
try:
    published = parse_published(typed)
except SourceError as error:
    refused = True
    found = " The article's own date is refused:" if draft.published and typed == draft.published.isoformat() else ""
    st.error(plain(found + " " + explain(error, "date")).strip(), icon="⚠️")
unknown = False
if published is None and not refused:
    st.warning("No publication date found in the article. Type it above: relative dates "
               "(\"vendredi\", \"last month\") are read from it.")
    unknown = st.checkbox("The date is unknown: leave relative dates unresolved", key=f"nodate-{draft.id}")
st.text_area("Text (read-only)", draft.text, height=160, disabled=True, key=f"text-{draft.id}")

ready = lang is not None and (published is not None or unknown)
if st.button("Extract and review", type="primary", disabled=not ready, key="extract"):
    with session.reported_errors():
        article = dataclasses.replace(draft, lang=lang, title=title, published=published)
        bar = st.progress(0.0, text="Extracting claims, figures and events…")
        extraction, outcome = session.ingest(article, progress=lambda share, step: bar.progress(share, text=step))
        bar.empty()
        st.success(f"“{plain(title or 'Untitled')}” is open for review: {found_counts(extraction)} found. "
                   + stored_outcome(outcome))
        st.page_link("pages/review.py", label="Review its items", icon=":material/fact_check:")
