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
import multiprocessing
import os
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import accumulate, groupby
from typing import TYPE_CHECKING, TypeVar

from lib.children import die_with_parent
from lib.extract.claims import find_claims
from lib.extract.events import find_events
from lib.extract.figures import find_figures
from lib.extract.lang import table
from lib.extract.nlp import cut_point, parse, parse_many, pipeline, share_cores, spare_processes, text_of
from lib.extract.sentences import sentence_spans
from lib.extract.tokens import Tokens
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
            doc: Doc | None = None, processes: int | None = None) -> Extraction:
    """Claims, figures and events of `article`, with stable ids and offsets into its text.

    The article's language must be known (see lib.language.detect_language); the
    publication date, when given, anchors relative time expressions. `progress(share, step)`
    hears how far the work is (0 to 1) after each parsed piece of the text and each finder.
    `doc` is the article's parse when the caller has it already (`parse_many` feeds a batch of
    articles through `nlp.pipe`, see `extract_many`); it must be `parse(article.text, article.lang)`.
    A text longer than SECTION_CHARS is read in sections (see `_found_by_section`), which ignores `doc`;
    `processes` read them side by side (None: two when a core is idle, see `spare_processes`).
    """
    report = progress or (lambda share, step: None)
    lang = article.lang
    table(lang)  # raises UnsupportedLanguage with the language's name
    text = article.text
    sentences = sentence_spans(text, lang)
    report(0.0, f"Reading {len(sentences):,} sentences")
    sections = sections_of(text)
    if len(sections) > 1:
        claims, figures, events = _found_by_section(article, sections, report, processes)
    else:
        if doc is not None and text_of(doc) != text:
            raise ValueError("the parse given is not of this article's text")
        claims, figures, events = _found(article.text, lang, article.published, article.boilerplate, sentences,
                                         report, doc, processes)
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


Found = tuple[list[Claim], list[Figure], list[Event]]


def _found(text: str, lang: str, published, boilerplate, sentences: list[Span],
           report: Callable[[float, str], None], doc: Doc | None = None, processes: int | None = None) -> Found:
    """The three finders on one text and its one parse (made here unless given)."""
    parsed = PROGRESS_SHARES["parse"]
    if doc is None:
        doc = parse(text, lang, processes=processes, progress=lambda done, total: report(
            parsed * done / total, f"Read {done} of {total} parts of {len(sentences):,} sentences"))
    tokens = Tokens(doc)  # read once, for the events' clauses and the speakers
    events = find_events(text, lang, published, doc=doc, tokens=tokens)
    report(parsed + PROGRESS_SHARES["events"], "Found the dates and periods; looking for figures")
    # A time expression owns its numbers, except a duration's count: "two consecutive quarters", "depuis trois
    # mois" are also figures (ANNOTATION.md).
    taken = [(e.start, e.end) for e in events if e.type != "DURATION"]
    figures = find_figures(text, lang, sentences, taken=taken, doc=doc)
    report(1.0 - PROGRESS_SHARES["claims"], "Found the figures; looking for claims and who made them")
    claims = find_claims(text, lang, sentences, sorted(boilerplate), figures, events, doc=doc, tokens=tokens)
    return claims, figures, events


# A text longer than this is read in sections of about this many characters at most, cut at line ends like
# the parse's pieces: each section is parsed and searched on its own, so a long paste never holds the parse
# of the whole text, and two processes can each take half of the sections. No news article comes near it
# (30,000 words); at the cut, a quotation or a "the following week" that spans two sections loses what
# the other section said.
SECTION_CHARS = 200_000


def sections_of(text: str) -> list[Span]:
    """(start, end) of the sections `text` is read in: one for any text up to SECTION_CHARS, else the
    fewest even number that hold it, of about equal length, each cut at the last line end before its
    share of the text (else a sentence end, else a space; as the parse's pieces are).

    >>> sections_of("short")
    [(0, 5)]
    """
    if _one_section(text):
        return [(0, len(text))]
    count = -(-len(text) // SECTION_CHARS)
    count += count % 2  # an even number, so that two processes get equal shares (three took 1.4x two's time)
    spans, start = [], 0
    for share in range(1, count):
        end = cut_point(text, start, len(text) * share // count)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _one_section(text: str) -> bool:
    return len(text) <= SECTION_CHARS


def _found_by_section(article: Article, sections: list[Span], report: Callable[[float, str], None],
                      processes: int | None) -> Found:
    """The finders on each section with its own parse, offsets moved back into the whole text.

    The result depends on the text alone, never on how many processes read it: a process forked from
    this one (which then has the language's pipeline loaded) takes each section in turn, parses it in
    pieces and returns only what it found; the sections' parses never come back, nor are they joined."""
    jobs = [(article.text[start:end], start, article.lang, article.published,
             tuple((max(a, start) - start, min(b, end) - start)
                   for a, b in article.boilerplate if a < end and b > start))
            for start, end in sections]
    processes = min(max(1, spare_processes() if processes is None else processes), len(jobs))
    found: list[Found] = []
    if processes > 1:
        pipeline(article.lang)  # loaded once, here: each forked process has it already
        context = multiprocessing.get_context("fork")
        try:
            with share_cores(processes), ProcessPoolExecutor(processes, mp_context=context, initializer=die_with_parent,
                                                             initargs=(os.getpid(),)) as pool:
                for section in pool.map(_section_found, jobs):
                    found.append(section)
                    report(PROGRESS_SHARES["parse"] * len(found) / len(jobs),
                           f"Read {len(found)} of {len(jobs)} sections")
        except BrokenProcessPool:
            pass  # a reading process died (killed, out of memory): this one reads the sections left
    for index in range(len(found), len(jobs)):
        # One after the other, each section's own steps are heard, within its share of the bar.
        found.append(_section_found(jobs[index], lambda share, step: report(
            (index + share) / len(jobs), f"Section {index + 1} of {len(jobs)}: {step}")))
    claims, figures, events = ([item for section in found for item in section[kind]] for kind in range(3))
    return claims, figures, events


def _section_found(job, report: Callable[[float, str], None] | None = None) -> Found:
    text, offset, lang, published, boilerplate = job
    found = _found(text, lang, published, boilerplate, sentence_spans(text, lang), report or (lambda share, step: None),
                   processes=1)
    return tuple([dataclasses.replace(item, start=item.start + offset, end=item.end + offset) for item in items]
                 for items in found)


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
            # A text read in sections (longer than SECTION_CHARS) is parsed section by section by extract.
            docs = parse_many([article.text for article in run if _one_section(article.text)], lang)
        except Exception as error:  # noqa: BLE001 - an unknown language fails each of its articles alike
            yield from (error for _ in run)
            continue
        for done, article in enumerate(run):
            doc = None
            try:
                if _one_section(article.text):
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
