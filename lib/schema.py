"""The schema, declared once: the tables the migrations build, and how records become rows and back.

`lib/migrations` holds the versioned revisions that create and change these tables on a
real database; tests/test_database.py checks that migrating an empty database yields
exactly what is declared here.

>>> sorted(metadata.tables)
['article_removals', 'articles', 'drafts', 'items', 'reviews']
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, timezone

import sqlalchemy as sa

from lib.models import Article, Event, Extraction, Figure, Kind, Review, Status

metadata = sa.MetaData()

articles_table = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("lang", sa.String(16)),
    sa.Column("published", sa.Date),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("boilerplate", sa.JSON, nullable=False),
    sa.Column("engine_version", sa.String(32), nullable=False),
    # A digest of everything extraction produced, so re-ingesting an unchanged file is a no-op.
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
    # Taken off the desk (migration 0003): hidden from lists, never deleted; loading it again clears these.
    sa.Column("removed_at", sa.DateTime(timezone=True)),
    sa.Column("removed_by", sa.Text),
)

items_table = sa.Table(
    "items",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("span_start", sa.Integer),
    sa.Column("span_end", sa.Integer),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("fields", sa.JSON, nullable=False),
    sa.Column("origin", sa.String(16), nullable=False),
    sa.Column("orphaned", sa.Boolean, nullable=False),
    sa.Column("added_by", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # The latest history entry's status and version (migration 0002 says why they live here).
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Index("ix_items_article_kind_start", "article_id", "kind", "span_start"),
    # Covering indexes of the status summaries (migration 0002): grouped counts without a sort.
    sa.Index("ix_items_orphaned_kind_status", "orphaned", "kind", "status"),
    sa.Index("ix_items_article_status", "article_id", "orphaned", "kind", "status"),
)

reviews_table = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("status", sa.String(32), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("evidence", sa.JSON, nullable=False),
    sa.Column("analyst", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("item_id", "version", name="uq_reviews_item_version"),
)


# The desk's history: every removal of an article (migration 0003) and every restore ("action", migration
# 0004), kept even after the article is loaded again; its latest id is part of the store's stamp.
article_removals_table = sa.Table(
    "article_removals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("analyst", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("action", sa.String(16), nullable=False, server_default="removed"),
    sa.Index("ix_article_removals_article", "article_id"),
)

# What an analyst typed and has not saved yet, per analyst and item (migration 0004, lib/drafts.py):
# a note, evidence as typed, or an edit that met a colleague's save (`conflict`), against `base_version`.
drafts_table = sa.Table(
    "drafts",
    metadata,
    sa.Column("analyst", sa.Text, primary_key=True),
    sa.Column("item_id", sa.String(64), sa.ForeignKey("items.id"), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("evidence", sa.Text),
    sa.Column("status", sa.String(32)),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("conflict", sa.Boolean, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_drafts_analyst_article", "analyst", "article_id"),
)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def jsonable(value):
    """Fields as JSON-safe values: dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _fields(kind: Kind, item) -> dict:
    if kind is Kind.CLAIM:
        return {"speaker": item.speaker, "checkworthiness": item.checkworthiness}
    if kind is Kind.FIGURE:
        return {"value": item.value, "unit": item.unit, "approx": item.approx, "claim_id": item.claim_id}
    return jsonable(
        {
            "type": item.type,
            "value": item.value,
            "date": item.date,
            "end_date": item.end_date,
            "granularity": item.granularity,
            "claim_id": item.claim_id,
            "unresolved": item.unresolved,
            "what": item.what,
        }
    )


def item_row(article: Article, kind: Kind, item) -> dict:
    if isinstance(item, (Figure, Event)) and item.sentence != (0, 0):
        sentence = article.text[item.sentence[0] : item.sentence[1]]
    else:
        sentence = article.text[item.start : item.end]
    return {
        "id": item.id,
        "article_id": article.id,
        "kind": kind.value,
        "span_start": item.start,
        "span_end": item.end,
        "text": item.text,
        "sentence": sentence,
        "fields": _fields(kind, item),
    }


def extraction_fingerprint(extraction: Extraction) -> str:
    article = extraction.article
    payload = {
        "contract": extraction.to_contract(),
        "engine": extraction.engine_version,
        "source": article.source,
        "text": hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        "boilerplate": [list(span) for span in article.boilerplate],
        "sentences": [
            list(item.sentence) for kind, item in extraction.items() if isinstance(item, (Figure, Event))
        ],
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def review_from_row(row) -> Review:
    return Review(
        item_id=row.item_id,
        status=Status(row.status),
        note=row.note,
        evidence=tuple(row.evidence or ()),
        analyst=row.analyst,
        at=aware(row.at),
        version=row.version,
    )
