"""Export: the same bytes as the command line, for the open article or for all of them."""
import streamlit as st

from lib import session
from lib.export import EXPORTS
from lib.highlight import plain

# The choice of spreadsheet, Excel first: it is what most analysts open CSV files with.
CSV_FOR = {"Excel (adds a byte-order mark)": True, "Other spreadsheets and scripts (plain UTF-8)": False}

session.via_dashboard()
st.title("Export")
with session.reported_errors():
    current = session.current_article()
    scopes = (["This article"] if current else []) + ["All articles"]
    scope = st.radio("Scope", scopes, horizontal=True, key="export-scope")
    spreadsheet = st.radio("CSV files for", list(CSV_FOR), horizontal=True, key="export-csv-for",
                           help="Excel needs a byte-order mark at the start of a UTF-8 file to read accents "
                                "right; other programs read the file either way.")
    bom = CSV_FOR[spreadsheet]
    article_id = current if scope == "This article" else None
    review_url = st.text_input(
        "Address of your published fact-check (for ClaimReview)", key="export-review-url",
        placeholder="https://your-desk.example/checks/{item}",
        help="Google reads a ClaimReview's url as the page that publishes the fact-check, not the article checked "
             "(the article is named as where the claim appears). {item} stands for each claim's id when every "
             "check has its own page. Left empty, ClaimReview has no url.")
    try:
        count, files = session.exports(article_id, bom, review_url.strip())
    except ValueError:
        st.error("The fact-check page must be an http:// or https:// address: ClaimReview leaves its url out "
                 "until then.", icon="⚠️")
        count, files = session.exports(article_id, bom)
    summaries = {a.id: a for a in session.articles()}
    if article_id in summaries:
        st.caption(f"{plain(summaries[article_id].title or 'Untitled')} · {count} items")
    if not count:
        st.info("Nothing to export yet: load an article first.")
        st.stop()
    stem = f"factdesk-{article_id or 'all'}"
    for column, file in zip(st.columns(len(EXPORTS)), EXPORTS):
        column.download_button(file.label, files[file.suffix], file_name=f"{stem}-{file.suffix}", mime=file.mime,
                               key=f"download-{file.suffix}")
    st.caption("ClaimReview lists claims marked verified, false or misleading, rated 1 (false) to 5 (true) as "
               "Google asks. CSV cells that a spreadsheet would run as formulas are neutralised; several evidence "
               "links in one cell are separated by ' | '.")
