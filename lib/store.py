"""The review store: articles, extracted items and the append-only review history (DESIGN §3).

SQLite by default (WAL, foreign keys on), PostgreSQL (`postgresql+psycopg://`) for teams;
the engines, their guards and the migrations are `lib.database`'s, the queries are here.
Every change of review is a new row in `reviews`; an item's current review is its
latest version. A save names the version it edited and a stale save raises
ReviewConflict carrying the review that won — the unique (item_id, version)
constraint makes the database itself refuse the second of two concurrent savers.

>>> from lib.models import Article, Claim, Extraction, Status
>>> store = Store("sqlite://")
>>> article = Article("Le chômage a baissé de 2 %, a déclaré Healy.", lang="fr")
>>> claim = Claim("c1", 0, 44, article.text, "Healy", 0.9)
>>> store.save_extraction(Extraction(article, claims=(claim,), engine_version="1")).outcome
'added'
>>> store.save_review("c1", status=Status.VERIFIED, analyst="ana", expected_version=0).version
1
>>> store.save_review("c1", status=Status.FALSE, analyst="bob", expected_version=0)
Traceback (most recent call last):
...
lib.store.ReviewConflict: item c1 was changed by ana (now verified, version 1); reload it and apply your change again
"""
from __future__ import annotations

import math
import uuid
from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Connection

from lib.article_rows import write_extraction
from lib.database import Database, StoreUnavailable, database_url
from lib.models import (
    Article, ArticleSummary, Extraction, IngestOutcome, Kind, Review, Status, StoredItem, stable_id,
)
from lib.removals import on_the_desk
from lib.schema import articles_table, aware, items_table, jsonable, review_from_row, reviews_table, utc_now
from lib.validation import analyst_name, evidence_links
from lib.validation import expected_version as checked_version

KIND_ORDER = {Kind.CLAIM: 0, Kind.FIGURE: 1, Kind.EVENT: 2}

__all__ = [
    "ArticleSummary",
    "IngestOutcome",
    "ReviewConflict",
    "Store",
    "StoreUnavailable",
    "StoredItem",
    "UnknownItem",
    "database_url",
]


class UnknownItem(LookupError):
    """No item (or article) with that id in the store."""

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0]) if self.args else ""


class ReviewConflict(RuntimeError):
    """A save named a version that is no longer current; `current` is the review that won."""

    def __init__(self, current: Review):
        self.current = current
        who = current.analyst or "another analyst"
        super().__init__(
            f"item {current.item_id} was changed by {who} (now {current.status}, version {current.version}); "
            "reload it and apply your change again"
        )


class Store:
    """The review store at `url` (default: database_url()); creates or upgrades the schema on open."""

    def __init__(self, url: str | None = None, *, timeout: float = 10.0, migrate: bool = True):
        self.url = url or database_url()
        self.database = Database(self.url, timeout=timeout)
        if migrate:
            self.database.migrate()

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.database.backend

    def close(self) -> None:
        """Release every pooled connection."""
        self.database.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- articles and items -------------------------------------------------------------------

    def save_extraction(self, extraction: Extraction) -> IngestOutcome:
        """Store an article and its items in one transaction; re-extraction keeps every review."""
        [saved] = self.save_extractions([extraction])
        if isinstance(saved, Exception):
            raise saved
        return saved

    def save_extractions(self, extractions: list[Extraction]) -> list[IngestOutcome | Exception]:
        """Store several articles in one write transaction, each in a savepoint of its own: what each did,
        or the error it met, in order.

        Batch ingest saves this way: one commit, so one flush to disk, for a batch instead of one per
        article (on SQLite the flush was a quarter of the time spent storing, and the other worker waited
        for the write lock meanwhile). An article that fails rolls back alone to its savepoint; when the
        transaction itself fails (the database went away, the commit failed), nothing of the batch was
        stored and every article fails with that error."""
        results: list[IngestOutcome | Exception] = []
        try:
            with self.database.write() as conn:
                for extraction in extractions:
                    try:
                        results.append(self._save_in_savepoint(conn, extraction))
                    except (StoreUnavailable, ValueError, exc.IntegrityError) as error:
                        results.append(error)
        except Exception as error:  # noqa: BLE001 - handed back per article, as a failed save of each
            return [error] * len(extractions)
        return results

    def _save_in_savepoint(self, conn: Connection, extraction: Extraction) -> IngestOutcome:
        try:
            with self.database.savepoint(conn):
                return write_extraction(conn, extraction)
        except exc.IntegrityError:
            # Another process stored the same article between our read and our insert: look again.
            with self.database.savepoint(conn):
                return write_extraction(conn, extraction)

    def article(self, article_id: str) -> Article | None:
        """The stored article (full text, language, date, title, source), or None."""
        with self.database.read() as conn:
            row = conn.execute(sa.select(articles_table).where(articles_table.c.id == article_id)).first()
        if row is None or row.removed_at is not None:
            return None
        return Article(
            text=row.text,
            lang=row.lang,
            published=row.published,
            title=row.title,
            source=row.source,
            boilerplate=tuple(tuple(span) for span in row.boilerplate or ()),
            id=row.id,
        )

    def articles(self) -> list[ArticleSummary]:
        """Every stored article with item counts per kind and review progress, newest ingest first."""
        # Grouped in the column order of ix_items_article_status, orphans dropped afterwards: a covering
        # index scan with no sort (3x faster on SQLite with 100,000 items than filtering first).
        grouping = (items_table.c.article_id, items_table.c.orphaned, items_table.c.kind, items_table.c.status)
        counts = sa.select(*grouping, sa.func.count().label("n")).group_by(*grouping)
        columns = [c for c in articles_table.c
                   if c.name not in ("text", "boilerplate", "fingerprint", "removed_at", "removed_by")]
        with self.database.read() as conn:
            tallies: dict[str, dict] = defaultdict(lambda: {"counts": {k.value: 0 for k in Kind}, "checked": 0})
            for row in conn.execute(counts):
                if row.orphaned:
                    continue
                tally = tallies[row.article_id]
                tally["counts"][row.kind] = tally["counts"].get(row.kind, 0) + row.n
                tally["checked"] += row.n if row.status != Status.UNCHECKED.value else 0
            rows = conn.execute(
                sa.select(*columns).where(articles_table.c.removed_at.is_(None))
                .order_by(articles_table.c.ingested_at.desc(), articles_table.c.id)
            ).all()
        result = []
        for row in rows:
            tally = tallies[row.id]
            result.append(
                ArticleSummary(
                    id=row.id,
                    title=row.title,
                    lang=row.lang,
                    published=row.published,
                    source=row.source,
                    engine_version=row.engine_version,
                    ingested_at=aware(row.ingested_at),
                    counts=dict(tally["counts"]),
                    checked=tally["checked"],
                    total=sum(tally["counts"].values()),
                )
            )
        return result

    def items(
        self, article_id: str | None = None, kind: Kind | None = None, include_orphaned: bool = True,
        ids: list[str] | None = None,
    ) -> list[StoredItem]:
        """Items with their current review, ordered by article, kind (claim, figure, event) and start; `ids` (at most 500) narrows to those."""
        c = items_table.c
        query = sa.select(c.id, c.article_id, c.kind, c.span_start, c.span_end, c.text, c.sentence, c.fields,
                          c.origin, c.orphaned, c.version)
        if ids is not None:
            query = query.where(items_table.c.id.in_(list(ids)))
        query = on_the_desk(query, article_id)
        if kind is not None:
            query = query.where(items_table.c.kind == Kind(kind).value)
        if not include_orphaned:
            query = query.where(items_table.c.orphaned == sa.false())
        kind_rank = sa.case({k.value: rank for k, rank in KIND_ORDER.items()}, value=items_table.c.kind, else_=9)
        query = query.order_by(
            items_table.c.article_id,
            kind_rank,
            items_table.c.span_start.is_(None),
            items_table.c.span_start,
            items_table.c.span_end,
            items_table.c.id,
        )
        with self.database.read() as conn:
            rows = conn.execute(query).all()
            current = self._current_reviews(conn, [row[0] for row in rows if row[10] > 0])
        kinds = {k.value: k for k in Kind}
        # Positional unpacking: named Row access costs more than the rest of building 100,000 items.
        return [
            StoredItem(item_id, article, kinds[kind], start, end, text, sentence, fields or {}, origin,
                       bool(orphaned), current.get(item_id) or Review(item_id))
            for item_id, article, kind, start, end, text, sentence, fields, origin, orphaned, _ in rows
        ]

    def _current_reviews(self, conn: Connection, item_ids: list[str]) -> dict[str, Review]:
        current: dict[str, Review] = {}
        latest = sa.select(items_table.c.id, items_table.c.version).subquery()
        # Chunked: SQLite caps the number of bound parameters in one statement.
        for offset in range(0, len(item_ids), 500):
            chunk = item_ids[offset : offset + 500]
            query = sa.select(reviews_table).join(
                latest, sa.and_(latest.c.id == reviews_table.c.item_id, latest.c.version == reviews_table.c.version)
            ).where(reviews_table.c.item_id.in_(chunk))
            for row in conn.execute(query):
                current[row.item_id] = review_from_row(row)
        return current

    def add_item(
        self,
        article_id: str,
        kind: Kind,
        text: str,
        *,
        analyst: str,
        fields: dict | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> StoredItem:
        """Add an item extraction missed; it is never orphaned by re-extraction."""
        kind = Kind(kind)
        text = text.strip()
        if not text:
            raise ValueError("an added item needs some text")
        analyst = analyst_name(analyst)
        if (start is None) != (end is None) or (start is not None and not 0 <= start <= end):
            raise ValueError(f"bad span {start}..{end}")
        bad = [key for key, value in (fields or {}).items() if isinstance(value, float) and not math.isfinite(value)]
        if bad:
            raise ValueError(f"{', '.join(bad)} must be a finite number")
        now = utc_now()
        row = {
            "id": stable_id("manual", article_id, kind.value, uuid.uuid4().hex),
            "article_id": article_id,
            "kind": kind.value,
            "span_start": start,
            "span_end": end,
            "text": text,
            "sentence": "",
            "fields": jsonable(fields or {}),
            "origin": "manual",
            "orphaned": False,
            "added_by": analyst,
            "created_at": now,
            "status": Status.UNCHECKED.value,
            "version": 0,
        }
        with self.database.write() as conn:
            exists = conn.execute(sa.select(articles_table.c.id).where(articles_table.c.id == article_id)).first()
            if exists is None:
                raise UnknownItem(f"no article with id {article_id}")
            conn.execute(items_table.insert().values(**row))
        return StoredItem(
            id=row["id"], article_id=article_id, kind=kind, start=start, end=end, text=text, sentence="",
            fields=row["fields"], origin="manual", orphaned=False, review=Review(row["id"]),
        )

    # -- reviews ------------------------------------------------------------------------------

    def save_review(
        self,
        item_id: str,
        *,
        status: Status,
        note: str = "",
        evidence: tuple[str, ...] = (),
        analyst: str,
        expected_version: int,
    ) -> Review:
        """Append a review of `item_id` made against `expected_version`; a stale version raises ReviewConflict."""
        status = Status(status)
        note = note or ""
        # The one door every review passes (command line, dashboard, bench): the rules of lib.validation.
        analyst = analyst_name(analyst)
        evidence = evidence_links(evidence)
        expected_version = checked_version(expected_version)
        version = expected_version + 1
        review = Review(item_id, status, note, evidence, analyst, utc_now(), version)
        try:
            with self.database.write() as conn:
                updated = conn.execute(
                    items_table.update()
                    .where(items_table.c.id == item_id, items_table.c.version == expected_version)
                    .values(status=status.value, version=version)
                )
                if updated.rowcount == 0:
                    raise _Stale()
                conn.execute(
                    reviews_table.insert().values(
                        item_id=item_id,
                        version=version,
                        status=status.value,
                        note=note,
                        evidence=list(evidence),
                        analyst=analyst,
                        at=review.at,
                    )
                )
        except (_Stale, exc.IntegrityError) as error:
            current = self.current_review(item_id)
            if current is None:
                raise UnknownItem(f"no item with id {item_id}") from None
            if isinstance(error, exc.IntegrityError) and current.version == expected_version:
                raise  # not a lost race: some other constraint refused the row
            raise ReviewConflict(current) from None
        return review

    def current_review(self, item_id: str) -> Review | None:
        """The item's latest review (version 0, unchecked, if never reviewed); None if there is no such item."""
        with self.database.read() as conn:
            row = conn.execute(sa.select(items_table.c.version).where(items_table.c.id == item_id)).first()
            if row is None:
                return None
            if row.version == 0:
                return Review(item_id)
            return self._current_reviews(conn, [item_id]).get(item_id, Review(item_id))

    def history(self, item_id: str) -> list[Review]:
        """Every review of the item, oldest first (empty when it was never reviewed)."""
        with self.database.read() as conn:
            rows = conn.execute(
                sa.select(reviews_table).where(reviews_table.c.item_id == item_id).order_by(reviews_table.c.version)
            ).all()
        return [review_from_row(row) for row in rows]

    def status_summary(self, article_id: str | None = None) -> dict[str, dict[str, int]]:
        """kind -> status -> count of current reviews, every kind and status present (orphans excluded)."""
        query = (
            sa.select(items_table.c.kind, items_table.c.status, sa.func.count().label("n"))
            .where(items_table.c.orphaned == sa.false())
            .group_by(items_table.c.kind, items_table.c.status)
        )
        query = on_the_desk(query, article_id)
        summary = {kind.value: {status.value: 0 for status in Status} for kind in Kind}
        with self.database.read() as conn:
            for row in conn.execute(query):
                summary.setdefault(row.kind, {})[row.status] = row.n
        return summary


class _Stale(Exception):
    """Internal: the expected version was no longer current."""
