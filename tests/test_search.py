"""Search that forgives accents, case and small misspellings (lib.search)."""
from __future__ import annotations

import pandas as pd
import pytest

from lib.search import close_words, fold, matches

ROWS = pd.Series([
    "Tony Radhakin a averti en février 2022",
    "Le ministre de la Défense, John Healy",
    "Plus de 200 planificateurs de 30 pays",
    "The Prime Minister said on Friday",
])


@pytest.mark.parametrize("text, folded", [
    ("Défense", "defense"),
    ("  FÉVRIER\n2022 ", "fevrier 2022"),
    ("Ça coûte 5 €", "ca coute 5 €"),
])
def test_fold_removes_accents_case_and_extra_spaces(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("query, expected", [
    ("Radakin", [0]),  # one letter missing
    ("radhakin", [0]),
    ("defense", [1]),  # accent not typed
    ("DÉFENSE healy", [1]),  # every word, any order
    ("planif", [2]),  # the start of a word
    ("2022", [0]),
    ("pays", [2]),
    ("paix", []),  # short words are matched exactly: 'paix' is not 'pays'
    ("healy radakin", []),
    ("   ", [0, 1, 2, 3]),
])
def test_matches_finds_every_query_word_forgiving_accents_and_spelling(query, expected):
    assert [i for i, hit in matches(ROWS, query).items() if hit] == expected


def test_close_words_leaves_short_words_alone():
    assert close_words("pays", ["paix", "pays"]) == []
    assert close_words("radakin", ["radhakin", "radio"]) == ["radhakin"]
