"""The spaCy pipelines, loaded once per process, and the one parse of each article.

Every extractor reads the same `Doc`: `parse(text, lang)` is called once per article by
`lib.extract.extract`, and `parse_many` feeds batches through `nlp.pipe` for ingest.

spaCy refuses texts over `nlp.max_length` and its memory grows with the text, so a long text is
parsed in pieces cut at line ends (else at a sentence end, else at a space) and the pieces are
joined back with `Doc.from_docs`: the joined `doc.text` is the article text exactly, so token
offsets are offsets into the article.

>>> doc = parse("« Nous sommes prêts », a déclaré John Healy.", "fr")
>>> doc.text.startswith("« Nous")
True
>>> [t.text for t in doc if t.lemma_ == "déclarer"]
['déclaré']
"""
from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from lib.extract.lang import table

# A piece of this many characters parses in well under a second and keeps memory small.
MAX_PIECE_CHARS = 50_000
_PIECE_ENDS = (re.compile(r"\n"), re.compile(r"[.!?…»”\"]\s"), re.compile(r"\s"))


_PIPELINES: dict[str, Language] = {}
_LOADING = threading.Lock()


def pipeline(lang: str) -> Language:
    """The language's spaCy pipeline (named in its table as SPACY_MODEL), loaded once per process."""
    with _LOADING:
        if lang not in _PIPELINES:
            _PIPELINES[lang] = spacy.load(table(lang).SPACY_MODEL)
        return _PIPELINES[lang]


def is_loaded(lang: str) -> bool:
    """Whether this process has loaded the language's pipeline yet (the first load takes seconds)."""
    return lang in _PIPELINES


def parse(text: str, lang: str, progress: Callable[[int, int], None] | None = None) -> Doc:
    """`text` parsed by the language's pipeline; `doc.text == text`.

    `progress(done, total)` is called after each piece of a long text is parsed (pieces end at line ends).
    """
    return next(parse_many([text], lang, progress=progress))


def parse_many(texts: Iterable[str], lang: str, batch_size: int = 8,
               progress: Callable[[int, int], None] | None = None) -> Iterator[Doc]:
    """Parse texts of one language in batches (`nlp.pipe`), yielding one Doc per text, in order."""
    nlp = pipeline(lang)
    texts = list(texts)
    pieces = [pieces_of(text) for text in texts]
    flat = [piece for group in pieces for piece in group]
    # With a progress report, pieces go one at a time so each report follows real work.
    docs = iter(nlp.pipe(flat, batch_size=1 if progress else batch_size))
    done = 0
    for group in pieces:
        parsed = []
        for _ in group:
            parsed.append(_without_tensor(next(docs)))
            done += 1
            if progress:
                progress(done, len(flat))
        yield parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)


def pieces_of(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """`text` cut into contiguous pieces of at most about `limit` characters that join back to it.

    >>> pieces_of("ab\\ncd\\nef", limit=4)
    ['ab\\n', 'cd\\n', 'ef']
    >>> "".join(pieces_of("x " * 10, limit=5)) == "x " * 10
    True
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = _cut_point(text, start, start + limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut_point(text: str, start: int, stop: int) -> int:
    """The last natural break in text[start:stop] (line end, sentence end, space), else `stop`."""
    window = text[start:stop]
    for pattern in _PIECE_ENDS:
        ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]
        if ends:
            return start + ends[-1]
    return stop


def _without_tensor(doc: Doc) -> Doc:
    # The tok2vec tensor is about 400 bytes a token and no extractor reads it; a 10 MB paste would
    # otherwise hold gigabytes.
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
