"""Reading the process table from tests: which processes a pid started, and whether one still runs."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path


def children(pid: int) -> list[int]:
    """The pids whose parent is `pid`."""
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


def running(pid: int) -> bool:
    """Whether `pid` is alive: a zombie has ended, only its exit status waits for a parent to read it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def survivors_of_kill_9(process: subprocess.Popen, workers: list[int]) -> list[int]:
    """Kill -9 `process`, then the `workers` still running once the kernel has had time to end them."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    for _ in range(600):  # the kernel signals at once; allow a loaded machine 60 s to deliver
        if not any(running(pid) for pid in workers):
            break
        time.sleep(0.1)
    return [pid for pid in workers if running(pid)]


def end_all(process: subprocess.Popen, workers: list[int]) -> None:
    """Whatever a test left running of what it started: only these processes, never others."""
    for pid in workers:
        if running(pid):
            os.kill(pid, signal.SIGKILL)
    if process.poll() is None:
        process.kill()
    if process.stdout:
        process.stdout.close()
