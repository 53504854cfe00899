"""Export page: the same bytes as lib.export, for the open article or all, built once per read of the store."""
from __future__ import annotations

import csv
import io

from lib import export
from lib.models import Status
from tests.dashboard_fixtures import TEXT, small_extraction
from tests.pages.apptest import goto, start, texts


def test_export_files_are_built_once_per_read_of_the_store(store, stored, counted, downloads):
    from lib import session

    at = goto(start(article_id=stored), "export")
    at.run()
    assert counted["export_csv"] == 3  # claims, figures, events
    store.save_review("c1", status=Status.VERIFIED, analyst="Bob", expected_version=0)
    session.after_write()
    at.run()
    assert counted["export_csv"] == 6
    rows = list(csv.DictReader(io.StringIO(downloads[f"factdesk-{stored}-claims.csv"].decode("utf-8-sig"))))
    assert {r["item"]: r["status"] for r in rows}["c1"] == "verified"


def test_export_offers_every_file_for_the_article(stored):
    at = goto(start(article_id=stored), "export")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Claims CSV", "Figures CSV", "Events CSV", "Summary CSV", "ClaimReview JSON-LD"]
    names = [b.proto.file_name if hasattr(b.proto, "file_name") else "" for b in at.get("download_button")]
    assert names[0] == "" or names[0].endswith("-claims.csv")


def test_export_page_on_an_empty_store_says_so(store_url):
    at = goto(start(), "export")
    assert any("Nothing to export" in i for i in texts(at.info))


def test_export_bytes_are_exactly_lib_export_for_the_article_and_for_all(store, stored, downloads):
    store.save_extraction(small_extraction(TEXT + " Fin de la dépêche.", published=None, prefix="b-"))
    store.save_review("c1", status=Status.VERIFIED, note="=HYPERLINK(\"x\")", analyst="Bob", expected_version=0)
    at = goto(start(article_id=stored), "export")
    items = store.items(stored)
    summaries = {a.id: a for a in store.articles()}
    stem = f"factdesk-{stored}"
    # CSV files are for Excel unless the analyst says otherwise: a byte-order mark first.
    assert at.radio(key="export-csv-for").value.startswith("Excel")
    assert downloads[f"{stem}-claims.csv"] == export.export_csv(items, "claim", summaries, bom=True)
    assert downloads[f"{stem}-events.csv"] == export.export_csv(items, "event", summaries, bom=True)
    assert downloads[f"{stem}-summary.csv"] == export.export_summary_csv(items, summaries, bom=True)
    assert downloads[f"{stem}-claimreview.jsonld"] == export.export_claimreview(items, summaries)
    assert downloads[f"{stem}-claims.csv"].startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(downloads[f"{stem}-claims.csv"].decode("utf-8-sig"))))
    assert {r["item"] for r in rows} == {"c1", "c2"}

    at.radio(key="export-scope").set_value("All articles").run()
    at.radio(key="export-csv-for").set_value("Other spreadsheets and scripts (plain UTF-8)").run()
    everything = store.items()
    assert downloads["factdesk-all-figures.csv"] == export.export_csv(everything, "figure", summaries)
    assert not downloads["factdesk-all-figures.csv"].startswith("\ufeff".encode("utf-8"))


def test_exported_figures_and_events_name_their_claim_and_the_summary_says_where_the_article_is(store, stored,
                                                                                                 downloads):
    at = goto(start(article_id=stored), "export")
    stem = f"factdesk-{stored}"
    claims = {r["item"]: r["text"] for r in csv.DictReader(
        io.StringIO(downloads[f"{stem}-claims.csv"].decode("utf-8-sig")))}
    figures = list(csv.DictReader(io.StringIO(downloads[f"{stem}-figures.csv"].decode("utf-8-sig"))))
    named = [f["claim"] for f in figures if f["claim"]]
    assert named and set(named) <= set(claims.values())  # a claim's text, never its id
    assert not set(named) & set(claims)
    [summary, *_] = csv.DictReader(io.StringIO(downloads[f"{stem}-summary.csv"].decode("utf-8-sig")))
    assert (summary["lang"], summary["published"]) == ("fr", "2025-08-15")
    assert not at.exception


def test_claimreview_takes_the_address_of_the_fact_check_page_and_refuses_one_that_is_not_a_web_address(
        store, stored, downloads):
    import json

    store.save_review("c1", status=Status.FALSE, analyst="Bob", expected_version=0)
    at = goto(start(article_id=stored), "export")
    stem = f"factdesk-{stored}"
    assert "url" not in json.loads(downloads[f"{stem}-claimreview.jsonld"])[0]
    at.text_input(key="export-review-url").input("https://desk.example/checks/{item}").run()
    assert json.loads(downloads[f"{stem}-claimreview.jsonld"])[0]["url"] == "https://desk.example/checks/c1"
    at.text_input(key="export-review-url").input("desk.example").run()
    assert not at.exception
    assert any(e.startswith("The fact-check page must be an http") for e in texts(at.error))
