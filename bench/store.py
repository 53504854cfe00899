"""Store benchmark: ingest speed with 1 and 2 worker processes, and read speed with 100,000 items stored.

    .venv/bin/python bench/store.py [--articles 1000] [--items 100000] [--backends sqlite,postgresql]

1. Writes N synthetic articles built from seeds/*.txt (numbers and names varied, so every
   article is new), then `lib.ingest.ingest_paths` them into a fresh SQLite file and a fresh
   PostgreSQL database with 1 and with 2 worker processes: articles per second.
2. Tops the last store up to 100,000 items with synthetic extractions saved through
   Store.save_extraction, reviews a share of them, then times one article's items
   (target < 50 ms), the whole-corpus status_summary (target < 200 ms) and the corpus list.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from lib.ingest import ingest_paths  # noqa: E402
from lib.models import Event, Extraction, Figure, Status, stable_id  # noqa: E402
from lib.sources import read_file  # noqa: E402
from lib.store import Store  # noqa: E402

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NAMES = ["Healy", "Radakin", "Martin", "Dubois", "Okafor", "Lindqvist", "Moreau", "Schmidt", "Nakamura", "Rossi",
         "Petit", "Garcia", "Nowak", "Haddad", "Jensen", "Fontaine"]
SPEAKERS = re.compile(r"\b(Healy|Trump|Poutine|Putin|Radakin|Starmer|Macron|Zelensky|Zelenskyy)\b")


def seeds() -> list[tuple[Path, dict]]:
    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        sidecar = path.with_suffix(".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.is_file() else {}
        found.append((path, meta))
    if not found:
        sys.exit("no seeds/*.txt to build synthetic articles from")
    return found


def vary(text: str, rng: random.Random) -> str:
    """The same article with other numbers and names, so its id (and every item id) is new."""
    text = re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), text)
    return SPEAKERS.sub(lambda m: rng.choice(NAMES), text)


def write_corpus(folder: Path, count: int) -> None:
    rng = random.Random(7)
    sources = seeds()
    for n in range(count):
        path, meta = sources[n % len(sources)]
        name = f"article-{n:05d}.txt"
        (folder / name).write_text(vary(path.read_text(encoding="utf-8"), rng), encoding="utf-8")
        (folder / f"article-{n:05d}.json").write_text(json.dumps({
            "file": name, "title": f"{meta.get('title', path.stem)} #{n}", "lang": meta.get("lang"),
            "published": meta.get("published")}), encoding="utf-8")


class Databases:
    """Fresh databases per measurement; PostgreSQL ones are dropped at the end."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.created: list[str] = []
        self.admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")

    def fresh(self, backend: str) -> str:
        name = f"factdesk_bench_{uuid.uuid4().hex[:8]}"
        if backend == "sqlite":
            return f"sqlite:///{self.workdir / (name + '.db')}"
        with self.admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        self.created.append(name)
        return sa.engine.make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.created:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def bench_ingest(url: str, folder: Path, workers: int) -> tuple[float, dict]:
    started = time.perf_counter()
    tally: dict[str, int] = {}
    reasons: dict[str, int] = {}
    for outcome in ingest_paths([folder], url, workers=workers):
        tally[outcome.outcome] = tally.get(outcome.outcome, 0) + 1
        if outcome.reason:
            reasons[outcome.reason] = reasons.get(outcome.reason, 0) + 1
    seconds = time.perf_counter() - started
    for reason, count in sorted(reasons.items(), key=lambda entry: -entry[1])[:3]:
        print(f"    failed x{count}: {reason}")
    return seconds, tally


def split_cost(url: str, folder: Path, count: int = 100) -> tuple[float, float]:
    """Median ms per article spent extracting and spent saving, in this one process (no pool)."""
    from lib.sources import read_article
    from lib.extract import extract

    extract_ms, save_ms = [], []
    with Store(url) as store:
        for path in sorted(folder.glob("*.txt"))[:count]:
            article = read_article(str(path), None, None)
            started = time.perf_counter()
            extraction = extract(article)
            extract_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            store.save_extraction(extraction)
            save_ms.append((time.perf_counter() - started) * 1000)
    return statistics.median(extract_ms), statistics.median(save_ms)


def big_extraction(template: Extraction, rng: random.Random, copies: int) -> Extraction:
    """A synthetic long article: the template's text `copies` times plus a unique line, every item repeated."""
    seed_text = template.article.text
    text = "\n\n".join([seed_text] * copies) + f"\n\nRef. {rng.getrandbits(64):016x}"
    article = dataclasses.replace(template.article, text=text, id="", title=f"synthetic {rng.random():.8f}")
    claims, figures, events = [], [], []
    for copy in range(copies):
        offset = copy * (len(seed_text) + 2)
        for bucket, items, kind in ((claims, template.claims, "claim"), (figures, template.figures, "figure"),
                                    (events, template.events, "event")):
            for index, item in enumerate(items):
                fields = {"id": stable_id(article.id, kind, copy, index), "start": item.start + offset,
                          "end": item.end + offset}
                if isinstance(item, (Figure, Event)):
                    fields["sentence"] = (item.sentence[0] + offset, item.sentence[1] + offset)
                bucket.append(dataclasses.replace(item, **fields))
    return Extraction(article, tuple(claims), tuple(figures), tuple(events), template.engine_version)


def fill(store: Store, target_items: int, reviews: int) -> int:
    from lib.extract import extract

    path, meta = seeds()[0]
    base = read_file(path)
    base = dataclasses.replace(base, lang=base.lang or meta.get("lang") or "fr")
    template = extract(base)
    per_article = max(1, len(template.items()))
    rng = random.Random(11)
    stored = sum(sum(a.counts.values()) for a in store.articles())
    added = 0
    while stored < target_items:
        extraction = big_extraction(template, rng, copies=max(1, min(4, (target_items - stored) // per_article)))
        store.save_extraction(extraction)
        stored += len(extraction.items())
        added += 1
    ids = [item.id for item in store.items(kind=None) if item.origin == "extracted"]
    for item_id in rng.sample(ids, min(reviews, len(ids))):
        store.save_review(item_id, status=rng.choice(list(Status)[1:]), note="bench", analyst="bench",
                          expected_version=0)
    return stored


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=2_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    backends = args.backends.split(",")

    with tempfile.TemporaryDirectory(prefix="factdesk-bench-") as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus"
        corpus.mkdir()
        write_corpus(corpus, args.articles)
        databases = Databases(workdir)
        try:
            for backend in backends:
                rates = {}
                url = ""
                for workers in (1, 2):
                    url = databases.fresh(backend)
                    seconds, tally = bench_ingest(url, corpus, workers)
                    rates[workers] = args.articles / seconds
                    print(f"{backend:<10} ingest {args.articles} articles, {workers} worker(s): {seconds:6.1f} s "
                          f"= {rates[workers]:6.1f} articles/s  {tally}", flush=True)
                print(f"{backend:<10} 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x", flush=True)
                extract_ms, save_ms = split_cost(databases.fresh(backend), corpus)
                print(f"{backend:<10} per article, one process: extract {extract_ms:.1f} ms, "
                      f"save_extraction {save_ms:.1f} ms (one transaction)", flush=True)

                with Store(url) as store:
                    started = time.perf_counter()
                    total = fill(store, args.items, args.reviews)
                    print(f"{backend:<10} filled to {total} items (+{args.reviews} reviews) in "
                          f"{time.perf_counter() - started:.1f} s", flush=True)
                    summaries = store.articles()
                    rng = random.Random(3)
                    normal = [a.id for a in summaries if a.title.endswith(tuple("0123456789"))]
                    large = [a.id for a in summaries if a.title.startswith("synthetic")]
                    sample = [rng.choice(normal) for _ in range(30)]
                    big = [rng.choice(large) for _ in range(30)] if large else sample
                    n_items = len(store.items(sample[0]))
                    n_big = len(store.items(big[0]))
                    items_ms = median_ms(lambda: store.items(rng.choice(sample)), 30)
                    big_ms = median_ms(lambda: store.items(rng.choice(big)), 30)
                    summary_ms = median_ms(store.status_summary, 10)
                    article_summary_ms = median_ms(lambda: store.status_summary(rng.choice(sample)), 30)
                    corpus_ms = median_ms(store.articles, 5)
                    print(f"{backend:<10} one article's items ({n_items} items): {items_ms:6.1f} ms  "
                          f"(target < 50 ms: {items_ms / 50:.2f} of budget)")
                    print(f"{backend:<10} one long article's items ({n_big} items): {big_ms:6.1f} ms")
                    print(f"{backend:<10} status_summary over {total} items: {summary_ms:6.1f} ms  "
                          f"(target < 200 ms: {summary_ms / 200:.2f} of budget)")
                    print(f"{backend:<10} status_summary of one article: {article_summary_ms:6.1f} ms")
                    print(f"{backend:<10} articles() list of {len(summaries)} articles: {corpus_ms:6.1f} ms",
                          flush=True)
        finally:
            databases.drop_all()


if __name__ == "__main__":
    main()
