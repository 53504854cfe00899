"""What every browser test does with a Streamlit page: wait for a run to end, take a screenshot, navigate."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def idle(page: Page) -> None:
    page.wait_for_selector(IDLE)


def shot(page: Page, name: str) -> None:
    idle(page)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def nav(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, exact=False).first).to_be_visible()
    idle(page)
