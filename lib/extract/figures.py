"""Figures: counts, percentages, money and measures, in digits or in words.

>>> [(f.text, f.value, f.unit, f.approx) for f in find_figures(
...     "Plus de 200 planificateurs militaires de 30 pays, soit 5% du PIB.", "fr", [], [])]
[('Plus de 200', 200, 'planificateurs militaires', 'more than'), ('30', 30, 'pays', None), ('5%', 5, '%', None)]
>>> [(f.text, f.value, f.unit) for f in find_figures("It costs $2.5bn, three officials said.", "en", [], [])]
[('$2.5bn', 2500000000, 'USD'), ('three', 3, 'officials')]
"""
from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc
from text_to_num import text2num

from lib.extract.alternation import required_literals, searchable
from lib.extract.lang import alternation, table, time_table
from lib.models import Figure, Span

# Years are events, not figures (DESIGN §2): a bare integer in this range with no unit is a year.
YEAR_RANGE = range(1900, 2101)
_MAX_NOUN_WORDS = 3
_ELIDED = re.compile(r"^(?:l|d|qu|n|s|j|m|t|c)['’]\w")


@dataclass(frozen=True)
class _Patterns:
    """The regexes of one language, built once from its table."""

    digits: re.Pattern
    words: re.Pattern
    token: re.Pattern
    percent: re.Pattern
    scale: re.Pattern
    currency_word: re.Pattern
    currency_prefix: re.Pattern
    measure: re.Pattern
    ordinal_suffix: re.Pattern
    qualifier: re.Pattern
    link: re.Pattern
    partitive: re.Pattern
    approximate: re.Pattern
    fraction: re.Pattern
    negative: re.Pattern
    ordinal: re.Pattern
    vague: re.Pattern
    half_before: re.Pattern
    half_after: re.Pattern
    article_duration: re.Pattern
    ratio: re.Pattern
    rate: re.Pattern
    qualifier_after: re.Pattern
    label: re.Pattern
    duration_joiner: re.Pattern
    multiplier: re.Pattern


@lru_cache(maxsize=None)
def _patterns(lang: str) -> _Patterns:
    t = table(lang)
    decimal = re.escape(t.DECIMAL_SEPARATOR)
    group = "[" + re.escape(t.THOUSANDS_SEPARATORS) + "]"
    # Every alternative is anchored on digits and bounded (at most 10^15, six decimals), so matching is
    # linear and values stay finite: "200 200 200 …" is several numbers, not one with 300 digits.
    digits = re.compile(
        rf"(?<![\w.,])(?:\d{{1,3}}(?:{group}\d{{3}}){{1,4}}(?!\d)(?:{decimal}\d{{1,12}})?|\d{{1,15}}(?:{decimal}\d{{1,12}})?)(?![\d])"
    )
    number_word = rf"(?:{alternation(tuple(t.NUMBER_WORDS) + _scale_words_in_runs(lang))})(?![\w])"
    joiner = r"(?:-|\s+(?:" + alternation(j for j in t.NUMBER_JOINERS if j != "-") + r")\s+|\s+)"
    words = re.compile(rf"(?<![\w-]){number_word}(?:{joiner}{number_word})*", re.IGNORECASE)
    after = r"(?![\w])"
    return _Patterns(
        digits=digits,
        words=words,
        token=re.compile(r"[^\W\d_](?:[\w'’-]*[\w-])?"),
        percent=re.compile(rf"\s?(?:{alternation(t.PERCENT_WORDS)})(?:(?<=%)|{after})", re.IGNORECASE),
        scale=re.compile(rf"\s?(?:{alternation(t.SCALE_WORDS)}){after}", re.IGNORECASE),
        currency_word=re.compile(
            rf"\s*(?:(?:{alternation(t.COUNTED_NOUN_LINKS)})\s*)?"
            rf"(?:(?:{alternation(list(t.CURRENCY_WORDS) + list(t.CURRENCY_CODES))}){after}|(?:{alternation(t.CURRENCY_SYMBOLS)}))|"
            rf"\s?(?:{alternation(t.CURRENCY_SYMBOLS)})",
            re.IGNORECASE,
        ),
        currency_prefix=re.compile(
            rf"(?:(?:{alternation(t.CURRENCY_SYMBOLS)})|(?<![\w])(?:{alternation(t.CURRENCY_CODES)}))\s?$"
        ),
        measure=re.compile(rf"\s?(?:{alternation(t.MEASURE_UNITS)}){after}"),
        ordinal_suffix=re.compile(rf"(?:{alternation(t.ORDINAL_SUFFIXES)}){after}"),
        qualifier=re.compile(rf"(?<![\w])(?:{alternation(t.QUALIFIERS)})\s*$", re.IGNORECASE),
        link=re.compile(rf"\s*(?:{alternation(t.COUNTED_NOUN_LINKS)})(?:\s+|(?<=['’]))", re.IGNORECASE),
        fraction=re.compile(
            rf"(?<![\w-])(?:(?P<numerator>{alternation(t.NUMBER_WORDS)}|{alternation(t.FRACTION_ARTICLES)})[ -])"
            rf"(?P<denominator>{alternation(t.FRACTIONS)})(?![\w])",
            re.IGNORECASE,
        ),
        negative=re.compile(rf"(?<![\w])(?:{alternation(t.NEGATIVE_WORDS)})\s+$", re.IGNORECASE),
        approximate=re.compile(
            rf"(?<![\w])(?:{alternation(t.APPROXIMATE_ARTICLES)})\s+(?:{alternation(t.APPROXIMATE_NUMERALS)}){after}",
            re.IGNORECASE,
        ),
        partitive=re.compile(
            rf"\s+(?:{alternation(t.PARTITIVE_LINKS)})\s+(?:\d+\s+|(?:{alternation(t.NUMBER_WORDS)})\s+)?",
            re.IGNORECASE,
        ),
        ordinal=re.compile(
            rf"(?<![\w.,-])(?:\d{{1,4}}(?:{alternation(t.ORDINAL_SUFFIXES)})|"
            rf"(?:(?:{alternation(t.NUMBER_WORDS)})-(?:(?:et|and)-)?)*(?:{alternation(list(t.ORDINAL_WORDS) + list(t.ORDINAL_UNITS))}))"
            rf"(?![\w])",
            re.IGNORECASE,
        ),
        vague=re.compile(
            rf"(?<![\w-])(?:(?:{alternation(t.VAGUE_DETERMINERS) or '(?!)'})\s+)?(?P<vague>{alternation(t.VAGUE_QUANTITIES)})"
            rf"(?:\s+(?:{alternation(t.VAGUE_LINKS)})\s*(?P<times>{alternation(_big_vague(t))}))?(?![\w])",
            re.IGNORECASE,
        ),
        half_before=re.compile(
            rf"(?<![\w-])(?:{alternation(t.HALF_BEFORE)})(?P<scale>{alternation(w for w in t.SCALE_WORDS if len(w) > 3)})(?![\w])",
            re.IGNORECASE,
        ),
        half_after=re.compile(rf"\s+(?:{alternation(t.HALF_AFTER)})(?![\w])", re.IGNORECASE),
        article_duration=re.compile(
            rf"(?<![\w-])(?:{alternation(t.FRACTION_ARTICLES + t.AMBIGUOUS_ALONE + ('an', 'a'))})\s+"
            rf"(?P<unit>{alternation(t.DURATION_UNITS)})(?![\w])",
            re.IGNORECASE,
        ),
        ratio=re.compile(
            rf"(?<![\w.,-])(?P<num>\d{{1,6}}|(?:{alternation(t.NUMBER_WORDS)})(?:-(?:{alternation(t.NUMBER_WORDS)}))*)"
            rf"(?P<mid>(?:\s+[^\W\d_][\w'’-]*){{0,2}}?)\s+(?:{alternation(t.RATIO_LINKS)})\s+"
            rf"(?P<den>\d{{1,3}}(?:[{re.escape(t.THOUSANDS_SEPARATORS)}]\d{{3}})+(?!\d)|\d{{1,7}}|"
            rf"(?:{alternation(t.NUMBER_WORDS)})(?:[- ](?:{alternation(t.NUMBER_WORDS)}))*)(?![\w.,]\d|[\w])",
            re.IGNORECASE,
        ),
        rate=re.compile(
            rf"\s+(?:{alternation(t.RATE_LINKS)})\s+(?P<base>\d{{1,3}}(?:[{re.escape(t.THOUSANDS_SEPARATORS)}]\d{{3}})+(?!\d)|"
            rf"\d{{2,7}}|(?:{alternation(t.NUMBER_WORDS)})(?:\s+(?:{alternation(t.NUMBER_WORDS)}))*)(?![\w])"
            rf"(?:\s+(?P<noun>[^\W\d_][\w'’-]*))?",
            re.IGNORECASE,
        ),
        qualifier_after=re.compile(rf"\s+(?:{alternation(t.QUALIFIERS_AFTER)})(?![\w])", re.IGNORECASE),
        label=re.compile(
            rf"(?<![\w])(?:{alternation(t.LABEL_WORDS)})\s*(?P<code>\d[\d\-/.]*\d|\d)(?![\d])", re.IGNORECASE
        ),
        duration_joiner=re.compile(rf"\s*(?:{alternation(t.DURATION_JOINERS)})\s*$", re.IGNORECASE),
        multiplier=re.compile(rf"(?<![\w-])(?:{alternation(t.MULTIPLIER_STEMS)})\w*", re.IGNORECASE),
    )


# The scans that find candidate figures: (the form of what they find, the pattern).
_SCANS = (("digits", "digits"), ("words", "words"), ("approximate", "approximate"), ("fraction", "fraction"),
          ("ordinal", "ordinal"), ("vague", "vague"), ("half", "half_before"), ("article", "article_duration"),
          ("ratio", "ratio"))


@lru_cache(maxsize=None)
def _scan_literals(lang: str) -> dict[str, frozenset[str] | None]:
    """The words one of which every match of each scan holds (lib.extract.alternation.required_literals)."""
    p = _patterns(lang)
    return {name: required_literals(getattr(p, name).pattern) for _, name in _SCANS}


def _big_vague(t: ModuleType) -> tuple[str, ...]:
    """The vague plurals that can multiply another: 'tens of thousands', 'des dizaines de milliers'."""
    return tuple(word for word, value in t.VAGUE_QUANTITIES.items() if value >= 1000)


def _scale_words_in_runs(lang: str) -> tuple[str, ...]:
    """Scale words text2num can read inside a run of number words ('deux milliards', 'two million')."""
    t = table(lang)
    two = t.NUMBER_WORDS[2]
    accepted = []
    for word in t.SCALE_WORDS:
        if len(word) < 4 or not word.isalpha():
            continue
        try:
            text2num(f"{two} {word}", lang)
        except ValueError:
            continue
        accepted.append(word)
    return tuple(accepted)


@dataclass(frozen=True)
class _Reading:
    """One figure read at a candidate, and what the reading owns beyond the figure's own text."""

    figure: Figure
    duration: bool = False  # a count of time units: a figure even inside a time expression
    consumed: int = 0  # text up to here belongs to this figure ('pour 100.000 habitants')


class _Parse:
    """What the parse says about numbers, indexed once per document (never re-parsed)."""

    def __init__(self, doc: Doc | None):
        self.doc = doc
        # One C pass, no Python loop. As int64: searching spaCy's uint64 array for a Python int made numpy
        # convert the whole array on every call (1 MB of text: 1.6 s of 3.8).
        self._starts = doc.to_array(IDX).astype(numpy.int64) if doc is not None and len(doc) else None

    def starts_after(self, position: int) -> int:
        """Index of the first token that starts at or after `position`."""
        return int(self._starts.searchsorted(position)) if self._starts is not None else 0

    def token_at(self, start: int):
        """The token that starts at character `start`, if one does."""
        if self._starts is None:
            return None
        i = int(self._starts.searchsorted(start))
        return self.doc[i] if i < len(self._starts) and self._starts[i] == start else None


def find_figures(
    text: str, lang: str, sentences: list[Span], taken: list[Span], doc: Doc | None = None
) -> list[Figure]:
    """Every figure in `text`, skipping spans already `taken` (time expressions own their numbers, but a
    count of time units inside them — 'huit jours', 'the last 12 years' — is also a figure).

    `sentences` tells which numbers share a sentence; `doc` (the article's parse, when given) finds numbers
    inside names ('Flight 447'), years the tagger dates, counts with "one" and multiplier verbs.
    """
    t = table(lang)
    p = _patterns(lang)
    parse = _Parse(doc)
    blocked = _SpanIndex(taken)
    names = _SpanIndex(_name_spans(text, t, p, parse))
    candidates = []
    # A scan whose every match holds one of some words ('dozen', 'tiers', 'demi-') is skipped when the text
    # has none of them: most articles have no fraction, no "half a million", no "une quarantaine".
    lowered = searchable(text)
    for form, field_name in _SCANS:
        literals = _scan_literals(lang)[field_name]
        if literals is None or lowered is None or any(literal in lowered for literal in literals):
            candidates += [(m.start(), m.end(), form) for m in getattr(p, field_name).finditer(text)]
    candidates += _multiplier_candidates(text, parse, t, p)
    # At one position the longest reading wins: "deux tiers" over "deux", "un million" over "un".
    candidates.sort(key=lambda c: (c[0], -c[1]))

    figures: list[Figure] = []
    durations: set[int] = set()
    last_end = 0
    for start, end, form in candidates:
        if start < last_end or names.overlaps(start, end) or _inside_url(text, start):
            continue
        if form == "digits" and _named_by_parse(parse, start, t, p):
            continue
        reading = _read_figure(text, start, end, form, t, p, parse)
        if reading is None:
            continue
        figure = reading.figure
        if figure.start < last_end:  # "10 $ 30 $": the "$" before 30 already closed the first amount
            figure = dataclasses.replace(figure, start=start, text=text[start : figure.end])
        if reading.duration and _clock_time(text, figure.start, figure.end, t):
            continue
        if blocked.overlaps(figure.start, figure.end) and not reading.duration:
            continue
        if reading.duration:
            durations.add(len(figures))
        figures.append(figure)
        last_end = max(figure.end, reading.consumed)
    figures = _join_durations(text, figures, durations, t, p)
    return _inherit_units(figures, sentences)


def _name_spans(text: str, t: ModuleType, p: _Patterns, parse: _Parse) -> list[Span]:
    """Numbers that name or point rather than count: 'Figure 1', 'n° 2021-689', 'Quarter 3', footnote
    markers '[1]', heading numbers at the start of a line ('2. Headline figures'), and, from the parse,
    a number right after the capitalised noun it belongs to ('Flight 447', 'Apollo 11')."""
    spans = [(m.start("code"), m.end("code")) for m in p.label.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in _FOOTNOTE.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in _HEADING_NUMBER.finditer(text)]
    times = time_table(t.__name__.rsplit(".", 1)[-1])
    for match in _AFTER_CAPITAL.finditer(text):
        word = match.group("word")
        folded = word.lower()
        if (
            not _sentence_start(text, match.start("word"))
            and folded not in times.MONTHS
            and folded not in times.WEEKDAYS
            and folded not in t.QUALIFIERS
            and folded not in t.NUMBER_WORDS
            and _may_name(word, t, p)
            and not (p.percent.match(text, match.end()) or p.currency_word.match(text, match.end())
                     or p.scale.match(text, match.end()) or p.measure.match(text, match.end()))
        ):
            spans.append((match.start("number"), match.end()))  # "FTSE 100", "Boeing 737", "Quarter 3"
    return spans


def _named_by_parse(parse: _Parse, start: int, t: ModuleType, p: _Patterns) -> bool:
    """The parse hangs the number on the capitalised noun right before it: 'Flight 447', 'Apollo 11'."""
    token = parse.token_at(start)
    if token is None or token.i == 0 or token.dep_ != "nummod" or not token.text.isdigit() or len(token.text) > 4:
        return False
    head = token.head
    return (
        head.i == token.i - 1
        and head.pos_ in ("PROPN", "NOUN")
        and head.text[:1].isupper()
        and not (head.is_sent_start or head.i == 0)
        and head.lower_ not in time_table(t.__name__.rsplit(".", 1)[-1]).MONTHS
        and _may_name(head.text, t, p)
    )


def _may_name(word: str, t: ModuleType, p: _Patterns) -> bool:
    """A capitalised word a number may belong to ('Flight', 'FTSE'); never a currency ('USD 200')."""
    return (
        word.lower() not in t.NOUN_PHRASE_STOPS
        and word.upper() not in t.CURRENCY_CODES
        and not p.currency_prefix.search(word)
    )


_AFTER_CAPITAL = re.compile(r"(?<![\w.])(?P<word>[A-Z][\w’'-]*) (?P<number>\d{1,4})(?![\d.,:\w-]|[.,]\d)")
_FOOTNOTE = re.compile(r"\[(\d{1,3})\]")
_HEADING_NUMBER = re.compile(r"(?m)^[ \t]*(\d{1,2})[.)](?=[ \t]+[^\W\d_])")


def _multiplier_candidates(text: str, parse: _Parse, t: ModuleType, p: _Patterns) -> list[tuple[int, int, str]]:
    """'double the capacity', 'les prix ont triplé': multiplier verbs, as the parse tags them."""
    if parse.doc is None:
        return []
    found = []
    for match in p.multiplier.finditer(text):
        token = parse.token_at(match.start())
        if (
            token is not None
            and token.lemma_.lower() in t.MULTIPLIER_VERBS
            and (token.pos_ == "VERB" or token.lower_ in t.MULTIPLIER_INFINITIVES)
        ):
            found.append((token.idx, token.idx + len(token.text), "multiplier"))
    return found


def _clock_time(text: str, start: int, end: int, t: ModuleType) -> bool:
    """'à 5 heures', 'vers 8 heures': a time of day, not a duration. ('il y a trois ans' and 'three years
    ago' are durations with a number, so figures too, while the event places them.)"""
    before = _fold(text[max(0, start - 16) : start]).split(" ")
    unit = text[start:end].split()[-1].lower()
    return unit in t.CLOCK_UNITS and bool(before[-1:]) and before[-1] in t.CLOCK_BEFORE


def _join_durations(text: str, figures: list[Figure], durations: set[int], t: ModuleType, p: _Patterns) -> list[Figure]:
    """'five minutes and six seconds', '15 minutes, 41.40 seconds': one duration, in the smaller unit."""
    result: list[Figure] = []
    last_index = None
    for index, figure in enumerate(figures):
        previous = result[-1] if result else None
        if (
            previous is not None
            and last_index in durations
            and index in durations
            and p.duration_joiner.fullmatch(" " + text[previous.end : figure.start].strip(" ") + " ")
            is not None
        ):
            big = t.DURATION_UNITS.get(_first_word(previous.unit))
            small = t.DURATION_UNITS.get(_first_word(figure.unit))
            if big and small and big > small and previous.approx is None:
                value = round(previous.value * big / small + figure.value, 6)
                value = int(value) if float(value).is_integer() else value
                result[-1] = dataclasses.replace(
                    previous, end=figure.end, text=text[previous.start : figure.end], value=value, unit=figure.unit
                )
                last_index = index
                continue
        result.append(figure)
        last_index = index
    return result


def _first_word(unit: str | None) -> str:
    return (unit or "").split(" ")[0].lower().rstrip("'’")  # "30 days' notice"


def _inherit_units(figures: list[Figure], sentences: list[Span]) -> list[Figure]:
    """A bare number after a counted one in the same sentence counts the same thing:
    '600,000 heat pumps a year, up from about 98,000' -> heat pumps; '400 millions d'euros, dont 150 millions'."""
    result: list[Figure] = []
    for figure in figures:
        previous = result[-1] if result else None
        if (
            figure.unit is None
            and previous is not None
            and previous.unit is not None
            and _same_sentence(previous.start, figure.start, sentences)
        ):
            figure = dataclasses.replace(figure, unit=previous.unit)
        result.append(figure)
    return result


def _same_sentence(a: int, b: int, sentences: list[Span]) -> bool:
    i = bisect_right(sentences, (a, float("inf"))) - 1
    return i >= 0 and sentences[i][0] <= a and b < sentences[i][1]


def _read_figure(
    text: str, start: int, end: int, form: str, t: ModuleType, p: _Patterns, parse: _Parse
) -> _Reading | None:
    number_text = text[start:end]
    approx = None
    if form == "digits":
        value = _digits_value(number_text, t)
        if p.ordinal_suffix.match(text, end) or _glued_to_word(text, start, end, p, t):
            return None
    elif form == "fraction":
        return _read_fraction(text, start, end, t, p)
    elif form == "approximate":
        # "une vingtaine de députés": about 20, counting what follows "de".
        value = t.APPROXIMATE_NUMERALS[number_text.split()[-1].lower()]
        unit, _ = _counted_noun(text, end, True, t, p)
        return _Reading(Figure(id="", start=start, end=end, text=number_text, value=value, unit=unit, approx="about"))
    elif form == "ordinal":
        return _read_ordinal(text, start, end, t, p, parse)
    elif form == "ratio":
        return _read_ratio(text, start, end, t, p)
    elif form == "multiplier":
        verb = parse.token_at(start)
        value, approx, start = _qualified(text, start, t.MULTIPLIER_VERBS[verb.lemma_.lower()], t, p)
        return _Reading(Figure(id="", start=start, end=end, text=text[start:end], value=value,
                               unit=t.MULTIPLIER_UNIT, approx=approx))
    elif form == "article":
        # "about an hour", "plus d'un an", "un an et demi": one unit, only when a qualifier or a half says so.
        match = p.article_duration.match(text, start)
        value, unit_end = 1, match.end()
        if half := p.half_after.match(text, unit_end):
            value, unit_end = 1.5, half.end()
        elif not p.qualifier.search(text, max(0, start - 30), start):
            return None
        value, approx, start = _qualified(text, start, value, t, p)
        return _Reading(
            Figure(id="", start=start, end=unit_end, text=text[start:unit_end], value=value,
                   unit=match.group("unit"), approx=approx),
            duration=True,
        )
    elif form == "vague":
        # "thousands of households", "des dizaines de milliers": a vague plural, 'more than' its scale.
        match = p.vague.match(text, start)
        if match.group("times") is None and match.group("vague").lower() in _NEEDS_LINK and not p.link.match(text, end):
            return None
        value = t.VAGUE_QUANTITIES[match.group("vague").lower()]
        if match.group("times"):
            value *= t.VAGUE_QUANTITIES[match.group("times").lower()]
        approx = t.VAGUE_APPROX
    elif form == "half":
        match = p.half_before.match(text, start)
        value = t.SCALE_WORDS[match.group("scale").lower()] / 2
    else:
        value = _words_value(number_text, text, start, end, t, p, parse=parse)
    if value is None:
        return None

    unit: str | None = None
    has_scale = form in ("vague", "half")
    scale = p.scale.match(text, end) or _hyphen_scale(text, end, t, p)
    # Any whitespace may stand between number and scale word (no-break, thin, even U+0085).
    scale_word = scale.group().strip().strip("-").strip().lower() if scale else ""
    if scale and form in ("digits", "words") and (form == "digits" or scale_word not in t.NUMBER_WORDS):
        multiplier = t.SCALE_WORDS[scale_word]
        value *= multiplier
        end = scale.end()
        has_scale = True
    else:
        multiplier = 1
    if half := p.half_after.match(text, end):
        value += multiplier / 2  # "two and a half", "3 million and a half"
        end = half.end()

    prefix = p.currency_prefix.search(text, max(0, start - 4), start)
    if prefix:
        unit = _currency_code(prefix.group().strip(), t)
        start = prefix.start()
    unit_end = end
    duration = False
    if (percent := _percent(text, end, p)) and unit is None:
        unit, end = "%", percent.end()
        unit_end = end
    elif (currency := p.currency_word.match(text, end)) and unit is None:
        unit = _currency_code(currency.group(), t)
        if currency.group().rstrip()[-1:] in "".join(t.CURRENCY_SYMBOLS):
            end = currency.end()  # "40 millions €", "75 millions de $": the symbol is part of the amount
        unit_end = currency.end()
    elif (measure := p.measure.match(text, end)) and unit is None:
        unit = t.MEASURE_UNIT_NAMES.get(measure.group().strip(), measure.group().strip())
        unit_end = measure.end()
    elif (age := _age_suffix(text, end, t)) and unit is None:
        unit, end = t.AGE_UNITS[-1] + t.AGE_UNIT_SUFFIX, end + len(age)  # "a 15-year-old record"
        unit_end = end
    elif (hyphen := _HYPHEN_UNIT.match(text, end)) and unit is None and _is_unit_word(hyphen.group(1), t):
        # "a two-week mission", "the 400-meter relay"
        unit, end = hyphen.group(1), hyphen.end()
        unit_end = end
    elif unit is None and form == "vague" and not p.link.match(text, end):
        pass  # "plusieurs milliers avaient manifesté": a vague plural counts only what follows "de"/"of"
    elif unit is None:
        unit, unit_end = _counted_noun(text, end, has_scale, t, p)
        year_like = form == "digits" and not has_scale and float(value).is_integer() and int(value) in YEAR_RANGE
        if parse.doc is not None and not year_like and not _noun_by_parse(parse, unit_end - len(unit) if unit else None):
            unit, unit_end = _unit_from_parse(text, end, parse, t, unit, unit_end)
        elif parse.doc is not None and unit and not t.VERB_ENDINGS:  # where the table has no verb rule
            unit, unit_end = _without_trailing_verbs(unit, unit_end, parse, _counted_by_parse(parse, end))
        if unit is not None and _first_word(unit) in t.DURATION_UNITS and not has_scale:
            if not t.ADJECTIVES_FOLLOW_NOUN and " " in unit:
                unit_end -= len(unit) - len(unit.split(" ")[0])  # "three years later": the unit is "years"
                unit = unit.split(" ")[0]
            end = unit_end  # a duration's text carries its unit: "huit jours", "three years"

    if _first_word(unit) in t.DURATION_UNITS and not has_scale:
        duration = True
        if half := p.half_after.match(text, unit_end):
            value += 0.5  # "4 ans et demi"
            end = unit_end = half.end()
    if form == "digits" and not has_scale and float(value).is_integer() and int(value) in YEAR_RANGE:
        if unit is None or (_is_date_token(parse, start) and unit != "%" and unit not in t.CURRENCY_CODES
                            and not duration and measure is None):
            return None

    if start > 0 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " (\n\t"):
        start -= 1
        value = -value
    elif unit == "%" and _spaced_minus(text, start):
        start -= 2  # "- 33 %": a signed change written with a spaced minus
        value = -value
    if approx is None:
        value, approx, start = _qualified(text, start, value, t, p)
    if unit is not None and _first_word(unit) in t.AGE_UNITS and _is_age(text, start, end, t):
        unit = unit + t.AGE_UNIT_SUFFIX
    if after := p.qualifier_after.match(text, unit_end):
        approx = approx or t.QUALIFIERS_AFTER[_fold(after.group())]
        end = unit_end = after.end()
    consumed = end
    if unit != "%" and unit not in t.CURRENCY_CODES and (rate := p.rate.match(text, unit_end)) and _round_base(rate, t):
        # "320 consultations pour 100.000 habitants": one figure; the base is part of its unit.
        rate_text = rate.group().strip()
        unit = f"{unit} {rate_text}" if unit else rate_text
        consumed = rate.end()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if not math.isfinite(value):
        return None
    figure = Figure(id="", start=start, end=end, text=text[start:end], value=value, unit=unit, approx=approx)
    return _Reading(figure, duration=duration, consumed=consumed)


def _noun_by_parse(parse: _Parse, start: int | None) -> bool:
    """The rules' counted noun starts with a noun or an adjective, as the parse reads it ('vivent' does not)."""
    if start is None:
        return False
    token = parse.token_at(start)
    return token is None or token.pos_ not in _NOT_NOUN_POS


_NOT_NOUN_POS = frozenset({"VERB", "AUX", "PRON", "ADP", "SCONJ", "CCONJ", "DET", "ADV", "PART"})


def _unit_from_parse(text: str, end: int, parse: _Parse, t: ModuleType, unit: str | None, unit_end: int):
    """The noun the parse hangs the number on, with the modifiers between them: '30,000 additional U.S.
    troops', 'Four Jamaican men', 'seven member crew'; French adjectives after it ('cas humains').
    Used where the rules found nothing or a verb ('63,9 millions vivent' counts no noun)."""
    doc = parse.doc
    i = parse.starts_after(end)
    head = _counted_by_parse(parse, end)
    if head is None or i >= len(doc):
        return None, end
    number = doc[i - 1]
    if not (
        head.pos_ in ("NOUN", "PROPN")
        and 0 < head.i - number.i <= 5
        and head.left_edge.i <= i
        and head.i >= i
    ):
        return None, end
    last = head
    if t.ADJECTIVES_FOLLOW_NOUN:
        for right in head.rights:
            if right.i == last.i + 1 and right.dep_ == "amod" and right.pos_ == "ADJ":
                last = right
            else:
                break
    return text[doc[i].idx : last.idx + len(last.text)], last.idx + len(last.text)


def _counted_by_parse(parse: _Parse, end: int):
    """The token the parse hangs the number ending at `end` on ('24.5 million people' -> people)."""
    i = parse.starts_after(end)
    if i == 0 or i > len(parse.doc):
        return None
    number = parse.doc[i - 1]
    while number.head.i > number.i and number.head.idx < end and number.head.pos_ == "NUM":
        number = number.head
    return number.head if number.dep_ == "nummod" else None


def _without_trailing_verbs(unit: str, unit_end: int, parse: _Parse, counted) -> tuple[str, int]:
    """'trois jeunes juifs portant la kippa', 'the seven member crew left': the parse's verbs end the noun
    (never the word the number counts, whatever its tag)."""
    words = unit.split(" ")
    while len(words) > 1:
        token = parse.token_at(unit_end - len(words[-1]))
        if token is None or token.pos_ not in ("VERB", "AUX") or (counted is not None and token.i == counted.i):
            break
        unit_end -= len(words[-1]) + 1
        words.pop()
    return " ".join(words), unit_end


def _round_base(rate: re.Match, t: ModuleType) -> bool:
    """A rate's base is a round number ('pour 100.000', 'per 1,000', 'per thousand'), never a count of its
    own ('trois mariages pour deux Pacs')."""
    base = _ratio_number(rate.group("base").lower(), t)
    return base is not None and base >= 10 and math.log10(base).is_integer()


# Vague plurals that mean nothing without what they count: "tens of", "scores of", "dozens of".
_NEEDS_LINK = frozenset({"tens", "scores", "dozens", "dizaines", "douzaines"})
_HYPHEN_UNIT = re.compile(r"-([^\W\d_]+)(?![\w-]*\d)")


def _age_suffix(text: str, end: int, t: ModuleType) -> str | None:
    ahead = text[end : end + 14].lower()
    return next((suffix for suffix in t.AGE_AFTER if suffix[:1] == "-" and ahead.startswith(suffix)), None)


def _is_unit_word(word: str, t: ModuleType) -> bool:
    return word.lower() in t.DURATION_UNITS or word in t.MEASURE_UNITS or word.lower() in t.MEASURE_UNITS


def _hyphen_scale(text: str, end: int, t: ModuleType, p: _Patterns) -> re.Match | None:
    """'the 15-hundred meter run': a scale word joined by a hyphen (long words only, never '10-K')."""
    if text[end : end + 1] != "-":
        return None
    match = p.scale.match(text, end + 1)
    if match and len(match.group().strip()) > 3:
        return re.compile(r"-" + re.escape(match.group().strip())).match(text, end)
    return None


def _percent(text: str, end: int, p: _Patterns) -> re.Match | None:
    """'%', 'pour cent' — but not the 'pour 100' of a rate 'pour 100.000'."""
    match = p.percent.match(text, end)
    if match and match.group()[-1:].isdigit() and re.match(r"[.,\u00a0\u202f ]?\d", text[match.end() : match.end() + 2]):
        return None
    return match


def _spaced_minus(text: str, start: int) -> bool:
    """'- 33 %' after a space, a bracket or a line start, not between two numbers ('2010 - 33 %')."""
    if start < 2 or text[start - 2 : start] not in ("- ", "− "):
        return False
    before = text[max(0, start - 40) : start - 2].rstrip(" ")
    if not before:
        return start - 2 < 40
    return before[-1] in "(\n:;" or (before[-1].isalpha() and text[start - 3] == " ")


def _qualified(text: str, start: int, value, t: ModuleType, p: _Patterns):
    """A qualifier before the figure ('plus de', 'about') or a minus written as a word."""
    if qualifier := p.qualifier.search(text, max(0, start - 30), start):
        return value, t.QUALIFIERS[_fold(qualifier.group().strip())], qualifier.start()
    if negative := p.negative.search(text, max(0, start - 12), start):
        return -value, None, negative.start()  # "minus five percent", "moins 3 %" (never "au moins")
    return value, None, start


def _is_age(text: str, start: int, end: int, t: ModuleType) -> bool:
    before = _fold(text[max(0, start - 16) : start])
    after = text[end : end + 12].lower()
    return any(before.endswith(w) for w in t.AGE_BEFORE) or any(after.startswith(w) for w in t.AGE_AFTER) or (
        "(" in text[max(0, start - 2) : start] and text[end : end + 1] == ")"
    )


def _is_date_token(parse: _Parse, start: int) -> bool:
    """The tagger reads the number as a date ('the Quarter 3 (July to Sept) 2022 estimates')."""
    token = parse.token_at(start)
    return token is not None and token.ent_type_ == "DATE"


def _read_fraction(text: str, start: int, end: int, t: ModuleType, p: _Patterns) -> _Reading | None:
    """'deux tiers des électeurs', 'a third of households', 'la moitié des': a share, not a count.
    'la dixième année', 'a fourth death': an ordinal before its noun is a rank, not a fraction."""
    match = p.fraction.match(text, start)
    denominator = match.group("denominator").lower()
    if denominator in t.ORDINAL_WORDS and _followed_by_noun(text, end, t):
        return None
    numerator = match.group("numerator").lower()
    top = 1 if numerator in t.FRACTION_ARTICLES else _words_value(numerator, text, start, start, t, p, alone_ok=True)
    if top is None:
        return None
    value = round(top / t.FRACTIONS[denominator], 6)
    unit, _ = _counted_noun(text, end, True, t, p)
    value, approx, start = _qualified(text, start, value, t, p)
    return _Reading(Figure(id="", start=start, end=end, text=text[start:end], value=value, unit=unit, approx=approx))


def _followed_by_noun(text: str, end: int, t: ModuleType) -> bool:
    word = _WORD_AFTER.match(text, end)
    if word is None:
        return False
    folded = word.group(1).lower()
    return folded not in t.NOUN_PHRASE_STOPS and folded not in t.COUNTED_NOUN_LINKS and not _ELIDED.match(folded)


_MODIFIER_DEPS = frozenset({"amod", "advmod", "nummod", "compound", "det"})
_WORD_AFTER = re.compile(r"[ \u00a0]{1,2}([^\W\d_][\w'’]*)")
_ORDINAL_DIGITS = re.compile(r"\d+")


def _read_ordinal(text: str, start: int, end: int, t: ModuleType, p: _Patterns, parse: _Parse) -> _Reading | None:
    """An ordinal from 2 up that counts a position: 'la huitième année consécutive' -> 8, '63e minute',
    'a fourth death', 'the third-largest', 'the 75th anniversary'. Not 'first', not in names
    ('Seconde Guerre mondiale') or fixed terms ('second reading'), not a calendar period ('third quarter')."""
    written = text[start:end]
    folded = written.lower()
    if digits := _ORDINAL_DIGITS.match(written):
        value = int(digits.group())
    else:
        value = _ordinal_value(folded, t)
    if value is None or value < 2:
        return None
    if folded in t.DURATION_UNITS and (token := parse.token_at(start)) is not None and token.dep_ not in _MODIFIER_DEPS:
        return None  # "a second off the record", "une seconde": a unit of time heads its phrase, a rank modifies
    if written[0].isupper() and not written[0].isdigit() and not _sentence_start(text, start):
        return None  # "la Seconde Guerre mondiale", "the Fifth Republic"
    ahead = _fold(text[start : start + 40])
    if any(ahead.startswith(term) and not ahead[len(term) : len(term) + 1].isalpha() for term in t.ORDINAL_FIXED_TERMS):
        return None
    previous = text[max(0, start - 12) : start].split()
    if previous and (previous[-1][-1:].isdigit() or previous[-1].lower() in t.NUMBER_WORDS):
        return None  # "one second", "37.10 second"
    position = end
    if text[end : end + 1] == "-":
        hyphen = re.compile(r"-([^\W\d_]+)").match(text, end)
        if hyphen is None:
            return None
        position = hyphen.end()  # "the third-largest number"
    elif not _followed_by_noun(text, end, t):
        return None
    word = _WORD_AFTER.match(text, position) if position == end else None
    if word is not None:
        noun = word.group(1)
        if noun[0].isupper():
            return None  # "the second World Cup title" is read from its name, not ranked
        if noun.lower() in t.ORDINAL_NAME_NOUNS:
            return None  # "le 4e arrondissement", "the Fifth Amendment": the ordinal names
        if noun.lower() in t.ORDINAL_PERIOD_NOUNS:
            following = _WORD_AFTER.match(text, word.end())
            if following is None or following.group(1).lower() not in t.CONSECUTIVE_WORDS:
                return None
    rank, unit_end = _counted_noun(text, position, False, t, p)
    if position != end:
        rank = text[end + 1 : unit_end] if rank else text[end + 1 : position]
    if not rank:
        return None
    return _Reading(Figure(id="", start=start, end=end, text=written, value=value, unit=f"{rank} (rank)"))


def _ordinal_value(folded: str, t: ModuleType) -> int | None:
    """'huitième' -> 8, 'twenty-first' -> 21, 'vingt-et-unième' -> 21."""
    if folded in t.ORDINAL_WORDS:
        return t.ORDINAL_WORDS[folded]
    head, _, last = folded.rpartition("-")
    if not head or last not in t.ORDINAL_UNITS:
        return None
    head = re.sub(r"-(?:et|and)$", "", head)
    try:
        return text2num(head.replace("-", " ") if " " in head else head, t.__name__.rsplit(".", 1)[-1]) + t.ORDINAL_UNITS[last]
    except ValueError:
        return None


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip(" \t\"“«'‘")  # a bounded look back keeps this linear
    return (not before and start < 40) or before[-1:] in (".", "!", "?", "\n", ":")


def _read_ratio(text: str, start: int, end: int, t: ModuleType, p: _Patterns) -> _Reading | None:
    """'trois cas sur cinq' -> 0.6, 'one in four adults' -> 0.25: one figure, a share."""
    match = p.ratio.match(text, start)
    num_text, den_text = match.group("num").lower(), match.group("den").lower()
    top = 1 if num_text in t.RATIO_NUMERATOR_ARTICLES else _ratio_number(num_text, t)
    bottom = _ratio_number(den_text, t)
    if top is None or bottom is None or bottom < 2 or top > bottom or top == 0:
        return None
    if bottom > 10 and not math.log10(bottom).is_integer():
        return None  # "61 services sur 694" counts twice; "trois sur cinq", "1 in 100" are shares
    if den_text.isdigit() and int(den_text) in YEAR_RANGE:
        return None
    mid = match.group("mid").split()
    if any(w.lower() in t.NOUN_PHRASE_STOPS or w.lower() in t.SCALE_WORDS or w.lower() in t.PERCENT_WORDS
           or w.lower() in t.DURATION_UNITS for w in mid):
        return None
    after = text[end : end + 30]
    if p.percent.match(text, end) or p.measure.match(text, end) or p.scale.match(text, end) or p.currency_word.match(text, end):
        return None
    next_word = _WORD_AFTER.match(after)
    if next_word and next_word.group(1).lower() in t.DURATION_UNITS:
        return None  # "5 sur 10 ans": a period, not a share
    unit = " ".join(mid) or _counted_noun(text, end, False, t, p)[0]
    value = round(top / bottom, 6)
    return _Reading(Figure(id="", start=start, end=end, text=text[start:end], value=value, unit=unit))


def _ratio_number(written: str, t: ModuleType) -> float | None:
    if written[:1].isdigit():
        return float(_digits_value(written, t))
    try:
        return text2num(written, t.__name__.rsplit(".", 1)[-1])
    except ValueError:
        return None


def _digits_value(number_text: str, t: ModuleType) -> float:
    """'2 718' -> 2718, '9,4' -> 9.4 (fr); '1,500.5' -> 1500.5 (en)."""
    whole, _, fraction = number_text.partition(t.DECIMAL_SEPARATOR)
    whole = "".join(ch for ch in whole if ch.isdigit())
    if fraction:
        return float(f"{whole}.{fraction}")
    return int(whole)


def _words_value(number_text, text, start, end, t, p, alone_ok=False, parse: _Parse | None = None) -> int | None:
    """Value of a run of number words; lone articles ('un accord', 'one of') are not figures."""
    words = number_text.lower()
    if words in t.AMBIGUOUS_ALONE and not p.scale.match(text, end) and not alone_ok and not _counts_one(parse, start, t):
        return None
    if all(word in t.SCALE_WORDS for word in re.split(r"[\s-]+", words)):
        return None  # "des milliers", "millions of people": no number is given
    if words in getattr(t, "HOMOGRAPHS", ()) and not _after_determiner(text, start, t):
        return None
    try:
        return text2num(words.replace("’", "'"), t.__name__.rsplit(".", 1)[-1])
    except ValueError:
        return None


_URL_TOKEN = re.compile(r"://|www\.|%[0-9A-Fa-f]{2}|[?&]\w+=")


def _inside_url(text: str, position: int) -> bool:
    """Numbers inside a link or an encoded query are part of an address, not figures."""
    # The look back stops where the token read stops (2,000 characters): on a text of one line, a search
    # for the line's start from every number made the work grow with the square of the text.
    lo = max(0, position - 2000)
    left = max(text.rfind(" ", lo, position), text.rfind("\n", lo, position), lo - 1) + 1
    right_space = text.find(" ", position)
    right = len(text) if right_space == -1 else right_space
    token = text[left : min(right, left + 2000)]
    return bool(_URL_TOKEN.search(token))


def _after_determiner(text: str, start: int, t: ModuleType) -> bool:
    before = text[max(0, start - 20) : start].split()
    return not before or before[-1].lower() in t.NOUN_PHRASE_STOPS or before[-1][-1:] in ".,;:«“\"("


def _counts_one(parse: _Parse | None, start: int, t: ModuleType) -> bool:
    """English 'one' counts when the parse makes it a number modifying a common noun ('one infant',
    'one red card'), not in 'one of', 'one day', 'the one who'."""
    if parse is None or not t.ONE_IDIOM_NOUNS:
        return False
    token = parse.token_at(start)
    if token is None or token.dep_ != "nummod":
        return False
    head = token.head
    previous = token.nbor(-1).lower_ if token.i > 0 else ""
    return (
        0 < head.i - token.i <= 3
        and head.pos_ == "NOUN"
        and head.text[:1].islower()
        and head.lemma_.lower() not in t.ONE_IDIOM_NOUNS
        and previous not in t.DETERMINERS
        and previous not in ("no", "any", "every", "each", "which", "another")
    )


def _glued_to_word(text: str, start: int, end: int, p: _Patterns, t: ModuleType) -> bool:
    """'G7', 'A320', '5G', '10h30', '10:30' are names or times, not figures."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalpha() or before == "_":
        return True
    if before in "-‑" and start >= 2 and text[start - 2].isalpha():
        prefix = text[max(0, start - 8) : start].split()[-1:]
        return not (prefix and _fold(prefix[0]) in t.QUALIFIERS)  # "F-35", "COVID-19"; "sub-10" is a bound
    if after == ":" and text[end + 1 : end + 2].isdigit() or before == ":" and text[start - 2 : start - 1].isdigit():
        return True
    if after.isalpha() and not p.scale.match(text, end) and not p.measure.match(text, end):
        return not (p.percent.match(text, end) or p.currency_word.match(text, end))
    return False


def _counted_noun(text: str, end: int, has_scale: bool, t: ModuleType, p: _Patterns) -> tuple[str | None, int]:
    """The noun phrase a number counts: '200 planificateurs militaires' -> 'planificateurs militaires'.

    French: leading adjectives skipped ('six nouveaux réacteurs'), the head noun, then up to two
    adjectives after it. English: leading modifiers skipped ('2.7 million more families'), then the
    compound up to its head ('600,000 heat pumps'). 'Three of the six largest suppliers' counts suppliers.
    """
    position = end
    if has_scale and (link := p.link.match(text, position)):
        position = link.end()
    if partitive := p.partitive.match(text, position):
        position = partitive.end()
    words: list[re.Match] = []
    while len(words) < _MAX_NOUN_WORDS:
        token = _next_word(text, position, p, first=not words)
        if token is None:
            break
        word = token.group()
        folded = word.lower()
        position = token.end()
        if not words and folded in t.LEADING_MODIFIERS:
            continue
        if _ends_noun_phrase(word, folded, words, t):
            break
        adjective_like = folded.endswith(t.ADJECTIVE_ENDINGS)
        if t.ADJECTIVES_FOLLOW_NOUN and words and not adjective_like:
            break
        words.append(token)
    if not words:
        return None, end
    return text[words[0].start() : words[-1].end()], words[-1].end()


def _next_word(text: str, position: int, p: _Patterns, first: bool) -> re.Match | None:
    """The word after `position` if only one or two spaces separate them (no punctuation)."""
    gap = text[position : position + 3]
    skipped = len(gap) - len(gap.lstrip(" \u00a0\u202f\t"))
    if (not first and skipped == 0) or skipped > 2:
        return None
    return p.token.match(text, position + skipped)


def _ends_noun_phrase(word: str, folded: str, words: list, t: ModuleType) -> bool:
    if folded in t.NOUN_PHRASE_STOPS or folded in t.NUMBER_WORDS or folded in t.LEADING_MODIFIERS:
        return True
    if _ELIDED.match(folded) or folded.rstrip("'’") in t.NOUN_PHRASE_STOPS:
        return True  # "l'an dernier", "d'ici": an elided article starts a new phrase
    if word[0].isupper() and not (not t.ADJECTIVES_FOLLOW_NOUN and folded.endswith(t.ADJECTIVE_ENDINGS)):
        return True
    # English past participles and gerunds after the noun are verbs: "30 countries signed".
    return bool(words) and not t.ADJECTIVES_FOLLOW_NOUN and folded.endswith(t.VERB_ENDINGS)


def _currency_code(written: str, t: ModuleType) -> str:
    folded = _fold(written.strip())
    for symbol, code in t.CURRENCY_SYMBOLS.items():
        if folded == symbol.lower():
            return code
    for link in t.COUNTED_NOUN_LINKS:
        if folded.startswith(link):
            folded = folded[len(link) :].strip()
    for symbol, code in t.CURRENCY_SYMBOLS.items():
        if folded == symbol.lower():
            return code
    return t.CURRENCY_WORDS.get(folded, folded.upper())


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


class _SpanIndex:
    """Answers 'does [start, end) overlap a taken span?' in log time."""

    def __init__(self, spans: list[Span]):
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1)
        # Taken spans rarely nest; looking a few back covers a long span that encloses shorter ones.
        return any(start < e for _, e in self._spans[max(0, i - 4) : i])
