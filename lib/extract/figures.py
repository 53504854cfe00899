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

from spacy.tokens import Doc
from text_to_num import text2num

from lib.extract.lang import alternation, table
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
        token=re.compile(r"[^\W\d_][\w'’-]*"),
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
    )


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


def find_figures(
    text: str, lang: str, sentences: list[Span], taken: list[Span], doc: Doc | None = None
) -> list[Figure]:
    """Every figure in `text`, skipping spans already `taken` (time expressions own their numbers).

    `sentences` is accepted for symmetry with the other finders; figures are found over the whole text
    and never cross a line break.
    """
    t = table(lang)
    p = _patterns(lang)
    blocked = _SpanIndex(taken)
    candidates = [(m.start(), m.end(), "digits") for m in p.digits.finditer(text)]
    candidates += [(m.start(), m.end(), "words") for m in p.words.finditer(text)]
    candidates += [(m.start(), m.end(), "approximate") for m in p.approximate.finditer(text)]
    candidates += [(m.start(), m.end(), "fraction") for m in p.fraction.finditer(text)]
    # At one position the longest reading wins: "deux tiers" over "deux", "un million" over "un".
    candidates.sort(key=lambda c: (c[0], -c[1]))

    figures: list[Figure] = []
    last_end = 0
    for start, end, form in candidates:
        if start < last_end or blocked.overlaps(start, end) or _inside_url(text, start):
            continue
        figure = _read_figure(text, start, end, form, t, p)
        if figure is None or blocked.overlaps(figure.start, figure.end):
            continue
        figures.append(figure)
        last_end = figure.end
    return _inherit_units(figures, sentences)


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


def _read_figure(text: str, start: int, end: int, form: str, t: ModuleType, p: _Patterns) -> Figure | None:
    number_text = text[start:end]
    if form == "digits":
        value = _digits_value(number_text, t)
        if p.ordinal_suffix.match(text, end) or _glued_to_word(text, start, end, p):
            return None
    elif form == "fraction":
        # "deux tiers des électeurs", "a third of households", "la moitié des": a share, not a count.
        match = p.fraction.match(text, start)
        numerator = match.group("numerator").lower()
        top = 1 if numerator in t.FRACTION_ARTICLES else _words_value(numerator, text, start, start, t, p, alone_ok=True)
        if top is None:
            return None
        value = round(top / t.FRACTIONS[match.group("denominator").lower()], 6)
        unit = _counted_noun(text, end, True, t, p)
        return Figure(id="", start=start, end=end, text=number_text, value=value, unit=unit)
    elif form == "approximate":
        # "une vingtaine de députés": about 20, counting what follows "de".
        value = t.APPROXIMATE_NUMERALS[number_text.split()[-1].lower()]
        unit = _counted_noun(text, end, True, t, p)
        return Figure(id="", start=start, end=end, text=number_text, value=value, unit=unit, approx="about")
    else:
        value = _words_value(number_text, text, start, end, t, p)
    if value is None:
        return None

    unit: str | None = None
    has_scale = False
    scale = p.scale.match(text, end)
    if scale and (form == "digits" or scale.group().strip().lower() not in t.NUMBER_WORDS):
        value *= t.SCALE_WORDS[scale.group().strip().lower()]
        end = scale.end()
        has_scale = True

    prefix = p.currency_prefix.search(text, max(0, start - 4), start)
    if prefix:
        unit = _currency_code(prefix.group().strip(), t)
        start = prefix.start()
    if (percent := p.percent.match(text, end)) and unit is None:
        unit, end = "%", percent.end()
    elif (currency := p.currency_word.match(text, end)) and unit is None:
        unit = _currency_code(currency.group(), t)
        if currency.group().rstrip()[-1:] in "".join(t.CURRENCY_SYMBOLS):
            end = currency.end()  # "40 millions €", "75 millions de $": the symbol is part of the amount
    elif (measure := p.measure.match(text, end)) and unit is None:
        unit = measure.group().strip()
    elif unit is None:
        unit = _counted_noun(text, end, has_scale, t, p)

    if form == "digits" and unit is None and not has_scale and float(value).is_integer() and int(value) in YEAR_RANGE:
        return None

    if start > 0 and text[start - 1] in "-−" and (start == 1 or text[start - 2] in " (\n\t"):
        start -= 1
        value = -value
    approx = None
    if qualifier := p.qualifier.search(text, max(0, start - 30), start):
        approx = t.QUALIFIERS[_fold(qualifier.group().strip())]
        start = qualifier.start()
    elif negative := p.negative.search(text, max(0, start - 12), start):
        start = negative.start()  # "minus five percent", "moins 3 %" (never "au moins", a qualifier)
        value = -value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    if not math.isfinite(value):
        return None
    return Figure(id="", start=start, end=end, text=text[start:end], value=value, unit=unit, approx=approx)


def _digits_value(number_text: str, t: ModuleType) -> float:
    """'2 718' -> 2718, '9,4' -> 9.4 (fr); '1,500.5' -> 1500.5 (en)."""
    whole, _, fraction = number_text.partition(t.DECIMAL_SEPARATOR)
    whole = "".join(ch for ch in whole if ch.isdigit())
    if fraction:
        return float(f"{whole}.{fraction}")
    return int(whole)


def _words_value(number_text, text, start, end, t, p, alone_ok=False) -> int | None:
    """Value of a run of number words; lone articles ('un accord', 'one of') are not figures."""
    words = number_text.lower()
    if words in t.AMBIGUOUS_ALONE and not p.scale.match(text, end) and not alone_ok:
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
    left = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1
    right_space = text.find(" ", position)
    right = len(text) if right_space == -1 else right_space
    token = text[left : min(right, left + 2000)]
    return bool(_URL_TOKEN.search(token))


def _after_determiner(text: str, start: int, t: ModuleType) -> bool:
    before = text[max(0, start - 20) : start].split()
    return not before or before[-1].lower() in t.NOUN_PHRASE_STOPS or before[-1][-1:] in ".,;:«“\"("


def _glued_to_word(text: str, start: int, end: int, p: _Patterns) -> bool:
    """'G7', 'A320', '5G', '10h30', '10:30' are names or times, not figures."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalpha() or before == "_":
        return True
    if before in "-‑" and start >= 2 and text[start - 2].isalpha():
        return True  # "F-35", "COVID-19"
    if after == ":" and text[end + 1 : end + 2].isdigit() or before == ":" and text[start - 2 : start - 1].isdigit():
        return True
    if after.isalpha() and not p.scale.match(text, end) and not p.measure.match(text, end):
        return not (p.percent.match(text, end) or p.currency_word.match(text, end))
    return False


def _counted_noun(text: str, end: int, has_scale: bool, t: ModuleType, p: _Patterns) -> str | None:
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
        return None
    return text[words[0].start() : words[-1].end()]


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
