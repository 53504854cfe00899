"""Article page: the text with every span highlighted and escaped, one item's details, orphaned reviews on request."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.pages.apptest import HOSTILE, edit, goto, load_pasted, orphan_c1, start, texts


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
    body, legend = [h.value for h in at.get("html")]
    assert "not_a_claim" in legend
    spans = set(re.findall(r'class="fd-(\w+) fd-\w+" data-item="(\w+)"', body))
    assert spans == {("claim", "c1"), ("claim", "c2"), ("figure", "f1"), ("figure", "f2"), ("figure", "f3"),
                     ("event", "e1"), ("event", "e2")}
    at.selectbox(key="article-item").set_value("f1").run()
    assert "plus de 200" in [t.value for t in at.text]


def test_hostile_article_is_shown_as_text_everywhere(store):
    at = load_pasted(start(), HOSTILE)
    at.checkbox[0].check().run()
    at.button(key="extract").click().run()
    assert not at.exception and not at.error
    goto(at, "article")
    for element in at.get("html"):
        parsed = Tags()
        parsed.feed(element.value)
        assert set(parsed.tags) <= {"div", "span", "br"}
        assert parsed.attrs <= {"class", "style", "title", "data-item"}
        assert "<script" not in element.value and "<img" not in element.value and "<iframe" not in element.value
    body = at.get("html")[0].value
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
    assert "![pixel](https://evil.example/p.png)" in body  # markdown left as characters
    for element in [*at.markdown, *at.caption, *at.success, *at.info]:
        assert "![pixel]" not in element.value and "<img" not in element.value

    goto(at, "review")
    at.radio(key="review-kind").set_value("figure").run()
    edit(at, {0: {"evidence": "![pixel](https://evil.example/p.png) [lien](javascript:alert(3))"}})
    (refused,) = at.error
    assert texts([refused])[0].startswith("Not kept: 1: evidence must be http(s) links, not: ![pixel]")
    assert "![pixel]" not in refused.value and "[lien](" not in refused.value  # shown as characters


def test_article_page_lists_orphaned_reviews_on_request(store, stored):
    orphan_c1(store)
    at = goto(start(article_id=stored), "article")
    assert not any(o.startswith("orphaned") for o in at.selectbox(key="article-item").options)
    at.toggle(key="article-orphaned").set_value(True).run()
    item = at.selectbox(key="article-item")
    assert item.options[0].startswith("orphaned · claim · Healy a déclaré")
    item.set_value("c1").run()
    assert "orphaned" in at.markdown[-1].value and "status **false**" in at.markdown[-1].value
    assert 'data-item="c1"' not in at.get("html")[0].value  # its span is not highlighted any more
    at.toggle(key="article-orphaned").set_value(False).run()
    assert not at.exception
    assert not any(o.startswith("orphaned") for o in at.selectbox(key="article-item").options)
