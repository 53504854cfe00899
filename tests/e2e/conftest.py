"""The real app on a free port with a throwaway SQLite store, and headless Debian Chromium to drive it."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_SECONDS = 60


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as response:
            return response.read().strip() == b"ok"
    except OSError:
        return False


@contextlib.contextmanager
def serve(data: Path):
    """`streamlit run dashboard.py` as a user would start it, on a free port with a store in `data`.

    Readiness is the server's own "You can now view" line followed by a healthy
    /_stcore/health answer — no sleeping; a watchdog ends a server that never gets there.
    """
    port = _free_port()
    env = {**os.environ, "FACTDESK_DATABASE_URL": f"sqlite:///{data / 'factdesk.db'}", "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    watchdog = threading.Timer(STARTUP_SECONDS, server.kill)
    watchdog.start()
    url = f"http://127.0.0.1:{port}"
    seen = []
    try:
        for line in server.stdout:
            seen.append(line)
            if "You can now view" in line:
                break
        watchdog.cancel()
        if server.poll() is not None or not _healthy(url):
            raise RuntimeError(f"streamlit did not start on {url}:\n{''.join(seen)[-2000:]}")
        # Keep draining the server's output so a full pipe never blocks it.
        threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
        yield url
    finally:
        watchdog.cancel()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """One app and store for the session's short tests."""
    with serve(tmp_path_factory.mktemp("e2e-store")) as url:
        yield url


@pytest.fixture
def fresh_app_url(tmp_path):
    """An app with an empty store of its own, for a test that counts everything it decides."""
    with serve(tmp_path) as url:
        yield url


# The first extraction of a server process loads the language model (seconds when quiet, a minute on a
# loaded 2-core machine): waits for an extraction to finish use this instead of the default.
EXTRACTION_TIMEOUT_MS = 180_000


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make chromium` (Debian's chromium package)", pytrace=False)
    from playwright.sync_api import expect, sync_playwright

    # The machine is shared: waits are generous (not sleeps); the first extraction has its own, longer one.
    expect.set_options(timeout=30_000)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()
