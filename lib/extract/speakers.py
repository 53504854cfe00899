"""Who a sentence is attributed to: "a déclaré Healy", "Radakin warned", "selon X", "he added".

`attribution(sentence, lang)` reads one sentence; `SpeakerTracker` carries speakers across
sentences (pronouns and quote continuations take the last named speaker, and a surname
alone takes the full name seen earlier in the article).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from lib.extract.lang import table

PRONOUN = "<pronoun>"
_MAX_SUBJECT_WORDS = 6
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"


@dataclass(frozen=True)
class _Patterns:
    verb: re.Pattern
    inverted: re.Pattern
    attribution: re.Pattern
    name: re.Pattern
    opening_quote: re.Pattern


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def _patterns(lang: str) -> _Patterns:
    t = table(lang)
    verbs = _alternation(t.SAYING_VERBS)
    auxiliaries = _alternation(t.SAYING_AUXILIARIES)
    particles = _alternation(t.NAME_PARTICLES)
    name = rf"{_NAME_WORD}(?:[ \u00a0](?:(?:{particles})[ \u00a0])?{_NAME_WORD})*"
    pronouns = _alternation(p for p in t.SPEAKER_PRONOUNS if not p.startswith("t-"))
    return _Patterns(
        verb=re.compile(rf"(?<![\w-])(?:(?:{auxiliaries})\s+)?(?:{verbs})(?![\w])", re.IGNORECASE),
        # "», a déclaré Healy", "said Tony Radakin", "a-t-il ajouté" (the pronoun case).
        inverted=re.compile(
            rf"(?<![\w-])(?:(?:{auxiliaries})-t-(?P<pro1>{pronouns})\s+(?:{verbs})(?![\w])"
            rf"|(?:(?:{auxiliaries})\s+)?(?:{verbs})(?:-t-(?P<pro2>{pronouns})(?![\w])|\s+(?P<name>{name})(?![\w'’-])))",
        ),
        attribution=re.compile(rf"(?<![\w])(?:{_alternation(t.ATTRIBUTION_PREPOSITIONS)})\s+(?P<who>[^,.;:!?«»“”\"]+)", re.IGNORECASE),
        name=re.compile(name),
        opening_quote=re.compile("^[" + re.escape("".join(o for o, _ in t.QUOTE_PAIRS)) + "]"),
    )


def attribution(sentence: str, lang: str) -> str | None:
    """The speaker a sentence names, PRONOUN when it names one by pronoun, else None.

    >>> attribution("« Nous sommes prêts », a déclaré Healy à la BBC.", "fr")
    'Healy'
    >>> attribution("Le secrétaire à la Défense, John Healy, a déclaré que Trump se préparait.", "fr")
    'John Healy'
    >>> attribution("Trois responsables européens ont déclaré que Trump était ouvert.", "fr")
    'Trois responsables européens'
    >>> attribution("He added that the plan was ready.", "en") == PRONOUN
    True
    """
    t = table(lang)
    p = _patterns(lang)
    inverted = p.inverted.search(sentence)
    if inverted and (inverted.group("pro1") or inverted.group("pro2")):
        return PRONOUN
    if inverted and inverted.group("name") and _is_name(inverted.group("name"), t):
        return _clean_name(inverted.group("name"), t)
    verb = p.verb.search(sentence)
    if verb:
        subject = _subject_before(sentence[: verb.start()], t, p)
        if subject:
            return subject
    according = p.attribution.search(sentence)
    if according:
        who = _leading_name(according.group("who"), t, p)
        if who:
            return who
    return None


def opens_with_quote(sentence: str, lang: str) -> bool:
    return bool(_patterns(lang).opening_quote.match(sentence.lstrip()))


def _subject_before(before: str, t: ModuleType, p: _Patterns) -> str | None:
    """The subject of a verb of saying: the nearest comma-separated segment that holds a name."""
    segments = [s.strip(" \u00a0«»“”\"'’") for s in re.split(r"[,;:(—–]", before)]
    fallback = None
    for segment in reversed(segments):
        if not segment:
            continue
        words = segment.split()
        first = words[0].lower()
        if first in t.RELATIVE_PRONOUNS or first.rstrip("'’") + "'" in t.RELATIVE_PRONOUNS:
            continue
        if first in t.SPEAKER_PRONOUNS and len(words) <= 2:
            return PRONOUN
        names = [
            m.group()
            for m in p.name.finditer(segment)
            if _is_name(m.group(), t) and not _capitalised_first_word(m, segment)
        ]
        if fallback is not None:
            whole = p.name.fullmatch(segment)
            return _clean_name(segment, t) if whole and _is_name(segment, t) else fallback
        if names:
            return _clean_name(names[0] if len(names) == 1 else max(names, key=lambda n: len(n.split())), t)
        if len(words) > _MAX_SUBJECT_WORDS:
            break
        # "John Healy, the defence secretary, said": look one segment further for the name it describes.
        fallback = segment
    return fallback


def _capitalised_first_word(match: re.Match, segment: str) -> bool:
    """'Trois responsables' starts with a capital because it starts the sentence, not because it is a name."""
    return match.start() == 0 and " " not in match.group() and match.end() < len(segment)


def _leading_name(text: str, t: ModuleType, p: _Patterns) -> str | None:
    words = text.split()
    head = " ".join(words[:_MAX_SUBJECT_WORDS])
    match = p.name.search(head)
    if match and _is_name(match.group(), t):
        return _clean_name(match.group(), t)
    return head or None


def _is_name(candidate: str, t: ModuleType) -> bool:
    """A capitalised run that is not only stop words or a sentence-initial article."""
    words = [w for w in candidate.split() if w.lower() not in t.NOUN_PHRASE_STOPS]
    return bool(words)


def _clean_name(candidate: str, t: ModuleType) -> str:
    words = candidate.rstrip(".").split()
    while words and words[0].lower() in t.NOUN_PHRASE_STOPS:
        words.pop(0)
    return " ".join(words)


@dataclass
class SpeakerTracker:
    """Carries the last named speaker forward and expands surnames to the full name seen first."""

    last: str | None = None
    full_names: dict[str, str] = field(default_factory=dict)

    def resolve(self, found: str | None, continues_quote: bool) -> str | None:
        if found == PRONOUN or (found is None and continues_quote):
            return self.last
        if found is None:
            return None
        words = found.split()
        if len(words) == 1 and words[0].casefold() in self.full_names:
            found = self.full_names[words[0].casefold()]
        elif len(words) > 1 and words[0][:1].isupper():
            self.full_names.setdefault(words[-1].casefold(), found)
        self.last = found
        return found
