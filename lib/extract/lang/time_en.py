"""English time words and the patterns that combine them; lib/extract/events.py reads this table.

Same layout as time_fr.py: word tables, then RULES whose placeholders the event finder fills in.
"""

LANG = "en"
DECIMAL_SEPARATOR = "."

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
    "oct.": 10, "nov.": 11, "dec.": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
# "may" (the verb) and "march" (the verb, the noun) need a capital and a date context to be months.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "jan", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                              "nov", "dec"})

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

UNITS = {
    "second": "S", "seconds": "S", "minute": "MIN", "minutes": "MIN", "hour": "H", "hours": "H",
    "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M",
    "quarter": "Q", "quarters": "Q", "year": "Y", "years": "Y", "decade": "DE", "decades": "DE",
    "century": "CE", "centuries": "CE", "weekend": "WE", "fiscal year": "Y", "financial year": "Y",
}
# Financial years start on the first of this month: the UK's in April, the US federal one in October.
FISCAL_YEAR_STARTS = {"financial year": 4, "fiscal year": 10}
# Days of the month written as words: "May sixth", "the twenty-first of June".
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
                  "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
DAY_WORDS = {word: n for n, word in enumerate(_ORDINAL_WORDS, 1)}
DAY_WORDS.update({f"twenty-{word}": 20 + n for n, word in enumerate(_ORDINAL_WORDS[:9], 1)})
DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31})

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000,
}
# Articles count as one only on their own, never inside a run of number words.
NUMBER_ARTICLES = ("a", "an")
NUMBER_JOINERS = ("-", " ", " and ")
FRACTIONS = {"quarter": 0.25, "half": 0.5}
AMBIGUOUS_SEASONS = frozenset({"fall", "spring"})
# An ambiguous season after one of these needs a preposition before it: "in the fall", not "the fall in prices".
SEASON_DETERMINERS_NEEDING_CONTEXT = ("the",)
MONTH_CONTEXT_BEFORE = (
    r"\b(?:in|since|until|till|by|of|from|through|during|before|after|early|late|mid|last|next|this|between|and)\s*$"
    r"|\b(?:january|february|april|june|july|august|september|october|november|december),\s*$"
)

# Before "N years", these make it an age: "retire at 64 years" (none needed in English news so far).
AGE_YEARS_BEFORE = r"$^"
AGE_YEARS_NOT_AFTER = r"$^"
# Clock times written as words, and deictic words that also name a part of the day.
CLOCK_WORDS = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
# A time zone after a clock time is part of it: "11:10 CET", "9:00PM Mountain Time", "22:30 local time".
# Abbreviations keep their capitals ("ET", not "et"); "<Name> Time" covers "Eastern Standard Time", "Paris time".
TIME_ZONE = (
    r"(?:(?-i:GMT|UTC|BST|IST|CET|CEST|EET|EEST|WET|WEST|MSK|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AKST|AKDT|"
    r"HST|JST|AEST|AEDT|SAST|WAT|EAT)(?:\s?[+-]\s?\d{1,2}(?::?\d\d)?)?(?!\w)"
    r"|local\s+time|(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?-i:[Tt]ime))"
)
# Between a clock time and the day it is on: "11:10 CET on June 1, 2009" is one event.
CLOCK_DAY_JOINER = r"\s*,?\s*(?:on\s+)?"
DEICTIC_PARTS_OF_DAY = {"tonight": "NI"}
PM_MARKERS = ("pm", "p.m.", "p.m")

DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
CLOCK = (
    r"(?<![:\d])(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?(?:\s?(?P<ampm>[ap]\.m\.|[ap]m(?!\w)))?(?!:?\d)"
)
DECADE = r"(?P<decade>(?:19|20)\d0|'\d0)"
CENTURY = r"(?P<century>\d{1,2})(?:st|nd|rd|th)"

FEW = ("several", "a few", "few", "many", "recent", "some")

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}

# Holidays on a fixed day: (month, day). Movable feasts (Easter, Thanksgiving) are left out.
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "boxing day": (12, 26), "armistice day": (11, 11),
}

DEICTIC_DAYS = {
    "the day before yesterday": -2, "yesterday": -1, "today": 0, "tomorrow": 1,
    "the day after tomorrow": 2, "tonight": 0,
}

REFS = {
    "now": ("PRESENT_REF", "DATE"), "currently": ("PRESENT_REF", "DATE"), "nowadays": ("PRESENT_REF", "DATE"),
    "these days": ("PRESENT_REF", "DATE"), "at present": ("PRESENT_REF", "DATE"),
    "at the moment": ("PRESENT_REF", "DATE"), "right now": ("PRESENT_REF", "DATE"),
    "recently": ("PAST_REF", "DATE"), "the past": ("PAST_REF", "DATE"), "in the past": ("PAST_REF", "DATE"),
    "the future": ("FUTURE_REF", "DATE"),
}

MODS = {
    "early": "START", "the beginning": "START", "the start": "START", "beginning": "START",
    "the early part": "START", "late": "END", "the end": "END", "end": "END",
    "the latter part": "END", "mid": "MID", "mid-": "MID", "the middle": "MID", "middle": "MID",
    "earlier": "EARLIER", "later": "LATER", "so far": "EARLIER",
}
MOD_LINKS = ("of",)

DIRECTIONS = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "next": 1, "coming": 1, "following": 1,
    "upcoming": 1, "this": 0, "current": 0, "latest": 0, "most recent": 0,
}
# "the latest quarter": the one the text just named, else the last complete one.
LATEST = frozenset({"latest", "most recent"})

YEAR_CONTEXT_BEFORE = (
    r"(?:\b(?:a|the|his|her|its|their|our|in|since|by|until|till|from|to|and|or|of|before|after|between|during|through|year|early|late|"
    r"mid|fiscal|fy|around|circa|spring|summer|fall|autumn|winter)|mid-|\(|\b(?:19|20)\d\d\s*[-/])\s*$"
)
YEAR_CONTEXT_AFTER = r"^\s*(?:[,.;:)!?\"”/]|-(?:19|20)?\d\d|$)"
# A year that names an edition of something: "Budget 2024", "Census 2021", "Vision 2030", "Euro 2016".
YEAR_AFTER_NOUN = r"\b(?:budget|census|edition|season|vision|agenda|strategy|olympics|cup|euro|expo|elections?)\s*$"
# ...never before a currency or percent ("the budget 2000 pounds").
YEAR_AFTER_NOUN_NOT_AFTER = r"^\s*(?:%|€|\$|£|euros?\b|dollars?\b|pounds?\b|million\b|billion\b)"

FUTURE_CUES = (
    r"\b(?:will|'ll|’ll|shall|would|could|might|going to|is to|are to|scheduled|expected to|plans? to|"
    r"planned|next|upcoming|tomorrow|due to|set to|until|till|expects?|forecasts?|predicts?|aims? to|hopes? to|"
    r"to (?:rise|fall|climb|drop|increase|cut|raise|hit|reach|"
    r"start|begin|end|close|open|launch|expire|resume|take effect))\b"
)
# "-ed" after "be"/"been" is a passive participle ("is due to be published"), not a past tense.
PAST_CUES = (
    r"(?<!\bbe\s)(?<!been\s)(?<!being\s)\b(?:said|told|was|were|had|did|ago|yesterday|last|met|went|came|"
    r"made|took|gave|saw|got|found|left|held|began|rose|fell|won|lost|paid|sold|bought|brought|thought|knew|"
    r"became|ran|spent|sent|led|wrote|spoke|broke|chose|drove|flew|grew|struck|stood|sat|\w{3,}ed)\b"
)
ANAPHORIC = frozenset({"previous", "preceding", "following"})
# Read from the parse (lib/extract/clause.py): auxiliaries that put their verb in the future, and verbs
# whose infinitive complement is still to come ("plans to meet on Friday", "is going to vote").
FUTURE_AUXILIARIES = ("will", "shall", "'ll", "’ll", "wo", "would")
# Auxiliaries of the compound past ("has met", "a rencontré"), by lemma.
PERFECT_AUXILIARIES = ("have",)
# Relative pronouns as subjects: "the plan, which was announced" is about the plan.
RELATIVE_SUBJECTS = ("which", "who", "that")
PROSPECTIVE_LEMMAS = ("go", "plan", "expect", "schedule", "set", "due", "aim", "hope", "intend", "vow",
                      "pledge", "promise", "prepare", "want", "seek", "propose", "threaten", "be")
# A cue after one of these belongs to a relative clause, not to the time expression before it.
RELATIVE_PRONOUNS = r"\b(?:which|who|that)\b"
# After a count of units, these count it from the time the text just named: "three years later".
LATER_AFTER = r"^\s*(?:later|afterwards|on\b(?!\s+(?:the|a|an|its|his|her|their)\b)|after\s*[,.;:)])"
EARLIER_AFTER = r"^\s*(?:earlier|previously|before\s*[,.;:)])"
# Between the two ends of a range ("to", "au"; not "and", which also lists): the first end takes the
# year the second names.
RANGE_JOINER = r"\s*(?:to|through|until|till|-|–)\s*"
# Before a time expression, these point it forward even after a present perfect ("has closed schools until").
FORWARD_BEFORE = r"\b(?:until|till|through)\s+(?:at\s+least\s+|the\s+)?$"
# Present references that are off the timeline: "GDP is now 0.4% below" is aspect, not a dated fact.
UNPLACED_REFS = frozenset({"now", "nowadays", "these days"})

# Literal words of RULES that are in no list above; the finder only looks around these and the lists.
ANCHORS = ("noon", "midday", "midnight", "annually", "yearly", "daily", "weekly", "monthly", "fy", "q1", "q2", "q3", "q4", "h1", "h2", "half")

# After "first-half", "second half", these make it a half-year: what companies and statistics report by half.
HALF_YEAR_AFTER = (r"^\s*(?:(?:pre-tax|net|operating|underlying|core|group)\s+)?(?:profits?|results|earnings|sales|revenues?|"
                   r"loss(?:es)?|growth|dividends?|output|turnover|GDP|deficit|surplus|figures)\b")

_REL_UNITS = r"(?P<unit>week|month|year|quarter|weekend|decade|century|fiscal year|financial year)"
_PLURAL_UNITS = r"(?P<unit>decades|years|months|weeks|days|hours|minutes)"
_BARE_UNITS = r"(?P<unit>minutes|hours|days|weeks|months|years|decades)"
RULES = [
    # Calendar dates.
    (r"(?:{weekday},? )?{month} {day},? {longyear}", "calendar", {}),
    (r"(?:{weekday},? )?(?:the )?{day} (?:of )?{month},? {longyear}", "calendar", {}),
    (r"(?:{mod})?(?:{weekday},? )?{month} {day}(?!\d|:)", "calendar", {}),
    (r"(?:{mod})?(?:{weekday},? )?(?:the )?{day} (?:of )?{month}", "calendar", {}),
    (r"(?:{mod})?{month},? {longyear}", "calendar", {}),
    (r"(?:{mod})?(?:{dir} )?{month}", "calendar", {}),
    (r"(?:{mod})?(?:{dir} )?{weekday}(?: {partday})?", "calendar", {}),
    (r"(?:{weekday},? )?{month} {dayword}(?:,? {longyear})?", "calendar", {}),
    (r"(?:{weekday},? )?the {dayword} of {month}(?:,? {longyear})?", "calendar", {}),
    # A day of the month alone: "on the 14th".
    (r"the (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)", "month_day",
     {"before": r"\b(?:on|by|until|till|since|from|before|after)\s*$",
      "not_after": r"^[ -]+(?!of\b|and\b|or\b|to\b|at\b|in\b|when\b|with\b|the\b|he\b|she\b|it\b|they\b|we\b)[a-z]"}),
    (r"{mod}{year}", "year", {}),
    (r"(?:the )?(?:fiscal |fy ?){year}", "year", {}),
    (r"{year}", "year", {"before": YEAR_CONTEXT_BEFORE}),
    (r"{year}", "year", {"before": YEAR_AFTER_NOUN, "not_after": YEAR_AFTER_NOUN_NOT_AFTER}),
    (r"{year}", "year", {"after": YEAR_CONTEXT_AFTER, "not_before": r"(?:\d[\s,.]?|[$€£]\s?|No\.\s?|#)$"}),
    (r"(?:{mod})?(?:{dir} )?(?P<det>the )?{season}(?: (?:of )?{year})?", "season", {}),
    (r"(?:{mod})?(?:the )?{decade}s", "decade", {}),
    (r"(?:once|twice|\w+ times) (?:a|an|per|every) {unit}", "set", {}),
    (r"(?:{mod})?(?:the )?{century} century", "century", {}),
    # This / last / next period.
    (r"(?:the )?{dir} (?:{num} |{few} )?" + _PLURAL_UNITS, "anchored", {}),
    (r"(?:the )?{dir} (?P<unit>decade)", "anchored", {}),
    (r"(?:{rmod})?(?:the )?{dir} " + _REL_UNITS, "relative", {}),
    # Periods in a row up to the one the text is about: "for two consecutive quarters", "the third straight day".
    (r"{num} {consecutive} (?P<unit>days|weeks|months|quarters|years)", "consecutive", {}),
    (r"(?:the )?{nth} {consecutive} (?P<unit>day|week|month|quarter|year)", "consecutive", {}),
    (r"{rmod}(?:the )?" + _REL_UNITS, "relative", {"shift": 0}),
    # "the third quarter", and the adjective "third-quarter profit".
    (r"(?:the )?(?:{ordinal}|final)(?:-| )quarter(?: of {year})?", "quarter", {}),
    (r"Q(?P<qn>[1-4])(?: {year})?", "quarter", {}),
    # "Quarter 3 (July to Sept) 2022", the statistics offices' way.
    (r"(?-i:Quarter) (?P<qn>[1-4])(?: \([A-Za-z]{3,9}\.? to [A-Za-z]{3,9}\.?\))?(?: {year})?", "quarter", {}),
    # "the same quarter a year ago": the period the text is talking about, a year back.
    (r"the same (?P<unit>quarter|month|week) (?:a year (?:ago|earlier)|last year|of (?:the )?(?:previous|last) year"
     r"|the (?:previous )?year before)", "same_period", {}),
    (r"the same period (?:a year (?:ago|earlier)|last year|of (?:the )?(?:previous|last) year)", "same_period", {}),
    # ISO weeks: "week 12", "week 12 of 2024", "W12".
    (r"(?-i:[Ww]eek) {week}(?: (?:of )?{year})?", "week", {}),
    (r"(?-i:W){week}(?: {year})?", "week", {"not_before": r"[-\w]$"}),
    (r"the week of {month} {day}(?:,? {longyear})?", "week_of", {}),
    # A half is a half-year only beside the calendar: "the first half of 2025", "first half 2024", "the second
    # half of last year", "first-half profits"; "the second half" of a match is not.
    (r"(?:the )?{ordinal}(?:-| )half(?: of)? {year}", "quarter", {"half": True}),
    (r"(?:the )?{ordinal}(?:-| )half of (?:the |{dir} )?(?:fiscal |financial )?year", "quarter", {"half": True}),
    (r"(?:the )?{ordinal}(?:-| )half", "quarter", {"half": True, "after": HALF_YEAR_AFTER}),
    (r"H(?P<qn>[12])(?: {year})?", "quarter", {"half": True}),
    (r"{holiday}(?: {year})?", "holiday", {}),
    # "over the weekend": the weekend of the week the sentence speaks of.
    (r"(?:over|during|at|on|this) (?P<span>the (?P<unit>weekend))", "relative", {"shift": "tense", "span": "span"}),
    # Counted from the publication date.
    # TimeML reads "a month earlier" and "eight years from now" as durations: only "ago" places a date.
    (r"(?:{qual} )?{num} {unit} ago", "ago", {"dir": -1}),
    (r"(?:the )?(?:day|night) before", "deictic", {"days": -1, "from_context": True}),
    (r"the (?:next|following) (?:day|morning)", "deictic", {"days": 1, "from_context": True}),
    (r"{deictic}(?: {partday})?", "deictic", {}),
    (r"(?:this|last) {partday}", "deictic", {"days": 0}),
    (r"{mod}{partday}", "deictic", {"days": 0, "from_context": True}),
    (r"that (?:day|morning|afternoon|evening|night)", "deictic", {"days": 0, "from_context": True}),
    # Clock times.
    (r"(?:about |around )?{clock}(?: {zone})?(?: {weekday})?", "clock", {}),
    (r"(?:12 )?(?P<word>noon|midday|midnight)(?: {zone})?(?: {weekday})?", "clock",
     {"before": r"\b(?:at|by|until|till|before|after|around|from|since|past|to)\s*$"}),
    # "£35 a year", "1.5 million shells a year": a rate after an amount.
    (r"(?:a|an) (?P<unit>year|month|week|day|hour)", "set",
     {"before": r"(?:\d\S*|%|\b(?:once|twice|times|pounds?|dollars?|euros?|million|billion|trillion|bn|m))"
                r"\W*(?:\w+\W+){0,2}$"}),
    # Durations.
    (r"(?:{qual} )?{num}[- ]{unit}", "duration", {"not_after": r"^[- ]old\b", "not_before": r"\baged\s*$"}),
    (r"(?:{qual} )?{frac} (?:a |an )?{unit}", "duration", {}),
    (r"(?:{qual} )?{few} {unit}", "duration", {}),
    (r"(?:for|over|in|within|take|takes|took|taking|lasted|last|spent|spend) (?P<bare>" + _BARE_UNITS + ")",
     "duration", {"span": "bare"}),
    (r"(?P<bare>" + _BARE_UNITS + ") (?:before|after|later|earlier)", "duration", {"span": "bare"}),
    # Sets.
    (r"(?:each|every|per) (?:{num} )?{unit}", "set", {}),
    (r"(?:each|every) {weekday}", "set", {}),
    (r"(?:each|every) {season}", "set", {}),
    (r"(?:each|every) {partday}", "set", {}),
    (r"(?:annually|yearly)", "set", {"value": "XXXX"}),
    (r"(?:daily)", "set", {"value": "P1D"}),
    (r"(?:weekly)", "set", {"value": "P1W"}),
    (r"(?:monthly)", "set", {"value": "P1M"}),
    (r"{ref}", "ref", {}),
]

QUALIFIERS = ("more than", "less than", "almost", "nearly", "about", "around", "approximately", "at least",
              "at most", "over", "under", "up to", "roughly", "some", "a mere", "just", "only")

NEGATIVE = (
    r"(?:first|second|last|final) (?:day|days|hour|hours|minute|minutes)",
    r"(?:first|second) world war",
    r"world war (?:one|two|i|ii)",
    r"may be|may have|may not|may well|may also",
    r"(?:day|days|year) one",
    r"(?:british )?summer time|daylight saving time",
    r"good friday|black friday|cyber monday|super tuesday|ash wednesday|palm sunday|bloody sunday|black monday",
    r"(?:the )?sunday (?:times|telegraph|express|mirror|post|people)|mail on sunday|today (?:programme|show)",
    # "a second term", "the second round": the ordinal, not the unit.
    r"(?:a|one|the) second (?!ago\b|later\b|earlier\b|before\b|after\b|or\b|and\b|longer\b|quarter\b|half\b)[a-z]+",
    r"(?:fall|spring) of (?:the|a|an|his|her|its|their)\b|arab spring|prague spring",
    r"(?:a|one|three) quarters? (?:point|percentage|of (?:a|an|the|its|their|his|her|all))\b",
)
