"""Figures: values, units, qualifiers and the traps that are not figures, per language."""
import math

import pytest

from lib.extract.figures import find_figures
from lib.extract.nlp import parse
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
    ("quatre-vingts ans", [("quatre-vingts ans", 80, "ans", None)]),
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
    "le 1er mai et le premier jour",
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
    "on the 1st and 2nd",
    "since 2022",
    "F-35 jets and the G7",
    "at 10:30",
    "see https://example.com/search?q=30%25%2020% for details",
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


def test_numbers_inside_time_expressions_belong_to_events_except_counts_of_time():
    # "le 31 mai 2021" is the event's; "trois ans" is a duration with a number, so a figure too.
    text = "Le 31 mai 2021, il y a trois ans, 40 soldats"
    assert figures(text, "fr", taken=[(3, 14), (16, 32)]) == [
        ("trois ans", 3, "ans", None), ("40", 40, "soldats", None)]


@pytest.mark.parametrize("lang, text", [("fr", "Plus de 200 et 9,4 % et deux milliards"), ("en", "over 3.5 and $4bn")])
def test_figure_offsets_point_at_their_text_and_values_are_finite(lang, text):
    found = find_figures(text, lang, [], [])
    assert found
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
        assert math.isfinite(figure.value)


# ANNOTATION.md's figures beyond plain counts, one behaviour per row: (lang, text, expected figures).
# Values are what an analyst checks; units follow the counted noun, the measure or "(rank)"/"(âge)".
DEFINED_BY_ANNOTATION = [
    # durations carry their unit; compound durations are one figure in the smaller unit
    ("en", "The estimate three years later", [("three years", 3, "years", None)]),
    ("fr", "condamné à 20 ans de réclusion", [("20 ans", 20, "ans", None)]),
    ("en", "for five minutes and six seconds", [("five minutes and six seconds", 306, "seconds", None)]),
    ("en", "Her time of 15 minutes, 41.40 seconds", [("15 minutes, 41.40 seconds", 941.4, "seconds", None)]),
    ("fr", "les cinq prochaines années", [("cinq prochaines années", 5, "années", None)]),
    ("en", "on a two-week mission", [("two-week", 2, "week", None)]),
    ("en", "about an hour later", [("about an hour", 1, "hour", "about")]),
    ("fr", "pendant plus d'un an", [("plus d'un an", 1, "an", "more than")]),
    ("en", "Suppliers must give 30 days' notice", [("30 days", 30, "days", None)]),
    # a duration is a figure even when it dates a point; a clock time is not a duration
    ("en", "three years ago", [("three years", 3, "years", None)]),
    ("fr", "rendez-vous à 5 heures", []),
    # "X and a half"
    ("fr", "4 ans et demi de prison", [("4 ans et demi", 4.5, "ans", None)]),
    ("fr", "un an et demi", [("un an et demi", 1.5, "an", None)]),
    ("en", "two and a half years", [("two and a half years", 2.5, "years", None)]),
    ("en", "3 million and a half", [("3 million and a half", 3_500_000, None, None)]),
    # ages
    ("fr", "Ils sont âgés d'environ 18 ans.", [("environ 18 ans", 18, "ans (âge)", "about")]),
    ("fr", "Bronchiolite (moins de 1 an)", [("moins de 1 an", 1, "an (âge)", "less than")]),
    ("fr", "chez les 75 ans et plus", [("75 ans et plus", 75, "ans (âge)", "at least")]),
    ("en", "the 15-year-old record", [("15-year-old", 15, "years (age)", None)]),
    # temperatures and other measures
    ("en", "a fever of 38.1C", [("38.1", 38.1, "°C", None)]),
    ("fr", "il a fait 41,2 °C", [("41,2", 41.2, "°C", None)]),
    ("fr", "une masse de 125 GeV", [("125", 125, "GeV", None)]),
    ("en", "the 15-hundred meter run", [("15-hundred", 1500, "meter", None)]),
    # scores are two figures
    ("en", "won 32-30 on Sunday", [("32", 32, None, None), ("30", 30, None, None)]),
    # ordinals from "second" up that count
    ("fr", "la huitième année consécutive", [("huitième", 8, "année consécutive (rank)", None)]),
    ("fr", "à la 63e minute", [("63e", 63, "minute (rank)", None)]),
    ("fr", "pour la 2ème semaine consécutive", [("2ème", 2, "semaine consécutive (rank)", None)]),
    ("fr", "la dixième année", [("dixième", 10, "année (rank)", None)]),
    ("fr", "le 80e anniversaire", [("80e", 80, "anniversaire (rank)", None)]),
    ("fr", "la vingt-et-unième édition", [("vingt-et-unième", 21, "édition (rank)", None)]),
    ("en", "a fourth death", [("fourth", 4, "death (rank)", None)]),
    ("en", "the third-largest number", [("third", 3, "largest number (rank)", None)]),
    ("en", "the 75th anniversary", [("75th", 75, "anniversary (rank)", None)]),
    ("en", "for a third straight year", [("third", 3, "straight year (rank)", None)]),
    # fractions and ratios
    ("en", "about a quarter of all refugees", [("about a quarter", 0.25, "all refugees", "about")]),
    ("fr", "un tiers des votants", [("un tiers", 0.333333, "votants", None)]),
    ("fr", "la dixième des parts", [("la dixième", 0.1, "parts", None)]),
    ("en", "three quarters of voters", [("three quarters", 0.75, "voters", None)]),
    ("fr", "dans trois cas sur cinq", [("trois cas sur cinq", 0.6, "cas", None)]),
    ("fr", "un Français sur cinq", [("un Français sur cinq", 0.2, "Français", None)]),
    ("en", "one in five adults", [("one in five", 0.2, "adults", None)]),
    ("fr", "61 services sur 694", [("61", 61, "services", None), ("694", 694, "services", None)]),
    ("fr", "320 consultations pour 100.000 habitants",
     [("320", 320, "consultations pour 100.000 habitants", None)]),
    ("en", "12 deaths per 100,000 people", [("12", 12, "deaths per 100,000 people", None)]),
    # half, dozens, vague plurals
    ("en", "half a million people", [("half a million", 500_000, "people", None)]),
    ("fr", "un demi-million de visiteurs", [("un demi-million", 500_000, "visiteurs", None)]),
    ("en", "two dozen ships", [("two dozen", 24, "ships", None)]),
    ("en", "half a dozen eggs", [("half a dozen", 6, "eggs", None)]),
    ("en", "thousands of buildings", [("thousands", 1000, "buildings", "more than")]),
    ("en", "tens of thousands of households", [("tens of thousands", 10_000, "households", "more than")]),
    ("en", "hundreds of thousands of people", [("hundreds of thousands", 100_000, "people", "more than")]),
    ("en", "dozens of people", [("dozens", 12, "people", "more than")]),
    ("en", "millions of people", [("millions", 1_000_000, "people", "more than")]),
    ("fr", "des milliers d'agriculteurs", [("des milliers", 1000, "agriculteurs", "more than")]),
    ("fr", "des dizaines de milliers de manifestants", [("des dizaines de milliers", 10_000, "manifestants", "more than")]),
    ("fr", "des centaines de blessés", [("des centaines", 100, "blessés", "more than")]),
    ("fr", "une quarantaine de morts", [("une quarantaine", 40, "morts", "about")]),
    # qualifiers and signs
    ("fr", "Pas moins 50 maisons", [("Pas moins 50", 50, "maisons", "at least")]),
    ("fr", "un recul de - 33 % des ventes", [("- 33 %", -33, "%", None)]),
    ("fr", "15,2 % de moins", [("15,2 %", 15.2, "%", None)]),
    ("en", "with four guys running sub-10 seconds", [("four", 4, "guys", None),
                                                   ("sub-10 seconds", 10, "seconds", "less than")]),
]
# Not figures: names, references, dates, fixed terms, the unit of time "second".
NOT_FIGURES_BY_ANNOTATION = [
    ("fr", "pendant la Seconde Guerre mondiale"),
    ("en", "the Second World War"),
    ("en", "the bill's second reading"),
    ("fr", "un troisième-ligne de Toulouse"),
    ("en", "in the third quarter"),
    ("fr", "le 4e arrondissement"),
    ("en", "the first time"),
    ("fr", "le Premier ministre"),
    ("en", "GDP fell in Quarter 3 (see Figure 1)"),
    ("fr", "voir la figure 1 et la loi n° 2021-689"),
    ("en", "under Article 5 of the treaty"),
    ("fr", "a cabré[1] au lieu de piquer[2]"),
    ("en", "London's FTSE 100 index"),
    ("en", "Air France Flight 447"),
    ("en", "one of the planners"),
    ("fr", "plusieurs semaines"),
]


@pytest.mark.parametrize("lang, text, expected", DEFINED_BY_ANNOTATION)
def test_figures_as_annotation_defines_them(lang, text, expected):
    assert figures(text, lang) == expected


@pytest.mark.parametrize("lang, text", NOT_FIGURES_BY_ANNOTATION)
def test_not_figures_as_annotation_defines_them(lang, text):
    assert figures(text, lang) == []


def test_heading_numbers_open_a_line_and_are_not_figures():
    assert figures("Summary.\n2. Headline GDP figures\nGDP fell 0.2%.", "en") == [("0.2%", 0.2, "%", None)]


def test_a_duration_inside_a_time_expression_is_still_a_figure():
    text = "depuis huit jours, vers 8 heures"
    assert figures(text, "fr", taken=[(0, 17), (19, 32)]) == [("huit jours", 8, "jours", None)]


# What the parse adds (the Doc extract() passes): names after a capitalised noun, years the tagger dates,
# "one" counting a noun, multiplier verbs, and "second" as a unit of time.
WITH_THE_PARSE = [
    ("en", "It carried one infant and one red card, one of the planners, one day.",
     [("one", 1, "infant", None), ("one", 1, "red card", None)]),
    ("en", "Partners plan to double the interior capacity.", [("double", 2, "times", None)]),
    ("en", "Premiums have more than doubled.", [("more than doubled", 2, "times", "more than")]),
    ("fr", "Le rythme devait presque doubler.", [("presque doubler", 2, "fois", "about")]),
    ("en", "It sliced three hundredths of a second off the record.", [("three hundredths", 0.03, None, None)]),
    ("en", "He won a second term.", [("second", 2, "term (rank)", None)]),
    ("en", "the Quarter 3 (July to Sept) 2022 estimates", []),
    # the counted noun from the parse where the rules find none or a verb
    ("en", "Some 30,000 additional U.S. troops will go.", [("Some 30,000", 30_000, "additional U.S. troops", "about")]),
    ("en", "Four Jamaican men won.", [("Four", 4, "Jamaican men", None)]),
    ("fr", "Dont 63,9 millions vivent en métropole.", [("63,9 millions", 63_900_000, None, None)]),
    ("fr", "Trois jeunes juifs portant la kippa.", [("Trois", 3, "juifs", None)]),
    ("fr", "Bilan démographique 2013 Trois mariages pour deux Pacs",
     [("Trois", 3, "mariages", None), ("deux", 2, "Pacs", None)]),
]


@pytest.mark.parametrize("lang, text, expected", WITH_THE_PARSE)
def test_figures_read_with_the_parse(lang, text, expected):
    doc = parse(text, lang)
    found = find_figures(text, lang, sentence_spans(text, lang), [], doc=doc)
    assert [(f.text, f.value, f.unit, f.approx) for f in found] == expected
