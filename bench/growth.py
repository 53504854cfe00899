"""Extraction time per MB as the input grows: a real article repeated on one line, and deep HTML nesting.

    .venv/bin/python bench/growth.py [--sizes 0.1 1 10] [--article PATH] [--processes auto|1|2] [--nesting 60000]

Issue 12, point 2: time must grow with the input, not faster. For each size an article (by default
the English test article with the most sentences per KB, which showed the quadratic case) is repeated
on one line (as a long paste arrives) and extracted once; the row gives the CPU seconds of the spaCy
parse (timed where extract calls it, so the text is parsed once) and of everything else, and the total
and the total per MB as CPU seconds (this process and the processes it started) and as wall seconds.
Linear work shows as a flat "s/MB" column. `--processes` sets how many processes read a text longer than
lib.extract.engine.SECTION_CHARS, section by section (auto: as lib.extract.nlp.parse_processes decides,
a second one only when a core is idle); the load average before each row says how busy the machine was. The last row reads `--nesting` nested <article>
elements through lib.sources.read_html.

One run of each size, no repeats: 10 MB takes many minutes on the 2-core machine. The process's peak
memory (ru_maxrss, this process or the largest of its children) is printed after each row, so read it
as "so far".
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lib.extract.engine  # noqa: E402
from lib.models import Article  # noqa: E402
from lib.sources import read_html  # noqa: E402

MB = 1_000_000


def one_line(article: Path, chars: int) -> str:
    """The article's words on one line, repeated until `chars` characters."""
    text = " ".join(article.read_text(encoding="utf-8").split()) + " "
    return (text * (chars // len(text) + 1))[:chars]


def cpu_seconds() -> float:
    """CPU seconds of this process and of the parse processes it started (counted once they end)."""
    return sum(used.ru_utime + used.ru_stime
               for used in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def extract_timed(text: str, lang: str, processes: int | None) -> tuple[float, tuple[float, float], int]:
    """(parse CPU s, (total CPU s, wall s), items) of one extraction; the parse is timed where extract calls
    it, in this process or in the processes that read a long text's sections (each adds its own)."""
    parse = lib.extract.engine.parse
    spent = multiprocessing.get_context("fork").Value("d", 0.0)  # forked section readers inherit it

    def timed(text: str, lang: str, **options):
        cpu = cpu_seconds()
        doc = parse(text, lang, **options)
        with spent.get_lock():
            spent.value += cpu_seconds() - cpu
        return doc

    lib.extract.engine.parse = timed
    try:
        cpu, wall = cpu_seconds(), time.perf_counter()
        result = lib.extract.engine.extract(Article(text, lang=lang, published=date(2025, 8, 15)), processes=processes)
        total = (cpu_seconds() - cpu, time.perf_counter() - wall)
    finally:
        lib.extract.engine.parse = parse
    return spent.value, total, len(result.items())


def _pair(seconds: tuple[float, float]) -> str:
    return f"{seconds[0]:>7.2f}/{seconds[1]:<7.2f}"


def nested_html(depth: int) -> str:
    return "<html><body>" + "<article>" * depth + "<p>Le ministre a parlé vendredi de 200 soldats.</p>" + "</article>" * depth + "</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 10], help="sizes in MB")
    parser.add_argument("--article", type=Path, default=ROOT / "tests" / "fixtures" / "articles" / "nato-spending-summit-en.txt",
                        help="a .txt article whose name ends in -en or -fr")
    parser.add_argument("--processes", default="auto", choices=["auto", "1", "2"],
                        help="processes reading a long text (auto: a second one only when a core is idle)")
    parser.add_argument("--nesting", type=int, default=60_000, help="nested <article> elements (0: skip)")
    args = parser.parse_args()
    lang = "fr" if "-fr" in args.article.name else "en"
    processes = None if args.processes == "auto" else int(args.processes)
    lib.extract.engine.extract(Article(one_line(args.article, 2_000), lang=lang))  # loads the model: not measured

    print(f"{args.article.name} on one line ({lang}); processes: {args.processes}; "
          "parse and rest as CPU seconds, total and per MB as CPU / wall")
    print(f"{'MB':>6} {'chars':>11} {'items':>7} {'parse s':>8} {'rest s':>8} {'total s':>15} {'s/MB':>15} "
          f"{'peak MB':>8} {'load':>5}")
    for size in args.sizes:
        text = one_line(args.article, int(size * MB))
        load = os.getloadavg()[0]
        parse_cpu, total_s, items = extract_timed(text, lang, processes)
        per_mb = tuple(total / size for total in total_s)
        peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
        print(f"{size:>6g} {len(text):>11,} {items:>7,} {parse_cpu:>8.2f} {total_s[0] - parse_cpu:>8.2f} {_pair(total_s)} "
              f"{_pair(per_mb)} {peak:>8.0f} {load:>5.1f}", flush=True)
    if args.nesting:
        html = nested_html(args.nesting)
        start = time.process_time()
        read_html(html)
        spent = time.process_time() - start
        print(f"html nested {args.nesting:,} <article>: {len(html):,} chars read in {spent:.2f} s CPU")


if __name__ == "__main__":
    main()
