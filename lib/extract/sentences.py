"""Sentence spans, the unit that claims are made of and that figures and events belong to."""
from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from lib.models import Span

# pysbd is linear in practice but slow on very long unsplittable runs; cap the
# piece it sees so one 1 MB line cannot stall extraction.
_MAX_PARAGRAPH = 20_000
_PARAGRAPH = re.compile(r"[^\n]+")


@lru_cache(maxsize=4)
def _segmenter(lang: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=lang if lang in ("fr", "en") else "en", clean=False, char_span=True)


def sentence_spans(text: str, lang: str) -> list[Span]:
    """Spans of the sentences of `text`, never crossing a line break.

    >>> sentence_spans("Il pleut. Il vente.\\nFin", "fr")
    [(0, 9), (10, 19), (20, 23)]
    """
    spans: list[Span] = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        body = paragraph.group()
        for offset in range(0, len(body), _MAX_PARAGRAPH):
            chunk = body[offset : offset + _MAX_PARAGRAPH]
            for piece in _segmenter(lang).segment(chunk):
                start = base + offset + piece.start
                end = base + offset + piece.end
                while end > start and text[end - 1].isspace():
                    end -= 1
                while start < end and text[start].isspace():
                    start += 1
                if end > start:
                    spans.append((start, end))
    return spans
