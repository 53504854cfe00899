"""Speed and memory of the full extraction against the spaCy parse alone and `dateparser.search_dates`.

    .venv/bin/python bench/speed.py [--repeat 7] [--limit N]

DESIGN §5: one parse per article; extraction adds at most half the parse's own time, and the whole
stays under 250 ms per ~5 KB article on this 2-core machine. The three run here on the same texts,
alternately, after a warm-up call each (first calls load the spaCy model and dateparser's language
data and compile our tables; that one-off cost is reported apart). Texts: the bundled seeds (seeds/*.txt with their
sidecar date), the TempEval-3 platinum (EN) and French TimeBank subset (FR) documents read in
place from ../shared/bench/timex, and the same documents joined into ~5 KB articles.

Per text we take the median of `--repeat` runs; a row reports the median over its texts, the share
extraction adds beyond the parse ((extract - parse) / parse, summed medians; goal <= 0.5) and the
ratio search_dates / extract (above 1 means the full extraction is faster than dates alone). "pipe ms"
is the parse of the row's texts together in batches (`parse_many`, nlp.pipe, as batch ingest parses),
per text: median of `--repeat` runs. Peak memory is tracemalloc's peak during one call on the largest
text of the row. Times are wall clock: on the shared machine compare columns of one run, not runs
(the load average is printed).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.extract import extract  # noqa: E402
from lib.extract.nlp import parse, parse_many  # noqa: E402
from lib.models import Article  # noqa: E402
from lib.sources import list_seeds, read_seed  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "timex"
TIMEX_FILES = (("en", "TE3 platinum", BENCH / "en" / "te3_platinum.jsonl"), ("fr", "FTiB subset", BENCH / "fr" / "ftib_top30.jsonl"))
ARTICLE_CHARS = 5_000


@dataclass(frozen=True)
class Text:
    name: str
    text: str
    lang: str
    published: date


@dataclass(frozen=True)
class Row:
    corpus: str
    texts: int
    mean_chars: int
    extract_ms: float
    parse_ms: float
    pipe_ms: float
    search_ms: float
    beyond_parse: float
    ratio: float
    extract_peak_kb: float
    search_peak_kb: float
    events: int
    search_hits: int


def load_corpora(limit: int | None) -> list[tuple[str, list[Text]]]:
    corpora = []
    seeds = [
        Text(seed.path.name, read_seed(seed).text, seed.lang or "fr", seed.published or date(2025, 8, 15))
        for seed in list_seeds()
        if seed.path.suffix == ".txt"
    ]
    corpora.append(("seeds", seeds))
    for lang, label, path in TIMEX_FILES:
        if not path.is_file():
            print(f"missing {path}: skipped", file=sys.stderr)
            continue
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = [Text(d["id"], d["text"], lang, date.fromisoformat(d["dct"])) for d in docs][:limit]
        corpora.append((f"{label} ({lang}), as published", texts))
        corpora.append((f"{label} ({lang}), joined to ~5 KB", _joined(texts)))
    return corpora


def _joined(texts: list[Text]) -> list[Text]:
    """Consecutive documents joined until they pass 4.5 KB (about 5 KB), dated by the first."""
    joined, parts = [], []
    for text in texts:
        parts.append(text)
        if sum(len(p.text) for p in parts) >= 0.9 * ARTICLE_CHARS:
            name = "+".join(p.name for p in parts)
            joined.append(Text(name, "\n\n".join(p.text for p in parts), parts[0].lang, parts[0].published))
            parts = []
    return joined


def run_extract(text: Text):
    return extract(Article(text.text, lang=text.lang, published=text.published))


def run_parse(text: Text):
    return parse(text.text, text.lang)


def run_search_dates(text: Text):
    from dateparser.search import search_dates

    base = datetime.combine(text.published, datetime.min.time())
    return search_dates(text.text, languages=[text.lang], settings={"RELATIVE_BASE": base}) or []


def median_ms(call, text: Text, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_kb(call, text: Text) -> float:
    tracemalloc.start()
    try:
        call(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1024


def first_calls(sample: list[Text]) -> dict[str, tuple[float, float]]:
    """Time of the very first call of each (loading data, compiling tables) and how much it raised the
    process's peak resident memory. Not under tracemalloc: tracing every allocation of a model load made
    it 13x slower (French: 74 s traced, 5.6 s not), which is not what an analyst waits."""
    result = {}
    for name, call in (("parse", run_parse), ("extract", run_extract), ("search_dates", run_search_dates)):
        for text in sample:  # one text per language: each language loads its own tables
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            start = time.perf_counter()
            call(text)
            elapsed = (time.perf_counter() - start) * 1000
            grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
            result[f"{name} [{text.lang}]"] = (elapsed, float(grown))
    return result


def measure(corpus: str, texts: list[Text], repeat: int) -> Row:
    extract_times, parse_times, search_times = [], [], []
    events = hits = 0
    for text in texts:
        # Alternate the three so that machine load drifts affect them alike.
        extract_times.append(median_ms(run_extract, text, repeat))
        parse_times.append(median_ms(run_parse, text, repeat))
        search_times.append(median_ms(run_search_dates, text, repeat))
        events += len(run_extract(text).events)
        hits += len(run_search_dates(text))
    largest = max(texts, key=lambda t: len(t.text))
    by_lang: dict[str, list[str]] = {}
    for text in texts:
        by_lang.setdefault(text.lang, []).append(text.text)
    piped = []
    for _ in range(repeat):
        start = time.perf_counter()
        for lang, same in by_lang.items():
            for _doc in parse_many(same, lang):
                pass
        piped.append((time.perf_counter() - start) * 1000 / len(texts))
    return Row(
        corpus=corpus,
        texts=len(texts),
        mean_chars=round(statistics.mean(len(t.text) for t in texts)),
        extract_ms=statistics.median(extract_times),
        parse_ms=statistics.median(parse_times),
        pipe_ms=statistics.median(piped),
        search_ms=statistics.median(search_times),
        beyond_parse=(sum(extract_times) - sum(parse_times)) / sum(parse_times),
        ratio=sum(search_times) / sum(extract_times),
        extract_peak_kb=peak_kb(run_extract, largest),
        search_peak_kb=peak_kb(run_search_dates, largest),
        events=events,
        search_hits=hits,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per text (median taken)")
    parser.add_argument("--limit", type=int, default=None, help="at most N documents per benchmark file")
    args = parser.parse_args(argv)

    corpora = [(name, texts) for name, texts in load_corpora(args.limit) if texts]
    langs = {}
    for _, texts in corpora:
        for text in texts:
            langs.setdefault(text.lang, text)
    firsts = first_calls(list(langs.values()))

    load = os.getloadavg()
    started = time.perf_counter()
    rows = [measure(name, texts, args.repeat) for name, texts in corpora]
    load_after = os.getloadavg()

    print(f"Full extraction vs the parse alone vs dateparser.search_dates (same texts, same run; medians of {args.repeat} runs per text)")
    header = (
        f"{'corpus':<36} {'texts':>5} {'chars':>6} {'extract ms':>10} {'parse ms':>8} {'pipe ms':>7} {'beyond':>6} {'search ms':>10} {'ratio':>6} "
        f"{'extract peak KB':>15} {'search peak KB':>14} {'events':>6} {'search hits':>11}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.corpus:<36} {row.texts:>5} {row.mean_chars:>6} {row.extract_ms:>10.2f} {row.parse_ms:>8.2f} {row.pipe_ms:>7.2f} "
            f"{row.beyond_parse:>5.2f}x {row.search_ms:>10.2f} "
            f"{row.ratio:>5.1f}x {row.extract_peak_kb:>15.0f} {row.search_peak_kb:>14.0f} {row.events:>6} {row.search_hits:>11}"
        )
    print()
    print("beyond = (extract - parse) / parse, summed medians: what extraction adds to the parse (goal <= 0.50)")
    print("ratio = sum of search_dates medians / sum of extract medians (above 1: full extraction is faster)")
    five_kb = [row for row in rows if "~5 KB" in row.corpus]
    for row in five_kb:
        verdict = "ok" if row.extract_ms <= 250 and row.beyond_parse <= 0.5 else "OVER BUDGET"
        print(f"budget, {row.corpus}: whole {row.extract_ms:.0f} ms (<= 250), beyond parse {row.beyond_parse:.2f} (<= 0.50): {verdict}")
    print("First call in this process (loading tables/data), ms and growth of the peak resident memory, KB:")
    for name, (elapsed, peak) in firsts.items():
        print(f"  {name:<20} {elapsed:>8.1f} ms {peak:>10.0f} KB")
    print(f"Process peak resident memory (both libraries loaded): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"Load average (1/5/15 min) before: {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, after: "
          f"{load_after[0]:.1f} {load_after[1]:.1f} {load_after[2]:.1f} on {os.cpu_count()} cores; "
          f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
