"""The command-line twin of tests/test_bad_input.py: the audit's hostile and clumsy runs (issue 12).

Each ends in one line on stderr and a non-zero exit (never a traceback), or does the safe thing
it says it does. Runs that touch the store go through both backends.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.processes import children, end_all, survivors_of_kill_9

ROOT = Path(__file__).resolve().parent.parent


def test_kill_9_of_the_main_ingest_leaves_no_worker_alive(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(150):  # enough work that the batch is still running when it is killed
        (folder / f"{number:03}.txt").write_text(
            f"Plus de {number + 2} planificateurs se sont réunis vendredi à Paris, a déclaré Healy.\n", encoding="utf-8"
        )
    ingest = subprocess.Popen(
        [sys.executable, "-m", "lib", "ingest", str(folder), "--workers", "2", "--lang", "fr",
         "--published", "2025-08-15", "--db", f"sqlite:///{tmp_path / 'factdesk.db'}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    workers: list[int] = []
    try:
        first = ingest.stdout.readline()  # a file is done: the workers are up and working
        assert first.startswith("added"), first
        workers = children(ingest.pid)
        assert len(workers) >= 2
        assert survivors_of_kill_9(ingest, workers) == []
    finally:
        end_all(ingest, workers)


# ------------------------------------------------------------------ review, export and ingest as typed

import stat  # noqa: E402

import pytest  # noqa: E402

from lib.cli import main  # noqa: E402
from lib.store import Store  # noqa: E402


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    """The whole of stderr: one line starting 'error: ', no traceback."""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def stored(store_url, sample_extraction):
    """(URL of a store holding the hand-made extraction, the id of its first claim)."""
    extraction = sample_extraction()
    with Store(store_url) as store:
        store.save_extraction(extraction)
    return store_url, extraction.claims[0].id


@pytest.mark.parametrize("link", [
    "javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd",
])
def test_review_refuses_evidence_that_is_not_an_http_link_and_stores_nothing(stored, capsys, link):
    url, claim = stored
    code, out, err = run(capsys, "review", claim, "--status", "verified", "--by", "ana", "--evidence",
                         "https://example.org/ok", "--evidence", link, "--db", url)
    assert code == 2 and out == ""
    assert one_error_line(err) == f"error: evidence must be http(s) links, not: {link}"
    with Store(url) as store:
        assert store.history(claim) == []


@pytest.mark.parametrize("version", [str(2**63), str(2**64), "-1", "soon"])
def test_review_with_a_version_the_store_cannot_hold_is_one_line(stored, capsys, version):
    url, claim = stored
    code, out, err = run(capsys, "review", claim, "--status", "verified", "--by", "ana",
                         "--expect-version", version, "--db", url)
    assert code == 2
    assert one_error_line(err) == f"error: version must be a whole number from 0 to 9223372036854775806, not {version}"


def test_review_by_a_10000_character_name_is_refused(stored, capsys):
    url, claim = stored
    code, _, err = run(capsys, "review", claim, "--status", "verified", "--by", "a" * 10_000, "--db", url)
    assert code == 2
    assert one_error_line(err) == "error: analyst name too long: 10,000 characters, the limit is 100"


@pytest.mark.parametrize("command", [["export", "--kind", "claims"], ["review", "c1", "--status", "verified", "--by", "ana"],
                                     ["ingest", "missing.txt"]])
@pytest.mark.parametrize("url, message", [
    ("postgresql+psycopg://fd@127.0.0.1:port/factdesk",
     "error: bad database URL 'postgresql+psycopg://fd@127.0.0.1:port/factdesk': the port must be a number from 1 to 65535"),
    ("postgresql+psycopg://fd:secret@127.0.0.1:70000/factdesk",
     "error: bad database URL 'postgresql+psycopg://fd:***@127.0.0.1:70000/factdesk': the port must be a number from 1 to 65535"),
    ("::not a url::", "error: bad database URL '::not a url::': expected sqlite:///path/to/file.db or "
                      "postgresql+psycopg://user@host:5432/name"),
])
def test_a_database_url_that_cannot_be_read_is_one_line(capsys, command, url, message):
    code, out, err = run(capsys, *command, "--db", url)
    assert code == 2 and out == ""
    assert one_error_line(err) == message


@pytest.mark.parametrize("command", [["export", "--kind", "claims"], ["review", "c1", "--status", "verified", "--by", "ana"]])
def test_a_mistyped_sqlite_path_is_not_created_for_export_or_review(tmp_path, capsys, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *command, "--db", "sqlite:///typo")
    assert code == 2 and out == ""
    assert one_error_line(err) == f"error: no database at {tmp_path / 'typo'} (check --db; ingest creates one)"
    assert list(tmp_path.iterdir()) == []


def test_workers_beyond_the_cores_are_capped_and_said(tmp_path, capsys):
    (tmp_path / "fr.txt").write_text("Plus de 200 planificateurs se sont réunis vendredi, a déclaré Healy.\n")
    code, out, err = run(capsys, "ingest", tmp_path / "fr.txt", "--workers", "100000", "--lang", "fr",
                         "--published", "2025-08-15", "--db", f"sqlite:///{tmp_path / 'f.db'}")
    assert code == 0, err
    assert err == f"note: --workers 100000 capped to {os.cpu_count()}, the cores of this machine\n"


def test_ingest_failure_reasons_reach_stderr_too(tmp_path, capsys):
    (tmp_path / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, out, err = run(capsys, "ingest", tmp_path / "broken.txt", tmp_path / "missing.txt",
                         "--db", f"sqlite:///{tmp_path / 'f.db'}")
    assert code == 1
    failed = sorted(line for line in out.splitlines() if line.startswith("failed"))
    assert len(failed) == 2 and sorted(err.splitlines()) == failed
    assert "broken.txt: binary file (looks like PNG), not text" in failed[0]


def test_argument_bytes_that_are_not_utf8_give_one_line(stored):
    url, claim = stored
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"lib", b"review", claim.encode(), b"--status", b"verified",
         b"--by", b"ana\xff\xfe", b"--db", url.encode()],
        cwd=ROOT, capture_output=True, timeout=300,
    )
    assert result.returncode == 2
    assert result.stderr == b"error: --by is not valid UTF-8 text: 'ana\\\\xff\\\\xfe'\n"


def _claims_export_args(url: str) -> list[str]:
    return ["export", "--kind", "claims", "--db", url, "-o"]


def test_export_to_dev_full_reports_the_device_full_and_leaves_the_device(stored, capsys):
    url, _ = stored
    code, out, err = run(capsys, *_claims_export_args(url), "/dev/full")
    assert code == 2
    assert one_error_line(err) == "error: cannot write /dev/full: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_export_through_a_symlink_is_refused_and_the_target_kept(stored, capsys, tmp_path):
    url, _ = stored
    victim = tmp_path / "keep.txt"
    victim.write_text("keep me")
    link = tmp_path / "claims.csv"
    link.symlink_to(victim)
    code, _, err = run(capsys, *_claims_export_args(url), link)
    assert code == 2
    assert one_error_line(err) == f"error: {link} is a symbolic link (to {victim}): not replaced or followed; name a regular file"
    assert link.is_symlink() and victim.read_text() == "keep me"


def test_export_to_a_fifo_nobody_reads_is_refused_and_it_stays_a_fifo(stored, capsys, tmp_path):
    url, _ = stored
    fifo = tmp_path / "claims.csv"
    os.mkfifo(fifo)
    code, _, err = run(capsys, *_claims_export_args(url), fifo)
    assert code == 2
    assert one_error_line(err) == f"error: cannot write {fifo}: no process is reading this FIFO"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_export_to_a_regular_file_says_what_it_wrote(stored, capsys, tmp_path):
    url, _ = stored
    target = tmp_path / "claims.csv"
    code, out, err = run(capsys, *_claims_export_args(url), target)
    assert code == 0 and out == ""
    assert err == f"wrote {target.stat().st_size:,} bytes to {target}\n"
    assert target.read_text(encoding="utf-8").startswith("article,title,item,text,")
