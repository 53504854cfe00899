"""Load: paste, upload, URL or a bundled seed; confirm language, title and date; extract and store."""
import dataclasses

import streamlit as st

from lib import session
from lib.extract.lang import SUPPORTED_LANGUAGES
from lib.highlight import plain
from lib.language import detected_language
from lib.models import with_metadata
from lib.sources import (
    check_published, fetch_url, list_seeds, plausible_published, published_bounds, read_bytes, read_seed, read_text,
)

SOURCES = ["Seed", "Paste", "Upload", "URL"]

st.title("Load an article")
origin = st.radio("From", SOURCES, horizontal=True, key="load-from")
with session.reported_errors():
    if origin == "Seed":
        seeds = list_seeds()
        seed = st.selectbox("Bundled article", seeds, format_func=lambda s: f"{s.title} ({s.lang})", key="seed")
        if st.button("Open seed", key="read-seed") and seed is not None:
            session.set_draft(read_seed(seed))
    elif origin == "Paste":
        pasted = st.text_area("Article text", height=240, key="paste")
        if st.button("Read text", key="read-paste"):
            session.set_draft(read_text(pasted, source="pasted"))
    elif origin == "Upload":
        upload = st.file_uploader("A .txt, .md or .html file", type=["txt", "md", "html", "htm"], key="upload")
        if upload is not None and st.button("Read file", key="read-upload"):
            session.set_draft(read_bytes(upload.getvalue(), upload.name))
    else:
        url = st.text_input("Address of the article (http or https)", key="url")
        if st.button("Fetch", key="read-url") and url:
            with st.spinner("Fetching…"):
                session.set_draft(fetch_url(url))

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
                    key=f"lang-{draft.id}", placeholder="Choose the article's language")
title = st.text_input("Title", value=draft.title, key=f"title-{draft.id}")
earliest, latest = published_bounds()
proposed = plausible_published(draft.published)
if draft.published is not None and proposed is None:
    st.warning(f"The article's date {draft.published.isoformat()} is outside {earliest.isoformat()} to "
               f"{latest.isoformat()}: set the publication date by hand.")
published = st.date_input("Publication date", value=proposed, min_value=earliest, max_value=latest,
                          key=f"published-{draft.id}", format="YYYY-MM-DD")
unknown = False
if published is None:
    st.warning("No publication date found in the article. Set it above: relative dates "
               "(\"vendredi\", \"last month\") are read from it.")
    unknown = st.checkbox("The date is unknown: leave relative dates unresolved", key=f"nodate-{draft.id}")
st.text_area("Text (read-only)", draft.text, height=160, disabled=True, key=f"text-{draft.id}")

ready = lang is not None and (published is not None or unknown)
if st.button("Extract and review", type="primary", disabled=not ready, key="extract"):
    with session.reported_errors():
        article = dataclasses.replace(draft, lang=lang, title=title, published=check_published(published))
        with st.status("Extracting claims, figures and events…", expanded=True) as progress:
            extraction, outcome = session.ingest(article)
            st.write(f"{len(extraction.claims)} claims, {len(extraction.figures)} figures, "
                     f"{len(extraction.events)} events")
            progress.update(label=f"Stored ({outcome.outcome}; {outcome.kept} reviews kept)", state="complete")
        st.success(f"“{plain(title or 'Untitled')}” is open for review.")
        st.page_link("pages/review.py", label="Review its items", icon=":material/fact_check:")
