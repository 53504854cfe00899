"""The command line: `python -m lib extract|ingest|review|export ...`, every subcommand and its exit codes.

    python -m lib extract PATH [--published D] [--lang fr|en] [--json]
    python -m lib ingest PATH... [--published D] [--lang fr|en] [--workers N] [--db URL]
    python -m lib review ITEM_ID --status S [--note N] [--evidence URL]... --by NAME [--db URL]
    python -m lib export --kind claims|figures|events|summary|claimreview [--article ID] [--bom] [--db URL] [-o FILE]

Every failure a user can cause (missing file, unreadable text, unsupported language,
impossible date, unknown id) ends with one line on stderr and an exit code: 0 done,
1 some files failed to ingest, 2 bad input or unknown id, 3 the review conflicted
with someone else's, 4 the database is unavailable. The library never imports this module.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from lib.export import EXPORTS
from lib.extract import extract
from lib.extract.lang import SUPPORTED_LANGUAGES, UnsupportedLanguage
from lib.highlight import shorten
from lib.models import Status
from lib.sources import SourceError, check_published, read_article

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_CONFLICT = 3
EXIT_UNAVAILABLE = 4


def parse_date(value: str) -> date:
    """argparse type for YYYY-MM-DD that names the bad value: '2025-02-30', '3025-01-01' are refused."""
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a real date (YYYY-MM-DD): {value!r}") from None
    try:
        return check_published(parsed)
    except SourceError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """The `python -m lib` parser: extract, ingest, review and export, each with its handler."""
    parser = argparse.ArgumentParser(prog="python -m lib", description="Fact Desk command line")
    subparsers = parser.add_subparsers(dest="command", required=True)

    extract_cmd = subparsers.add_parser("extract", help="extract claims, figures and events from one article")
    extract_cmd.add_argument("path", help="a .txt, .md or .html file")
    extract_cmd.add_argument("--published", type=parse_date, help="publication date YYYY-MM-DD")
    extract_cmd.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="skip detection and use this language")
    extract_cmd.add_argument("--json", action="store_true", help="print the extraction contract as JSON")
    extract_cmd.set_defaults(handler=run_extract)

    db_help = "database URL (default: FACTDESK_DATABASE_URL, .streamlit/secrets.toml, sqlite:///data/factdesk.db)"

    ingest = subparsers.add_parser("ingest", help="read, extract and store articles from files or folders")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .md or .html files, or folders of them")
    ingest.add_argument("--published", type=parse_date, help="publication date YYYY-MM-DD for every file")
    ingest.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="skip detection and use this language")
    ingest.add_argument("--workers", type=_positive, help="worker processes (default: all cores on big batches)")
    ingest.add_argument("--db", help=db_help)
    ingest.set_defaults(handler=run_ingest)

    review = subparsers.add_parser("review", help="record a review of one item")
    review.add_argument("item_id", metavar="ITEM_ID")
    review.add_argument("--status", required=True, choices=[s.value for s in Status])
    review.add_argument("--note", help="replaces the current note (kept when omitted)")
    review.add_argument("--evidence", action="append", metavar="URL",
                        help="an evidence link; repeat for several (replaces the current links)")
    review.add_argument("--by", required=True, metavar="NAME", help="analyst name")
    review.add_argument("--expect-version", type=int, metavar="N",
                        help="refuse the save unless the item is still at version N")
    review.add_argument("--db", help=db_help)
    review.set_defaults(handler=run_review)

    export = subparsers.add_parser("export", help="write CSV or ClaimReview JSON-LD")
    export.add_argument("--kind", required=True, choices=[file.name for file in EXPORTS])
    export.add_argument("--article", metavar="ID", help="only this article")
    export.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 byte-order mark")
    export.add_argument("--db", help=db_help)
    export.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    export.set_defaults(handler=run_export)
    return parser


def run_extract(args: argparse.Namespace) -> int:
    extraction = extract(read_article(args.path, args.published, args.lang))
    if args.json:
        json.dump(extraction.to_contract(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(extraction))
    return 0


def format_table(extraction) -> str:
    """A plain-text view of an extraction for people reading a terminal."""
    article = extraction.article
    lines = [
        f"article {article.id}  lang={article.lang}  published={article.published or 'unknown'}  "
        f"chars={len(article.text)}",
        "",
        f"CLAIMS ({len(extraction.claims)})",
    ]
    lines += [f"  [{c.start}:{c.end}] {c.speaker or '-'} ({c.checkworthiness:.2f}): {shorten(c.text, 100)}" for c in extraction.claims]
    lines += ["", f"FIGURES ({len(extraction.figures)})"]
    lines += [
        f"  [{f.start}:{f.end}] {f.text!r} = {f.value} {f.unit or ''}{' (' + f.approx + ')' if f.approx else ''}"
        for f in extraction.figures
    ]
    lines += ["", f"EVENTS ({len(extraction.events)})"]
    lines += [
        f"  [{e.start}:{e.end}] {e.text!r} {e.type} {e.value} -> "
        f"{e.date or '-'}{' .. ' + str(e.end_date) if e.end_date and e.end_date != e.date else ''}"
        f"{' (' + e.unresolved + ')' if e.unresolved else ''}"
        for e in extraction.events
    ]
    return "\n".join(lines) + "\n"


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _open(url: str | None):
    from lib.store import Store

    return Store(url)


def run_ingest(args: argparse.Namespace) -> int:
    from lib.ingest import ingest_paths
    from lib.store import StoreUnavailable

    progress = sys.stderr.isatty()
    write = _tqdm_write if progress else print
    tally: Counter[str] = Counter()
    try:
        for outcome in ingest_paths(args.paths, args.db, published=args.published, lang=args.lang,
                                    workers=args.workers, progress=progress):
            tally[outcome.outcome] += 1
            write(outcome.line())
    except StoreUnavailable as error:
        return _fail(str(error), EXIT_UNAVAILABLE)
    order = ("added", "unchanged", "re-extracted", "failed")
    total = sum(tally.values())
    print(f"{total} file{'s' if total != 1 else ''}: " + ", ".join(f"{tally[o]} {o}" for o in order))
    return EXIT_SOME_FAILED if tally["failed"] else EXIT_OK


def _tqdm_write(line: str) -> None:
    from tqdm import tqdm

    tqdm.write(line)


def run_review(args: argparse.Namespace) -> int:
    from lib.store import ReviewConflict, StoreUnavailable, UnknownItem

    try:
        with _open(args.db) as store:
            current = store.current_review(args.item_id)
            if current is None:
                return _fail(f"no item with id {args.item_id}", EXIT_BAD_INPUT)
            expected = current.version if args.expect_version is None else args.expect_version
            saved = store.save_review(
                args.item_id,
                status=Status(args.status),
                note=current.note if args.note is None else args.note,
                evidence=current.evidence if args.evidence is None else tuple(args.evidence),
                analyst=args.by,
                expected_version=expected,
            )
    except ReviewConflict as conflict:
        return _fail(str(conflict), EXIT_CONFLICT)
    except (UnknownItem, ValueError) as error:
        return _fail(str(error), EXIT_BAD_INPUT)
    except StoreUnavailable as error:
        return _fail(str(error), EXIT_UNAVAILABLE)
    print(f"{saved.item_id}: {saved.status} by {saved.analyst} (version {saved.version})")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from lib.export import export_file
    from lib.store import StoreUnavailable

    try:
        with _open(args.db) as store:
            articles = {summary.id: summary for summary in store.articles()}
            if args.article is not None and args.article not in articles:
                return _fail(f"no article with id {args.article}", EXIT_BAD_INPUT)
            (wanted,) = [file for file in EXPORTS if file.name == args.kind]
            items = store.items(args.article, wanted.kind)
    except StoreUnavailable as error:
        return _fail(str(error), EXIT_UNAVAILABLE)
    data = export_file(args.kind, items, articles, bom=args.bom)
    if args.output is None or args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    target = Path(args.output)
    try:
        # Written beside the target then renamed, so a failed export never leaves half a file.
        partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as error:
        return _fail(f"cannot write {target}: {error.strerror or error}", EXIT_BAD_INPUT)
    print(f"wrote {len(data)} bytes to {target}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; returns its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (SourceError, UnsupportedLanguage, OSError) as error:
        return _fail(str(error), EXIT_BAD_INPUT)
