"""Batch ingest rate against the parse-only rate of the same texts, both on every core (issue 8, point 6).

    .venv/bin/python -m bench.ingest [--articles 1000] [--workers 2] [--keep DIR]

DESIGN §5: batch ingest keeps both cores busy and reaches at least 80% of the parse-only rate. The
articles are generated copies of tests/fixtures/articles (numbers varied, so every copy is a new
article; each with its sidecar's language and date), written to a temporary folder. Then, in one run:

1. parse only: the same texts parsed by `workers` processes (spawned, each loading the models once),
   in batches of lib.ingest.BATCH_FILES texts of one language through lib.extract.nlp.parse_many;
2. ingest: `lib.ingest.ingest_paths(folder, <fresh SQLite file>, workers=workers)`: read, detect,
   parse, extract and store each batch in one transaction (an article per savepoint).

Both times are wall clock from the first process started to the last result, start-up and model
loading included in both. The machine is shared, so the articles are cut in two halves measured in
the order parse, ingest, ingest, parse (a load that drifts during the run weighs on both alike).
"machine share" is the CPU time our processes used over wall time x cores: 1.00 means every core
was ours all along; on a shared machine other work takes the rest (see the load average). The rate
ratio is given by wall time (what a user waits, fair only when the shares are alike) and by CPU
time (the work each needs, what to read when other work took the cores).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lib.ingest import BATCH_FILES, ingest_paths  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "articles"
GOAL = 0.80


def write_copies(folder: Path, count: int, seed: str = "") -> list[tuple[str, str]]:
    """`count` copies of the fixture articles in `folder`, numbers varied; returns (lang, text) of each."""
    rng = random.Random(f"copies{seed}")
    sources = []
    for path in sorted(FIXTURES.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        sources.append((path, meta))
    written = []
    for number in range(count):
        path, meta = sources[number % len(sources)]
        text = re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), path.read_text(encoding="utf-8"))
        name = f"{number:05}-{path.name}"
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).with_suffix(".json").write_text(json.dumps({**meta, "file": name}), encoding="utf-8")
        written.append((meta["lang"], text))
    return written


def _load_models(workers: int) -> None:
    from lib.extract.nlp import pipeline, share_cores

    share_cores(workers)  # as lib.ingest's workers do, so both sides parse alike
    for lang in ("fr", "en"):
        pipeline(lang)


def _parse_batch(lang: str, texts: list[str]) -> int:
    from lib.extract.nlp import parse_many

    return sum(len(doc) for doc in parse_many(texts, lang))


def parse_only(texts: list[tuple[str, str]], workers: int) -> int:
    """Parse every text in `workers` spawned processes, in batches of one language; returns how many."""
    batches = []
    for lang in ("fr", "en"):
        same = [text for text_lang, text in texts if text_lang == lang]
        batches += [(lang, same[i:i + BATCH_FILES]) for i in range(0, len(same), BATCH_FILES)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load_models, initargs=(workers,)) as pool:
        tokens = sum(pool.map(_parse_batch, *zip(*batches)))
    assert tokens > 0
    return len(texts)


def ingest(folder: Path, database: Path, workers: int) -> int:
    """Ingest the folder's articles into the store; returns how many were added."""
    outcomes = list(ingest_paths([folder], f"sqlite:///{database}", workers=workers))
    failed = [o for o in outcomes if o.outcome == "failed"]
    if failed:
        print(f"{len(failed)} failed, first: {failed[0].line()}", file=sys.stderr)
    return sum(o.outcome == "added" for o in outcomes)


def cpu_used() -> float:
    """CPU seconds of this process and of its children that have ended."""
    return sum(used.ru_utime + used.ru_stime
               for used in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="write the copies and the database here instead of a temp dir")
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    totals = {"parse only": [0.0, 0.0, 0], "ingest": [0.0, 0.0, 0]}  # wall s, CPU s, articles
    loads = []

    with tempfile.TemporaryDirectory(prefix="factdesk-ingest-") as temp:
        where = args.keep or Path(temp)
        halves = []
        for half in ("a", "b"):
            folder = where / f"articles-{half}"
            folder.mkdir(parents=True, exist_ok=True)
            halves.append((folder, write_copies(folder, args.articles // 2, seed=half)))
        texts = halves[0][1] + halves[1][1]
        order = [("parse only", halves[0]), ("ingest", halves[0]), ("ingest", halves[1]), ("parse only", halves[1])]
        for name, (folder, half_texts) in order:
            cpu, wall = cpu_used(), time.perf_counter()
            loads.append(os.getloadavg()[0])
            if name == "parse only":
                done = parse_only(half_texts, args.workers)
            else:
                done = ingest(folder, where / "factdesk.db", args.workers)
            totals[name][0] += time.perf_counter() - wall
            totals[name][1] += cpu_used() - cpu
            totals[name][2] += done
        loads.append(os.getloadavg()[0])

    chars = sum(len(text) for _, text in texts)
    print(f"{len(texts)} copies of tests/fixtures/articles ({chars / len(texts):,.0f} characters on average), "
          f"{args.workers} worker processes, {cores} cores; load average {' -> '.join(f'{x:.1f}' for x in loads)}")
    print(f"{'':<11} {'wall s':>8} {'CPU s':>8} {'articles':>8} {'per wall s':>10} {'CPU ms / 5 KB':>13} {'machine share':>13}")
    for name, (wall, cpu, done) in totals.items():
        print(f"{name:<11} {wall:>8.1f} {cpu:>8.1f} {done:>8} {done / wall:>10.2f} {cpu * 1000 / (chars / 5000):>13.0f} "
              f"{cpu / (wall * cores):>13.2f}")
    (parse_wall, parse_cpu, parsed), (ingest_wall, ingest_cpu, added) = totals.values()
    by_wall = (added / ingest_wall) / (parsed / parse_wall)
    by_cpu = (added / ingest_cpu) / (parsed / parse_cpu)
    for label, ratio in (("wall", by_wall), ("CPU", by_cpu)):
        print(f"ingest rate / parse-only rate, by {label} time: {ratio:.2f} (goal >= {GOAL:.2f}): "
              f"{'ok' if ratio >= GOAL else 'BELOW GOAL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
