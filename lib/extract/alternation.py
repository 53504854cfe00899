"""A table's words as one regular expression that Python's engine reads fast (their shared beginnings
written once, 'm(?:illions?)?' for million, millions, m, as a trie), and the strings a pattern's every
match must contain (`required_literals`), so that a scan can skip text that holds none of them.

Python's `re` tries the alternatives of 'millions|million|m' one after the other at every position
where one may begin, and under IGNORECASE it cannot skip an alternative by its first letter: a list of
a hundred number or ordinal words cost a hundred tries at each word of the text. Factored, it costs
one try per letter that matches. The figures' and events' scans took 0.4-0.7x the time (same run).

The factored form matches exactly what the flat, longest-first alternation matches, in the same order
of preference: along one path a longer word is tried before its prefix (the end of a word is an
optional group, tried last), and two words that part at a letter can never both match at one place.
That holds only where no two branches begin with letters IGNORECASE takes as equal ('M' and 'm' of
'Mme' and 'mmes'): such a list is left flat.

>>> alternation(["million", "millions", "m"])
'm(?:illions?)?'
>>> alternation(["in", "into", "on"])
'(?:in(?:to)?|on)'
>>> alternation(["Mme", "mmes"])  # 'M' and 'm' are one letter under IGNORECASE: left flat
'mmes|Mme'
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import product

try:  # the stdlib's own regex parser, to read what a pattern's matches contain (private, so optional)
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover - a Python without them scans everything
    _sre = _sre_parser = None

try:  # the letters IGNORECASE takes as equal beyond lower case (private, so optional)
    from re._casefix import _EXTRA_CASES
    FOLD: dict[int, int] | None = {c: min(c, *others) for c, others in _EXTRA_CASES.items() if min(others) < c}
except ImportError:  # pragma: no cover - a Python without it: callers that need FOLD do without
    FOLD = None
# The letters FOLD changes, all outside ASCII ('ı', 'ſ', 'µ', Greek variants): most texts hold none of them.
_FOLDED_AWAY = tuple(chr(c) for c in FOLD or ())

_END = ""  # the key that marks a word's end in a trie node (no token is empty)


def folded(text: str) -> str:
    """`text` lower-cased, with the letters IGNORECASE also takes as equal ('ſ' and 's', 'ı' and 'i') made one."""
    lowered = text.lower()
    if lowered.isascii() or not any(letter in lowered for letter in _FOLDED_AWAY):
        return lowered  # translate() looks up every character: a tenth of the scans' time, for nothing
    return lowered.translate(FOLD or {})


def searchable(text: str) -> str | None:
    """`text` folded for looking up required strings with offsets that still point into `text`; None where
    folding changes its length (a letter that lowers to two, 'İ') or the folding table is missing."""
    if FOLD is None:
        return None
    lowered = folded(text)
    return lowered if len(lowered) == len(text) else None


def alternation(words: Iterable[str], token: Callable[[str], str] = re.escape) -> str:
    """A regex matching any of `words` (literal text), longest first; `token(character)` writes each
    character (default: escaped), e.g. a space as r'\\s+'.
    """
    ordered = sorted(set(words), key=len, reverse=True)
    flat = "|".join("".join(token(c) for c in word) for word in ordered)
    if "" in ordered or len(ordered) < 2:
        return flat
    trie: dict[str, dict] = {}
    for word in ordered:
        node = trie
        for character in word:
            node = node.setdefault(token(character), {})
        node[_END] = {}
    return flat if _ambiguous(trie) else _written(trie)


def _ambiguous(node: dict[str, dict]) -> bool:
    """Whether two branches of a node may match the same letter (case aside)."""
    keys = [key for key in node if key != _END]
    forms = [_letter(key) for key in keys]
    return len(set(forms)) != len(forms) or any(_ambiguous(node[key]) for key in keys)


def _letter(token: str) -> str:
    # An escaped character ('\\.') stands for itself; a class or a repeat ('\\s+', "['’]") for what it is.
    if len(token) == 2 and token[0] == "\\" and not token[1].isalnum():
        token = token[1]
    return folded(token) if len(token) == 1 else token


def _written(node: dict[str, dict]) -> str:
    branches = [key + _written(child) for key, child in node.items() if key != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    # The word may also end here: the rest is optional, and greedy, so the longer word is tried first.
    return body + "?" if _is_one_unit(body) else f"(?:{body})?"


def _is_one_unit(regex: str) -> bool:
    """Whether a '?' after `regex` makes the whole of it optional: one character, escaped or not
    (after '\\s+' it would make the repeat lazy instead)."""
    return len(regex) == 1 or (len(regex) == 2 and regex[0] == "\\")


# A set of required strings is worth looking for when each is at least this long and there are this many at most.
LITERAL_MIN = 3
LITERALS_MAX = 40
# Beyond this many strings, the words a part of a pattern can be are not spelt out.
_EXACT_MAX = 200


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings, folded, one of which every match of `pattern` (read case-insensitively) contains, when the
    pattern has a set of few strings long enough to be rare: 'siècle' for a century, 'ago' for "three years
    ago", 'consecutive'/'row'/'straight' for a run. None when it has none (or the parser is missing).

    >>> sorted(required_literals(r"\\d+\\s+(?:consecutive|in\\s+a\\s+row|straight)"))
    ['consecutive', 'row', 'straight']
    """
    if _sre_parser is None or FOLD is None:
        return None
    try:
        found = _literals_of_sequence(_sre_parser.parse(pattern, re.IGNORECASE))
    except (re.error, RecursionError):
        return None
    if found is None or len(found) > LITERALS_MAX or min(map(len, found)) < LITERAL_MIN:
        return None
    return frozenset(folded(literal) for literal in found)


def _literals_of_sequence(items) -> frozenset[str] | None:
    """The most selective set of strings one of which every match of the sequence contains, or None.

    Consecutive parts that can only match a few known strings (letters, a word list written as a trie, an
    optional letter) are spelt out together: every match holds one of their concatenations."""
    best: frozenset[str] | None = None
    run: set[str] = {""}

    def consider(candidate) -> None:
        nonlocal best
        if candidate and "" not in candidate:
            # 'years' holds 'year': looking for 'year' finds both.
            candidate = frozenset(c for c in candidate if not any(o != c and o in c for o in candidate))
            if best is None or _selectivity(candidate) > _selectivity(best):
                best = candidate

    for op, av in items:
        exact = _exact(op, av)
        if exact is not None and len(run) * len(exact) <= _EXACT_MAX:
            run = {a + b for a, b in product(run, exact)}
            continue
        consider(run)
        run = set(exact) if exact is not None else {""}
        if exact is not None:
            continue
        if op is _sre.BRANCH:
            alternatives = [_literals_of_sequence(alternative) for alternative in av[1]]
            if alternatives and all(alternatives):
                consider(frozenset().union(*alternatives))
        elif op is _sre.SUBPATTERN:
            consider(_literals_of_sequence(av[3]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] > 0:
            consider(_literals_of_sequence(av[2]))
        # Sets, categories, lookarounds and optional parts promise no string.
    consider(run)
    return best


def _exact(op, av) -> set[str] | None:
    """Every string one part of a pattern can match, when that is a few known strings, else None."""
    if op is _sre.LITERAL:
        return {chr(av)}
    if op is _sre.IN and all(item is _sre.LITERAL for item, _ in av) and len({folded(chr(v)) for _, v in av}) == 1:
        return {folded(chr(av[0][1]))}  # the parser's own spelling of 's' under IGNORECASE: [sſ]
    if op is _sre.SUBPATTERN:
        return _exact_sequence(av[3])
    if op is _sre.BRANCH:
        alternatives = [_exact_sequence(alternative) for alternative in av[1]]
        if any(a is None for a in alternatives) or sum(map(len, alternatives)) > _EXACT_MAX:
            return None
        return set().union(*alternatives)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        inner = _exact_sequence(av[2])
        return None if inner is None else inner | {""}
    return None


def _exact_sequence(items) -> set[str] | None:
    strings = {""}
    for op, av in items:
        exact = _exact(op, av)
        if exact is None or len(strings) * len(exact) > _EXACT_MAX:
            return None
        strings = {a + b for a, b in product(strings, exact)}
    return strings


def _selectivity(literals) -> tuple[int, int]:
    # The shortest string decides how often the set turns up; then the fewer strings, the better.
    return min(min(map(len, literals)), 8), -len(literals)
