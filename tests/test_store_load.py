"""Load: simulated analysts (threads and processes) saving reviews to one article for a bounded time.

Nothing lost, nothing duplicated, every refused save reported as a conflict that names a
newer version. Run with `-s` to see saves per second, conflicts and p95 latency.
"""
from __future__ import annotations

import multiprocessing
import random
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from lib.models import Review, Status
from lib.store import ReviewConflict, Store

SECONDS = 1.5
THREADS = 4
PROCESSES = 2
STATUSES = [s for s in Status if s is not Status.UNCHECKED]


def analyst_session(url: str, name: str, item_ids: list[str], seconds: float, seed: int, start=None) -> list[tuple]:
    """One simulated analyst: read an item's review, change it, save; until the time is up.

    Returns (outcome, item_id, expected_version, saved_or_current_version, note, latency_s) per attempt.
    """
    rng = random.Random(seed)
    records = []
    with Store(url, migrate=False) as store:
        if start is not None:
            start.wait(120)  # every analyst begins together, threads and slower-starting processes alike
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            item_id = rng.choice(item_ids)
            current = store.current_review(item_id)
            n += 1
            note = f"{name}#{n}"
            started = time.perf_counter()
            try:
                saved = store.save_review(item_id, status=rng.choice(STATUSES), note=note, analyst=name,
                                          expected_version=current.version)
                records.append(("saved", item_id, current.version, saved.version, note,
                                time.perf_counter() - started))
            except ReviewConflict as conflict:
                records.append(("conflict", item_id, current.version, conflict.current.version, note,
                                time.perf_counter() - started))
    return records


def test_concurrent_analysts_lose_and_duplicate_nothing(store_url, store, sample_extraction):
    store.save_extraction(sample_extraction())
    item_ids = [item.id for item in store.items()]
    results: list[list[tuple]] = []
    lock = threading.Lock()

    def thread_session(index: int) -> None:
        records = analyst_session(store_url, f"thread{index}", item_ids, SECONDS, index, start)
        with lock:
            results.append(records)

    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, ProcessPoolExecutor(PROCESSES, mp_context=context) as pool:
        start = manager.Barrier(THREADS + PROCESSES)
        futures = [pool.submit(analyst_session, store_url, f"process{i}", item_ids, SECONDS, 100 + i, start)
                   for i in range(PROCESSES)]
        threads = [threading.Thread(target=thread_session, args=(i,)) for i in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        results += [future.result() for future in futures]

    attempts = [record for records in results for record in records]
    saved = [r for r in attempts if r[0] == "saved"]
    conflicts = [r for r in attempts if r[0] == "conflict"]
    assert saved and len(saved) + len(conflicts) == len(attempts)

    # Every conflict is real: someone had saved a newer version than the one the analyst read.
    assert all(current > expected for _, _, expected, current, _, _ in conflicts)
    # Every successful save is in the history exactly once, at the version it was told; nothing else is.
    history = {item_id: store.history(item_id) for item_id in item_ids}
    stored = Counter((r.item_id, r.version, r.note) for reviews in history.values() for r in reviews)
    reported = Counter((item_id, version, note) for _, item_id, _, version, note, _ in saved)
    assert stored == reported
    for item_id, reviews in history.items():
        assert [r.version for r in reviews] == list(range(1, len(reviews) + 1))  # no gap, no duplicate
        assert store.current_review(item_id) == (reviews[-1] if reviews else Review(item_id))
    counts = sum(store.status_summary()[kind][status] for kind in ("claim", "figure", "event") for status in
                 [s.value for s in Status])
    assert counts == len(item_ids)

    latencies = sorted(r[5] for r in attempts)
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    backend = store.backend
    print(f"\nload[{backend}]: {THREADS} threads + {PROCESSES} processes for {SECONDS:g} s on {len(item_ids)} items: "
          f"{len(saved)} saved ({len(saved) / SECONDS:.0f}/s), {len(conflicts)} conflicts reported, "
          f"p95 save latency {p95 * 1000:.1f} ms, 0 lost, 0 duplicated")
