"""Deep links in headless Chromium: /review?article=ID and /article?article=ID open that article (issue 12, point 9).

The store is filled before the server starts (two articles, no extraction to wait for); each link is
opened in a browser that has never seen the app, and once more in a session that had the other article open.
"""
from __future__ import annotations

import contextlib
import dataclasses
import re

import pytest
from playwright.sync_api import Page, expect

from lib.store import Store
from tests.dashboard_fixtures import TEXT, small_extraction
from tests.e2e.browsing import idle, shot
from tests.e2e.conftest import serve

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory):
    """The app on a store holding "Essai" and "Autre dépêche"; yields (url, first id, second id)."""
    data = tmp_path_factory.mktemp("deep-links")
    first = small_extraction()
    second = small_extraction(TEXT + " Une phrase de plus.", prefix="o")
    second = dataclasses.replace(second, article=dataclasses.replace(second.article, title="Autre dépêche"))
    with Store(f"sqlite:///{data / 'factdesk.db'}") as store:
        store.save_extraction(first)
        store.save_extraction(second)
    with serve(data) as url:
        yield url, first.article.id, second.article.id


@contextlib.contextmanager
def fresh_page(browser, width: int = 1440):
    """A page in a browser context that has never seen the app."""
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        yield context.new_page()
    finally:
        context.close()


def caption(page: Page, title: str):
    return page.get_by_test_id("stCaptionContainer").filter(has_text=re.compile(rf"^{re.escape(title)} · French"))


@pytest.mark.parametrize("width", [1440, 1280])
def test_a_review_link_opens_its_article_in_a_fresh_browser(browser, two_articles, width):
    url, _first, second = two_articles
    with fresh_page(browser, width) as page:
        page.goto(f"{url}/review?article={second}&analyst=Ana")
        expect(page.get_by_role("heading", name="Review")).to_be_visible()
        expect(caption(page, "Autre dépêche")).to_be_visible()
        idle(page)
        expect(page.locator(".fd-row")).to_have_count(2)
        expect(page.get_by_text("No article open yet")).to_have_count(0)
        shot(page, f"deep-link-review-{width}")


def test_an_article_link_opens_its_text_even_in_a_session_that_had_another_article_open(browser, two_articles):
    url, first, second = two_articles
    with fresh_page(browser) as page:
        page.goto(f"{url}/review?article={first}&analyst=Ana")
        expect(caption(page, "Essai")).to_be_visible()
        idle(page)
        page.goto(f"{url}/article?article={second}&analyst=Ana")
        expect(page.get_by_role("heading", name="Article")).to_be_visible()
        expect(caption(page, "Autre dépêche")).to_be_visible()
        expect(page.locator(".fd-article").first).to_contain_text("Une phrase de plus.")
        idle(page)
        assert f"article={second}" in page.url
        shot(page, "deep-link-article-1440")


@pytest.mark.parametrize("kind, label", [("event", "Timeline"), ("figure", "Figures"), ("Timeline", "Timeline")])
def test_a_review_link_opens_the_kind_it_names(browser, two_articles, kind, label):
    url, first, _second = two_articles
    with fresh_page(browser) as page:
        page.goto(f"{url}/review?article={first}&kind={kind}&analyst=Ana")
        expect(caption(page, "Essai")).to_be_visible()
        idle(page)
        chosen = page.get_by_test_id("stButtonGroup").first.get_by_role("radio", checked=True)
        expect(chosen).to_have_text(label)
        # The widget owns the parameter from here: it keeps the label, or nothing until the analyst chooses.
        assert "kind=" not in page.url or f"kind={label}" in page.url
        # No warning about a widget given both a default and a value through the Session State API.
        expect(page.get_by_test_id("stAlert").filter(has_text="Session State")).to_have_count(0)
