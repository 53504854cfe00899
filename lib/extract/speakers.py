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

from lib.extract.lang import alternation, table, time_table

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
    participle: re.Pattern
    addressee: re.Pattern


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
            rf"(?<![\w])(?:{alternation(t.ATTRIBUTION_PREPOSITIONS)})\s+(?P<who>(?:[^,.;:!?«»“”\"()]|\.(?=\w))+)", re.IGNORECASE
        ),
        name=re.compile(name),
        opening_quote=re.compile(f"^[{quotes}]"),
        addressee=re.compile(rf"(?:{alternation(t.ADDRESSEE_PREPOSITIONS)})\s+(?:{alternation(t.DETERMINERS)})?\s*[A-ZÀ-ÖØ-Þ][\w.-]*\s+"),
        participle=re.compile(rf",\s*(?:{alternation(t.SAYING_PARTICIPLES)})\b", re.IGNORECASE),
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
    quoted = _quoted_spans(sentence, t)
    for verb in p.verb.finditer(sentence):
        if any(start <= verb.start() < end for start, end in quoted):
            continue  # "“… each time we are told it is the last,” said Alan Ruiz": the quote's own verbs
        inverted = _is_inverted(sentence, verb.start(), t) or _inverted_before_name(sentence, verb, t, p)
        if not inverted and not _reports_speech(verb, sentence, t):
            continue
        speaker = _speaker_after(sentence[verb.end() :], t, p) if inverted else None
        speaker = speaker or _subject_before(sentence[: verb.start()], t, p)
        speaker = speaker or _name_opening_the_sentence(sentence, verb.start(), t, p)
        if speaker:
            return speaker
    according = p.attribution.search(sentence)
    if according:
        who = according.group("who")
        if _possessive_source(who, t):
            # "according to its annual report", "selon son bilan": the body the sentence is about.
            return _first_name(sentence[: according.start()], t, p) or PRONOUN
        speaker = _noun_phrase(who, t, p)
        if speaker == PRONOUN:
            # "Le programme d'Hélène Garnier prévoit…, selon elle": the pronoun's antecedent is in the sentence.
            return _person_before(sentence[: according.start()], t, p) or PRONOUN
        return speaker
    participle = p.participle.search(sentence)
    if participle and not any(start <= participle.start() < end for start, end in quoted):
        # "Morgan Stanley cut its target, saying…": the subject of the sentence is the speaker.
        return _first_name(sentence[: participle.start()], t, p)
    return None


def _quoted_spans(sentence: str, t: ModuleType) -> list[tuple[int, int]]:
    """Spans inside closed « » / “ ” quotations. An unclosed one is ignored: in machine-translated
    text a stray « often precedes the attribution itself ("« ces derniers mois, a déclaré Healy.")."""
    spans = []
    for opening, closing in t.QUOTE_PAIRS:
        if opening == closing:
            continue
        position = 0
        while (start := sentence.find(opening, position)) != -1:
            end = sentence.find(closing, start + 1)
            if end == -1:
                break
            spans.append((start, end))
            position = end + 1
    return spans


def _inverted_before_name(sentence: str, verb: re.Match, t: ModuleType, p: _Patterns) -> bool:
    """English '…, said Ruth Adeyemi, head of…': after a bare comma, a name that ends its clause is the
    speaker; 'Elena Márquez, said Madrid would not accept' has the name start a new clause instead."""
    if not sentence[: verb.start()].rstrip().endswith(","):
        return False
    after = sentence[verb.end() :].lstrip()
    name = p.name.match(after)
    if not name or not _is_name(name.group(), t):
        return False
    rest = after[name.end() :].lstrip()
    return not rest or rest[0] in ",.;" or rest.split()[0].lower() in t.CLAUSE_AFTER_NAME


def _possessive_source(phrase: str, t: ModuleType) -> bool:
    words = phrase.lower().split()
    return len(words) >= 2 and words[0] in t.POSSESSIVES and any(w in t.SOURCE_NOUNS for w in words[1:4])


def _first_name(text: str, t: ModuleType, p: _Patterns) -> str | None:
    """The first name in `text`, the sentence-initial word included ('Veridian employed…')."""
    body = text.lstrip(" «“\"")
    for match in p.name.finditer(body):
        if _is_name(match.group(), t) and match.group().lower() not in t.DETERMINERS:
            return _clean(match.group(), t)
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
    after = _skip_after_verb(after.lstrip(), t, p)
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



def _skip_after_verb(after: str, t: ModuleType, p: _Patterns) -> str:
    """'lundi la direction de la SNCF', 'à l’AFP Sophie Lacombe': a day or an addressee before the speaker."""
    time_words = _time_words(t.__name__.rsplit(".", 1)[-1])
    words = after.split(" ")
    while words and words[0].lower().strip(",") in time_words:
        words.pop(0)
    after = " ".join(words)
    addressee = p.addressee.match(after)
    if addressee and p.name.match(after, addressee.end()):
        after = after[addressee.end() :]
    return after


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
    head_words = [w.lower().strip("'’") for w in words[:3]]
    complements = [m for m in all_names if m.start() > 0]
    if complements and any(w in t.ROLE_NOUNS for w in head_words):
        return _clean(complements[-1].group(), t)  # "a spokesperson for Veridian", "la direction de la SNCF"
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
    """A capitalised run that is not only stop words, articles or calendar words ('February', 'Lundi')."""
    time_words = _time_words(t.__name__.rsplit(".", 1)[-1])
    return any(w.lower() not in t.NOUN_PHRASE_STOPS and w.lower().strip(".") not in time_words
               for w in candidate.split())


@lru_cache(maxsize=None)
def _time_words(lang: str) -> frozenset[str]:
    times = time_table(lang)
    return frozenset(times.MONTHS) | frozenset(times.WEEKDAYS) | frozenset(_extra_time_words(lang))


def _extra_time_words(lang: str) -> tuple[str, ...]:
    return tuple(table(lang).TIME_ADVERBS)


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

    lang: str = "en"
    last: str | None = None
    seen_names: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)

    def observe(self, names: list[str]) -> None:
        self.seen_names.extend(names)

    def resolve(self, found: str | None, continues_quote: bool, sentence_names: list[str] = ()) -> str | None:
        """The speaker of a sentence, given what `attribution` found and the names the sentence holds."""
        if found == PRONOUN or (found is None and continues_quote):
            return self.last
        if found is None:
            return None
        words = found.split()
        if found[0].islower() and words[-1].lower() in table(self.lang).ORG_NOUNS:
            # "the cloud software company said": an earlier speaker of that kind, else the body the
            # sentence itself names ("Veridian Systems will cut 2,400 jobs, the … company said").
            head = words[-1].casefold()
            earlier = next((n for n in reversed(self.speakers) if head in n.casefold().split()), None)
            named = [n for n in sentence_names if n != found]
            found = earlier or (named[-1] if named else found)
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
