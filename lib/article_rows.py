"""An extraction written as rows of the store: the article, its items, and on re-extraction the items
reconciled with those already stored (reviews kept, vanished items flagged orphaned, never deleted).

lib.store calls `write_extraction` inside its own write transaction (a savepoint per article in a batch).
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lib.models import Extraction, IngestOutcome, Status
from lib.schema import articles_table, extraction_fingerprint, item_row, items_table, utc_now


def write_extraction(conn: Connection, extraction: Extraction) -> IngestOutcome:
    """Write the article and its items inside the caller's transaction: added, unchanged, or re-extracted."""
    article = extraction.article
    now = utc_now()
    fingerprint = extraction_fingerprint(extraction)
    rows = [item_row(article, kind, item) for kind, item in extraction.items()]
    ids = [row["id"] for row in rows]
    if len(set(ids)) != len(ids):
        twice = sorted({item_id for item_id in ids if ids.count(item_id) > 1})
        raise ValueError(f"extraction of article {article.id} repeats item ids: {', '.join(twice[:5])}")
    stored = conn.execute(
        sa.select(articles_table.c.fingerprint, articles_table.c.removed_at)
        .where(articles_table.c.id == article.id)
    ).first()
    if stored is not None and stored.fingerprint == fingerprint and stored.removed_at is None:
        return IngestOutcome(article.id, "unchanged")
    values = {
        "title": article.title,
        "lang": article.lang,
        "published": article.published,
        "source": article.source,
        "text": article.text,
        "boilerplate": [list(span) for span in article.boilerplate],
        "engine_version": extraction.engine_version,
        "fingerprint": fingerprint,
        "extracted_at": now,
        "removed_at": None, "removed_by": None,  # loading a removed article puts it back, reviews and all
    }
    if stored is None:
        conn.execute(articles_table.insert().values(id=article.id, ingested_at=now, **values))
        _write_items(conn, rows, now)
        return IngestOutcome(article.id, "added")
    conn.execute(articles_table.update().where(articles_table.c.id == article.id).values(**values))
    kept, orphaned = _reconcile_items(conn, article.id, rows, now)
    return IngestOutcome(article.id, "re-extracted", kept=kept, orphaned=orphaned)

def _write_items(conn: Connection, rows: list[dict], now: datetime) -> None:
    if rows:
        defaults = {"origin": "extracted", "orphaned": False, "added_by": "", "created_at": now,
                    "status": Status.UNCHECKED.value, "version": 0}
        conn.execute(items_table.insert(), [defaults | row for row in rows])

def _reconcile_items(conn: Connection, article_id: str, rows: list[dict], now: datetime) -> tuple[int, int]:
    """Update items that still exist, add new ones, flag vanished ones orphaned; never delete."""
    existing = {
        row.id: row
        for row in conn.execute(
            sa.select(items_table.c.id, items_table.c.orphaned, items_table.c.version).where(
                items_table.c.article_id == article_id, items_table.c.origin == "extracted"
            )
        )
    }
    new_ids = {row["id"] for row in rows}
    still = [{f"b_{key}": value for key, value in row.items()} for row in rows if row["id"] in existing]
    if still:
        columns = [key for key in rows[0] if key != "id"]
        conn.execute(
            items_table.update()
            .where(items_table.c.id == sa.bindparam("b_id"))
            .values(orphaned=False, **{key: sa.bindparam(f"b_{key}") for key in columns}),
            still,
        )
    _write_items(conn, [row for row in rows if row["id"] not in existing], now)
    vanished = [item_id for item_id, row in existing.items() if item_id not in new_ids and not row.orphaned]
    if vanished:
        conn.execute(items_table.update().where(items_table.c.id.in_(vanished)).values(orphaned=True))
    kept = sum(1 for item_id, row in existing.items() if item_id in new_ids and row.version > 0)
    orphaned = sum(1 for item_id in vanished if existing[item_id].version > 0)
    return kept, orphaned
