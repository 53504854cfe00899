"""lib.sources decode: each encoding read without mojibake, binary refused, uploads by suffix."""
from __future__ import annotations

import codecs

import pytest

from lib.sources import (
    SourceError,
    decode_bytes,
    read_bytes,
)


FRENCH = "Élysée : l’OTAN a dit « oui » à 5 € près, déjà naïf.\nLe Royaume-Uni a déclaré vendredi qu’il était prêt."
WESTERN = "Café déjà vu, naïve façade; l’été à 3 € — “quoted”."

ENCODINGS = [
    ("utf-8", FRENCH.encode("utf-8"), FRENCH, "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH, "utf-8"),
    ("utf-16-le with BOM", codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
    ("utf-16-le without BOM", FRENCH.encode("utf-16-le"), FRENCH, "utf-16-le"),
    ("utf-16-be without BOM", FRENCH.encode("utf-16-be"), FRENCH, "utf-16-be"),
    ("utf-32-le with BOM", codecs.BOM_UTF32_LE + FRENCH.encode("utf-32-le"), FRENCH, "utf-32-le"),
    ("utf-32-be without BOM", FRENCH.encode("utf-32-be"), FRENCH, "utf-32-be"),
    ("cp1252 with é ’ €", WESTERN.encode("cp1252"), WESTERN, "cp1252"),
    ("latin-1", "Café déjà vu, naïve façade à l'été.".encode("latin-1"), "Café déjà vu, naïve façade à l'été.", "cp1252"),
    ("ascii", b"Plain ASCII text.", "Plain ASCII text.", "utf-8"),
    (
        "utf-8 lines mixed with cp1252 lines",
        "Été 2022 : l’armée.\n".encode("utf-8") + "Coût : 5 € et “guillemets”.\n".encode("cp1252"),
        "Été 2022 : l’armée.\nCoût : 5 € et “guillemets”.\n",
        "utf-8+cp1252",
    ),
]


@pytest.mark.parametrize("data, expected, encoding", [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_decode_bytes_reads_each_encoding_without_mojibake(data, expected, encoding):
    assert decode_bytes(data) == (expected, encoding)


@pytest.mark.parametrize("data, expected", [(c[1], c[2]) for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_read_bytes_text_file_keeps_decoded_text_as_is(data, expected):
    article = read_bytes(data, "article.txt")
    assert article.text == expected
    assert "Ã" not in article.text and "\ufffd" not in article.text


def test_cp1252_bytes_undefined_in_cp1252_are_kept_as_latin1_not_dropped():
    text, _ = decode_bytes(b"caf\xe9 \x81 ok")
    assert text == "café \x81 ok"


def test_markdown_is_kept_verbatim_so_links_and_images_stay_inert_text():
    source = "# Titre\n\n![pixel](http://evil.example/p.png) [clic](javascript:alert(1)) Le ministre a parlé."
    assert read_bytes(source.encode(), "note.md").text == source


@pytest.mark.parametrize("name", ["report.pdf", "data.csv", "archive.tar"])
def test_read_bytes_refuses_unsupported_file_types_by_suffix(name):
    with pytest.raises(SourceError, match=r"unsupported file type '\.\w+': use \.txt, \.md or \.html"):
        read_bytes(b"Some text that is text.", name)
