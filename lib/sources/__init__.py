"""Turning input into an Article: pasted text, .txt/.md/.html files, bundled seeds and URLs.

Every refusal is a `SourceError` whose message is one line a user can act on
("binary file (looks like PNG), not text", "file too large: 200 MB, the limit is 20 MB").
Offsets into `Article.text` are taken after decoding, so nothing here rewrites the
text of a .txt or .md file beyond removing a byte-order mark.

One module per step: `text` (checks, boilerplate lines, dates), `decode` (bytes to text),
`html` (pages to article text), `fetch` (URLs), `files` (uploads, paths, sidecars, seeds).

>>> read_text("Le ministre a parlé vendredi.").text
'Le ministre a parlé vendredi.'
"""
from lib.sources.decode import BINARY_SIGNATURES, BOMS, decode_bytes
from lib.sources.fetch import ALLOW_PRIVATE_ENV, FETCH_CONTENT_TYPES, MAX_FETCH_BYTES, MAX_REDIRECTS, fetch_url
from lib.sources.files import (
    HTML_SUFFIXES,
    MAX_UPLOAD_BYTES,
    SEEDS_DIR,
    TEXT_SUFFIXES,
    Seed,
    list_seeds,
    read_article,
    read_bytes,
    read_file,
    read_seed,
)
from lib.sources.html import (
    HTML_BLOCK_TAGS,
    HTML_DATE_METAS,
    HTML_DROP_TAGS,
    HTML_LINE_BREAKS,
    HTML_TITLE_METAS,
    HTML_VOID_TAGS,
    read_html,
    read_html_stream,
)
from lib.sources.text import (
    BOILERPLATE_MAX_CHARS,
    EARLIEST_PUBLISHED,
    MAX_TEXT_CHARS,
    SourceError,
    boilerplate_spans,
    check_published,
    parse_published,
    plausible_published,
    published_bounds,
    read_text,
)

__all__ = [
    "ALLOW_PRIVATE_ENV", "BINARY_SIGNATURES", "BOILERPLATE_MAX_CHARS", "BOMS", "EARLIEST_PUBLISHED",
    "FETCH_CONTENT_TYPES", "HTML_BLOCK_TAGS", "HTML_DATE_METAS", "HTML_DROP_TAGS", "HTML_LINE_BREAKS",
    "HTML_SUFFIXES", "HTML_TITLE_METAS", "HTML_VOID_TAGS", "MAX_FETCH_BYTES", "MAX_REDIRECTS", "MAX_TEXT_CHARS",
    "MAX_UPLOAD_BYTES", "SEEDS_DIR", "Seed", "SourceError", "TEXT_SUFFIXES", "boilerplate_spans", "check_published",
    "decode_bytes", "fetch_url", "list_seeds", "parse_published", "plausible_published", "published_bounds",
    "read_article", "read_bytes", "read_file", "read_html", "read_html_stream", "read_seed", "read_text",
]
