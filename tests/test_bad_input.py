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
from pathlib import Path

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


# ------------------------------------------------------------------ folders given to ingest (issue 12, point 4)

FRENCH_ARTICLE = "Plus de 200 planificateurs militaires se sont réunis vendredi à Paris, a déclaré Healy.\n"


@pytest.fixture
def folder_with_links(tmp_path):
    """A folder holding one article, a link to a file outside it, a link to a folder outside it, and a link inside."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Le mot de passe du serveur est écrit ici en clair, a déclaré Healy.\n", encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "fr.txt").write_text(FRENCH_ARTICLE, encoding="utf-8")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside, target_is_directory=True)
    (folder / "again.txt").symlink_to(folder / "fr.txt")  # inside the folder: the same file, read once
    return folder


def test_a_folder_walk_never_leaves_the_folder_and_names_the_links_it_skips(folder_with_links):
    from lib.ingest import collect_paths

    files, refused = collect_paths([folder_with_links])
    assert [file.path for file in files] == [folder_with_links / "fr.txt"]  # again.txt is the same file, read once
    assert [(Path(o.path).name, o.outcome, o.reason) for o in refused] == [
        ("elsewhere", "failed", f"not read: a symbolic link out of the folder (to {folder_with_links.parent / 'outside'})"),
        ("passwd.txt", "failed", "not read: a symbolic link out of the folder (to /etc/passwd)"),
        ("secret.txt", "failed", f"not read: a symbolic link out of the folder (to {folder_with_links.parent / 'outside' / 'secret.txt'})"),
    ]


def test_nothing_outside_an_ingested_folder_reaches_the_store(store_url, folder_with_links):
    from lib.ingest import ingest_paths
    from lib.store import Store

    outcomes = list(ingest_paths([folder_with_links], store_url, published=PUBLISHED, lang="fr"))
    assert sorted(o.outcome for o in outcomes) == ["added", "failed", "failed", "failed"]
    with Store(store_url) as store:
        texts = [store.article(summary.id).text for summary in store.articles()]
    assert texts == [FRENCH_ARTICLE]


def test_a_fifo_named_like_an_article_is_not_read_so_the_walk_cannot_block(tmp_path):
    import os

    from lib.ingest import collect_paths

    (tmp_path / "fr.txt").write_text(FRENCH_ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    files, refused = collect_paths([tmp_path])
    assert [file.path for file in files] == [tmp_path / "fr.txt"] and refused == []


# What the walk saw can change before the file is read: a file or a sub-folder swapped for a link to
# somewhere else, or a second name (hard link) for a file outside. Reading goes through the folder
# itself, never through a link, and counts a file's names.

SECRET = "Le mot de passe du serveur est écrit ici en clair, a déclaré Healy.\n"


@pytest.fixture
def walked(tmp_path, monkeypatch):
    """(folder, outside, swap): `swap(change)` makes `change()` happen between the walk and the reading."""
    import lib.ingest

    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "sub" / "en.txt").write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "fr.txt").write_text(FRENCH_ARTICLE, encoding="utf-8")
    (folder / "sub" / "en.txt").write_text(FRENCH_ARTICLE.replace("200", "300"), encoding="utf-8")
    real_walk = lib.ingest._walk

    def swap(change):
        def walk_then_change(path):
            found = real_walk(path)
            change()
            return found

        monkeypatch.setattr(lib.ingest, "_walk", walk_then_change)

    return folder, outside, swap


def _ingested(folder, store_url):
    from lib.ingest import ingest_paths
    from lib.store import Store

    outcomes = sorted((o.path, o.outcome, o.reason) for o in ingest_paths([folder], store_url, published=PUBLISHED,
                                                                           lang="fr", workers=1))
    with Store(store_url) as store:
        texts = sorted(store.article(summary.id).text for summary in store.articles())
    return outcomes, texts


def test_a_file_swapped_for_a_link_after_the_walk_is_refused_not_followed(store_url, walked):
    folder, outside, swap = walked

    def to_link():
        (folder / "fr.txt").unlink()
        (folder / "fr.txt").symlink_to(outside / "secret.txt")

    swap(to_link)
    outcomes, texts = _ingested(folder, store_url)
    assert outcomes == [
        (str(folder / "fr.txt"), "failed",
         f"not read: {folder / 'fr.txt'} is now a symbolic link; links are not followed out of an ingested folder"),
        (str(folder / "sub" / "en.txt"), "added", ""),
    ]
    assert SECRET not in texts


def test_a_sub_folder_swapped_for_a_link_after_the_walk_is_refused_not_followed(store_url, walked):
    folder, outside, swap = walked
    swap(lambda: ((folder / "sub").rename(folder.parent / "moved"), (folder / "sub").symlink_to(outside / "sub")))
    outcomes, texts = _ingested(folder, store_url)
    assert outcomes == [
        (str(folder / "fr.txt"), "added", ""),
        (str(folder / "sub" / "en.txt"), "failed",
         f"not read: {folder / 'sub'} is now a symbolic link; links are not followed out of an ingested folder"),
    ]
    assert texts == [FRENCH_ARTICLE]


def test_a_fifo_swapped_in_after_the_walk_is_refused_without_blocking(store_url, walked):
    import os

    folder, _, swap = walked
    swap(lambda: ((folder / "fr.txt").unlink(), os.mkfifo(folder / "fr.txt")))
    outcomes, texts = _ingested(folder, store_url)  # no writer ever opens the FIFO: a blocking open would hang
    assert outcomes[0] == (str(folder / "fr.txt"), "failed", f"not read: {folder / 'fr.txt'} is no longer a regular file")
    assert len(texts) == 1


def test_a_hard_link_to_a_file_outside_is_refused_and_hard_links_inside_are_read_once(store_url, walked):
    import os

    folder, outside, _ = walked
    os.link(outside / "secret.txt", folder / "secret.txt")
    os.link(folder / "fr.txt", folder / "sub" / "fr-again.txt")
    os.link(folder / "fr.txt", folder / "fr.txt.bak")  # a third name inside, under no article suffix
    outcomes, texts = _ingested(folder, store_url)
    assert outcomes == [
        (str(folder / "fr.txt"), "added", ""),
        (str(folder / "secret.txt"), "failed",
         f"not read: a hard link to a file that also lives outside the folder (2 names, 1 inside {folder})"),
        (str(folder / "sub" / "en.txt"), "added", ""),
    ]
    assert SECRET not in texts


def test_a_sidecar_that_is_a_link_is_not_followed_and_fails_its_article(store_url, walked):
    folder, outside, _ = walked
    (outside / "meta.json").write_text('{"title": "the title of a file outside"}', encoding="utf-8")
    (folder / "fr.json").symlink_to(outside / "meta.json")
    outcomes, _ = _ingested(folder, store_url)
    assert outcomes[0] == (str(folder / "fr.txt"), "failed",
                           "unreadable metadata file fr.json: a symbolic link, not followed in an ingested folder")


def test_a_sidecar_that_is_a_hard_link_to_a_file_outside_fails_its_article_and_one_inside_is_read(store_url, walked):
    import os

    folder, outside, _ = walked
    (outside / "meta.json").write_text('{"title": "the title of a file outside"}', encoding="utf-8")
    os.link(outside / "meta.json", folder / "fr.json")
    (folder / "sub" / "en.json").write_text('{"title": "Inside title"}', encoding="utf-8")
    os.link(folder / "sub" / "en.json", folder / "sub" / "en-copy.json")  # both names inside: read
    outcomes, texts = _ingested(folder, store_url)
    assert outcomes == [
        (str(folder / "fr.txt"), "failed", "unreadable metadata file fr.json: a hard link to a file that also "
                                           f"lives outside the folder (2 names, 1 inside {folder})"),
        (str(folder / "sub" / "en.txt"), "added", ""),
    ]
    assert "the title of a file outside" not in texts
    from lib.store import Store

    with Store(store_url) as store:
        assert [summary.title for summary in store.articles()] == ["Inside title"]


def test_file_names_with_terminal_codes_or_bytes_that_are_not_utf8_print_escaped(store_url, tmp_path):
    import os

    from lib.ingest import ingest_paths

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "evil\x1b]0;owned\x07\x1b[2J.txt").write_text(FRENCH_ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(("Le budget atteindra 5 % du PIB en 2035, selon Radakin. " * 2).encode("utf-8"))
    lines = sorted(o.line() for o in ingest_paths([folder], store_url, published=PUBLISHED, lang="fr"))
    assert len(lines) == 2 and all(line.startswith("added") for line in lines), lines
    assert lines[0].split()[2] == f"{folder}/caf\\xe9.txt"
    assert lines[1].split()[2] == f"{folder}/evil\\x1b]0;owned\\x07\\x1b[2J.txt"
    for line in lines:
        line.encode("utf-8")  # printable on any UTF-8 terminal: no lone surrogates
        assert "\x1b" not in line and "\x07" not in line


def test_more_workers_than_cores_are_not_started(tmp_path, monkeypatch):
    import os

    import lib.ingest

    started = []

    class CountingPool(lib.ingest.ProcessPoolExecutor):
        def __init__(self, max_workers, **options):
            started.append(max_workers)
            super().__init__(max_workers, **options)

    monkeypatch.setattr(lib.ingest, "ProcessPoolExecutor", CountingPool)
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(os.cpu_count() + 1):
        (folder / f"{number}.txt").write_text(f"Il y a {number + 2} soldats à Paris, a déclaré Healy vendredi.\n")
    outcomes = list(lib.ingest.ingest_paths([folder], f"sqlite:///{tmp_path / 'f.db'}", published=PUBLISHED,
                                            lang="fr", workers=100_000))
    assert started == [os.cpu_count()]
    assert [o.outcome for o in outcomes] == ["added"] * (os.cpu_count() + 1)
