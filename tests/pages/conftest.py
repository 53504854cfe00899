"""Fixtures of the page tests: each test's app and `store` share one fresh SQLite file in tmp_path."""
from __future__ import annotations

import sys

import pytest

from tests.dashboard_fixtures import small_extraction


@pytest.fixture(autouse=True)
def _main_module_given_back():
    """AppTest runs dashboard.py as `__main__` and leaves it there; a later test whose code spawns processes
    (batch ingest) then had each child import dashboard.py again as its main module, which opened the default
    store and created the checkout's own data/factdesk.db (tests/conftest.py now fails a test that does)."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main


@pytest.fixture
def store_url(tmp_path, monkeypatch):
    """The pages run on a SQLite file in tmp_path, the app pointed at it; `store` (tests/conftest.py) opens the same."""
    url = f"sqlite:///{tmp_path / 'factdesk.db'}"
    monkeypatch.setenv("FACTDESK_DATABASE_URL", url)
    return url


@pytest.fixture
def stored(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    return extraction.article.id


@pytest.fixture
def counted(monkeypatch):
    """Calls of the heavy builders behind Corpus and Export, by name; caches emptied first."""
    from lib import corpus, export, session

    session.after_write()
    calls: dict[str, int] = {}

    def counting(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapper)

    counting(corpus, "recurring_speakers")
    counting(export, "export_csv")
    return calls


@pytest.fixture
def downloads(monkeypatch):
    """The bytes every download button hands to the browser, by file name."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    captured: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        if isinstance(path_or_data, bytes) and filename:
            captured[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return captured
