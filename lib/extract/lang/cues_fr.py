"""French attribution data: who a statement is attributed to. Read by lib/extract/speakers.py.

Verbs are listed by lemma (the parse's `token.lemma_`), with the inflected forms a small model
sometimes fails to lemmatise or tags as a noun ("», juge le ministère").
"""

# Verbs of saying, reporting, believing and judging: the subject (or the inverted subject after the
# verb) is the speaker of the sentence.
CUE_LEMMAS = frozenset("""
déclarer dire affirmer ajouter avertir souligner expliquer indiquer estimer annoncer assurer préciser
rappeler insister prévenir confirmer reconnaître répondre juger noter marteler confier conclure promettre
poursuivre commenter réagir trancher résumer raconter admettre démentir nier signaler révéler déplorer
dénoncer regretter constater observer relever remarquer considérer penser croire craindre espérer souhaiter
avouer protester plaider défendre intervenir lancer glisser lâcher témoigner rapporter relater écrire
détailler développer argumenter arguer objecter rétorquer répliquer exclamer écrier interroger demander
inquiéter féliciter réjouir saluer accuser reprocher critiquer fustiger condamner blâmer alerter exhorter
réclamer exiger prédire anticiper évaluer chiffrer suggérer jurer garantir certifier attester soutenir
maintenir réaffirmer réitérer répéter redire clamer proclamer revendiquer informer communiquer mentionner
évoquer pointer épingler qualifier décrire ironiser étonner confesser concéder convenir contester réfuter
rejeter nuancer tempérer minimiser relativiser prôner préconiser recommander conseiller dévoiler divulguer
officialiser rassurer souffler murmurer crier hurler tweeter publier montrer démontrer prévoir appeler
mettre faire tenir expliciter attribuer imputer incriminer justifier admonester menacer avancer
supposer présumer douter parier tabler miser compter déduire établir diagnostiquer calculer recenser
parler
""".split())
# Forms the parse may leave unlemmatised or tag as another part of speech.
CUE_FORMS = frozenset("""
déclaré dit affirmé ajouté averti souligné expliqué indiqué estimé annoncé assuré précisé rappelé insisté
prévenu confirmé reconnu répondu jugé noté martelé confié conclu promis poursuivi commenté réagi tranché
résumé raconté admis démenti nié signalé révélé déploré dénoncé affirme déclare ajoute avertit souligne
explique indique estime annonce assure précise rappelle insiste prévient confirme reconnaît reconnait
répond juge note martèle dénonce déplore révèle signale relève constate observe regrette souhaite
table tablent tablait tablaient
""".split())
# These report a statement only with a clause, a quote or a colon after them ("a annoncé que…",
# "a estimé jeudi que…"); with a plain object they report an act ("a publié un rapport"). "Mentionner",
# "évoquer" and "parler de" report speech whatever follows them ("a mentionné le relâchement des joueurs").
CLAUSE_LEMMAS = frozenset("""
appeler montrer publier mettre faire tenir demander défendre soutenir maintenir lancer calculer
recenser établir compter miser tabler parier avancer évaluer chiffrer recommander conseiller préconiser
prôner proposer rapporter écrire décrire qualifier citer pointer interroger menacer
relever constater observer noter promettre prévenir intervenir saluer considérer penser croire
justifier attribuer imputer déduire remarquer diagnostiquer communiquer informer réclamer exiger espérer souhaiter
""".split())
# A light verb is a cue with its complement: "a fait savoir", "a tenu à préciser", "a mis en garde".
LIGHT_VERB_COMPLEMENTS = {
    "faire": ("savoir", "valoir", "remarquer", "observer", "part", "état"),
    "tenir": ("à",),
    "mettre": ("en",),
}
# Words that open a clause after a verb of saying.
CLAUSE_MARKERS = ("que", "qu'", "qu’", ":", "«", "“", '"')
# "selon la préfecture", "d'après le ministère": the object names the speaker.
ATTRIBUTION_PREPOSITIONS = ("selon", "d'après", "d’après", "aux dires de", "de l'avis de", "de l’avis de",
                            "aux yeux de", "pour reprendre les mots de", "citant")
# "Pour l'organisation, l'usage de la torture…": "pour" + a noun phrase + a comma, opening the sentence.
OPENING_ATTRIBUTION = ("pour",)
# Nominal reporting: "propos tenus par X", "dans un communiqué publié par X".
NOMINAL_CUES = ("propos tenus par", "propos recueillis par", "déclaration de", "déclarations de",
                "communiqué de", "communiqué du", "communiqué des", "dans un communiqué", "dans une déclaration",
                "dans un entretien", "dans une interview", "dans un tweet", "dans un message")
# Subject pronouns that point back to a speaker, with their number ('p' plural) and gender.
PRONOUNS = {"il": ("s", "m"), "elle": ("s", "f"), "ils": ("p", "m"), "elles": ("p", "f"), "on": ("s", ""),
            "lui": ("s", "m"), "eux": ("p", "m"), "-il": ("s", "m"), "-elle": ("s", "f"), "-ils": ("p", "m"),
            "-elles": ("p", "f"), "t-il": ("s", "m"), "t-elle": ("s", "f"), "t-ils": ("p", "m"),
            "t-elles": ("p", "f")}
# First and second person pronouns quote the speaker but never name one.
SELF_PRONOUNS = ("je", "j'", "j’", "nous", "vous", "tu", "moi")
# Determiners at the start of a speaker phrase, dropped from it; DEFINITE ones make a description that
# refers back ("le ministère", "l'ONG"), INDEFINITE ones a new speaker kept as written ("un porte-parole").
DEFINITE_DETERMINERS = ("le", "la", "les", "l'", "l’", "ce", "cet", "cette", "ces")
INDEFINITE_DETERMINERS = ("un", "une", "des", "d'", "d’")
POSSESSIVE_DETERMINERS = ("son", "sa", "ses", "leur", "leurs")
# Lowercase words that join the words of a name: "Charles de Gaulle", "Bureau d'enquêtes et d'analyses".
NAME_CONNECTORS = ("de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "et", "van", "von", "der", "al",
                   "ben", "bin", "pour")
# Joiners allowed inside a description after its head: "le ministère de l'Intérieur".
PHRASE_CONNECTORS = ("de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "pour", "à", "au", "aux",
                     "en", "sur", "et")
# Titles and roles of people: a description with one of these heads refers to a person ("le sélectionneur",
# "le Premier ministre"); before a name they are dropped ("le président Denis Sassou Nguesso").
PERSON_ROLES = frozenset("""
président présidente ministre secrétaire directeur directrice général générale gouverneur maire
sénateur sénatrice député députée porte-parole porte-paroles chef cheffe commissaire ambassadeur
ambassadrice procureur procureure juge professeur professeure docteur m. mme mlle dr pr leader dirigeant
dirigeante responsable chercheur chercheuse spécialiste expert experte économiste analyste avocat avocate
sélectionneur entraîneur capitaine patron patronne fondateur fondatrice pdg président-directeur
élu élue conseiller conseillère adjoint adjointe délégué déléguée rapporteur rapporteure
préfet préfète colonel général commandant lieutenant amiral pape roi reine prince princesse chancelier
chancelière vice-président vice-présidente coordinateur coordinatrice inspecteur inspectrice médecin
infirmier infirmière militant militante syndicaliste représentant représentante avocat juriste épidémiologiste
virologue climatologue physicien physicienne scientifique auteur autrice
""".split())
# Words of a title that stay lowercase or capitalised before the name ("M.", "Mme", "Dr").
NAME_TITLES = ("m.", "mme", "mlle", "me", "dr", "pr", "mgr", "monsieur", "madame", "docteur", "professeur",
               "maître", "général", "colonel", "président", "ministre", "premier")
# Roles that speak for the organisation named after them: "la direction de la SNCF" -> SNCF.
ROLES_FOR_ORGANISATION = ("direction", "porte-parole", "porte-paroles", "représentant", "représentante",
                          "représentants", "dirigeants", "services", "service", "cabinet", "entourage")
# Organisation nouns: a description with this head refers to the organisation the article names with it.
ORGANISATION_NOUNS = frozenset("""
entreprise société groupe banque agence compagnie opérateur constructeur assureur transporteur plateforme
institut fédération syndicat organisation ong ministère gouvernement association organisme office
commission conseil parti parquet tribunal cour préfecture mairie municipalité région département état
armée police gendarmerie hôpital université laboratoire observatoire autorité agence bureau centre
service club équipe fondation cabinet firme collectif comité union ligue confédération assemblée sénat
""".split())
# A document or measurement speaks for the body that issued it: "selon le rapport du BEA" -> BEA.
SOURCE_NOUNS = frozenset("""
sondage enquête étude rapport données chiffres estimations estimation prévisions statistiques baromètre
projections analyse note communiqué bilan site bulletin relevé décompte document texte lettre courrier
déclaration avis dossier recensement comptage synthèse publication
""".split())
# Sources that are no one ("d'après le droit international", "selon la loi"): never a speaker.
VAGUE_SOURCES = frozenset("""
droit loi règle règlement principe tradition usage coutume habitude logique calendrier programme plan
expérience histoire définition nature contrat article code constitution convention traité accord
""".split())
# The speaker is a noun phrase: these never start one (conjunctions, adverbs, prepositions).
NOT_PHRASE_START = frozenset("""
et ou mais donc or ni car puis ensuite alors aussi également encore déjà toutefois cependant pourtant
néanmoins enfin ainsi si que qu' qu’ qui quand comme lorsque à de en dans sur pour par avec sans
""".split())
# Calendar and sentence adverbs that may stand between a verb and its inverted subject
# ("a indiqué lundi la direction"); months and weekdays come from time_fr.py.
SKIP_AFTER_VERB = ("hier", "aujourd'hui", "aujourd’hui", "demain", "soir", "matin", "encore", "également",
                   "aussi", "ensuite", "alors", "enfin", "notamment", "déjà", "toutefois", "pourtant", "-t",
                   "dernier", "dernière", "midi", "après-midi")
# Addressees before an inverted subject: "a affirmé à l'AFP Sophie Lacombe".
ADDRESSEE_PREPOSITIONS = ("à", "au", "aux", "auprès")
# Words of saying that start a source's description, not the source itself ("a indiqué au Monde").
# The head of a noun phrase comes first in French ("la ministre de la Transition"), last in English.
HEAD_FIRST = True
# The subject may follow any cue in French ("…, a précisé le ministère"); in English only these, after a comma.
INVERTING_LEMMAS = None
# Pronouns that head a speaker phrase with a complement: "L'un des porte-parole", "one of the officials".
QUANTIFIER_PRONOUNS = ("un", "une", "l'un", "l’un", "l'une", "l’une", "plusieurs", "certains", "certaines", "beaucoup")
# Kinds of body so generic that "l'organisation" alone refers to the body that spoke last.
GENERIC_ORGANISATION_NOUNS = ("organisation", "ong", "organisme", "association")
# Words that join two names into a list, never one name ("la FNSEA et les Jeunes Agriculteurs").
COORDINATORS = ("et", "ou")
QUOTE_PAIRS = (("«", "»"), ("“", "”"), ('"', '"'))

# Relative pronouns that only a person takes as antecedent: "Brian Clay, who won" names a person.
PERSON_RELATIVES = ()
# The word that makes a present participle a gerund of manner ("…, en demandant une suspension").
GERUND_MARKERS = ("en",)
# Auxiliaries of a compound past the parse may read as a copula ("est intervenu").
PERFECT_AUXILIARIES = ("être",)
# Adverbs of a superlative written after its noun: "le bilan le plus récent".
SUPERLATIVE_ADVERBS = ("plus", "moins")
