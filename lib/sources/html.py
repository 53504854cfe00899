"""HTML pages to article text and date: trafilatura and htmldate, with our own streaming reader as the fallback.

trafilatura finds the article among the navigation, teasers, related lists, comments and banners of a
real page; htmldate finds its original publication date in metadata, JSON-LD, the address or the page
itself. Both read an lxml tree, which costs time and memory with the page's elements, so a page over
MAX_TREE_CHARS, MAX_TREE_TAGS or MAX_TREE_ELEMENTS is read by our streaming reader instead (linear), and
so is a page where trafilatura finds no text.

>>> read_html("<title>T</title><p>Hello <script>x()</script>world.</p>").text
'Hello world.'
"""
from __future__ import annotations

import json
import logging
import re
from collections import Counter
from dataclasses import replace as _replace
from datetime import date, timedelta
from functools import lru_cache
from html.parser import HTMLParser

from lib.models import Article
from lib.sources.text import SourceError, check_published, read_text

# Bounds for the tree readers. On the web-page benchmark's 1,990 real pages the largest has 1.6 MB,
# 10,106 elements and 19,629 '<' (medians: 100 KB, 701, 1,385). Parsing costs lxml about 20 us per
# element here and trafilatura about 0.1 ms, superlinear beyond 100,000 elements, with ~2 KB of memory
# each; so a page over these bounds (3 to 5 times the largest real one) is read by our linear reader.
# The '<' count is checked before parsing: it costs 1 ms on 5 MB, where parsing a million <br> took
# 40 s here.
MAX_TREE_CHARS = 5_000_000
MAX_TREE_TAGS = 100_000
MAX_TREE_ELEMENTS = 40_000
# Below this many characters trafilatura falls back to its baseline extractor (its MIN_EXTRACTED_SIZE).
SHORT_TEXT_CHARS = 250
# Several <article> elements: those under this share of the longest one's words are teasers.
TEASER_SHARE = 1 / 3
# htmldate's extensive search also reads dates written in the page's text, at the price of a
# year-only guess ("© 2025" read as 2025-01-01) when nothing better is there.
HTMLDATE_EXTENSIVE = True
# Elements pruned before trafilatura: never article text, and on very short pages its fallback
# extractors would otherwise keep their contents (an iframe's fallback text, a button's label).
TREE_PRUNED = "|".join(
    [
        f"//{tag}"
        for tag in (
            "script", "style", "iframe", "object", "embed", "button", "input", "select", "textarea", "noscript",
            "template", "svg", "canvas", "dialog", "math", "video", "audio", "map",
        )
    ]
    # A <title> outside <head> holds raw text up to its end tag ("<img onerror=…>" stays characters):
    # it is never article text.
    + ["//title[not(ancestor::head)]"]
)
NO_ARTICLE_TEXT = (
    "no article text found on this page (only menus, links or scripts): "
    "copy the article's text from your browser and paste it instead"
)

# Tags whose content is never article text: scripts, chrome, forms, embedded frames.
HTML_DROP_TAGS = frozenset((
    "script", "style", "nav", "header", "footer", "aside", "form", "iframe", "noscript", "template",
    "svg", "canvas", "object", "button", "select", "textarea", "dialog", "menu", "math", "video", "audio",
    "picture", "map",
))
# Each of these starts and ends a line of article text; text outside them still counts.
HTML_BLOCK_TAGS = frozenset(
    ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "dt", "dd", "figcaption", "td", "th",
     "div", "section", "article", "main", "body", "ul", "ol", "dl", "table", "tr", "figure", "title")
)
HTML_LINE_BREAKS = frozenset(("br", "hr"))
HTML_VOID_TAGS = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
HTML_DATE_METAS = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish_date", "publication_date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.issued",
    "sailthru.date", "parsely-pub-date", "citation_publication_date",
)
HTML_TITLE_METAS = ("og:title", "twitter:title", "dc.title")


def read_html(html: str, *, source: str = "", url: str | None = None) -> Article:
    """An Article from an HTML page: the article's own text, its title, and its original publication date.

    `url` is the page's address when it was fetched (a date in the address counts); an upload's
    canonical link serves the same purpose. Scripts, frames, forms' controls, attributes, event
    handlers and link targets never reach the article: what comes out is text only.

    >>> read_html("<title>T</title><p>Hello <script>x()</script>world.</p>").text
    'Hello world.'
    """
    bounded = len(html) <= MAX_TREE_CHARS and html.count("<") <= MAX_TREE_TAGS
    found = _read_tree(html, url) if bounded else None
    if found is None:
        return read_html_stream(html, source=source)
    text, title, published, lang_hint = found
    if len(text) < SHORT_TEXT_CHARS:
        text = _short_text(text, html)
    article = read_text(text, title=title, source=source)
    return _replace(article, published=published, lang=_settle_lang(text, lang_hint))


def _short_text(text: str, html: str) -> str:
    """A short trafilatura text checked against our reader, which never reads menus, headers or forms.

    Under trafilatura's own trust threshold its baseline extractor keeps link lists ("Home News")
    and puts every inline element on a line of its own ("Second\\nparagraphe\\n."), splitting
    sentences. When our reader finds nothing, the little found is site chrome; when it finds the
    same characters, its lines are kept.
    """
    try:
        ours = read_html_stream(html).text
    except SourceError:
        raise SourceError(NO_ARTICLE_TEXT) from None
    return ours if "".join(ours.split()) == "".join(text.split()) else text


def read_html_stream(html: str, *, source: str = "") -> Article:
    """Our own reader: one streaming pass keeping block text as lines, linear in the page's size.

    The first <article>, else <main>, else the body; title and date from the page's metadata.

    >>> read_html_stream("<nav>Menu</nav><p>Hello <script>x()</script>world.</p>").text
    'Hello world.'
    """
    page = _PageParser()
    page.feed(html)
    page.close()
    text = "\n".join(page.article_lines())
    if not any(ch.isalnum() for ch in text):
        raise SourceError(NO_ARTICLE_TEXT)
    article = read_text(text, title=page.title(), source=source)
    return _replace(article, published=page.published(), lang=_settle_lang(text, page.lang_hint))


def _read_tree(html: str, url: str | None) -> tuple[str, str, date | None, str | None] | None:
    """(text, title, date, lang attribute) as trafilatura and htmldate read the page; None to use our reader."""
    trafilatura, load_html, find_date, extract_title = _tree_readers()
    tree = load_html(html)
    if tree is None:
        return None
    count = 0
    for count, _element in enumerate(tree.iter(), start=1):
        if count > MAX_TREE_ELEMENTS:
            return None
    _drop_teasers(tree)
    # Only the article's text, title and date: trafilatura's full metadata pass (authors,
    # categories, tags) would cost about as much again as the text.
    document = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, prune_xpath=TREE_PRUNED
    )
    text = (document.text or "").strip() if document is not None else ""
    if not any(ch.isalnum() for ch in text):
        return None
    published = find_date(
        tree,
        url=url,
        original_date=True,
        extensive_search=HTMLDATE_EXTENSIVE,
        # A page dated tomorrow is plausible across time zones; check_published says the same.
        max_date=(date.today() + timedelta(days=1)).isoformat(),
    )
    return text, _tree_title(tree, extract_title), _plausible(published), _tree_lang(tree)


def _drop_teasers(tree) -> None:
    """Remove the <article> elements that are teasers for other stories, when one article dominates.

    News front blocks put short <article> cards ("Retraites : ce que change la réforme") before the
    story itself; trafilatura would keep the first of them. An <article> with less than
    TEASER_SHARE of the longest one's words is a card, not the story.
    """
    articles = tree.xpath("//article[not(ancestor::article)]")
    if len(articles) < 2:
        return
    words = [len(article.text_content().split()) for article in articles]
    longest = max(words)
    for article, count in zip(articles, words):
        if count < TEASER_SHARE * longest:
            article.drop_tree()


def _tree_title(tree, extract_title) -> str:
    """The page's own title for social cards (og:title and the like), else trafilatura's choice (h1, <title>)."""
    for name in HTML_TITLE_METAS:
        for value in tree.xpath(
            "//meta[translate(@property,'OGTIWERDC','ogtiwerdc')=$name or translate(@name,'OGTIWERDC','ogtiwerdc')=$name]"
            "/@content",
            name=name,
        ):
            if value.strip():
                return " ".join(value.split())
    return " ".join((extract_title(tree) or "").split())


def _tree_lang(tree) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    return lang.replace("_", "-").split("-")[0].strip().lower() or None


def _plausible(value: str | None) -> date | None:
    try:
        # Page metadata is often wrong; an implausible date is dropped, not a reason to refuse the page.
        return check_published(date.fromisoformat(value)) if value else None
    except (ValueError, SourceError):
        return None


@lru_cache(maxsize=1)
def _tree_readers():
    """trafilatura, its HTML loader, htmldate's find_date, trafilatura's title finder.

    Imported on the first page read: together they cost about 0.25 s, which the Load page
    should not pay before anyone reads a page.
    """
    import trafilatura
    from htmldate import find_date
    from trafilatura.metadata import extract_title
    from trafilatura.utils import load_html

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        # Their "discarding data" notes are expected on pages without an article; without a handler
        # Python would print them on the command line's stderr.
        logging.getLogger(name).addHandler(logging.NullHandler())
    return trafilatura, load_html, find_date, extract_title



class _PageParser(HTMLParser):
    """One pass over the page, keeping block text as lines and the metadata we read.

    BeautifulSoup builds a Python tree first: about 13 s and 260 MB (tracemalloc peak) for a
    5 MB page here; this stream of the standard library's parser takes about 2 s and 60 MB,
    linear in the page. Like a browser, an unclosed <nav> or <script> runs to the end of the page.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang_hint: str | None = None
        self.metas: dict[str, str] = {}
        self.times: list[str] = []
        self.json_ld: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self._dropped: list[str] = []  # open tags whose content is not article text
        self._open: list[str] = []  # open containers that choose the article: article, main, title, h1
        # How many of each are open: membership by count, not by scanning a stack 60,000 elements deep.
        self._open_count: Counter[str] = Counter()
        self._line: list[str] = []
        self._in_json_ld = False
        self._closing = False
        self._articles_seen = 0
        self._lines: dict[str, list[str]] = {"article": [], "main": [], "body": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag == "html" and self.lang_hint is None:
            lang = attributes.get("lang") or attributes.get("xml:lang") or ""
            self.lang_hint = lang.replace("_", "-").split("-")[0].strip().lower() or None
        elif tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").strip().lower()
            if key and attributes.get("content", "").strip():
                self.metas.setdefault(key, attributes["content"].strip())
        elif tag == "time" and attributes.get("datetime"):
            self.times.append(attributes["datetime"])
        elif tag == "script" and attributes.get("type", "").strip().lower() == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        if tag in HTML_VOID_TAGS:
            if tag in HTML_LINE_BREAKS:
                self._flush()
            return
        if tag in HTML_DROP_TAGS or self._dropped:
            self._dropped.append(tag)
            return
        if tag in HTML_BLOCK_TAGS or tag in HTML_LINE_BREAKS:
            self._flush()
        if tag == "article":
            self._articles_seen += 1
        if tag in ("article", "main", "title", "h1"):
            name = tag if tag != "article" else f"article{self._articles_seen}"
            self._open.append(name)
            self._open_count[name] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in HTML_VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_json_ld = False
        if self._dropped:
            if tag in self._dropped:
                while self._dropped.pop() != tag:
                    pass
            return
        if tag in HTML_BLOCK_TAGS or tag in HTML_LINE_BREAKS:
            self._flush()
        name = f"article{self._articles_seen}" if tag == "article" else tag
        if self._open_count[name]:
            while True:
                closed = self._open.pop()
                self._open_count[closed] -= 1
                if closed == name:
                    break

    def handle_data(self, data: str) -> None:
        if self._closing and data.lstrip().startswith("<"):
            return
        if self._in_json_ld:
            self.json_ld[-1] += data
        if self._dropped:
            return
        if self._open_count["title"]:
            self.title_parts.append(data)
            return
        if self._open_count["h1"] and len(self.h1_parts) < 100:
            self.h1_parts.append(data)
        self._line.append(data)

    def close(self) -> None:
        # At the end the parser hands back what it could not parse ("<!-- never closed", "<scr")
        # as text; browsers treat it as markup and show nothing, and so do we.
        self._closing = True
        super().close()
        self._flush()

    def _flush(self) -> None:
        if not self._line:
            return
        line = " ".join("".join(self._line).split())
        self._line = []
        if not line:
            return
        # Only the first <article>: later ones are usually teasers for other stories.
        if self._open_count["article1"]:
            self._lines["article"].append(line)
        if self._open_count["main"]:
            self._lines["main"].append(line)
        self._lines["body"].append(line)

    def article_lines(self) -> list[str]:
        return self._lines["article"] or self._lines["main"] or self._lines["body"]

    def title(self) -> str:
        title = next((self.metas[name] for name in HTML_TITLE_METAS if self.metas.get(name)), "")
        title = title or "".join(self.title_parts) or "".join(self.h1_parts)
        return " ".join(title.split())

    def published(self) -> date | None:
        candidates = [self.metas.get(name) for name in HTML_DATE_METAS]
        candidates += [value for block in self.json_ld for value in _json_ld_dates(block)]
        candidates += self.times
        for candidate in candidates:
            found = _ISO_DATE.search(candidate or "")
            if not found:
                continue
            try:
                # Page metadata is often wrong; an implausible date is dropped, not a reason to refuse the page.
                return check_published(date(*map(int, found.groups())))
            except (ValueError, SourceError):
                continue
        return None


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _json_ld_dates(block: str) -> list[str]:
    try:
        data = json.loads(block)
    except ValueError:
        return []
    dates: list[str] = []
    stack = [data]
    while stack and len(dates) < 10:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                dates.append(node["datePublished"])
            stack.extend(value for value in node.values() if isinstance(value, (dict, list)))
    return dates


def _settle_lang(text: str, hint: str | None) -> str | None:
    """The text's own language when it can be told; the page's lang attribute only as a fallback."""
    from lib.extract.lang import SUPPORTED_LANGUAGES, UnsupportedLanguage
    from lib.language import detect_language

    try:
        return detect_language(text)
    except UnsupportedLanguage as error:
        if error.lang:  # a real other language: leave it for the caller to report
            return None
    return hint if hint in SUPPORTED_LANGUAGES else None

