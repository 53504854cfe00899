"""`python -m lib extract` as a user runs it: bad input ends in one clear line and a non-zero exit, never a traceback."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "healy-boots-on-the-ground-fr.txt"
GERMAN = "Der Verteidigungsminister sagte am Freitag, dass die britischen Truppen bereit seien, in die Ukraine zu gehen."
ENGLISH = "The defence secretary said on Friday that more than 200 British troops were ready to deploy to Ukraine."


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lib", "extract", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _sparse(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)
    return path


BAD_INPUT = [
    ("missing file", lambda p: p / "nope.txt", [], r"error: no such file: .*nope\.txt"),
    ("directory", lambda p: p, [], r"error: is a directory, not a file: "),
    ("empty file", lambda p: _write(p, "empty.txt", b""), [], r"error: empty file"),
    ("whitespace only", lambda p: _write(p, "blank.txt", "  \n\t \n"), [], r"error: empty text \(only whitespace\)"),
    ("PNG renamed .txt", lambda p: _write(p, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), [], r"error: binary file \(looks like PNG\), not text"),
    ("PDF renamed .txt", lambda p: _write(p, "doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), [], r"error: binary file \(looks like PDF\), not text"),
    ("200 MB file", _sparse, [], r"error: file too large: 200 MB, the limit is 20 MB"),
    ("unsupported file type", lambda p: _write(p, "sheet.csv", "a,b\n1,2\n"), [], r"error: unsupported file type '\.csv': use \.txt, \.md or \.html"),
    ("unsupported language", lambda p: _write(p, "de.txt", GERMAN), [], r"error: unsupported language: de"),
    ("too short to tell the language", lambda p: _write(p, "short.txt", "Oui."), [], r"error: too little text to tell the language \(3 letters, need 40\): choose fr or en"),
]


@pytest.mark.parametrize("make, extra, message", [c[1:] for c in BAD_INPUT], ids=[c[0] for c in BAD_INPUT])
def test_bad_input_exits_non_zero_with_one_clear_line(tmp_path, make, extra, message):
    result = run_cli(str(make(tmp_path)), *extra, "--json")
    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert __import__("re").search(message, lines[0]), lines[0]


DATES = [
    ("impossible", "2025-02-30", r"not a real date \(YYYY-MM-DD\): '2025-02-30'$"),
    ("in the future", "2999-01-01", r"publication date 2999-01-01 is in the future \(today is \d{4}-\d\d-\d\d\)$"),
    ("before 1900", "1850-03-01", r"publication date 1850-03-01 is before 1900$"),
]


@pytest.mark.parametrize("value, message", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_bad_publication_dates_are_refused_with_the_reason(value, message):
    # argparse prints its usage first; the last line is the reason.
    result = run_cli(str(SEED), "--published", value, "--json")
    assert result.returncode == 2
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert __import__("re").search(message, result.stderr.strip().splitlines()[-1]), result.stderr


def test_the_seed_prints_the_extraction_contract_as_json():
    result = run_cli(str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"article", "claims", "figures", "events"}
    assert set(data["article"]) == {"id", "lang", "published", "title", "chars"}
    assert data["article"]["lang"] == "fr" and data["article"]["published"] == "2025-08-15"
    text = SEED.read_text(encoding="utf-8")
    assert data["article"]["chars"] == len(text)
    for claim in data["claims"]:
        assert {"id", "start", "end", "text", "speaker", "checkworthiness"} <= set(claim)
    for figure in data["figures"]:
        assert {"id", "start", "end", "text", "value", "unit", "approx", "claim_id"} <= set(figure)
    for event in data["events"]:
        assert {"id", "start", "end", "text", "type", "value", "date", "end_date", "granularity", "claim_id"} <= set(event)
    for item in data["claims"] + data["figures"] + data["events"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_language_and_date_options_override_the_file(tmp_path):
    path = _write(tmp_path, "en.txt", ENGLISH)
    result = run_cli(str(path), "--lang", "en", "--published", "2025-08-15", "--json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)["article"]
    assert (article["lang"], article["published"]) == ("en", "2025-08-15")


def test_html_files_are_read_as_article_text(tmp_path):
    html = (
        '<html lang="en"><head><title>Troops</title><meta name="date" content="2025-08-15"></head>'
        f"<body><script>alert(1)</script><p>{ENGLISH}</p></body></html>"
    )
    result = run_cli(str(_write(tmp_path, "page.html", html)), "--json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)["article"]
    assert (article["title"], article["lang"], article["published"], article["chars"]) == ("Troops", "en", "2025-08-15", len(ENGLISH))


def test_without_json_a_readable_table_is_printed():
    result = run_cli(str(SEED))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("article ") and "lang=fr" in result.stdout and "CLAIMS (" in result.stdout
