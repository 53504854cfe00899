"""The catalogue of bad input (issue 5, item 1): each case and its exact outcome.

Every case ends in either a SourceError / UnsupportedLanguage with one clear line, or a
correct reading of the text. Nothing here reaches the store: a refused input is refused
before an Article exists.
"""
from __future__ import annotations

import io
import random
import tracemalloc
import zipfile
from datetime import date

import pytest

from lib.extract import extract
from lib.extract.lang import UnsupportedLanguage
from lib.language import LanguageUndetermined, detect_language
from lib.models import Article
from lib.sources import MAX_TEXT_CHARS, SourceError, check_published, read_bytes, read_file, read_text

PUBLISHED = date(2025, 8, 15)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Le ministre a parlé.")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n"
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"

BINARY_FILES = [
    ("PNG renamed .txt", PNG, "binary file (looks like PNG), not text"),
    ("PDF renamed .txt", PDF, "binary file (looks like PDF), not text"),
    ("ZIP renamed .txt", _zip_bytes(), "binary file (looks like ZIP (or .docx/.xlsx/.odt)), not text"),
    ("GIF renamed .txt", GIF, "binary file (looks like GIF), not text"),
    ("JPEG renamed .txt", JPEG, "binary file (looks like JPEG), not text"),
    ("gzip renamed .txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "binary file (looks like GZIP), not text"),
    ("NULs in no text pattern", bytes(range(256)) * 4, "binary file (contains NUL bytes), not text"),
    (
        "random bytes without NUL",
        bytes(b or 1 for b in random.Random(0).randbytes(4096)),
        "binary file (mostly control characters), not text",
    ),
    ("broken UTF-16 after its BOM", b"\xff\xfe" + "Bonjour".encode("utf-16-le") + b"\x00\xd8", "not valid UTF-16-LE text (binary data or a damaged file)"),
]


@pytest.mark.parametrize("data, message", [c[1:] for c in BINARY_FILES], ids=[c[0] for c in BINARY_FILES])
def test_binary_files_renamed_txt_are_refused_by_name(tmp_path, data, message):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as raised:
        read_file(path)
    assert str(raised.value) == message


EMPTY_TEXTS = [
    ("empty", "", "empty text"),
    ("whitespace only", " \n\t\r\n  \u00a0\u2003", "empty text (only whitespace)"),
    ("invisible characters only", "\u200b\u200f\u202e\ufeff\u2060", "no words in the text (only punctuation, symbols or invisible characters)"),
    ("punctuation only", "… — « » !!! ???", "no words in the text (only punctuation, symbols or invisible characters)"),
    ("NUL inside pasted text", "Le ministre\x00 a parlé.", "text contains NUL characters: this looks like binary data, not text"),
]


@pytest.mark.parametrize("text, message", [c[1:] for c in EMPTY_TEXTS], ids=[c[0] for c in EMPTY_TEXTS])
def test_empty_or_wordless_text_is_refused(text, message):
    with pytest.raises(SourceError) as raised:
        read_text(text)
    assert str(raised.value) == message


@pytest.mark.parametrize("data", [b"", b"   \n\n", "\ufeff".encode("utf-8")], ids=["empty file", "whitespace file", "BOM only"])
def test_empty_files_are_refused(data):
    with pytest.raises(SourceError, match=r"^empty (file|text)"):
        read_bytes(data, "article.txt")


def test_utf16_without_bom_is_read_correctly():
    text = "Le Royaume-Uni a déclaré vendredi qu’il était « prêt »."
    assert read_bytes(text.encode("utf-16-le"), "a.txt").text == text
    assert read_bytes(text.encode("utf-16-be"), "a.txt").text == text


def test_mixed_utf8_and_cp1252_lines_are_each_read_correctly():
    data = "Le coût de l’opération :\n".encode("utf-8") + "5 € par soldat, “dit-il”.\n".encode("cp1252")
    assert read_bytes(data, "a.txt").text == "Le coût de l’opération :\n5 € par soldat, “dit-il”.\n"


def test_a_paste_over_20_mb_is_refused_before_any_work_with_the_limit_named():
    with pytest.raises(SourceError) as raised:
        read_text("a" * (MAX_TEXT_CHARS + 1))
    assert str(raised.value) == "text too large: 20,000,001 characters, the limit is 20,000,000 (20 MB)"


def test_a_200_mb_file_is_refused_from_its_size_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse file: no disk, no memory
    tracemalloc.start()
    try:
        with pytest.raises(SourceError) as raised:
            read_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(raised.value) == "file too large: 200 MB, the limit is 20 MB"
    assert peak < 1_000_000


def test_a_200_mb_upload_is_refused_from_its_length_before_decoding():
    data = bytes(200_000_000)  # the one 200 MB allocation of the suite (calloc'd zero pages)
    with pytest.raises(SourceError) as raised:
        read_bytes(data, "upload.txt")
    assert str(raised.value) == "file too large: 200 MB, the limit is 20 MB"


def test_a_one_megabyte_line_without_sentence_end_is_extracted_with_valid_offsets():
    text = "le ministre a parlé de 200 soldats vendredi " * 23_000  # ~1 MB, no full stop, no newline
    article = read_text(text)
    result = extract(Article(article.text, lang="fr", published=PUBLISHED))
    for _kind, item in result.items():
        assert text[item.start : item.end] == item.text


@pytest.mark.parametrize(
    "text, code",
    [
        ("Der Verteidigungsminister sagte am Freitag, dass die britischen Truppen bereit seien.", "de"),
        ("El ministro de Defensa dijo el viernes que las tropas británicas estaban listas para partir.", "es"),
    ],
)
def test_text_in_an_unsupported_language_is_named_and_not_extracted(text, code):
    with pytest.raises(UnsupportedLanguage, match=rf"^unsupported language: {code}$"):
        detect_language(read_text(text).text)
    with pytest.raises(UnsupportedLanguage, match=rf"^unsupported language: {code}$"):
        extract(Article(text, lang=code))


def test_too_short_a_text_asks_for_the_language_rather_than_guessing():
    with pytest.raises(LanguageUndetermined, match=r"^too little text to tell the language \(5 letters, need 40\): choose fr or en$"):
        detect_language(read_text("Salut !").text)


@pytest.mark.parametrize(
    "published, message",
    [
        (date(2999, 1, 1), "publication date 2999-01-01 is in the future (today is 2025-09-01)"),
        (date(1899, 12, 31), "publication date 1899-12-31 is before 1900"),
        (date(25, 8, 15), "publication date 0025-08-15 is before 1900"),
    ],
)
def test_publication_dates_in_the_future_or_before_1900_are_refused(published, message):
    with pytest.raises(SourceError) as raised:
        check_published(published, today=date(2025, 9, 1))
    assert str(raised.value) == message


def test_html_with_scripts_frames_handlers_and_javascript_links_yields_only_text():
    html = (
        '<html><body><script>alert(1)</script><iframe src="http://evil.example"></iframe>'
        '<p onclick="steal()">Le ministre <img src=x onerror="alert(2)">a parlé '
        '<a href="javascript:alert(3)">vendredi</a>.</p></body></html>'
    )
    article = read_bytes(html.encode(), "page.html")
    assert article.text == "Le ministre a parlé vendredi."


def test_markdown_that_would_render_images_and_links_is_kept_as_inert_text():
    source = "Le ministre ![x](http://evil.example/track.png) a parlé [ici](javascript:alert(1)).\n<script>alert(1)</script>"
    article = read_bytes(source.encode(), "note.md")
    assert article.text == source  # never rendered: the dashboard shows article text escaped


def test_control_characters_and_right_to_left_marks_are_kept_and_offsets_stay_true():
    text = "Le ministre\u200f a déclaré\x07 vendredi\u202e que 200 soldats\u200b étaient\x0b prêts.\u2066 Fin\u2069."
    article = read_text(text)
    assert article.text == text
    result = extract(Article(article.text, lang="fr", published=PUBLISHED))
    for _kind, item in result.items():
        assert text[item.start : item.end] == item.text


def test_a_non_string_paste_is_refused():
    with pytest.raises(SourceError, match=r"^expected text, got bytes$"):
        read_text(b"bytes")  # type: ignore[arg-type]


# ------------------------------------------------------------------ what reaches the store (issue 12)
# The store is the one door every review passes, from the command line or the dashboard: the rules of
# lib.validation hold there on both backends, and nothing refused is written.

BAD_REVIEWS = [
    ("javascript evidence", {"evidence": ("javascript:alert(1)",)}, "evidence must be http(s) links, not: javascript:alert(1)"),
    ("data evidence", {"evidence": ("https://ok.org", "data:text/html,x")}, "evidence must be http(s) links, not: data:text/html,x"),
    ("vbscript evidence", {"evidence": ("vbscript:msgbox(1)",)}, "evidence must be http(s) links, not: vbscript:msgbox(1)"),
    ("file evidence", {"evidence": ("file:///etc/passwd",)}, "evidence must be http(s) links, not: file:///etc/passwd"),
    ("10,000-character analyst", {"analyst": "a" * 10_000}, "analyst name too long: 10,000 characters, the limit is 100"),
    ("analyst with escape codes", {"analyst": "ana\x1b]0;pwned\x07"}, "analyst name holds control characters: 'ana\\x1b]0;pwned\\x07'"),
    ("version 2^63", {"expected_version": 2**63}, "version must be a whole number from 0 to 9223372036854775806, not 9223372036854775808"),
    ("version 2^63 - 1", {"expected_version": 2**63 - 1}, "version must be a whole number from 0 to 9223372036854775806, not 9223372036854775807"),
    ("negative version", {"expected_version": -1}, "version must be a whole number from 0 to 9223372036854775806, not -1"),
]


@pytest.mark.parametrize("change, message", [c[1:] for c in BAD_REVIEWS], ids=[c[0] for c in BAD_REVIEWS])
def test_a_review_the_rules_refuse_is_refused_by_the_store_and_not_written(store, sample_extraction, change, message):
    from lib.models import Status
    from lib.validation import InvalidInput

    extraction = sample_extraction()
    store.save_extraction(extraction)
    claim = extraction.claims[0].id
    review = {"status": Status.VERIFIED, "evidence": ("https://example.org/a",), "analyst": "ana", "expected_version": 0}
    with pytest.raises(InvalidInput) as raised:
        store.save_review(claim, **{**review, **change})
    assert str(raised.value) == message
    assert store.history(claim) == []
    assert store.save_review(claim, **review).version == 1


def test_an_item_added_by_a_10000_character_analyst_is_refused(store, sample_extraction):
    from lib.models import Kind
    from lib.validation import InvalidInput

    extraction = sample_extraction()
    store.save_extraction(extraction)
    with pytest.raises(InvalidInput, match=r"^analyst name too long: 10,000 characters"):
        store.add_item(extraction.article.id, Kind.CLAIM, "Healy a parlé.", analyst="a" * 10_000)
    assert len(store.items(extraction.article.id)) == len(extraction.items())
