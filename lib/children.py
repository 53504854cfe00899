"""Worker processes that end with the process that started them (issue 12, point 8).

A pool's worker waits on a queue whose both ends it holds, so it never sees its parent go and would
keep its memory and database connections until killed by hand. Every pool Fact Desk starts (batch
ingest's workers, the processes that read a long text's sections) runs `die_with_parent` first.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """End this process when `parent` ends, even by kill -9.

    On Linux the kernel sends it SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG); elsewhere a
    thread watches the parent's pid. Checked once more afterwards: a parent that died before prctl
    would never signal.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            _watch_parent(parent)
    else:
        _watch_parent(parent)
    if os.getppid() != parent:
        os._exit(1)


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
