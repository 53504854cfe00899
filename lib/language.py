"""Language detection, limited to the languages we ship tables for.

The detector also knows a handful of common other languages, so that a German or
Spanish article is reported as such ("unsupported language: de") instead of being
guessed into French or English, which is all a two-language detector could answer.

>>> detect_language("Le ministre de la Défense a déclaré vendredi que les troupes étaient prêtes.")
'fr'
"""
from __future__ import annotations

import re
from functools import lru_cache

from lib.extract.lang import SUPPORTED_LANGUAGES, UnsupportedLanguage

# ISO 639-1 codes the detector compares. Models load lazily and only for the script of the text,
# so the non-Latin ones cost nothing on a French article; the Latin ones are the languages most
# often confused with French or English. Never "all languages": that preloads about 1.3 GB.
COMPARED_LANGUAGES = SUPPORTED_LANGUAGES + (
    "de", "es", "it", "pt", "nl", "ca", "pl", "ro", "sv", "tr",
    "ru", "uk", "ar", "zh", "ja", "ko", "el", "he",
)

# Below this many letters even a good detector guesses; ask the user instead.
MIN_LETTERS = 40
# The detector reads a sample: the language of an article shows in its first pages, and
# detection time then stays flat for a 20 MB paste.
SAMPLE_CHARS = 10_000
# The winning language must be this sure, else the text is mixed or too odd to call.
MIN_CONFIDENCE = 0.5

_LETTER = re.compile(r"[^\W\d_]")
# A Chinese, Japanese or Korean character carries about a word: count it as several letters.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_LETTER_WEIGHT = 4


class LanguageUndetermined(UnsupportedLanguage):
    """The text is too short or too mixed to tell its language; the message says which."""

    def __init__(self, message: str):
        ValueError.__init__(self, message)
        self.lang = None


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in COMPARED_LANGUAGES]
    # Low-accuracy mode uses trigram models only: about 2 MB per language instead of about 25 MB,
    # with the same answers on texts over ~120 characters; shorter texts are refused anyway.
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language_confidence(text: str) -> dict[str, float]:
    """Confidence per compared language (ISO 639-1), highest first; empty when nothing can be told.

    >>> next(iter(detect_language_confidence("The defence secretary said on Friday that troops were ready.")))
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    values = _detector().compute_language_confidence_values(sample)
    result = {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}
    if not any(result.values()):
        return {}
    return dict(sorted(result.items(), key=lambda item: -item[1]))


def detect_language(text: str) -> str:
    """'fr' or 'en'; raises UnsupportedLanguage naming any other language, or why none can be told.

    >>> detect_language("Der Verteidigungsminister sagte am Freitag, die Truppen seien bereit.")
    Traceback (most recent call last):
    ...
    lib.extract.lang.UnsupportedLanguage: unsupported language: de
    """
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample)) + (CJK_LETTER_WEIGHT - 1) * len(_CJK.findall(sample))
    if letters < MIN_LETTERS:
        raise LanguageUndetermined(
            f"too little text to tell the language ({letters} letters, need {MIN_LETTERS}): choose fr or en"
        )
    confidence = detect_language_confidence(text)
    if not confidence:
        raise LanguageUndetermined("could not tell the language of this text: choose fr or en")
    (best, score), *rest = confidence.items()
    if score < MIN_CONFIDENCE:
        runner_up = f" or {rest[0][0]}" if rest else ""
        raise LanguageUndetermined(
            f"could not tell the language (mixed text? {best}{runner_up}): choose fr or en"
        )
    if best not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(best)
    return best


def detected_language(article) -> str:
    """The article's language as read, or detected from its text (UnsupportedLanguage for the others)."""
    return article.lang or detect_language(article.text)
