"""HTML pages to article text: one streaming pass that keeps block text as lines, title and date from metadata.

>>> read_html("<title>T</title><p>Hello <script>x()</script>world.</p>").text
'Hello world.'
"""
from __future__ import annotations

import json
import re
from dataclasses import replace as _replace
from datetime import date
from html.parser import HTMLParser

from lib.models import Article
from lib.sources.text import SourceError, check_published, read_text

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


def read_html(html: str, *, source: str = "") -> Article:
    """An Article from an HTML page: article text as lines, title and date from the page's metadata.

    Scripts, frames, navigation and forms are dropped; what remains is text only (attributes,
    event handlers and link targets never reach the article).

    >>> read_html("<title>T</title><p>Hello <script>x()</script>world.</p>").text
    'Hello world.'
    """
    page = _PageParser()
    page.feed(html)
    page.close()
    text = "\n".join(page.article_lines())
    article = read_text(text, title=page.title(), source=source)
    return _replace(article, published=page.published(), lang=_settle_lang(text, page.lang_hint))


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
            self._open.append(tag if tag != "article" else f"article{self._articles_seen}")

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
        if name in self._open:
            while self._open.pop() != name:
                pass

    def handle_data(self, data: str) -> None:
        if self._closing and data.lstrip().startswith("<"):
            return
        if self._in_json_ld:
            self.json_ld[-1] += data
        if self._dropped:
            return
        if "title" in self._open:
            self.title_parts.append(data)
            return
        if "h1" in self._open and len(self.h1_parts) < 100:
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
        if "article1" in self._open:
            self._lines["article"].append(line)
        if "main" in self._open:
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

