"""Sentence spans: quotes stay attached, hyphenated names are not split, lines are never crossed."""
from lib.extract.sentences import sentence_spans


def split(text, lang):
    return [text[s:e] for s, e in sentence_spans(text, lang)]


def test_french_quotes_and_hyphenated_country_names_stay_whole():
    text = "« Nous sommes prêts », a déclaré Healy. Le Royaume-Uni et la France ont agi."
    assert split(text, "fr") == ["« Nous sommes prêts », a déclaré Healy.", "Le Royaume-Uni et la France ont agi."]


def test_english_abbreviations_do_not_end_a_sentence():
    text = "Mr. Healy met Gen. Radakin in the U.S. on Friday. They spoke."
    assert split(text, "en") == ["Mr. Healy met Gen. Radakin in the U.S. on Friday.", "They spoke."]


def test_a_line_break_always_ends_a_sentence():
    assert split("Titre sans point\nLe texte commence ici.", "fr") == ["Titre sans point", "Le texte commence ici."]


def test_a_very_long_line_without_a_full_stop_is_still_covered():
    text = "mot " * 30_000
    spans = sentence_spans(text, "fr")
    assert spans[0][0] == 0 and spans[-1][1] == len(text.rstrip())
