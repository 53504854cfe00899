"""Alembic environment: lib.database hands over an open connection already inside a transaction.

The database begins that transaction itself (SQLite `BEGIN IMMEDIATE`, PostgreSQL an
advisory lock) so that two processes opening a fresh database cannot both migrate it.
"""
from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always passes one
    raise RuntimeError("run migrations through lib.store.Store (it passes the connection)")

context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
