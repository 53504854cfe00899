"""What an analyst typed and has not saved yet, kept in the store per analyst and item until it is saved.

A browser sends a text field's value to Streamlit only when the analyst leaves the field (or
presses Ctrl+Enter); the review panel's draft keeper (lib/session/panel.py) also sends what is
typed after each pause, and it is kept here. A reload, a closed tab or a crashed browser finds
it again: the panel puts it back in its field, marked unsaved, until it is saved or discarded.
An edit that met a colleague's save is kept the same way (`conflict`, with the status set), so
the choice between the two versions survives a reload too. A draft is private to its analyst,
never part of the review history, and saving what it holds deletes it (`settle_drafts`).

>>> from lib.store import Store
>>> store = Store("sqlite://")
>>> drafts_of(store.database, "Ana", "a1")
{}
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from lib.database import Database
from lib.schema import aware, drafts_table, items_table, utc_now

_KEEP = object()  # "leave this part of the draft as it is"


@dataclass(frozen=True)
class Draft:
    """One item's unsaved typing: a part left None is not drafted (the saved value stands)."""

    analyst: str
    item_id: str
    article_id: str
    note: str | None
    evidence: str | None  # as typed: it may hold a link the panel has not accepted yet
    status: str | None  # set only with `conflict`: the status the analyst chose
    base_version: int  # the version of the review the typing started from
    conflict: bool  # the edit met a colleague's save and waits for the analyst's choice
    updated_at: datetime


def keep_draft(database: Database, analyst: str, item_id: str, *, base_version: int, note=_KEEP, evidence=_KEEP,
               status=_KEEP, conflict=_KEEP) -> Draft:
    """Keep what `analyst` typed for `item_id` (the parts given; the others stay as drafted before).

    >>> from lib.models import Article, Claim, Extraction
    >>> from lib.store import Store
    >>> store, article = Store("sqlite://"), Article("Healy a dit.", lang="fr")
    >>> _ = store.save_extraction(Extraction(article, claims=(Claim("c1", 0, 12, article.text, "Healy", 0.9),)))
    >>> keep_draft(store.database, "Ana", "c1", base_version=0, note="vu sur").note
    'vu sur'
    >>> d = keep_draft(store.database, "Ana", "c1", base_version=0, evidence="https://bbc")
    >>> (d.note, d.evidence)
    ('vu sur', 'https://bbc')
    """
    t = drafts_table.c
    now = utc_now()
    with database.write() as conn:
        owner = conn.execute(sa.select(items_table.c.article_id).where(items_table.c.id == item_id)).scalar()
        if owner is None:
            raise LookupError(f"no item with id {item_id}")
        row = conn.execute(sa.select(drafts_table).where(t.analyst == analyst, t.item_id == item_id)).first()
        before = dict(row._mapping) if row is not None else {"note": None, "evidence": None, "status": None,
                                                             "conflict": False}
        values = {
            "article_id": owner,
            "note": before["note"] if note is _KEEP else note,
            "evidence": before["evidence"] if evidence is _KEEP else evidence,
            "status": before["status"] if status is _KEEP else status,
            "conflict": bool(before["conflict"] if conflict is _KEEP else conflict),
            "base_version": int(base_version),
            "updated_at": now,
        }
        if row is None:
            conn.execute(drafts_table.insert().values(analyst=analyst, item_id=item_id, **values))
        else:
            conn.execute(drafts_table.update().where(t.analyst == analyst, t.item_id == item_id).values(**values))
    return Draft(analyst, item_id, owner, values["note"], values["evidence"], values["status"],
                 values["base_version"], values["conflict"], now)


def drafts_of(database: Database, analyst: str, article_id: str | None) -> dict[str, Draft]:
    """The analyst's drafts in the article (all articles with None), by item id: one indexed query."""
    t = drafts_table.c
    query = sa.select(drafts_table).where(t.analyst == analyst)
    if article_id is not None:
        query = query.where(t.article_id == article_id)
    with database.read() as conn:
        return {row.item_id: _draft(row) for row in conn.execute(query)}


def drop_draft(database: Database, analyst: str, item_id: str, part: str | None = None) -> None:
    """Forget the analyst's draft of the item: one part ("note", "evidence"), or all of it (None)."""
    t = drafts_table.c
    where = (t.analyst == analyst, t.item_id == item_id)
    with database.write() as conn:
        if part is not None:
            conn.execute(drafts_table.update().where(*where).values(**{part: None}))
        conn.execute(drafts_table.delete().where(*where, t.note.is_(None), t.evidence.is_(None),
                                                 t.conflict == sa.false())
                     if part is not None else drafts_table.delete().where(*where))


def settle_drafts(database: Database, analyst: str, saved: dict) -> None:
    """After `saved` ({item_id: lib.edits.Edit}) were written: drop what each draft held that is now saved.

    A part typed on after the save (a note that differs from the one saved) stays a draft; a
    conflict is settled by any save of the item.
    """
    if not saved:
        return
    t = drafts_table.c
    with database.write() as conn:
        rows = conn.execute(sa.select(drafts_table).where(t.analyst == analyst, t.item_id.in_(list(saved)))).all()
        for row in rows:
            edit = saved[row.item_id]
            note = None if row.note is None or row.note == edit.note else row.note
            evidence = (None if row.evidence is None or row.evidence.split() == list(edit.evidence)
                        else row.evidence)
            where = (t.analyst == analyst, t.item_id == row.item_id)
            if note is None and evidence is None:
                conn.execute(drafts_table.delete().where(*where))
            else:
                conn.execute(drafts_table.update().where(*where).values(note=note, evidence=evidence, status=None,
                                                                        conflict=False))


def _draft(row) -> Draft:
    return Draft(row.analyst, row.item_id, row.article_id, row.note, row.evidence, row.status, row.base_version,
                 bool(row.conflict), aware(row.updated_at))
