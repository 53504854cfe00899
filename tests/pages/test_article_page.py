"""Article page: the text with every span highlighted and escaped, one item's details, orphaned reviews on request."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from lib.models import Status
from tests.pages.apptest import HOSTILE, article_markup, decide, field, goto, load_pasted, orphan_c1, select, start, texts


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.update(name for name, _ in attrs)


def test_article_page_highlights_every_span_with_a_legend(stored):
    at = goto(start(article_id=stored), "article")
    (legend,) = [h.value for h in at.get("html")]
    assert "Not a claim" in legend
    spans = set(re.findall(r'class="fd-(\w+) fd-\w+" data-item="(\w+)"', article_markup(at)))
    assert spans == {("claim", "c1"), ("claim", "c2"), ("figure", "f1"), ("figure", "f2"), ("figure", "f3"),
                     ("event", "e1"), ("event", "e2")}


def test_an_item_picked_on_the_article_page_is_decided_in_the_same_panel(store, stored):
    at = goto(start(article_id=stored), "article")
    at.selectbox(key="article-item").set_value("f1").run()  # what a click on its span does
    assert "outline:2px solid" in re.search(r'<span[^>]*data-item="f1"[^>]*>', article_markup(at)).group(0)
    assert any("Claim · Healy a déclaré" in c for c in texts(at.caption))  # the claim it sits in
    decide(at, "verified", panel="article-panel")
    field(at, "Note").input("200 selon le MoD").run()
    review = store.current_review("f1")
    assert (review.status, review.note, review.analyst) == (Status.VERIFIED, "200 selon le MoD", "Ana")
    assert 'class="fd-figure fd-verified" data-item="f1"' in article_markup(at)
    assert [t.value for t in at.toast] == ["Saved 1 review"]


def test_a_click_on_a_span_selects_its_item(stored):
    from lib.session import panel

    at = goto(start(article_id=stored), "article")
    assert "data-item" in panel._CLICKABLE_JS and "setTriggerValue('clicked'" in panel._CLICKABLE_JS
    at.session_state["article-item"] = "e2"  # the page's click callback sets exactly this
    at.run()
    assert at.selectbox(key="article-item").value == "e2"
    assert any(m.startswith("**Event**") for m in texts(at.markdown))


def test_hostile_article_is_shown_as_text_everywhere(store):
    at = load_pasted(start(), HOSTILE)
    at.checkbox[0].check().run()
    at.button(key="extract").click().run()
    assert not at.exception and not at.error
    goto(at, "article")
    for markup in [h.value for h in at.get("html")] + [article_markup(at)]:
        parsed = Tags()
        parsed.feed(markup)
        assert set(parsed.tags) <= {"div", "span", "br"}
        assert parsed.attrs <= {"class", "style", "title", "data-item"}
        assert "<script" not in markup and "<img" not in markup and "<iframe" not in markup
    body = article_markup(at)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "![pixel](https://evil.example/p.png)" in body  # markdown left as characters
    for element in [*at.markdown, *at.caption, *at.success, *at.info]:
        assert "![pixel]" not in element.value and "<img" not in element.value

    goto(at, "review")
    at.segmented_control(key="kind").set_value("figure").run()
    select(at, 0)
    for context in [h.value for h in at.get("html") if "data-item" in h.value]:
        assert "&lt;script&gt;" in context or "<script" not in context
        assert "<img" not in context and "<iframe" not in context


def test_article_page_lists_orphaned_reviews_on_request(store, stored):
    orphan_c1(store)
    at = goto(start(article_id=stored), "article")
    assert not any(o.startswith("orphaned") for o in at.selectbox(key="article-item").options)
    at.toggle(key="article-orphaned").set_value(True).run()
    item = at.selectbox(key="article-item")
    assert item.options[0].startswith("orphaned · Claim · Healy a déclaré")
    item.set_value("c1").run()
    assert any(w.startswith("Orphaned: a newer extraction no longer finds this item") for w in texts(at.warning))
    assert any(":red-badge[False]" in m for m in texts(at.markdown))
    assert 'data-item="c1"' not in article_markup(at)  # its span is not highlighted any more
    at.toggle(key="article-orphaned").set_value(False).run()
    assert not at.exception
    assert not any(o.startswith("orphaned") for o in at.selectbox(key="article-item").options)
