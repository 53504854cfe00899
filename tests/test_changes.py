"""lib.changes: the store's cheap version check, what was reviewed since, and the analysts it knows."""
from __future__ import annotations

import dataclasses

from lib.changes import analysts, reviewed_since, stamp
from lib.models import Kind, Status
from tests.dashboard_fixtures import small_extraction


def test_stamp_moves_with_every_review_item_and_extraction(store):
    empty = stamp(store)
    extraction = small_extraction()
    store.save_extraction(extraction)
    loaded = stamp(store)
    assert loaded != empty and loaded.items == 7 and not loaded.same_items(empty)
    store.save_review("c1", status=Status.VERIFIED, analyst="Ana", expected_version=0)
    reviewed = stamp(store)
    assert reviewed.review > loaded.review and reviewed.same_items(loaded)
    store.add_item(extraction.article.id, Kind.CLAIM, "Une phrase ajoutée.", analyst="Bob")
    assert not stamp(store).same_items(reviewed)
    assert stamp(store) == stamp(store)  # nothing written, nothing moves


def test_reviewed_since_names_only_the_items_changed_after_a_stamp(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    other = small_extraction(extraction.article.text + " Fin.", prefix="b-")
    store.save_extraction(other)
    store.save_review("c1", status=Status.VERIFIED, analyst="Ana", expected_version=0)
    seen = stamp(store)
    store.save_review("c2", status=Status.FALSE, analyst="Bob", expected_version=0)
    store.save_review("f1", status=Status.FALSE, analyst="Bob", expected_version=0)
    store.save_review("b-c1", status=Status.FALSE, analyst="Bob", expected_version=0)
    assert reviewed_since(store, seen.review) == ["b-c1", "c2", "f1"]
    assert reviewed_since(store, seen.review, extraction.article.id) == ["c2", "f1"]
    assert reviewed_since(store, seen.review, extraction.article.id, Kind.CLAIM) == ["c2"]
    assert store.items(ids=["f1", "c2"])[0].review.analyst == "Bob"


def test_analysts_are_everyone_who_reviewed_or_added(store):
    extraction = small_extraction()
    store.save_extraction(extraction)
    assert analysts(store) == []
    store.save_review("c1", status=Status.VERIFIED, analyst="zoé", expected_version=0)
    store.save_review("c1", status=Status.FALSE, analyst="Bob", expected_version=1)
    store.add_item(extraction.article.id, Kind.FIGURE, "deux", analyst="Ana")
    assert analysts(store) == ["Ana", "Bob", "zoé"]


def test_frames_follow_the_stamp_reading_only_what_changed(store, monkeypatch):
    from lib.session.loaders import _Frames
    from lib.store import Store

    extraction = small_extraction()
    store.save_extraction(extraction)
    monkeypatch.setattr("lib.session.loaders._store", lambda url: store)
    frames = _Frames()
    first = frames.get(store.url, extraction.article.id, "claim", stamp(store))
    assert frames.get(store.url, extraction.article.id, "claim", stamp(store)) is first  # nothing moved: the same frame
    reads = []
    original = Store.items
    monkeypatch.setattr(Store, "items", lambda self, *a, **k: reads.append(k.get("ids")) or original(self, *a, **k))
    store.save_review("c2", status=Status.FALSE, analyst="Bob", expected_version=0)
    patched = frames.get(store.url, extraction.article.id, "claim", stamp(store))
    assert reads == [["c2"]]  # only Bob's item was read again
    assert patched.loc["c2", ["status", "analyst", "version"]].tolist() == ["false", "Bob", 1]
    assert patched.loc["c1", "status"] == "unchecked" and first.loc["c2", "status"] == "unchecked"
    store.save_extraction(dataclasses.replace(extraction, claims=extraction.claims[:1], engine_version="2"))
    assert frames.get(store.url, extraction.article.id, "claim", stamp(store)).loc["c2", "orphaned"]
