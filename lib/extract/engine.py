"""The engine behind `lib.extract.extract`: one parse, the three finders, stable ids, context.

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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate, groupby
from typing import TYPE_CHECKING, TypeVar

from lib.extract.claims import find_claims
from lib.extract.events import find_events
from lib.extract.figures import find_figures
from lib.extract.lang import table
from lib.extract.nlp import parse, parse_many, text_of
from lib.extract.sentences import sentence_spans
from lib.models import Article, Claim, Event, Extraction, Figure, Span, normalise_for_id, stable_id

# Bump when extraction output changes, so stored articles know they were read by an older engine.
# 2: speakers, figures and events read a spaCy parse (issue 8).
ENGINE_VERSION = "2"

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T", Claim, Figure, Event)


# Share of the work each step takes, measured on a 200 KB article: parsing is nearly all of it.
PROGRESS_SHARES = {"parse": 0.90, "events": 0.06, "figures": 0.01, "claims": 0.03}


def extract(article: Article, progress: Callable[[float, str], None] | None = None, *,
            doc: Doc | None = None) -> Extraction:
    """Claims, figures and events of `article`, with stable ids and offsets into its text.

    The article's language must be known (see lib.language.detect_language); the
    publication date, when given, anchors relative time expressions. `progress(share, step)`
    hears how far the work is (0 to 1) after each parsed piece of the text and each finder.
    `doc` is the article's parse when the caller has it already (`parse_many` feeds a batch of
    articles through `nlp.pipe`, see `extract_many`); it must be `parse(article.text, article.lang)`.
    """
    report = progress or (lambda share, step: None)
    lang = article.lang
    table(lang)  # raises UnsupportedLanguage with the language's name
    text = article.text
    sentences = sentence_spans(text, lang)
    parsed = PROGRESS_SHARES["parse"]
    report(0.0, f"Reading {len(sentences):,} sentences")
    # The one parse every finder reads.
    if doc is None:
        doc = parse(text, lang, progress=lambda done, total: report(
            parsed * done / total, f"Read {done} of {total} parts of {len(sentences):,} sentences"))
    elif text_of(doc) != text:
        raise ValueError("the parse given is not of this article's text")
    events = find_events(text, lang, article.published, doc=doc)
    report(parsed + PROGRESS_SHARES["events"], "Found the dates and periods; looking for figures")
    figures = find_figures(text, lang, sentences, taken=[(e.start, e.end) for e in events], doc=doc)
    report(1.0 - PROGRESS_SHARES["claims"], "Found the figures; looking for claims and who made them")
    claims = find_claims(text, lang, sentences, sorted(article.boilerplate), figures, events, doc=doc)
    report(1.0, "Extraction done")

    claims = [dataclasses.replace(claim, id=id) for claim, id in _with_ids(article.id, "claim", claims)]
    in_sentence = _Enclosing(sentences, sentences)
    in_claim = _Enclosing([(c.start, c.end) for c in claims], [c.id for c in claims])
    figures = [_in_context(f, id, in_sentence, in_claim) for f, id in _with_ids(article.id, "figure", figures)]
    events = [_in_context(e, id, in_sentence, in_claim) for e, id in _with_ids(article.id, "event", events)]
    return Extraction(
        article=article,
        claims=tuple(claims),
        figures=tuple(figures),
        events=tuple(events),
        engine_version=ENGINE_VERSION,
    )


def extract_many(articles: Iterable[Article]) -> Iterator[Extraction | Exception]:
    """`extract` of each article, in order; consecutive articles of one language are parsed together.

    Batch ingest reads this way: `nlp.pipe` parses a batch of texts faster than one call each, and
    the results are the same. An article that cannot be extracted yields its exception instead, so
    one bad article costs no other. Articles are read lazily, one language run at a time.
    """
    for lang, run in groupby(articles, key=lambda article: article.lang):
        run = list(run)
        try:
            table(lang)
            docs = parse_many([article.text for article in run], lang)
        except Exception as error:  # noqa: BLE001 - an unknown language fails each of its articles alike
            yield from (error for _ in run)
            continue
        for done, article in enumerate(run):
            try:
                doc = next(docs)
            except StopIteration:
                doc = None
            except Exception:  # noqa: BLE001 - the batch broke here: the rest are parsed one by one
                docs, doc = iter(()), None
            try:
                yield extract(article, doc=doc)
            except Exception as error:  # noqa: BLE001 - one bad article must never stop the others
                yield error


def _with_ids(article_id: str, kind: str, items: list[T]) -> list[tuple[T, str]]:
    """The items in text order, each with its id from article, kind, normalised text and occurrence:
    stable across runs and offsets."""
    seen: Counter[str] = Counter()
    result = []
    for item in sorted(items, key=lambda i: (i.start, i.end)):
        key = normalise_for_id(item.text)
        seen[key] += 1
        result.append((item, stable_id(article_id, kind, key, seen[key])))
    return result


class _Enclosing:
    """Finds the first of some spans (sorted by start) that holds a given span, in O(log n).

    A scan per item made extraction quadratic: items and sentences both grow with the text.
    Among the spans that start at or before the item, the first that ends at or after it is
    the first whose running maximum of ends reaches the item's end.

    >>> spans = [(0, 10), (2, 4), (5, 30)]
    >>> _Enclosing(spans, "abc").find(6, 20), _Enclosing(spans, "abc").find(31, 32)
    ('c', None)
    """

    def __init__(self, spans: list[Span], values):
        self._starts = [start for start, _ in spans]
        self._reach = list(accumulate((end for _, end in spans), max))
        self._values = list(values)

    def find(self, start: int, end: int):
        """The value of the first span with span.start <= start and end <= span.end, else None."""
        first = bisect_left(self._reach, end)
        return self._values[first] if first < bisect_right(self._starts, start) else None


def _in_context(item: T, id: str, in_sentence: _Enclosing, in_claim: _Enclosing) -> T:
    # One replace per item with all it learns here: dataclasses.replace is most of this step's cost.
    return dataclasses.replace(
        item, id=id, sentence=in_sentence.find(item.start, item.end) or (item.start, item.end),
        claim_id=in_claim.find(item.start, item.end),
    )
