"""The extraction engine: `extract(article) -> Extraction`, its one entry point.

>>> from datetime import date
>>> from lib.models import Article
>>> result = extract(Article("Plus de 200 planificateurs sont venus vendredi, a déclaré Healy.",
...                          lang="fr", published=date(2025, 8, 15)))
>>> [(f.value, f.unit, f.approx) for f in result.figures]
[(200, 'planificateurs', 'more than')]
>>> [(e.text, e.date.isoformat()) for e in result.events]
[('vendredi', '2025-08-15')]
>>> [c.speaker for c in result.claims]
['Healy']
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TypeVar

from lib.extract.claims import find_claims
from lib.extract.events import find_events
from lib.extract.figures import find_figures
from lib.extract.lang import UnsupportedLanguage, table
from lib.extract.nlp import parse
from lib.extract.sentences import sentence_spans
from lib.models import Article, Claim, Event, Extraction, Figure, Span, normalise_for_id, stable_id

# Bump when extraction output changes, so stored articles know they were read by an older engine.
ENGINE_VERSION = "1"

T = TypeVar("T", Claim, Figure, Event)

__all__ = ["ENGINE_VERSION", "UnsupportedLanguage", "extract"]


def extract(article: Article) -> Extraction:
    """Claims, figures and events of `article`, with stable ids and offsets into its text.

    The article's language must be known (see lib.language.detect_language); the
    publication date, when given, anchors relative time expressions.
    """
    lang = article.lang
    table(lang)  # raises UnsupportedLanguage with the language's name
    text = article.text
    sentences = sentence_spans(text, lang)
    doc = parse(text, lang)  # the one parse every finder reads
    events = find_events(text, lang, article.published, doc=doc)
    figures = find_figures(text, lang, sentences, taken=[(e.start, e.end) for e in events], doc=doc)
    claims = find_claims(text, lang, sentences, article.boilerplate, figures, events, doc=doc)

    claims = _with_ids(article.id, "claim", claims)
    figures = [_in_context(f, sentences, claims) for f in _with_ids(article.id, "figure", figures)]
    events = [_in_context(e, sentences, claims) for e in _with_ids(article.id, "event", events)]
    return Extraction(
        article=article,
        claims=tuple(claims),
        figures=tuple(figures),
        events=tuple(events),
        engine_version=ENGINE_VERSION,
    )


def _with_ids(article_id: str, kind: str, items: list[T]) -> list[T]:
    """Ids from article, kind, normalised text and occurrence: stable across runs and offsets."""
    seen: Counter[str] = Counter()
    result = []
    for item in sorted(items, key=lambda i: (i.start, i.end)):
        key = normalise_for_id(item.text)
        seen[key] += 1
        result.append(dataclasses.replace(item, id=stable_id(article_id, kind, key, seen[key])))
    return result


def _in_context(item: T, sentences: list[Span], claims: list[Claim]) -> T:
    sentence = next(((s, e) for s, e in sentences if s <= item.start and item.end <= e), (item.start, item.end))
    claim = next((c for c in claims if c.start <= item.start and item.end <= c.end), None)
    return dataclasses.replace(item, sentence=sentence, claim_id=claim.id if claim else None)
