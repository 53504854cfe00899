"""The running app in headless Chromium: hostile text stays text (the analyst's day is test_analyst_day.py).

Waits are on the app's own state (`data-test-script-state="notRunning"`) and on
elements appearing, never on the clock. Screenshots of every page go to test-artifacts/.
"""
from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.browsing import idle, nav, shot
from tests.e2e.conftest import EXTRACTION_TIMEOUT_MS

pytestmark = pytest.mark.e2e

ANALYST = "E2E Analyst"


def open_app(page: Page, url: str) -> None:
    """Load the app and wait for its first run to finish (the page title is drawn by that run)."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Load an article")).to_be_visible()
    idle(page)


HOSTILE = (
    "Le ministre de la Défense a déclaré vendredi que les troupes britanniques étaient prêtes à partir. "
    "<script>window.pwned=1</script> <img src=x onerror=\"window.pwned=2\"> "
    "<a href=\"javascript:window.pwned=3\">cliquez ici</a> ![pixel](https://evil.example/p.png) "
    "Plus de 200 planificateurs militaires de 30 pays ont contribué, a déclaré Healy."
)


def test_hostile_article_is_never_markup_in_the_browser(page: Page, app_url: str):
    open_app(page, app_url)
    page.get_by_text("Paste", exact=True).click()
    idle(page)
    page.get_by_label("Article text").fill(HOSTILE)
    page.get_by_role("button", name="Read text").click()
    expect(page.get_by_text("Before extraction")).to_be_visible()
    page.get_by_label("Title").fill("<img src=x onerror=window.pwned=4> ![t](https://evil.example/t.png)")
    page.get_by_label("Title").press("Enter")
    idle(page)
    page.get_by_text("The date is unknown").click()
    idle(page)
    page.get_by_role("button", name="Extract and review").click()
    expect(page.get_by_text("is open for review")).to_be_visible(timeout=EXTRACTION_TIMEOUT_MS)
    nav(page, "Article")
    article = page.locator(".fd-article")
    expect(article).to_contain_text("<script>window.pwned=1</script>")
    expect(article).to_contain_text("![pixel](https://evil.example/p.png)")
    shot(page, "8-hostile-article")
    app = page.get_by_test_id("stMain")
    assert app.locator("script").count() == 0
    assert app.locator("img[src='x'], img[src*='evil']").count() == 0
    assert app.locator("a[href^='javascript'], a[href*='evil']").count() == 0
    assert page.evaluate("window.pwned") is None
