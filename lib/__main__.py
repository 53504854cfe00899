"""The command line: `python -m lib extract|ingest|review|export ...`.

Every failure a user can cause (missing file, unreadable text, unsupported
language, impossible date) ends with one line on stderr and a non-zero exit.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from lib.extract import extract
from lib.extract.lang import SUPPORTED_LANGUAGES, UnsupportedLanguage
from lib.highlight import shorten
from lib.sources import SourceError, check_published, read_article

EXIT_BAD_INPUT = 2


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
    parser = argparse.ArgumentParser(prog="python -m lib", description="Fact Desk command line")
    commands = parser.add_subparsers(dest="command", required=True)

    extract_cmd = commands.add_parser("extract", help="extract claims, figures and events from one article")
    extract_cmd.add_argument("path", help="a .txt, .md or .html file")
    extract_cmd.add_argument("--published", type=parse_date, help="publication date YYYY-MM-DD")
    extract_cmd.add_argument("--lang", choices=SUPPORTED_LANGUAGES, help="skip detection and use this language")
    extract_cmd.add_argument("--json", action="store_true", help="print the extraction contract as JSON")
    extract_cmd.set_defaults(handler=run_extract)

    try:
        from lib import commands as store_commands  # the store's ingest/review/export commands
    except ImportError:
        store_commands = None
    if store_commands is not None:
        store_commands.add_commands(commands, parse_date)
    return parser


def load_article(path: str, published: date | None, lang: str | None):
    """Read `path` and settle its language and date: the command line's choices win over the file's."""
    return read_article(path, published, lang)


def run_extract(args: argparse.Namespace) -> int:
    extraction = extract(load_article(args.path, args.published, args.lang))
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


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except (SourceError, UnsupportedLanguage, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
