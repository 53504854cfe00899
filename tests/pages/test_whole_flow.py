"""The whole flow across pages: a seed loaded, reviewed, saved and exported; every page with the database away."""
from __future__ import annotations

import csv
import io

from lib import export
from lib.models import Status
from tests.pages.apptest import decide, field, goto, listing, open_healy_seed, select, start, texts


def test_whole_flow_seed_to_reviews_to_export(store, downloads):
    at = start()
    open_healy_seed(at)
    at.button(key="extract").click().run()
    article_id = at.session_state["article_id"]
    goto(at, "review")
    claims = listing(at)
    first, second = claims.index[:2]
    decide(select(at, 0), "verified")
    field(at, "Evidence links").input("https://www.bbc.co.uk/news").run()
    decide(select(at, 1), "false")
    assert [t.value for t in at.toast] == ["Saved 1 review"]

    items = store.items(article_id)
    statuses = {i.id: i.review.status for i in items}
    assert (statuses[first], statuses[second]) == (Status.VERIFIED, Status.FALSE)
    summaries = {a.id: a for a in store.articles()}
    assert summaries[article_id].checked == 2

    rows = list(csv.DictReader(io.StringIO(export.export_csv(items, "claim", summaries).decode("utf-8"))))
    by_status = {r["status"] for r in rows}
    assert {"verified", "false", "unchecked"} <= by_status
    assert [r["analyst"] for r in rows if r["status"] == "verified"] == ["Ana"]
    claimreview = export.export_claimreview(items, summaries).decode("utf-8")
    assert "ClaimReview" in claimreview

    goto(at, "export")
    assert not at.exception and len(at.get("download_button")) == 5
    downloaded = downloads[f"factdesk-{article_id}-claims.csv"]
    assert downloaded == export.export_csv(items, "claim", summaries, bom=True)  # for Excel unless told otherwise
    read_back = list(csv.DictReader(io.StringIO(downloaded.decode("utf-8-sig"))))
    assert [(r["item"], r["status"]) for r in read_back if r["status"] != "unchecked"] == [
        (first, "verified"), (second, "false")]
    events = list(csv.DictReader(io.StringIO(downloads[f"factdesk-{article_id}-events.csv"].decode("utf-8-sig"))))
    assert [r["date"] for r in events if r["text"] == "vendredi"] == ["2025-08-15", "2025-08-15"]


def test_database_unreachable_on_arrival_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("FACTDESK_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/factdesk")
    at = start(article_id="abc")
    for page in ("review", "article", "corpus", "export"):
        goto(at, page)
        assert any("cannot be reached" in e for e in texts(at.error)), page
