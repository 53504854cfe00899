"""What changed in the store, cheaply: its stamp, the items reviewed since, who has worked in it.

A page asks `stamp(store)` every few seconds and on every rerun: four indexed aggregates,
no item read. When only reviews moved, `reviewed_since` names the items to read again, so
another analyst's decision shows within seconds without re-reading a long article.

>>> from lib.store import Store
>>> store = Store("sqlite://")
>>> stamp(store)
Stamp(review=0, items=0, extracted='', desk=0)
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from lib.models import Kind
from lib.schema import article_removals_table, articles_table, items_table, reviews_table


@dataclass(frozen=True)
class Stamp:
    """How far the store has come: the last review written, how many items, the last extraction, the last
    article taken off the desk or put back."""

    review: int
    items: int
    extracted: str
    desk: int = 0

    def same_items(self, other: Stamp) -> bool:
        """True when only reviews were written between the two stamps (no item added, no re-extraction, and
        no article left or came back to the desk, which changes what "all articles" holds)."""
        return (self.items, self.extracted, self.desk) == (other.items, other.extracted, other.desk)


def stamp(store) -> Stamp:
    """Where the whole store stands now: cheap enough to ask on every rerun."""
    with store.database.read() as conn:
        review = conn.execute(sa.select(sa.func.max(reviews_table.c.id))).scalar()
        count = conn.execute(sa.select(sa.func.count()).select_from(items_table)).scalar()
        extracted = conn.execute(sa.select(sa.func.max(articles_table.c.extracted_at))).scalar()
        desk = conn.execute(sa.select(sa.func.max(article_removals_table.c.id))).scalar()
    return Stamp(int(review or 0), int(count or 0), str(extracted or ""), int(desk or 0))


def reviewed_since(store, review_id: int, article_id: str | None = None, kind: Kind | None = None) -> list[str]:
    """Ids of the items (of the article and kind, when given) reviewed after history entry `review_id`."""
    query = (
        sa.select(reviews_table.c.item_id)
        .join(items_table, items_table.c.id == reviews_table.c.item_id)
        .where(reviews_table.c.id > review_id)
        .distinct()
    )
    if article_id is not None:
        query = query.where(items_table.c.article_id == article_id)
    if kind is not None:
        query = query.where(items_table.c.kind == Kind(kind).value)
    with store.database.read() as conn:
        return sorted(row[0] for row in conn.execute(query))


def analysts(store) -> list[str]:
    """Everyone who has reviewed or added an item, sorted: the names the sidebar offers."""
    query = sa.union(sa.select(reviews_table.c.analyst), sa.select(items_table.c.added_by))
    with store.database.read() as conn:
        names = {str(row[0]).strip() for row in conn.execute(query)}
    return sorted((name for name in names if name), key=str.casefold)
