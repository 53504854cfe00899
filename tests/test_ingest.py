"""Batch ingest parses a batch's texts together (nlp.pipe) and stores exactly what one file at a time would."""
from __future__ import annotations

from datetime import date

import pytest

import lib.extract.engine
from lib.extract import extract
from lib.ingest import BATCH_FILES, _batches, ingest_files
from lib.sources import read_article
from lib.store import Store

PUBLISHED = date(2025, 8, 15)
FRENCH = ("Plus de {n} planificateurs militaires de 30 pays ont contribué vendredi, a déclaré John Healy. "
          "Le budget de la défense atteindra 5 % du PIB en 2035, selon le ministre des Armées.\n")
ENGLISH = ("More than {n} countries signed the agreement on Monday, the minister said. "
           "Defence spending will rise to 3% of GDP by 2030, according to the Treasury.\n")


@pytest.fixture
def parse_calls(monkeypatch):
    """Every call of parse_many that extraction makes: (language, number of texts)."""
    calls = []
    real = lib.extract.engine.parse_many

    def counted(texts, lang, **options):
        texts = list(texts)
        calls.append((lang, len(texts)))
        return real(texts, lang, **options)

    monkeypatch.setattr(lib.extract.engine, "parse_many", counted)
    return calls


def test_a_batch_parses_each_language_in_one_call_and_stores_what_one_file_at_a_time_would(
        store_url, tmp_path, parse_calls):
    files = [tmp_path / "a-fr.txt", tmp_path / "b-en.txt", tmp_path / "c-fr.txt", tmp_path / "d-broken.txt"]
    files[0].write_text(FRENCH.format(n=200), encoding="utf-8")
    files[1].write_text(ENGLISH.format(n=40), encoding="utf-8")
    files[2].write_text(FRENCH.format(n=300), encoding="utf-8")
    files[3].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with Store(store_url) as store:
        outcomes = ingest_files(store, files, PUBLISHED)
        assert [(o.path, o.outcome) for o in outcomes] == [
            (str(files[0]), "added"), (str(files[1]), "added"), (str(files[2]), "added"), (str(files[3]), "failed")]
        assert outcomes[3].reason == "binary file (looks like PNG), not text"
        assert sorted(parse_calls) == [("en", 1), ("fr", 2)]
        for path, outcome in zip(files[:3], outcomes):
            alone = extract(read_article(path, PUBLISHED))
            stored = store.items(outcome.article_id)
            assert outcome.items == len(alone.items()) > 0
            assert sorted((i.id, i.start, i.end, i.text) for i in stored) == sorted(
                (item.id, item.start, item.end, item.text) for _, item in alone.items())


def test_an_article_whose_extraction_fails_fails_alone_and_the_batch_goes_on(store_url, tmp_path, monkeypatch):
    files = [tmp_path / f"{n}.txt" for n in range(3)]
    for n, path in enumerate(files):
        path.write_text(FRENCH.format(n=200 + n), encoding="utf-8")
    real = lib.extract.engine.find_figures

    def broken_on_201(text, *args, **options):
        if "201 planificateurs" in text:
            raise RuntimeError("figures broke")
        return real(text, *args, **options)

    monkeypatch.setattr(lib.extract.engine, "find_figures", broken_on_201)
    with Store(store_url) as store:
        outcomes = ingest_files(store, files, PUBLISHED, "fr")
    assert [(o.outcome, o.reason) for o in outcomes] == [
        ("added", ""), ("failed", "RuntimeError: figures broke"), ("added", "")]


def test_batches_keep_order_and_stay_small_enough_for_every_worker(tmp_path):
    files = []
    for n in range(100):
        path = tmp_path / f"{n:03}.txt"
        path.write_text("x" * (600_000 if n == 50 else 100), encoding="utf-8")
        files.append(path)
    alone = list(_batches(files, 1))
    assert [f for batch in alone for f in batch] == files
    assert max(len(batch) for batch in alone) == BATCH_FILES
    pooled = list(_batches(files, 2))
    assert [f for batch in pooled for f in batch] == files
    # Guided: full batches while many files are left, then each at most a quarter of what is left (2 workers
    # x TAIL_SHARES 2), down to one file, so that neither worker is left with a long last batch.
    assert [len(batch) for batch in pooled] == [16, 16, 16, 13, 10, 8, 6, 4, 3, 2, 2, 1, 1, 1, 1]
    big = list(_batches([tmp_path / "050.txt"] * 5, 1))
    assert [len(batch) for batch in big] == [3, 2]  # about BATCH_BYTES (2 MB) a batch
