"""Turning input into an Article: pasted text, .txt/.md/.html files, bundled seeds and URLs.

Every refusal is a `SourceError` whose message is one line a user can act on
("binary file (looks like PNG), not text", "file too large: 200 MB, the limit is 20 MB").
Offsets into `Article.text` are taken after decoding, so nothing here rewrites the
text of a .txt or .md file beyond removing a byte-order mark.

>>> read_text("Le ministre a parlé vendredi.").text
'Le ministre a parlé vendredi.'
"""
from __future__ import annotations

import codecs
import ipaddress
import json
import os
import re
import socket
import time
from dataclasses import dataclass, replace as _replace
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lib.models import Article, Span

# ---------------------------------------------------------------------------------------------
# Data: limits, site boilerplate phrases per language, binary signatures.
# ---------------------------------------------------------------------------------------------

MAX_TEXT_CHARS = 20_000_000  # a pasted article; a novel is about 1 MB, so this is generous
MAX_UPLOAD_BYTES = 20_000_000
MAX_FETCH_BYTES = 5_000_000
MAX_REDIRECTS = 5
EARLIEST_PUBLISHED = date(1900, 1, 1)
ALLOW_PRIVATE_ENV = "FACTDESK_ALLOW_PRIVATE_URLS"

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FETCH_CONTENT_TYPES = ("text/html", "text/plain", "application/xhtml+xml")

# A line is boilerplate when, stripped, it is one of WHOLE_LINES (case-insensitive) or starts with
# one of LINE_STARTS and is shorter than BOILERPLATE_MAX_CHARS. Starts are specific enough that an
# article sentence ("Partager les coûts…", "Subscribers lost…") does not begin with them.
BOILERPLATE_MAX_CHARS = 240
BOILERPLATE = {
    "fr": {
        "WHOLE_LINES": (
            "publicité", "annonce", "partager", "partagez", "s'abonner", "s’abonner", "abonnez-vous",
            "lire la suite", "lire aussi", "à lire aussi", "voir aussi", "imprimer", "copier le lien",
            "newsletter", "commenter", "réagir", "contenu sponsorisé", "en continu", "les plus lus",
            "accepter", "tout accepter", "refuser",
        ),
        "LINE_STARTS": (
            r"(?:verrouiller|déverrouiller|débloquez|débloquer|déverrouillez)\b.{0,80}\bgratuit",
            r"votre guide (?:sur|de|pour)\b",
            r"(?:inscrivez-vous|abonnez-vous|s['’]abonner|recevez|recevoir)\b.{0,60}\b(?:newsletter|lettre d['’]information|gratuitement|alertes?)\b",
            r"(?:abonnez-vous|inscrivez-vous)\b",
            r"(?:lire|à lire|voir) (?:aussi|également|la suite)\s*:",
            r"déjà abonné",
            r"(?:article |contenu )?réservé aux (?:abonnés|abonnées|membres)\b",
            r"partager (?:sur|cet article|par e-?mail|via)\b",
            r"(?:nous utilisons|ce site utilise|ce site web utilise) des cookies",
            r"(?:accepter|gérer|paramétrer) (?:les |mes )?cookies",
            r"tous droits réservés",
            r"suivez-nous\b",
            r"suivez (?:notre|le) (?:direct|live|fil)\b",
            r"(?:cliquez|appuyez) ici\b",
            r"publicité\s*[-–:]",
            r"newsletter\s*[-–:]",
        ),
    },
    "en": {
        "WHOLE_LINES": (
            "advertisement", "advertising", "sponsored", "sponsored content", "share", "tweet", "email",
            "print", "subscribe", "subscribe now", "sign up", "sign in", "log in", "read more", "read next",
            "see also", "related", "most read", "most popular", "copy link", "comments", "accept",
            "accept all", "reject all", "newsletter", "skip to content", "skip to main content",
        ),
        "LINE_STARTS": (
            r"unlock\b.{0,80}\bfor free\b",
            r"unlock the\b.{0,80}\bnewsletter\b",
            r"your guide to\b",
            r"sign up (?:for|to)\b",
            r"subscribe (?:to|now|for|today)\b",
            r"(?:get|receive) (?:our|the)\b.{0,60}\b(?:newsletter|alerts?)\b",
            r"already a subscriber",
            r"(?:this (?:article|story|content) is )?(?:for|only for|available to) (?:subscribers|members)(?: only)?\b",
            r"subscribers? only\b",
            r"(?:read|see) (?:more|also|next)\s*:",
            r"related\s*:",
            r"share (?:this|on|via)\b",
            r"(?:we use|this (?:site|website) uses) cookies\b",
            r"(?:accept|manage) (?:all )?cookies\b",
            r"cookie (?:settings|preferences|policy)\b",
            r"all rights reserved\b",
            r"©",
            r"follow us\b",
            r"follow (?:our|the) (?:live|latest)\b",
            r"click here\b",
            r"advertisement\s*[-–:]",
        ),
    },
}

# Leading bytes of formats users drop in by mistake; the name goes into the message.
BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (or .docx/.xlsx/.odt)"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "GZIP"),
    (b"7z\xbc\xaf\x27\x1c", "7Z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office (.doc/.xls)"),
    (b"{\\rtf", "RTF"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS\x00", "OGG"),
    (b"ID3\x02", "MP3"),
    (b"ID3\x03", "MP3"),
    (b"ID3\x04", "MP3"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
)

# BOMs longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
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


class SourceError(ValueError):
    """Input we cannot read; the message is one line that says why."""


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------


def read_text(text: str, *, title: str = "", source: str = "") -> Article:
    """An Article from pasted text, boilerplate lines marked; refuses empty, binary or huge text.

    >>> read_text("Subscribe\\nHealy said troops were ready.").boilerplate
    ((0, 9),)
    """
    if not isinstance(text, str):
        raise SourceError(f"expected text, got {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(
            f"text too large: {len(text):,} characters, the limit is {MAX_TEXT_CHARS:,} ({_megabytes(MAX_TEXT_CHARS)})"
        )
    text = text.removeprefix("\ufeff")
    _refuse_empty(text)
    if "\x00" in text:
        # NUL never occurs in prose, and PostgreSQL cannot store it in a text column.
        raise SourceError("text contains NUL characters: this looks like binary data, not text")
    return Article(text=text, title=title.strip(), source=source, boilerplate=boilerplate_spans(text))


def _refuse_empty(text: str) -> None:
    if not text:
        raise SourceError("empty text")
    if not text.strip():
        raise SourceError("empty text (only whitespace)")
    if not any(ch.isalnum() for ch in text):
        raise SourceError("no words in the text (only punctuation, symbols or invisible characters)")


def _megabytes(n: int) -> str:
    """'200 MB', '20.5 MB', '4 KB': sizes as people read them in messages."""
    for unit, size in (("MB", 1_000_000), ("KB", 1_000)):
        if n >= size:
            return f"{n / size:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{n} bytes"


_BOILERPLATE_WHOLE = frozenset(
    line.casefold() for table in BOILERPLATE.values() for line in table["WHOLE_LINES"]
)
_BOILERPLATE_START = re.compile(
    "|".join(f"(?:{pattern})" for table in BOILERPLATE.values() for pattern in table["LINE_STARTS"]),
    re.IGNORECASE,
)
_LINE = re.compile(r"[^\n]+")


def boilerplate_spans(text: str) -> tuple[Span, ...]:
    """Spans of the site-boilerplate lines (newsletter promos, share buttons, cookie notices).

    >>> boilerplate_spans("Votre guide sur ce que Trump signifie\\nHealy a parlé.")
    ((0, 37),)
    """
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        body = line.group()
        stripped = body.strip()
        if not stripped or len(stripped) > BOILERPLATE_MAX_CHARS:
            continue
        key = stripped.rstrip(" .:!»›→>|").casefold()
        if key in _BOILERPLATE_WHOLE or _BOILERPLATE_START.match(stripped):
            start = line.start() + (len(body) - len(body.lstrip()))
            spans.append((start, start + len(stripped)))
    return tuple(spans)


# ---------------------------------------------------------------------------------------------
# Bytes and files
# ---------------------------------------------------------------------------------------------


def read_bytes(data: bytes, filename: str) -> Article:
    """An Article from an uploaded file's bytes (.txt, .md or .html), decoded without mojibake.

    >>> read_bytes("Le café coûte 3 €.".encode("cp1252"), "note.txt").text
    'Le café coûte 3 €.'
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise SourceError(f"file too large: {_megabytes(len(data))}, the limit is {_megabytes(MAX_UPLOAD_BYTES)}")
    if not data:
        raise SourceError("empty file")
    suffix = Path(filename).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return read_html(_decode_declared(data, None, "text/html"), source=filename)
    if suffix in TEXT_SUFFIXES or not suffix:
        # Markdown stays as typed: the dashboard never renders article text, so links and images are inert.
        return read_text(decode_bytes(data)[0], source=filename)
    raise SourceError(f"unsupported file type {suffix!r}: use .txt, .md or .html")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of `data`; refuses binary formats by name.

    Order: byte-order marks, binary signatures, UTF-16/32 told apart by their NUL pattern,
    UTF-8, then bytes that are not UTF-8 read as Windows-1252 (a superset of Latin-1 for
    every printable character) line by line, so a file mixing UTF-8 and cp1252 lines is
    read correctly too.

    >>> decode_bytes("L’été".encode("utf-16-le"))
    ('L’été', 'utf-16-le')
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding), encoding
    _refuse_binary_signature(data)
    if b"\x00" in data[:65536]:
        encoding = _wide_encoding(data)
        if encoding is None:
            raise SourceError("binary file (contains NUL bytes), not text")
        return _strict(data, encoding), encoding
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_lines(data)
    _refuse_control_soup(text)
    return text, encoding


def _decode_lines(data: bytes) -> tuple[str, str]:
    """Each line as UTF-8 when it is valid UTF-8, else as Windows-1252.

    Files mix encodings line by line (pasted-together sources), and deciding per line keeps a
    cp1252 line whose bytes happen to contain a valid UTF-8 pair ("É" then a no-break space)
    from being half read as UTF-8.
    """
    parts, kinds = [], set()
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
            kinds.add("utf-8" if not line.isascii() else "ascii")
        except UnicodeDecodeError:
            parts.append(line.decode("cp1252", errors=_LATIN1_FALLBACK))
            kinds.add("cp1252")
    return "".join(parts), ("utf-8+cp1252" if "utf-8" in kinds else "cp1252")


def _refuse_binary_signature(data: bytes) -> None:
    for signature, name in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise SourceError(f"binary file (looks like {name}), not text")


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise SourceError(f"not valid {encoding.upper()} text (binary data or a damaged file)") from None
    _refuse_control_soup(text)
    return text


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, recognised by where NULs fall: ASCII-heavy text has them in every other byte."""
    sample = data[:8192]
    if len(sample) < 8:  # "0\x00" may be UTF-16 for "0", or two bytes of anything: too little to say
        return None
    n = len(sample) // 4 * 4
    if n >= 8:
        quads = [sample[i : i + 4] for i in range(0, n, 4)]
        if sum(q[1:] == b"\x00\x00\x00" for q in quads) > 0.6 * len(quads):
            return "utf-32-le"
        if sum(q[:3] == b"\x00\x00\x00" for q in quads) > 0.6 * len(quads):
            return "utf-32-be"
    even, odd = sample[0 : len(sample) // 2 * 2 : 2], sample[1 : len(sample) // 2 * 2 : 2]
    half = max(len(even), 1)
    even_nuls, odd_nuls = even.count(0) / half, odd.count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _latin1_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    # The five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are read as Latin-1,
    # so nothing is lost and nothing raises.
    return error.object[error.start : error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "factdesk-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _refuse_control_soup(text: str) -> None:
    # A few stray control characters are tolerated (they are kept, offsets stay true); a text that is
    # mostly controls is a binary file that happened to decode.
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise SourceError("binary file (mostly control characters), not text")


def read_file(path: str | os.PathLike) -> Article:
    """An Article from a .txt/.md/.html file; a sidecar `<name>.json` supplies title, lang and date.

    Size is checked before reading, so a 200 MB file costs nothing.
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(f"no such file: {path}")
    if path.is_dir():
        raise SourceError(f"is a directory, not a file: {path}")
    if not path.is_file():
        raise SourceError(f"not a regular file: {path}")
    try:
        size = path.stat().st_size
        if size > MAX_UPLOAD_BYTES:
            raise SourceError(f"file too large: {_megabytes(size)}, the limit is {_megabytes(MAX_UPLOAD_BYTES)}")
        with path.open("rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)  # the file may have grown since stat()
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror or error}") from None
    article = read_bytes(data, path.name)
    article = _replace(article, source=str(path))
    meta = _sidecar(path)
    if meta:
        article = _replace(
            article,
            title=meta.get("title") or article.title,
            lang=meta.get("lang") or article.lang,
            published=_sidecar_date(meta.get("published"), path) or article.published,
        )
    return article


def _sidecar(path: Path) -> dict:
    sidecar = path.with_suffix(".json")
    if sidecar == path or not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SourceError(f"unreadable metadata file {sidecar.name}: {error}") from None
    if not isinstance(meta, dict) or meta.get("file", path.name) != path.name:
        return {}
    return meta


def _sidecar_date(value: object, path: Path) -> date | None:
    if not value:
        return None
    try:
        published = date.fromisoformat(str(value))
    except ValueError:
        raise SourceError(f"bad publication date {value!r} in {path.with_suffix('.json').name}") from None
    try:
        return check_published(published)
    except SourceError as error:
        raise SourceError(f"{error} (in {path.with_suffix('.json').name})") from None


def check_published(published: date | None, *, today: date | None = None) -> date | None:
    """`published` if it is plausible for a news article, else SourceError naming the range.

    A date after tomorrow (time zones) cannot be a publication date, and one before 1900 is
    almost always a typo ("0025-08-15"); extraction would silently anchor every relative
    expression to it, so we refuse rather than warn.

    >>> check_published(date(2025, 8, 15), today=date(2025, 9, 1))
    datetime.date(2025, 8, 15)
    """
    if published is None:
        return None
    today = today or date.today()
    if published > today + timedelta(days=1):
        raise SourceError(f"publication date {published.isoformat()} is in the future (today is {today.isoformat()})")
    if published < EARLIEST_PUBLISHED:
        raise SourceError(f"publication date {published.isoformat()} is before {EARLIEST_PUBLISHED.year}")
    return published


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# URLs
# ---------------------------------------------------------------------------------------------


def fetch_url(
    url: str,
    *,
    allow_private: bool | None = None,
    timeout: tuple[float, float] = (5, 15),
    max_bytes: int = MAX_FETCH_BYTES,
) -> Article:
    """An Article from a web page, fetched defensively.

    Only http(s); every hop of at most 5 redirects is re-checked; hosts that resolve to
    private, loopback, link-local, multicast or reserved addresses are refused unless
    `allow_private` (or env FACTDESK_ALLOW_PRIVATE_URLS=1) — a deployed desk must not fetch its
    own network on a user's behalf. Size is capped while streaming; connect and read timeouts
    apply, and the whole download must finish within their sum.
    """
    import requests

    if allow_private is None:
        allow_private = os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in ("1", "true", "yes")
    connect_timeout, read_timeout = timeout
    deadline = time.monotonic() + connect_timeout + read_timeout
    session = requests.Session()
    # No ~/.netrc: its passwords must never be sent to an address a user typed. Proxies from the
    # environment are still honoured, per request, below.
    session.trust_env = False
    session.headers["User-Agent"] = "FactDesk/1 (+article reader)"
    session.headers["Accept"] = "text/html,application/xhtml+xml,text/plain;q=0.9"
    if not allow_private:
        # The host was checked when resolved; this checks the address actually connected to,
        # so a DNS answer that changes between the two (rebinding) cannot reach the inside.
        adapter = _PeerCheckingAdapter()
        session.mount("http://", adapter)
        session.mount("https://", adapter)
    current = url
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            _check_url(current, allow_private)
            response = session.get(
                current,
                stream=True,
                allow_redirects=False,
                timeout=timeout,
                proxies=requests.utils.get_environ_proxies(current),
                verify=os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True,
            )
            with response:
                if response.is_redirect:
                    location = response.headers.get("Location", "")
                    if not location:
                        raise SourceError(f"redirect without a location from {current}")
                    current = urljoin(current, location)
                    continue
                if response.status_code >= 400:
                    raise SourceError(f"HTTP {response.status_code} from {current}")
                content_type, charset = _content_type(response.headers.get("Content-Type", ""))
                if content_type not in FETCH_CONTENT_TYPES:
                    raise SourceError(
                        f"not an article page: content type {content_type or 'missing'} (expected HTML or plain text)"
                    )
                data = _read_capped(response, max_bytes, deadline)
            text = _decode_declared(data, charset, content_type)
            if content_type == "text/plain":
                article = read_text(text, source=current)
            else:
                article = read_html(text, source=current)
            return article
        raise SourceError(f"too many redirects (more than {MAX_REDIRECTS}) from {url}")
    except requests.Timeout:
        raise SourceError(f"timed out fetching {current}") from None
    except requests.TooManyRedirects:
        raise SourceError(f"too many redirects (more than {MAX_REDIRECTS}) from {url}") from None
    except requests.ConnectionError as error:
        raise SourceError(f"could not connect to {urlsplit(current).hostname}: {_reason(error)}") from None
    except requests.RequestException as error:
        raise SourceError(f"could not fetch {current}: {_reason(error)}") from None
    finally:
        session.close()


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:200]


def _check_url(url: str, allow_private: bool) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise SourceError(f"only http and https addresses can be fetched, not {parts.scheme or 'a bare path'}: {url[:200]}")
    host = parts.hostname
    if not host:
        raise SourceError(f"no host in address: {url[:200]}")
    if parts.username or parts.password:
        raise SourceError("addresses with a user name or password are not fetched")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = _resolve(host, port)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise SourceError(f"cannot resolve host {host}: {error}") from None
    for address in addresses:
        _refuse_internal(host, address)


def _resolve(host: str, port: int) -> list[str]:
    return [info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)]


def _refuse_internal(host: str, address: str) -> None:
    ip = ipaddress.ip_address(address.split("%")[0])
    problem = _private_kind(ip)
    if problem:
        raise SourceError(
            f"refusing to fetch {host}: {ip} is a {problem} address "
            f"(set {ALLOW_PRIVATE_ENV}=1 to allow internal addresses)"
        )


def _peer_checked(connection_class):
    class PeerChecked(connection_class):
        def _new_conn(self):
            sock = super()._new_conn()
            try:
                _refuse_internal(self.host, sock.getpeername()[0])
            except SourceError:
                sock.close()
                raise
            return sock

    return PeerChecked


def _PeerCheckingAdapter():
    """A requests adapter whose direct connections refuse internal peers (proxied ones are the proxy's)."""
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class HTTPPool(HTTPConnectionPool):
        ConnectionCls = _peer_checked(HTTPConnection)

    class HTTPSPool(HTTPSConnectionPool):
        ConnectionCls = _peer_checked(HTTPSConnection)

    class Adapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": HTTPPool, "https": HTTPSPool}

    return Adapter()


def _private_kind(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    for attribute, name in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(address, attribute):
            return name
    if not address.is_global:
        return "non-public"
    return None


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return kind.strip().lower(), charset


def _read_capped(response, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise SourceError(f"page too large: {_megabytes(int(declared))}, the limit is {_megabytes(max_bytes)}")
    chunks, total = [], 0
    for chunk in response.iter_content(chunk_size=65536):
        total += len(chunk)
        if total > max_bytes:
            raise SourceError(f"page too large: the limit is {_megabytes(max_bytes)} and the server sent more")
        if time.monotonic() > deadline:
            # A server trickling one byte at a time never trips the per-read timeout.
            raise SourceError("timed out: the page took too long to download")
        chunks.append(chunk)
    return b"".join(chunks)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def _decode_declared(data: bytes, charset: str | None, content_type: str) -> str:
    """Bytes in the charset the server or the page's <meta charset> declares, else as decode_bytes reads them."""
    if not data:
        raise SourceError("empty page")
    _refuse_binary_signature(data)
    if charset is None and content_type != "text/plain":
        found = _META_CHARSET.search(data[:4096])
        charset = found.group(1).decode("ascii").lower() if found else None
    if charset and not any(data.startswith(bom) for bom, _ in BOMS):
        try:
            encoding = codecs.lookup(charset).name
            # Browsers read the latin-1 and ascii labels as windows-1252 (WHATWG), and so do pages.
            if encoding in ("latin-1", "iso8859-1", "ascii"):
                encoding = "cp1252"
            text = data.decode(encoding, errors=_LATIN1_FALLBACK if encoding == "cp1252" else "strict")
            _refuse_control_soup(text)
            return text
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to reading the bytes themselves
    return decode_bytes(data)[0]


# ---------------------------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------------------------

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


@dataclass(frozen=True)
class Seed:
    """A bundled article and what its sidecar says about it."""

    path: Path
    title: str
    lang: str | None
    published: date | None


def list_seeds(directory: Path = SEEDS_DIR) -> list[Seed]:
    """The bundled articles, the French seed first (sidecar "order", then French, then name)."""
    seeds = []
    for path in sorted(directory.iterdir()) if directory.is_dir() else []:
        if path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES or not path.is_file():
            continue
        meta = _sidecar(path)
        seeds.append(
            (
                (meta.get("order", 100), meta.get("lang") != "fr", path.name),
                Seed(
                    path=path,
                    title=meta.get("title") or path.stem.replace("-", " "),
                    lang=meta.get("lang"),
                    published=_sidecar_date(meta.get("published"), path),
                ),
            )
        )
    return [seed for _key, seed in sorted(seeds, key=lambda pair: pair[0])]


def read_seed(seed: Seed) -> Article:
    """The Article of a bundled seed, with its sidecar's title, language and date."""
    return read_file(seed.path)
