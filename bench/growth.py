"""Extraction time per MB as the input grows: a real article repeated on one line, and deep HTML nesting.

    .venv/bin/python bench/growth.py [--sizes 0.1 1 10] [--article PATH] [--nesting 60000]

Issue 12, point 2: time must grow with the input, not faster. For each size an article (by default
the English test article with the most sentences per KB, which showed the quadratic case) is repeated on one line (as a long paste arrives) and extracted once; the row gives CPU
seconds for the spaCy parse (timed inside extract, so the text is parsed once), for everything
else, and the total per MB. Linear work shows as a flat "s/MB" column. The last row reads
`--nesting` nested <article> elements through lib.sources.read_html.

One run of each size, no repeats: 10 MB takes minutes on the 2-core machine. The process's peak
memory (ru_maxrss) is printed after each row, so read it as "so far".
"""
from __future__ import annotations

import argparse
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


def extract_timed(text: str, lang: str) -> tuple[float, float, int]:
    """(parse CPU s, total CPU s, items) of one extraction; the parse is timed where extract calls it."""
    parse = lib.extract.engine.parse
    spent = []

    def timed(text: str, lang: str, **options):
        start = time.process_time()
        doc = parse(text, lang, **options)
        spent.append(time.process_time() - start)
        return doc

    lib.extract.engine.parse = timed
    try:
        start = time.process_time()
        result = lib.extract.engine.extract(Article(text, lang=lang, published=date(2025, 8, 15)))
        total = time.process_time() - start
    finally:
        lib.extract.engine.parse = parse
    return sum(spent), total, len(result.items())


def nested_html(depth: int) -> str:
    return "<html><body>" + "<article>" * depth + "<p>Le ministre a parlé vendredi de 200 soldats.</p>" + "</article>" * depth + "</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 10], help="sizes in MB")
    parser.add_argument("--article", type=Path, default=ROOT / "tests" / "fixtures" / "articles" / "nato-spending-summit-en.txt",
                        help="a .txt article whose name ends in -en or -fr")
    parser.add_argument("--nesting", type=int, default=60_000, help="nested <article> elements (0: skip)")
    args = parser.parse_args()
    lang = "fr" if "-fr" in args.article.name else "en"
    lib.extract.engine.extract(Article(one_line(args.article, 2_000), lang=lang))  # loads the model: not measured

    print(f"{args.article.name} on one line ({lang}); CPU seconds")
    print(f"{'MB':>6} {'chars':>11} {'items':>7} {'parse s':>9} {'rest s':>8} {'total s':>9} {'s/MB':>7} {'peak MB':>8}")
    for size in args.sizes:
        text = one_line(args.article, int(size * MB))
        parse_s, total_s, items = extract_timed(text, lang)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{size:>6g} {len(text):>11,} {items:>7,} {parse_s:>9.2f} {total_s - parse_s:>8.2f} {total_s:>9.2f} "
              f"{total_s / size:>7.2f} {peak:>8.0f}", flush=True)
    if args.nesting:
        html = nested_html(args.nesting)
        start = time.process_time()
        read_html(html)
        spent = time.process_time() - start
        print(f"html nested {args.nesting:,} <article>: {len(html):,} chars read in {spent:.2f} s CPU")


if __name__ == "__main__":
    main()
