"""English attribution data: who a statement is attributed to. Read by lib/extract/speakers.py.

Verbs are listed by lemma (the parse's `token.lemma_`), with inflected forms for the cases the
model tags as another part of speech.
"""

# Verbs of saying, reporting, believing and judging: the subject (or the inverted subject after the
# verb) is the speaker of the sentence.
CUE_LEMMAS = frozenset("""
say tell add warn stress explain note announce claim argue insist state confirm admit deny acknowledge
report write declare estimate predict conclude show reveal suggest point reply assert emphasise emphasize
caution concede reiterate assure blame complain believe think expect fear hope urge accuse criticise
criticize praise describe call ask answer respond remark observe comment mention recall recount testify
allege contend maintain suspect worry confess agree disagree dispute reject dismiss question wonder vow
pledge promise threaten signal indicate forecast project calculate find tweet post disclose brief inform
elaborate clarify specify detail highlight underline underscore repeat reaffirm restate counter retort
rebut refute protest lament deplore regret welcome hail applaud condemn denounce slam blast decry charge
advise recommend propose demand plead appeal gauge anticipate reckon judge consider feel confide whisper
shout exclaim joke quip muse boast concede reassure guarantee swear certify attest demonstrate imply hint
acknowledge cite quote estimate count tally put predict insist explain announce describe characterize
characterise speak talk request
""".split())
CUE_FORMS = frozenset("said says told tells added adds warned noted stressed reiterated".split())
# These report a statement only with a clause, a quote or a colon after them ("showed that…");
# with a plain object they report an act ("reported 12 cases", "called a meeting").
CLAUSE_LEMMAS = frozenset("""
show find call ask expect consider feel maintain project post demand propose recommend report describe
welcome hail charge question dispute reject dismiss mention indicate signal judge count tally put cite
quote answer respond point calculate forecast estimate predict promise pledge threaten agree count praise
speak talk
characterize characterise highlight count recall write
""".split())
LIGHT_VERB_COMPLEMENTS = {"point": ("out",), "make": ("clear",)}
CLAUSE_MARKERS = ("that", ":", "“", '"', "‘")
ATTRIBUTION_PREPOSITIONS = ("according to", "in the words of", "as stated by", "citing", "quoting")
OPENING_ATTRIBUTION = ()
NOMINAL_CUES = ("in a statement", "in a report", "in an interview", "in a tweet", "in a post", "in a letter",
                "in remarks", "in a speech", "statement by", "remarks by", "comments by")
PRONOUNS = {"he": ("s", "m"), "she": ("s", "f"), "they": ("p", ""), "it": ("s", "n"), "him": ("s", "m"),
            "her": ("s", "f"), "them": ("p", "")}
SELF_PRONOUNS = ("i", "we", "you", "me", "us")
DEFINITE_DETERMINERS = ("the", "this", "that", "these", "those")
INDEFINITE_DETERMINERS = ("a", "an", "some", "one")
POSSESSIVE_DETERMINERS = ("its", "their", "his", "her")
NAME_CONNECTORS = ("for", "of", "and", "on", "de", "van", "von", "der", "al", "bin", "ben", "da", "di", "la",
                   "le", "the", "&")
PHRASE_CONNECTORS = ("of", "for", "at", "on", "in", "the", "and", "&")
PERSON_ROLES = frozenset("""
president minister secretary director general governor deputy mayor senator commissioner chair chairman
chairwoman chief executive spokesman spokeswoman spokesperson ambassador envoy prosecutor judge professor
dr dr. mr mr. mrs mrs. ms ms. sir lord lady chancellor admiral inspector economist analyst editor
correspondent ceo officer head leader official officials commander captain coach manager founder
researcher scientist expert doctor physician nurse lawyer attorney adviser advisor aide representative
congressman congresswoman lawmaker legislator premier king queen prince princess pope colonel lieutenant
sergeant astronaut pilot candidate campaigner activist witness
""".split())
NAME_TITLES = ("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "prof", "prof.",
               "gen.", "gen", "col.", "sen.", "rep.", "gov.", "president", "secretary", "minister", "chancellor",
               "general", "senator", "governor", "mayor", "judge", "commander", "captain", "coach", "prime")
ROLES_FOR_ORGANISATION = ("spokesperson", "spokesman", "spokeswoman", "representative", "representatives",
                          "management", "office", "officials", "press", "statement", "analysts", "economists",
                          "researchers", "experts", "staff", "engineers", "scientists")
ORGANISATION_NOUNS = frozenset("""
company firm group bank agency carrier insurer operator maker manufacturer retailer lender airline platform
institute federation union regulator broker provider producer giant ministry department government
organization organisation office commission council party court police army navy hospital university
laboratory observatory authority bureau centre center service club team foundation committee league
association assembly senate congress parliament administration organisation board network charity
""".split())
SOURCE_NOUNS = frozenset("""
data figures estimates estimate forecasts forecast survey poll report statistics study analysis research
tracker index statement filing site website bulletin count tally release document letter review census
assessment records record findings paper
""".split())
VAGUE_SOURCES = frozenset("""
law rule rules principle tradition custom logic calendar schedule plan programme program experience
history definition nature contract article code constitution convention treaty agreement
""".split())
NOT_PHRASE_START = frozenset("""
and or but so nor yet then also still already however though although if that which who when as while
to of in on at for by with without from
""".split())
SKIP_AFTER_VERB = ("yesterday", "today", "tomorrow", "tonight", "on", "also", "then", "recently", "earlier",
                   "later", "again", "last", "this")
ADDRESSEE_PREPOSITIONS = ("to",)
# The head of a noun phrase comes first in French ("la ministre de la Transition"), last in English.
HEAD_FIRST = False
# The subject may follow any cue in French ("…, a précisé le ministère"); in English only these, after a comma.
INVERTING_LEMMAS = ("say", "add", "write", "note", "explain", "warn", "continue", "ask", "reply", "insist", "recall", "tell", "report", "declare", "state", "conclude", "observe", "remark", "announce")
# Pronouns that head a speaker phrase with a complement: "L'un des porte-parole", "one of the officials".
QUANTIFIER_PRONOUNS = ("one", "some", "several", "many", "most", "two", "three")
# Kinds of body so generic that "l'organisation" alone refers to the body that spoke last.
GENERIC_ORGANISATION_NOUNS = ("organization", "organisation", "group", "ngo", "charity")
# Words that join two names into a list, never one name ("la FNSEA et les Jeunes Agriculteurs").
COORDINATORS = ("and", "or")
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))

# Relative pronouns that only a person takes as antecedent: "Brian Clay, who won" names a person.
PERSON_RELATIVES = ("who", "whom")
# The word that makes a present participle a gerund of manner ("…, en demandant une suspension").
GERUND_MARKERS = ()
# Auxiliaries of a compound past the parse may read as a copula ("est intervenu").
PERFECT_AUXILIARIES = ()
# Adverbs of a superlative written after its noun: "le bilan le plus récent".
SUPERLATIVE_ADVERBS = ()
