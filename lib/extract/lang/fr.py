"""French words for claims and figures. Time words live in time_fr.py.

Everything here is data: lib/extract/figures.py, claims.py and speakers.py read it.
"""

# --- figures -----------------------------------------------------------------------------------

DECIMAL_SEPARATOR = ","
# Thousands are grouped with spaces (plain, no-break, thin no-break) or dots: "2 718", "1.500".
THOUSANDS_SEPARATORS = " \u00a0\u202f\u2009."

# Words that make up a number written out; text2num computes the value of the whole run.
NUMBER_WORDS = (
    "zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "vingt vingts trente quarante cinquante soixante septante octante nonante cent cents mille"
).split()
# Joiners allowed inside a run of number words: "vingt et un", "quatre-vingt-dix".
NUMBER_JOINERS = ("et", "-")
# Alone, these are articles or pronouns ("un accord", "une invasion"), not figures.
AMBIGUOUS_ALONE = ("un", "une")
# Number words that are also common adjectives ("un bâtiment neuf"): figures only after a determiner.
HOMOGRAPHS = ("neuf",)

SCALE_WORDS = {
    "douzaine": 12, "douzaines": 12,
    "mille": 1_000, "millier": 1_000, "milliers": 1_000,
    "million": 1_000_000, "millions": 1_000_000,
    "milliard": 1_000_000_000, "milliards": 1_000_000_000,
    "billion": 1_000_000_000_000, "billions": 1_000_000_000_000,
    "md": 1_000_000_000, "mds": 1_000_000_000, "mrd": 1_000_000_000,
    "m": 1_000_000,
}

PERCENT_WORDS = ("%", "pour cent", "pourcent", "p. 100", "pour 100")
PERCENTAGE_POINT_WORDS = ("points de pourcentage", "point de pourcentage", "points", "point")

CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH",
                    "₹": "INR", "C$": "CAD", "$CA": "CAD", "A$": "AUD", "HK$": "HKD", "R$": "BRL"}
# ISO codes written before or after the amount: "EUR 1000", "1000 EUR".
CURRENCY_CODES = ("EUR", "USD", "GBP", "JPY", "CHF", "CNY", "CAD", "AUD", "INR", "RUB", "UAH", "HKD", "BRL")
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR",
    "dollar": "USD", "dollars": "USD", "dollars américains": "USD",
    "livre sterling": "GBP", "livres sterling": "GBP", "livre": "GBP", "livres": "GBP",
    "yen": "JPY", "yens": "JPY", "rouble": "RUB", "roubles": "RUB",
    "hryvnia": "UAH", "hryvnias": "UAH", "franc suisse": "CHF", "francs suisses": "CHF",
    "yuan": "CNY", "yuans": "CNY", "roupie": "INR", "roupies": "INR", "roupies indiennes": "INR",
    "dollars canadiens": "CAD", "dollar canadien": "CAD", "dollars australiens": "AUD",
    "dollars de hong kong": "HKD", "réal": "BRL", "réais": "BRL",
}
# "deux tiers des électeurs", "la moitié des", "trois quarts": shares written as fractions.
FRACTIONS = {"moitié": 2, "tiers": 3, "quart": 4, "quarts": 4, "cinquième": 5, "cinquièmes": 5, "sixième": 6,
             "sixièmes": 6, "septième": 7, "septièmes": 7, "huitième": 8, "huitièmes": 8, "neuvième": 9,
             "neuvièmes": 9, "dixième": 10, "dixièmes": 10, "centième": 100, "centièmes": 100,
             "millième": 1000, "millièmes": 1000}
FRACTION_ARTICLES = ("un", "une", "la", "le")
# "les trois cas sur cinq", "un Français sur cinq": a ratio written with two numbers is one figure.
RATIO_LINKS = ("sur",)
RATIO_NUMERATOR_ARTICLES = ("un", "une")
# "320 consultations pour 100.000 habitants": a rate is one figure; its base belongs to the unit.
RATE_LINKS = ("pour",)
# "4 ans et demi", "deux heures et demie": half a unit more.
HALF_AFTER = ("et demi", "et demie")
# "un demi-million", "une demi-douzaine": half of a scale word.
HALF_BEFORE = ("un demi-", "une demi-", "demi-")
# Vague plurals: "des milliers" -> 1000 'more than'; "des dizaines de milliers" -> 10000.
VAGUE_QUANTITIES = {"dizaines": 10, "douzaines": 12, "centaines": 100, "milliers": 1_000, "millions": 1_000_000,
                    "milliards": 1_000_000_000}
VAGUE_DETERMINERS = ("des", "plusieurs", "quelques", "de", "les", "par")
VAGUE_LINKS = ("de", "d'", "d’")
VAGUE_APPROX = "more than"
# "moins 3 %": a minus written as a word (never "moins de", which is a qualifier).
NEGATIVE_WORDS = ("moins",)

# Measure units kept as written (the counted noun is the unit itself).
MEASURE_UNITS = (
    "km", "kilomètre", "kilomètres", "m²", "km²", "mètre", "mètres", "kg", "kilogramme", "kilogrammes",
    "tonne", "tonnes", "litre", "litres", "hectare", "hectares", "mégawatts", "MW", "GW", "°C", "degrés",
    "barils", "baril", "cm", "mm", "km/h", "kWh", "MWh", "GWh", "TWh", "kW", "GeV", "MeV", "TeV",
    "mg", "µg", "ml", "cl", "ha", "nœuds", "noeuds", "°F", "degrés Celsius", "C", "mètre", "millimètres",
    "centimètres", "kilos", "grammes", "Mt", "Gt", "ppm",
)
# Units written short that read better normalised: "38,1C" is 38.1 °C.
MEASURE_UNIT_NAMES = {"C": "°C", "degrés Celsius": "°C"}
# Units that measure time; a number before them is a duration (a figure even inside a time expression:
# "huit jours", "20 ans de réclusion"), in seconds so that "5 minutes et 6 secondes" adds up.
DURATION_UNITS = {
    "seconde": 1, "secondes": 1, "minute": 60, "minutes": 60, "heure": 3600, "heures": 3600,
    "jour": 86_400, "jours": 86_400, "journée": 86_400, "journées": 86_400, "semaine": 604_800,
    "semaines": 604_800, "mois": 2_629_746, "an": 31_556_952, "ans": 31_556_952, "année": 31_556_952,
    "années": 31_556_952, "décennie": 315_569_520, "décennies": 315_569_520, "siècle": 3_155_695_200,
    "siècles": 3_155_695_200,
}
# "cinq minutes et six secondes", "15 minutes, 41 secondes": one duration.
DURATION_JOINERS = (",", "et", ", et")
# "à 5 heures", "vers 8 heures": a clock time, not a duration.
CLOCK_BEFORE = ("à", "vers", "dès", "avant", "jusqu'à", "jusqu’à")
CLOCK_UNITS = ("heure", "heures")
# Ages: "âgés d'environ 18 ans", "un lycéen de 17 ans" is read as a duration; these cues make it an age.
AGE_BEFORE = ("âgé de", "âgée de", "âgés de", "âgées de", "âgé d'", "âgée d'", "âgés d'", "âgées d'", "âgé d’",
              "âgée d’", "âgés d’", "âgées d’", "chez les", "les plus de", "les moins de")
AGE_AFTER = ("et plus",)
AGE_UNIT_SUFFIX = " (âge)"
AGE_UNITS = ("an", "ans")
# Qualifiers written after the number: "75 ans et plus" is at least 75.
QUALIFIERS_AFTER = {"et plus": "at least", "ou plus": "at least", "et moins": "at most", "ou moins": "at most"}
# "doubler la capacité", "les prix ont triplé": a multiplier verb is a figure (value, unit "fois").
MULTIPLIER_VERBS = {"doubler": 2, "tripler": 3, "quadrupler": 4}
MULTIPLIER_UNIT = "fois"
# Spellings that are the verb whatever the tagger says ("devait presque doubler").
# Where to look for them in the text (the parse then decides).
MULTIPLIER_STEMS = ("doubl", "tripl", "quadrupl")
MULTIPLIER_INFINITIVES = ("doubler", "tripler", "quadrupler")
# French "un/une" is an article, never a count on its own (ANNOTATION.md).
ONE_IDIOM_NOUNS = None
# Words before a number that make it a label or a reference, not a quantity: "figure 1", "n° 2021-689".
LABEL_WORDS = (
    "figure", "graphique", "tableau", "article", "articles", "section", "chapitre", "annexe", "paragraphe",
    "alinéa", "page", "n°", "nº", "numéro", "vol", "salle", "phase", "étape",
    "ligne", "saison", "tome", "acte", "épisode", "version", "route", "quai", "porte", "terminal", "classe",
    "carte", "encadré", "note", "fiche", "bâtiment", "bloc", "zone", "secteur",
)

# Qualifier before the number -> the contract's `approx` vocabulary.
# Approximate counts: "une vingtaine de députés" is about 20.
APPROXIMATE_NUMERALS = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}
APPROXIMATE_ARTICLES = ("une",)

QUALIFIERS = {
    "plus de": "more than", "plus d'": "more than", "plus d’": "more than", "au-delà de": "more than",
    "près de": "about", "environ": "about", "quelque": "about", "quelques": "about", "autour de": "about",
    "approximativement": "about", "à peu près": "about", "presque": "about", "quasiment": "about",
    "moins de": "less than", "moins d'": "less than", "moins d’": "less than",
    "au moins": "at least", "pas moins de": "at least", "minimum": "at least",
    "au plus": "at most", "jusqu'à": "at most", "jusqu’à": "at most", "pas plus de": "at most",
    "au maximum": "at most", "pas moins": "at least", "un peu moins de": "less than", "un peu moins d'": "less than",
    "un peu plus de": "more than", "un peu plus d'": "more than", "largement plus de": "more than",
    "bien plus de": "more than", "plus d'une": "more than", "moins d'une": "less than",
}

# Between the number and its counted noun: "200 planificateurs", "2 milliards d'euros".
COUNTED_NOUN_LINKS = ("de", "d'", "d’")
# Words that end a counted noun phrase: prepositions, articles, conjunctions, frequent verbs.
NOUN_PHRASE_STOPS = (
    "de d' d’ du des le la les l' l’ un une et ou à au aux en dans sur pour par avec sans sous entre vers "
    "que qu' qu’ qui dont où ont a sont est était étaient sera seront ne n' n’ se s' s’ ce cette ces son sa ses "
    "leur leurs il elle ils elles on nous vous y plus moins contre selon depuis pendant après avant chez"
).split()
# Nouns after a number that mean it is not a count (it is a time or an ordinal use).
NOT_COUNTED_NOUNS = ()
# French adjectives follow the noun: "planificateurs militaires", "responsables européens".
ADJECTIVES_FOLLOW_NOUN = True
ADJECTIVE_ENDINGS = (
    "aire", "aires", "ien", "iens", "ienne", "iennes", "ais", "aise", "aises", "ique", "iques", "al", "ale",
    "ales", "aux", "el", "elle", "els", "elles", "if", "ifs", "ive", "ives", "éen", "éens", "éenne", "éennes",
    "ain", "ains", "aine", "aines", "é", "és", "ée", "ées", "eux", "euse", "euses", "ois", "oise", "oises",
    "ier", "iers", "ière", "ières", "ant", "ants", "ante", "antes",
)
# Adjectives that come before the noun: "six nouveaux réacteurs", "deux dernières centrales".
LEADING_MODIFIERS = (
    "nouveau", "nouveaux", "nouvelle", "nouvelles", "dernier", "derniers", "dernière", "dernières",
    "premiers", "premières", "grands", "grandes", "petits", "petites", "autres", "principaux", "principales",
    "jeunes", "vieux", "seuls", "seules", "anciens", "anciennes", "gros", "grosses", "plus", "prochains",
    "prochaines",
)
# "Trois des six ministres", "deux d'entre eux": the number counts the noun after the partitive.
PARTITIVE_LINKS = ("des", "d'entre les", "d’entre les", "parmi les")
# French verbs after a count are caught by the stop list; no ending rule is needed.
VERB_ENDINGS = ()
# Ordinal suffixes on digits ("80e", "2ème", "2nde"). An ordinal from 2 up that counts a position is a figure
# ("la 2ème semaine consécutive", "63e minute", "le 80e anniversaire"); "1er"/"premier" never is.
ORDINAL_SUFFIXES = ("e", "è", "ème", "eme", "er", "ère", "re", "nd", "nde", "ᵉ", "ᵉʳ")
ORDINAL_WORDS = {
    "second": 2, "seconde": 2, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6,
    "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13,
    "quatorzième": 14, "quinzième": 15, "seizième": 16, "vingtième": 20, "trentième": 30, "quarantième": 40,
    "cinquantième": 50, "soixantième": 60, "centième": 100, "millième": 1000,
}
# The last part of a compound ordinal: "vingt-et-unième", "quatre-vingt-dixième", "vingt-cinquième".
ORDINAL_UNITS = {"unième": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6,
                 "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10}
# After an ordinal these nouns name a calendar period, not a rank ("le troisième trimestre": an event);
# "consécutive" after them makes it a count again ("la 2ème semaine consécutive").
ORDINAL_PERIOD_NOUNS = ("trimestre", "trimestres", "semestre", "semestres", "siècle", "siècles", "millénaire",
                        "semaine", "semaines", "moitié")
# After an ordinal these nouns make it part of a name: "le 4e arrondissement", "la Ve République".
ORDINAL_NAME_NOUNS = ("arrondissement", "arrondissements", "circonscription", "république", "régiment",
                      "division", "brigade", "bataillon", "armée", "flotte", "étage", "chambre", "avenue", "rue")
CONSECUTIVE_WORDS = ("consécutive", "consécutives", "consécutif", "consécutifs", "d'affilée", "d’affilée")
# Ordinals inside fixed terms or names are not figures (lower-cased, as the text starts at the ordinal).
ORDINAL_FIXED_TERMS = (
    "seconde main", "second plan", "second degré", "seconde lecture", "deuxième lecture", "second tour",
    "second rôle", "seconds rôles", "seconde zone", "second souffle", "troisième âge", "quatrième pouvoir",
    "septième art", "septième ciel", "sixième sens", "cinquième colonne", "troisième voie", "troisième-ligne",
    "deuxième-ligne", "seconde-ligne", "second-ligne", "troisième ligne", "deuxième ligne", "seconde ligne",
    "second ligne", "tiers monde", "tiers-monde", "seconde guerre", "deuxième guerre",
)

# Determiners: "un"/"a" after one of these is an article, not a count (figures.py).
DETERMINERS = ("le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cette", "ces", "son", "sa",
               "ses", "leur", "leurs", "notre", "nos", "votre", "vos")

# --- claims and speakers -----------------------------------------------------------------------
# Attribution (verbs of saying, roles, sources, pronouns) lives in cues_fr.py; these words score
# whether a sentence is a checkable claim.

# A byline ("Par Camille Rousseau, à Toulouse") opens with this word; it is never a claim.
BYLINE_WORDS = ("par",)
# A reporter's sign-off ("Marie Dupont, qui rapporte depuis Genève"): this verb, a person, where or for whom.
SIGN_OFF_LEMMAS = ("rapporter",)
SIGN_OFF_PREPOSITIONS = ("depuis", "pour")

QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'), ("‹", "›"))

# Markers of opinion, feeling or promotion: such sentences are not checkable claims.
OPINION_CUES = (
    "je pense", "je crois", "je me méfie", "je suis convaincu", "je suis convaincue", "j'espère", "j’espère",
    "nous espérons", "je trouve", "à mon avis", "selon moi", "il me semble", "je suis heureux",
    "je suis heureuse", "nous sommes heureux", "je suis fier", "je suis fière", "j'aime", "j’aime",
    "je regrette", "je souhaite", "nous souhaitons", "quel dommage", "c'est magnifique", "c’est magnifique",
)
# Site furniture and marketing: a sentence with these is a promo, never a claim.
PROMO_CUES = (
    "newsletter", "gratuitement", "abonnez-vous", "inscrivez-vous", "cliquez", "votre guide", "lire aussi",
    "lire la suite", "partager", "publicité", "offre spéciale", "téléchargez",
    "pour plus d'informations", "pour plus d’informations", "veuillez consulter",
)
# Prescriptions and wishes are not checkable: "aucune famille ne devrait", "il faut".
NORMATIVE_CUES = ("devrait", "devraient", "il faut", "il ne faut pas", "il faudrait", "doivent être", "doit être")
# Nationality adjectives are lowercase in French but name actors as much as a capitalised name does
# ("les troupes britanniques", "les attaques russes"). Stems; endings vary with gender and number.
DEMONYM_STEMS = (
    "américain", "britannique", "français", "allemand", "russe", "ukrainien", "européen", "chinois",
    "italien", "espagnol", "polonais", "finlandais", "suédois", "norvégien", "néerlandais", "belge",
    "suisse", "canadien", "japonais", "indien", "iranien", "israélien", "palestinien", "turc", "syrien",
    "libanais", "égyptien", "saoudien", "africain", "asiatique", "atlantique", "occidental", "onusien",
    "gouvernemental", "ministériel", "présidentiel", "parlementaire", "militaire", "nucléaire",
)
# Words that make a statement checkable in itself: comparisons, records, causal claims.
FACT_CUES = (
    "plus que", "moins que", "record", "hausse", "baisse", "augmenté", "diminué", "doublé", "triplé",
    "premier", "dernier", "seul", "jamais", "depuis", "selon", "chiffre", "pourcentage", "budget",
)

# --- sentences ---------------------------------------------------------------------------------

# Words whose full stop does not end a sentence ("M. Healy", "av. J.-C."); pysbd's French table.
from pysbd.lang.french import French as _PysbdFrench  # noqa: E402  (data import, kept beside its use)

ABBREVIATIONS = frozenset(a.lower() for a in _PysbdFrench.Abbreviation.ABBREVIATIONS) | {"mme", "mlle", "dr", "pr", "gén", "col", "cdt"}

# --- parsing -----------------------------------------------------------------------------------

# The spaCy pipeline every French extractor reads (lib/extract/nlp.py); its files are checked
# against tests/model_manifest.json.
# How the dashboard names the language ("Loading the French language model…").
LANGUAGE_NAME = "French"
SPACY_MODEL = "fr_core_news_md"
