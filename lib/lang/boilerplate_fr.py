"""French site boilerplate: lines that are the site talking, not the article.

Read by lib/sources/text.py (boilerplate_spans). Data only.
"""

# Whole lines, compared case-insensitively after trailing punctuation is stripped.
WHOLE_LINES = (
    "publicité", "annonce", "partager", "partagez", "s'abonner", "s’abonner", "abonnez-vous",
    "lire la suite", "lire aussi", "à lire aussi", "voir aussi", "imprimer", "copier le lien",
    "newsletter", "commenter", "réagir", "contenu sponsorisé", "en continu", "les plus lus",
    "accepter", "tout accepter", "refuser",
)

# Regexes matched at the start of a line shorter than 240 characters; specific enough
# that an article sentence ("Partager les coûts…") does not begin with them.
LINE_STARTS = (
    r"(?:verrouiller|déverrouiller|débloquez|débloquer|déverrouillez)\b.{0,80}\bgratuit",
    r"votre guide (?:sur|de|pour)\b",
    r"(?:inscrivez-vous|abonnez-vous|s['’]abonner|recevez|recevoir)\b.{0,60}\b(?:newsletter|lettre d['’]information|gratuitement|alertes?)\b",
    r"(?:abonnez-vous|inscrivez-vous)\b",
    r"(?:lire|à lire|voir) (?:aussi|également|la suite)\s*:",
    r"déjà abonné",
    r"cet article vous est offert\b",
    r"(?:article |contenu )?réservé aux (?:abonnés|abonnées|membres)\b",
    r"partager (?:sur|cet article|par e-?mail|via)\b",
    r"(?:nous utilisons|ce site utilise|ce site web utilise) des cookies",
    r"(?:accepter|gérer|paramétrer) (?:les |mes )?cookies",
    r"tous droits réservés",
    r"suivez-nous\b",
    r"suivez (?:notre|le) (?:direct|live|fil)\b",
    r"(?:cliquez|appuyez) ici\b",
    r"publicité\s*[-–:]",
    r"newsletter\s*[-–:]",
)
