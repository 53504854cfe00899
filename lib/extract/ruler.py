"""spaCy's attribute ruler, matching each distinct token once instead of every token.

The attribute ruler of both pipelines maps tags to parts of speech and morphology through a Matcher
of some 180 one-token patterns (23 in French), tried on every token: on English it took about a
sixth of the whole parse (bench/README.md), for a result that depends only on the token's own
attributes. `DistinctTokenRuler` gives the same matches: a rule whose patterns are all one token
long is tried once per distinct combination of the attributes those patterns read (lowercase form,
tag, dependency, ...), with spaCy's own Matcher, and remembered; other rules (longer patterns,
quantifiers, extension attributes) go through a Matcher of their own on the whole document, as
before. The matches are then applied as spaCy does, in rule order, so a later rule still wins.

>>> from lib.extract.nlp import pipeline
>>> ruler = pipeline("en").get_pipe("attribute_ruler")
>>> isinstance(ruler, DistinctTokenRuler) and ruler.reads_tokens_alone
True
"""
from __future__ import annotations

from spacy.attrs import IDS, ORTH
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Distinct tokens remembered per ruler; past this the memory starts again (a 10 MB paste of new words).
MAX_REMEMBERED = 200_000


class DistinctTokenRuler(AttributeRuler):
    """An AttributeRuler whose one-token rules are matched once per distinct token (see the module)."""

    def read_tokens_alone(self) -> None:
        """Sort the rules into one-token rules and the rest; call again after adding patterns."""
        self._single = Matcher(self.vocab, validate=self.validate)
        self._multi = Matcher(self.vocab, validate=self.validate)
        self._remembered: dict[tuple[int, ...], list[int]] = {}
        read: set[int] = set()
        self.reads_tokens_alone = True
        for rule in range(len(self.attrs)):
            _, patterns = self.matcher.get(str(rule))
            attrs = _one_token_attributes(patterns)
            if attrs is None:
                self._multi.add(str(rule), patterns)
            else:
                self._single.add(str(rule), patterns)
                read |= attrs
        self._reads = sorted(read) or [ORTH]
        try:
            Doc(self.vocab, words=["a"]).to_array(self._reads)
        except (KeyError, ValueError):  # an attribute no array holds: spaCy's own matching, as it was
            self.reads_tokens_alone = False

    def match(self, doc: Doc):
        if not getattr(self, "reads_tokens_alone", False):
            return super().match(doc)
        strings = self.vocab.strings
        matches = [(int(strings[m_id]), m_id, start, end)
                   for m_id, start, end in (self._multi(doc, allow_missing=True, as_spans=False) if len(self._multi) else ())]
        if len(doc):
            remembered = self._remembered
            if len(remembered) > MAX_REMEMBERED:
                remembered.clear()
            values = doc.to_array(self._reads).reshape(len(doc), -1).tolist()
            for i, key in enumerate(map(tuple, values)):
                rules = remembered.get(key)
                if rules is None:
                    rules = remembered[key] = [
                        (int(strings[m_id]), m_id)
                        for m_id, _, _ in self._single(doc[i : i + 1], allow_missing=True, as_spans=False)]
                matches.extend((rule, m_id, i, i + 1) for rule, m_id in rules)
        matches.sort()
        return matches

    def set_annotations(self, doc, matches):
        """As spaCy's, without building a Span per match (the token is found by its position)."""
        for attr_id, match_id, start, end in matches:
            index = self.indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                super().set_annotations(doc, [(attr_id, match_id, start, end)])  # raises spaCy's own error
            set_token_attrs(doc[at], self.attrs[attr_id])


def _one_token_attributes(patterns) -> set[int] | None:
    """The attribute ids one-token patterns read, or None when a pattern is longer or has a quantifier."""
    read = set()
    for pattern in patterns:
        if len(pattern) != 1 or "OP" in pattern[0]:
            return None
        for key in pattern[0]:
            name = "ORTH" if key.upper() == "TEXT" else key.upper()
            if name not in IDS:
                return None
            read.add(IDS[name])
    return read


def read_distinct_tokens(ruler: AttributeRuler) -> AttributeRuler:
    """The pipeline's attribute ruler, made to match distinct tokens once (in place)."""
    ruler.__class__ = DistinctTokenRuler
    ruler.read_tokens_alone()
    return ruler
