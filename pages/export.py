"""Export: the same bytes as the command line, for the open article or for all of them."""
import streamlit as st

from lib import export, session
from lib.highlight import plain

st.title("Export")
with session.reported_errors():
    current = session.current_article()
    scopes = (["This article"] if current else []) + ["All articles"]
    scope = st.radio("Scope", scopes, horizontal=True, key="export-scope")
    bom = st.checkbox("Add a byte-order mark (for Excel)", key="export-bom")
    article_id = current if scope == "This article" else None
    items = session.items(article_id)
    summaries = {a.id: a for a in session.articles()}
    if article_id in summaries:
        st.caption(f"{plain(summaries[article_id].title or 'Untitled')} · {len(items)} items")
    if not items:
        st.info("Nothing to export yet: load an article first.")
        st.stop()
    stem = f"factdesk-{article_id or 'all'}"
    columns = st.columns(5)
    for column, kind, label in zip(columns, ("claim", "figure", "event"), ("Claims", "Figures", "Events")):
        column.download_button(f"{label} CSV", export.export_csv(items, kind, summaries, bom=bom),
                               file_name=f"{stem}-{kind}s.csv", mime="text/csv", key=f"csv-{kind}")
    columns[3].download_button("Summary CSV", export.export_summary_csv(items, summaries, bom=bom),
                               file_name=f"{stem}-summary.csv", mime="text/csv", key="csv-summary")
    columns[4].download_button("ClaimReview JSON-LD", export.export_claimreview(items, summaries),
                               file_name=f"{stem}-claimreview.jsonld", mime="application/ld+json", key="jsonld")
    st.caption("ClaimReview lists claims marked verified, false or misleading. CSV cells that a spreadsheet "
               "would run as formulas are neutralised.")
