"""Shared fixtures: `store` / `store_url` run a test against SQLite and against the real PostgreSQL.

PostgreSQL: one throwaway database per test session (factdesk_test_<random>, dropped at the
end) and one schema per test inside it, selected through the connection's search_path,
so every test starts from an empty store. Without a server the PostgreSQL half skips
loudly — except in CI (CI=true), where a missing server is a failure.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

# The analyst's own database when the dashboard runs from this checkout (lib.database.database_url's default).
PROJECT_DATABASE = Path(__file__).resolve().parent.parent / "data" / "factdesk.db"


@pytest.fixture(autouse=True)
def _the_checkouts_own_database_is_never_created_by_a_test(request):
    """A test that opened the default store would create (or write) the analyst's real database beside the
    code: every test runs against a store of its own, so the file must not appear during one."""
    existed = PROJECT_DATABASE.exists()
    yield
    assert existed or not PROJECT_DATABASE.exists(), \
        f"{request.node.nodeid} created the checkout's own database {PROJECT_DATABASE}"


PG_ADMIN_URL = os.environ.get("FACTDESK_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _admin_engine(url: str):
    import sqlalchemy as sa

    return sa.create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


@pytest.fixture(scope="session")
def pg_database():
    """URL of a fresh PostgreSQL database for this test session; dropped afterwards."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    admin = _admin_engine(PG_ADMIN_URL)
    name = f"factdesk_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - any failure to reach the server means the same thing
        admin.dispose()
        reason = f"PostgreSQL at {PG_ADMIN_URL} is unreachable ({type(error).__name__}: {str(error).splitlines()[0]})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} — CI must run the store suite against PostgreSQL", pytrace=False)
        pytest.skip(f"!!! SKIPPING POSTGRESQL TESTS: {reason}")
    try:
        yield make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _pg_schema_url(database_url: str, schema: str) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(database_url).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


@pytest.fixture
def pg_admin(pg_database):
    """(URL of a fresh empty schema, an AUTOCOMMIT engine on the session database, that database's URL)."""
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = _admin_engine(pg_database)
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _pg_schema_url(pg_database, schema), admin, pg_database
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """A URL to an empty store: a SQLite file in tmp_path, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'factdesk.db'}"
    return request.getfixturevalue("pg_admin")[0]


@pytest.fixture
def store(store_url):
    """An empty lib.store.Store on each backend."""
    from lib.store import Store

    with Store(store_url) as opened:
        yield opened


SAMPLE_TEXT = (
    "Plus de 200 planificateurs militaires se sont réunis vendredi, a déclaré Healy. "
    "Le budget atteindra 5 % du PIB en 2035, selon Radakin."
)


def build_extraction(text: str = SAMPLE_TEXT, *, engine_version: str = "1", drop: tuple[str, ...] = (),
                     published=None, title: str = "Healy à Kyiv"):
    """A hand-made Extraction of `text` (no extractor involved): 2 claims, 2 figures, 2 events.

    `drop` leaves out items by text, as a newer engine that no longer finds them would.
    """
    import dataclasses
    from datetime import date

    from lib.models import Article, Claim, Event, Extraction, Figure, stable_id

    article = Article(text, lang="fr", published=published or date(2025, 8, 15), title=title, source="test")

    def span(fragment: str, after: int = 0) -> tuple[int, int]:
        start = text.index(fragment, after)
        return start, start + len(fragment)

    def ident(kind: str, fragment: str) -> str:
        return stable_id(article.id, kind, fragment.casefold(), 1)

    s1 = span("Plus de 200 planificateurs militaires se sont réunis vendredi, a déclaré Healy.")
    s2 = span("Le budget atteindra 5 % du PIB en 2035, selon Radakin.")
    claims = [
        Claim(ident("claim", "c1"), *s1, text[s1[0]:s1[1]], "Healy", 0.9),
        Claim(ident("claim", "c2"), *s2, text[s2[0]:s2[1]], "Radakin", 0.8),
    ]
    figures = [
        Figure(ident("figure", "Plus de 200"), *span("Plus de 200"), "Plus de 200", 200, "planificateurs militaires",
               "more than", claims[0].id, s1),
        Figure(ident("figure", "5 %"), *span("5 %"), "5 %", 5, "%", None, claims[1].id, s2),
    ]
    events = [
        Event(ident("event", "vendredi"), *span("vendredi"), "vendredi", "DATE", "2025-08-15", date(2025, 8, 15),
              date(2025, 8, 15), "day", claims[0].id, None, s1),
        Event(ident("event", "2035"), *span("2035"), "2035", "DATE", "2035", date(2035, 1, 1), date(2035, 12, 31),
              "year", claims[1].id, None, s2),
    ]
    keep = lambda items: tuple(i for i in items if i.text not in drop)  # noqa: E731
    extraction = Extraction(article, keep(claims), keep(figures), keep(events), engine_version=engine_version)
    return dataclasses.replace(extraction)


@pytest.fixture
def sample_extraction():
    """build_extraction(...) as a fixture: call it for a hand-made Extraction with known items."""
    return build_extraction


@pytest.fixture
def filled(store):
    """`store` holding the dashboard tests' small hand-made extraction (2 claims, 3 figures, 2 events)."""
    from tests.dashboard_fixtures import small_extraction

    store.save_extraction(small_extraction())
    return store
