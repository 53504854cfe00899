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

from spacy.tokens import Doc

from lib.extract.tokens import Tokens

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
_VERB_POS = frozenset({"VERB", "AUX"})
_VERB_GROUP = _AUXILIARIES | _NEGATION | _PARTICLES
_PRESENT_PERFECT = -2  # a past that reaches the present: which way "until May 6" points depends on "until"
_MAX_STEPS = 8  # head chains in a sentence are short; the bound keeps a malformed parse cheap
# A phrase wider than this many tokens is a parse gone wrong (a list of 400 dates hung on one word): not read.
_MAX_PHRASE_TOKENS = 150
_MAX_DISTANCE = 40  # tokens between an expression and the verb it hangs on
_SUBJECT_WORDS = 5
_OBJECT_WORDS = 5


class Clauses:
    """A parsed article indexed by character offsets, for reading the clause around a time expression.

    Tokens are read by index from the article's `Tokens` lists (given, or read here): the clause reading
    walks heads and children of the same few words again and again, and a spaCy Token built per access
    was most of its cost."""

    def __init__(self, doc: Doc, table: ModuleType, tokens: Tokens | None = None):
        self.doc = doc
        self.table = table
        self.tok = tokens if tokens is not None else Tokens(doc)
        self.starts = self.tok.idx
        self.future_words = frozenset(w.lower() for w in table.FUTURE_AUXILIARIES)
        self.prospective = frozenset(table.PROSPECTIVE_LEMMAS)
        self.perfect = frozenset(table.PERFECT_AUXILIARIES)
        self.relative_words = frozenset(table.RELATIVE_SUBJECTS)
        self._governors: dict[tuple[int, int], int | None] = {}  # tense and what ask for the same spans

    # --- finding the verb ---------------------------------------------------------------------------

    def _tokens(self, start: int, end: int) -> list[int]:
        lo = max(0, bisect_right(self.starts, start) - 1)
        hi = bisect_left(self.starts, end)
        idx, text = self.starts, self.tok.text
        return [i for i in range(lo, hi) if idx[i] < end and idx[i] + len(text[i]) > start]

    def _root(self, start: int, end: int) -> int | None:
        tokens = self._tokens(start, end)
        if not tokens:
            return None
        inside = set(tokens)
        head = self.tok.head
        return next((i for i in tokens if head[i] not in inside or head[i] == i), tokens[0])

    def governor(self, start: int, end: int) -> int | None:
        """The verb (or copular predicate) the expression at [start, end) hangs on, as a token index, else None."""
        if (start, end) not in self._governors:
            self._governors[(start, end)] = self._governor(start, end)
        return self._governors[(start, end)]

    def _governor(self, start: int, end: int) -> int | None:
        root = self._root(start, end)
        if root is None or not self._sane(root):
            return None
        head = self.tok.head
        token = root
        for _ in range(_MAX_STEPS):
            if not self._sane(head[token]):
                return None
            if head[token] == token:
                return token if self._is_predicate(token) and self._plausible(root, token) else None
            token = head[token]
            if self._is_predicate(token):
                if token > root:
                    left = self._left_predicate(root)
                    token = left if left is not None else token
                return token if self._plausible(root, token) else None
        return None

    def _left_predicate(self, root: int) -> int | None:
        """The nearest verb before the expression in its sentence: "Maersk said on Monday it would…" and
        "will cut jobs by the end of March, the company said" hang on the verb before, whatever the
        parse attached them to (the models often take the verb after)."""
        tok = self.tok
        for i in range(root - 1, max(0, root - _MAX_DISTANCE) - 1, -1):
            if tok.is_sent_start(i) and i < root - 1 or tok.text[i] in (".", ";", "!", "?", "\n"):
                break
            token = i
            if tok.pos[token] in _VERB_POS and tok.dep[token] in _AUXILIARIES and self._is_predicate(tok.head[token]):
                token = tok.head[token]
            if tok.pos[token] in _VERB_POS and tok.dep[token] not in _AUXILIARIES and self._sane(token) \
                    and token < root:
                return token
        return None

    def _plausible(self, root: int, verb: int) -> bool:
        """A parse that hangs the expression on a verb across another finite verb is not to be trusted
        ("L'accord signé vendredi entrera en vigueur en janvier": janvier is not the signing's)."""
        lo, hi = sorted((root, verb))
        if hi - lo > _MAX_DISTANCE:
            return False
        tok = self.tok
        return not any(tok.pos[i] in _VERB_POS and i != verb and "Fin" in tok.feature(i, "VerbForm")
                       and tok.head[i] != verb for i in range(lo + 1, hi))

    def names_no_fact(self, start: int, end: int) -> bool:
        """The expression is its clause's subject ("Today was a great day"), or describes a noun in a clause
        in the present ("ceux qui représentent l'opposition aujourd'hui"): it dates no fact. Hung on a noun
        in a past or future clause ("a collecté des vivres aujourd'hui"), it is the parse's attachment, and
        the clause's fact is dated."""
        tok = self.tok
        root = self._root(start, end)
        if root is None or tok.head[root] == root or not self._sane(root):
            return False
        if tok.dep[root] in _SUBJECTS:
            return True
        if tok.pos[tok.head[root]] not in ("NOUN", "PROPN") or tok.dep[root] not in _NOUN_MODIFIERS:
            return False
        token = tok.head[root]
        for _ in range(_MAX_STEPS):
            if self._is_predicate(token) or tok.head[token] == token or not self._sane(tok.head[token]):
                break
            token = tok.head[token]
        return not self._is_predicate(token) or self._tense_of(token, 2) == 0

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

    def _tense_of(self, verb: int, depth: int) -> int:
        tok = self.tok
        feature = tok.feature
        auxiliaries = [c for c in tok.children[verb] if tok.dep[c] in _AUXILIARIES]
        for aux in auxiliaries:
            if tok.lower[aux] in self.future_words or "Fut" in feature(aux, "Tense"):
                return 1
        if "Fut" in feature(verb, "Tense"):
            return 1
        participle = "Part" in feature(verb, "VerbForm") and "Past" in feature(verb, "Tense")
        for aux in auxiliaries:
            tense = feature(aux, "Tense")
            if "Past" in tense or "Imp" in tense:
                return -1  # "was held", "had met", "avait annoncé", "était"
            if participle and tok.dep[aux] in _TENSE_AUXILIARIES and tok.lemma[aux] in self.perfect:
                # "has met", "a rencontré": a compound past ("aurait eu lieu" too, hearsay of the past).
                return _PRESENT_PERFECT if "Ind" in feature(aux, "Mood") or tok.tag[aux] in ("VBZ", "VBP") else -1
        if participle and not auxiliaries and tok.dep[verb] in _ADJECTIVAL:
            # "l'investiture prévue le 15 septembre", "talks scheduled for Tuesday" are still to come;
            # "l'accord signé vendredi", "votes counted on Friday" are done.
            return 1 if tok.lemma[verb] in self.prospective else -1
        if (participle and tok.lemma[verb] in self.prospective) or any(
                tok.dep[c] in ("acomp", "xcomp", "amod") and tok.pos[c] == "ADJ" and tok.lemma[c] in self.prospective
                for c in tok.children[verb]):
            return 1  # "is scheduled for Tuesday", "est prévu mardi", "is due on the 20th"
        finite = "Fin" in feature(verb, "VerbForm")
        if finite and ("Past" in feature(verb, "Tense") or "Imp" in feature(verb, "Tense")):
            return -1
        if finite and "Cnd" in feature(verb, "Mood"):
            return 1  # "devrait se tenir mardi"
        infinitive = "Inf" in feature(verb, "VerbForm") or tok.tag[verb] == "VB"
        if infinitive or tok.dep[verb] == "xcomp":
            head = tok.head[verb]
            if head != verb and tok.lemma[head] in self.prospective \
                    and (depth == 0 or self._tense_of(head, depth - 1) not in (-1, _PRESENT_PERFECT)):
                # "doit rencontrer mardi", "plans to meet on Friday", "va se rendre"; not "agreed to sell in
                # October", where the plan is past and the time may be too.
                return 1
            if head != verb and depth > 0 and self._is_predicate(head) and self._tense_of(head, depth - 1) == 1:
                return 1
        return 0

    # --- what happened -------------------------------------------------------------------------------

    def what(self, start: int, end: int, lo: int, hi: int) -> str:
        """A few words saying what happened at the expression's time, from its clause within [lo, hi)."""
        tok = self.tok
        verb = self.governor(start, end)
        skip = set(self._tokens(start, end))
        if verb is None:
            root = self._root(start, end)
            if root is None or not self._sane(root):
                return ""
            top = root
            for _ in range(_MAX_STEPS):
                head = tok.head[top]
                if head == top or not (lo <= tok.idx[head] < hi) or not self._sane(head):
                    break
                top = head
            if top == root:
                return ""
            return self._words(self._compact(top, skip | self._time_phrase(root), _OBJECT_WORDS * 2), lo, hi)
        root = self._root(start, end)
        skip |= self._time_phrase(root if root is not None else verb)
        parts = self._subject_and_verb(verb, skip, 2)
        obj = next((c for c in tok.children[verb] if tok.dep[c] in _OBJECTS and c not in skip and c > verb), None)
        if obj is not None:
            parts += self._compact(obj, skip, _OBJECT_WORDS)
        return self._words(parts, lo, hi)

    def _subject_and_verb(self, verb: int, skip: set[int], depth: int) -> list[int]:
        """Subject, auxiliaries, negation and the verb; an infinitive borrows its head's subject and verb."""
        tok = self.tok
        parts: list[int] = []
        subject = next((c for c in tok.children[verb] if tok.dep[c] in _SUBJECTS), None)
        relative = subject is not None and (tok.lower[subject] in self.relative_words
                                            or "Rel" in tok.feature(subject, "PronType"))
        if (tok.dep[verb] in _RELATIVE and (subject is None or relative)) \
                or (subject is None and tok.dep[verb] in _ADJECTIVAL):
            # "the plan, which was announced on Friday": the plan was announced.
            parts += self._compact(tok.head[verb], skip | self._span(verb), _SUBJECT_WORDS)
        elif subject is not None and not relative:
            parts += self._compact(subject, skip, _SUBJECT_WORDS)
        elif subject is None and tok.dep[verb] in _COMPLEMENTS and depth > 0 and self._is_predicate(tok.head[verb]):
            parts += self._subject_and_verb(tok.head[verb], skip | self._span(verb), depth - 1)
        group = [c for c in tok.children[verb] if tok.dep[c] in _VERB_GROUP and c not in skip]
        marks = [c for c in tok.children[verb] if tok.dep[c] in ("aux", "mark") and tok.lower[c] == "to"]
        if tok.pos[verb] in _VERB_POS:
            return parts + group + marks + [verb]
        # A copular predicate: "c'est la croissance la plus faible", "Il sera titulaire".
        taken = set(parts) | set(group) | {c for c in tok.children[verb] if tok.dep[c] in _SUBJECTS}
        return parts + group + self._compact(verb, skip | taken | self._subtrees(verb, _SUBJECTS), _OBJECT_WORDS)

    # --- phrases -------------------------------------------------------------------------------------

    def _sane(self, token: int) -> bool:
        left, right = self.tok.edges(token)
        return right - left <= _MAX_PHRASE_TOKENS

    def _is_predicate(self, token: int) -> bool:
        tok = self.tok
        return tok.pos[token] in _VERB_POS or any(tok.dep[c] == "cop" for c in tok.children[token])

    def _span(self, token: int) -> set[int]:
        """The indices of the token's subtree (a parse is projective: its subtree is one stretch)."""
        left, right = self.tok.edges(token)
        return set(range(left, right + 1))

    def _subtrees(self, token: int, labels: frozenset[str]) -> set[int]:
        tok = self.tok
        return {i for c in tok.children[token] if tok.dep[c] in labels for i in self._span(c)}

    def _time_phrase(self, root: int) -> set[int]:
        """The time expression's own phrase: "on Friday", "au cours de l'année 2013"."""
        tok = self.tok
        top = root
        if tok.pos[tok.head[root]] == "ADP" and tok.dep[root] == "pobj":
            top = tok.head[root]
        return self._span(top)

    def _compact(self, token: int, skip: set[int], limit: int) -> list[int]:
        """The phrase headed by `token`, whole when short, else its head with determiners and modifiers."""
        tok = self.tok
        left, right = tok.edges(token)
        width = right - left + 1
        whole = [] if width > 4 * limit else [i for i in range(left, right + 1) if i not in skip and not tok.is_punct[i]]
        if whole and len(whole) <= limit:
            return whole
        # Up to the head when that is short ("d'un peu moins de 300 000 personnes"), else the head's core.
        upto = [i for i in whole if i <= token]
        if len(upto) <= limit + 2 and token - left < limit + 4:
            return upto
        kept = [token] + [c for c in tok.children[token] if tok.dep[c] in _CORE and c not in skip]
        for child in list(kept[1:]):
            kept += [g for g in tok.children[child] if tok.dep[g] in _CORE and g not in skip]
        return sorted(kept)[: limit + 2]

    def _words(self, tokens: list[int], lo: int, hi: int) -> str:
        """The tokens in text order, inside the sentence, as one line without edge punctuation."""
        tok = self.tok
        seen: set[int] = set()
        ordered = []
        for i in sorted(tokens):
            if i in seen or not (lo <= tok.idx[i] < hi) or "\n" in tok.text[i]:
                continue
            seen.add(i)
            ordered.append(i)
        text = "".join(tok.text[i] + (" " if tok.space[i] or (n < len(ordered) and ordered[n] != i + 1) else "")
                       for n, i in enumerate(ordered, 1)).strip()
        text = " ".join(text.split()).strip(" ,;:-–—«»\"“”'")
        if ordered and tok.pos[ordered[0]] == "ADP":
            text = text.split(" ", 1)[-1] if " " in text else ""
        return text
