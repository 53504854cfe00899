"""Real saved web pages: article text and publication date, trafilatura + htmldate beside our own reader.

    .venv/bin/python bench/webpages.py                       # both corpora, default mirror paths
    .venv/bin/python bench/webpages.py --text REPO --dates REPO --limit 200

Data, read in place and never copied (both Apache-2.0):
  --text   a git directory (bare or checked out) of adbar/trafilatura: tests/evaldata.json lists, per saved page
           (tests/eval/ or tests/cache/), snippets that must appear in the article text ("with")
           and snippets that must not ("without": navigation, related lists, comments, footers);
  --dates  a git directory (bare or checked out) of adbar/htmldate: tests/eval_default.json and eval_mediacloud_2020.json
           give each saved page (tests/eval/, tests/cache/, tests/test_set/) its known publication day.
The pages are read from the git objects (`git cat-file`), so a bare mirror works as it is. When a
directory is absent the corpus is skipped with a message, and the run still exits 0.

Each page goes through what an upload goes through: bytes decoded as lib.sources decodes an .html
file, then `read_html` (trafilatura, htmldate, fallback) and `read_html_stream` (our reader alone).
Dates are also scored as a fetched page's (the page's address given, as `fetch_url` gives it).
Snippets are compared whitespace-normalised, as trafilatura's own evaluation does. Language groups
come from detecting the "with" snippets (text corpus) or the new reader's text (date corpus).

Columns: boilerplate absent = mean per page of the share of "without" snippets absent; article found =
the same for "with" snippets; F1 = pooled over all snippets (trafilatura's own score); refused =
pages where no text came out; time = per page, parse included.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lib.language import detect_language  # noqa: E402
from lib.sources import SourceError  # noqa: E402
from lib.sources.decode import decode_declared  # noqa: E402
from lib.sources import html as html_module  # noqa: E402
from lib.sources.html import read_html, read_html_stream  # noqa: E402

MIRRORS = Path("/work/.mirror")
DEFAULT_TEXT = MIRRORS / "adbar+trafilatura" / "repo"
DEFAULT_DATES = MIRRORS / "adbar+htmldate" / "repo"
READERS = {"trafilatura+htmldate": read_html, "our reader (old)": read_html_stream}


class GitBlobs:
    """Files of a repository's HEAD, read from its object store through one `git cat-file --batch`."""

    def __init__(self, git_dir: Path):
        self.git_dir = git_dir
        listing = subprocess.run(
            ["git", "-C", str(git_dir), "ls-tree", "-r", "--name-only", "-z", "HEAD"],
            check=True, capture_output=True,
        ).stdout
        self.names = set(listing.decode("utf-8", "surrogateescape").split("\0"))
        self._batch = subprocess.Popen(
            ["git", "-C", str(git_dir), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def read(self, path: str) -> bytes | None:
        if path not in self.names:
            return None
        self._batch.stdin.write(f"HEAD:{path}\n".encode("utf-8", "surrogateescape"))
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if len(header) < 3 or header[1] != b"blob":
            return None
        data = self._batch.stdout.read(int(header[2]))
        self._batch.stdout.read(1)  # the newline after each object
        return data

    def first(self, folders: tuple[str, ...], name: str) -> bytes | None:
        for folder in folders:
            data = self.read(f"{folder}/{name}")
            if data is not None:
                return data
        return None

    def close(self) -> None:
        self._batch.stdin.close()
        self._batch.wait()


def _usable(git_dir: Path, what: str) -> bool:
    if (git_dir / "HEAD").is_file() or (git_dir / ".git").exists():  # a bare mirror or a checkout
        return True
    print(f"skipped {what}: no git directory at {git_dir} (pass its path; see the docstring)")
    return False


def norm(text: str) -> str:
    return " ".join(text.split())


def _lang(text: str) -> str | None:
    try:
        return detect_language(text)
    except ValueError:
        return None


def _read(reader, html: str, url: str | None = None):
    started = time.perf_counter()
    try:
        article = reader(html, url=url) if url is not None else reader(html)
    except SourceError:
        article = None
    return article, time.perf_counter() - started


@dataclass
class TextScore:
    pages: int = 0
    refused: int = 0
    absent: list[float] = field(default_factory=list)
    found: list[float] = field(default_factory=list)
    tp: int = 0
    fp: int = 0
    fn: int = 0
    seconds: list[float] = field(default_factory=list)

    def add(self, item: dict, text: str | None, seconds: float) -> None:
        body = norm(text or "")
        withs = [norm(s) in body for s in item["with"]]
        withouts = [norm(s) in body for s in item["without"]]
        self.pages += 1
        self.refused += text is None
        self.found.append(sum(withs) / len(withs))
        self.absent.append(1 - sum(withouts) / len(withouts))
        self.tp += sum(withs)
        self.fn += len(withs) - sum(withs)
        self.fp += sum(withouts)
        self.seconds.append(seconds)

    def row(self) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return (
            f"{self.pages:5d}  {statistics.mean(self.absent):10.3f}  {statistics.mean(self.found):8.3f}  {f1:6.3f}  "
            f"{self.refused:7d}  {_ms(self.seconds)}"
        )


@dataclass
class DateScore:
    right: int = 0
    wrong: int = 0
    missing: int = 0
    seconds: list[float] = field(default_factory=list)

    def add(self, expected: date, found: date | None, seconds: float) -> None:
        if found is None:
            self.missing += 1
        elif found == expected:
            self.right += 1
        else:
            self.wrong += 1
        self.seconds.append(seconds)

    def row(self) -> str:
        n = max(self.right + self.wrong + self.missing, 1)
        return (
            f"{n:5d}  {self.right / n:6.1%}  {self.wrong / n:6.1%}  {self.missing / n:7.1%}  {_ms(self.seconds)}"
        )


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered) * 1000:6.1f} ms  p95 {p95 * 1000:7.1f} ms  max {ordered[-1] * 1000:7.0f} ms"


def bench_text(git_dir: Path, limit: int | None) -> None:
    blobs = GitBlobs(git_dir)
    evaldata = json.loads(blobs.read("tests/evaldata.json") or b"{}")
    groups: dict[tuple[str, str], TextScore] = {}
    absent_files = 0
    for url, item in list(sorted(evaldata.items()))[:limit]:
        data = blobs.first(("tests/eval", "tests/cache"), item["file"])
        if not data:
            absent_files += 1
            continue
        html = decode_declared(data, None, "text/html")
        lang = _lang(" ".join(item["with"] + item["without"]))
        for name, reader in READERS.items():
            article, seconds = _read(reader, html)
            for group in ("all languages", "EN/FR") if lang in ("en", "fr") else ("all languages",):
                groups.setdefault((group, name), TextScore()).add(item, article.text if article else None, seconds)
    blobs.close()
    print(f"\nArticle text: trafilatura's evaluation pages ({len(evaldata)} listed, {absent_files} files absent)")
    print(f"{'pages':>35}  {'boilerplate':>10}  {'article':>8}  {'F1':>6}  {'refused':>7}  time per page")
    print(f"{'':>35}  {'absent':>10}  {'found':>8}")
    for (group, name), score in sorted(groups.items(), key=lambda pair: (pair[0][0] != "EN/FR", pair[0][1])):
        print(f"{group + ', ' + name:<28} {score.row()}")


def bench_dates(git_dir: Path, limit: int | None) -> None:
    blobs = GitBlobs(git_dir)
    rows: dict[tuple[str, str], DateScore] = {}
    listed = absent_files = 0
    for listing in ("tests/eval_default.json", "tests/eval_mediacloud_2020.json"):
        entries = json.loads(blobs.read(listing) or b"{}")
        for url, item in list(sorted(entries.items()))[:limit]:
            listed += 1
            data = blobs.first(("tests/eval", "tests/cache", "tests/test_set"), item["file"])
            if not data:
                absent_files += 1
                continue
            if not isinstance(item.get("date"), str):
                continue  # five pages whose date the corpus does not know (NaN)
            expected = date.fromisoformat(item["date"])
            html = decode_declared(data, None, "text/html")
            new, seconds = _read(read_html, html)
            old, old_seconds = _read(read_html_stream, html)
            fetched, fetched_seconds = _read(read_html, html, url)
            lang = (new or old).lang if (new or old) else None
            groups = ("all languages", "EN/FR") if lang in ("en", "fr") else ("all languages",)
            for group in groups:
                rows.setdefault((group, "trafilatura+htmldate, upload"), DateScore()).add(
                    expected, new.published if new else None, seconds
                )
                rows.setdefault((group, "trafilatura+htmldate, fetched"), DateScore()).add(
                    expected, fetched.published if fetched else None, fetched_seconds
                )
                rows.setdefault((group, "our reader (old)"), DateScore()).add(
                    expected, old.published if old else None, old_seconds
                )
    blobs.close()
    print(f"\nPublication dates: htmldate's evaluation pages ({listed} listed, {absent_files} files absent)")
    print(f"{'pages':>50}  {'right':>6}  {'wrong':>6}  {'missing':>7}  time per page")
    for (group, name), score in sorted(rows.items(), key=lambda pair: (pair[0][0] != "EN/FR", pair[0][1])):
        print(f"{group + ', ' + name:<43} {score.row()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT, help="git directory of adbar/trafilatura")
    parser.add_argument("--dates", type=Path, default=DEFAULT_DATES, help="git directory of adbar/htmldate")
    parser.add_argument("--limit", type=int, help="at most this many pages per listing (a quick look)")
    parser.add_argument(
        "--date-search", choices=("extensive", "markup"), default="extensive",
        help="htmldate's search: 'markup' leaves out dates written in the page's text (HTMLDATE_EXTENSIVE)",
    )
    parser.add_argument("--only", choices=("text", "dates"), help="run one corpus")
    args = parser.parse_args(argv)
    html_module.HTMLDATE_EXTENSIVE = args.date_search == "extensive"
    if args.only == "dates":
        args.text = None
    if args.only == "text":
        args.dates = None
    if args.text and _usable(args.text, "article text"):
        bench_text(args.text, args.limit)
    if args.dates and _usable(args.dates, "publication dates"):
        bench_dates(args.dates, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
