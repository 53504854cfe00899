"""The parse's token attributes, read once per article into plain lists indexed by token.

Every `doc[i]` or `for token in doc` builds a new spaCy Token object, and the readers (the speakers'
attribution, the events' clause reading) look at each token many times: lists read once cost a fraction
of that. lib.extract.engine builds one `Tokens` per article and hands it to both.
"""
from __future__ import annotations

from spacy.attrs import (
    DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_DIGIT, IS_PUNCT, IS_TITLE, LEMMA, LIKE_NUM, LOWER, ORTH, POS,
    SENT_START, SPACY, TAG,
)
from spacy.tokens import Doc

from lib.extract.nlp import feature


class Tokens:
    """The parse's token attributes as lists indexed by token (`text`, `lower`, `lemma` lower-cased, `pos`,
    `tag`, `dep`, `head`, `children` in order, `space`, `idx`…), with the rarer questions (morphology,
    subtree edges, sentence starts) answered on demand and remembered."""

    _IOB = ("", "I", "O", "B")

    def __init__(self, doc: Doc):
        columns = doc.to_array([IDX, ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_IOB, ENT_TYPE, SPACY,
                                IS_PUNCT, LIKE_NUM, IS_TITLE, IS_DIGIT]).T.tolist()
        (self.idx, orth, lower, lemma, pos, tag, dep, iob, ent_type, space,
         self.is_punct, self.like_num, self.is_title, self.is_digit) = columns
        strings = doc.vocab.strings
        self.text, self.lower, self.pos, self.tag, self.dep, self.ent_type = (
            _strings(strings, ids) for ids in (orth, lower, pos, tag, dep, ent_type))
        self.lemma = [word.lower() for word in _strings(strings, lemma)]  # every reader compares lemma_.lower()
        self.iob = [self._IOB[k] for k in iob]
        self.space = [" " if k else "" for k in space]
        self.head = [i + offset for i, offset in enumerate(doc.to_array(HEAD).view("int64").tolist())]
        self._doc = doc
        self.children: list[list[int]] = [[] for _ in orth]
        for i, head in enumerate(self.head):
            if head != i:
                self.children[head].append(i)
        self._sent_starts: list[int] | None = None
        self._edges: dict[int, tuple[int, int]] = {}

    def feature(self, i: int, field: str) -> tuple[str, ...]:
        """`doc[i].morph.get(field)` (see lib.extract.nlp.feature)."""
        return feature(self._doc[i], field)

    def is_sent_start(self, i: int) -> bool:
        """Whether token i opens a sentence (the parser's sentence starts)."""
        if self._sent_starts is None:
            self._sent_starts = self._doc.to_array(SENT_START).tolist()
        return self._sent_starts[i] == 1

    def edges(self, i: int) -> tuple[int, int]:
        """The first and last token of token i's subtree, as the parse records them."""
        found = self._edges.get(i)
        if found is None:
            token = self._doc[i]
            found = self._edges[i] = (token.left_edge.i, token.right_edge.i)
        return found

def _strings(strings, ids: list[int]) -> list[str]:
    """The strings of these hashes, each looked up in the StringStore once per process: a hash always
    stands for the same string, and most words of an article (the, de, said, a déclaré) were in the last."""
    try:
        return list(map(_STRING_OF.__getitem__, ids))
    except KeyError:  # words this process has not met yet
        if len(_STRING_OF) > _STRINGS_KEPT:
            _STRING_OF.clear()  # a bound for a long batch of very varied texts
        # Answered from this call's own table: another thread (the dashboard serves several) may clear the shared one.
        known = {key: strings[key] for key in set(ids)}
        _STRING_OF.update(known)
        return [known[key] for key in ids]


_STRING_OF: dict[int, str] = {}
_STRINGS_KEPT = 500_000
