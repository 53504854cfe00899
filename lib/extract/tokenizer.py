"""spaCy's tokenizer memory, filled one chunk at a time so that it is used.

spaCy's tokenizer remembers how it split each whitespace-separated chunk of text ("(NATO's", "2025.")
and reuses that split the next time the chunk comes. In spaCy 3.8 a document stops adding to that
memory at its first special case ("don't", "aujourd'hui", "etc."): the flag that marks a chunk as
special is kept for the rest of the document, never reset (explosion/spaCy#13950; the fix, #13951, is
not released). A news article has one in its first lines, so nearly every chunk was split again from
scratch: about 9 µs a token in English and 20 in French, a tenth of the whole parse.

`ChunkMemory.fill(text)` hands spaCy's tokenizer each chunk it has not seen yet on its own, once per
process: each lands in spaCy's own cache exactly as it would with the fix, and the document's real
tokenization then finds it there. The tokens are spaCy's, unchanged (tests/test_tokenizer.py); only
the work of splitting a chunk is done once instead of on every occurrence.

>>> from lib.extract.nlp import pipeline
>>> memory = ChunkMemory(pipeline("en").tokenizer)
>>> memory.fill("I can't say it twice, can I?")
7
>>> memory.fill("I can't say it twice.")
1
"""
from __future__ import annotations

from spacy.tokenizer import Tokenizer

# Chunks remembered per language and process; spaCy's own default is 10,000. Each costs about 100
# bytes in spaCy's cache and as much in `seen`: 20 MB at most, past which chunks are split as before.
MAX_CHUNKS = 100_000


class ChunkMemory:
    """The chunks a tokenizer has been given alone, so that its cache holds them (see the module)."""

    def __init__(self, tokenizer: Tokenizer):
        self.tokenizer = tokenizer
        self.seen: set[str] = set()
        tokenizer.max_cache_size = max(tokenizer.max_cache_size, MAX_CHUNKS)

    def fill(self, text: str) -> int:
        """Give the tokenizer each new chunk of `text` on its own; returns how many were new."""
        room = MAX_CHUNKS - len(self.seen)
        if room <= 0:
            return 0
        new = set(text.split()).difference(self.seen)
        for chunk in list(new)[:room]:
            self.tokenizer(chunk)
            self.seen.add(chunk)
        return min(len(new), room)
