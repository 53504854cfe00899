"""The review database: engines, connection pools, failure guards and schema migrations.

`Database(url)` opens SQLite (a file in WAL mode with foreign keys on, or in memory) or
PostgreSQL (`postgresql+psycopg://`), reports every driver failure as StoreUnavailable
with a message an analyst can act on, and upgrades the schema with the Alembic
revisions in lib/migrations, which build the tables declared in `lib.schema`
(tests/test_database.py checks that they agree); `lib.store.Store` queries them.

>>> database = Database("sqlite://")
>>> database.migrate()
>>> with database.read() as conn:
...     sorted(sa.inspect(conn).get_table_names())
['alembic_version', 'article_removals', 'articles', 'drafts', 'items', 'reviews']
"""
from __future__ import annotations

import os
import sqlite3
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import QueuePool, StaticPool

DEFAULT_URL = "sqlite:///data/factdesk.db"
MIGRATIONS = Path(__file__).with_name("migrations")
# Arbitrary constant shared by every process that may migrate the same PostgreSQL database.
_PG_MIGRATION_LOCK = 4_242_001


class StoreUnavailable(RuntimeError):
    """The database cannot be reached, is locked or has gone; nothing was written."""


def database_url() -> str:
    """FACTDESK_DATABASE_URL, else .streamlit/secrets.toml [connections.factdesk] url, else data/factdesk.db."""
    url = os.environ.get("FACTDESK_DATABASE_URL", "").strip()
    if url:
        return url
    secrets = Path(".streamlit") / "secrets.toml"
    if secrets.is_file():
        try:
            config = tomllib.loads(secrets.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise StoreUnavailable(f"cannot read {secrets}: {error}") from None
        url = str(config.get("connections", {}).get("factdesk", {}).get("url", "")).strip()
        if url:
            return url
    return DEFAULT_URL


class Database:
    """An engine on `url` with Fact Desk's connection rules; `read()` and `write()` hand out guarded connections."""

    def __init__(self, url: str, *, timeout: float = 10.0):
        self.url = url
        self._timeout = timeout
        self._sqlite_path: str | None = None
        self._engine = self._create_engine(url)

    def _create_engine(self, url: str) -> Engine:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
        if backend == "sqlite":
            return self._create_sqlite_engine(parsed.database or "")
        if backend == "postgresql":
            if parsed.drivername != "postgresql+psycopg":
                raise StoreUnavailable(f"use a postgresql+psycopg:// URL for PostgreSQL, not {parsed.drivername}://")
            engine = sa.create_engine(
                parsed,
                pool_pre_ping=True,  # a connection killed on the server is replaced before use
                connect_args={"connect_timeout": max(1, int(self._timeout))},
            )
            lock_timeout = f"{int(self._timeout * 1000)}ms"

            @event.listens_for(engine, "connect")
            def on_connect(dbapi_connection, record):
                # A row held by a stuck session is reported like a locked SQLite file, not waited on forever.
                with dbapi_connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('lock_timeout', %s, false)", (lock_timeout,))
                dbapi_connection.commit()

            return engine
        raise StoreUnavailable(f"unsupported database URL {parsed.render_as_string(hide_password=True)!r}")

    def _create_sqlite_engine(self, database: str) -> Engine:
        if database in ("", ":memory:"):
            engine = sa.create_engine(
                "sqlite://",
                poolclass=StaticPool,  # one shared in-memory database for every thread
                connect_args={"check_same_thread": False},
            )
        else:
            path = Path(database).expanduser().resolve()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                _create_in_wal_mode(path, self._timeout)  # later connects must find it, already in WAL mode
            except (OSError, sqlite3.Error) as error:
                raise StoreUnavailable(f"cannot create the SQLite database {path}: {error}") from None
            self._sqlite_path = str(path)
            timeout = self._timeout

            def connect() -> sqlite3.Connection:
                # mode=rw: a removed database file is an error, not a fresh empty database.
                return sqlite3.connect(
                    f"file:{quote(str(path))}?mode=rw", uri=True, timeout=timeout, check_same_thread=False
                )

            # The URL handed over is a placeholder, so name the pool: a file database wants a QueuePool
            # (SQLAlchemy would pick the one-connection-per-thread pool meant for in-memory databases).
            engine = sa.create_engine("sqlite://", creator=connect, poolclass=QueuePool)
            event.listen(engine, "checkout", self._check_sqlite_file)

        @event.listens_for(engine, "connect")
        def on_connect(dbapi_connection, record):
            # Take transaction control from the sqlite3 module so writes can BEGIN IMMEDIATE.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
            if self._sqlite_path:
                cursor.execute("PRAGMA journal_mode = WAL")
                # synchronous stays FULL (not NORMAL): a review saved must survive a power cut too.
                record.info["inode"] = _inode(self._sqlite_path)
            cursor.close()

        @event.listens_for(engine, "begin")
        def on_begin(connection):
            # A writer takes the write lock up front: two deferred writers would deadlock on upgrade.
            mode = "IMMEDIATE" if connection.get_execution_options().get("factdesk_write") else "DEFERRED"
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine

    def _check_sqlite_file(self, dbapi_connection, record, proxy) -> None:
        try:
            inode = _inode(self._sqlite_path)
        except FileNotFoundError:
            raise StoreUnavailable(f"the SQLite database file {self._sqlite_path} is gone") from None
        if record.info.get("inode") != inode:
            # The file was replaced (restored from a backup): reconnect instead of writing to the old one.
            raise exc.DisconnectionError("database file replaced")

    def _check_not_replaced(self, inode: tuple[int, int]) -> None:
        """After a commit: a file removed mid-transaction took the commit with it, so say so."""
        try:
            still = _inode(self._sqlite_path) == inode
        except FileNotFoundError:
            still = False
        if not still:
            raise StoreUnavailable(
                f"the SQLite database file {self._sqlite_path} was removed or replaced while saving; "
                "the change is not in it — save again once the file is back"
            )

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._engine.dialect.name

    @property
    def engine(self) -> Engine:
        return self._engine

    def describe(self) -> str:
        """Where the data is, for messages: 'SQLite database /srv/factdesk.db', 'PostgreSQL database x at h:5432'."""
        if self._sqlite_path:
            return f"SQLite database {self._sqlite_path}"
        parsed = self._engine.url
        if self.backend == "sqlite":
            return "in-memory SQLite database"
        return f"PostgreSQL database {parsed.database} at {parsed.host}:{parsed.port or 5432}"

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """Turn driver failures into StoreUnavailable with a plain message; the transaction is rolled back."""
        try:
            yield
        except StoreUnavailable:
            raise
        except exc.DBAPIError as error:
            if isinstance(error, exc.IntegrityError):
                raise
            if isinstance(error, exc.DataError):
                # The database is there; it refused a value. Saying "unavailable" would send the analyst
                # looking for a network problem.
                detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
                raise ValueError(f"{self.describe()} refused a value: {detail}") from error
            raise StoreUnavailable(self._unavailable_message(error)) from error
        except (exc.DisconnectionError, exc.TimeoutError) as error:
            raise StoreUnavailable(f"{self.describe()} is unavailable: {error}") from error

    def _unavailable_message(self, error: exc.DBAPIError) -> str:
        detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        where = self.describe()
        lowered = detail.lower()
        if "locked" in lowered or "busy" in lowered or "lock timeout" in lowered:
            holder = "session" if self.backend == "postgresql" else "program"
            return f"{where} is locked by another {holder} (waited {self._timeout:g} s); try again"
        if "unable to open" in lowered or "no such table" in lowered or "disk i/o" in lowered:
            return f"{where} cannot be opened ({detail}); was the file moved or removed?"
        if error.connection_invalidated or "terminat" in lowered or "closed" in lowered:
            return f"lost the connection to {where} ({detail}); nothing was saved, try again"
        return f"{where} is unavailable: {detail}"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading, failures reported as StoreUnavailable."""
        with self._guard(), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection inside one write transaction (SQLite: BEGIN IMMEDIATE), committed when the block ends."""
        with self._guard(), self._engine.connect() as conn:
            conn = conn.execution_options(factdesk_write=True)
            inode = conn.info.get("inode") if self._sqlite_path else None
            with conn.begin():
                yield conn
            if inode:
                self._check_not_replaced(inode)

    @contextmanager
    def savepoint(self, conn: Connection) -> Iterator[Connection]:
        """A savepoint inside a write() transaction: a failure rolls back to it alone and is reported as write()
        reports it, and the transaction goes on."""
        with self._guard(), conn.begin_nested():
            yield conn

    def migrate(self) -> None:
        """Upgrade the schema to the newest revision in lib/migrations, once even when several processes open it."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(config).get_current_head()
        with self.read() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
        with self.write() as conn:
            if self.backend == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def close(self) -> None:
        """Release every pooled connection."""
        self._engine.dispose()


def _create_in_wal_mode(path: Path, timeout: float) -> None:
    """Create the SQLite file if it is missing and switch it to WAL mode, before any pooled connection opens.

    The switch needs the file to itself. Left to each new connection, it raced a migration on a fresh
    file: a connection holding its shared lock while waiting to switch, and the migration's writer waiting
    for that lock to commit, each waited the whole busy timeout and one store failed as "locked". Made
    here, once per store, it meets no open transaction; two stores switching at once may be told "busy"
    without waiting (SQLite's answer to a would-be deadlock), so the switch is tried again until the timeout.
    Once the file is in WAL mode, every later switch is a no-op."""
    deadline = time.monotonic() + timeout
    while True:
        connection = sqlite3.connect(path, timeout=timeout)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            text = str(error).lower()
            if ("locked" not in text and "busy" not in text) or time.monotonic() > deadline:
                raise
        finally:
            connection.close()
        time.sleep(0.05)


def _inode(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return (stat.st_dev, stat.st_ino)
