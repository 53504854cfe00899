"""Time expressions: find them with per-language rules, resolve them to TIMEX3 values and dates.

The words and patterns live in lib/extract/lang/time_<lang>.py; this module turns the patterns
into regular expressions, picks the longest non-overlapping matches and resolves each one
against the publication date. It never reads the clock: without a publication date, relative
expressions keep an underspecified value ("XXXX-WXX-5") and say why they are unresolved.

>>> from datetime import date
>>> [(e.text, e.value, e.date.isoformat()) for e in find_events("Il est parti vendredi.", "fr", date(2025, 8, 15))]
[('vendredi', '2025-08-15', '2025-08-15')]
>>> [(e.text, e.type, e.value) for e in find_events("It lasted three months.", "en", date(2025, 8, 15))]
[('three months', 'DURATION', 'P3M')]
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import dateparser
from functools import lru_cache
from types import ModuleType
from typing import Callable

from spacy.tokens import Doc
from text_to_num import text2num

from lib.extract.alternation import alternation, required_literals, searchable
from lib.extract.clause import Clauses
from lib.extract.lang import table as language_table, time_table
from lib.extract.nlp import text_of
from lib.extract.tokens import Tokens
from lib.models import Event

__all__ = ["find_events"]

# How far around a match we look for tense cues; bounded so a huge unpunctuated text stays linear.
_TENSE_WINDOW = 160
_TENSE_RIGHT = 25
# A blank line ends a paragraph (a single line break may only wrap a line).
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
# A full stop is a sentence end only before a space: "2.7 million" is one sentence.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# How far before a match we look for context words ("en 2022", "in May").
_CONTEXT_WINDOW = 30
# Every rule needs at least one anchor (a digit or a table word); rules only run this far around anchors.
_WINDOW_BEFORE = 64
_WINDOW_AFTER = 48

_UNIT_GRANULARITY = {"S": "day", "MIN": "day", "H": "day", "D": "day", "W": "week", "WE": "week",
                     "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "decade"}
# Mods that only narrow a period that contains the publication date ("plus tôt cette année").
_AROUND_PUBLICATION = {"EARLIER", "LATER"}
_PART_CODES = {"MO", "AF", "EV", "NI"}
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@dataclass(frozen=True)
class _Rule:
    regex: re.Pattern
    resolver: str
    params: dict
    before: re.Pattern | None
    not_before: re.Pattern | None
    after: re.Pattern | None
    # Kinds of anchor (digit, month, unit…) one of which any match of this rule contains.
    anchors: frozenset[str]
    # Kinds of anchor every match of this rule contains (a subset of what it really needs: see _needed_kinds).
    needs: frozenset[str]
    # The rarest of them, when rare enough that reading only the stretches around it pays (see _candidates).
    scan_near: str | None
    # Strings (folded, see lib.extract.alternation.folded) one of which every match contains, when few and long enough to pay: a
    # stretch of text without any cannot hold a match (see lib.extract.alternation.required_literals).
    literals: frozenset[str] | None
    not_after: re.Pattern | None
    # (before, after): the match is dropped when both sides match, e.g. an age between commas.
    not_around: tuple[re.Pattern, re.Pattern] | None


@dataclass(frozen=True)
class _Grammar:
    table: ModuleType
    rules: tuple[_Rule, ...]
    negative: re.Pattern | None
    future: re.Pattern
    past: re.Pattern
    relative: re.Pattern
    age_years: re.Pattern
    not_age_years: re.Pattern
    month_context: re.Pattern
    # After "three years", "une semaine": the count runs from the last time the text named.
    later: re.Pattern
    earlier: re.Pattern
    range_joiner: re.Pattern  # between the two ends of a range: "to", "au"
    clock_day: re.Pattern  # between a clock time and its day: "on", "le"
    forward: re.Pattern  # "until", "jusqu'au": a perfect before them still points ahead
    anchor: re.Pattern
    anchor_kinds: dict[str, frozenset[str]]
    # The rules a window with these anchor kinds can hold, filled as kinds are met (a few dozen sets at most).
    rules_by_kinds: dict[frozenset[str], tuple[int, ...]] = field(default_factory=dict, compare=False)

    def rules_for(self, kinds: frozenset[str]) -> tuple[int, ...]:
        """Indices of the rules that need no anchor or one of `kinds`, in rule order."""
        found = self.rules_by_kinds.get(kinds)
        if found is None:
            found = tuple(i for i, rule in enumerate(self.rules)
                          if (not rule.anchors or rule.anchors & kinds) and rule.needs <= kinds)
            self.rules_by_kinds[kinds] = found
        return found


@dataclass(frozen=True)
class _Resolved:
    type: str
    value: str
    date: date | None = None
    end_date: date | None = None
    granularity: str | None = None
    unresolved: str | None = None


class _Unanchored(Exception):
    """Raised when a value needs the publication date and there is none; carries the fallback value."""

    def __init__(self, value: str, type_: str = "DATE", granularity: str | None = None):
        super().__init__(value)
        self.value = value
        self.type = type_
        self.granularity = granularity


class _Context:
    """What a resolver may look at: the table, the publication date, the last day mentioned, the tense."""

    def __init__(self, grammar: _Grammar, text: str, published: date | None, clauses: Clauses | None = None,
                 tenses: dict[tuple[int, int], int] | None = None):
        self.grammar = grammar
        # The tense of a span depends on the text and its parse only, so the contexts of one text may share it.
        self._tenses = {} if tenses is None else tenses
        self.clauses = clauses
        self.table = grammar.table
        self.lang = grammar.table.__name__.rsplit("_", 1)[-1]
        self.text = text
        self.published = published
        self.last_day: date | None = None
        self.last_day_at = 0  # where the last day was named
        # The last date of any granularity, for "the previous year", "le mois suivant", and its granularity.
        self.last_date: date | None = None
        self.last_granularity: str | None = None
        self.last_period: tuple[int, _Resolved] | None = None  # where the last date ended, and the date
        # Per granularity, the latest period named so far that began by the publication date: where a run of
        # periods in a row ("two consecutive quarters") ends.
        self.latest: dict[str, date] = {}

    def dct(self, fallback: str, type_: str = "DATE", granularity: str | None = None) -> date:
        if self.published is None:
            raise _Unanchored(fallback, type_, granularity)
        return self.published

    def anchor_day(self, fallback: str) -> date:
        """The day "le lendemain" or "that night" hangs on: the last day mentioned, else the publication date."""
        if self.last_day is not None:
            return self.last_day
        return self.dct(fallback, "TIME", "day")

    def clock_day(self, start: int, fallback: str) -> date:
        """The day a clock time without a day of its own belongs to: the last day named in its paragraph,
        else the publication date. A day named paragraphs earlier ("Its last check was on April 16") is
        seldom the day of "turbulence at 02:00 GMT" in a later one."""
        if self.last_day is not None and (self.published is None
                                          or not _PARAGRAPH_BREAK.search(self.text, self.last_day_at, start)):
            return self.last_day
        return self.dct(fallback, "TIME", "day")

    def tense(self, start: int, end: int) -> int:
        """Which way the sentence around [start, end) points (see `_read_tense`), read once per span."""
        found = self._tenses.get((start, end))
        if found is None:
            found = self._tenses[(start, end)] = self._read_tense(start, end)
        return found

    def _read_tense(self, start: int, end: int) -> int:
        """Which way the sentence around [start, end) points: 1 future ("sera", "will"), -1 past, 0 unknown.

        The parse decides when it has a verb for the expression and that verb's tense points one way
        ("will meet on Tuesday, officials said" is future whatever "said" is). Otherwise cue words do:
        the verb that governs a time adverbial usually comes before it, so the nearest cue on the
        left decides; failing that, the nearest on the right.
        """
        if self.clauses is not None:
            forward = self.grammar.forward.search(self.text, max(0, start - _CONTEXT_WINDOW), start) is not None
            parsed = self.clauses.tense(start, end, forward)
            if parsed:
                return parsed
        text = self.text
        lo = max(0, start - _TENSE_WINDOW)
        hi = min(len(text), end + _TENSE_WINDOW)
        for stop in _SENTENCE_END.finditer(text, lo, start):
            lo = stop.end()
        stop = _SENTENCE_END.search(text, end, hi)
        hi = stop.start() if stop else hi
        # "…, the regulator said." closes many news sentences: on the right only nearby cues count.
        right_limit = end + _TENSE_RIGHT
        best_left: tuple[int, int] | None = None
        best_right: tuple[int, int] | None = None
        for sign, cues in ((1, self.grammar.future), (-1, self.grammar.past)):
            for cue in cues.finditer(text, lo, hi):
                if cue.end() <= start and (best_left is None or start - cue.end() < best_left[0]):
                    best_left = (start - cue.end(), sign)
                elif end <= cue.start() <= right_limit and (best_right is None or cue.start() - end < best_right[0]) \
                        and not self.grammar.relative.search(text, end, cue.start()):
                    best_right = (cue.start() - end, sign)
        best = best_left or best_right
        return best[1] if best else 0

    def future_tense(self, start: int, end: int) -> bool:
        return self.tense(start, end) == 1


# --- building the grammar from a table ------------------------------------------------------------


def _words(words, name: str | None = None) -> str:
    body = alternation({w.lower() for w in words}, _literal_character)
    return f"(?P<{name}>{body})" if name else f"(?:{body})"


def _literal(text: str) -> str:
    return "".join(map(_literal_character, text))


def _literal_character(character: str) -> str:
    # A space in a table word is any run of whitespace; an apostrophe either apostrophe.
    return r"\s+" if character == " " else "['’]" if character in "'’" else re.escape(character)


def _template(pattern: str) -> str:
    """Spaces in a table pattern mean runs of whitespace; apostrophes match both ' and ’."""
    return pattern.replace(" ", r"\s+").replace("'", "['’]")


def _placeholders(table: ModuleType) -> dict[str, str]:
    words = language_table(table.LANG)
    number_word = _words(table.NUMBER_WORDS)
    # "a"/"un" start a count only alone: "a four-week trial" is four weeks, not "a four".
    counting_word = _words([w for w in table.NUMBER_WORDS if w not in table.NUMBER_ARTICLES])
    joiners = "|".join(_literal(j) for j in sorted(table.NUMBER_JOINERS, key=len, reverse=True))
    links = sorted(table.MOD_LINKS, key=len, reverse=True)
    link_alt = "|".join(_literal(link) + ("" if link.endswith("'") else r"\s+") for link in links)
    fractions = _words(table.FRACTIONS)
    ones = _words([w for w, v in table.NUMBER_WORDS.items() if v == 1])
    return {
        "month": _words(table.MONTHS, "month"),
        "weekday": _words(table.WEEKDAYS, "weekday"),
        "weekday_any": _words(table.WEEKDAYS),
        "season": _words(table.SEASONS, "season"),
        "unit": _words(table.UNITS, "unit"),
        "num": rf"(?P<num>\d+(?:[.,]\d+)?|{counting_word}(?:(?:{joiners}){counting_word}){{0,3}}|{number_word})",
        "few": _words(table.FEW, "few"),
        "qual": _words(table.QUALIFIERS, "qual"),
        "frac": rf"(?P<frac>(?:{ones}\s+)?{fractions})",
        "year": r"(?P<year>(?:19|20)\d\d|2100)(?!\d)",
        # Beside a month a four-digit number is a year even outside 1900-2100: "14 juillet 1789".
        "longyear": r"(?P<year>1\d{3}|20\d\d|2100)(?!\d)",
        "yy": r"(?P<yy>['’]?\d\d)(?!\d)",
        "day": table.DAY,
        "clock": table.CLOCK,
        "zone": table.TIME_ZONE,
        "decade": table.DECADE,
        "century": table.CENTURY,
        "partday": _words(table.PARTS_OF_DAY, "partday"),
        "deictic": _words(table.DEICTIC_DAYS, "deictic"),
        "ref": _words(table.REFS, "ref"),
        "ordinal": _words(table.ORDINALS, "ordinal"),
        # From the language's own table, where figures read the same ordinals and the same words.
        "nth": rf"(?P<nth>\d{{1,3}}{_words(words.ORDINAL_SUFFIXES)}|{_words(words.ORDINAL_WORDS)})",
        "consecutive": _words(words.CONSECUTIVE_WORDS),
        "dayword": _words(table.DAY_WORDS, "dayword") if table.DAY_WORDS else "(?!x)x",
        "week": r"(?P<week>[1-4]\d|5[0-3]|0?[1-9])(?!\d)",
        "holiday": _words(table.HOLIDAYS, "holiday"),
        "dir": _words(table.DIRECTIONS, "dir"),
        "mod": rf"{_words([m for m, v in table.MODS.items() if v not in _AROUND_PUBLICATION], 'mod')}"
               rf"(?:\s+(?:{link_alt})?|(?<=-))",
        "rmod": rf"{_words(table.MODS, 'mod')}(?:\s+(?:{link_alt})?|(?<=-))",
    }


_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DIGIT_PLACEHOLDERS = {"day", "year", "longyear", "yy", "num", "clock", "decade", "century", "week"}
# Placeholders whose words are anchors of another kind.
_PLACEHOLDER_KINDS = {"weekday_any": "weekday", "holiday": "month", "dayword": "month"}


def _anchor_vocabulary(table: ModuleType) -> dict[str, list[str]]:
    return {"month": [*table.MONTHS, *table.HOLIDAYS], "weekday": list(table.WEEKDAYS), "season": list(table.SEASONS),
            "unit": list(table.UNITS), "deictic": list(table.DEICTIC_DAYS), "ref": list(table.REFS),
            "partday": list(table.PARTS_OF_DAY), "extra": list(table.ANCHORS)}


@lru_cache(maxsize=4)
def _vocabulary_written(table: ModuleType) -> dict[str, re.Pattern]:
    """Per anchor kind, one pattern finding any of its words written whole in a rule's pattern (not after a
    backslash): one search per kind and rule, where a search per word compiled a pattern per word."""
    return {kind: re.compile(rf"(?<![\w\\])(?:{'|'.join(re.escape(w.lower()) for w in words)})(?!\w)")
            if words else re.compile(r"(?!)") for kind, words in _anchor_vocabulary(table).items()}


def _rule_anchors(pattern: str, table: ModuleType) -> frozenset[str]:
    """The anchor kinds a rule can contain: from its placeholders and the table words written in it.
    Over-inclusion only costs time; an empty set means the rule runs everywhere."""
    kinds = set()
    for name in _PLACEHOLDER.findall(pattern):
        kinds.add("digit" if name in _DIGIT_PLACEHOLDERS else _PLACEHOLDER_KINDS.get(name, name))
    lowered = pattern.lower()
    for kind, written in _vocabulary_written(table).items():
        if written.search(lowered):
            kinds.add(kind)
    if re.search(r"\\d", pattern):
        kinds.add("digit")
    known = {"digit", *_anchor_vocabulary(table)}
    return frozenset(kinds & known) if kinds & known else frozenset()


# Anchor kinds by how seldom news text holds them, rarest first; digits are everywhere.
_RARE_FIRST = ("season", "weekday", "month", "partday", "ref", "deictic", "extra", "unit")

# Placeholders whose every word is an anchor of this kind (their fills are exactly that vocabulary).
_VOCABULARY_PLACEHOLDERS = {"month": "month", "weekday": "weekday", "weekday_any": "weekday", "season": "season",
                            "unit": "unit"}


def _needed_kinds(pattern: str, fills: dict[str, str]) -> frozenset[str]:
    """Anchor kinds every match of the rule contains: a digit the pattern or a placeholder's fill always
    matches, or a placeholder whose words are all anchors of one kind. A window without one of them
    cannot hold a match, so the rule is not run there (the scan of windows is most of finding events).
    Under-counting only costs time; anything the parser cannot read counts as needing nothing."""
    if _sre_parser is None:
        return frozenset()
    # Each placeholder becomes one private-use character, so the parser reads it as a single literal.
    mark_of = {name: chr(0xE000 + i) for i, name in enumerate(dict.fromkeys(_PLACEHOLDER.findall(pattern)))}
    needed_by = {ord(mark): _placeholder_needs(name, fills) for name, mark in mark_of.items()}
    return _needed_in(_template(_PLACEHOLDER.sub(lambda m: mark_of[m.group(1)], pattern)), needed_by)


def _placeholder_needs(name: str, fills: dict[str, str]) -> frozenset[str]:
    if name in _VOCABULARY_PLACEHOLDERS:
        return frozenset({_VOCABULARY_PLACEHOLDERS[name]})
    if name in _DIGIT_PLACEHOLDERS and name in fills:
        return _needed_in(fills[name], {})
    return frozenset()


def _needed_in(pattern: str, marks: dict[int, frozenset[str]]) -> frozenset[str]:
    try:
        return _needed_of_sequence(_sre_parser.parse(pattern, re.IGNORECASE), marks)
    except (re.error, _AnyFirst):
        return frozenset()


def _needed_of_sequence(items, marks: dict[int, frozenset[str]]) -> frozenset[str]:
    needed: frozenset[str] = frozenset()
    for op, av in items:
        if op is _sre.LITERAL:
            needed |= marks.get(av, frozenset({"digit"}) if chr(av).isdigit() else frozenset())
        elif op is _sre.IN:
            if all(item is _sre.CATEGORY and value is _sre.CATEGORY_DIGIT for item, value in av):
                needed |= {"digit"}
        elif op is _sre.BRANCH:
            alternatives = [_needed_of_sequence(alternative, marks) for alternative in av[1]]
            needed |= frozenset.intersection(*alternatives) if alternatives else frozenset()
        elif op is _sre.SUBPATTERN:
            needed |= _needed_of_sequence(av[3], marks)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] > 0:
            needed |= _needed_of_sequence(av[2], marks)
        # Lookarounds, optional parts and anything else need nothing.
    return needed


def _literal_stretches(text: str, folded_text: str, literals: frozenset[str]) -> tuple[list[int], list[int]]:
    """Stretches around every occurrence of the literals, as `_near` makes them around anchors."""
    found = []
    for literal in literals:
        at = folded_text.find(literal)
        while at >= 0:
            found.append((at, at + len(literal)))
            at = folded_text.find(literal, at + 1)
    return _stretches_around(text, sorted(found))


# The stdlib's own regex parser, to read which characters can begin a rule (below); private, so optional.
try:
    from re import _constants as _sre, _parser as _sre_parser
    _CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
                   _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
except ImportError:  # pragma: no cover - a Python without them only loses the guard
    _sre = _sre_parser = None


class _AnyFirst(Exception):
    """A pattern element that may begin with characters we do not enumerate."""


def _first_chars(pattern: str, flags: int) -> str | None:
    """A character class holding every character a match of `pattern` can begin with, or None.

    Put as a lookahead before a rule, it turns away most positions with one test, where the engine
    otherwise enters each of the rule's many alternatives (with IGNORECASE it cannot skip them by their
    first letter). It only ever rejects positions where the rule cannot match, so matches are unchanged:
    the class is rebuilt from the pattern's own literals, sets and categories, under the same flags.
    """
    if _sre_parser is None:
        return None
    parts: list[str] = []
    try:
        if _first_of_sequence(_sre_parser.parse(pattern, flags), parts):
            return None  # the pattern can match the empty string
    except _AnyFirst:
        return None
    return "[" + "".join(dict.fromkeys(parts)) + "]"


def _first_of_sequence(items, parts: list[str]) -> bool:
    """Adds to `parts` what the sequence can begin with; True when the whole sequence can match empty."""
    for op, av in items:
        if not _first_of_item(op, av, parts):
            return False
    return True


def _first_of_item(op, av, parts: list[str]) -> bool:
    if op is _sre.LITERAL:
        parts.append(f"\\U{av:08x}")
        return False
    if op is _sre.IN:
        for item, value in av:
            if item is _sre.LITERAL:
                parts.append(f"\\U{value:08x}")
            elif item is _sre.RANGE:
                parts.append(f"\\U{value[0]:08x}-\\U{value[1]:08x}")
            elif item is _sre.CATEGORY and value in _CATEGORIES:
                parts.append(_CATEGORIES[value])
            else:
                raise _AnyFirst  # a negated set, a locale category…
        return False
    if op is _sre.BRANCH:
        empty = False
        for alternative in av[1]:
            empty = _first_of_sequence(alternative, parts) or empty
        return empty
    if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group, without inline flags
        return _first_of_sequence(av[3], parts)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        return _first_of_sequence(av[2], parts) or av[0] == 0
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return True  # consumes nothing: what follows may begin the match
    raise _AnyFirst


@lru_cache(maxsize=4)
def _grammar(lang: str) -> _Grammar:
    table = time_table(lang)
    fills = _placeholders(table)
    raw_fills = dict(fills)
    # Each placeholder behind its own first-character lookahead (wrapped, so a quantifier after it still
    # covers both): an optional "{mod}" or "{weekday}" is then skipped with one test at most starts.
    for name, fill in fills.items():
        guard = _first_chars(fill, re.IGNORECASE)
        if guard:
            fills[name] = f"(?:(?={guard}){fill})"
    rules = []
    for pattern, resolver, params in table.RULES:
        marked = _template(_PLACEHOLDER.sub(lambda m: "\x00" + m.group(1) + "\x00", pattern))
        body = re.sub("\x00(\\w+)\x00", lambda m: fills[m.group(1)], marked)
        raw_body = re.sub("\x00(\\w+)\x00", lambda m: raw_fills[m.group(1)], marked)  # without guards, for the analysis
        guard = _first_chars(f"(?:{body})", re.IGNORECASE)
        guard = f"(?={guard})" if guard else ""
        regex = re.compile(rf"(?<!\w){guard}(?:{body})(?!\w)", re.IGNORECASE)
        context = {k: re.compile(_template(params[k]), re.IGNORECASE) if params.get(k) else None
                   for k in ("before", "not_before", "after", "not_after")}
        around = params.get("not_around")
        around = (re.compile(around[0]), re.compile(around[1])) if around else None
        needs = _needed_kinds(pattern, raw_fills)
        scan_near = next((kind for kind in _RARE_FIRST if kind in needs), None)
        # A rule that needs a month or a weekday reads around those anchors already; the others (those
        # needing only a digit or a unit, both in most sentences) read around their own words when they have some.
        literals = required_literals(raw_body) if scan_near in (None, "unit") else None
        rules.append(_Rule(regex, resolver, params, anchors=_rule_anchors(pattern, table), not_around=around,
                           needs=needs, scan_near=scan_near, literals=literals, **context))
    negative = (
        re.compile(rf"(?<!\w)(?:{'|'.join(_template(p) for p in table.NEGATIVE)})(?!\w)", re.IGNORECASE)
        if table.NEGATIVE else None
    )
    kinds: dict[str, set[str]] = {}
    for kind, words in _anchor_vocabulary(table).items():
        for word in words:
            kinds.setdefault(_key(word), set()).add(kind)
    words = _words(kinds)
    guard = _first_chars(words, re.IGNORECASE)
    # A run of digits is one hit: its window is the union of its digits' windows, for a quarter of the hits.
    anchor = re.compile(rf"\d+|(?<!\w){f'(?={guard})' if guard else ''}{words}(?!\w)", re.IGNORECASE)
    return _Grammar(
        anchor=anchor,
        anchor_kinds={word: frozenset(k) for word, k in kinds.items()},
        table=table,
        rules=tuple(rules),
        negative=negative,
        future=re.compile(table.FUTURE_CUES, re.IGNORECASE),
        past=re.compile(table.PAST_CUES, re.IGNORECASE),
        relative=re.compile(table.RELATIVE_PRONOUNS, re.IGNORECASE),
        age_years=re.compile(table.AGE_YEARS_BEFORE, re.IGNORECASE),
        not_age_years=re.compile(table.AGE_YEARS_NOT_AFTER, re.IGNORECASE),
        month_context=re.compile(table.MONTH_CONTEXT_BEFORE, re.IGNORECASE),
        later=re.compile(_template(table.LATER_AFTER), re.IGNORECASE),
        range_joiner=re.compile(table.RANGE_JOINER, re.IGNORECASE),
        clock_day=re.compile(table.CLOCK_DAY_JOINER, re.IGNORECASE),
        forward=re.compile(table.FORWARD_BEFORE, re.IGNORECASE),
        earlier=re.compile(_template(table.EARLIER_AFTER), re.IGNORECASE),
    )


# --- finding ----------------------------------------------------------------------------------------


def find_events(text: str, lang: str, published: date | None, doc: Doc | None = None,
                tokens: Tokens | None = None) -> list[Event]:
    """Time expressions of `text` as Events (id "", offsets into `text`), resolved against `published`.

    >>> from datetime import date
    >>> [(e.text, e.value) for e in find_events("Le mois dernier, puis en février 2022.", "fr", date(2025, 8, 15))]
    [('Le mois dernier', '2025-07'), ('février 2022', '2022-02')]
    >>> find_events("Last week.", "en", None)[0].unresolved
    'no publication date'
    """
    grammar = _grammar(lang)
    candidates = _candidates(text, grammar)
    clauses = Clauses(doc, grammar.table, tokens) if doc is not None and text_of(doc) == text else None
    tenses: dict[tuple[int, int], int] = {}  # the probe and the placing context ask the same spans' tense
    probe = _Context(grammar, text, published, clauses, tenses)
    taken = bytearray(len(text))
    chosen: list[tuple[int, int, _Rule, re.Match]] = []
    for start, end, _, rule, match in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if any(taken[start:end]):
            continue
        if _resolve(rule, match, probe) is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, rule, match))

    context = _Context(grammar, text, published, clauses, tenses)
    placed: list[tuple[int, int, _Resolved, bool]] = []
    for start, end, rule, match in sorted(chosen, key=lambda c: c[0]):
        resolved = _resolve(rule, match, context)
        if resolved is None:
            continue
        if resolved.granularity == "day" and resolved.date is not None and resolved.end_date == resolved.date:
            context.last_day = resolved.date
            context.last_day_at = end
        if resolved.type == "DATE" and resolved.date is not None and rule.resolver not in _NOT_ANCHORS:
            context.last_date = resolved.date
            context.last_granularity = resolved.granularity
            context.last_period = (end, resolved)
            if resolved.granularity and (published is None or resolved.date <= published):
                latest = context.latest.get(resolved.granularity)
                context.latest[resolved.granularity] = resolved.date if latest is None else max(latest, resolved.date)
        placed.append((start, end, resolved, _group(match, "year") is not None or _group(match, "yy") is not None))
    placed = _ranges(text, grammar, _clocks_with_their_day(text, grammar, _without_glosses(text, placed)))
    return [
        Event(
            id="",
            start=start,
            end=end,
            text=text[start:end],
            type=resolved.type,
            value=resolved.value,
            date=resolved.date,
            end_date=resolved.end_date,
            granularity=resolved.granularity,
            unresolved=resolved.unresolved,
            what=clauses.what(start, end, *_sentence_bounds(text, start, end)) if clauses else "",
        )
        for start, end, resolved, _ in placed
    ]


# A comparison period ("the same quarter a year ago") is not the time the text goes on talking about.
_NOT_ANCHORS = frozenset({"same_period"})
_Placed = tuple[int, int, _Resolved, bool]  # start, end, resolution, whether the text names the year
_GLOSS_OPEN = re.compile(r"\s*\(\s*$")
_GLOSS_CLOSE = re.compile(r"^\s*\)")


def _without_glosses(text: str, placed: list[_Placed]) -> list[_Placed]:
    """'published today (11 November 2022)': one day written twice is one event, the explicit one."""
    kept = []
    for index, item in enumerate(placed):
        start, end, resolved, _ = item
        following = placed[index + 1] if index + 1 < len(placed) else None
        if following is not None and resolved.date is not None and resolved.date == following[2].date \
                and resolved.end_date == following[2].end_date and following[3] \
                and _GLOSS_OPEN.fullmatch(text, end, following[0]) and _GLOSS_CLOSE.match(text[following[1]:]):
            continue
        kept.append(item)
    return kept


_CLOCK_VALUE = re.compile(r"T\d\d:\d\d$")


def _is_clock(resolved: _Resolved) -> bool:
    return resolved.type == "TIME" and resolved.date is not None and _CLOCK_VALUE.search(resolved.value) is not None


def _is_day(resolved: _Resolved) -> bool:
    return resolved.type == "DATE" and resolved.granularity == "day" and resolved.date is not None \
        and resolved.end_date == resolved.date


def _clocks_with_their_day(text: str, grammar: _Grammar, placed: list[_Placed]) -> list[_Placed]:
    """'11:10 CET on June 1, 2009', 'à 7 h 10 le 3 mars': a clock time followed by the day it is on is one
    moment, so one event, on that day. A day followed by its time ('samedi 24 juillet à 15 h 45') stays two
    events, as TimeML annotates it; the time already hangs on that day."""
    result: list[_Placed] = []
    index = 0
    while index < len(placed):
        start, end, clock, named = placed[index]
        following = placed[index + 1] if index + 1 < len(placed) else None
        if following is not None and _is_clock(clock) and _is_day(following[2]) \
                and grammar.clock_day.fullmatch(text, end, following[0]):
            day = following[2]
            merged = _Resolved("TIME", day.value + _CLOCK_VALUE.search(clock.value).group(), day.date, day.date, "day")
            result.append((start, following[1], merged, named or following[3]))
            index += 2
            continue
        result.append(placed[index])
        index += 1
    return result


def _ranges(text: str, grammar: _Grammar, placed: list[_Placed]) -> list[_Placed]:
    """'Quarter 1 to Quarter 3 2023', 'du 3 au 5 mars 2024': the first end of a range takes the year the
    second names. The two ends stay two events, as TimeML annotates them ("entre janvier et avril")."""
    result: list[_Placed] = []
    for index, item in enumerate(placed):
        start, end, first, named = item
        nxt = placed[index + 1] if index + 1 < len(placed) else None
        if nxt is not None and not named and nxt[3] and first.date is not None and nxt[2].date is not None \
                and first.type == nxt[2].type == "DATE" and first.date.year != nxt[2].date.year \
                and grammar.range_joiner.fullmatch(text, end, nxt[0]):
            moved = _in_year(first, nxt[2].date.year)
            if moved is not None and moved.date <= nxt[2].date:
                first = moved
        result.append((start, end, first, named))
    return result


def _in_year(resolved: _Resolved, year: int) -> _Resolved | None:
    unit = {"day": "D", "month": "M", "quarter": "Q"}.get(resolved.granularity or "")
    if unit is None or resolved.end_date != _period(resolved.date, unit).end_date:
        return None
    try:
        return _period(resolved.date.replace(year=year), unit)
    except ValueError:
        return None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end), by the same sentence ends the tense cues use."""
    lo = max(0, start - 2 * _TENSE_WINDOW)
    for stop in _SENTENCE_END.finditer(text, lo, start):
        lo = stop.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 2 * _TENSE_WINDOW))
    return lo, stop.start() if stop else min(len(text), end + 2 * _TENSE_WINDOW)


def _candidates(text: str, grammar: _Grammar) -> list[tuple[int, int, int, _Rule, re.Match]]:
    blocked = bytearray(len(text))
    if grammar.negative is not None:
        for match in grammar.negative.finditer(text):
            blocked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    found = []
    hits = _anchor_hits(text, grammar)
    near: dict[str, tuple[list[int], list[int]]] = {}
    around_literals: dict[frozenset[str], tuple[list[int], list[int]]] = {}
    folded_text = searchable(text)
    # Window by window, only the rules its anchors allow: the work is the windows' length times the rules
    # that can match there, never every rule times every window of a long text. A rule that needs a rare
    # anchor (a month, a weekday) reads only the stretches around those: in a text dense with numbers the
    # windows merge into one, and scanning it whole for each such rule was most of the work.
    for lo, hi, kinds in _windows(text, hits):
        for index in grammar.rules_for(kinds):
            rule = grammar.rules[index]
            if rule.literals is not None and folded_text is not None:
                if rule.literals not in around_literals:
                    around_literals[rule.literals] = _literal_stretches(text, folded_text, rule.literals)
                stretches = _within(around_literals[rule.literals], lo, hi)
            elif rule.scan_near is None:
                stretches = [(lo, hi)]
            else:
                if rule.scan_near not in near:
                    near[rule.scan_near] = _near(text, hits, rule.scan_near)
                stretches = _within(near[rule.scan_near], lo, hi)
            for match in (m for a, b in stretches for m in rule.regex.finditer(text, a, b)):
                start, end = match.span(rule.params["span"]) if "span" in rule.params else match.span()
                if start == end or any(blocked[start:end]):
                    continue
                before = text[max(0, start - _CONTEXT_WINDOW) : start]
                if rule.before is not None and not rule.before.search(before):
                    continue
                if rule.not_before is not None and rule.not_before.search(before):
                    continue
                after = text[end : end + _CONTEXT_WINDOW]
                if rule.after is not None and not rule.after.search(after):
                    continue
                if rule.not_after is not None and rule.not_after.search(after):
                    continue
                if rule.not_around is not None and rule.not_around[0].search(before) \
                        and rule.not_around[1].search(after):
                    continue
                found.append((start, end, index, rule, match))
    return found


def _anchor_hits(text: str, grammar: _Grammar) -> list[tuple[int, int, frozenset[str]]]:
    """Every anchor in the text, in order: (start, end, its kinds)."""
    digit = frozenset({"digit"})
    none: frozenset[str] = frozenset()
    return [(hit.start(), hit.end(), digit if hit.group().isdigit() else grammar.anchor_kinds.get(_key(hit.group()), none))
            for hit in grammar.anchor.finditer(text)]


def _near(text: str, hits: list[tuple[int, int, frozenset[str]]], kind: str) -> tuple[list[int], list[int]]:
    """Stretches around the anchors of one kind (see _stretches_around)."""
    return _stretches_around(text, [(start, end) for start, end, kinds in hits if kind in kinds])


def _stretches_around(text: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Stretches of twice a window's reach each way around the spans (in order), merged, as (starts, ends).
    Like a window, a stretch ends at a non-word character."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in spans:
        lo, hi = max(0, start - 2 * _WINDOW_BEFORE), min(len(text), end + 2 * _WINDOW_AFTER)
        boundary = _NON_WORD.search(text, hi)
        hi = boundary.start() if boundary else len(text)
        if ends and lo <= ends[-1]:
            ends[-1] = max(ends[-1], hi)
        else:
            starts.append(lo)
            ends.append(hi)
    return starts, ends


def _within(stretches: tuple[list[int], list[int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The parts of the stretches inside [lo, hi)."""
    starts, ends = stretches
    found = []
    for n in range(bisect.bisect_right(ends, lo), len(starts)):
        if starts[n] >= hi:
            break
        found.append((max(starts[n], lo), min(ends[n], hi)))
    return found


def _windows(text: str, hits: list[tuple[int, int, frozenset[str]]]) -> list[tuple[int, int, frozenset[str]]]:
    """Stretches of text around anchors, merged, with the kinds of anchor inside each.

    Everything else cannot hold a time expression. A window ends at a non-word character, so
    its end never cuts a word in two.
    """
    windows: list[tuple[int, int, frozenset[str]]] = []
    for start, end, kinds in hits:
        lo = max(0, start - _WINDOW_BEFORE)
        hi = min(len(text), end + _WINDOW_AFTER)
        if windows and lo <= windows[-1][1]:
            previous = windows.pop()
            lo, kinds = previous[0], previous[2] | kinds
            if hi <= previous[1]:
                windows.append((lo, previous[1], kinds))
                continue
        boundary = _NON_WORD.search(text, hi)
        windows.append((lo, boundary.start() if boundary else len(text), kinds))
    return windows


_NON_WORD = re.compile(r"\W")


def _resolve(rule: _Rule, match: re.Match, ctx: _Context) -> _Resolved | None:
    try:
        return RESOLVERS[rule.resolver](match, rule.params, ctx)
    except _Unanchored as missing:
        return _Resolved(missing.type, missing.value, None, None, missing.granularity, "no publication date")
    except (ValueError, OverflowError):
        # Off the calendar ("il y a 9999999 ans", "le 1er siècle" before year 1): not placeable, so not an event.
        return None


# --- calendar arithmetic ----------------------------------------------------------------------------


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shift(day: date, unit: str, n: float) -> date:
    """`day` moved by n units (negative: back), for the units of a table's UNITS."""
    if unit in ("D",):
        return day + timedelta(days=round(n))
    if unit in ("W", "WE"):
        return day + timedelta(weeks=round(n))
    if unit == "M":
        return _add_months(day, round(n))
    if unit == "Q":
        return _add_months(day, round(3 * n))
    if unit == "Y":
        return _add_months(day, round(12 * n))
    if unit == "DE":
        return _add_months(day, round(120 * n))
    if unit == "CE":
        return _add_months(day, round(1200 * n))
    return day  # hours, minutes, seconds stay on the same day


def _period(day: date, unit: str) -> _Resolved:
    """The calendar period of `unit` that contains `day`: week 2025-W33, month 2025-07, year 2025…"""
    if unit in ("D", "H", "MIN", "S"):
        return _Resolved("DATE", day.isoformat(), day, day, "day")
    if unit == "W":
        year, week, weekday = day.isocalendar()
        monday = day - timedelta(days=weekday - 1)
        return _Resolved("DATE", f"{year}-W{week:02d}", monday, monday + timedelta(days=6), "week")
    if unit == "WE":
        year, week, weekday = day.isocalendar()
        saturday = day - timedelta(days=weekday - 1) + timedelta(days=5)
        return _Resolved("DATE", f"{year}-W{week:02d}-WE", saturday, saturday + timedelta(days=1), "week")
    if unit == "M":
        return _Resolved("DATE", f"{day.year}-{day.month:02d}", day.replace(day=1),
                         _month_end(day.year, day.month), "month")
    if unit == "Q":
        quarter = (day.month - 1) // 3 + 1
        first = date(day.year, 3 * quarter - 2, 1)
        return _Resolved("DATE", f"{day.year}-Q{quarter}", first, _month_end(day.year, 3 * quarter), "quarter")
    if unit == "Y":
        return _Resolved("DATE", str(day.year), date(day.year, 1, 1), date(day.year, 12, 31), "year")
    if unit == "DE":
        first = day.year - day.year % 10
        return _Resolved("DATE", str(first // 10), date(first, 1, 1), date(first + 9, 12, 31), "decade")
    first = day.year - day.year % 100
    return _Resolved("DATE", f"{first // 100:02d}", date(first, 1, 1), date(first + 99, 12, 31), "decade")


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _lookup(mapping: dict, text: str | None):
    if text is None:
        return None
    key = _key(text)
    return mapping.get(key, mapping.get(key.replace("'", "’")))


def _number(text: str, ctx: _Context) -> int | float | None:
    """'dix-huit' -> 18, '24' -> 24, 'a' -> 1."""
    text = text.strip()
    if text.isdigit():
        return int(text)  # exact, however long: a float would print 1.2e29 as 123456789012345677877719597056
    if text[0].isdigit():
        # "2,5 ans" in French, "1,000 years" in English: the table says which mark is decimal.
        other = "." if ctx.table.DECIMAL_SEPARATOR == "," else ","
        return float(text.replace(other, "").replace(ctx.table.DECIMAL_SEPARATOR, "."))
    words = ctx.table.NUMBER_WORDS
    single = _lookup(words, text)
    if single is not None:
        return float(single)
    try:
        return float(text2num(_key(text), ctx.table.LANG))
    except ValueError:
        return None


def _duration_value(n: float | None, unit: str) -> str:
    """P3M, PT24H, P10Y for a decade, PXY for a vague count."""
    if n is None:
        count = "X"
        scale = {"DE": "Y", "CE": "Y", "Q": "M"}
        return f"PT{count}{'M' if unit == 'MIN' else unit}" if unit in ("H", "MIN", "S") \
            else f"P{count}{scale.get(unit, unit)}"
    factor, letter = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "WE": (1, "W")}.get(unit, (1, unit))
    amount = n * factor
    if amount != int(amount):
        smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN")}
        if letter in smaller:
            mult, letter = smaller[letter]
            amount *= mult
    count = f"{int(amount)}" if amount == int(amount) else f"{amount:g}"
    if letter in ("H", "MIN", "S"):
        return f"PT{count}{'M' if letter == 'MIN' else letter}"
    return f"P{count}{letter}"


def _unit_code(match: re.Match, ctx: _Context) -> str | None:
    return _lookup(ctx.table.UNITS, _group(match, "unit"))


def _group(match: re.Match, name: str) -> str | None:
    # Not groupdict(): it builds a dict of all the rule's named groups (dozens) for the one asked.
    return match.group(name) if name in match.re.groupindex else None


def _direction(match: re.Match, ctx: _Context) -> int | None:
    return _lookup(ctx.table.DIRECTIONS, _group(match, "dir"))


def _mod(match: re.Match, ctx: _Context) -> str | None:
    return _lookup(ctx.table.MODS, _group(match, "mod"))


def _clip(resolved: _Resolved, mod: str | None, ctx: _Context) -> _Resolved:
    """'plus tôt cette année' ends at the publication date; 'later this year' starts there."""
    if resolved.date is None or ctx.published is None:
        return resolved
    if mod == "EARLIER" and resolved.date <= ctx.published <= (resolved.end_date or ctx.published):
        return _Resolved(resolved.type, resolved.value, resolved.date, ctx.published, resolved.granularity)
    if mod == "LATER" and resolved.date <= ctx.published <= (resolved.end_date or ctx.published):
        return _Resolved(resolved.type, resolved.value, ctx.published, resolved.end_date, resolved.granularity)
    return resolved


def _with_partday(resolved: _Resolved, partday: str | None, ctx: _Context) -> _Resolved:
    code = partday if partday in _PART_CODES else _lookup(ctx.table.PARTS_OF_DAY, partday)
    if not code:
        return resolved
    return _Resolved("TIME", f"{resolved.value}T{code}", resolved.date, resolved.end_date, resolved.granularity,
                     resolved.unresolved)


# --- resolvers ----------------------------------------------------------------------------------------


def _year_of(match: re.Match) -> int | None:
    year = _group(match, "year")
    if year:
        return int(year)
    yy = _group(match, "yy")
    if yy:
        short = int(yy.lstrip("'’"))
        return 1900 + short if short >= 30 else 2000 + short
    return None


def _weekday_date(weekday: int, direction: int | None, start: int, end: int, ctx: _Context) -> date:
    """Nearest such weekday in the article's week: the same day if it is today, else the past one,
    or the coming one when the sentence is in the future tense (or the text says "prochain")."""
    dct = ctx.dct(f"XXXX-WXX-{weekday + 1}", granularity="day")
    back = (dct.weekday() - weekday) % 7
    forward = (weekday - dct.weekday()) % 7
    if direction == -1:
        return dct - timedelta(days=back or 7)
    if direction == 1:
        return dct + timedelta(days=forward or 7)
    if back == 0:
        return dct
    if ctx.future_tense(start, end):
        return dct + timedelta(days=forward)
    return dct - timedelta(days=back)


def _calendar(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    table = ctx.table
    month_word = _group(match, "month")
    month = _lookup(table.MONTHS, month_word)
    weekday = _lookup(table.WEEKDAYS, _group(match, "weekday"))
    day = _group(match, "day")
    if day is None and _group(match, "dayword"):
        day = str(_lookup(table.DAY_WORDS, match.group("dayword")))  # "May sixth"
    year = _year_of(match)
    direction = _direction(match, ctx)
    mod = _mod(match, ctx)
    partday = _group(match, "partday") or params.get("partday")
    if month is not None and _key(month_word) in table.AMBIGUOUS_MONTHS:
        if not month_word[0].isupper():
            return None
        if day is None and year is None and direction is None and mod is None:
            before = ctx.text[max(0, match.start() - _CONTEXT_WINDOW) : match.start()]
            if not ctx.grammar.month_context.search(before):
                return None
    if month is None:
        if weekday is None:
            return None
        found = _weekday_date(weekday, direction, match.start(), match.end(), ctx)
        return _with_partday(_period(found, "D"), partday, ctx)
    if day is not None:
        day_n = int(day)
        if day_n > 31:
            return None
        if year is None:
            try:
                dct = ctx.dct(f"XXXX-{month:02d}-{day_n:02d}", granularity="day")
            except _Unanchored:
                if day_n > calendar.monthrange(2024, month)[1]:
                    return None
                raise
            tense = ctx.tense(match.start(), match.end()) if direction is None else 0
            fitting = [y for y in (dct.year - 1, dct.year, dct.year + 1)
                       if weekday is not None and day_n <= calendar.monthrange(y, month)[1]
                       and date(y, month, day_n).weekday() == weekday]
            if fitting:
                # "jeudi 2 octobre": the weekday names the year, whatever the tense.
                year = min(fitting, key=lambda y: abs((date(y, month, day_n) - dct).days))
            elif tense or direction:
                # The day against the publication date in the direction the sentence points
                # ("adoptée le 3 mars" -> the past one, "sera votée le 3 mars" -> the coming one).
                pointing = direction or tense
                # The publication day itself is both past and future: move the base one day against the
                # direction so it may be returned ("SAN FRANCISCO, Oct 29 – X will cut…" on Oct 29).
                base = dct - timedelta(days=pointing)
                if month_word.lower() in table.MONTHS:
                    found = _day_toward(month, day_n, base, pointing > 0)  # dateparser's answer, computed
                else:  # a spelling the table does not hold as such (a Unicode case variant): ask dateparser
                    found = _parse_with_dateparser(f"{day_n} {month_word}", ctx, base, pointing)
                if found is None:
                    return None
                year = found.year
            else:
                # No tense to go by: the nearest such day, which dateparser has no setting for.
                year = _nearest_year(month, day_n, dct, direction)
        if day_n > calendar.monthrange(year, month)[1]:
            return None
        return _with_partday(_period(date(year, month, day_n), "D"), partday, ctx)
    if year is None:
        dct = ctx.dct(f"XXXX-{month:02d}", granularity="month")
        if direction is None:
            direction = 1 if ctx.future_tense(match.start(), match.end()) else -1
            year = dct.year if (month - dct.month) * direction >= 0 else dct.year + direction
        else:
            year = dct.year if (month - dct.month) * direction > 0 else dct.year + direction
    return _clip(_period(date(year, month, 1), "M"), mod, ctx)


def _parse_with_dateparser(phrase: str, ctx: _Context, base: date, direction: int) -> date | None:
    """dateparser.parse on a candidate we found, never on free text, with the language and the base fixed.

    >>> from datetime import date
    >>> ctx = _Context(_grammar("fr"), "", date(2025, 12, 5))
    >>> _parse_with_dateparser("3 mars", ctx, date(2025, 12, 5), -1), _parse_with_dateparser("3 mars", ctx, date(2025, 12, 5), 1)
    (datetime.date(2025, 3, 3), datetime.date(2026, 3, 3))
    """
    return _dateparser_day(phrase, ctx.lang, base, direction > 0)


# The result depends only on these four inputs, and the same phrase is asked for twice per article (once
# while choosing among overlapping matches, once when placing the chosen one): each call costs ~5 ms.
@lru_cache(maxsize=1024)
def _dateparser_day(phrase: str, lang: str, base: date, future: bool) -> date | None:
    settings = {
        "RELATIVE_BASE": datetime.combine(base, time()),
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    parsed = dateparser.parse(phrase, languages=[lang], settings=settings)
    return parsed.date() if parsed else None


def _day_toward(month: int, day: int, base: date, future: bool) -> date | None:
    """The day `day` of `month` in the year of `base`, moved a year toward the direction when it falls the
    other side of `base` (a day equal to `base` counts as past): what dateparser answers for "3 mars" with
    RELATIVE_BASE=base and PREFER_DATES_FROM, without its ~5 ms of parsing. A 29 February off a leap
    year goes to the nearest leap year that way; a day the month does not have is None.
    tests/test_events.py holds this to dateparser's answers.

    >>> _day_toward(3, 3, date(2025, 12, 5), False), _day_toward(3, 3, date(2025, 12, 5), True)
    (datetime.date(2025, 3, 3), datetime.date(2026, 3, 3))
    """
    step = 1 if future else -1
    try:
        found = date(base.year, month, day)
    except ValueError:
        if (month, day) != (2, 29):
            return None
        found = date(_leap_year(base.year, step), 2, 29)
    if (base < found) != future or (base == found and future):
        try:
            found = found.replace(year=found.year + step)
        except ValueError:
            found = date(_leap_year(found.year, step), 2, 29)
    return found


def _leap_year(year: int, step: int) -> int:
    """The first leap year after `year` (step 1) or before it (step -1)."""
    year += step
    while not calendar.isleap(year):
        year += step
    return year


def _nearest_year(month: int, day: int, dct: date, direction: int | None) -> int:
    options = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        if day <= calendar.monthrange(year, month)[1]:
            delta = (date(year, month, day) - dct).days
            if direction is None or delta * direction > 0:
                options.append((abs(delta), year))
    return min(options)[1] if options else dct.year


def _year(match: re.Match, params: dict, ctx: _Context) -> _Resolved:
    return _clip(_period(date(_year_of(match), 1, 1), "Y"), _mod(match, ctx), ctx)


def _season(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    table = ctx.table
    word = match.group("season")
    code = _lookup(table.SEASONS, word)
    direction = _direction(match, ctx)
    year = _year_of(match)
    if _key(word) in table.AMBIGUOUS_SEASONS and not (direction is not None or year or _group(match, "mod")):
        # "a été" is a verb and "the fall in prices" a noun: a bare "été"/"fall" needs a determiner and,
        # for "the", a preposition before it ("in the fall").
        det = _group(match, "det")
        before = ctx.text[max(0, match.start() - _CONTEXT_WINDOW) : match.start()]
        if det is None and not word[0].isupper():
            return None
        if det is not None and _key(det) in table.SEASON_DETERMINERS_NEEDING_CONTEXT \
                and not ctx.grammar.month_context.search(before):
            return None
    if year is None:
        dct = ctx.dct(f"XXXX-{code}", granularity="month")
        # The winter that straddles New Year is "this winter" in January and February: the one ending.
        year = dct.year - 1 if code == "WI" and dct.month <= _SEASON_MONTHS["WI"][1] else dct.year
        this_start, this_end = _season_bounds(code, year)
        if direction == -1 and this_end >= dct:
            year -= 1
        elif direction == 1 and this_start <= dct:
            year += 1
    start, end = _season_bounds(code, year)
    return _Resolved("DATE", f"{year}-{code}", start, end, "month")


def _season_bounds(code: str, year: int) -> tuple[date, date]:
    first, last = _SEASON_MONTHS[code]
    return date(year, first, 1), _month_end(year + 1 if code == "WI" else year, last)


def _decade(match: re.Match, params: dict, ctx: _Context) -> _Resolved:
    digits = match.group("decade").lstrip("'’")
    if len(digits) == 2:
        digits = ("19" if int(digits) >= 30 else "20") + digits
    return _period(date(int(digits), 1, 1), "DE")


def _century(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    raw = match.group("century").upper()
    romans = {"XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20, "XXI": 21}
    number = romans.get(raw) or (int(raw) if raw.isdigit() else None)
    if not number or number < 1:
        return None
    return _period(date(max(1, (number - 1) * 100), 1, 1), "CE")


def _relative(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    unit = _unit_code(match, ctx)
    if unit is None:
        return None
    shift = params.get("shift")
    if shift == "tense":
        dct = ctx.dct("XXXX-WXX-WE" if unit == "WE" else "XXXX-XX", granularity=_UNIT_GRANULARITY.get(unit))
        on_it = unit == "WE" and dct.weekday() >= 5
        # From a weekday, the coming weekend is in the same ISO week and the past one a week back.
        shift = 0 if on_it or ctx.tense(match.start(), match.end()) == 1 else -1
    direction = _direction(match, ctx)
    if direction is not None:
        shift = direction if shift is None else shift + direction
    if shift is None:
        return None
    fallback = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX",
                "DE": "XXX", "CE": "XX"}.get(unit, "XXXX-XX-XX")
    dct = ctx.dct(fallback, granularity=_UNIT_GRANULARITY.get(unit))
    dir_word = _group(match, "dir")
    if dir_word and _key(dir_word) in ctx.table.ANAPHORIC and ctx.last_date is not None:
        dct = ctx.last_date
    if dir_word and _key(dir_word) in ctx.table.LATEST:
        # "the latest quarter": the one the text just named, else the last one complete.
        if ctx.last_date is not None and ctx.last_granularity == _UNIT_GRANULARITY.get(unit):
            dct, shift = ctx.last_date, 0
        else:
            shift = -1
    fiscal_start = _lookup(ctx.table.FISCAL_YEAR_STARTS, _group(match, "unit"))
    if fiscal_start is not None:
        return _fiscal_year(dct, fiscal_start, shift)
    return _clip(_period(_shift(dct, unit, shift), unit), _mod(match, ctx), ctx)


def _fiscal_year(day: date, first_month: int, shift: int) -> _Resolved:
    """The financial year holding `day` (moved by `shift` years): year granularity from its first day."""
    first_year = day.year if day.month >= first_month else day.year - 1
    start = date(first_year + shift, first_month, 1)
    end = _add_months(start, 12) - timedelta(days=1)
    return _Resolved("DATE", str(end.year), start, end, "year")  # TimeML names it by the year it ends in


def _anchored(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'ces derniers mois', 'the past two years', 'la prochaine décennie': a duration with a known place."""
    unit = _unit_code(match, ctx)
    direction = _direction(match, ctx)
    if unit is None or direction is None:
        return None
    direction = direction or -1
    num = _group(match, "num")
    n = _number(num, ctx) if num else None
    vague = _group(match, "few") is not None or (num is None and (_key(match.group("dir")).endswith("s")
                                                                  or _key(match.group("unit")).endswith("s")))
    if n is None and not vague:
        n = 1.0
    value = _duration_value(n, unit)
    if vague:
        # A vague count ("ces derniers mois", "the past few years") is a duration, kept off the timeline.
        return _Resolved("DURATION", value)
    if num:
        # "the past two years", "les trois prochains jours": a span measured from the publication date,
        # on the timeline from its beginning (TimeML still reads it as a duration).
        return _span_from(ctx.dct(value, "DURATION"), unit, direction * n, value)
    # "la prochaine décennie", "the next decade": one period from the publication date.
    dct = ctx.dct(value, "DATE", _UNIT_GRANULARITY.get(unit))
    other_end = _shift(dct, unit, direction)
    start, end = (other_end, dct) if direction < 0 else (dct, other_end)
    return _Resolved("DATE", value, start, end, _UNIT_GRANULARITY.get(unit))


def _consecutive(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'two consecutive quarters', 'la 2ème semaine consécutive', 'the third straight day': periods in a row
    that end with the one the text is about, the latest of that unit it has named; else a run of days ends on
    the publication day, and a run of weeks, months, quarters or years on the last one over by then."""
    unit = _unit_code(match, ctx)
    if unit not in _RUN_UNITS:
        return None
    count = _group(match, "num")
    n = _number(count, ctx) if count else _ordinal_count(_group(match, "nth"), ctx)
    if n is None or n != int(n) or not 2 <= n <= _LONGEST_RUN:
        return None
    n = int(n)
    value = _duration_value(n, unit)
    granularity = _UNIT_GRANULARITY[unit]
    if granularity in ctx.latest:
        last = _period(ctx.latest[granularity], unit)
    else:
        published = ctx.dct(value, "DURATION", granularity)
        last = _period(published if unit == "D" else _shift(published, unit, -1), unit)
    first = _period(_shift(last.date, unit, -(n - 1)), unit)
    return _Resolved("DURATION", value, first.date, last.end_date, granularity)


_RUN_UNITS = frozenset({"D", "W", "M", "Q", "Y"})
_LONGEST_RUN = 100  # "the 101st consecutive day" is a count, no longer a period anyone places on a timeline


def _ordinal_count(text: str | None, ctx: _Context) -> int | None:
    """'2ème' -> 2, 'third' -> 3."""
    if text is None:
        return None
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else _lookup(language_table(ctx.lang).ORDINAL_WORDS, text)


# A span counted in these units is placed at this granularity: "the past two years" starts on a day of a month.
_SPAN_GRANULARITY = {"Y": "month", "DE": "year", "CE": "decade", "Q": "month", "M": "day", "W": "day", "WE": "day",
                     "D": "day", "H": "day", "MIN": "day", "S": "day"}


def _span_from(base: date, unit: str, n: float, value: str) -> _Resolved:
    """n units from `base` (back when n < 0) as a placed duration: 'depuis trois mois', 'the next three days'."""
    other = _shift(base, unit, n)
    start, end = (other, base) if n < 0 else (base, other)
    return _Resolved("DURATION", value, start, end, _SPAN_GRANULARITY.get(unit, "day"))


def _since(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'depuis trois mois': the duration, placed from its beginning up to the publication date."""
    found = _duration(match, params, ctx)
    if found is None or found.type != "DURATION" or _group(match, "num") is None:
        return found
    n = _number(match.group("num"), ctx)
    unit = _unit_code(match, ctx)
    if not n or unit is None:
        return found
    return _span_from(ctx.dct(found.value, "DURATION"), unit, -n, found.value)


def _ago(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    unit = _unit_code(match, ctx)
    n = _number(match.group("num"), ctx)
    if unit is None or n is None:
        return None
    fallback = {"M": "XXXX-XX", "Y": "XXXX", "DE": "XXXX", "CE": "XXXX"}.get(unit, "XXXX-XX-XX")
    dct = ctx.dct(fallback, granularity=_UNIT_GRANULARITY.get(unit))
    moved = _shift(dct, unit, params["dir"] * n)
    if unit == "Y" and n == 1:
        return _period(moved, "M")  # "a year ago" is the same month a year back
    return _period(moved, {"W": "D", "WE": "D", "DE": "Y", "CE": "Y", "Q": "M"}.get(unit, unit))


def _deictic(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    word = _group(match, "deictic")
    days = params.get("days")
    if word is not None:
        days = _lookup(ctx.table.DEICTIC_DAYS, word)
    if days is None:
        return None
    partday = _group(match, "partday")
    if word is not None and partday is None:
        partday = _lookup(ctx.table.DEICTIC_PARTS_OF_DAY, word)
    if days == 0 and partday is None and match.group() == word and ctx.clauses is not None \
            and ctx.clauses.names_no_fact(match.start(), match.end()):
        # "l'opposition aujourd'hui", "Today was a great day": the present as a topic, no fact dated.
        type_ = next((t for v, t in ctx.table.REFS.values() if v == "PRESENT_REF"), "DATE")
        return _Resolved(type_, "PRESENT_REF", unresolved="vague: the present, not a dated fact")
    if params.get("from_context"):
        base = ctx.anchor_day("XXXX-XX-XX")
    else:
        base = ctx.dct("XXXX-XX-XX", granularity="day")
    code = partday if partday in _PART_CODES else _lookup(ctx.table.PARTS_OF_DAY, partday)
    if code == "NI" and days == 0 and params.get("from_context") and base == ctx.published \
            and ctx.tense(match.start(), match.end()) == -1:
        # "il a déposé plainte dans la nuit" in the day's report: the night that ended that morning.
        night = base - timedelta(days=1)
        return _Resolved("TIME", f"{night.isoformat()}TNI", night, base, "day")
    return _with_partday(_period(base + timedelta(days=days), "D"), partday, ctx)


def _clock(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    word = _group(match, "word")
    if word is not None:
        hour, minute = _lookup(ctx.table.CLOCK_WORDS, word)
    else:
        hour = int(match.group("hour"))
        minute_text = _group(match, "minute")
        ampm = _group(match, "ampm")
        if "ampm" in match.re.groupindex and ampm is None and minute_text is None:
            return None
        if ampm and hour > 12:
            return None
        if ampm and _key(ampm) in ctx.table.PM_MARKERS and hour < 12:
            hour += 12
        if ampm and _key(ampm) not in ctx.table.PM_MARKERS and hour == 12:
            hour = 0
        minute = int(minute_text) if minute_text else 0
    weekday = _lookup(ctx.table.WEEKDAYS, _group(match, "weekday"))
    deictic = _lookup(ctx.table.DEICTIC_DAYS, _group(match, "deictic"))
    clock = f"T{hour:02d}:{minute:02d}"
    try:
        if deictic is not None:
            day = ctx.dct("XXXX-XX-XX" + clock) + timedelta(days=deictic)
        elif weekday is not None:
            day = _weekday_date(weekday, None, match.start(), match.end(), ctx)
        else:
            day = ctx.clock_day(match.start(), "XXXX-XX-XX" + clock)
    except _Unanchored:
        raise _Unanchored("XXXX-XX-XX" + clock, "TIME", "day")
    return _Resolved("TIME", day.isoformat() + clock, day, day, "day")


def _duration(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    unit = _unit_code(match, ctx)
    if unit is None:
        return None
    num = _group(match, "num")
    frac = _group(match, "frac")
    if num is not None:
        n = _number(num, ctx)
        if n is None or n == 0:
            return None
        before = ctx.text[max(0, match.start() - _CONTEXT_WINDOW) : match.start()]
        after = ctx.text[match.end() : match.end() + _CONTEXT_WINDOW]
        if unit == "Y" and num.strip().isdigit() and ctx.grammar.age_years.search(before) \
                and not ctx.grammar.not_age_years.search(after):
            return None
    elif frac is not None:
        n = _lookup(ctx.table.FRACTIONS, frac.split()[-1])
    else:
        n = None
    value = _duration_value(n, unit)
    if n and num is not None and ctx.last_date is not None and unit in ("D", "W", "M", "Q", "Y", "DE"):
        # "three years later", "une semaine auparavant": counted from the time the text just named.
        after = ctx.text[match.end() : match.end() + _CONTEXT_WINDOW]
        later = ctx.grammar.later.search(after)
        sign = 1 if later else -1 if ctx.grammar.earlier.search(after) else 0
        # Only in a narrative in the past: "the estimate three years later is…" is a general statement.
        if sign and ctx.tense(match.start(), match.end()) == -1:
            moved = _shift(ctx.last_date, unit, sign * n)
            placed = _period(moved, {"W": "W", "DE": "Y", "Q": "Q"}.get(unit, unit))
            return _Resolved("DURATION", value, placed.date, placed.end_date, placed.granularity)
    return _Resolved("DURATION", value)


def _set(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    if "value" in params:
        return _Resolved("SET", params["value"])
    weekday = _lookup(ctx.table.WEEKDAYS, _group(match, "weekday"))
    if weekday is not None:
        return _Resolved("SET", f"XXXX-WXX-{weekday + 1}")
    season = _lookup(ctx.table.SEASONS, _group(match, "season"))
    if season is not None:
        return _Resolved("SET", f"XXXX-{season}")
    partday = _lookup(ctx.table.PARTS_OF_DAY, _group(match, "partday"))
    if partday is not None:
        return _Resolved("SET", f"XXXX-XX-XXT{partday}")
    unit = _unit_code(match, ctx)
    if unit is None:
        return None
    num = _group(match, "num")
    n = _number(num, ctx) if num else 1.0
    return _Resolved("SET", _duration_value(n, unit))


def _ref(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    found = _lookup(ctx.table.REFS, match.group("ref"))
    if found is None:
        return None
    value, type_ = found
    if value == "PRESENT_REF" and _key(match.group("ref")) in ctx.table.UNPLACED_REFS:
        # "GDP is now 0.4% below": an aspect of the sentence more often than a date of a fact.
        return _Resolved(type_, value, unresolved="vague: the present, not a dated fact")
    if value == "PRESENT_REF":
        day = ctx.dct(value, type_, "day")
        return _Resolved(type_, value, day, day, "day")
    when = "before" if value == "PAST_REF" else "after"
    return _Resolved(type_, value, unresolved=f"vague: some time {when} publication")


def _quarter(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    ordinal = _lookup(ctx.table.ORDINALS, _group(match, "ordinal"))
    if _group(match, "qn"):
        ordinal = int(match.group("qn"))
    half = params.get("half", False)
    count = 2 if half else 4
    part = ordinal if ordinal is not None else count
    if not 1 <= part <= count:
        return None
    months = 6 if half else 3
    code = f"H{part}" if half else f"Q{part}"
    year = _year_of(match)
    direction = _direction(match, ctx)
    if year is None and direction is not None:
        # "the first half of last year", "the third quarter of next year".
        year = ctx.dct(f"XXXX-{code}", granularity="month" if half else "quarter").year + direction
    if year is None:
        dct = ctx.dct(f"XXXX-{code}", granularity="month" if half else "quarter")
        current = (dct.month - 1) // months + 1
        year = dct.year if part <= current else dct.year - 1
    first = date(year, months * (part - 1) + 1, 1)
    if not half:
        return _period(first, "Q")
    return _Resolved("DATE", f"{year}-{code}", first, _month_end(year, months * part), "month")


def _holiday(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'Noël', 'Christmas Eve': a fixed day, in the year the tense points to (else the nearest)."""
    month, day = _lookup(ctx.table.HOLIDAYS, match.group("holiday"))
    year = _year_of(match)
    if year is None:
        dct = ctx.dct(f"XXXX-{month:02d}-{day:02d}", granularity="day")
        tense = ctx.tense(match.start(), match.end())
        year = _nearest_year(month, day, dct - timedelta(days=tense), tense or None)
    return _period(date(year, month, day), "D")


def _iso_week(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'S41', 'week 12 of 2024', 'la 12e semaine de l'année 2024': an ISO week, in the year named or the
    publication's (the year before when that week is still more than a week ahead)."""
    week = int(match.group("week"))
    year = _year_of(match)
    if year is None:
        dct = ctx.dct(f"XXXX-W{week:02d}", granularity="week")
        year = dct.isocalendar()[0]
        if date.fromisocalendar(year, week, 1) > dct + timedelta(days=7) and ctx.tense(match.start(), match.end()) != 1:
            year -= 1
    return _period(date.fromisocalendar(year, week, 1), "W")


def _week_of(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'the week of May 4', 'la semaine du 4 mai': the ISO week holding that day."""
    day = _calendar(match, params, ctx)
    if day is None or day.date is None:
        return day
    return _period(day.date, "W")


def _same_period(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'the same quarter a year ago', 'la saison passée à la même période': the period the text is talking
    about, a year back. A named unit ("quarter") takes the last period the text named at that granularity;
    "the same period" the time named earlier in its sentence ("so far this year, … the same period last
    year"), else the publication's month."""
    unit = _unit_code(match, ctx)
    if unit is not None:
        granularity = _UNIT_GRANULARITY.get(unit)
        base = ctx.dct({"Q": "XXXX-QX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX"), granularity=granularity)
        if ctx.last_date is not None and ctx.last_granularity == granularity:
            base = ctx.last_date
        return _period(_shift(base, "Y", -1), unit)
    dct = ctx.dct("XXXX-XX", granularity="month")
    if ctx.last_period is not None and not _SENTENCE_END.search(ctx.text, ctx.last_period[0], match.start()):
        named = ctx.last_period[1]
        unit = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}.get(named.granularity or "")
        if unit is not None and named.end_date is not None:
            whole = _period(_shift(named.date, "Y", -1), unit)
            return _Resolved("DATE", whole.value, whole.date, _shift(named.end_date, "Y", -1), whole.granularity)
    return _period(_shift(dct, "Y", -1), "M")


def _month_day(match: re.Match, params: dict, ctx: _Context) -> _Resolved | None:
    """'the 14th', 'le 14': a day of the month the text is in (the last day or month it named, else the
    publication's), the most recent one in a report and the coming one in the future."""
    raw = match.group("day")
    day_n = int(raw)
    if ctx.last_date is not None and ctx.last_granularity in ("day", "month"):
        base = ctx.last_date
        if day_n > calendar.monthrange(base.year, base.month)[1]:
            return None
        return _period(date(base.year, base.month, day_n), "D")
    dct = ctx.dct(f"XXXX-XX-{day_n:02d}", granularity="day")
    direction = 1 if ctx.tense(match.start(), match.end()) == 1 else -1
    first = dct.replace(day=1)
    for months in range(0, 13):
        month = _add_months(first, direction * months)
        if day_n > calendar.monthrange(month.year, month.month)[1]:
            continue
        candidate = month.replace(day=day_n)
        if (candidate - dct).days * direction >= 0:
            return _period(candidate, "D")
    return None


RESOLVERS: dict[str, Callable[[re.Match, dict, _Context], _Resolved | None]] = {
    "week": _iso_week,
    "week_of": _week_of,
    "same_period": _same_period,
    "month_day": _month_day,
    "since": _since,
    "calendar": _calendar,
    "year": _year,
    "season": _season,
    "decade": _decade,
    "century": _century,
    "relative": _relative,
    "anchored": _anchored,
    "consecutive": _consecutive,
    "ago": _ago,
    "deictic": _deictic,
    "clock": _clock,
    "duration": _duration,
    "set": _set,
    "ref": _ref,
    "quarter": _quarter,
    "holiday": _holiday,
}

