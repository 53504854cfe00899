"""Bytes to text without mojibake: byte-order marks, UTF-16/32 without one, UTF-8, Windows-1252 line by line.

Binary formats dropped in by mistake are refused by name.

>>> decode_bytes("Le café coûte 3 €.".encode("cp1252"))
('Le café coûte 3 €.', 'cp1252')
"""
from __future__ import annotations

import codecs
import re

from lib.sources.text import SourceError

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


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


def decode_declared(data: bytes, charset: str | None, content_type: str) -> str:
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

