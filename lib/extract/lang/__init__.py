"""Per-language data tables. A new language is a new pair of modules here, not new code.

`<lang>.py` holds the words for claims and figures (verbs of saying, number words,
units, qualifiers); `time_<lang>.py` holds the time words the event finder reads; `cues_<lang>.py` the attribution
words the speaker finder reads.
"""
from __future__ import annotations

import importlib
from types import ModuleType

from lib.extract.alternation import alternation as factored_alternation

SUPPORTED_LANGUAGES = ("fr", "en")


class UnsupportedLanguage(ValueError):
    """Raised for a language we ship no tables for; the message names it."""

    def __init__(self, lang: str | None):
        super().__init__(f"unsupported language: {lang or 'unknown'}")
        self.lang = lang


def table(lang: str) -> ModuleType:
    """The claims/figures table of `lang`, e.g. table('fr').QUALIFIERS."""
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(lang)
    return importlib.import_module(f"lib.extract.lang.{lang}")


def time_table(lang: str) -> ModuleType:
    """The time-expression table of `lang`, e.g. time_table('en')."""
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(lang)
    return importlib.import_module(f"lib.extract.lang.time_{lang}")


def cue_table(lang: str) -> ModuleType:
    """The attribution table of `lang` (cues of saying, roles, sources), e.g. cue_table('fr').CUE_LEMMAS."""
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(lang)
    return importlib.import_module(f"lib.extract.lang.cues_{lang}")


def alternation(words) -> str:
    """A regex alternation of a table's literal words, longest first so 'millions' wins over 'million',
    written as a trie so that the engine reads it fast (see lib.extract.alternation).

    >>> alternation(["million", "millions", "m"])
    'm(?:illions?)?'
    """
    return factored_alternation(words)
