"""Taking an article off the desk and putting it back: hidden from every list, never deleted, each step recorded.

>>> from lib.store import Store
>>> store = Store("sqlite://")
>>> list_removals(store.database)
[]

`articles.removed_at` / `removed_by` mark an article taken off the desk; its items and their
review history stay as they were, so loading the same text again (lib.store.save_extraction)
puts it back with every review, and so does `restore_article`, by hand. Each removal and each
restore is also a row of `article_removals` (what, who, when, the title then), the desk's history,
which nothing erases. Migration 0003 built both; 0004 added restores (the `action` column).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from lib.database import Database
from lib.schema import article_removals_table, articles_table, aware, items_table, utc_now


class NotOnTheDesk(LookupError):
    """No article with that id on the desk (never stored, or already removed)."""

    def __str__(self) -> str:  # LookupError would quote the message like a key
        return str(self.args[0]) if self.args else ""


class StillOnTheDesk(LookupError):
    """No article with that id off the desk (never stored, or never removed) to restore."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


REMOVED, RESTORED = "removed", "restored"


@dataclass(frozen=True)
class ArticleRemoval:
    """One step of the desk's history: an article taken off (`removed`) or put back (`restored`), by whom, when."""

    article_id: str
    title: str
    analyst: str
    at: datetime
    action: str = REMOVED


def removed_articles() -> sa.Select:
    """The ids of the articles off the desk, for queries that leave them out."""
    return sa.select(articles_table.c.id).where(articles_table.c.removed_at.is_not(None))


def on_the_desk(query: sa.Select, article_id: str | None) -> sa.Select:
    """An items query narrowed to one article (removed or not), or to every article still on the desk."""
    if article_id is not None:
        return query.where(items_table.c.article_id == article_id)
    return query.where(items_table.c.article_id.not_in(removed_articles()))


def remove_article(database: Database, article_id: str, analyst: str) -> ArticleRemoval:
    """Mark the article removed and record who removed it and when, in one transaction."""
    return _move(database, article_id, analyst, REMOVED)


def restore_article(database: Database, article_id: str, analyst: str) -> ArticleRemoval:
    """Put a removed article back on the desk, every review as it was, and record who did and when."""
    return _move(database, article_id, analyst, RESTORED)


def _move(database: Database, article_id: str, analyst: str, action: str) -> ArticleRemoval:
    analyst = (analyst or "").strip()
    if not analyst:
        verb = "removes" if action == REMOVED else "restores"
        raise ValueError(f"say who {verb} the article: an analyst name is required")
    now = utc_now()
    with database.write() as conn:
        row = conn.execute(
            sa.select(articles_table.c.title, articles_table.c.removed_at).where(articles_table.c.id == article_id)
        ).first()
        if action == REMOVED and (row is None or row.removed_at is not None):
            raise NotOnTheDesk(f"no article with id {article_id} on the desk")
        if action == RESTORED and (row is None or row.removed_at is None):
            raise StillOnTheDesk(f"no article with id {article_id} off the desk")
        removed = action == REMOVED
        conn.execute(articles_table.update().where(articles_table.c.id == article_id)
                     .values(removed_at=now if removed else None, removed_by=analyst if removed else None))
        conn.execute(article_removals_table.insert().values(article_id=article_id, title=row.title,
                                                            analyst=analyst, at=now, action=action))
    return ArticleRemoval(article_id, row.title, analyst, now, action)


def list_removals(database: Database) -> list[ArticleRemoval]:
    """The desk's history, every removal and restore, newest first."""
    t = article_removals_table.c
    with database.read() as conn:
        rows = conn.execute(sa.select(t.article_id, t.title, t.analyst, t.at, t.action)
                            .order_by(t.at.desc(), t.id.desc()))
        return [ArticleRemoval(row.article_id, row.title, row.analyst, aware(row.at), row.action) for row in rows]


def off_the_desk(database: Database) -> list[ArticleRemoval]:
    """The articles off the desk now, each with its latest removal (newest first): what Restore offers."""
    a = articles_table.c
    with database.read() as conn:
        rows = conn.execute(sa.select(a.id, a.title, a.removed_by, a.removed_at).where(a.removed_at.is_not(None))
                            .order_by(a.removed_at.desc(), a.id)).all()
    return [ArticleRemoval(row.id, row.title, row.removed_by or "", aware(row.removed_at)) for row in rows]
