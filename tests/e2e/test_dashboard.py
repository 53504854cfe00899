"""The running app in headless Chromium: seed -> review -> save -> reload -> CSV, plus hostile text.

Waits are on the app's own state (`data-test-script-state="notRunning"`) and on
elements appearing, never on the clock. Screenshots of every page go to test-artifacts/.
"""
from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.e2e

IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
ANALYST = "E2E Analyst"


def idle(page: Page) -> None:
    page.wait_for_selector(IDLE)


def shot(page: Page, name: str) -> None:
    idle(page)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def nav(page: Page, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title).click()
    expect(page.get_by_role("heading", name=title, exact=False).first).to_be_visible()
    idle(page)


def sign_in(page: Page, analyst: str = ANALYST) -> None:
    """Type the analyst's name; retyped if the app's start-up rerun swallowed the first try."""
    name = page.get_by_label("Your name")
    reminder = page.get_by_text("Enter your name to save reviews.")
    for _attempt in range(3):
        name.fill("")
        name.press_sequentially(analyst)
        name.press("Enter")
        try:
            expect(reminder).to_have_count(0, timeout=5_000)
            break
        except AssertionError:
            continue
    expect(reminder).to_have_count(0)
    idle(page)


def set_first_status(page: Page, status: str) -> None:
    """Open the status cell of the table's first row (a canvas grid) and pick `status` in its select box."""
    grid = page.get_by_test_id("stDataFrame").first
    expect(grid).to_be_visible()
    box = grid.bounding_box()
    header = row = 35  # Streamlit's default header and row heights
    page.mouse.dblclick(box["x"] + 30, box["y"] + header + row / 2)
    overlay = page.locator('[id^="gdg-overlay"]')
    expect(overlay).to_be_visible()
    page.get_by_role("option", name=status, exact=True).click()


def download(page: Page, label: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    path = info.value.path()
    return open(path, "rb").read()


def open_app(page: Page, url: str) -> None:
    """Load the app and wait for its first run to finish (the page title is drawn by that run)."""
    page.goto(url)
    expect(page.get_by_role("heading", name="Load an article")).to_be_visible()
    idle(page)


def test_seed_to_saved_review_to_csv(page: Page, app_url: str):
    open_app(page, app_url)
    sign_in(page)
    page.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name=re.compile("^Healy")).click()
    idle(page)
    page.get_by_role("button", name="Open seed").click()
    expect(page.get_by_text("Before extraction")).to_be_visible()
    for part, value in (("year", "2025"), ("month", "08"), ("day", "15")):
        expect(page.get_by_role("spinbutton", name=f"{part}, Publication date")).to_have_text(value)
    expect(page.get_by_label("Title")).to_have_value(re.compile("^Healy: le Royaume-Uni"))
    shot(page, "1-load")

    page.get_by_role("button", name="Extract and review").click()
    expect(page.get_by_text("is open for review")).to_be_visible()
    idle(page)
    page.get_by_role("link", name="Review its items").click()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    idle(page)
    # Texts are matched whole: during a rerun the old and the new line can both be on the page for a moment.
    progress = page.get_by_text(re.compile(r"^0 of \d+ checked .* · 0 unsaved$"))
    expect(progress).to_be_visible()
    total = int(re.search(r"of (\d+) checked", progress.inner_text()).group(1))
    shot(page, "2-review-claims")

    set_first_status(page, "verified")
    expect(page.get_by_text(re.compile(rf"^1 of {total} checked .* · 1 unsaved$"))).to_be_visible()
    idle(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved 1 review")).to_be_visible()
    expect(page.get_by_text(re.compile(rf"^1 of {total} checked .* · 0 unsaved$"))).to_be_visible()

    page.get_by_text("Figures", exact=True).click()
    expect(page.get_by_text("Unit", exact=True)).to_be_visible()
    expect(page.get_by_text("Figures by unit")).to_be_visible()
    shot(page, "3-review-figures")

    page.get_by_text("Timeline", exact=True).click()
    expect(page.get_by_text("From", exact=True)).to_be_visible()
    idle(page)
    shot(page, "4-review-timeline")

    # A reload is a new session: what is shown now comes from the store, and the URL keeps the article.
    page.reload()
    idle(page)
    expect(page.get_by_text(re.compile(rf"^1 of {total} checked"))).to_be_visible()

    nav(page, "Article")
    fridays = page.locator("span.fd-event", has_text="vendredi")
    expect(fridays).to_have_count(2)
    for title in fridays.evaluate_all("spans => spans.map(s => s.title)"):
        assert "2025-08-15" in title
    expect(page.locator("span.fd-claim.fd-verified").first).to_be_visible()
    shot(page, "5-article")

    nav(page, "Corpus")
    expect(page.get_by_text(re.compile(r"^1 of \d+ items checked in 1 articles"))).to_be_visible()
    shot(page, "6-corpus")

    nav(page, "Export")
    shot(page, "7-export")
    claims = download(page, "Claims CSV").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(claims)))
    assert len(rows) == total
    verified = [r for r in rows if r["status"] == "verified"]
    assert len(verified) == 1 and verified[0]["analyst"] == ANALYST
    events = list(csv.DictReader(io.StringIO(download(page, "Events CSV").decode("utf-8"))))
    fridays = [r for r in events if r["text"] == "vendredi"]
    assert [r["date"] for r in fridays] == ["2025-08-15", "2025-08-15"]


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
    expect(page.get_by_text("is open for review")).to_be_visible()
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


def test_a_save_by_another_analyst_between_view_and_edit_ends_in_a_conflict(browser, app_url: str):
    """Ana's grid shows row 1 as Bob's save lands; her edit reaches the server on the rerun that reads it."""
    contexts = [browser.new_context(viewport={"width": 1500, "height": 1000}) for _ in range(2)]
    ana, bob = (context.new_page() for context in contexts)
    try:
        open_app(ana, app_url)
        sign_in(ana, "Ana")
        ana.get_by_test_id("stSelectbox").first.click()
        ana.get_by_role("option", name=re.compile("^Healy")).click()
        idle(ana)
        ana.get_by_role("button", name="Open seed").click()
        ana.get_by_role("button", name="Extract and review").click()
        expect(ana.get_by_text("is open for review")).to_be_visible()
        idle(ana)
        ana.get_by_role("link", name="Review its items").click()
        expect(ana.get_by_text(re.compile(r"^\d+ of \d+ checked .* · 0 unsaved$"))).to_be_visible()
        idle(ana)

        bob.goto(ana.url)  # the URL carries the article
        expect(bob.get_by_test_id("stDataFrame").first).to_be_visible()
        idle(bob)
        sign_in(bob, "Bob")
        set_first_status(bob, "false")
        expect(bob.get_by_text(re.compile(r" · 1 unsaved$"))).to_be_visible()
        idle(bob)
        bob.get_by_role("button", name="Save").click()
        expect(bob.get_by_text("Saved 1 review")).to_be_visible()

        set_first_status(ana, "misleading")  # Ana's screen still shows the row as before Bob's save
        expect(ana.get_by_text(re.compile(r" · 1 unsaved$"))).to_be_visible()
        idle(ana)
        ana.get_by_role("button", name="Save").click()
        conflict = ana.get_by_text(re.compile("^Conflict on"))
        expect(conflict).to_be_visible()
        expect(conflict).to_contain_text("you set misleading")
        expect(conflict).to_contain_text("Bob saved false")
        expect(ana.get_by_text("Saved 0 reviews; 1 conflict")).to_be_visible()
        shot(ana, "9-conflict")
    finally:
        for context in contexts:
            context.close()
