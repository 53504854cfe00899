"""The clause a time expression modifies, read from the parse: which way its verb points, and what happened.

`Clauses(doc, table)` indexes a parsed article once (token offsets); then, for a character span,
`tense(start, end)` says whether the governing verb is future (1), past (-1) or neither (0), or None
when the parse gives no verb to go by, and `what(start, end, lo, hi)` builds a short description of the
clause ("Defra and the Environment Agency have confirmed") from its subject, verb group and object,
without the time expression itself. Words that are language data (future auxiliaries, verbs of
planning) come from the time table; the rest is the parse's own labels (Universal Dependencies
morphology, spaCy dependency labels of the English and French models).

>>> from lib.extract.nlp import parse
>>> from lib.extract.lang import time_table
>>> text = "The ministers will meet on Tuesday, officials said."
>>> clauses = Clauses(parse(text, "en"), time_table("en"))
>>> clauses.tense(text.index("Tuesday"), text.index("Tuesday") + 7)
1
>>> clauses.what(text.index("Tuesday"), text.index("Tuesday") + 7, 0, len(text))
'The ministers will meet'
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from types import ModuleType

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Token

from lib.extract.nlp import feature

__all__ = ["Clauses"]

# Dependency labels (English and French spaCy models).
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl:subj"})
_AUXILIARIES = frozenset({"aux", "auxpass", "aux:pass", "aux:tense", "cop"})
_TENSE_AUXILIARIES = frozenset({"aux", "aux:tense"})  # perfect tenses: "has met", "a rencontré"
_NEGATION = frozenset({"neg", "advmod:neg"})
_PARTICLES = frozenset({"prt", "compound:prt", "expl:comp", "expl:pv"})
_OBJECTS = frozenset({"dobj", "obj", "attr", "acomp", "oprd", "xcomp", "dative", "iobj"})
_COMPLEMENTS = frozenset({"xcomp"})  # "is going to visit", "va se rendre": the head verb carries the subject
# Inside a subject or object kept short, these children stay: "the new defence schemes", "le Premier ministre".
_CORE = frozenset({"det", "amod", "compound", "nummod", "poss", "flat", "flat:name", "fixed", "nmod:poss",
                   "quantmod", "case"})
_RELATIVE = frozenset({"relcl", "acl:relcl"})
_NOUN_MODIFIERS = frozenset({"advmod", "npadvmod", "amod"})  # not nmod: "l'annonce d'aujourd'hui" dates the announcement
_ADJECTIVAL = frozenset({"acl", "amod"})  # a participle describing a noun
_VERB_POS = frozenset({VERB, AUX})  # the ids of pos_ "VERB" and "AUX"
_PRESENT_PERFECT = -2  # a past that reaches the present: which way "until May 6" points depends on "until"
_MAX_STEPS = 8  # head chains in a sentence are short; the bound keeps a malformed parse cheap
# A phrase wider than this many tokens is a parse gone wrong (a list of 400 dates hung on one word): not read.
_MAX_PHRASE_TOKENS = 150
_MAX_DISTANCE = 40  # tokens between an expression and the verb it hangs on
_SUBJECT_WORDS = 5
_OBJECT_WORDS = 5


class Clauses:
    """A parsed article indexed by character offsets, for reading the clause around a time expression."""

    def __init__(self, doc: Doc, table: ModuleType):
        self.doc = doc
        self.table = table
        # Read from the array: iterating the doc makes a Token object per word, the largest cost here.
        self.starts = doc.to_array("IDX").tolist()
        self.future_words = frozenset(w.lower() for w in table.FUTURE_AUXILIARIES)
        self.prospective = frozenset(table.PROSPECTIVE_LEMMAS)
        self.perfect = frozenset(table.PERFECT_AUXILIARIES)
        self.relative_words = frozenset(table.RELATIVE_SUBJECTS)
        self._governors: dict[tuple[int, int], Token | None] = {}  # tense and what ask for the same spans
        self._pos_ids: list[int] | None = None  # each token's part of speech, read once when first needed

    # --- finding the verb ---------------------------------------------------------------------------

    def _tokens(self, start: int, end: int) -> list[Token]:
        lo = max(0, bisect_right(self.starts, start) - 1)
        hi = bisect_left(self.starts, end)
        return [t for t in self.doc[lo:hi] if t.idx < end and t.idx + len(t) > start]

    def _root(self, start: int, end: int) -> Token | None:
        tokens = self._tokens(start, end)
        if not tokens:
            return None
        inside = {t.i for t in tokens}
        return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])

    def governor(self, start: int, end: int) -> Token | None:
        """The verb (or copular predicate) the expression at [start, end) hangs on, else None."""
        if (start, end) not in self._governors:
            self._governors[(start, end)] = self._governor(start, end)
        return self._governors[(start, end)]

    def _governor(self, start: int, end: int) -> Token | None:
        root = self._root(start, end)
        if root is None or not _sane(root):
            return None
        token = root
        for _ in range(_MAX_STEPS):
            if not _sane(token.head):
                return None
            if token.head.i == token.i:
                return token if _is_predicate(token) and self._plausible(root, token) else None
            token = token.head
            if _is_predicate(token):
                if token.i > root.i:
                    token = self._left_predicate(root) or token
                return token if self._plausible(root, token) else None
        return None

    def _left_predicate(self, root: Token) -> Token | None:
        """The nearest verb before the expression in its sentence: "Maersk said on Monday it would…" and
        "will cut jobs by the end of March, the company said" hang on the verb before, whatever the
        parse attached them to (the models often take the verb after)."""
        for token in reversed(self.doc[max(0, root.i - _MAX_DISTANCE) : root.i]):
            if token.is_sent_start and token.i < root.i - 1 or token.text in (".", ";", "!", "?", "\n"):
                break
            if token.pos_ in ("VERB", "AUX") and token.dep_ in _AUXILIARIES and _is_predicate(token.head):
                token = token.head
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in _AUXILIARIES and _sane(token) \
                    and token.i < root.i:
                return token
        return None

    def _plausible(self, root: Token, verb: Token) -> bool:
        """A parse that hangs the expression on a verb across another finite verb is not to be trusted
        ("L'accord signé vendredi entrera en vigueur en janvier": janvier is not the signing's)."""
        lo, hi = sorted((root.i, verb.i))
        if hi - lo > _MAX_DISTANCE:
            return False
        # The part of speech from the array first: most words between are not verbs, and need no Token.
        pos = self._pos()
        return not any(pos[i] in _VERB_POS and i != verb.i and "Fin" in feature(self.doc[i], "VerbForm")
                       and self.doc[i].head.i != verb.i for i in range(lo + 1, hi))

    def _pos(self) -> list[int]:
        if self._pos_ids is None:
            self._pos_ids = self.doc.to_array("POS").tolist()
        return self._pos_ids

    def names_no_fact(self, start: int, end: int) -> bool:
        """The expression is its clause's subject ("Today was a great day"), or describes a noun in a clause
        in the present ("ceux qui représentent l'opposition aujourd'hui"): it dates no fact. Hung on a noun
        in a past or future clause ("a collecté des vivres aujourd'hui"), it is the parse's attachment, and
        the clause's fact is dated."""
        root = self._root(start, end)
        if root is None or root.head.i == root.i or not _sane(root):
            return False
        if root.dep_ in _SUBJECTS:
            return True
        if root.head.pos_ not in ("NOUN", "PROPN") or root.dep_ not in _NOUN_MODIFIERS:
            return False
        token = root.head
        for _ in range(_MAX_STEPS):
            if _is_predicate(token) or token.head.i == token.i or not _sane(token.head):
                break
            token = token.head
        return not _is_predicate(token) or self._tense_of(token, 2) == 0

    # --- tense -------------------------------------------------------------------------------------

    def tense(self, start: int, end: int, forward: bool = False) -> int | None:
        """1 future, -1 past, 0 neither (present, or an infinitive we cannot place); None without a verb.

        `forward`: the expression follows "until"/"jusqu'au", so a present perfect ("has suspended
        schools until May 6") reaches ahead of the present, not behind it."""
        verb = self.governor(start, end)
        if verb is None:
            return None
        tense = self._tense_of(verb, 2)
        if tense == _PRESENT_PERFECT:
            return 1 if forward else -1
        return tense

    def _tense_of(self, verb: Token, depth: int) -> int:
        auxiliaries = [c for c in verb.children if c.dep_ in _AUXILIARIES]
        for aux in auxiliaries:
            if aux.lower_ in self.future_words or "Fut" in feature(aux, "Tense"):
                return 1
        if "Fut" in feature(verb, "Tense"):
            return 1
        participle = "Part" in feature(verb, "VerbForm") and "Past" in feature(verb, "Tense")
        for aux in auxiliaries:
            tense = feature(aux, "Tense")
            if "Past" in tense or "Imp" in tense:
                return -1  # "was held", "had met", "avait annoncé", "était"
            if participle and aux.dep_ in _TENSE_AUXILIARIES and aux.lemma_.lower() in self.perfect:
                # "has met", "a rencontré": a compound past ("aurait eu lieu" too, hearsay of the past).
                return _PRESENT_PERFECT if "Ind" in feature(aux, "Mood") or aux.tag_ in ("VBZ", "VBP") else -1
        if participle and not auxiliaries and verb.dep_ in _ADJECTIVAL:
            # "l'investiture prévue le 15 septembre", "talks scheduled for Tuesday" are still to come;
            # "l'accord signé vendredi", "votes counted on Friday" are done.
            return 1 if verb.lemma_.lower() in self.prospective else -1
        if (participle and verb.lemma_.lower() in self.prospective) or any(
                c.dep_ in ("acomp", "xcomp", "amod") and c.pos_ == "ADJ" and c.lemma_.lower() in self.prospective
                for c in verb.children):
            return 1  # "is scheduled for Tuesday", "est prévu mardi", "is due on the 20th"
        finite = "Fin" in feature(verb, "VerbForm")
        if finite and ("Past" in feature(verb, "Tense") or "Imp" in feature(verb, "Tense")):
            return -1
        if finite and "Cnd" in feature(verb, "Mood"):
            return 1  # "devrait se tenir mardi"
        infinitive = "Inf" in feature(verb, "VerbForm") or verb.tag_ == "VB"
        if infinitive or verb.dep_ == "xcomp":
            head = verb.head
            if head.i != verb.i and head.lemma_.lower() in self.prospective \
                    and (depth == 0 or self._tense_of(head, depth - 1) not in (-1, _PRESENT_PERFECT)):
                # "doit rencontrer mardi", "plans to meet on Friday", "va se rendre"; not "agreed to sell in
                # October", where the plan is past and the time may be too.
                return 1
            if head.i != verb.i and depth > 0 and _is_predicate(head) and self._tense_of(head, depth - 1) == 1:
                return 1
        return 0

    # --- what happened -------------------------------------------------------------------------------

    def what(self, start: int, end: int, lo: int, hi: int) -> str:
        """A few words saying what happened at the expression's time, from its clause within [lo, hi)."""
        verb = self.governor(start, end)
        skip = {t.i for t in self._tokens(start, end)}
        if verb is None:
            root = self._root(start, end)
            if root is None or not _sane(root):
                return ""
            top = root
            for _ in range(_MAX_STEPS):
                if top.head.i == top.i or not (lo <= top.head.idx < hi) or not _sane(top.head):
                    break
                top = top.head
            if top.i == root.i:
                return ""
            return _words(_compact(top, skip | _time_phrase(root), _OBJECT_WORDS * 2), lo, hi)
        skip |= _time_phrase(self._root(start, end) or verb)
        parts = self._subject_and_verb(verb, skip, 2)
        obj = next((c for c in verb.children if c.dep_ in _OBJECTS and c.i not in skip and c.i > verb.i), None)
        if obj is not None:
            parts += _compact(obj, skip, _OBJECT_WORDS)
        return _words(parts, lo, hi)


    def _subject_and_verb(self, verb: Token, skip: set[int], depth: int) -> list[Token]:
        """Subject, auxiliaries, negation and the verb; an infinitive borrows its head's subject and verb."""
        parts: list[Token] = []
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        relative = subject is not None and (subject.lower_ in self.relative_words or "Rel" in feature(subject, "PronType"))
        if (verb.dep_ in _RELATIVE and (subject is None or relative)) or (subject is None and verb.dep_ in _ADJECTIVAL):
            # "the plan, which was announced on Friday": the plan was announced.
            parts += _compact(verb.head, skip | _span(verb), _SUBJECT_WORDS)
        elif subject is not None and not relative:
            parts += _compact(subject, skip, _SUBJECT_WORDS)
        elif subject is None and verb.dep_ in _COMPLEMENTS and depth > 0 and _is_predicate(verb.head):
            parts += self._subject_and_verb(verb.head, skip | _span(verb), depth - 1)
        group = [c for c in verb.children if c.dep_ in _AUXILIARIES | _NEGATION | _PARTICLES and c.i not in skip]
        marks = [c for c in verb.children if c.dep_ in ("aux", "mark") and c.lower_ == "to"]
        if verb.pos_ in ("VERB", "AUX"):
            return parts + group + marks + [verb]
        # A copular predicate: "c'est la croissance la plus faible", "Il sera titulaire".
        taken = {t.i for t in parts} | {t.i for t in group} | {c.i for c in verb.children if c.dep_ in _SUBJECTS}
        return parts + group + _compact(verb, skip | taken | _subtrees(verb, _SUBJECTS), _OBJECT_WORDS)


def _sane(token: Token) -> bool:
    return token.right_edge.i - token.left_edge.i <= _MAX_PHRASE_TOKENS


def _is_predicate(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or any(c.dep_ == "cop" for c in token.children)


def _span(token: Token) -> set[int]:
    """The indices of the token's subtree (a parse is projective: its subtree is one stretch)."""
    return set(range(token.left_edge.i, token.right_edge.i + 1))


def _subtrees(token: Token, labels: frozenset[str]) -> set[int]:
    return {i for c in token.children if c.dep_ in labels for i in _span(c)}


def _time_phrase(root: Token) -> set[int]:
    """The time expression's own phrase: "on Friday", "au cours de l'année 2013"."""
    top = root
    if root.head.pos_ == "ADP" and root.dep_ == "pobj":
        top = root.head
    return _span(top)


def _compact(token: Token, skip: set[int], limit: int) -> list[Token]:
    """The phrase headed by `token`, whole when short, else its head with determiners and modifiers."""
    doc = token.doc
    width = token.right_edge.i - token.left_edge.i + 1
    whole = [] if width > 4 * limit else [t for t in doc[token.left_edge.i : token.right_edge.i + 1]
                                          if t.i not in skip and not t.is_punct]
    if whole and len(whole) <= limit:
        return whole
    # Up to the head when that is short ("d'un peu moins de 300 000 personnes"), else the head's core.
    upto = [t for t in whole if t.i <= token.i]
    if len(upto) <= limit + 2 and token.i - token.left_edge.i < limit + 4:
        return upto
    kept = [token] + [c for c in token.children if c.dep_ in _CORE and c.i not in skip]
    for child in list(kept[1:]):
        kept += [g for g in child.children if g.dep_ in _CORE and g.i not in skip]
    return sorted(kept, key=lambda t: t.i)[: limit + 2]


def _words(tokens: list[Token], lo: int, hi: int) -> str:
    """The tokens in text order, inside the sentence, as one line without edge punctuation."""
    seen: set[int] = set()
    ordered = []
    for token in sorted(tokens, key=lambda t: t.i):
        if token.i in seen or not (lo <= token.idx < hi) or "\n" in token.text:
            continue
        seen.add(token.i)
        ordered.append(token)
    text = "".join(t.text + (" " if t.whitespace_ or (n < len(ordered) and ordered[n].i != t.i + 1) else "")
                   for n, t in enumerate(ordered, 1)).strip()
    text = " ".join(text.split()).strip(" ,;:-–—«»\"“”'")
    if ordered and ordered[0].pos_ == "ADP":
        text = text.split(" ", 1)[-1] if " " in text else ""
    return text
