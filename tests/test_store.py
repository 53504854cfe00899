"""The review store on SQLite and PostgreSQL: identity, history, re-extraction, conflicts, migrations."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from lib.models import Kind, Review, Status
from lib.store import ReviewConflict, Store, UnknownItem, database_url

ROOT = Path(__file__).resolve().parent.parent


def item_by_text(store, text):
    return next(item for item in store.items() if item.text == text)


def test_saving_an_extraction_adds_the_article_and_its_items(store, sample_extraction):
    extraction = sample_extraction()
    outcome = store.save_extraction(extraction)
    assert (outcome.article_id, outcome.outcome, outcome.kept, outcome.orphaned) == (
        extraction.article.id, "added", 0, 0)
    items = store.items(extraction.article.id)
    assert [(i.kind, i.text) for i in items] == [
        (Kind.CLAIM, extraction.claims[0].text),
        (Kind.CLAIM, extraction.claims[1].text),
        (Kind.FIGURE, "Plus de 200"),
        (Kind.FIGURE, "5 %"),
        (Kind.EVENT, "vendredi"),
        (Kind.EVENT, "2035"),
    ]
    assert [i.id for i in items if i.kind is Kind.FIGURE] == [f.id for f in extraction.figures]
    text = extraction.article.text
    assert all(text[i.start:i.end] == i.text for i in items)
    figure = item_by_text(store, "Plus de 200")
    assert figure.fields == {"value": 200, "unit": "planificateurs militaires", "approx": "more than",
                             "claim_id": extraction.claims[0].id}
    assert figure.sentence == extraction.claims[0].text
    assert (figure.origin, figure.orphaned, figure.review) == ("extracted", False, Review(figure.id))
    event = item_by_text(store, "2035")
    assert event.fields == {"type": "DATE", "value": "2035", "date": "2035-01-01", "end_date": "2035-12-31",
                            "granularity": "year", "claim_id": extraction.claims[1].id, "unresolved": None,
                            "what": ""}
    claim = store.items(kind=Kind.CLAIM)[0]
    assert claim.fields == {"speaker": "Healy", "checkworthiness": 0.9}


def test_extraction_repeating_an_item_id_is_refused_whole(store, sample_extraction):
    import dataclasses

    extraction = sample_extraction()
    twin = dataclasses.replace(extraction.figures[1], id=extraction.figures[0].id)
    with pytest.raises(ValueError, match="repeats item ids: " + extraction.figures[0].id):
        store.save_extraction(dataclasses.replace(extraction, figures=(extraction.figures[0], twin)))
    assert store.articles() == []


def test_a_batch_is_saved_together_and_an_article_that_fails_rolls_back_alone(store, sample_extraction):
    import dataclasses

    first = sample_extraction()
    broken = sample_extraction("Un autre texte : " + first.article.text)
    twin = dataclasses.replace(broken.figures[1], id=broken.figures[0].id)
    broken = dataclasses.replace(broken, figures=(broken.figures[0], twin))
    last = sample_extraction(first.article.text + " Fin.")
    results = store.save_extractions([first, broken, last])
    assert [getattr(r, "outcome", None) for r in results] == ["added", None, "added"]
    assert isinstance(results[1], ValueError) and "repeats item ids" in str(results[1])
    assert sorted(a.id for a in store.articles()) == sorted([first.article.id, last.article.id])
    assert store.items(broken.article.id) == []
    assert len(store.items(last.article.id)) == 6
    # Saved again in a batch, the same extractions are unchanged, and the fixed one is added.
    fixed = sample_extraction("Un autre texte : " + first.article.text)
    again = store.save_extractions([first, fixed, last])
    assert [r.outcome for r in again] == ["unchanged", "added", "unchanged"]


def test_when_the_batch_transaction_fails_every_article_fails_with_its_reason(tmp_path, sample_extraction):
    from lib.store import StoreUnavailable

    url = f"sqlite:///{tmp_path / 'desk.db'}"
    holder = Store(url)
    waiting = Store(url, timeout=0.2)
    extractions = [sample_extraction(), sample_extraction("Deux : " + sample_extraction().article.text)]
    with holder.database.write():  # another program holds the write lock all along
        results = waiting.save_extractions(extractions)
    assert len(results) == 2 and all(isinstance(r, StoreUnavailable) for r in results)
    assert "locked by another program" in str(results[0])
    assert waiting.articles() == []
    holder.close()
    waiting.close()


def test_stored_article_comes_back_whole(store, sample_extraction):
    extraction = sample_extraction()
    store.save_extraction(extraction)
    assert store.article(extraction.article.id) == extraction.article
    assert store.article("nope") is None


def test_saving_the_same_extraction_again_is_unchanged(store, sample_extraction):
    store.save_extraction(sample_extraction())
    outcome = store.save_extraction(sample_extraction())
    assert outcome.outcome == "unchanged"
    assert len(store.items()) == 6


def test_reextraction_keeps_reviews_and_orphans_vanished_items(store, sample_extraction):
    store.save_extraction(sample_extraction())
    kept = item_by_text(store, "Plus de 200")
    gone = item_by_text(store, "5 %")
    store.save_review(kept.id, status=Status.VERIFIED, note="source: MoD", analyst="ana", expected_version=0)
    store.save_review(gone.id, status=Status.FALSE, note="was 2.5 %", analyst="bob", expected_version=0)

    outcome = store.save_extraction(sample_extraction(engine_version="2", drop=("5 %",)))

    assert (outcome.outcome, outcome.kept, outcome.orphaned) == ("re-extracted", 1, 1)
    by_id = {i.id: i for i in store.items()}
    assert len(by_id) == 6
    assert (by_id[kept.id].orphaned, by_id[kept.id].review.status, by_id[kept.id].review.note) == (
        False, Status.VERIFIED, "source: MoD")
    assert (by_id[gone.id].orphaned, by_id[gone.id].review.status, by_id[gone.id].review.note) == (
        True, Status.FALSE, "was 2.5 %")
    assert [i.id for i in store.items(include_orphaned=False)] == [i for i in by_id if i != gone.id]
    assert store.articles()[0].engine_version == "2"


def test_item_found_again_by_a_later_extraction_is_no_longer_orphaned(store, sample_extraction):
    store.save_extraction(sample_extraction())
    store.save_extraction(sample_extraction(engine_version="2", drop=("2035",)))
    assert item_by_text(store, "2035").orphaned is True
    store.save_extraction(sample_extraction(engine_version="3"))
    assert item_by_text(store, "2035").orphaned is False


def test_new_publication_date_reextracts_and_keeps_item_identity(store, sample_extraction):
    store.save_extraction(sample_extraction())
    before = [i.id for i in store.items()]
    outcome = store.save_extraction(sample_extraction(published=date(2025, 8, 16)))
    assert outcome.outcome == "re-extracted"
    assert [i.id for i in store.items()] == before
    assert store.article(store.articles()[0].id).published == date(2025, 8, 16)


def test_review_history_is_appended_oldest_first(store, sample_extraction):
    store.save_extraction(sample_extraction())
    item = item_by_text(store, "vendredi")
    first = store.save_review(item.id, status=Status.IN_PROGRESS, analyst="ana", expected_version=0)
    second = store.save_review(item.id, status=Status.VERIFIED, note="checked the calendar",
                               evidence=("https://example.org/a", " "), analyst="bob", expected_version=1)
    history = store.history(item.id)
    assert [(r.version, r.status, r.analyst, r.note, r.evidence) for r in history] == [
        (1, Status.IN_PROGRESS, "ana", "", ()),
        (2, Status.VERIFIED, "bob", "checked the calendar", ("https://example.org/a",)),
    ]
    assert history == [first, second]
    assert history[1].at.tzinfo is not None
    assert item_by_text(store, "vendredi").review == history[-1]


def test_stale_save_is_refused_with_the_other_analysts_review(store, sample_extraction):
    store.save_extraction(sample_extraction())
    item = item_by_text(store, "Plus de 200")
    store.save_review(item.id, status=Status.FALSE, note="it was 150", analyst="ana", expected_version=0)
    with pytest.raises(ReviewConflict) as caught:
        store.save_review(item.id, status=Status.VERIFIED, analyst="bob", expected_version=0)
    current = caught.value.current
    assert (current.status, current.note, current.analyst, current.version) == (Status.FALSE, "it was 150", "ana", 1)
    assert "changed by ana" in str(caught.value)
    assert [r.analyst for r in store.history(item.id)] == ["ana"]


def test_two_concurrent_savers_of_one_version_exactly_one_wins(store_url, sample_extraction):
    with Store(store_url) as setup:
        setup.save_extraction(sample_extraction())
        item_id = item_by_text(setup, "Plus de 200").id
    stores = [Store(store_url, migrate=False) for _ in range(4)]
    barrier = threading.Barrier(len(stores))
    results: list = [None] * len(stores)

    def save(index: int) -> None:
        barrier.wait()
        try:
            results[index] = stores[index].save_review(
                item_id, status=Status.VERIFIED, note=f"by {index}", analyst=f"analyst{index}", expected_version=0)
        except ReviewConflict as conflict:
            results[index] = conflict

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [r for r in results if isinstance(r, Review)]
    conflicts = [r for r in results if isinstance(r, ReviewConflict)]
    assert len(winners) == 1 and len(conflicts) == len(stores) - 1
    assert all(c.current == winners[0] for c in conflicts)
    history = stores[0].history(item_id)
    assert [(r.version, r.note) for r in history] == [(1, winners[0].note)]
    for opened in stores:
        opened.close()


def test_same_article_ingested_twice_at_once_is_added_once(store_url, sample_extraction):
    with Store(store_url):
        pass  # migrate before the racers open the database
    stores = [Store(store_url, migrate=False) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes = [None, None]

    def ingest(index: int) -> None:
        barrier.wait()
        outcomes[index] = stores[index].save_extraction(sample_extraction()).outcome

    threads = [threading.Thread(target=ingest, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["added", "unchanged"]
    assert len(stores[0].articles()) == 1 and len(stores[0].items()) == 6
    for opened in stores:
        opened.close()


def test_two_stores_opening_a_fresh_database_at_once_migrate_it_once(store_url, sample_extraction):
    barrier = threading.Barrier(3)
    opened: list = []
    errors: list = []

    def open_store() -> None:
        barrier.wait()
        try:
            opened.append(Store(store_url))
        except Exception as error:  # noqa: BLE001 - the assertion below shows it
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and len(opened) == 3
    assert opened[0].save_extraction(sample_extraction()).outcome == "added"
    assert len(opened[2].items()) == 6
    with opened[1].database.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1
    for store in opened:
        store.close()


def test_database_refuses_a_second_review_with_the_same_version(store, sample_extraction):
    store.save_extraction(sample_extraction())
    item = item_by_text(store, "2035")
    store.save_review(item.id, status=Status.VERIFIED, analyst="ana", expected_version=0)
    row = {"item_id": item.id, "version": 1, "status": "false", "note": "", "evidence": [], "analyst": "eve",
           "at": store.history(item.id)[0].at}
    from lib.schema import reviews_table
    with pytest.raises(sa.exc.IntegrityError):
        with store.database.engine.begin() as conn:
            conn.execute(reviews_table.insert().values(**row))


def test_review_of_unknown_item_says_so(store):
    with pytest.raises(UnknownItem, match="no item with id missing"):
        store.save_review("missing", status=Status.VERIFIED, analyst="ana", expected_version=0)


def test_review_needs_an_analyst_and_a_known_status(store, sample_extraction):
    store.save_extraction(sample_extraction())
    item = item_by_text(store, "2035")
    with pytest.raises(ValueError, match="analyst"):
        store.save_review(item.id, status=Status.VERIFIED, analyst="  ", expected_version=0)
    with pytest.raises(ValueError):
        store.save_review(item.id, status="true-ish", analyst="ana", expected_version=0)
    assert store.history(item.id) == []


def test_hand_added_item_is_kept_through_reextraction(store, sample_extraction):
    extraction = sample_extraction()
    store.save_extraction(extraction)
    added = store.add_item(extraction.article.id, Kind.FIGURE, " 3 brigades ", analyst="ana",
                           fields={"value": 3, "unit": "brigades"})
    assert (added.origin, added.text, added.sentence, added.start) == ("manual", "3 brigades", "", None)
    store.save_review(added.id, status=Status.VERIFIED, analyst="ana", expected_version=0)
    store.save_extraction(sample_extraction(engine_version="2"))
    figures = store.items(extraction.article.id, Kind.FIGURE)
    assert [f.text for f in figures] == ["Plus de 200", "5 %", "3 brigades"]
    assert (figures[-1].orphaned, figures[-1].review.status, figures[-1].fields) == (
        False, Status.VERIFIED, {"value": 3, "unit": "brigades"})


def test_adding_an_item_to_an_unknown_article_is_refused(store):
    with pytest.raises(UnknownItem, match="no article"):
        store.add_item("nope", Kind.CLAIM, "x", analyst="ana")


def test_status_summary_and_article_progress_ignore_orphans(store, sample_extraction):
    extraction = sample_extraction()
    store.save_extraction(extraction)
    store.save_review(item_by_text(store, "Plus de 200").id, status=Status.VERIFIED, analyst="a", expected_version=0)
    store.save_review(item_by_text(store, "5 %").id, status=Status.FALSE, analyst="a", expected_version=0)
    store.save_review(item_by_text(store, "2035").id, status=Status.MISLEADING, analyst="a", expected_version=0)
    store.save_extraction(sample_extraction(engine_version="2", drop=("5 %",)))

    summary = store.status_summary()
    assert summary["figure"] == {s.value: (1 if s is Status.VERIFIED else 0) for s in Status}
    assert summary["event"]["misleading"] == 1 and summary["event"]["unchecked"] == 1
    assert summary["claim"]["unchecked"] == 2
    assert store.status_summary(extraction.article.id) == summary
    assert store.status_summary("other")["claim"]["unchecked"] == 0
    [article] = store.articles()
    assert (article.counts, article.checked, article.total) == ({"claim": 2, "figure": 1, "event": 2}, 2, 5)
    assert (article.title, article.lang, article.published, article.source) == (
        "Healy à Kyiv", "fr", date(2025, 8, 15), "test")
    assert article.ingested_at.tzinfo is not None


def test_reviews_survive_closing_and_reopening_the_store(store_url, sample_extraction):
    with Store(store_url) as first:
        first.save_extraction(sample_extraction())
        item = item_by_text(first, "vendredi")
        first.save_review(item.id, status=Status.INCONCLUSIVE, note="two calendars", analyst="ana",
                          expected_version=0)
    with Store(store_url) as second:
        assert item_by_text(second, "vendredi").review.note == "two calendars"
        assert len(second.history(item.id)) == 1


KILL_SCRIPT = """
import os, signal, sys
sys.path.insert(0, {root!r})
import importlib.util
spec = importlib.util.spec_from_file_location("store_conftest", {tests!r} + "/conftest.py")
shared = importlib.util.module_from_spec(spec)
spec.loader.exec_module(shared)
build_extraction = shared.build_extraction
from lib.store import Store
store = Store({url!r})
import lib.article_rows
def die(conn, rows, now):
    conn.execute(__import__("lib.schema", fromlist=["items_table"]).items_table.insert(), [
        dict(rows[0], origin="extracted", orphaned=False, added_by="", created_at=now, status="unchecked",
             version=0)])
    print("inserted", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
lib.article_rows._write_items = die
store.save_extraction(build_extraction())
"""


def test_process_killed_mid_ingest_leaves_the_store_as_it_was(store_url, sample_extraction):
    with Store(store_url) as store:
        assert store.articles() == []
    script = KILL_SCRIPT.format(root=str(ROOT), tests=str(ROOT / "tests"), url=store_url)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert "inserted" in done.stdout
    with Store(store_url) as store:
        assert store.articles() == [] and store.items() == []
        assert store.save_extraction(sample_extraction()).outcome == "added"
        assert len(store.items()) == 6


def test_sqlite_store_uses_wal_and_foreign_keys_and_creates_its_folder(tmp_path):
    path = tmp_path / "data" / "nested" / "factdesk.db"
    with Store(f"sqlite:///{path}") as store:
        with store.database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert path.is_file()


def test_database_url_prefers_environment_then_secrets_then_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTDESK_DATABASE_URL", raising=False)
    assert database_url() == "sqlite:///data/factdesk.db"
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        '[connections.factdesk]\nurl = "postgresql+psycopg://desk@db/factdesk"\n', encoding="utf-8")
    assert database_url() == "postgresql+psycopg://desk@db/factdesk"
    monkeypatch.setenv("FACTDESK_DATABASE_URL", "sqlite:///elsewhere.db")
    assert database_url() == "sqlite:///elsewhere.db"


def test_unreadable_secrets_file_is_named_in_the_error(tmp_path, monkeypatch):
    from lib.store import StoreUnavailable

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTDESK_DATABASE_URL", raising=False)
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text("[connections.factdesk\nurl = 1", encoding="utf-8")
    with pytest.raises(StoreUnavailable, match=r"cannot read \.streamlit/secrets\.toml"):
        database_url()


def test_store_opened_without_url_uses_the_default_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTDESK_DATABASE_URL", raising=False)
    with Store() as store:
        assert store.backend == "sqlite"
    assert (tmp_path / "data" / "factdesk.db").is_file()


def test_database_from_the_first_schema_upgrades_without_loss(store_url):
    from alembic import command
    from alembic.config import Config

    from lib.database import MIGRATIONS

    store = Store(store_url, migrate=False)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.database.engine.connect() as conn:
        conn = conn.execution_options(factdesk_write=True)
        with conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
        with conn.begin():
            columns = {c["name"] for c in sa.inspect(conn).get_columns("items")}
            assert "status" not in columns  # really the first schema
            conn.execute(sa.text(
                "INSERT INTO articles (id, title, lang, published, source, text, boilerplate, engine_version,"
                " fingerprint, ingested_at, extracted_at) VALUES ('a1', 'Old', 'fr', '2025-08-15', 's',"
                " 'Trois pays.', '[]', '0', 'f', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
            conn.execute(sa.text(
                "INSERT INTO items (id, article_id, kind, span_start, span_end, text, sentence, fields, origin,"
                " orphaned, added_by, created_at) VALUES"
                " ('i1', 'a1', 'figure', 0, 10, 'Trois pays', 'Trois pays.', '{\"value\": 3}', 'extracted',"
                " false, '', CURRENT_TIMESTAMP),"
                " ('i2', 'a1', 'claim', 0, 11, 'Trois pays.', 'Trois pays.', '{}', 'extracted',"
                " false, '', CURRENT_TIMESTAMP)"))
            for version, status, who in [(1, "in_progress", "ana"), (2, "false", "bob")]:
                conn.execute(sa.text(
                    "INSERT INTO reviews (item_id, version, status, note, evidence, analyst, at) VALUES"
                    " ('i1', :v, :s, 'n', '[\"https://x.org\"]', :who, CURRENT_TIMESTAMP)"),
                    {"v": version, "s": status, "who": who})
    store.close()

    with Store(store_url) as upgraded:
        items = {i.id: i for i in upgraded.items()}
        assert (items["i1"].review.status, items["i1"].review.analyst, items["i1"].review.version) == (
            Status.FALSE, "bob", 2)
        assert items["i1"].review.evidence == ("https://x.org",)
        assert items["i1"].fields == {"value": 3}
        assert items["i2"].review == Review("i2")
        assert [r.status for r in upgraded.history("i1")] == [Status.IN_PROGRESS, Status.FALSE]
        assert upgraded.status_summary()["figure"]["false"] == 1
        assert upgraded.article("a1").text == "Trois pays."
        # The upgraded database takes new reviews against the migrated version.
        assert upgraded.save_review("i1", status=Status.VERIFIED, analyst="cy", expected_version=2).version == 3


@pytest.mark.parametrize("ci, expected_code, expected_text", [
    ("", 0, "SKIPPING POSTGRESQL TESTS: PostgreSQL at postgresql+psycopg://postgres@127.0.0.1:1/test is unreachable"),
    ("true", 1, "CI must run the store suite against PostgreSQL"),
])
def test_missing_postgresql_skips_loudly_but_fails_in_ci(ci, expected_code, expected_text):
    env = dict(os.environ, FACTDESK_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:1/test", CI=ci)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "--no-header",
         "tests/test_store.py::test_stored_article_comes_back_whole"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == expected_code, done.stdout[-2000:]
    assert expected_text in done.stdout
    assert ("1 passed" in done.stdout) and (("1 skipped" in done.stdout) == (ci == ""))


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_an_added_figure_with_a_non_finite_value_is_refused_plainly(store, sample_extraction, value):
    extraction = sample_extraction()
    store.save_extraction(extraction)
    with pytest.raises(ValueError, match="value must be a finite number"):
        store.add_item(extraction.article.id, Kind.FIGURE, "beaucoup", analyst="ana", fields={"value": value})
    assert [i for i in store.items(extraction.article.id) if i.origin == "manual"] == []
