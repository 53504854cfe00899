"""Who a sentence is attributed to, read from the sentence's structure on the article's one parse.

`Attribution(doc, lang)` indexes the parsed article once (quotations, names and their longest forms,
acronyms, the titles and roles the article gives people and bodies, the issuers of reports) and then
answers `speaker(start, end)` for each sentence in order, carrying speakers across sentences:

- a cue of saying, reporting or believing (tables in lib/extract/lang/cues_<lang>.py) and its subject
  in the parse: "Radakin warned", "le Haut Conseil a averti"; the inverted subject after the statement:
  "», précise l'Insee", "said the minister"; a passive cue speaks only through its agent;
- a preposition of attribution: "selon la préfecture", "according to Nato officials", "Pour l'ONG, …";
- resolution: a pronoun takes the last compatible speaker; a description ("the agency", "le Premier
  ministre", "le rapport") the person or body the article names with it; a surname or an acronym the
  fullest form of the name in the article; an indefinite description ("a spokeswoman") stays as written;
- a quotation that continues (an open or reopened quote, or one after "said:") keeps its speaker.

The speaker is always a noun phrase cut from the parse: never a verb, a number or a broken fragment.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from types import ModuleType

from spacy.tokens import Doc, Token

from lib.extract.lang import cue_table, time_table
from lib.extract.nlp import feature, text_of
from lib.extract.tokens import Tokens as _Tokens

PRONOUN = "<pronoun>"
_MAX_PHRASE_TOKENS = 10
_NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM"}
_SUBJECTS = {"nsubj", "nsubj:outer", "csubj"}
_PASSIVE = {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"}
_AGENTS = {"obl:agent", "agent"}
_RELATIVE_CLAUSES = {"acl:relcl", "relcl"}
_OPENING_QUOTES = "«“\""
# The words after a quotation's closing mark that may name its speaker: '…," he said.'
_TAIL_CHARS = 160
# How many tokens after a cue a quotation may open and still be what the cue reports.
_QUOTE_REACH = 12
# How far back a person named by the journalist still stands first in line for "he" or "elle".
_RECENT_CHARS = 300
# A word or two in quotation marks is the journalist's scare quote; a quotation has at least this many words.
_QUOTATION_MIN_WORDS = 4
_SENTENCE_END = re.compile(r"[.!?\n]")
_ACTOR_LABELS = {"PER", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
_FUNCTION_POS = {"ADP", "DET", "ADV", "CCONJ", "SCONJ", "VERB", "AUX", "PRON", "PART", "INTJ"}


def _may_be_cue(t: ModuleType, lemma: str, lower: str, pos: str) -> bool:
    """Whether a word can be a cue at all, before its sentence is read: `_is_cue` accepts no other word."""
    return (lemma in t.LIGHT_VERB_COMPLEMENTS or lower in t.LIGHT_VERB_COMPLEMENTS or lower in t.CUE_FORMS
            or pos in ("VERB", "AUX") and lemma in t.CUE_LEMMAS)




@dataclass(frozen=True)
class Mention:
    """A speaker as the sentence writes it: a name, a description, or a pronoun."""

    text: str
    kind: str  # "name", "description", "bare" (no determiner), "indefinite", "source", "pronoun"
    head: str = ""
    plural: bool = False
    gender: str = ""
    position: int = 0
    cited: bool = False  # introduced as the source: "selon …", "according to …"


def attribution(sentence: str, lang: str) -> str | None:
    """The speaker one sentence names as written, PRONOUN when it names one by pronoun, else None.

    >>> attribution("« Nous sommes prêts », a déclaré Healy à la BBC.", "fr")
    'Healy'
    >>> attribution("He added that the plan was ready.", "en") == PRONOUN
    True
    """
    from lib.extract.nlp import parse

    doc = parse(sentence, lang)
    reader = Attribution(doc, lang)
    mention = reader.mention(0, len(sentence))
    if mention is None:
        return None
    return PRONOUN if mention.kind == "pronoun" else reader._resolve(mention)


class Attribution:
    """Speakers of an article's sentences, read in order from the article's one parse."""

    def __init__(self, doc: Doc, lang: str, tokens: _Tokens | None = None):
        self.doc = doc
        self.text = text_of(doc)
        self.t = cue_table(lang)
        self.lang = lang
        self.tok = tokens if tokens is not None else _Tokens(doc)
        self._starts = self.tok.idx
        self._quoted, self._regions = _quotations(self.text, doc, self._starts)
        self._region_starts = [start for start, _ in self._regions]
        self.names = _NameIndex(doc, self.t, lang, self.tok)
        # Read on the first description that needs it (few articles have one): it depends only on the parse.
        self._speaking_bodies: list[tuple[int, str]] | None = None
        # The only tokens `_is_cue` can accept, found once: each sentence then tries these, not all its words.
        tok = self.tok
        self._cue_words = [i for i, words in enumerate(zip(tok.lemma, tok.lower, tok.pos)) if _may_be_cue(self.t, *words)]
        self._phrases: dict[tuple[int, int, int, bool], Mention | None] = {}
        self.last: _Speaker | None = None
        self.quote_speaker: str | None = None
        self.pending: str | None = None
        self.previous: str | None = None
        self._carried = False
        self._spoken_end = 0
        self.subject: Mention | None = None
        self._actor: str | None = None
        self.history: list[_Speaker] = []
        self._by_name: dict[str, _Speaker] = {}
        self._body_by_word: dict[str, str] = {}
        self._last_person: str | None = None
        self._last_body: str | None = None
        self._sentence = (0, len(self.text))

    # --- one sentence -------------------------------------------------------------------------

    def speaker(self, start: int, end: int) -> str | None:
        """The resolved speaker of the sentence text[start:end]; call for each sentence in order."""
        self._sentence = (start, end)
        mention = self.mention(start, end)
        continues = self._continues_quote(start, end)
        pending, self.pending = self.pending, None
        previous, self.previous = self.previous, None
        subject, self.subject = self.subject, None
        actor, self._actor = self._actor, None
        if mention is None:
            mention = self._closing_attribution(start, end)
        if mention is None:
            self.subject = self._sentence_subject(start, end)
            self._actor = self._person_acting(start, end)
            # "Asafa Powell says the team knew it. "To be honest, …"": a quote right after an attributed
            # sentence, after "said:", or inside a quotation that goes on, keeps its speaker; "Il a souhaité
            # faire un rappel au règlement. « On ne peut pas accepter… »": one right after a sentence about
            # a person is theirs.
            carried = pending or previous or (actor if continues else None) or self.quote_speaker
            # '…, « seule l'intervention d'un passager a pu mettre un terme aux violences »': a quotation of a
            # few words or more inside a sentence that names no one, right after a quoted speaker, goes on
            # quoting them (a word or two in quotes is the journalist's scare quote, not a quotation).
            quoting_on = (previous is not None or self._carried) and \
                self._quotation_words(start, end) >= _QUOTATION_MIN_WORDS and not self._names_its_own_actor(start, end)
            self._carried = bool(carried and (continues or quoting_on))
            if self._carried:
                self.quote_speaker = carried
                self.previous = carried if quoting_on else None
                return carried
            return None
        if mention.kind == "pronoun":
            if subject is not None and not previous and self._agrees(subject, mention) and \
                    subject.text.split()[-1] not in self.text[start:end]:  # "il a dit à Trumont": not Trumont
                # "M. Denis Sassou Nguesso a accordé une interview… « … » a-t-il déclaré": the subject of the
                # sentence before, when it did not quote anyone ("Le plan… Il prévoit" names no speaker).
                found = self._resolve(subject)
                if found is None:
                    return None
                mention = subject  # what "il" stands for: a person when the subject was one
            else:
                found = self._pronoun(mention)
        else:
            found = self._resolve(mention)
        self._carried = False
        if found is None:
            return None
        self._remember(found, mention)
        self._spoken_end = end
        self.previous = found
        if self.text[start:end].rstrip().endswith(":") or self._has_quote(start, end):
            self.quote_speaker = found
        if self.text[start:end].rstrip().endswith(":"):
            self.pending = found
        return found

    def mention(self, start: int, end: int) -> Mention | None:
        """What the sentence text[start:end] says about its speaker, before resolution."""
        a, b = self._token_range(start, end)
        if a >= b:
            return None
        label = self._transcript_label(start, a, b)
        if label is not None:
            return label
        cues = [i for i in self._cue_words[bisect_left(self._cue_words, a) : bisect_left(self._cue_words, b)]
                if not self._quoted[i] and self._is_cue(i, a, b)]
        # "Three suppliers have written to customers…, she said": the attribution after the statement
        # speaks for the whole sentence, before any cue inside the statement.
        closing = [i for i in cues if i > a and self._after_statement(i, a)]
        for i in closing[::-1] + [i for i in cues if i not in closing]:
            found = self._speaker_of_cue(i, a, b)
            if found is not None:
                return found
        found = self._preposition(start, end, a, b)
        if found is not None:
            return found
        return self._participle(a, b)

    def _transcript_label(self, start: int, a: int, b: int) -> Mention | None:
        """'DILLER: "We have a go for main engine start.': a paragraph opening with a name and a colon, as a
        transcript writes it (the name in capitals, or a quotation right after the colon)."""
        if start > 0 and self.text[start - 1] != "\n":
            return None
        colon = next((k for k in range(a, min(b - 1, a + 4)) if self.tok.text[k] == ":"), None)
        if colon is None or colon == a:
            return None
        words = list(self.doc[a:colon])
        shouted = all(tok.text.isupper() and tok.is_alpha for tok in words) and len("".join(t.text for t in words)) > 2
        quoted = self.doc[colon + 1].text in _OPENING_QUOTES
        if not (shouted or quoted and all(self.names.capitalised(tok) for tok in words)):
            return None
        name = _joined(words)
        if not _is_phrase_text(name):
            return None
        return Mention(name, "name", name.split()[-1].lower(), position=words[0].idx)

    # --- cues ---------------------------------------------------------------------------------

    def _is_cue(self, i: int, a: int, b: int) -> bool:
        tok, t = self.tok, self.t
        lemma, lower, pos = tok.lemma[i], tok.lower[i], tok.pos[i]
        if not _may_be_cue(t, lemma, lower, pos):
            return False
        if lemma in t.LIGHT_VERB_COMPLEMENTS or lower in t.LIGHT_VERB_COMPLEMENTS:
            j = i + 1
            while j < b and tok.pos[j] == "ADV":
                j += 1  # "met également en cause"
            following = tok.lower[j] if j < b else ""
            return following in t.LIGHT_VERB_COMPLEMENTS.get(lemma, t.LIGHT_VERB_COMPLEMENTS.get(lower, ()))
        if not (pos in ("VERB", "AUX") and lemma in t.CUE_LEMMAS) and i > a and tok.pos[i - 1] in ("DET", "ADP"):
            return False  # a cue form after a determiner or a preposition is a noun ("le communiqué")
        children = tok.children[i]
        if pos == "AUX" and any(tok.dep[child] in ("cop",) for child in children):
            return False
        form, tense = tok.feature(i, "VerbForm"), tok.feature(i, "Tense")
        progressive = any(tok.dep[child].startswith("aux") for child in children)
        if ("Ger" in form or tok.tag[i] == "VBG" or ("Part" in form and "Pres" in tense)) \
                and not progressive:
            return False  # "…, saying that…", "…, ajoutant que…": read by _participle
        if "Part" in form and "Past" in tense and self.t.HEAD_FIRST and not any(
                tok.dep[child].startswith("aux") or tok.dep[child] == "cop" and self.doc[child].lemma_ in self.t.PERFECT_AUXILIARIES
                for child in children):  # ("est intervenu": a perfect the parse reads as a copula)
            return False  # "le texte, jugé trop coûteux": an adjective, not a statement
        if lemma in t.CLAUSE_LEMMAS or lower in t.CLAUSE_LEMMAS:
            return self._clause_follows(i, b) or self._after_statement(i, a)
        return True

    def _clause_follows(self, i: int, b: int) -> bool:
        """'a annoncé que…', 'showed that…', 'a estimé jeudi que…', 'said:' — a statement follows."""
        tok = self.tok
        for j in range(i + 1, min(b, i + 5)):
            if tok.lower[j] in self.t.CLAUSE_MARKERS or tok.text[j] in self.t.CLAUSE_MARKERS:
                return True
        if any(tok.dep[child] in ("ccomp", "parataxis") for child in tok.children[i]):
            return True
        # "est intervenu, trouvant le « procédé absolument choquant »": a quotation close after the cue
        opening = next((j for j in range(i + 1, min(b, i + _QUOTE_REACH)) if tok.text[j] in _OPENING_QUOTES), None)
        if opening is None:
            return False
        k = bisect_right(self._region_starts, tok.idx[opening]) - 1
        region = self._regions[k] if k >= 0 else (0, 0)
        return len(self.text[region[0] + 1 : region[1]].split()) >= _QUOTATION_MIN_WORDS

    def _after_statement(self, i: int, a: int) -> bool:
        """The cue follows what was said: '…, a estimé le ministère', '…,” said Healy'."""
        tok = self.tok
        j = i - 1
        while j >= a and (tok.pos[j] in ("AUX", "ADV") or tok.lower[j] in self.t.SKIP_AFTER_VERB):
            j -= 1
        return j >= a and tok.text[j] in (",", "»", "”", '"', ":", "—", "–")

    def _inverts(self, i: int, a: int) -> bool:
        """Whether the subject may follow the cue: in French after any statement ('…, a précisé le
        ministère'); in English after a quotation, or after a comma with a verb like 'said'."""
        if i == a or not self._after_statement(i, a):
            return i == a
        inverting, tok = self.t.INVERTING_LEMMAS, self.tok
        if inverting is None or tok.lemma[i] in inverting:
            return True
        j = i - 1
        while j >= a and (tok.text[j] == "," or tok.pos[j] in ("AUX", "ADV")):
            j -= 1
        return j >= a and tok.text[j] in ("»", "”", '"', "’")

    def _speaker_of_cue(self, i: int, a: int, b: int) -> Mention | None:
        token = self.doc[i]
        anchors = [token]
        if token.lemma_.lower() in self.t.LIGHT_VERB_COMPLEMENTS and a <= token.head.i < b and token.head.i != i:
            anchors.append(token.head)  # "a fait savoir": the subject hangs on "savoir"
        for j in range(max(a, i - 2), i):
            if self.doc[j].lower_.startswith("-") and self.doc[j].lower_ in self.t.PRONOUNS:
                return self._phrase(j, a, b)  # "a-t-elle précisé"
        if any(child.dep_ in _PASSIVE for child in token.children):
            agent = next((c for c in token.children if c.dep_ in _AGENTS), None)
            if agent is not None and agent.dep_ == "agent":
                agent = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return self._phrase(agent.i, a, b) if agent is not None and a <= agent.i < b else None
        if token.dep_ == "conj" and a <= token.head.i < token.i and not any(
                child.dep_ in _SUBJECTS for child in token.children):
            anchors.append(token.head)  # "X a fait procéder au vote et a déclaré que…": the subject they share
        for anchor in anchors:
            # "Le président du club, Joey Saputo s'est dit…": of two subjects side by side, the name speaks.
            for child in sorted(anchor.children, key=lambda c: c.dep_ in _SUBJECTS and c.pos_ != "PROPN"):
                if child.dep_ in _SUBJECTS and a <= child.i < b and not self._quoted[child.i]:
                    found = self._subject(child, anchor, a, b)
                    if found is not None:
                        return found
        if self._inverts(i, a):
            found = self._inverted(i, a, b)
            if found is not None:
                return found
        return self._before(i, a) or self._opening_phrase(i, a, b)

    def _opening_phrase(self, i: int, a: int, b: int) -> Mention | None:
        """'Healy, qui était présent au Japon, a déclaré que…': the phrase opening the sentence, set off by
        a comma, is the subject of a cue that introduces what follows."""
        k = i - 1
        while k > a and self.doc[k].pos_ == "ADV":
            k -= 1  # "…, est ensuite intervenu"
        if k < a or self.doc[k].pos_ not in ("AUX",) and self.doc[k].text != ",":
            return None
        j = a
        while j < i and self.doc[j].pos_ in ("DET",) or j < i and self.doc[j].is_punct:
            j += 1
        if j >= i or self._quoted[j]:
            return None
        end = self._extend_right(j, i)
        if end >= i or self.doc[end].text != ",":
            return None
        return self._phrase(j, a, i, from_start=True)

    def _subject(self, subject: Token, verb: Token, a: int, b: int) -> Mention | None:
        if subject.i < verb.i and any(tok.text == ":" for tok in self.doc[subject.i + 1 : verb.i]):
            # "Syrie : la Ligue des droits dénonce…": a headline's topic label, not the subject; the phrase
            # after the colon is.
            return self._before(verb.i, a)
        if any(child.dep_ == "case" and child.i < subject.i for child in subject.children):
            # "Sur Twitter, Philippe Gosselin a dénoncé…": a phrase after a preposition is no subject, whatever
            # the parse says; the name set beside it is.
            beside = next((c for c in subject.children if c.dep_ == "appos" and a <= c.i < b), None)
            return self._phrase(beside.i, a, b) if beside is not None else None
        lower = subject.lower_
        if lower in self.t.SELF_PRONOUNS:
            return None
        if lower in self.t.QUANTIFIER_PRONOUNS:
            # "L'un des deux porte-parole de l'équipe, Joe Incandela, a annoncé": the name set beside it
            appositive = self._appositive_name(subject, a, b)
            if appositive is not None:
                return appositive
        if subject.pos_ == "PRON" and lower not in self.t.PRONOUNS:
            # "qui a déclaré", "who said": the relative clause's antecedent speaks.
            if verb.dep_ in _RELATIVE_CLAUSES and a <= verb.head.i < b:
                return self._phrase(verb.head.i, a, b)
            return None
        return self._phrase(subject.i, a, b)

    def _inverted(self, i: int, a: int, b: int) -> Mention | None:
        """The subject after the verb: '», a précisé le ministère', 'said Defence Secretary John Healy'."""
        t, doc = self.t, self.doc
        j = i + 1
        while j < b:
            token = doc[j]
            lower = token.lower_
            if lower in t.PRONOUNS and (lower.startswith(("-", "t-")) or doc[j - 1].text in ("-t", "-t-")):
                return self._phrase(j, a, b)
            if lower in t.LIGHT_VERB_COMPLEMENTS.get(doc[i].lemma_.lower(), ()):
                j += 1
            elif token.pos_ in ("ADV", "AUX") or lower in t.SKIP_AFTER_VERB or lower in self.names.time_words:
                j += 1
            elif lower in t.ADDRESSEE_PREPOSITIONS:
                if j + 1 < b and doc[j + 1].pos_ in ("VERB", "AUX"):
                    return None  # "a appelé à maintenir…": a complement, not an addressee
                j = self._skip_addressee(j + 1, b)
            else:
                break
        if j >= b or doc[j].is_punct or doc[j].lower_ in t.CLAUSE_MARKERS:
            return None
        if doc[j].lower_ in t.PRONOUNS or doc[j].pos_ in ("NOUN", "PROPN", "DET", "ADJ", "NUM") or doc[j].is_title:
            return self._phrase(j, a, b, from_start=True)
        return None

    def _skip_addressee(self, j: int, b: int) -> int:
        """Past 'l'AFP', 'reporters', 'la BBC': the addressee, one entity or one word after its article."""
        doc = self.doc
        while j < b and (doc[j].pos_ == "DET" or doc[j].lower_ in self.t.DEFINITE_DETERMINERS):
            j += 1
        if j < b and doc[j].ent_iob_ == "B":
            k = j + 1
            while k < b and doc[k].ent_iob_ == "I":
                k += 1
            return k
        return j + 1

    def _before(self, i: int, a: int) -> Mention | None:
        """The noun phrase just before the cue when the parse gave it no subject."""
        doc = self.doc
        j = i - 1
        while j >= a and (doc[j].pos_ in ("AUX", "ADV") or doc[j].lower_ in ("s'", "s’", "se", "ne", "n'", "n’")):
            j -= 1
        if j > a and doc[j].text == ")":  # "Léa Brunet (PS) est intervenue": past the party in brackets
            k = j - 1
            while k > a and doc[k].text != "(" and j - k < _MAX_PHRASE_TOKENS:
                k -= 1
            j = k - 1 if doc[k].text == "(" else j
        if j < a or self._quoted[j] or doc[j].pos_ not in ("NOUN", "PROPN") or doc[j].is_punct:
            return None
        return self._phrase(j, a, i)

    def _preposition(self, start: int, end: int, a: int, b: int) -> Mention | None:
        sentence = self.text[start:end]
        for match in _prepositions(self.lang).finditer(sentence):
            position = start + match.end()
            k = bisect_left(self._starts, position, a, b)
            if k >= b or self._quoted[k]:
                continue
            found = self._phrase(k, a, b, from_start=True)
            if found is None:
                continue
            if found.kind == "source" and self.doc[k].lower_ in self.t.POSSESSIVE_DETERMINERS:
                # "according to its annual report", "selon son bilan": the body the sentence is about.
                root = next((tok for tok in self.doc[a:b] if tok.head.i == tok.i or not a <= tok.head.i < b), None)
                subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None) if root is not None else None
                found = self._subject(subject, root, a, b) if subject is not None else None
                if found is None:
                    continue
            found = replace(found, cited=True)
            if match.group(1).lower() in self.t.OPENING_ATTRIBUTION:
                # "Pour l'organisation, …" names a speaker; "Pour la première fois, …" does not.
                if match.start() > 3 or found.kind not in ("name", "description") or (
                    found.kind == "description"
                    and found.head not in _union(self.t, "PERSON_ROLES", "ORGANISATION_NOUNS")
                ):
                    continue
            return found
        return None

    def _participle(self, a: int, b: int) -> Mention | None:
        """'Morgan Stanley cut its target, saying…', '…, ajoutant que…': the sentence's subject speaks."""
        doc, tok = self.doc, self.tok
        for i in range(a + 1, b):
            # "…, saying", "…, ajoutant que", "…, en demandant au président une suspension"
            after_comma = tok.text[i - 1] == "," or (
                i - 2 >= a and tok.text[i - 2] == "," and tok.lower[i - 1] in self.t.GERUND_MARKERS)
            if self._quoted[i] or not after_comma or tok.lemma[i] not in self.t.CUE_LEMMAS:
                continue
            form, tense = tok.feature(i, "VerbForm"), tok.feature(i, "Tense")
            if not ("Ger" in form or tok.tag[i] == "VBG" or ("Part" in form and "Pres" in tense)
                    or tok.lower[i].endswith(("ant", "ing"))):
                continue
            root = next((tok for tok in doc[a:b] if tok.head.i == tok.i or not a <= tok.head.i < b), None)
            subject = next((c for c in root.children if c.dep_ in _SUBJECTS), None) if root is not None else None
            if subject is not None and subject.i < i:
                return self._subject(subject, root, a, b)
            if subject is None and root is not None and root.i < i:
                return self._before(root.i, a)  # the parse lost the subject: the name just before the verb
        return None

    # --- noun phrases -------------------------------------------------------------------------

    def _phrase(self, i: int, a: int, b: int, from_start: bool = False) -> Mention | None:
        """The noun phrase around token i (or starting at it), as a Mention; None when it is no speaker."""
        # A sentence's subject is read for its speaker, for the next sentence's pronoun and for the person
        # acting: the phrase depends only on the parse, so it is read once.
        key = (i, a, b, from_start)
        if key not in self._phrases:
            self._phrases[key] = self._read_phrase(i, a, b, from_start)
        return self._phrases[key]

    def _read_phrase(self, i: int, a: int, b: int, from_start: bool) -> Mention | None:
        doc, t = self.doc, self.t
        token = doc[i]
        determiner = token.lower_ in t.POSSESSIVE_DETERMINERS and i + 1 < b and doc[i + 1].pos_ in _NOMINAL
        if determiner:
            pass
        elif token.lower_ in t.PRONOUNS or token.lower_.lstrip("-") in t.PRONOUNS:
            number, gender = t.PRONOUNS.get(token.lower_, t.PRONOUNS.get(token.lower_.lstrip("-")))
            return Mention(PRONOUN, "pronoun", token.lower_, number == "p", gender, token.idx)
        elif token.lower_ in t.QUANTIFIER_PRONOUNS and i + 1 < b and doc[i + 1].lower_ in t.PHRASE_CONNECTORS:
            pass  # "L'un des deux porte-parole…", "one of the officials"
        elif token.pos_ == "PRON" or token.lower_ in t.SELF_PRONOUNS or token.is_punct or token.like_num and token.is_digit:
            return None
        left = i
        if not from_start:
            tok = self.tok
            while left - 1 >= a and self._extends_left(left - 1):
                left -= 1
                if tok.pos[left] == "DET" or tok.lower[left] in t.DEFINITE_DETERMINERS:
                    break
        right = self._extend_right(i, b)
        head = self._head(i, right) if from_start else token
        appositive = self._appositive_name(head, a, b)
        if appositive is not None:
            return appositive
        mention = self._mention(left, right, head)
        if mention is not None and mention.kind in ("description", "bare", "indefinite") and mention.head in t.PERSON_ROLES:
            # "a déclaré la ministre de la Transition, Agnès Lemoine."
            named = self._name_after_comma(right, b)
            if named is not None:
                return named
        return mention

    def _head(self, i: int, right: int) -> Token:
        """The head noun of the phrase doc[i:right]: the first noun in French, the last before a connector in English."""
        doc, t = self.doc, self.t
        nouns = []
        for token in doc[i:right]:
            if token.lower_ in t.PHRASE_CONNECTORS and nouns:
                break
            if token.pos_ in ("NOUN", "PROPN") or self.names.capitalised(token):
                nouns.append(token)
        if not nouns:
            return doc[i]
        return nouns[0] if t.HEAD_FIRST and not self.names.capitalised(nouns[0]) else nouns[-1]

    def _name_after_comma(self, right: int, b: int) -> Mention | None:
        doc = self.doc
        if right + 1 >= b or doc[right].text != ",":
            return None
        end = self._extend_right(right + 1, b)
        if end < b and doc[end].text not in (",", ".", ";", "!", "?", "»", "”"):
            return None
        runs = self.names.runs_in(list(doc[right + 1 : end]))
        if not runs or runs[0][0].i != right + 1:
            return None
        name = self.names.clean(runs[0])
        return Mention(name, "name", name.split()[-1].lower(), position=doc[right + 1].idx) if name else None

    def _extends_left(self, k: int) -> bool:
        tok = self.tok
        if tok.is_punct[k]:
            return tok.text[k] in ("'s", "’s")
        if tok.lower[k] in _union(self.t, *_DETERMINERS):
            return True
        return tok.pos[k] in ("DET", "ADJ", "PROPN", "NOUN", "NUM", "PART") or bool(tok.is_title[k])

    def _extend_right(self, i: int, b: int) -> int:
        tok, t = self.tok, self.t
        pos, lowers, texts, capital = tok.pos, tok.lower, tok.text, self.names.capital
        right = i + 1
        limit = min(b, i + _MAX_PHRASE_TOKENS)
        while right < limit:
            lower = lowers[right]
            nominal = (pos[right] in _NOMINAL or tok.is_title[right] or texts[right] in ("&",)) and not tok.is_punct[right]
            if pos[right] == "NUM" and tok.is_digit[right]:
                break
            if pos[right] == "DET" and right + 2 < b and lowers[right + 1] in t.SUPERLATIVE_ADVERBS and \
                    pos[right + 2] == "ADJ":
                right += 3  # "le bilan le plus récent"
                continue
            if texts[right] in ("-", "&") and not tok.space[right - 1] and right + 1 < limit and not tok.space[right]:
                right += 1  # "CGT-Cheminots", "Auvergne-Rhône-Alpes"
                continue
            if pos[right] in ("VERB", "AUX") and not tok.is_title[right] or lower in t.CUE_FORMS:
                break
            if lower in self.names.time_words or lower in t.SKIP_AFTER_VERB:
                break
            if nominal and not self._quoted[right]:
                right += 1
                continue
            if pos[right] == "DET" and right > i and lowers[right - 1] in t.PHRASE_CONNECTORS:
                right += 1
                continue
            if capital[right - 1] and lower not in t.NAME_CONNECTORS and not nominal:
                break
            if lower in t.PHRASE_CONNECTORS and right + 1 < limit and not tok.is_punct[right + 1] and (
                pos[right + 1] in _NOMINAL_OR_DET or tok.is_title[right + 1]
            ) and not (pos[right + 1] == "NUM" and tok.is_digit[right + 1]):
                right += 1
                continue
            break
        while right - 1 > i and (lowers[right - 1] in t.PHRASE_CONNECTORS or pos[right - 1] == "DET"):
            right -= 1
        return right

    def _appositive_name(self, head: Token, a: int, b: int) -> Mention | None:
        """'Le secrétaire à la Défense, John Healy, a déclaré': a description followed by the name it describes."""
        if head.pos_ == "PROPN" or head.is_title:
            return None
        for child in head.subtree:
            if child.dep_ == "appos" and a <= child.i < b and (child.pos_ == "PROPN" or child.is_title) and (
                    child.head.i == head.i or child.head.dep_ in ("nmod", "appos") and child.head.head.i == head.i):
                right = self._extend_right(child.i, b)
                name = self.names.name_in(self.doc[child.i : right])
                if name:
                    return Mention(name, "name", name.split()[-1].lower(), position=child.idx)
        return None

    def _mention(self, left: int, right: int, head: Token) -> Mention | None:
        t = self.t
        tokens = list(self.doc[left:right])
        if "'s" in [tok.text for tok in tokens] or "’s" in [tok.text for tok in tokens]:
            cut = max(k for k, tok in enumerate(tokens) if tok.text in ("'s", "’s"))
            if cut + 1 < len(tokens):
                tokens = tokens[cut + 1 :]  # "VOA's Jim Stevenson": the person, not the outlet
        determiners = _union(t, *_DETERMINERS)
        kind = "bare" if tokens and tokens[0].pos_ != "DET" and tokens[0].lower_ not in determiners else "description"
        while tokens and tokens[0].lower_ in determiners:
            first = tokens.pop(0).lower_
            kind = "indefinite" if first in t.INDEFINITE_DETERMINERS else "description"
        while tokens and (tokens[0].is_punct or tokens[0].lower_ in t.NOT_PHRASE_START):
            tokens.pop(0)
        if not tokens:
            return None
        if any(tok.pos_ == "NUM" and tok.is_digit for tok in tokens):
            return None
        head = head if head in tokens else tokens[-1]
        head_lower = head.lower_
        lemma = head.lemma_.lower()
        known = _union(t, "PERSON_ROLES", "ORGANISATION_NOUNS", "SOURCE_NOUNS", "ROLES_FOR_ORGANISATION")
        if head_lower not in known and lemma in known:
            head_lower = lemma  # "chercheurs" -> "chercheur", "agencies" -> "agency"
        names = self.names.runs_in(tokens)
        plural = "Plur" in feature(head, "Number")
        gender = {"Masc": "m", "Fem": "f"}.get(next(iter(feature(head, "Gender")), ""), "")
        position = tokens[0].idx
        if head_lower in t.VAGUE_SOURCES:
            return None
        # A name in the phrase: "le président Denis Sassou Nguesso", "la direction de la SNCF", "le rapport du BEA".
        if names and names[0][0].i == tokens[0].i and self._role_follows(names[0][-1].i + 1, tokens[-1].i + 1):
            # "Nick De Santis le directeur sportif de l'équipe, a affirmé": the name, then who they are
            name = self.names.clean(names[0])
            if name:
                return Mention(name, "name", name.split()[-1].lower(), plural, gender, tokens[0].idx)
        if names and self.names.capitalised(head) and names[0][0].i == tokens[0].i:
            # "Haut Conseil pour le climat", "Santé publique France": the whole phrase is the name.
            name = self.names.clean(tokens)
            if name:
                return Mention(name, "name", name.split()[-1].lower(), plural, gender, tokens[0].idx)
        if names:
            chosen = next((run for run in names if any(tok.i == head.i for tok in run)), None)
            if chosen is None:
                after = [run for run in names if run[0].i > head.i]
                direct = next((run for run in after if all(
                    tok.pos_ == "ADJ" or tok.is_title for tok in self.doc[head.i + 1 : run[0].i])), None)
                if head_lower in t.ROLES_FOR_ORGANISATION or head_lower in t.SOURCE_NOUNS:
                    chosen = after[-1] if after else None  # "la direction de la SNCF", "le rapport du BEA"
                    body = next((tok for tok in tokens if head.i < tok.i < (chosen[0].i if chosen else 0)
                                 and tok.lower_ in t.ORGANISATION_NOUNS), None)
                    described = self.names._described_body(body) if body is not None else None
                    if described:  # "le communiqué de la préfecture du Nord": the prefecture, not the Nord
                        return Mention(described, "name", body.lower_, plural, gender, body.idx)
                elif head_lower in t.PERSON_ROLES or head_lower in t.ORGANISATION_NOUNS:
                    chosen = direct  # "le président Denis Sassou Nguesso", "l'ONG Human Rights Watch"
                elif names[-1][-1].i == tokens[-1].i and names[-1][0].i > head.i and not t.HEAD_FIRST:
                    chosen = names[-1]  # "catastrophe modeller Halden Risk Analytics"
            if chosen is not None:
                name = self.names.clean(chosen)
                if name:
                    return Mention(name, "name", name.split()[-1].lower(), plural, gender, chosen[0].idx)
        if head_lower in t.SOURCE_NOUNS:
            complement = self._complement(tokens, head)
            if complement is not None:
                return complement
            return Mention(_joined(tokens), "source", head_lower, plural, gender, position)
        text = _joined(tokens)
        if not _is_phrase_text(text):
            return None
        return Mention(text, kind, head_lower, plural, gender, position)

    def _role_follows(self, i: int, end: int) -> bool:
        """Whether doc[i:end] opens with a determiner and a person's role or a kind of body ("le directeur…")."""
        t, doc = self.t, self.doc
        if i + 1 >= end or doc[i].lower_ not in _union(t, "DEFINITE_DETERMINERS", "INDEFINITE_DETERMINERS"):
            return False
        following = doc[i + 1].lower_
        return following in t.PERSON_ROLES or following in t.ORGANISATION_NOUNS

    def _complement(self, tokens: list[Token], head: Token) -> Mention | None:
        """'les témoignages des anciens détenus' -> 'anciens détenus': a source speaks for its authors."""
        after = [tok for tok in tokens if tok.i > head.i]
        while after and (after[0].lower_ in self.t.PHRASE_CONNECTORS or after[0].pos_ in ("DET", "ADJ")):
            after.pop(0)
        if after and after[0].pos_ in ("NOUN", "PROPN"):
            nouns = [tok for tok in after if tok.pos_ in ("NOUN", "PROPN")]
            text = _joined([tok for tok in tokens if tok.i > head.i and tok.i >= after[0].i - 1 and not (
                tok.pos_ == "DET" or tok.lower_ in self.t.PHRASE_CONNECTORS) or tok.i >= after[0].i])
            return Mention(text, "description", nouns[0].lower_, position=after[0].idx) if text else None
        return None

    # --- resolution ---------------------------------------------------------------------------

    def _resolve(self, mention: Mention) -> str | None:
        names, t = self.names, self.t
        if mention.kind == "name" and mention.text.lower() in t.ORGANISATION_NOUNS:
            mention = Mention(mention.text, "description", mention.text.lower(), position=mention.position)  # "l'ONG"
        if mention.kind == "name":
            return names.fullest(mention.text, mention.position)
        last_body = self._last_body
        if mention.kind == "source" and mention.plural and self._bare(mention):
            return mention.text  # "Reports say…", "Studies show…": no one in particular
        if mention.kind == "source":
            # "le rapport du BEA" -> BEA; "the report" alone -> the body that spoke last
            issuer = names.issuer(mention.head, mention.position) or last_body or \
                self._body_that_speaks_later(mention.position)
            if issuer:
                return names.fullest(issuer, mention.position)
            # "selon le bilan le plus récent": a document cited as the source, no one named for it, speaks under
            # its own name; "Le texte prévoit…" describes a document, it quotes no one.
            return mention.text if mention.cited else None
        if mention.kind == "indefinite" or mention.kind == "bare" and mention.plural:
            return mention.text  # "a spokeswoman", "officials say": a new speaker, kept as written
        head = mention.head
        if head in t.ROLES_FOR_ORGANISATION:
            # "the spokesperson said", "a indiqué la direction": the body the article named with that role, else
            # one the sentence names ("Aux HCL, …, a indiqué la direction"), else the body that spoke last.
            named = names.with_role(head, mention.position)
            named = named or names.body_between(self._sentence[0], mention.position) or last_body
            if named:
                return names.fullest(named, mention.position)
        if head in t.PERSON_ROLES and not mention.plural:
            # "the secretary", "le leader congolais": the person the article names with that title, else
            # the person who spoke last, else the last person it named.
            person = names.with_role(head, mention.position)
            person = person or self._last_person
            if person:
                return names.fullest(person, mention.position)
        if head in t.ROLES_FOR_ORGANISATION and head not in t.PERSON_ROLES or head in t.ORGANISATION_NOUNS:
            # "the agency", "l'organisation", "la direction": the body named with that kind, else one the
            # sentence names, else the body that spoke last.
            earlier = self._body_by_word.get(head)
            body = earlier or names.with_role(head, mention.position)
            body = body or names.body_between(self._sentence[0], mention.position)
            if body is None and head in t.GENERIC_ORGANISATION_NOUNS:
                body = last_body  # "l'organisation", "the group": the body that spoke last
            if body is None and not self.history:
                body = self._body_that_speaks_later(mention.position)
            if body:
                return names.fullest(body, mention.position)
        return mention.text

    def _bare(self, mention: Mention) -> bool:
        k = bisect_left(self._starts, mention.position)
        return k < len(self.doc) and self.doc[k].pos_ != "DET" and (k == 0 or self.doc[k - 1].pos_ != "DET")

    def _bodies_that_speak(self) -> list[tuple[int, str]]:
        """(position, name) of every body the article names as the subject of a cue ("The WFP says…")."""
        found = []
        tok, cues = self.tok, self.t.CUE_LEMMAS
        for token in [self.doc[i] for i, (pos, lemma) in enumerate(zip(tok.pos, tok.lemma)) if pos == "VERB" and lemma in cues]:
            subject = next((c for c in token.children if c.dep_ in _SUBJECTS and c.pos_ == "PROPN"), None)
            if subject is None:
                continue
            name = self.names.name_in(self.doc[subject.left_edge.i : subject.i + 1])
            name = self.names.fullest(name, subject.idx) if name else None
            if name and not self.names.is_person(name):
                found.append((subject.idx, name))
        return found

    def _body_that_speaks_later(self, position: int) -> str | None:
        """'The U.N. food agency says… The WFP says…': a body described before the article names it is the one
        body that speaks after — when exactly one does."""
        if self._speaking_bodies is None:
            self._speaking_bodies = self._bodies_that_speak()
        later = {name for where, name in self._speaking_bodies if where > position}
        return later.pop() if len(later) == 1 else None

    def _sentence_subject(self, start: int, end: int) -> Mention | None:
        """The subject of the sentence's main verb, as a phrase, when it is not a pronoun."""
        a, b = self._token_range(start, end)
        subject = self._main_subject(a, b)
        if subject is None or self.tok.pos[subject] == "PRON" or self._quoted[subject]:
            return None
        return self._phrase(subject, a, b)

    def _main_subject(self, a: int, b: int) -> int | None:
        """The subject of the first root in doc[a:b], as a token index."""
        head, dep = self.tok.head, self.tok.dep
        root = next((k for k in range(a, b) if head[k] == k), None)
        return next((c for c in self.tok.children[root] if dep[c] in _SUBJECTS), None) if root is not None else None

    def _person_acting(self, start: int, end: int) -> str | None:
        """The person the sentence's main verb has as subject ('Il a souhaité…', 'Christian Jacob a demandé…')."""
        a, b = self._token_range(start, end)
        subject = self._main_subject(a, b)
        if subject is None or self._quoted[subject]:
            return None
        mention = self._phrase(subject, a, b)
        if mention is None or mention.plural:
            return None
        if mention.kind == "pronoun":
            found = self._pronoun(mention) if mention.gender in ("m", "f") else None
            return found if found and self.names.is_person(found) else None
        if mention.kind == "name" and self.names.is_person(self.names.fullest(mention.text, mention.position)):
            return self.names.fullest(mention.text, mention.position)
        return None

    def _agrees(self, subject: Mention, pronoun: Mention) -> bool:
        if subject.kind == "pronoun" or subject.plural != pronoun.plural:
            return False
        person = subject.head in self.t.PERSON_ROLES or subject.kind == "name" and self.names.is_person(subject.text)
        if pronoun.gender == "n":
            return not person
        if pronoun.gender and subject.gender and pronoun.gender != subject.gender:
            return False
        return person or self.t.HEAD_FIRST  # "il" may be "le plan"; "he" is a person

    def _pronoun(self, mention: Mention) -> str | None:
        if not mention.plural and mention.gender != "n":
            # "Mastering 10 events was the winning combination for Brian Clay. … "…," he said.": a person the
            # journalist named after the last speaker had their say is who "he" is now.
            # Only a person named just before (a sentence or two), and not in the pronoun's own sentence:
            # "il a dit à Trump que…" is never Trump.
            start, end = self._sentence
            since = max(self._spoken_end, start - _RECENT_CHARS)
            newer = self.names.person_between(since, start, self._in_quotation)
            if newer is not None and newer.split()[-1] not in self.text[start:end]:
                newer = self.names.fullest(newer, start)
                if not self.history or newer != self.history[-1].name:
                    return newer
        for earlier in reversed(self.history[-6:]):
            if earlier.plural != mention.plural and mention.gender != "n":
                continue
            if mention.gender and earlier.gender and earlier.gender != mention.gender:
                continue
            return earlier.name
        return self.last.name if self.last else None

    def _remember(self, name: str, mention: Mention) -> None:
        person = mention.kind == "pronoun" and self.last is not None and self.last.person or (
            mention.kind == "name" and self.names.is_person(name)
        ) or (mention.kind not in ("name", "pronoun") and mention.head in self.t.PERSON_ROLES)
        if mention.kind == "pronoun":
            previous = self._by_name.get(name)
            speaker = _Speaker(name, previous.plural if previous else False, previous.gender if previous else "",
                               previous.person if previous else person)
        else:
            speaker = _Speaker(name, mention.plural, mention.gender, person)
        self.last = speaker
        self.history.append(speaker)
        # Latest speaker per question asked of the history: scanning it for each sentence made a long article
        # with many speakers cost the square of its length.
        self._by_name[name] = speaker
        if speaker.person:
            self._last_person = name
        else:
            self._last_body = name
            for word in name.casefold().split():
                self._body_by_word[word] = name

    def is_statement(self, start: int, end: int) -> bool:
        """Whether text[start:end] is a clause with a finite verb (a statement), not a bare title."""
        a, b = self._token_range(start, end)
        tok = self.tok
        return any(tok.pos[k] in ("VERB", "AUX") and (
            "Fin" in tok.feature(k, "VerbForm") or tok.tag[k] in ("VBD", "VBZ", "VBP", "MD")) for k in range(a, b))

    def is_sign_off(self, start: int, end: int, t: ModuleType) -> bool:
        """'Lisa Schlein reports for VOA from Geneva.': the reporter's sign-off, a byline, not a claim."""
        a, b = self._token_range(start, end)
        tok = self.tok
        for k in range(a, b):
            if tok.lemma[k] not in t.SIGN_OFF_LEMMAS or tok.pos[k] != "VERB":
                continue
            token = self.doc[k]
            children = list(token.children)
            subject = next((c for c in children if c.dep_ in _SUBJECTS), None)
            if subject is None or subject.pos_ != "PROPN" or any(
                    c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in children):
                return False
            return any(c.lower_ in t.SIGN_OFF_PREPOSITIONS or any(
                g.dep_ == "case" and g.lower_ in t.SIGN_OFF_PREPOSITIONS for g in c.children) for c in children)
        return False

    def actors(self, start: int, end: int) -> tuple[str, ...]:
        """First words of the people, bodies and places the parse finds in text[start:end] ("Mexico has…")."""
        a, b = self._token_range(start, end)
        tok = self.tok
        return tuple(tok.text[k] for k in range(a, b) if tok.iob[k] == "B" and tok.ent_type[k] in _ACTOR_LABELS)

    # --- quotations ---------------------------------------------------------------------------

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self._starts, start), bisect_left(self._starts, end)

    def _continues_quote(self, start: int, end: int) -> bool:
        """The sentence opens with a quotation mark or inside a quotation opened before it."""
        body = self.text[start:end].lstrip(" \u00a0-–—")
        if body[:1] in _OPENING_QUOTES:
            return True
        k = bisect_right(self._region_starts, start) - 1
        return k >= 0 and self._regions[k][0] < start < self._regions[k][1]

    def _names_its_own_actor(self, start: int, end: int) -> bool:
        """'Bruno Le Roux, président du groupe, est intervenu, trouvant le « procédé choquant »': a sentence about
        someone it names quotes them, not the last speaker, even when no cue of saying was found."""
        subject = self.subject if self.subject is not None else self._sentence_subject(start, end)
        if subject is not None and subject.kind == "name":
            return True
        a, b = self._token_range(start, end)
        return a < b and self.names.capital[a] and self.tok.ent_type[a] in _ACTOR_LABELS

    def _closing_attribution(self, start: int, end: int) -> Mention | None:
        """'"Just knowing I had to finish was no comfort. I still had to… line. But…," he said.': a sentence of a
        quotation that closes in a later sentence is said by whoever the words after the closing mark name."""
        k = bisect_right(self._region_starts, end) - 1
        if k < 0 or not (self._regions[k][0] < end < self._regions[k][1]):
            return None
        closing = self._regions[k][1]
        if closing >= len(self.text) or self.text[closing] == "\n":
            return None  # the quotation runs to the paragraph's end: nothing after it names a speaker
        tail = _SENTENCE_END.search(self.text, closing + 1, min(len(self.text), closing + _TAIL_CHARS))
        if tail is None:
            return None
        return self.mention(closing + 1, tail.end())

    def _quotation_words(self, start: int, end: int) -> int:
        """Words inside quotation marks in text[start:end]."""
        k = max(0, bisect_right(self._region_starts, start) - 1)
        words = 0
        while k < len(self._regions) and self._regions[k][0] < end:
            left, right = max(start, self._regions[k][0] + 1), min(end, self._regions[k][1])
            words += len(self.text[left:right].split()) if left < right else 0
            k += 1
        return words

    def _in_quotation(self, position: int) -> bool:
        k = bisect_right(self._region_starts, position) - 1
        return k >= 0 and self._regions[k][0] < position < self._regions[k][1]

    def _has_quote(self, start: int, end: int) -> bool:
        k = bisect_left(self._region_starts, start)
        return (k < len(self._regions) and self._regions[k][0] < end) or self._continues_quote(start, end)


@dataclass(frozen=True)
class _Speaker:
    name: str
    plural: bool
    gender: str
    person: bool


class _NameIndex:
    """Names the article writes, indexed once: their fullest forms, acronyms, and the roles they carry."""

    def __init__(self, doc: Doc, t: ModuleType, lang: str, tokens: _Tokens | None = None):
        self.doc, self.t = doc, t
        self.text = text_of(doc)
        self.tok = tok = tokens or _Tokens(doc)
        self.time_words = _time_words(lang)
        self.runs: list[tuple[int, str]] = []  # (char position, cleaned name) of every capitalised run
        self._fullest: dict[str, str] = {}
        self._distinct: list[tuple[int, str]] = []
        self._distinct_names: list[str] = []
        self._ents = ents = doc.ents  # built anew on each read of doc.ents
        self.persons: set[str] = {e.text for e in ents if e.label_ in ("PER", "PERSON")}
        self.bodies: set[str] = {e.text for e in ents if e.label_ in ("ORG", "GPE")}
        # A nationality alone is a body ("the Americans"); before a name it describes a person ("American Brian Clay").
        self.nationalities: set[str] = {e.text for e in ents if e.label_ == "NORP"}
        self.roles: dict[str, list[tuple[int, str]]] = {}
        self.labels: dict[str, str] = {}
        # "for American Brian Clay, who won the decathlon": a name a personal relative pronoun follows is a
        # person's, whatever label a small model's entity recogniser gave it.
        self.persons |= {name for name in (self._relative_antecedent(doc[i]) for i, lower in enumerate(tok.lower)
                                           if lower in t.PERSON_RELATIVES) if name}
        # Words written capitalised inside a sentence: at a sentence's start they are still names ("Healy a dit").
        texts, space = tok.text, tok.space
        upper = [i for i, text in enumerate(texts) if text[:1].isupper()]  # only these can open a name
        # Whether each capitalised word opens a sentence
        self._opens = opens = {i: i == 0 or texts[i - 1] in _SENTENCE_OPENERS or "\n" in space[i - 1] + texts[i - 1]
                               for i in upper}
        self.inside = {texts[i] for i in upper if not opens[i]}
        # Whether each token can belong to a name, decided once: the readers ask it of the same tokens again and again.
        self.capital = [False] * len(texts)
        for i in upper:
            self.capital[i] = self._capitalised_at(i)
        self.issuers: dict[str, list[tuple[int, str]]] = {}
        self._phrase_texts: dict[str, bool] = {}
        self._index()

    def _relative_antecedent(self, pronoun: Token) -> str | None:
        clause = pronoun.head
        if clause.dep_ not in _RELATIVE_CLAUSES or clause.head.pos_ != "PROPN":
            return None
        head = clause.head
        entity = next((e for e in self._ents if e.start <= head.i < e.end), None)
        return entity.text if entity is not None else head.text

    def _index(self) -> None:
        doc, t = self.doc, self.t
        tok, capital = self.tok, self.capital
        iob, texts, lower_, space = tok.iob, tok.text, tok.lower, tok.space
        connectors = t.NAME_CONNECTORS
        i, n = 0, len(doc)
        while i < n:
            if not capital[i]:
                i += 1
                continue
            j = i + 1
            while j < n:
                if iob[j] == "B" and iob[j - 1] in ("B", "I"):
                    break  # "l'AFP Sophie Lacombe": two names side by side
                if capital[j]:
                    j += 1
                elif texts[j] in ("-", "&") and not space[j - 1] and j + 1 < n and capital[j + 1]:
                    j += 2
                elif lower_[j] in connectors and j + 1 < n and capital[j + 1]:
                    j += 2
                elif lower_[j] in connectors and j + 2 < n and lower_[j + 1] in connectors and capital[j + 2]:
                    j += 3
                else:
                    break
            name = self._clean_at(list(range(i, j)))
            if name and lower_[i] in t.ORGANISATION_NOUNS and not name.lower().startswith(lower_[i]):
                self.roles.setdefault(lower_[i], []).append((tok.idx[i], name))  # "l'ONG Human Rights Watch"
            if name:
                self.runs.append((tok.idx[i], name))
                self.labels[name] = self.labels.get(name) or tok.ent_type[j - 1]
                self._roles_before(i, name)
            i = j
        # Only the words of these lists start the work below: the rest of the article is skipped without a Token.
        kinds = _union(t, "ORGANISATION_NOUNS", "ROLES_FOR_ORGANISATION", "PERSON_ROLES", "SOURCE_NOUNS")
        for token in [doc[k] for k, lower in enumerate(lower_) if lower in kinds]:
            lower = token.lower_
            if lower in t.ORGANISATION_NOUNS and not self.capitalised(token):
                described = self._described_body(token)
                if described:
                    self.roles.setdefault(lower, []).append((token.idx, described))
            elif lower in t.ROLES_FOR_ORGANISATION:
                described = self._described_body(token)
                if described:  # "la direction de la SNCF": a later "la direction" is the SNCF's
                    body = self.name_in(self.doc[token.i + 1 : token.i + 1 + len(described.split()) + 2])
                    if body:
                        self.roles.setdefault(lower, []).append((token.idx, body))
            if lower in _union(t, "ORGANISATION_NOUNS", "PERSON_ROLES") and token.dep_ == "appos":
                name = self._name_at(token.head)
                if name:
                    self.roles.setdefault(lower, []).append((token.idx, name))
            if lower in t.SOURCE_NOUNS:
                issuer = self._issuer_of(token)
                if issuer:
                    self.issuers.setdefault(lower, []).append((token.idx, issuer))
        for key in self.roles:
            self.roles[key].sort()
        # "President Alain Sarkel", "le ministre Jean Dupont": a name written with a person's title is a person's.
        self.titled = {name for role, entries in self.roles.items() if role in t.PERSON_ROLES or role == ""
                       for _, name in entries}
        self.roles.pop("", None)

    def capitalised(self, token: Token) -> bool:
        """A word that can belong to a name: capitalised, and not a capitalised function word or the
        common word that opens a sentence ('Selon', 'Will', 'Shares')."""
        return self.capital[token.i]

    def _capitalised_at(self, i: int) -> bool:
        tok = self.tok
        text = tok.text[i]
        if not text[:1].isupper() or tok.is_punct[i] or tok.like_num[i]:
            return False
        if text.lower() in self.t.NOT_PHRASE_START or text.lower() in self.time_words:
            return False
        pos, entity = tok.pos[i], tok.ent_type[i]
        if pos in _FUNCTION_POS and not (entity and text in self.inside):
            return False
        hyphenated = i + 2 < len(tok.text) and tok.text[i + 1] == "-" and not tok.space[i] \
            and tok.text[i + 2][:1].isupper()  # "Météo-France"
        if pos != "PROPN" and not entity and self._opens[i] and text not in self.inside and not hyphenated:
            return False
        return any(ch.isalpha() for ch in text)

    def _roles_before(self, i: int, name: str) -> None:
        """'le président Denis Sassou Nguesso', 'Defense Secretary Robert Gates', "l'ONG Human Rights Watch",
        'Environment Agency': the role or kind of body written with a name refers to it later."""
        t, tok = self.t, self.tok
        at = tok.idx[i]
        words = [w.lower() for w in name.split()]
        for k, word in enumerate(words):
            # "Environment Agency", "Bank of England" name an agency and a bank; "Bank Rate" no bank
            # ("L'ONG" alone is the kind, not a name of one: it must not become what "l'ONG" refers to)
            if word in t.ORGANISATION_NOUNS and len(words) > 1 and (
                    k == len(words) - 1 or words[k + 1] in t.NAME_CONNECTORS):
                self.roles.setdefault(word, []).append((at, name))
        k = i + len(name.split())
        for m in range(max(0, i - 3), min(len(tok.lower), k + 2)):
            lower = tok.lower[m]
            if m >= i and lower.rstrip(".") in _titles_and_roles(t) and lower not in words:
                # the title the cleaned name dropped: "President Alain Sarkel" -> "Alain Sarkel" is a president
                if lower in t.PERSON_ROLES:
                    self.roles.setdefault(lower, []).append((at, name))
                self.roles.setdefault("", []).append((at, name))
                continue
            if m >= i and lower in words:
                # a title inside the run ("Secretary Robert Gates") names the person after it
                if lower in t.PERSON_ROLES:
                    self.roles.setdefault(lower, []).append((at, name))
                continue
            if m < i and (lower in t.PERSON_ROLES or lower in t.ORGANISATION_NOUNS):
                between = range(m + 1, i)
                if all(tok.pos[x] in ("ADJ", "PROPN", "NOUN") or tok.is_title[x] for x in between) and len(between) <= 3:
                    self.roles.setdefault(lower, []).append((at, name))

    def _described_body(self, token: Token) -> str | None:
        """"ministère de l'Intérieur", "préfecture de la Haute-Garonne": a body named by its kind and a name."""
        doc, t = self.doc, self.t
        k = token.i + 1
        while k < len(doc) and (doc[k].lower_ in t.NAME_CONNECTORS or doc[k].pos_ == "DET"):
            k += 1
        if k == token.i + 1 or k >= len(doc) or not self.capitalised(doc[k]):
            return None
        end = k + 1
        while end < len(doc) and (self.capitalised(doc[end]) or doc[end].text == "-" and not doc[end - 1].whitespace_):
            end += 1
        text = _joined(doc[token.i : end])
        return text if _is_phrase_text(text) else None

    def _name_at(self, token: Token) -> str | None:
        run = [tok for tok in token.subtree if self.capitalised(tok) and tok.i <= token.i + 4]
        run = [tok for tok in run if tok.i >= token.i and tok.i - token.i <= len(run)]
        return self.clean(run) if run and run[0].i == token.i else None

    def _issuer_of(self, token: Token) -> str | None:
        """'le rapport final du BEA' -> BEA; 'HRW a publié un rapport' -> HRW."""
        for child in token.children:
            if child.dep_ in ("nmod", "poss", "compound") and self.capitalised(child):
                return self._name_at(child)
        verb = token.head
        if token.dep_ in ("obj", "dobj") and verb.pos_ == "VERB":
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if subject is None and verb.dep_ == "xcomp":
                subject = next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and self.capitalised(subject):
                return self._name_at(subject) or subject.text
        return None

    def clean(self, run) -> str | None:
        """A capitalised run without leading titles ('Secretary', 'M.') and determiners."""
        return self._clean_at([tok.i for tok in run])

    def _clean_at(self, ks: list[int]) -> str | None:
        """`clean` of the tokens at these positions."""
        t, tok = self.t, self.tok
        lower = tok.lower
        titles = [k for k, i in enumerate(ks[:-1]) if lower[i].rstrip(".") in _stripped(t.NAME_TITLES)
                  or lower[i] in t.PERSON_ROLES]
        if titles:
            ks = ks[titles[-1] + 1 :]
        if len(ks) > 1 and tok.text[ks[0]].isupper() and lower[ks[0]] in t.ORGANISATION_NOUNS and self.capital[ks[1]]:
            ks = ks[1:]  # "l'ONG Human Rights Watch"
        first, stop = 0, len(ks)
        while first < stop and (lower[ks[first]] in t.NAME_CONNECTORS or tok.pos[ks[first]] == "DET"):
            first += 1
        while stop > first and lower[ks[stop - 1]] in t.NAME_CONNECTORS:
            stop -= 1
        ks = ks[first:stop]
        if not ks or all(lower[i] in t.NOT_PHRASE_START for i in ks):
            return None
        text = self.text[tok.idx[ks[0]] : tok.idx[ks[-1]] + len(tok.text[ks[-1]])].strip()
        phrase = self._phrase_texts.get(text)
        if phrase is None:  # an article writes the same names again and again
            phrase = self._phrase_texts[text] = _is_phrase_text(text)
        return text if phrase else None

    def runs_in(self, tokens: list[Token]) -> list[list[Token]]:
        """Capitalised runs inside a phrase (a sentence-initial capital alone is no name)."""
        runs, current = [], []
        for k, tok in enumerate(tokens):
            if current and tok.text in ("-", "&") and k + 1 < len(tokens) and self.capitalised(tokens[k + 1]):
                current.append(tok)
            elif current and tok.ent_iob_ == "B" and tokens[k - 1].ent_iob_ in ("B", "I") and self.capitalised(tok):
                runs.append(current)
                current = [tok]
            elif self.capitalised(tok) and not (self._opens[tok.i] and tok.pos_ not in ("PROPN",) and k == 0
                                                and tok.lower_ in _union(self.t, "PERSON_ROLES", "ORGANISATION_NOUNS")):
                current.append(tok)
            elif current and tok.lower_ in self.t.NAME_CONNECTORS and k + 1 < len(tokens) and self.capitalised(tokens[k + 1]):
                current.append(tok)
            else:
                if current:
                    runs.append(current)
                current = []
        if current:
            runs.append(current)
        return [run for run in runs if self.clean(run) and not all(
            tok.lower_ in self.t.PERSON_ROLES or tok.lower_.rstrip(".") in _stripped(self.t.NAME_TITLES) for tok in run)]

    def name_in(self, span) -> str | None:
        runs = self.runs_in(list(span))
        return self.clean(runs[0]) if runs else None

    def fullest(self, name: str, position: int) -> str:
        """The longest form the article gives a name: 'Mélenchon' -> 'Jean-Luc Mélenchon', 'HRW' -> 'Human Rights Watch'."""
        words = name.split()
        if not words:
            return name
        if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6:
            expanded = self._acronym(words[0])
            if expanded:
                return expanded
        if self._names and name in self._fullest:  # _names first: it forgets answers when names were added
            return self._fullest[name]
        self._fullest[name] = best = self._longest_form(name, words)
        return best

    @property
    def _names(self) -> list[str]:
        # Each distinct name once, in order of first mention: scanning every mention for every speaker
        # made a long article cost the square of its length.
        if len(self._distinct) != len(self.runs):
            self._distinct_names = list(dict.fromkeys(c for _, c in self.runs))
            self._distinct = self.runs[:]
            self._fullest.clear()
        return self._distinct_names

    def _longest_form(self, name: str, words: list[str]) -> str:
        best = name
        if len(words) == 1:
            # "Veridian" -> "Veridian Systems": an organisation's name that opens with the word
            opening = [c for c in self._names if c.split()[0] == name and len(c.split()) > 1
                       and self.labels.get(c) == "ORG" and not self.is_person(c)
                       and not set(c.lower().split()) & set(self.t.COORDINATORS)]
            if opening:
                return max(opening, key=len)
        last = words[-1].casefold()
        for candidate in self._names:
            cand_words = candidate.split()
            if len(cand_words) <= len(best.split()) or len(cand_words) > 6:
                continue
            folded = [w.casefold() for w in cand_words]
            if folded[-1] == last and _contains_words(folded, [w.casefold() for w in words]):
                best = candidate
        return best

    def _acronym(self, acronym: str) -> str | None:
        wanted = acronym.casefold()
        for candidate in self._names:
            words = [w for w in candidate.split() if w.lower() not in self.t.NAME_CONNECTORS]
            initials = "".join(re.sub(r"^[dl][’']", "", w)[:1] for w in words).casefold()
            if len(words) >= 2 and initials == wanted:
                return candidate
        # "Bureau d'enquêtes et d'analyses", "Hospices civils de Lyon": a name with lowercase words in it
        match = _acronym_pattern(acronym, tuple(self.t.NAME_CONNECTORS)).search(self.text)
        return match.group() if match else None

    def with_role(self, role: str, position: int) -> str | None:
        """The person or body the article named with this role or kind before `position`, the latest."""
        before = [name for where, name in self.roles.get(role, []) if where < position]
        return before[-1] if before else None

    def person_between(self, start: int, end: int, quoted) -> str | None:
        """The last person (a PER entity) the article names in text[start:end] outside quotations."""
        k = bisect_left(self.runs, (end, "")) - 1
        while k >= 0 and self.runs[k][0] >= start:
            where, name = self.runs[k]
            if self.is_person(self.fullest(name, where)) and not quoted(where) and not (
                    set(name.lower().split()) & set(self.t.COORDINATORS)):
                return name
            k -= 1
        return None

    def person_before(self, position: int) -> str | None:
        """The last person the article named before `position` (a PER entity)."""
        k = bisect_left(self.runs, (position, "")) - 1
        while k >= 0:
            if self.runs[k][1] in self.persons or self.labels.get(self.runs[k][1]) in ("PER", "PERSON"):
                return self.runs[k][1]
            k -= 1
        return None

    def body_between(self, start: int, end: int) -> str | None:
        """The last name written in text[start:end] that is not a person's: 'Veridian Systems will cut…, the
        company said'."""
        k = bisect_left(self.runs, (start, ""))
        found = None
        while k < len(self.runs) and self.runs[k][0] < end:
            name = self.runs[k][1]
            if self.labels.get(name) in ("ORG", "") and not self.is_person(name):
                found = name
            k += 1
        return found

    def issuer(self, source: str, position: int) -> str | None:
        entries = self.issuers.get(source, [])
        before = [name for where, name in entries if where <= position]
        return before[-1] if before else (entries[0][1] if entries else None)

    def is_person(self, name: str) -> bool:
        if name in self.titled or len(name.split()) >= 2 and any(name in titled for titled in self.titled):
            return True
        if (name in self.nationalities or any(name in body or body in name for body in self.bodies)) and not any(
                name == p for p in self.persons):
            return False
        return any(name in person or person in name for person in self.persons) or (
            len(name.split()) >= 2 and not any(w.lower() in self.t.ORGANISATION_NOUNS for w in name.split())
            and all(w[:1].isupper() for w in name.split())
        )


def _quotations(text: str, doc: Doc, starts: list[int]) -> tuple[list[bool], list[tuple[int, int]]]:
    """Quoted regions of the article (an unclosed quote runs to its paragraph's end) and, per token,
    whether it lies inside one."""
    regions: list[tuple[int, int]] = []
    open_at = None
    closing = ""
    for match in re.finditer(r"[«»“”\"\n]", text):
        mark, at = match.group(), match.start()
        if mark == "\n":
            if open_at is not None:
                regions.append((open_at, at))
            open_at = None
        elif open_at is None and mark in "«“\"":
            open_at, closing = at, {"«": "»", "“": "”", '"': '"'}[mark]
        elif open_at is not None and mark == closing:
            regions.append((open_at, at))
            open_at = None
    if open_at is not None:
        regions.append((open_at, len(text)))
    # The regions are disjoint and in order: mark the tokens strictly inside each one, found by bisection.
    quoted = [False] * len(starts)
    for region_start, region_end in regions:
        first, stop = bisect_right(starts, region_start), bisect_left(starts, region_end)
        quoted[first:stop] = [True] * max(0, stop - first)
    return quoted, regions


@lru_cache(maxsize=None)
def _prepositions(lang: str) -> re.Pattern:
    t = cue_table(lang)
    words = sorted(set(t.ATTRIBUTION_PREPOSITIONS) | set(t.OPENING_ATTRIBUTION) | {
        cue for cue in t.NOMINAL_CUES if cue.split()[-1] in ("par", "de", "du", "des", "by")}, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace("'", "['’]").replace("’", "['’]") for w in words)
    return re.compile(rf"(?<![\w])({alternation})\s+", re.IGNORECASE)


@lru_cache(maxsize=256)
def _acronym_pattern(acronym: str, connectors: tuple[str, ...]) -> re.Pattern:
    """Words whose initials spell the acronym, the first capitalised, connectors skipped between them."""
    joiners = "|".join(re.escape(c.rstrip("'’")) for c in connectors if c.isalpha() or c.rstrip("'’").isalpha())
    gap = rf"(?:[\s-]+|[\s-]+(?:(?:{joiners})(?:\s+|['’]))+)"
    letters = [re.escape(acronym[0]) + r"[\w]+"] + [f"(?i:{re.escape(ch)})" + r"[\w]+" for ch in acronym[1:]]
    return re.compile(r"(?<![\w])" + gap.join(letters) + r"(?![\w])")


@lru_cache(maxsize=None)
def _time_words(lang: str) -> frozenset[str]:
    times = time_table(lang)
    return frozenset(w.lower() for w in (*times.MONTHS, *times.WEEKDAYS))


# Word lists of a table joined once: a union built for each token cost more than the rest of the loop.
_DETERMINERS = ("DEFINITE_DETERMINERS", "INDEFINITE_DETERMINERS", "POSSESSIVE_DETERMINERS")
_NOMINAL_OR_DET = frozenset(_NOMINAL | {"DET"})


@lru_cache(maxsize=None)
def _union(t: ModuleType, *names: str) -> frozenset[str]:
    return frozenset(word for name in names for word in getattr(t, name))


@lru_cache(maxsize=None)
def _titles_and_roles(t: ModuleType) -> frozenset[str]:
    """Titles without their dot ('Gen', 'M') and persons' roles."""
    return _stripped(t.NAME_TITLES) | t.PERSON_ROLES


@lru_cache(maxsize=None)
def _stripped(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.rstrip(".") for w in words)


_SENTENCE_OPENERS = (".", "!", "?", "–", "—", "-", ":", "«", "“", '"')


def _joined(tokens) -> str:
    """Tokens as written in the article, with their own spacing."""
    tokens = list(tokens)
    if not tokens:
        return ""
    text = text_of(tokens[0].doc)
    return text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)].strip()


def _contains_words(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[k : k + n] == part for k in range(len(words) - n + 1))


_BALANCED = (("(", ")"), ("[", "]"), ("«", "»"), ("“", "”"))


def _is_phrase_text(text: str) -> bool:
    """No digits, no broken punctuation, no line break, not a shouted headline."""
    if not text or any(map(str.isdigit, text)) or "\n" in text:
        return False
    if any(text.count(o) != text.count(c) for o, c in _BALANCED) or text.count('"') % 2:
        return False
    if re.search(r"[,;:!?]", text) or text[-1] in "-–—('’":
        return False
    words = [w for w in text.split() if any(map(str.isalpha, w))]
    return not (len(words) > 1 and all(w.isupper() for w in words) and len(text) > 12)
