"""Who a sentence is attributed to: "a déclaré Healy", "Radakin warned", "selon X", "he added".

`attribution(sentence, lang)` reads one sentence; `SpeakerTracker` carries speakers across
sentences (pronouns and quote continuations take the last named speaker, and a surname
alone takes the full name seen earlier in the article).

Three shapes are read, in this order:
- inverted, after the quoted matter: "», a précisé le ministère", "said Defence Secretary John Healy";
- subject + verb: the noun phrase just before the verb ("Le Haut Conseil pour le climat avait averti");
- a preposition of attribution: "selon la préfecture", "according to Nato officials".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from lib.extract.lang import alternation, table

PRONOUN = "<pronoun>"
# Lowercase words inside organisation names, in any language we ship ("Bank of England").
_CONNECTOR_WORDS = frozenset({"of", "for", "and", "de", "du", "des", "la", "le", "pour"})
_MAX_SUBJECT_WORDS = 7
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
# Clause punctuation that bounds a subject or an inverted speaker.
_CLAUSE_BREAK = re.compile(r"[,;:(—–]")


@dataclass(frozen=True)
class _Patterns:
    verb: re.Pattern
    attribution: re.Pattern
    name: re.Pattern
    opening_quote: re.Pattern
    inverted_pronoun: re.Pattern


@lru_cache(maxsize=None)
def _patterns(lang: str) -> _Patterns:
    t = table(lang)
    verbs = alternation(t.SAYING_VERBS)
    auxiliaries = alternation(t.SAYING_AUXILIARIES)
    connectors = alternation(t.NAME_CONNECTORS)
    # "John Healy", "Office for National Statistics", "Elena Márquez Soler", "Corinne Le Guen".
    name = rf"{_NAME_WORD}(?:[ \u00a0](?:(?:{connectors})[ \u00a0])*{_NAME_WORD})*"
    pronouns = alternation(p for p in t.SPEAKER_PRONOUNS if not p.startswith("t-"))
    quotes = re.escape("".join(o for o, _ in t.QUOTE_PAIRS))
    return _Patterns(
        verb=re.compile(rf"(?<![\w-])(?:(?:{auxiliaries})\s+)?(?:{verbs})(?![\w])", re.IGNORECASE),
        attribution=re.compile(
            rf"(?<![\w])(?:{alternation(t.ATTRIBUTION_PREPOSITIONS)})\s+(?P<who>[^,.;:!?«»“”\"()]+)", re.IGNORECASE
        ),
        name=re.compile(name),
        opening_quote=re.compile(f"^[{quotes}]"),
        inverted_pronoun=re.compile(
            rf"(?<![\w-])(?:(?:{auxiliaries})-t-(?:{pronouns})\s+(?:{verbs})|(?:{verbs})-t-(?:{pronouns}))(?![\w])",
            re.IGNORECASE,
        ),
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
    if p.inverted_pronoun.search(sentence):
        return PRONOUN
    for verb in p.verb.finditer(sentence):
        inverted = _is_inverted(sentence, verb.start(), t)
        if not inverted and not _reports_speech(verb, sentence, t):
            continue
        speaker = _speaker_after(sentence[verb.end() :], t, p) if inverted else None
        speaker = speaker or _subject_before(sentence[: verb.start()], t, p)
        speaker = speaker or _name_opening_the_sentence(sentence, verb.start(), t, p)
        if speaker:
            return speaker
    according = p.attribution.search(sentence)
    if according:
        speaker = _noun_phrase(according.group("who"), t, p)
        if speaker == PRONOUN:
            # "Le programme d'Hélène Garnier prévoit…, selon elle": the pronoun's antecedent is in the sentence.
            return _person_before(sentence[: according.start()], t, p) or PRONOUN
        return speaker
    return None


def _reports_speech(verb: re.Match, sentence: str, t: ModuleType) -> bool:
    """'a annoncé la suspension' is an act; 'a annoncé que…', 'a annoncé jeudi que…' report speech."""
    participle = verb.group().split()[-1].lower()
    if participle not in t.CLAUSE_VERBS:
        return True
    following = [w for w in sentence[verb.end() :].split()[:3] if any(ch.isalnum() for ch in w) or w in t.CLAUSE_MARKERS]
    if not following:
        return True  # "…, data from Gas Infrastructure Europe showed."
    return any(word.lower().startswith(t.CLAUSE_MARKERS) for word in following)


def _name_opening_the_sentence(sentence: str, verb_start: int, t: ModuleType, p: _Patterns) -> str | None:
    """'Kathy Lund, a retired teacher in Paradise, one of the towns…, said': the opening name is the subject."""
    if not sentence[:verb_start].rstrip().endswith(","):
        return None
    first = _CLAUSE_BREAK.split(sentence, maxsplit=1)[0].strip(" «“\"")
    whole = p.name.fullmatch(first)
    return _clean(first, t) if whole and " " in first and _is_name(first, t) else None


def _person_before(text: str, t: ModuleType, p: _Patterns) -> str | None:
    names = [m.group() for m in p.name.finditer(text) if " " in m.group() and _is_name(m.group(), t)]
    return _clean(names[-1], t) if names else None


def opens_with_quote(sentence: str, lang: str) -> bool:
    return bool(_patterns(lang).opening_quote.match(sentence.lstrip()))


def _is_inverted(sentence: str, verb_start: int, t: ModuleType) -> bool:
    """The verb follows what was said: '…», a déclaré', '…,” said', and in French '…, a déclaré'."""
    before = sentence[:verb_start].rstrip()
    if not before:
        return False
    if before[-1] in "»”\"’:" or before[-2:] in (",»", ",”", ',"', "»,", "”,", '",'):
        return True
    return before[-1] == "," and t.INVERTED_AFTER_COMMA


def _speaker_after(after: str, t: ModuleType, p: _Patterns) -> str | None:
    """'Healy à la BBC.' -> 'Healy'; 'la ministre de la Transition, Agnès Lemoine.' -> 'Agnès Lemoine'."""
    after = after.lstrip()
    first_clause, *rest = _CLAUSE_BREAK.split(after, maxsplit=1)
    name = p.name.match(first_clause)
    if name and _is_name(name.group(), t):
        return _clean(name.group(), t)
    words = first_clause.split()
    if not words or words[0].lower().rstrip("'’") not in _determiners(t):
        return None
    # A noun phrase after the verb ends the sentence, or is followed by the name it describes:
    # "…, a précisé le ministère." / "…, a déclaré la ministre de la Transition, Agnès Lemoine."
    if len(words) > _MAX_SUBJECT_WORDS:
        return None
    if rest:
        following = _CLAUSE_BREAK.split(rest[0], maxsplit=1)[0].strip()
        appositive = p.name.fullmatch(following.rstrip(".!?»” "))
        if appositive and _is_name(appositive.group(), t):
            return _clean(appositive.group(), t)
    return _noun_phrase(first_clause, t, p)



def _subject_before(before: str, t: ModuleType, p: _Patterns) -> str | None:
    """The noun phrase just before a verb of saying, skipping relative clauses and using appositives."""
    segments = [s.strip(" \u00a0«»“”\"'’") for s in _CLAUSE_BREAK.split(before)]
    described = None  # a descriptive subject ("the defence secretary") waiting for the name it describes
    for segment in reversed(segments):
        if not segment:
            continue
        words = segment.split()
        first = words[0].lower()
        if first in t.RELATIVE_PRONOUNS or first.rstrip("'’") + "'" in t.RELATIVE_PRONOUNS:
            continue
        if described is not None:
            whole = p.name.fullmatch(segment)
            return _clean(segment, t) if whole and _is_name(segment, t) else described
        if first in t.SPEAKER_PRONOUNS and len(words) <= 2:
            return PRONOUN
        tail = _name_at_end(segment, t, p)
        if tail and tail == _clean(segment, t):
            return tail
        phrase_words = _before_relative_pronoun(words, t)
        if not tail and len(phrase_words) <= _MAX_SUBJECT_WORDS and (
            first in _determiners(t) or _is_appositive_name(segments, segment, t, p)
        ):
            # "the defence secretary", "a former prime minister who took office in 2024", "premier
            # syndicat agricole": a description; the segment before it may be the name it describes.
            described = _noun_phrase(" ".join(phrase_words), t, p)
            continue
        if len(words) > _MAX_SUBJECT_WORDS:
            return tail  # in a long clause only a name right before the verb can be its subject
        if tail and tail != _clean(segment, t) and not _starts_with_determiner(segment, t):
            return tail  # "Le chef militaire britannique Tony Radakin" -> the name, not the title
        if tail and _starts_with_determiner(segment, t) and _title_before_name(segment, tail, t):
            return tail
        return _noun_phrase(segment, t, p)
    return described


def _before_relative_pronoun(words: list[str], t: ModuleType) -> list[str]:
    for i, word in enumerate(words):
        if word.lower() in t.RELATIVE_PRONOUNS:
            return words[:i]
    return words


def _is_appositive_name(segments: list[str], segment: str, t: ModuleType, p: _Patterns) -> bool:
    """The segment before `segment` is a name on its own with a determiner or several words ("La FNSEA")."""
    index = segments.index(segment)
    previous = segments[index - 1].strip() if index > 0 else ""
    whole = p.name.fullmatch(previous) if previous else None
    return bool(whole) and _is_name(previous, t) and (" " in previous)


def _name_at_end(segment: str, t: ModuleType, p: _Patterns) -> str | None:
    names = [m for m in p.name.finditer(segment) if m.end() == len(segment) and _is_name(m.group(), t)]
    if not names:
        return None
    match = names[-1]
    if match.start() == 0 and " " not in match.group() and len(segment.split()) > 1:
        return None  # a capital that only starts the sentence
    return _clean(match.group(), t)


def _title_before_name(segment: str, name: str, t: ModuleType) -> bool:
    """'le ministre John Healy' names a person after a lowercase title; 'the Office for …' is one name."""
    head = segment[: len(segment) - len(name)].split()
    return len(head) >= 2 and all(w[:1].islower() for w in head[1:])


def _starts_with_determiner(segment: str, t: ModuleType) -> bool:
    return segment.split()[0].lower().rstrip("'’") in _determiners(t)


def _noun_phrase(phrase: str, t: ModuleType, p: _Patterns) -> str | None:
    """A speaker written as a noun phrase, without its leading determiner: 'le ministère de l'Intérieur'."""
    words = phrase.strip(" .!?»”\"").split()[:_MAX_SUBJECT_WORDS]
    if not words:
        return None
    if words[0].lower() in t.SPEAKER_PRONOUNS or words[0].lower() in t.OBJECT_PRONOUNS:
        return PRONOUN
    text = " ".join(words)
    all_names = [m for m in p.name.finditer(text) if _is_name(m.group(), t)]
    if all_names and any(w.lower().strip("'’") in t.SOURCE_NOUNS for w in words):
        return _clean(all_names[0].group(), t)  # "LSEG data", "un sondage de l'institut Vigie Opinion"
    names = [m for m in all_names if m.start() > 0]
    if names:
        last = names[-1]
        before = text[: last.start()].split()
        if last.end() == len(text) and " " in last.group() and before and before[-1][:1].islower() and (
            before[-1].lower().rstrip("'’") not in t.NAME_CONNECTORS + t.DETERMINERS
        ):
            return _clean(last.group(), t)  # "catastrophe modeller Halden Risk Analytics"
    elif words[0].lower() in t.INDEFINITE_DETERMINERS:
        return None  # "selon un sondage" names no one
    for determiner in sorted(_determiners(t), key=len, reverse=True):
        for joiner in (" ", "'", "’"):
            if text.lower().startswith(determiner + joiner) and len(text) > len(determiner) + 1:
                text = text[len(determiner) + 1 :]
                return text.strip() or None
    return text


@lru_cache(maxsize=None)
def _determiners_cached(lang_table_name: str, determiners: tuple[str, ...]) -> frozenset[str]:
    return frozenset(d.rstrip("'’") for d in determiners)


def _determiners(t: ModuleType) -> frozenset[str]:
    return _determiners_cached(t.__name__, tuple(t.DETERMINERS))


def _is_name(candidate: str, t: ModuleType) -> bool:
    """A capitalised run that is not only stop words or a sentence-initial article."""
    return any(w.lower() not in t.NOUN_PHRASE_STOPS for w in candidate.split())


def _clean(candidate: str, t: ModuleType) -> str:
    """Without leading determiners and titles: 'Cal Fire Director Ramon Ortega' -> 'Ramon Ortega'."""
    words = candidate.rstrip(".").split()
    while words and words[0].lower().rstrip("'’") in _determiners(t):
        words.pop(0)
    titles = [i for i, w in enumerate(words[:-1]) if w.lower() in t.TITLE_WORDS]
    if titles and all(w[:1].isupper() for w in words[titles[-1] + 1 :]):
        words = words[titles[-1] + 1 :]
    return " ".join(words)


def names_in(sentence: str, lang: str) -> list[str]:
    """Multi-word names in a sentence, for resolving later short mentions ('the department')."""
    t = table(lang)
    return [_clean(m.group(), t) for m in _patterns(lang).name.finditer(sentence) if " " in m.group().strip()]


@dataclass
class SpeakerTracker:
    """Carries the last named speaker forward and resolves short mentions to a full name seen earlier.

    'Healy' after 'John Healy', and 'the department' or 'the central bank' after 'California Department
    of Insurance' or 'Bank of England': a mention of one or two words whose head word is a word of an
    earlier multi-word name takes that name (the most recent one).
    """

    last: str | None = None
    seen_names: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)

    def observe(self, names: list[str]) -> None:
        self.seen_names.extend(names)

    def resolve(self, found: str | None, continues_quote: bool) -> str | None:
        if found == PRONOUN or (found is None and continues_quote):
            return self.last
        if found is None:
            return None
        words = found.split()
        if len(words) <= 2:
            head = words[-1].casefold()
            # Earlier speakers first: "the Bank said" means the Bank of England that spoke before,
            # not "Bank Rate", which was only mentioned.
            candidates = list(reversed(self.speakers)) + list(reversed(self.seen_names))
            earlier = next((n for n in candidates if head in n.casefold().split() and n != found), None)
            if earlier and (len(words) == 1 or words[0][:1].islower() or earlier.casefold().endswith(head)):
                found = earlier
        if len(words) > 1 and all(w[:1].isupper() for w in words if w.lower() not in _CONNECTOR_WORDS):
            self.speakers.append(found)
        self.last = found
        return found
