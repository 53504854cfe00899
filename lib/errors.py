"""What the analyst is told when an expected failure happens: the error, then what to do next.

>>> explain(ValueError("boom"))
'Something went wrong: boom'
"""
from __future__ import annotations

from lib.extract.lang import UnsupportedLanguage
from lib.sources import SourceError
from lib.store import StoreUnavailable
from lib.validation import InvalidInput

# The failures the analyst can act on, each with its next step; anything else is a bug and says so.
ADVICE: dict[type[Exception], str] = {
    SourceError: "Check the file or the address, or paste the text instead.",
    UnsupportedLanguage: "Fact Desk reads French and English. If the detection is wrong, pick the language by hand.",
    StoreUnavailable: "Your unsaved edits stay on this page; press Save again once the database is back.",
    InvalidInput: "Correct it and try again.",
}
EXPECTED: tuple[type[Exception], ...] = tuple(ADVICE)


def one_line(error: Exception) -> str:
    """The error on one line for a terminal; a failure nobody planned for is named by its class.

    >>> one_line(SourceError("empty   file "))
    'empty file'
    >>> one_line(KeyError("x"))
    "KeyError: 'x'"
    """
    message = " ".join(str(error).split()) or type(error).__name__
    return message if isinstance(error, EXPECTED) else f"{type(error).__name__}: {message}"


def explain(error: Exception) -> str:
    """One line for the analyst: what went wrong and what to do next.

    >>> explain(SourceError("the file is empty"))
    'the file is empty. Check the file or the address, or paste the text instead.'
    """
    for kind, advice in ADVICE.items():
        if isinstance(error, kind):
            if kind is StoreUnavailable:
                return f"The review database cannot be reached ({error}). {advice}"
            return f"{error}. {advice}" if not str(error).endswith(".") else f"{error} {advice}"
    return f"Something went wrong: {error}"
