"""Claims: sentences that assert something checkable, with who said them.

A sentence is a claim when its check-worthiness reaches CLAIM_THRESHOLD. The score adds
evidence of checkable content (figures, dates, named actors, reported speech, quotes) and
subtracts opinion, feeling, questions and site promotion. Boilerplate lines are never claims.

>>> from lib.extract.sentences import sentence_spans
>>> text = "« Nos troupes britanniques sont prêtes », a déclaré Healy. Je pense que c'est beau."
>>> [(c.text, c.speaker) for c in find_claims(text, "fr", sentence_spans(text, "fr"), (), [], [])]
[('« Nos troupes britanniques sont prêtes », a déclaré Healy.', 'Healy')]
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from types import ModuleType

from spacy.tokens import Doc

from lib.extract.lang import table
from lib.extract.speakers import Attribution
from lib.extract.tokens import Tokens
from lib.models import Claim, Event, Figure, Span

CLAIM_THRESHOLD = 0.5
_BASE = 0.3
_WEIGHTS = {
    "figure": 0.25,
    "event": 0.15,
    "speaker": 0.2,
    "entity": 0.1,  # per named entity, at most two
    "quote": 0.1,
    "fact_cue": 0.05,
    "opinion": -0.4,
    "normative": -0.3,
    "promo": -0.7,
    "question": -1.0,
    "short": -0.3,
    "statement": 0.2,
    "introduction": -0.5,
}
_MIN_WORDS = 5
# Longer "sentences" are unsplittable runs (tables, pasted logs), not statements a checker can verify.
MAX_CLAIM_CHARS = 1500
_WORD = re.compile(r"\w+")
_ENTITY = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ][\w'’-]+")


def find_claims(
    text: str,
    lang: str,
    sentences: list[Span],
    boilerplate: tuple[Span, ...] | list[Span],
    figures: list[Figure],
    events: list[Event],
    doc: Doc | None = None,
    tokens: Tokens | None = None,
) -> list[Claim]:
    """Every check-worthy sentence of `text`, with its speaker (None when the text names no one).

    `tokens` is the parse's token lists when the caller has them (lib.extract.engine reads them once for
    the events' clauses and the speakers)."""
    t = table(lang)
    figure_starts = sorted(f.start for f in figures)
    event_starts = sorted(e.start for e in events)
    if doc is None:
        from lib.extract.nlp import parse

        doc = parse(text, lang)  # callers without the article's parse (tests, one-off use)
    speakers = Attribution(doc, lang, tokens)
    claims: list[Claim] = []
    for start, end in sentences:
        if end - start > MAX_CLAIM_CHARS or _overlaps_any(start, end, boilerplate):
            continue
        sentence = text[start:end]
        speaker = speakers.speaker(start, end)
        score = checkworthiness(
            sentence,
            t,
            has_figure=_any_between(figure_starts, start, end),
            has_event=_any_between(event_starts, start, end),
            speaker=speaker,
            statement=speakers.is_statement(start, end),
            actors=speakers.actors(start, end),
        )
        if speakers.is_sign_off(start, end, t):
            continue
        if score >= CLAIM_THRESHOLD:
            claims.append(
                Claim(id="", start=start, end=end, text=sentence, speaker=speaker, checkworthiness=score)
            )
    return claims


def checkworthiness(
    sentence: str, t: ModuleType, *, has_figure: bool, has_event: bool, speaker: str | None = None,
    statement: bool = False, actors: tuple[str, ...] = (),
) -> float:
    """A score in [0, 1]: how much a fact-checker could verify in this sentence.

    A declarative sentence (a finite verb in the parse: `statement`) asserts something that could be
    shown true or false, and so does one attributed to a speaker; opinion, feeling, prescription,
    questions, promotion and a bare "X said:" pull the score down. A sentence with nothing to check
    against the world (no statement, figure, date, named actor other than its speaker, or factual cue)
    scores 0: "Points clés".
    """
    folded = sentence.casefold().replace("’", "'")
    speaker_words = set((speaker or "").split())
    entities = {e for e in _entities(sentence, t) | set(actors) if e not in speaker_words}
    has_fact_cue = _has_cue(folded, t.FACT_CUES)
    if not (has_figure or has_event or entities or has_fact_cue or statement or speaker):
        return 0.0
    score = _BASE
    score += _WEIGHTS["figure"] * has_figure + _WEIGHTS["event"] * has_event + _WEIGHTS["speaker"] * bool(speaker)
    score += _WEIGHTS["entity"] * min(2, len(entities))
    score += _WEIGHTS["quote"] * any(opening in sentence for opening, _ in t.QUOTE_PAIRS if opening != '"')
    score += _WEIGHTS["fact_cue"] * has_fact_cue
    score += _WEIGHTS["statement"] * (statement and not speaker)  # an attributed sentence is a statement already
    score += _WEIGHTS["introduction"] * sentence.rstrip().endswith(":")
    score += _WEIGHTS["opinion"] * _has_cue(folded, t.OPINION_CUES)
    score += _WEIGHTS["normative"] * _has_cue(folded, t.NORMATIVE_CUES)
    score += _WEIGHTS["promo"] * _has_cue(folded, t.PROMO_CUES)
    score += _WEIGHTS["promo"] * _is_byline(sentence, t)
    score += _WEIGHTS["question"] * sentence.rstrip(" »”\"").endswith("?")
    score += _WEIGHTS["short"] * (len(sentence.split()) < _MIN_WORDS)
    return round(min(1.0, max(0.0, score)), 2)


def _is_byline(sentence: str, t: ModuleType) -> bool:
    """'By Tom Ashdown, Energy Editor' / 'Par Camille Rousseau, à Toulouse'."""
    words = sentence.split()
    return len(words) <= 8 and words[0].lower() in t.BYLINE_WORDS and words[1:2] != [] and words[1][0].isupper()


def _entities(sentence: str, t: ModuleType) -> set[str]:
    """Capitalised words past the sentence's first word, and actor adjectives: a cheap stand-in for NER."""
    body = sentence.lstrip(" «“\"'‘")
    first = re.match(r"\S+", body)
    offset = first.end() if first else 0
    names = {m.group() for m in _ENTITY.finditer(body, offset) if m.group().lower() not in t.NOUN_PHRASE_STOPS}
    actors = {w for w in _WORD.findall(body.lower()) if w.startswith(t.DEMONYM_STEMS)}
    return names | actors


def _has_cue(folded_sentence: str, cues: tuple[str, ...]) -> bool:
    """Whether one of the cues is in the sentence as a whole phrase (`_contains_phrase`), in one search.

    >>> _has_cue("a record year", ("record",)), _has_cue("recorded", ("record",)), _has_cue("a b", ())
    (True, False, False)
    """
    return _cue_pattern(cues).search(folded_sentence) is not None


@lru_cache(maxsize=None)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern:
    # _contains_phrase's rule as lookarounds: not after a letter or digit ([^\W_] is exactly str.isalnum), and
    # not before one when the cue ends with one. One pattern per list: a call per cue cost more than the search.
    alternatives = [re.escape(cue) + (r"(?![^\W_])" if cue[-1].isalnum() else "") for cue in _folded(cues)]
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")" if alternatives else r"(?!)")


@lru_cache(maxsize=None)
def _folded(cues: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(cue.casefold().replace("’", "'") for cue in cues)


def _contains_phrase(folded_sentence: str, phrase: str) -> bool:
    """Whole-word containment: 'record' matches 'a record' but not 'recorded'."""
    index = folded_sentence.find(phrase)
    while index >= 0:
        before = folded_sentence[index - 1] if index else " "
        after_index = index + len(phrase)
        after = folded_sentence[after_index] if after_index < len(folded_sentence) else " "
        if not before.isalnum() and not (after.isalnum() and phrase[-1].isalnum()):
            return True
        index = folded_sentence.find(phrase, index + 1)
    return False


def _any_between(sorted_starts: list[int], start: int, end: int) -> bool:
    i = bisect_left(sorted_starts, start)
    return i < len(sorted_starts) and sorted_starts[i] < end


def _overlaps_any(start: int, end: int, spans) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted and disjoint, as boilerplate lines are), in O(log n).

    >>> _overlaps_any(5, 9, [(0, 3), (8, 12)]), _overlaps_any(3, 8, [(0, 3), (8, 12)])
    (True, False)
    """
    first_ending_after = bisect_right(spans, start, key=lambda span: span[1])
    return first_ending_after < len(spans) and spans[first_ending_after][0] < end
