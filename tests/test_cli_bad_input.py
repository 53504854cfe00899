"""The command-line twin of tests/test_bad_input.py: the audit's hostile and clumsy runs (issue 12).

Each ends in one line on stderr and a non-zero exit (never a traceback), or does the safe thing
it says it does. Runs that touch the store go through both backends.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status waits for a parent to read it


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
        workers = _children(ingest.pid)
        assert len(workers) >= 2
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait()
        for _ in range(600):  # the kernel signals at once; allow a loaded machine 60 s to deliver
            if not any(_running(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert [pid for pid in workers if _running(pid)] == []
    finally:
        for pid in workers:  # only the processes this test started
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        if ingest.poll() is None:
            ingest.kill()
        ingest.stdout.close()
