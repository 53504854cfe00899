"""lib.highlight: spans by kind and status, and article text that never becomes markup."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from lib.highlight import Mark, item_choices, legend, render, segments

ALLOWED_TAGS = {"div", "span", "br"}
ALLOWED_ATTRS = {"class", "style", "title", "data-item"}

HOSTILE = (
    "<script>alert('x')</script> Le ministre a déclaré "
    '<img src=x onerror="alert(1)"> que <a href="javascript:alert(2)">cliquez</a> '
    "![pixel](https://evil.example/p.png) [lien](javascript:alert(3)) <iframe src=//evil></iframe> "
    "<style>body{display:none}</style> &amp; \u202e rtl \x07 fin."
)


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse(markup: str) -> Collect:
    parser = Collect()
    parser.feed(markup)
    parser.close()
    return parser


def assert_inert(markup: str) -> None:
    """Only our own tags and attributes, nothing that loads, links or runs."""
    parsed = parse(markup)
    assert set(parsed.tags) <= ALLOWED_TAGS, parsed.tags
    assert {name for name, _ in parsed.attrs} <= ALLOWED_ATTRS
    for name, value in parsed.attrs:
        # Attribute values are quoted and escaped: hostile text may sit inside a title, never outside it.
        assert "javascript:" not in (value or "").lower() or name in ("title", "data-item")


def test_segments_cut_at_every_boundary_outermost_first():
    marks = [Mark(0, 9, "claim", "verified", "c"), Mark(2, 5, "figure", "unchecked", "f")]
    cut = segments("ab200cdefgh", marks)
    assert [(s.text, [m.item_id for m in s.marks]) for s in cut] == [
        ("ab", ["c"]), ("200", ["c", "f"]), ("cdef", ["c"]), ("gh", []),
    ]


def test_marks_outside_the_text_are_ignored():
    assert [s.text for s in segments("abc", [Mark(2, 10, "figure", "unchecked", "x")])] == ["abc"]


def test_render_keeps_the_text_and_colours_by_status():
    markup = render("Plus de 200 pays", [Mark(8, 11, "figure", "false", "f1", "200 pays")], selected="f1")
    parsed = parse(markup)
    assert "".join(parsed.text) == "Plus de 200 pays"
    style = dict(parsed.attrs)["style"]
    assert "#d55e00" in style and "solid" in style and "outline" in style
    assert 'data-item="f1"' in markup and "fd-figure fd-false" in markup


def test_event_and_claim_styles_differ_from_figures():
    markup = render("vendredi", [Mark(0, 8, "event", "verified", "e"), Mark(0, 8, "claim", "unchecked", "c")])
    assert "dashed" in markup and "background-color:#9e9e9e26" in markup


@pytest.mark.parametrize("text", [HOSTILE, "<b>gras</b>", '"><svg onload=alert(1)>', "javascript:alert(1)"])
def test_hostile_article_text_stays_text(text):
    marks = [Mark(0, min(len(text), 20), "claim", "unchecked", 'c"><script>', '<img src=x onerror=alert(1)>')]
    markup = render(text, marks)
    assert_inert(markup)
    assert "".join(parse(markup).text) == text  # every character shown, none interpreted
    assert "<script" not in markup and "<img" not in markup and "<iframe" not in markup
    assert ("data-item", 'c"><script>') in parse(markup).attrs


def test_markdown_is_not_interpreted():
    markup = render("![x](https://evil.example/p.png) **gras**", [])
    assert "![x](https://evil.example/p.png) **gras**" in markup
    assert_inert(markup)


def test_legend_names_every_kind_and_status():
    markup = legend()
    assert_inert(markup)
    text = " ".join(parse(markup).text)
    for word in ("Claim", "Figure", "Event", "Verified", "Not a claim"):
        assert word in text


def test_item_choices_leave_orphaned_reviews_out_unless_asked():
    from types import SimpleNamespace

    items = [SimpleNamespace(id="c1", kind="claim", text="Healy a déclaré", orphaned=True),
             SimpleNamespace(id="f1", kind="figure", text="plus de 200", orphaned=False)]
    assert item_choices(items) == {"f1": "Figure · plus de 200"}
    assert item_choices(items, include_orphaned=True) == {
        "c1": "orphaned · Claim · Healy a déclaré", "f1": "Figure · plus de 200"}
