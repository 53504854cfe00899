"""Exports: CSV per kind, one summary CSV, and ClaimReview JSON-LD — always bytes, ready to download.

Column orders are fixed (analysts' spreadsheets and scripts depend on them):

- claims:  article, title, item, text, speaker, checkworthiness,
           status, note, evidence, analyst, reviewed_at, orphaned
           (a claim is its sentence: the text is not written twice)
- figures: article, title, item, text, sentence, value, unit, approx, claim,
           status, note, evidence, analyst, reviewed_at, orphaned
- events:  article, title, item, text, sentence, type, value, date, end_date, granularity, what, claim,
           unresolved, status, note, evidence, analyst, reviewed_at, orphaned
           (`what` is what happened then, as extraction read it from the clause)
- summary: article, title, lang, published, source, kind, total, checked, then one column per status
           (unchecked, in_progress, verified, false, misleading, inconclusive, not_a_claim)

A figure's or an event's `claim` is the text of the claim it sits in (empty when none), so a
reader never has to look an id up. CSV is RFC 4180 (comma, double quotes, CRLF), UTF-8, with
a byte-order mark on request (Excel then reads the accents right). Evidence links are joined
by " | " on one line: a bar cannot occur unencoded in an address, and a spreadsheet keeps the
cell whole.
`reviewed_at` is UTC ISO 8601. A text cell that starts with = + - @ tab or carriage
return is prefixed with ' so a spreadsheet shows it instead of running it (OWASP "CSV
injection"); real numbers in the numeric columns (checkworthiness, a figure's value,
the counts) are written as numbers, negative ones included.

>>> from lib.models import Kind, Review
>>> from lib.store import StoredItem
>>> item = StoredItem("f1", "a1", Kind.FIGURE, 0, 3, "-5 %", "-5 % en 2024.",
...                   {"value": -5, "unit": "%", "approx": None, "claim_id": None}, "extracted", False, Review("f1"))
>>> export_csv([item], "figures").decode().splitlines()[1]
"a1,,f1,'-5 %,'-5 % en 2024.,-5,%,,,unchecked,,,,,false"
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

from lib.models import Kind, Status

__all__ = ["COLUMNS", "EXPORTS", "SUMMARY_COLUMNS", "VERDICTS", "ExportFile", "export_claimreview", "export_csv",
           "export_file", "export_summary_csv"]

_REVIEW_COLUMNS = ["status", "note", "evidence", "analyst", "reviewed_at", "orphaned"]
_TYPED_FIELDS = {
    Kind.CLAIM: ["speaker", "checkworthiness"],
    Kind.FIGURE: ["value", "unit", "approx", "claim"],
    Kind.EVENT: ["type", "value", "date", "end_date", "granularity", "what", "claim", "unresolved"],
}
COLUMNS = {
    kind: ["article", "title", "item", "text", *([] if kind is Kind.CLAIM else ["sentence"]), *fields,
           *_REVIEW_COLUMNS]
    for kind, fields in _TYPED_FIELDS.items()
}
EVIDENCE_SEPARATOR = " | "
_NUMERIC = {Kind.CLAIM: {"checkworthiness"}, Kind.FIGURE: {"value"}, Kind.EVENT: set()}
SUMMARY_COLUMNS = ["article", "title", "lang", "published", "source", "kind", "total", "checked",
                   *(status.value for status in Status)]
# Claims with one of these verdicts become ClaimReview entries, rated on Google's numeric scale
# (1 worst to 5 best) with the verdict in words.
VERDICTS = (Status.VERIFIED, Status.FALSE, Status.MISLEADING)
WORST_RATING, BEST_RATING = 1, 5
RATINGS: dict[Status, tuple[int, str]] = {
    Status.FALSE: (1, "False"),
    Status.MISLEADING: (2, "Misleading"),
    Status.VERIFIED: (5, "True"),
}
_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_KIND_NAMES = {"claims": Kind.CLAIM, "figures": Kind.FIGURE, "events": Kind.EVENT}


@dataclass(frozen=True)
class ExportFile:
    """One file Fact Desk exports, as the command line, the Export page and the session all name it."""

    name: str  # `python -m lib export --kind NAME`
    label: str  # the Export page's download button
    suffix: str  # the end of the downloaded file's name: factdesk-<article>-<suffix>
    mime: str
    kind: Kind | None  # the items it is built from; None for every kind


EXPORTS: tuple[ExportFile, ...] = (
    ExportFile("claims", "Claims CSV", "claims.csv", "text/csv", Kind.CLAIM),
    ExportFile("figures", "Figures CSV", "figures.csv", "text/csv", Kind.FIGURE),
    ExportFile("events", "Events CSV", "events.csv", "text/csv", Kind.EVENT),
    ExportFile("summary", "Summary CSV", "summary.csv", "text/csv", None),
    ExportFile("claimreview", "ClaimReview JSON-LD", "claimreview.jsonld", "application/ld+json", Kind.CLAIM),
)


def export_file(name: str, items: Iterable, articles: Mapping | None = None, bom: bool = False,
                review_url: str | None = None) -> bytes:
    """The bytes of the export called `name` in EXPORTS ('claims', 'summary', 'claimreview', ...).

    `review_url` is ClaimReview's own page (see export_claimreview); the CSV files ignore it.

    >>> export_file("summary", []).decode().split(",")[:3]
    ['article', 'title', 'lang']
    """
    if name == "summary":
        return export_summary_csv(items, articles, bom=bom)
    if name == "claimreview":
        return export_claimreview(items, articles, review_url=review_url)
    return export_csv(items, name, articles, bom=bom)


def export_csv(items: Iterable, kind: str | Kind, articles: Mapping | None = None, bom: bool = False) -> bytes:
    """CSV bytes of the items of one kind ("claims", "figures", "events"), columns as in COLUMNS.

    A figure's or event's claim is named by its text, read from the claims among `items`.
    """
    kind = _kind(kind)
    articles = articles or {}
    numeric = _NUMERIC[kind]
    items = list(items)
    claims = {item.id: item.text for item in items if item.kind is Kind.CLAIM}
    rows = []
    for item in items:
        if item.kind is not kind:
            continue
        fields = item.fields or {}
        article = articles.get(item.article_id)
        review = item.review
        values = {
            "article": item.article_id,
            "title": getattr(article, "title", ""),
            "item": item.id,
            "text": item.text,
            "sentence": item.sentence,
            **{name: fields.get(name) for name in _TYPED_FIELDS[kind]},
            "claim": claims.get(fields.get("claim_id"), "") if fields.get("claim_id") else "",
            "status": review.status.value if review.status else Status.UNCHECKED.value,
            "note": review.note,
            "evidence": EVIDENCE_SEPARATOR.join(review.evidence),
            "analyst": review.analyst,
            "reviewed_at": _timestamp(review.at),
            "orphaned": "true" if item.orphaned else "false",
        }
        rows.append([_cell(values[column], column in numeric) for column in COLUMNS[kind]])
    return _write(COLUMNS[kind], rows, bom)


def export_summary_csv(items: Iterable, articles: Mapping | None = None, bom: bool = False) -> bytes:
    """One row per article and kind: totals, checked and the count of each status (orphans left out)."""
    articles = articles or {}
    counts: dict[tuple[str, Kind], dict[str, int]] = defaultdict(lambda: {s.value: 0 for s in Status})
    for item in items:
        if not item.orphaned:
            counts[(item.article_id, item.kind)][Status(item.review.status).value] += 1
    order = {kind: rank for rank, kind in enumerate(Kind)}
    rows = []
    for (article_id, kind), by_status in sorted(counts.items(), key=lambda entry: (entry[0][0], order[entry[0][1]])):
        total = sum(by_status.values())
        article = articles.get(article_id)
        values = [article_id, getattr(article, "title", ""), getattr(article, "lang", None),
                  getattr(article, "published", None), getattr(article, "source", ""), kind.value]
        rows.append([_cell(v, False) for v in values]
                    + [_cell(n, True) for n in (total, total - by_status[Status.UNCHECKED.value], *by_status.values())])
    return _write(SUMMARY_COLUMNS, rows, bom)


def export_claimreview(items: Iterable, articles: Mapping | None = None, review_url: str | None = None) -> bytes:
    """schema.org ClaimReview JSON-LD (a JSON array) for claims whose verdict is verified, false or misleading.

    As Google's ClaimReview documentation asks: `url` is the page that publishes the fact-check
    (`review_url`, where "{item}" stands for the claim's id when each check has its own page; left
    out when none is given: the article's address is never passed off as the fact-check's),
    `claimReviewed`, `author` and `datePublished` of the review, `itemReviewed` the Claim with its
    author (the speaker, else the publishing site), its date and the article as its `appearance`
    (headline, date, address), and `reviewRating` with `ratingValue` on a 1 (worst) to 5 (best)
    scale, `bestRating`, `worstRating` and the verdict in words as `alternateName`.
    """
    if review_url is not None and not review_url.strip().lower().startswith(("http://", "https://")):
        raise ValueError(f"the address of the fact-check page must be an http(s) address, not {review_url!r}")
    review_url = review_url.strip() if review_url else None
    articles = articles or {}
    reviews = []
    for item in items:
        review = item.review
        if item.kind is not Kind.CLAIM or review.status not in VERDICTS:
            continue
        article = articles.get(item.article_id)
        source = getattr(article, "source", "") or ""
        article_url = source if source.startswith(("http://", "https://")) else None
        claim: dict = {"@type": "Claim"}
        speaker = (item.fields or {}).get("speaker")
        if speaker:
            claim["author"] = {"@type": "Person", "name": speaker}
        elif article_url:
            claim["author"] = {"@type": "Organization", "name": urlsplit(article_url).hostname, "url": article_url}
        published = getattr(article, "published", None)
        if published:
            claim["datePublished"] = published.isoformat()
        appearance = {"@type": "CreativeWork", "headline": getattr(article, "title", "") or None, "url": article_url}
        if published:
            appearance["datePublished"] = published.isoformat()
        appearance = {k: v for k, v in appearance.items() if v}
        if len(appearance) > 1:
            claim["appearance"] = appearance
        value, words = RATINGS[Status(review.status)]
        entry = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": item.id,
            "url": review_url.replace("{item}", item.id) if review_url else None,
            "claimReviewed": item.text,
            "author": {"@type": "Person", "name": review.analyst},
            "datePublished": review.at.astimezone(timezone.utc).date().isoformat() if review.at else None,
            "itemReviewed": claim,
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": BEST_RATING,
                             "worstRating": WORST_RATING, "alternateName": words},
        }
        if review.note:
            entry["reviewBody"] = review.note
        if review.evidence:
            entry["isBasedOn"] = list(review.evidence)
        reviews.append({k: v for k, v in entry.items() if v is not None})
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    # Safe to paste inside <script type="application/ld+json">: no markup or line separators survive raw.
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return (text + "\n").encode("utf-8")


def _kind(kind: str | Kind) -> Kind:
    if isinstance(kind, Kind):
        return kind
    if kind in _KIND_NAMES:
        return _KIND_NAMES[kind]
    try:
        return Kind(kind)
    except ValueError:
        raise ValueError(f"unknown export kind {kind!r}: use claims, figures or events") from None


def _cell(value, numeric: bool) -> str:
    """One CSV cell as text; numbers stay numbers, anything a spreadsheet would run is quoted with '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            value = str(value)
        elif numeric:
            return repr(value) if isinstance(value, float) else str(value)
        else:
            value = str(value)
    elif isinstance(value, (date, datetime)):
        value = value.isoformat()
    text = str(value)
    if text.startswith(_DANGEROUS_START):
        return "'" + text
    return text


def _timestamp(moment: datetime | None) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _write(header: list[str], rows: list[list[str]], bom: bool) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" if bom else "").encode("utf-8") + buffer.getvalue().encode("utf-8")
