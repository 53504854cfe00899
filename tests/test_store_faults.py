"""The database failing under the store: locked or removed SQLite file, killed or unreachable PostgreSQL.

Each fault gives StoreUnavailable with a plain message, writes nothing partial, and
the next save once the database is back goes through (the server itself stays up).
"""
from __future__ import annotations

import socket
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from lib.models import Status
from lib.store import Store, StoreUnavailable

def first_figure(store):
    return next(item for item in store.items() if item.text == "Plus de 200")


def snapshot(store, item_id):
    return [(r.version, r.status, r.note) for r in store.history(item_id)], store.current_review(item_id).version


# -- SQLite ------------------------------------------------------------------------------------

@pytest.fixture
def sqlite_store(tmp_path, sample_extraction):
    path = tmp_path / "factdesk.db"
    with Store(f"sqlite:///{path}", timeout=0.2) as store:
        store.save_extraction(sample_extraction())
        yield store, path


def test_locked_sqlite_file_is_reported_and_the_save_goes_through_after(sqlite_store):
    store, path = sqlite_store
    item = first_figure(store)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holding the database
    try:
        with pytest.raises(StoreUnavailable, match=r"is locked by another program \(waited 0.2 s\); try again"):
            store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=0)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(store, item.id) == ([], 0)
    saved = store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=0)
    assert saved.version == 1
    assert snapshot(store, item.id) == ([(1, Status.VERIFIED, "")], 1)


def test_removed_sqlite_file_is_reported_not_recreated_empty(sqlite_store, tmp_path):
    store, path = sqlite_store
    item = first_figure(store)
    store.save_review(item.id, status=Status.IN_PROGRESS, note="before", analyst="ana", expected_version=0)
    backup = tmp_path / "backup.db"
    with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)

    with pytest.raises(StoreUnavailable, match=r"factdesk.db is gone"):
        store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=1)
    with pytest.raises(StoreUnavailable):
        store.items()
    assert not path.exists()  # a missing database is not silently replaced by an empty one

    backup.replace(path)  # the administrator restores the file
    assert snapshot(store, item.id) == ([(1, Status.IN_PROGRESS, "before")], 1)
    assert store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=1).version == 2
    with Store(f"sqlite:///{path}") as reopened:
        assert snapshot(reopened, item.id) == ([(1, Status.IN_PROGRESS, "before"), (2, Status.VERIFIED, "")], 2)


def test_file_removed_during_a_save_reports_the_save_as_failed(sqlite_store, tmp_path):
    store, path = sqlite_store
    item = first_figure(store)
    backup = tmp_path / "backup.db"
    with sqlite3.connect(path) as source, sqlite3.connect(backup) as target:
        source.backup(target)

    def remove_file(conn, cursor, statement, *args):
        if statement.startswith("INSERT INTO reviews"):
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)

    event.listen(store.database.engine, "before_cursor_execute", remove_file)
    try:
        with pytest.raises(StoreUnavailable, match="was removed or replaced while saving"):
            store.save_review(item.id, status=Status.FALSE, analyst="ana", expected_version=0)
    finally:
        event.remove(store.database.engine, "before_cursor_execute", remove_file)
    backup.replace(path)
    assert snapshot(store, item.id) == ([], 0)
    assert store.save_review(item.id, status=Status.FALSE, analyst="ana", expected_version=0).version == 1


# -- PostgreSQL --------------------------------------------------------------------------------

@pytest.fixture
def pg_url(pg_admin):
    """(fresh schema URL, admin engine, session database URL): a loud skip, or a failure in CI, without a server."""
    return pg_admin


def terminate(admin, pid: int) -> None:
    with admin.connect() as conn:
        assert conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar() is True


def backend_pids(admin, database: str) -> list[int]:
    with admin.connect() as conn:
        return list(conn.execute(
            sa.text("SELECT pid FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()"),
            {"db": database}).scalars())


@pytest.mark.postgres
def test_connections_killed_between_saves_are_replaced_silently(pg_url, sample_extraction):
    url, admin, database_url = pg_url
    with Store(url) as store:
        store.save_extraction(sample_extraction())
        item = first_figure(store)
        database = sa.engine.make_url(database_url).database
        pids = backend_pids(admin, database)
        assert pids
        for pid in pids:
            terminate(admin, pid)
        # The pooled connection is dead; pre-ping replaces it and the save just works.
        assert store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=0).version == 1
        assert snapshot(store, item.id) == ([(1, Status.VERIFIED, "")], 1)


@pytest.mark.postgres
def test_connection_killed_mid_save_writes_nothing_and_the_retry_works(pg_url, sample_extraction):
    url, admin, _ = pg_url
    with Store(url) as store:
        store.save_extraction(sample_extraction())
        item = first_figure(store)

        def kill_own_backend(conn, cursor, statement, *args):
            if statement.startswith("INSERT INTO reviews"):
                # The items row is already updated in this transaction; now the server drops us.
                terminate(admin, cursor.connection.info.backend_pid)

        event.listen(store.database.engine, "before_cursor_execute", kill_own_backend)
        try:
            with pytest.raises(StoreUnavailable, match="nothing was saved, try again"):
                store.save_review(item.id, status=Status.FALSE, note="lost?", analyst="ana", expected_version=0)
        finally:
            event.remove(store.database.engine, "before_cursor_execute", kill_own_backend)
        assert snapshot(store, item.id) == ([], 0)
        assert store.save_review(item.id, status=Status.FALSE, note="again", analyst="ana",
                                 expected_version=0).version == 1
        assert snapshot(store, item.id) == ([(1, Status.FALSE, "again")], 1)


@pytest.mark.postgres
def test_row_held_by_a_stuck_session_is_reported_as_locked(pg_url, sample_extraction):
    url, _, _ = pg_url
    with Store(url, timeout=0.3) as store:
        store.save_extraction(sample_extraction())
        item = first_figure(store)
        holder = sa.create_engine(url)
        with holder.connect() as stuck:
            stuck.execute(sa.text("SELECT id FROM items WHERE id = :id FOR UPDATE"), {"id": item.id})
            with pytest.raises(StoreUnavailable, match=r"is locked by another session \(waited 0.3 s\)"):
                store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=0)
            stuck.rollback()
        holder.dispose()
        assert snapshot(store, item.id) == ([], 0)
        assert store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=0).version == 1


class Gateway:
    """A TCP forwarder in front of the real server, so a test can make PostgreSQL unreachable and back."""

    def __init__(self, target=("127.0.0.1", 5432)):
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread; close alone may not
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        for sock in self._sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


@pytest.mark.postgres
def test_unreachable_server_is_reported_and_saving_resumes_when_it_is_back(pg_url, sample_extraction):
    url, _, _ = pg_url
    gateway = Gateway()
    gateway.start()
    through = sa.engine.make_url(url).set(port=gateway.port).render_as_string(hide_password=False)
    try:
        with Store(through, timeout=2) as store:
            store.save_extraction(sample_extraction())
            item = first_figure(store)
            gateway.stop()
            with pytest.raises(StoreUnavailable, match=rf"PostgreSQL database \S+ at 127.0.0.1:{gateway.port}"):
                store.save_review(item.id, status=Status.MISLEADING, analyst="ana", expected_version=0)
            with pytest.raises(StoreUnavailable):
                store.items()
            gateway.start()
            assert store.save_review(item.id, status=Status.MISLEADING, analyst="ana",
                                     expected_version=0).version == 1
    finally:
        gateway.stop()
    with Store(url) as direct:
        assert snapshot(direct, item.id) == ([(1, Status.MISLEADING, "")], 1)


def test_store_on_a_closed_port_says_unavailable_at_once():
    with pytest.raises(StoreUnavailable, match="PostgreSQL database x at 127.0.0.1:1 is unavailable"):
        Store("postgresql+psycopg://postgres@127.0.0.1:1/x", timeout=1)


def test_url_for_another_driver_is_refused_by_name():
    with pytest.raises(StoreUnavailable, match="use a postgresql\\+psycopg:// URL"):
        Store("postgresql://postgres@127.0.0.1/x")
