"""Search that forgives accents, case and small spelling differences, as analysts type names.

"Radakin" finds "Radhakin", "defense" finds "Défense": both sides are folded (accents
and case removed), then every word of the query must appear in the row, itself or as a
close spelling of one of the row's words (difflib's ratio, long words only, so "an"
never matches "on").

>>> fold("Défense  NATIONALE")
'defense nationale'
>>> close_words("radakin", ["radhakin", "russie", "healy"])
['radhakin']
"""
from __future__ import annotations

import difflib
import re
import unicodedata

import pandas as pd

# Below this length a one-letter difference changes the word ("pays"/"paix"): exact only.
MIN_FUZZY_LENGTH = 5
# difflib ratio a spelling must reach: "radakin"/"radhakin" is 0.93, "healy"/"heale" 0.8.
CUTOFF = 0.85
_WORD = re.compile(r"\w+")


def fold(text: object) -> str:
    """Lower case, accents removed, spaces collapsed: fold('Élysée') == 'elysee'."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def close_words(word: str, vocabulary, limit: int = 20) -> list[str]:
    """Words of `vocabulary` spelt closely to `word` (itself excluded); none for short words."""
    if len(word) < MIN_FUZZY_LENGTH:
        return []
    return [w for w in difflib.get_close_matches(word, vocabulary, n=limit, cutoff=CUTOFF) if w != word]


def matches(haystack: pd.Series, query: str) -> pd.Series:
    """Which rows of `haystack` (text per row) hold every word of `query`, accents and small misspellings forgiven.

    >>> matches(pd.Series(["Tony Radhakin a dit", "Healy"]), "radakin").tolist()
    [True, False]
    """
    folded = haystack.fillna("").astype(str).map(fold)
    keep = pd.Series(True, index=haystack.index)
    words = _WORD.findall(fold(query))
    if not words:
        return keep
    vocabulary = sorted({w for text in folded for w in _WORD.findall(text)})
    for word in words:
        spellings = [word, *close_words(word, vocabulary)]
        # The query word itself may be part of a longer word ("2022" in "février 2022", "planif");
        # a close spelling must be a whole word, or "radakin" would find any word containing "rad".
        pattern = re.escape(word) + "".join(f"|\\b{re.escape(s)}\\b" for s in spellings[1:])
        keep &= folded.str.contains(pattern, regex=True)
    return keep
