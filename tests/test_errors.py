"""lib.errors: every expected failure reads as what went wrong and what to do next."""
import pytest

from lib.errors import EXPECTED, explain
from lib.extract.lang import UnsupportedLanguage
from lib.language import LanguageUndetermined
from lib.sources import SourceError
from lib.store import StoreUnavailable
from lib.validation import InvalidInput


@pytest.mark.parametrize("error, expected", [
    (SourceError("the file is empty"), "The file is empty. Check the file or the address, or paste the text instead."),
    (SourceError("nothing to read."), "Nothing to read. Check the file or the address, or paste the text instead."),
    (UnsupportedLanguage("de"), "Unsupported language: de. Fact Desk reads French and English. "
                                "If the detection is wrong, pick the language by hand."),
    (LanguageUndetermined("could not tell the language of this text: choose fr or en"),
     "Could not tell the language of this text: choose fr or en. Fact Desk reads French and English. "
     "If the detection is wrong, pick the language by hand."),
    (StoreUnavailable("connection refused"), "The review database cannot be reached (connection refused). "
                                             "Your unsaved edits stay on this page; press Save again once the "
                                             "database is back."),
    (InvalidInput("analyst name too long: 10,000 characters, the limit is 100"),
     "Analyst name too long: 10,000 characters, the limit is 100. Correct it and try again."),
    (KeyError("x"), "Something went wrong: 'x'"),
])
def test_explain_says_what_went_wrong_and_what_to_do(error, expected):
    assert explain(error) == expected


def test_only_the_advised_failures_are_expected():
    assert set(EXPECTED) == {SourceError, UnsupportedLanguage, StoreUnavailable, InvalidInput}
    assert not isinstance(KeyError("x"), EXPECTED)


@pytest.mark.parametrize("origin, advice", [
    ("paste", "Paste the article's text in the box, then press Read text."),
    ("url", "Check the address, or paste the article's text instead."),
    (None, "Check the file or the address, or paste the text instead."),
])
def test_a_refused_source_is_advised_by_where_it_came_from(origin, advice):
    assert explain(SourceError("empty text (only whitespace)"), origin) == f"Empty text (only whitespace). {advice}"
