"""French time words and the patterns that combine them; lib/extract/events.py reads this table.

Patterns are regular expressions with placeholders that the event finder fills in from the word
tables below: {month} {weekday} {season} {unit} {num} {few} {year} {yy} {day} {partday} {deictic}
{ref} {mod} {rmod} {ordinal} {clock}; {nth} (an ordinal that counts, "2ème", "troisième") and {consecutive}
come from the language's own table (lib/extract/lang/fr.py), where figures read them too. {mod} leaves out "plus tôt"/"plus tard", which only narrow
a period around the publication date ({rmod}, in "plus tôt cette année"). A space means "one or more spaces", an apostrophe matches ' and ’.
Each rule names the resolver that turns its match into a TIMEX3 value (see events.RESOLVERS),
optional parameters for it, and optional context the text before/after the match must show.
Keep every pattern free of nested unbounded repetition: the finder must stay linear-time.
"""

LANG = "fr"
DECIMAL_SEPARATOR = ","

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "janv.": 1, "févr.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12,
}
# Month words that are also ordinary words; alone they need a date context (none in French news).
AMBIGUOUS_MONTHS: frozenset[str] = frozenset()

WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}

SEASONS = {"printemps": "SP", "été": "SU", "eté": "SU", "automne": "FA", "hiver": "WI"}

# Unit words -> TIMEX3 duration unit (H, MIN, S are clock units: PT…).
UNITS = {
    "seconde": "S", "secondes": "S", "minute": "MIN", "minutes": "MIN", "heure": "H", "heures": "H",
    "jour": "D", "jours": "D", "journée": "D", "journées": "D",
    "semaine": "W", "semaines": "W", "mois": "M", "trimestre": "Q", "trimestres": "Q",
    "an": "Y", "ans": "Y", "année": "Y", "années": "Y",
    "décennie": "DE", "décennies": "DE", "siècle": "CE", "siècles": "CE", "week-end": "WE",
}

NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "mille": 1000,
}
# Joiners inside a run of number words ("dix-huit", "vingt et un").
# Articles count as one only on their own, never inside a run of number words.
NUMBER_ARTICLES = ("un", "une")
NUMBER_JOINERS = ("-", " ", "-et-", " et ")
# Fractions of a unit written as words: "un quart de siècle", "une demi-heure".
FRACTIONS = {"quart": 0.25, "demi": 0.5}
# Alone, these are ordinary seasons only with a determiner: "a été" is a verb, "l'été" a season.
AMBIGUOUS_SEASONS = frozenset({"été"})
SEASON_DETERMINERS_NEEDING_CONTEXT: tuple[str, ...] = ()
# Days of the month written as words (none in French news: "le premier" is not a date alone).
DAY_WORDS: dict[str, int] = {}
# Financial years that do not start in January ("l'exercice" is usually the calendar year in France).
FISCAL_YEAR_STARTS: dict[str, int] = {}
MONTH_CONTEXT_BEFORE = r"$^"

# After a clock hour, these mean the afternoon or evening: "à 8 heures du soir" is 20:00.
# Clock times written as words, and deictic words that also name a part of the day.
CLOCK_WORDS = {"midi": (12, 0), "minuit": (0, 0)}
# A time zone after a clock time is part of it: "12 h 30 locales", "20 h heure de Paris", "10 h GMT".
TIME_ZONE = (
    r"(?:(?-i:GMT|UTC|TU)(?:\s?[+-]\s?\d{1,2})?(?!\w)|(?:heures?\s+)?locales?|heure\s+(?:de\s+Paris|française|de\s+France))"
)
# Between a clock time and the day it is on: "à 11 h 10 le 1er juin" is one event.
CLOCK_DAY_JOINER = r"\s*,?\s*(?:le\s+)?"
DEICTIC_PARTS_OF_DAY: dict[str, str] = {}
PM_MARKERS = ("soir", "après-midi")

# Placeholder patterns that are not word lists.
DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:er|e)?(?!\d)"
CLOCK = r"(?P<hour>[01]?\d|2[0-3]) ?h(?: ?(?P<minute>[0-5]\d))?(?![\w:])"
DECADE = r"(?P<decade>(?:19|20)?\d0)(?!\d)"
CENTURY = r"(?P<century>XXI|XX|XIX|XVIII|XVII|XVI|\d{1,2})(?:e|ème)"

# Vague counts: "plusieurs années" is PXY.
FEW = ("plusieurs", "quelques", "des", "de nombreuses", "de nombreux", "nombreuses", "nombreux")

ORDINALS = {"premier": 1, "première": 1, "1er": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
            "quatrième": 4, "2e": 2, "3e": 3, "4e": 4}

PARTS_OF_DAY = {
    "matin": "MO", "matinée": "MO", "après-midi": "AF", "soir": "EV", "soirée": "EV", "nuit": "NI",
}

# Holidays on a fixed day: (month, day). Movable feasts (Pâques, Pentecôte) are left out.
HOLIDAYS = {
    "noël": (12, 25), "le jour de noël": (12, 25), "la veille de noël": (12, 24), "le réveillon": (12, 24),
    "la toussaint": (11, 1), "le jour de l'an": (1, 1), "la saint-sylvestre": (12, 31),
    "la saint-valentin": (2, 14), "l'armistice": (11, 11), "la fête nationale": (7, 14),
}

# Days counted from the publication date.
DEICTIC_DAYS = {
    "avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "après-demain": 2,
}

# Words that refer to the present, past or future without a date: value and TIMEX3 type.
REFS = {
    "maintenant": ("PRESENT_REF", "TIME"), "actuellement": ("PRESENT_REF", "TIME"),
    "désormais": ("PRESENT_REF", "TIME"), "à présent": ("PRESENT_REF", "TIME"),
    "pour l'instant": ("PRESENT_REF", "TIME"), "pour le moment": ("PRESENT_REF", "TIME"),
    "en ce moment": ("PRESENT_REF", "TIME"), "à l'heure actuelle": ("PRESENT_REF", "TIME"),
    "de nos jours": ("PRESENT_REF", "TIME"), "récemment": ("PAST_REF", "TIME"),
    "auparavant": ("PAST_REF", "TIME"),
    "l'avenir": ("FUTURE_REF", "TIME"), "à l'avenir": ("FUTURE_REF", "TIME"), "le futur": ("FUTURE_REF", "TIME"),
}

# Prefixes that narrow a period (TIMEX3 mod); the value keeps the period itself. {mod} also eats the
# preposition after the word: "début de l'année", "fin septembre", "mi-juillet".
MODS = {
    "début": "START", "au début": "START", "en début": "START", "le début": "START", "dès le début": "START",
    "fin": "END", "à la fin": "END", "en fin": "END", "la fin": "END", "mi-": "MID", "à la mi-": "MID",
    "courant": "MID", "plus tôt": "EARLIER", "plus tard": "LATER",
}
MOD_LINKS = ("de la", "de l'", "du", "de", "d'")

# Words that pick the previous or next occurrence: "jeudi dernier", "juin prochain".
DIRECTIONS = {
    "dernier": -1, "dernière": -1, "derniers": -1, "dernières": -1, "passé": -1, "passée": -1,
    "précédent": -1, "précédente": -1, "prochain": 1, "prochaine": 1, "prochains": 1, "prochaines": 1,
    "suivant": 1, "suivante": 1,
}
LATEST: frozenset[str] = frozenset()

# Before a bare four-digit number, these words make it a year ("en 2022", "depuis 2022").
YEAR_CONTEXT_BEFORE = (
    r"(?:\b(?:en|depuis|dès|jusqu'en|avant|après|entre|et|à|fin|début|mi|année|l'an|an|été|hiver|"
    r"printemps|automne|courant|vers|d'ici|horizon|saison|exercice|promotion|cru|millésime)|l'année|l’année|l'an|l’an|mi-|\(|"
    r"\b(?:19|20)\d\d\s*[-/])\s*$"
)
YEAR_CONTEXT_AFTER = r"^\s*(?:[,.;:)!?»/(]|-(?:19|20)\d\d|$|et\b|à\b)"
# A year that names an edition of something ("le budget 2013", "Bilan démographique 2013", "l'Euro 2016"), after
# the noun and at most one adjective ("le plan prévoit 2000 logements" is a count); never after "de" ("un budget
# de 2000 euros"), nor before a currency or percent.
YEAR_AFTER_NOUN = (
    r"\b(?:budget|bilan|rapport|édition|campagne|recensement|classement|palmarès|plan|programme|objectifs?|"
    r"loi\s+de\s+finances|PLF|PLFSS|rentrée|élections?|présidentielle|législatives|municipales|européennes|"
    r"régionales|sénatoriales|JO|Jeux|Mondial|Euro|Coupe\s+du\s+monde|Tour\s+de\s+France|festival|salon|cuvée|"
    r"récolte|vendanges|bac|baccalauréat)"
    r"(?:\s+[^\W\d]+(?:ique|iques|el|elle|els|elles|al|ale|aux|if|ive|ifs|aire|aires|ier|ière|éen|éenne|ain|aine|ais|aise))?"
    r"\s*$"
)
YEAR_AFTER_NOUN_NOT_AFTER = r"^\s*(?:%|€|\$|£|euros?\b|dollars?\b|millions?\b|milliards?\b)"

# After a number, these make it an address: "devant le 10, rue Paul-Bert".
STREET_AFTER = r"^\s*,?\s*(?:bis|ter|rue|avenue|av\.|boulevard|bd|place|chemin|allée|quai|impasse|route|cours)\b"

# Before "N ans", these make it an age, not a duration: "âgé de 24 ans", "un homme de 45 ans", "les 6-16 ans".
AGE_BEFORE = (
    r"(?:\bâgée?s? de|\d-|\b(?:homme|femme|garçon|fille|jeune|enfant|adolescente?|bébé|victime|conducteur|"
    r"conductrice|retraitée?|personne|individu|suspect|joueur|joueuse|mère|père)s? (?:âgée?s? )?de)\s*$"
)

# Before "N ans" only: "partir à la retraite à 64 ans" is an age, "condamné à 10 ans de prison" is not.
AGE_YEARS_BEFORE = r"\bà\s*$"
AGE_YEARS_NOT_AFTER = r"^\s*(?:de|d'|d’)"

# Verb forms and words that put a sentence in the future: a bare weekday then means the coming one.
FUTURE_CUES = (
    r"\b(?:sera|seront|aura|auront|fera|feront|ira|iront|va|vont|devra|devront|pourra|pourront|"
    r"pourrait|pourraient|devrait|devraient|prochain|prochaine|prochains|prochaines|demain|prévu|prévue|"
    r"prévus|prévues|doit|doivent|prévoit|prévoient|table sur|tablent sur|s'attend à|s'attendent à|"
    r"espère|espèrent|envisage|envisagent|(?:est|sont|sera|seront) attendue?s?|à partir d(?:e|u|es)|d'ici|jusqu'au|jusqu'à|à compter d(?:e|u)|\w{3,}(?:era|eront|ira|iront|dra|dront)|"
    r"\w{3,}r(?:ait|aient))\b"
)
# Past-tense cues; the cue nearest to a weekday or a month decides which way it points.
PAST_CUES = (
    r"\b(?:a|ont|avait|avaient|avons|avez|est|sont|était|étaient)\s+(?:(?:déjà|été|pas|bien|aussi|encore)\s+)?"
    r"\w+(?:é|ée|és|ées|i|is|it|u|us|ue|ert|erts|int|ait)\b|\b\w*[^r\W](?:ait|aient)\b|\bhier\b|\bdernier\b"
)
# A cue after one of these belongs to a relative clause, not to the time expression before it.
RELATIVE_PRONOUNS = r"\b(?:qui|que|qu'|qu’|dont|lequel|laquelle)"
# After a count of units, these count it from the time the text just named: "trois ans plus tard".
LATER_AFTER = r"^\s*(?:plus\s+tard|après\s*(?:[,.;:)]|$))"
EARLIER_AFTER = r"^\s*(?:auparavant|plus\s+tôt|avant\s*(?:[,.;:)]|$))"
# Between the two ends of a range ("to", "au"; not "and", which also lists): the first end takes the
# year the second names.
RANGE_JOINER = r"\s*(?:à|au|jusqu'(?:à|au|en)|-|–)\s*"
# Before a time expression, these point it forward even after a present perfect ("has closed schools until").
FORWARD_BEFORE = r"\b(?:jusqu['’](?:à|au|en)|d['’]ici(?:\s+à)?|à\s+partir\s+d(?:e|u)|à\s+compter\s+d(?:e|u))\s+(?:au\s+moins\s+|le\s+)?$"
# Present references that are off the timeline.
UNPLACED_REFS: frozenset[str] = frozenset()
# Direction words that count from the last date mentioned, not from the publication date.
ANAPHORIC = frozenset({"précédent", "précédente", "suivant", "suivante"})
# Read from the parse (lib/extract/clause.py): the future tense comes from the verb's morphology; these
# auxiliaries and verbs put an infinitive after them in the future ("va se rendre mardi", "doit voter jeudi").
FUTURE_AUXILIARIES: tuple[str, ...] = ()
# Auxiliaries of the compound past ("has met", "a rencontré"), by lemma.
PERFECT_AUXILIARIES = ("avoir", "être")
# Relative pronouns as subjects: "the plan, which was announced" is about the plan.
RELATIVE_SUBJECTS = ("qui", "que", "qu'", "qu’", "lequel", "laquelle")
PROSPECTIVE_LEMMAS = ("aller", "devoir", "prévoir", "attendre", "compter", "envisager", "espérer", "souhaiter", "vouloir",
                      "projeter", "apprêter", "promettre", "entendre")

# Literal words of RULES that are in no list above; the finder only looks around these and the lists.
ANCHORS = ("saison", "période", "lendemain", "veille", "trimestre", "semestre", "midi", "minuit", "siècle", "quotidiennement", "mensuellement", "annuel",
           "annuels", "annuelle", "annuelles", "annuellement", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI")

# Rules: (pattern, resolver, params). Overlapping matches: the longest wins. {mod} carries its own
# trailing space, so it is written directly before the next token.
_REL_UNITS = r"(?P<unit>semaine|mois|année|an|trimestre|week-end|décennie)"
_PLURAL_UNITS = r"(?P<unit>décennies|années|ans|mois|semaines|jours|heures|minutes)"
RULES = [
    # Calendar dates.
    (r"(?:{mod})?(?:le )?(?:{weekday} )?{day} {month} {longyear}", "calendar", {}),
    (r"(?:le )?(?:{weekday} )?{day} {month} {yy}", "calendar", {"after": r"^\s*(?:[,.;:)!?»]|$)"}),
    (r"(?:{mod})?(?:le )?(?:{weekday} )?{day} {month}(?: {dir})?", "calendar", {}),
    (r"(?:{mod})?(?:(?:le )?mois d'|(?:le )?mois de )?{month} {longyear}", "calendar", {}),
    (r"(?:{mod})?{month} {yy}", "calendar", {"after": r"^\s*(?:[,.;:)!?»]|$)"}),
    (r"(?:{mod})?(?:(?:le )?mois d'|(?:le )?mois de )?{month}(?: {dir})?", "calendar", {}),
    (r"(?:le |ce )?(?:même )?{weekday}(?: {dir})?(?: {partday})?", "calendar", {}),
    (r"(?:l'année|l'an) {year}", "year", {}),
    (r"{mod}{year}", "year", {}),
    (r"{year}", "year", {"before": YEAR_CONTEXT_BEFORE}),
    (r"{year}", "year", {"before": YEAR_AFTER_NOUN, "not_after": YEAR_AFTER_NOUN_NOT_AFTER}),
    (r"{year}", "year", {"after": YEAR_CONTEXT_AFTER, "not_before": r"(?:\d[\s\u00a0\u202f.,]?|[$€£]\s?)$"}),
    (r"(?:{mod})?(?P<det>l'|en |cet |au )?{season}(?: {dir})?(?: {year})?", "season", {}),
    (r"(?:{mod})?(?:les |des |aux )?années {decade}", "decade", {}),
    (r"(?:en|fin|début|depuis) {yy}", "year", {"span": "yy", "after": r"^\s*(?:[,.;:)!?»(]|$|et\b)"}),
    (r"(?:{mod})?(?:du |le )?{century} siècle", "century", {}),
    # This / last / next period.
    (r"(?:{rmod})?(?:cette|ce|cet) " + _REL_UNITS, "relative", {"shift": 0}),
    (r"(?:{rmod})?(?:la |le |l')?" + _REL_UNITS + " {dir}", "relative", {}),
    # "pendant le week-end": the weekend of the week the sentence speaks of.
    (r"(?:pendant|durant|au cours du|lors du|tout le) (?P<span>(?:le )?(?P<unit>week-end))", "relative",
     {"shift": "tense", "span": "span"}),
    (r"(?:la |les )?{dir} (?:{num} )?(?P<unit>décennie|décennies|années|ans|mois|semaines|jours|heures)",
     "anchored", {}),
    # Periods in a row up to the one the text is about: "la 2ème semaine consécutive", "trois mois d'affilée".
    (r"(?:la |le |l')?{nth} (?P<unit>journée|jour|semaine|mois|trimestre|année) {consecutive}",
     "consecutive", {}),
    (r"{num} (?P<unit>journées|jours|semaines|mois|trimestres|années|ans) {consecutive}",
     "consecutive", {}),
    (r"(?:{rmod})?(?:la |le |l')?{dir} " + _REL_UNITS, "relative", {}),
    (r"{rmod}(?:l'|la |le )?" + _REL_UNITS, "relative", {"shift": 0}),
    (r"(?:ces|ses|les|des|au cours des|durant les|pendant les|sur les) {dir} (?:{num} )?" + _PLURAL_UNITS,
     "anchored", {}),
    (r"(?:les |des |ces )?{num} {dir} " + _PLURAL_UNITS, "anchored", {}),
    (r"(?:le |au |du )?{ordinal} trimestre(?: (?:de |d')?{year})?", "quarter", {}),
    # ISO weeks: "S41", "en S42", "la semaine 12", "la 12e semaine de l'année 2024".
    (r"(?-i:S){week}(?:[-/ ]{year})?", "week", {"not_before": r"[-\w]$"}),
    (r"(?:la )?semaine {week}(?: (?:de l'année |de |d')?{year})?", "week", {}),
    (r"(?:la )?{week}(?:e|ème|eme) semaine (?:de l'année |de |d')?{year}", "week", {}),
    (r"la semaine du {day} {month}(?: {longyear})?", "week_of", {}),
    # "la saison passée à la même période": the period the text is talking about, a year back.
    (r"(?:la saison|l'an|l'année) (?:passée|dernière|dernier|précédente) à la même période", "same_period", {}),
    (r"(?:à|sur) la même période (?:de |d')?(?:l'an|l'année|la saison) (?:passée|dernière|dernier|précédente)",
     "same_period", {}),
    # A day of the month alone: "le 14", "jusqu'au 3".
    (r"(?:le|au|du|dès le|depuis le|jusqu'au) {day}", "month_day",
     {"after": r"^\s*(?:[,.;:)!?»]|$|au (?:soir|matin)\b)", "not_before": r"(?:\d|\bà|\bde)\s*$",
      "not_after": STREET_AFTER}),
    (r"(?:le |au |du )?{ordinal} semestre(?: (?:de |d')?{year})?", "quarter", {"half": True}),
    (r"{holiday}(?: {year})?", "holiday", {}),
    # Counted from the publication date.
    (r"il y a (?:{qual} )?{num} {unit}", "ago", {"dir": -1}),
    (r"dans {num} {unit}", "ago", {"dir": 1}),
    (r"(?:le |ce )?lendemain(?: {partday})?", "deictic", {"days": 1, "from_context": True}),
    (r"la veille(?: au {partday})?", "deictic", {"days": -1, "from_context": True}),
    (r"{deictic}(?: (?:au |en )?{partday})?(?: {weekday})?", "deictic", {}),
    (r"(?:ce|cette) {partday}", "deictic", {"days": 0}),
    (r"(?:le même jour|ce jour-là|ce même jour)", "deictic", {"days": 0, "from_context": True}),
    # Clock times, anchored on the last day mentioned.
    (r"(?:vers )?{clock}(?: {zone})?(?: {weekday}|,? {deictic})?", "clock", {}),
    (r"(?P<hour>[01]?\d|2[0-3]) heures?(?: (?P<minute>[0-5]\d))?(?: (?:du |de l')(?P<ampm>matin|soir|après-midi))?(?: {zone})?",
     "clock", {"before": r"(?:\b[aà]|\bvers|\bdès|\bavant|\baprès|\bjusqu'à)\s*$"}),
    (r"(?P<word>midi|minuit)", "clock", {"before": r"(?:\bà|\bvers|\bdès|\bavant|\baprès|\bjusqu'à)\s*$"}),
    (r"(?:la|en|dans la|pendant la|durant la) (?P<partday>soirée|nuit|matinée)", "deictic",
     {"days": 0, "from_context": True}),
    (r"(?:la )?nuit (?:de|du) {weekday} (?:à|au) {weekday_any}", "calendar", {"partday": "NI"}),
    (r"{mod}{partday}", "deictic", {"days": 0, "from_context": True}),
    # Durations.
    # "depuis trois mois": the span up to the publication date, placed from its beginning.
    (r"(?:{qual} )?{num} {unit}", "since", {"before": r"\bdepuis\s*$", "not_before": AGE_BEFORE}),
    (r"(?:{qual} )?{num} {unit}", "duration", {"not_before": AGE_BEFORE,
                                                "not_around": (r",\s*$", r"^\s*[,.;)]")}),
    (r"(?:{qual} )?{frac} (?:de |d')?{unit}", "duration", {}),
    (r"{few} {unit}", "duration", {}),
    # Sets.
    (r"(?:chaque|tous les|toutes les) (?:{num} )?{unit}", "set", {}),
    (r"par {unit}", "set", {}),
    (r"tous les {weekday}s?", "set", {}),
    (r"(?:annuel|annuels|annuelle|annuelles|annuellement)", "set", {"value": "P1Y"}),
    # "quotidien", "hebdomadaire", "mensuel" alone are usually newspapers; only the adverbs are sets.
    (r"quotidiennement", "set", {"value": "P1D"}),
    (r"mensuellement", "set", {"value": "P1M"}),
    # Present, past, future.
    (r"{ref}", "ref", {}),
]

# Approximation words allowed before a count: "plus de vingt ans", "près de 24 heures".
QUALIFIERS = ("plus de", "moins de", "près de", "environ", "au moins", "presque", "plus d'", "moins d'",
              "à peine")

# Words that look like time expressions but are not calendar-placeable in these uses.
NEGATIVE = (
    r"(?:premier|première|dernier|dernière) (?:jour|jours|heure|heures|minute|minutes)",
    r"(?:seconde|première|deuxième) guerre mondiale",
    r"heure (?:de|d'|d’) (?:pointe|été|hiver)",
    # "sports d'hiver", "vacances d'été", "jeux d'hiver": a kind of thing, not a time.
    r"(?<=\w\s)d'(?:hiver|été|automne|printemps)",
    r"(?:une|la|sa|cette) seconde (?!de\b|d'|plus\b|après\b|avant\b)\w+",
    r"vendredi saint|lundi de pâques|mardi gras|jeudi noir|mercredi des cendres|dimanche des rameaux",
    r"journal du dimanche|du jour au lendemain|11-septembre",
)
