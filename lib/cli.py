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

from lib import validation
from lib.export import EXPORTS
from lib.extract import extract
from lib.extract.lang import SUPPORTED_LANGUAGES, UnsupportedLanguage
from lib.highlight import shorten
from lib.models import Kind, Status
from lib.output import OutputError, printable, write_output
from lib.sources import SourceError, read_article
from lib.validation import InvalidInput

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_CONFLICT = 3
EXIT_UNAVAILABLE = 4


def parse_date(value: str) -> date:
    """argparse type for YYYY-MM-DD that names the bad value: '2025-02-30', '3025-01-01' are refused."""
    try:
        return validation.publication_date(value)
    except InvalidInput as error:
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
    review.add_argument("--expect-version", metavar="N",
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


def _text(value: str | None, what: str) -> str | None:
    """An argument that is stored or compared as text: bytes that were not UTF-8 are refused by name."""
    if value is not None and any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise InvalidInput(f"{what} is not valid UTF-8 text: {printable(value)!r}")
    return value


def _store_url(url: str | None, *, existing: bool) -> str:
    """The database to open (--db, else the configured one), checked; review and export need it to exist."""
    from lib.database import database_url

    return validation.database_url(_text(url, "--db") or database_url(), existing=existing)


def _fail(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _open(url: str | None):
    from lib.store import Store

    return Store(url)


def run_ingest(args: argparse.Namespace) -> int:
    from lib.ingest import ingest_paths
    from lib.store import StoreUnavailable

    url = _store_url(args.db, existing=False)
    workers = args.workers
    if workers is not None and validation.worker_count(workers) < workers:
        workers = validation.worker_count(workers)
        print(f"note: --workers {args.workers} capped to {workers}, the cores of this machine", file=sys.stderr)
    progress = sys.stderr.isatty()
    write = _tqdm_write if progress else print
    # Failures go to stderr as well, unless stdout is the same terminal or file (once is enough there).
    failures_apart = not _same_file(sys.stdout, sys.stderr)
    tally: Counter[str] = Counter()
    try:
        for outcome in ingest_paths(args.paths, url, published=args.published, lang=args.lang,
                                    workers=workers, progress=progress):
            tally[outcome.outcome] += 1
            write(outcome.line())
            if outcome.outcome == "failed" and failures_apart:
                print(outcome.line(), file=sys.stderr)
    except StoreUnavailable as error:
        return _fail(str(error), EXIT_UNAVAILABLE)
    order = ("added", "unchanged", "re-extracted", "failed")
    total = sum(tally.values())
    print(f"{total} file{'s' if total != 1 else ''}: " + ", ".join(f"{tally[o]} {o}" for o in order))
    return EXIT_SOME_FAILED if tally["failed"] else EXIT_OK


def _same_file(one, other) -> bool:
    try:
        return os.path.samestat(os.fstat(one.fileno()), os.fstat(other.fileno()))
    except (OSError, ValueError, AttributeError):
        return False


def _tqdm_write(line: str) -> None:
    from tqdm import tqdm

    tqdm.write(line)


def run_review(args: argparse.Namespace) -> int:
    from lib.store import ReviewConflict, StoreUnavailable, UnknownItem

    # Everything typed is checked before the store is opened: the same rules as the dashboard's.
    item_id, note = _text(args.item_id, "ITEM_ID"), _text(args.note, "--note")
    analyst = validation.analyst_name(_text(args.by, "--by"))
    evidence = None if args.evidence is None else validation.evidence_links(
        _text(link, "--evidence") for link in args.evidence)
    wanted = None if args.expect_version is None else validation.expected_version(args.expect_version)
    url = _store_url(args.db, existing=True)
    try:
        with _open(url) as store:
            current = store.current_review(item_id)
            if current is None:
                return _fail(f"no item with id {printable(item_id)}", EXIT_BAD_INPUT)
            saved = store.save_review(
                item_id,
                status=Status(args.status),
                note=current.note if note is None else note,
                evidence=current.evidence if evidence is None else evidence,
                analyst=analyst,
                expected_version=current.version if wanted is None else wanted,
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

    wanted_article = _text(args.article, "--article")
    url = _store_url(args.db, existing=True)
    try:
        with _open(url) as store:
            articles = {summary.id: summary for summary in store.articles()}
            if wanted_article is not None and wanted_article not in articles:
                return _fail(f"no article with id {printable(wanted_article)}", EXIT_BAD_INPUT)
            (wanted,) = [file for file in EXPORTS if file.name == args.kind]
            # Figures and events name their claim by its text, so they are read with the claims.
            items = store.items(wanted_article, Kind.CLAIM if wanted.kind is Kind.CLAIM else None)
    except StoreUnavailable as error:
        return _fail(str(error), EXIT_UNAVAILABLE)
    data = export_file(args.kind, items, articles, bom=args.bom)
    if args.output is None or args.output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    # A regular file is replaced atomically; /dev/full, a FIFO or a link is never replaced by a file.
    print(write_output(args.output, data), file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; returns its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (SourceError, UnsupportedLanguage, InvalidInput, OutputError, OSError, UnicodeError) as error:
        return _fail(printable(" ".join(str(error).split())), EXIT_BAD_INPUT)
