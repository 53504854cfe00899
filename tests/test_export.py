"""Exports: exact CSV bytes, injection-safe cells that still round-trip, ClaimReview JSON-LD."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone

import pandas as pd
import pytest

from lib.export import (
    COLUMNS, EXPORTS, SUMMARY_COLUMNS, export_claimreview, export_csv, export_file, export_summary_csv,
)
from lib.models import Kind, Review, Status
from lib.store import ArticleSummary, StoredItem

AT = datetime(2025, 8, 16, 9, 30, 5, 123456, tzinfo=timezone.utc)
ARTICLES = {
    "a1": ArticleSummary(id="a1", title="Healy à Kyiv", lang="fr", published=date(2025, 8, 15),
                         source="https://news.example/healy", engine_version="1",
                         ingested_at=AT, counts={}, checked=0, total=0),
}


def stored(item_id, kind, text, fields, *, status=Status.UNCHECKED, note="", evidence=(), analyst="", at=None,
           version=0, sentence="", orphaned=False, article="a1"):
    review = Review(item_id, status, note, evidence, analyst, at, version)
    return StoredItem(item_id, article, kind, 0, len(text), text, sentence or text, fields, "extracted", orphaned,
                      review)


CLAIM = stored("c1", Kind.CLAIM, "« Plus de 200 » planificateurs, a déclaré Healy.",
               {"speaker": "Healy", "checkworthiness": 0.83}, status=Status.FALSE, note='il y en a 150, "pas 200"',
               evidence=("https://a.example/1", "https://b.example/2"), analyst="Ana", at=AT, version=2)
FIGURE = stored("f1", Kind.FIGURE, "-5 %", {"value": -5, "unit": "%", "approx": None, "claim_id": "c1"},
                sentence="Le PIB a reculé de -5 %, selon l'INSEE.")
EVENT = stored("e1", Kind.EVENT, "vendredi", {"type": "DATE", "value": "2025-08-15", "date": "2025-08-15",
                                              "end_date": "2025-08-15", "granularity": "day", "claim_id": None,
                                              "unresolved": None, "what": "Healy se rend à Kyiv"},
               status=Status.VERIFIED, analyst="Bob", at=AT, version=1, orphaned=True)


def test_claims_csv_bytes_are_exact():
    # The claim's text once (no sentence column repeating it); evidence links on one line.
    assert export_csv([CLAIM, FIGURE], "claims", ARTICLES) == (
        "article,title,item,text,speaker,checkworthiness,status,note,evidence,analyst,reviewed_at,orphaned\r\n"
        'a1,Healy à Kyiv,c1,"« Plus de 200 » planificateurs, a déclaré Healy.",'
        'Healy,0.83,false,"il y en a 150, ""pas 200""",'
        'https://a.example/1 | https://b.example/2,Ana,2025-08-16T09:30:05Z,false\r\n'
    ).encode("utf-8")


def test_figures_csv_keeps_negative_numbers_and_neutralises_text():
    # The figure names its claim by the claim's text.
    assert export_csv([CLAIM, FIGURE], "figures") == (
        "article,title,item,text,sentence,value,unit,approx,claim,status,note,evidence,analyst,reviewed_at,"
        "orphaned\r\n"
        "a1,,f1,'-5 %,\"Le PIB a reculé de -5 %, selon l'INSEE.\",-5,%,,"
        "\"« Plus de 200 » planificateurs, a déclaré Healy.\",unchecked,,,,,false\r\n"
    ).encode("utf-8")


def test_events_csv_bytes_with_bom_are_exact():
    assert export_csv([CLAIM, FIGURE, EVENT], Kind.EVENT, ARTICLES, bom=True) == (
        b"\xef\xbb\xbfarticle,title,item,text,sentence,type,value,date,end_date,granularity,what,claim,unresolved,"
        b"status,note,evidence,analyst,reviewed_at,orphaned\r\n"
        b"a1,Healy \xc3\xa0 Kyiv,e1,vendredi,vendredi,DATE,2025-08-15,2025-08-15,2025-08-15,day,"
        b"Healy se rend \xc3\xa0 Kyiv,,,verified,,,Bob,2025-08-16T09:30:05Z,true\r\n"
    )


def test_empty_export_is_just_the_header():
    assert export_csv([], "figures") == (",".join(COLUMNS[Kind.FIGURE]) + "\r\n").encode()


def test_unknown_kind_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown export kind 'people'"):
        export_csv([], "people")


HOSTILE = [
    "=HYPERLINK(\"http://evil.example\",\"clic\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tindented=1",
    "\rcarriage",
    "plain, with \"quotes\"\nand a newline",
    "  =leading spaces are not a formula start",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_dangerous_cells_are_neutralised_and_round_trip(text):
    item = stored("c9", Kind.CLAIM, text, {"speaker": text, "checkworthiness": -0.5}, note=text, analyst=text)
    data = export_csv([item], "claims")
    expected = "'" + text if text[0] in "=+-@\t\r" else text
    [row] = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert [row["text"], row["speaker"], row["note"], row["analyst"]] == [expected] * 4
    assert row["checkworthiness"] == "-0.5"
    frame = pd.read_csv(io.BytesIO(data), keep_default_na=False)
    assert list(frame.columns) == COLUMNS[Kind.CLAIM]
    assert frame.loc[0, "text"] == expected
    assert frame.loc[0, "checkworthiness"] == -0.5


def test_bom_csv_reads_back_in_pandas_with_utf8_sig():
    data = export_csv([CLAIM], "claims", ARTICLES, bom=True)
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert frame.columns[0] == "article"
    assert frame.loc[0, "title"] == "Healy à Kyiv"
    assert frame.loc[0, "evidence"].split(" | ") == ["https://a.example/1", "https://b.example/2"]
    assert "\n" not in frame.loc[0, "evidence"]


def test_summary_csv_counts_each_status_per_article_and_kind():
    other = stored("c2", Kind.CLAIM, "x", {}, status=Status.VERIFIED, analyst="A", at=AT, version=1)
    data = export_summary_csv([CLAIM, other, FIGURE, EVENT], ARTICLES)
    assert data.decode("utf-8") == (
        ",".join(SUMMARY_COLUMNS) + "\r\n"
        "a1,Healy à Kyiv,fr,2025-08-15,https://news.example/healy,claim,2,2,0,0,1,1,0,0,0\r\n"
        "a1,Healy à Kyiv,fr,2025-08-15,https://news.example/healy,figure,1,0,1,0,0,0,0,0,0\r\n"
    )
    assert SUMMARY_COLUMNS[:6] == ["article", "title", "lang", "published", "source", "kind"]
    assert SUMMARY_COLUMNS[8:] == ["unchecked", "in_progress", "verified", "false", "misleading", "inconclusive",
                                   "not_a_claim"]


def test_claimreview_lists_claims_with_a_verdict_only():
    unreviewed = stored("c3", Kind.CLAIM, "Rien à voir.", {"speaker": None, "checkworthiness": 0.1})
    progress = stored("c4", Kind.CLAIM, "En cours.", {"speaker": None, "checkworthiness": 0.1},
                      status=Status.IN_PROGRESS, analyst="A", at=AT, version=1)
    document = json.loads(export_claimreview([CLAIM, unreviewed, progress, FIGURE, EVENT], ARTICLES,
                                             review_url="https://desk.example/checks/{item}"))
    assert document == [{
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": "c1",
        "url": "https://desk.example/checks/c1",  # the fact-check's own page, not the article it checks
        "claimReviewed": "« Plus de 200 » planificateurs, a déclaré Healy.",
        "author": {"@type": "Person", "name": "Ana"},
        "datePublished": "2025-08-16",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Healy"},
            "datePublished": "2025-08-15",
            "appearance": {"@type": "CreativeWork", "headline": "Healy à Kyiv", "url": "https://news.example/healy",
                           "datePublished": "2025-08-15"},
        },
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                         "alternateName": "False"},
        "reviewBody": 'il y en a 150, "pas 200"',
        "isBasedOn": ["https://a.example/1", "https://b.example/2"],
    }]


def test_claimreview_escapes_markup_so_it_can_sit_in_a_script_tag():
    hostile = stored("c5", Kind.CLAIM, "</script><script>alert(1)</script> & co\u2028",
                     {"speaker": "<b>X</b>", "checkworthiness": 1.0}, status=Status.MISLEADING, analyst="A&B",
                     at=AT, version=1)
    data = export_claimreview([hostile])
    assert b"<" not in data and b">" not in data and b"&" not in data and "\u2028".encode() not in data
    [entry] = json.loads(data)
    assert entry["claimReviewed"] == "</script><script>alert(1)</script> & co\u2028"
    assert entry["itemReviewed"] == {"@type": "Claim", "author": {"@type": "Person", "name": "<b>X</b>"}}
    assert entry["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1,
                                     "alternateName": "Misleading"}
    assert "url" not in entry  # no fact-check page given: none invented


def test_store_items_export_in_store_order(store, sample_extraction):
    extraction = sample_extraction()
    store.save_extraction(extraction)
    figure = next(i for i in store.items(kind=Kind.FIGURE) if i.text == "5 %")
    store.save_review(figure.id, status=Status.VERIFIED, note="=1+1", analyst="ana", expected_version=0)
    articles = {a.id: a for a in store.articles()}
    rows = list(csv.reader(io.StringIO(export_csv(store.items(), "figures", articles).decode(), newline="")))
    assert rows[0] == COLUMNS[Kind.FIGURE]
    assert [(r[3], r[5], r[6], r[9], r[10], r[12]) for r in rows[1:]] == [
        ("Plus de 200", "200", "planificateurs militaires", "unchecked", "", ""),
        ("5 %", "5", "%", "verified", "'=1+1", "ana"),
    ]
    assert {r[1] for r in rows[1:]} == {"Healy à Kyiv"}


def test_exports_table_names_every_file_once_in_the_order_pages_and_command_line_show_them():
    assert [(f.name, f.label, f.suffix, f.mime, f.kind) for f in EXPORTS] == [
        ("claims", "Claims CSV", "claims.csv", "text/csv", Kind.CLAIM),
        ("figures", "Figures CSV", "figures.csv", "text/csv", Kind.FIGURE),
        ("events", "Events CSV", "events.csv", "text/csv", Kind.EVENT),
        ("summary", "Summary CSV", "summary.csv", "text/csv", None),
        ("claimreview", "ClaimReview JSON-LD", "claimreview.jsonld", "application/ld+json", Kind.CLAIM),
    ]


@pytest.mark.parametrize("name, build", [
    ("claims", lambda items, bom: export_csv(items, "claims", ARTICLES, bom=bom)),
    ("figures", lambda items, bom: export_csv(items, "figures", ARTICLES, bom=bom)),
    ("events", lambda items, bom: export_csv(items, "events", ARTICLES, bom=bom)),
    ("summary", lambda items, bom: export_summary_csv(items, ARTICLES, bom=bom)),
    ("claimreview", lambda items, bom: export_claimreview(items, ARTICLES)),
])
@pytest.mark.parametrize("bom", [False, True])
def test_export_file_is_the_builder_its_name_says(name, build, bom):
    items = [CLAIM, FIGURE, EVENT]
    assert export_file(name, items, ARTICLES, bom=bom) == build(items, bom)


def test_claimreview_without_a_speaker_names_the_publishing_site_as_the_claim_author():
    quoted = stored("c6", Kind.CLAIM, "Le chômage a baissé.", {"speaker": None, "checkworthiness": 0.7},
                    status=Status.VERIFIED, analyst="Ana", at=AT, version=1)
    [entry] = json.loads(export_claimreview([quoted], ARTICLES))
    assert entry["itemReviewed"]["author"] == {"@type": "Organization", "name": "news.example",
                                               "url": "https://news.example/healy"}
    assert (entry["reviewRating"]["ratingValue"], entry["reviewRating"]["alternateName"]) == (5, "True")


def test_claimreview_url_is_the_fact_check_page_and_the_article_is_where_the_claim_appears():
    # Google: the ClaimReview's url is the page hosting the fact-check; the article is the claim's appearance.
    [entry] = json.loads(export_claimreview([CLAIM], ARTICLES))
    assert "url" not in entry  # the article's address never stands for the fact-check's
    assert entry["itemReviewed"]["appearance"]["url"] == "https://news.example/healy"
    [entry] = json.loads(export_claimreview([CLAIM], ARTICLES, review_url="https://desk.example/healy-check"))
    assert entry["url"] == "https://desk.example/healy-check"
    with pytest.raises(ValueError, match="fact-check page must be an http"):
        export_claimreview([CLAIM], ARTICLES, review_url="desk.example/check")


def test_events_csv_says_what_happened():
    [row] = list(csv.DictReader(io.StringIO(export_csv([EVENT], "events").decode("utf-8"))))
    assert (row["date"], row["what"]) == ("2025-08-15", "Healy se rend à Kyiv")
