"""The tokenizer memory (lib/extract/tokenizer.py) changes no token, and is used."""
from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

import pytest
import spacy

from lib.extract.lang import table
from lib.extract.nlp import pipeline
from lib.extract.tokenizer import MAX_CHUNKS, ChunkMemory

ARTICLES = sorted((Path(__file__).parent / "fixtures" / "articles").glob("*.txt"))
LANGS = {"en": "-en", "fr": "-fr"}


def _tokens(doc):
    return [(t.text, t.whitespace_, t.norm_, t.is_space, t.idx) for t in doc]


def _fresh_tokenizer(lang: str):
    """The language model's own tokenizer, loaded apart from the shared pipeline, with an empty memory."""
    return spacy.load(table(lang).SPACY_MODEL, exclude=["tok2vec", "tagger", "morphologizer", "parser",
                                                          "attribute_ruler", "lemmatizer", "ner", "senter"]).tokenizer


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_fixture_article_tokenizes_the_same_with_its_chunks_remembered(lang):
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES if LANGS[lang] in p.name]
    assert texts
    plain, remembering = _fresh_tokenizer(lang), _fresh_tokenizer(lang)
    memory = ChunkMemory(remembering)
    for text in texts + [t.upper() for t in texts] + ["  Double  spaces,\n\nnew lines\tand tabs  "]:
        expected = _tokens(plain(text))
        assert memory.fill(text) >= 0
        assert _tokens(remembering(text)) == expected


def _chunks_split_afresh(tokenizer, text: str) -> int:
    """How many chunks the tokenizer split from scratch (spaCy's `_tokenize`, which the cache spares):
    counted from the profiler's call counts, since spaCy compiles its tokenizer with profiling hooks."""
    profile = cProfile.Profile()
    profile.runcall(tokenizer, text)
    stats = pstats.Stats(profile).stats
    return sum(calls for (path, _, name), (calls, *_) in stats.items() if name == "_tokenize" and "tokenizer" in path)


def test_remembered_chunks_are_not_split_again():
    # spaCy 3.8 stops caching at a document's first special case ("can't"): without the memory, every
    # later chunk is split afresh each time the text comes.
    text = "I can't tell. " + " ".join(f"word{i % 70}, (item{i % 50})." for i in range(600))
    plain, remembering = _fresh_tokenizer("en"), _fresh_tokenizer("en")
    ChunkMemory(remembering).fill(text)
    plain(text), remembering(text)
    assert _chunks_split_afresh(plain, text) > 1000
    assert _chunks_split_afresh(remembering, text) == 0


def test_memory_stops_growing_at_its_limit():
    memory = ChunkMemory(_fresh_tokenizer("en"))
    memory.seen = {f"seen{i}" for i in range(MAX_CHUNKS - 2)}
    assert memory.fill("one two three four") == 2
    assert len(memory.seen) == MAX_CHUNKS
    assert memory.fill("five six") == 0


def test_the_shared_pipeline_remembers_chunks_it_parsed():
    from lib.extract.nlp import _CHUNKS, parse

    parse("Zyxwvut qwertyuiop, asdfghjkl.", "en")
    assert {"Zyxwvut", "qwertyuiop,", "asdfghjkl."} <= _CHUNKS["en"].seen
    assert pipeline("en").tokenizer.max_cache_size >= MAX_CHUNKS
