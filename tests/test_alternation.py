"""Word lists written as tries (lib.extract.alternation) match exactly what the flat alternation matched."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lib.extract.events as events
import lib.extract.figures as figures
import lib.extract.lang as lang_tables
from lib.extract.alternation import alternation, folded

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def flat(words, token=re.escape) -> str:
    return "|".join("".join(token(c) for c in w) for w in sorted(set(words), key=len, reverse=True))


def test_shared_beginnings_are_written_once_and_longer_words_come_first():
    assert alternation(["million", "millions", "m"]) == "m(?:illions?)?"
    assert alternation(["tiers", "tiers-monde", "tier"]) == r"tier(?:s(?:\-monde)?)?"
    assert re.fullmatch(alternation(["a b", "a"], lambda c: r"\s+" if c == " " else re.escape(c)), "a \t b")
    # Letters that IGNORECASE takes as one ('M'/'m', 's'/'ſ') at a fork leave the list flat.
    assert alternation(["Mme", "mmes"]) == flat(["Mme", "mmes"])
    assert alternation(["sa", "ſb"]) == flat(["sa", "ſb"])
    assert folded("ÉTÉ ſ") == "été s"


words = st.lists(st.text(alphabet="abAB é-'’", min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(words=words, text=st.text(alphabet="abAB é-'’.", max_size=40), ignorecase=st.booleans())
def test_a_factored_list_finds_what_the_flat_list_finds(words, text, ignorecase):
    flags = re.IGNORECASE if ignorecase else 0
    for tail in ("", r"(?!\w)", "b"):  # what follows may make the engine fall back to a shorter word
        mine = re.compile(f"(?:{alternation(words)}){tail}", flags)
        theirs = re.compile(f"(?:{flat(words)}){tail}", flags)
        assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)], (words, text)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_figure_and_event_pattern_finds_the_same_spans_as_with_flat_lists(lang, monkeypatch):
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob(f"*-{lang}.txt")))
    text += " Mi-mars, la mi-temps, deux tiers, a third, 3rd, 21e, cinquante-deux, twenty-one, aujourd’hui"
    factored_rules = [rule.regex for rule in events._grammar(lang).rules]
    factored_figures = vars(figures._patterns(lang))
    monkeypatch.setattr(events, "alternation", flat)
    monkeypatch.setattr(lang_tables, "factored_alternation", flat)
    events._grammar.cache_clear()
    figures._patterns.cache_clear()
    try:
        flat_rules = [rule.regex for rule in events._grammar(lang).rules]
        flat_figures = vars(figures._patterns(lang))
    finally:
        monkeypatch.undo()
        events._grammar.cache_clear()
        figures._patterns.cache_clear()
    compared = differ = 0
    for mine, theirs in zip(factored_rules + list(factored_figures.values()), flat_rules + list(flat_figures.values())):
        if not isinstance(mine, re.Pattern):
            continue
        differ += mine.pattern != theirs.pattern
        assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)], theirs.pattern[:80]
        compared += 1
    assert compared > 50 and differ > 20


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_figure_scan_is_skipped_only_where_it_could_match_nothing(lang):
    # find_figures skips a scan when the text holds none of its required words: sound only if every match
    # holds one, whatever its case. Checked on every match of every scan in the fixture articles and in
    # text dense with fractions, dozens and halves, also in capitals.
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob(f"*-{lang}.txt")))
    text += (" two thirds, a dozen, HALF A MILLION, tens of thousands, a fortnight, three out of four,"
             " deux tiers, une douzaine, UNE DEMI-DOUZAINE, des dizaines de milliers, trois sur quatre")
    checked = 0
    for _, name in figures._SCANS:
        literals = figures._scan_literals(lang)[name]
        if literals is None:
            continue
        for match in getattr(figures._patterns(lang), name).finditer(text):
            assert any(literal in folded(match.group()) for literal in literals), (name, match.group())
            checked += 1
    assert checked >= 30
