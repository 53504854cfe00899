"""What the analyst is told when an expected failure happens: the error, then what to do next.

Messages from lib start in lower case so the command line can put them after "error: ";
`explain` writes them as a sentence for a person, with advice that fits where the input
came from (a paste is not a file).

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
# A SourceError's next step depends on where the text came from: the Load page says which.
SOURCE_ADVICE: dict[str, str] = {
    "paste": "Paste the article's text in the box, then press Read text.",
    "upload": "Check the file, or paste the article's text instead.",
    "url": "Check the address, or paste the article's text instead.",
    "seed": "The bundled article could not be read; paste its text instead.",
    "date": "Type the date as YYYY-MM-DD, or empty the box if the date is unknown.",
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


def explain(error: Exception, origin: str | None = None) -> str:
    """One line for the analyst: what went wrong, as a sentence, and what to do next.

    >>> explain(SourceError("the file is empty"))
    'The file is empty. Check the file or the address, or paste the text instead.'
    >>> explain(SourceError("empty text"), origin="paste")
    "Empty text. Paste the article's text in the box, then press Read text."
    """
    for kind, advice in ADVICE.items():
        if isinstance(error, kind):
            if kind is StoreUnavailable:
                return f"The review database cannot be reached ({error}). {advice}"
            if kind is SourceError and origin in SOURCE_ADVICE:
                advice = SOURCE_ADVICE[origin]
            message = sentence(str(error))
            return f"{message}. {advice}" if not message.endswith(".") else f"{message} {advice}"
    return f"Something went wrong: {error}"


def sentence(message: str) -> str:
    """`message` with a capital first letter (the rest as written: names and codes keep their case).

    >>> sentence("unsupported language: de")
    'Unsupported language: de'
    """
    return message[:1].upper() + message[1:]
