"""Figures: values, units, qualifiers and the traps that are not figures, per language."""
import math

import pytest

from lib.extract.figures import find_figures
from lib.extract.sentences import sentence_spans


def figures(text, lang, taken=()):
    sentences = sentence_spans(text, lang)
    return [(f.text, f.value, f.unit, f.approx) for f in find_figures(text, lang, sentences, list(taken))]


FRENCH = [
    ("Plus de 200 planificateurs militaires de 30 pays.", [
        ("Plus de 200", 200, "planificateurs militaires", "more than"), ("30", 30, "pays", None)]),
    ("Trois responsables européens ont déclaré", [("Trois", 3, "responsables européens", None)]),
    ("à 5% du PIB", [("5%", 5, "%", None)]),
    ("une hausse de 9,4 % des prix", [("9,4 %", 9.4, "%", None)]),
    ("2 718 soldats", [("2 718", 2718, "soldats", None)]),
    ("2\u202f718 soldats", [("2\u202f718", 2718, "soldats", None)]),
    ("1.500 emplois", [("1.500", 1500, "emplois", None)]),
    ("deux milliards de dollars", [("deux milliards", 2_000_000_000, "USD", None)]),
    ("2,5 milliards d'euros", [("2,5 milliards", 2_500_000_000, "EUR", None)]),
    ("40 millions €", [("40 millions €", 40_000_000, "EUR", None)]),
    ("cinq pour cent des votes", [("cinq pour cent", 5, "%", None)]),
    ("vingt et un morts", [("vingt et un", 21, "morts", None)]),
    ("quatre-vingt-dix députés", [("quatre-vingt-dix", 90, "députés", None)]),
    ("près de 30 % des agriculteurs", [("près de 30 %", 30, "%", "about")]),
    ("au moins cinq blessés", [("au moins cinq", 5, "blessés", "at least")]),
    ("moins de 10 km", [("moins de 10", 10, "km", "less than")]),
    ("jusqu'à 12 tonnes", [("jusqu'à 12", 12, "tonnes", "at most")]),
    ("un recul de -3 % du PIB", [("-3 %", -3, "%", None)]),
    ("les neuf pays du groupe", [("neuf", 9, "pays", None)]),
    ("Une vingtaine de députés du bloc central", [("Une vingtaine", 20, "députés", "about")]),
    ("deux tiers des électeurs", [("deux tiers", 0.666667, "électeurs", None)]),
    ("la moitié des foyers", [("la moitié", 0.5, "foyers", None)]),
    ("75 millions de $ d'obligations", [("75 millions de $", 75_000_000, "USD", None)]),
    ("un crédit de EUR 1000 pour la ferme", [("EUR 1000", 1000, "EUR", None)]),
    ("un recul de moins 3 %", [("moins 3 %", -3, "%", None)]),
    ("10 mille manifestants", [("10 mille", 10_000, "manifestants", None)]),
    ("quatre-vingts ans", [("quatre-vingts", 80, "ans", None)]),
    ("six nouveaux réacteurs nucléaires", [("six", 6, "réacteurs nucléaires", None)]),
    ("Trois ministres doivent recevoir", [("Trois", 3, "ministres", None)]),
    ("Trois des six ministres sont venus", [("Trois", 3, "ministres", None), ("six", 6, "ministres", None)]),
    ("environ 90 000 l'an dernier", [("environ 90 000", 90000, None, "about")]),
    ("400 millions d'euros, dont 150 millions pour les éleveurs", [
        ("400 millions", 400_000_000, "EUR", None), ("150 millions", 150_000_000, "EUR", None)]),
]
FRENCH_TRAPS = [
    "un accord avec une armée",
    "le premier jour du cessez-le-feu",
    "pendant la Seconde Guerre mondiale",
    "le 80e anniversaire",
    "le 1er mai et la 2e fois",
    "depuis 2022",
    "le COVID-19 et le G7",
    "un bâtiment neuf",
    "à 10h30 ou 10:30",
    "au premier plan avec la Russie",
]
ENGLISH = [
    ("More than 200 military planners from 30 countries", [
        ("More than 200", 200, "military planners", "more than"), ("30", 30, "countries", None)]),
    ("three European officials said", [("three", 3, "European officials", None)]),
    ("It costs $2.5bn.", [("$2.5bn", 2_500_000_000, "USD", None)]),
    ("about £40m a year", [("about £40m", 40_000_000, "GBP", "about")]),
    ("1,500.5 points", [("1,500.5", 1500.5, "points", None)]),
    ("5% of GDP", [("5%", 5, "%", None)]),
    ("five per cent of GDP", [("five per cent", 5, "%", None)]),
    ("twenty-one soldiers", [("twenty-one", 21, "soldiers", None)]),
    ("one hundred and twenty troops", [("one hundred and twenty", 120, "troops", None)]),
    ("at least five people", [("at least five", 5, "people", "at least")]),
    ("fewer than 10 ships", [("fewer than 10", 10, "ships", "less than")]),
    ("one million people", [("one million", 1_000_000, "people", None)]),
    ("€40 million in aid", [("€40 million", 40_000_000, "EUR", None)]),
    ("a 12 km front", [("12", 12, "km", None)]),
    ("Three of the six largest suppliers", [("Three", 3, "suppliers", None), ("six", 6, "suppliers", None)]),
    ("2.7 million more families", [("2.7 million", 2_700_000, "families", None)]),
    ("600,000 heat pumps a year, up from about 98,000", [
        ("600,000", 600_000, "heat pumps", None), ("about 98,000", 98_000, "heat pumps", "about")]),
    ("30 countries signed", [("30", 30, "countries", None)]),
    ("a dozen ships", [("a dozen", 12, "ships", "about")]),
    ("a third of households", [("a third", 0.333333, "households", None)]),
    ("two-thirds of voters", [("two-thirds", 0.666667, "voters", None)]),
    ("growth of minus five percent", [("minus five percent", -5, "%", None)]),
    ("40 000 is the same as 40\u202f000", [("40 000", 40_000, None, None), ("40\u202f000", 40_000, None, None)]),
    ("twenty-one million three hundred thousand", [("twenty-one million three hundred thousand", 21_300_000, None, None)]),
    ("a 9.2321312 ratio", [("9.2321312", 9.2321312, "ratio", None)]),
]
ENGLISH_TRAPS = [
    "one of the planners",
    "the Second World War",
    "the 80th anniversary",
    "on the 1st and 2nd",
    "since 2022",
    "F-35 jets and the G7",
    "at 10:30",
    "see https://example.com/search?q=30%25%2020% for details",
    "millions of people",
]


@pytest.mark.parametrize("text, expected", FRENCH)
def test_french_figures(text, expected):
    assert figures(text, "fr") == expected


@pytest.mark.parametrize("text", FRENCH_TRAPS)
def test_french_traps_are_not_figures(text):
    assert figures(text, "fr") == []


@pytest.mark.parametrize("text, expected", ENGLISH)
def test_english_figures(text, expected):
    assert figures(text, "en") == expected


@pytest.mark.parametrize("text", ENGLISH_TRAPS)
def test_english_traps_are_not_figures(text):
    assert figures(text, "en") == []


def test_numbers_inside_time_expressions_belong_to_events():
    text = "Il y a trois ans, 40 soldats"
    assert figures(text, "fr", taken=[(0, 16)]) == [("40", 40, "soldats", None)]


@pytest.mark.parametrize("lang, text", [("fr", "Plus de 200 et 9,4 % et deux milliards"), ("en", "over 3.5 and $4bn")])
def test_figure_offsets_point_at_their_text_and_values_are_finite(lang, text):
    found = find_figures(text, lang, [], [])
    assert found
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
        assert math.isfinite(figure.value)
