"""lib.database: migrating an empty database yields exactly the schema lib.schema declares (SQLite and PostgreSQL),
and a fresh SQLite file starts in WAL mode."""
from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from lib.database import Database
from lib.schema import metadata


def test_migrating_an_empty_database_yields_exactly_the_declared_tables_columns_and_indexes(store_url):
    database = Database(store_url)
    try:
        database.migrate()
        with database.read() as conn:
            differences = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
            inspector = sa.inspect(conn)
            found = {
                name: (
                    sorted(column["name"] for column in inspector.get_columns(name)),
                    # PostgreSQL lists the index behind a unique constraint too; it is compared as the constraint.
                    sorted(i["name"] for i in inspector.get_indexes(name) if not i.get("duplicates_constraint")),
                    sorted(unique["name"] for unique in inspector.get_unique_constraints(name)),
                )
                for name in inspector.get_table_names()
                if name != "alembic_version"
            }
    finally:
        database.close()
    assert differences == []
    declared = {
        table.name: (
            sorted(table.columns.keys()),
            sorted(index.name for index in table.indexes),
            sorted(c.name for c in table.constraints if isinstance(c, sa.UniqueConstraint)),
        )
        for table in metadata.sorted_tables
    }
    assert found == declared
    assert found["items"][1] == ["ix_items_article_kind_start", "ix_items_article_status",
                                 "ix_items_orphaned_kind_status"]
    assert found["reviews"][2] == ["uq_reviews_item_version"]


def test_migrating_twice_is_a_no_op(store_url):
    database = Database(store_url)
    try:
        database.migrate()
        database.migrate()
        with database.read() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == ["0004"]
    finally:
        database.close()


def test_a_fresh_sqlite_file_is_in_wal_mode_before_any_pooled_connection_opens(tmp_path):
    path = tmp_path / "fresh.db"
    Database(f"sqlite:///{path}")  # no query made: the pool has opened nothing yet
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
