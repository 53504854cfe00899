"""Taking an article off the desk: hidden from every list, never deleted, each removal recorded.

>>> from lib.store import Store
>>> store = Store("sqlite://")
>>> list_removals(store.database)
[]

`articles.removed_at` / `removed_by` mark an article taken off the desk; its items and their
review history stay as they were, so loading the same text again (lib.store.save_extraction)
puts it back with every review. Each removal is also a row of `article_removals` (who, when,
the title then), which coming back never erases. Migration 0003 built both.
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


@dataclass(frozen=True)
class ArticleRemoval:
    """One article taken off the desk: which, its title then, by whom and when."""

    article_id: str
    title: str
    analyst: str
    at: datetime


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
    analyst = (analyst or "").strip()
    if not analyst:
        raise ValueError("say who removes the article: an analyst name is required")
    now = utc_now()
    with database.write() as conn:
        row = conn.execute(
            sa.select(articles_table.c.title, articles_table.c.removed_at).where(articles_table.c.id == article_id)
        ).first()
        if row is None or row.removed_at is not None:
            raise NotOnTheDesk(f"no article with id {article_id} on the desk")
        conn.execute(articles_table.update().where(articles_table.c.id == article_id)
                     .values(removed_at=now, removed_by=analyst))
        conn.execute(article_removals_table.insert().values(article_id=article_id, title=row.title,
                                                            analyst=analyst, at=now))
    return ArticleRemoval(article_id, row.title, analyst, now)


def list_removals(database: Database) -> list[ArticleRemoval]:
    """Every removal, newest first."""
    t = article_removals_table.c
    with database.read() as conn:
        rows = conn.execute(sa.select(t.article_id, t.title, t.analyst, t.at).order_by(t.at.desc(), t.id.desc()))
        return [ArticleRemoval(row.article_id, row.title, row.analyst, aware(row.at)) for row in rows]
