"""What every extracted speaker must be (ANNOTATION.md): a noun phrase written in the article.

Shared by tests/test_speaker_phrases.py (tests/gold) and the real-news gate (tests/test_news_accuracy.py).
The checks read the article's own parse where the speaker is written, not the extractor's code.
"""
from __future__ import annotations

import re

from lib.extract import extract
from lib.extract.nlp import parse
from lib.models import Article

# Words that open a clause or a sentence, never a noun phrase ("But I can also", "Selon le…").
NOT_PHRASE_OPENERS = {
    "en": {"and", "but", "or", "so", "however", "also", "then", "still", "yet", "although", "while", "if", "when",
           "that", "which", "who", "according", "to", "of", "in", "on", "at", "for", "by", "with", "from"},
    "fr": {"et", "mais", "ou", "donc", "or", "puis", "alors", "aussi", "également", "cependant", "toutefois", "si",
           "quand", "que", "qui", "selon", "d'après", "d’après", "à", "de", "en", "dans", "sur", "pour", "par",
           "avec", "pendant", "depuis", "au", "aux"},
}
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))


def phrase_problems(speaker: str, text: str, doc, lang: str) -> list[str]:
    """Why `speaker` is not a noun phrase of the article `text` (parsed as `doc`); empty when it is one."""
    problems = []
    if any(ch.isdigit() for ch in speaker):
        problems.append("has a digit")
    if any(speaker.count(o) != speaker.count(c) for o, c in _PAIRS) or speaker.count('"') % 2:
        problems.append("unbalanced punctuation")
    if re.search(r"[,;:!?\n]", speaker) or speaker[:1] in "-–—'’)»”" or speaker[-1:] in "-–—('’«“":
        problems.append("broken punctuation")
    words = speaker.split()
    if len(words) > 1 and all(w.isupper() for w in words if any(ch.isalpha() for ch in w)):
        problems.append("a headline in capitals")
    if words and words[0].lower() in NOT_PHRASE_OPENERS[lang]:
        problems.append(f"opens with {words[0]!r}")
    where = text.find(speaker)
    if where < 0:
        problems.append("not written in the article")
    else:
        span = doc.char_span(where, where + len(speaker), alignment_mode="expand")
        finite = [t.text for t in span if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")]
        if finite:
            problems.append(f"has a finite verb {finite}")
    return problems


def speaker_problems(text: str, lang: str, published=None) -> list[str]:
    """One line per speaker of the article's claims that fails the noun-phrase test."""
    doc = parse(text, lang)
    lines = []
    for claim in extract(Article(text, lang=lang, published=published)).claims:
        if claim.speaker:
            problems = phrase_problems(claim.speaker, text, doc, lang)
            if problems:
                lines.append(f"{claim.speaker!r} ({', '.join(problems)}) in {claim.text[:80]!r}")
    return lines
