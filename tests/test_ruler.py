"""The attribute ruler that matches each distinct token once gives spaCy's own ruler's result."""
from pathlib import Path

import pytest
import spacy

from lib.extract import ruler as ruler_module
from lib.extract.lang import table
from lib.extract.nlp import pipeline
from lib.extract.ruler import DistinctTokenRuler, read_distinct_tokens

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
PATTERNS = [
    {"patterns": [[{"LOWER": "paris"}]], "attrs": {"POS": "PROPN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TEXT": {"REGEX": r"^\d+$"}}]], "attrs": {"POS": "NUM"}},
    # A later rule wins over an earlier one on the same token.
    {"patterns": [[{"LOWER": "paris"}]], "attrs": {"POS": "NOUN"}},
    # Longer patterns and negative indices: the second token of "New York", the last of "de Gaulle".
    {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"POS": "PROPN"}, "index": 1},
    {"patterns": [[{"LOWER": "de"}, {"IS_TITLE": True}]], "attrs": {"LEMMA": "Gaulle!"}, "index": -1},
    {"patterns": [[{"LOWER": "to", "OP": "?"}, {"LOWER": "go"}]], "attrs": {"TAG": "VB"}, "index": -1},
    {"patterns": [[{"IS_PUNCT": True}], [{"LOWER": "and"}]], "attrs": {"POS": "PUNCT"}},
]
TEXT = "Paris and New York, 12 times: de Gaulle went to go to Paris. paris 2025 and PARIS."


def _blank_with_ruler():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(PATTERNS)
    return nlp


def _attributes(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc]


def test_rules_by_distinct_token_give_spacys_own_result_with_later_rules_winning():
    stock = _blank_with_ruler()
    ours = _blank_with_ruler()
    read_distinct_tokens(ours.get_pipe("attribute_ruler"))
    expected = _attributes(stock(TEXT))
    assert expected[0][1] == "NOUN" and expected[3][1] == "PROPN" and expected[9][3] == "Gaulle!" and expected[12][4] == "VB"
    assert _attributes(ours(TEXT)) == expected
    assert _attributes(ours(TEXT)) == expected  # again, from what it remembered


def test_one_token_rules_are_matched_once_per_distinct_token(monkeypatch):
    ours = _blank_with_ruler()
    ruler = read_distinct_tokens(ours.get_pipe("attribute_ruler"))
    calls = []
    single = ruler._single
    monkeypatch.setattr(ruler, "_single", lambda span, **options: calls.append(span.text) or single(span, **options))
    ours("paris Paris paris paris")
    assert calls == ["paris", "Paris"]  # the rules read the text (the regex) as well as the lowercase form
    assert ruler.reads_tokens_alone


def test_memory_of_distinct_tokens_starts_again_past_its_limit(monkeypatch):
    monkeypatch.setattr(ruler_module, "MAX_REMEMBERED", 3)
    ours = _blank_with_ruler()
    ruler = read_distinct_tokens(ours.get_pipe("attribute_ruler"))
    expected = _attributes(_blank_with_ruler()(TEXT))
    assert _attributes(ours(TEXT)) == expected
    assert len(ruler._remembered) <= 3 + len(TEXT.split()) + 6
    assert _attributes(ours(TEXT)) == expected


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_fixture_article_parses_as_with_spacys_own_attribute_ruler(lang):
    ours = pipeline(lang)
    assert isinstance(ours.get_pipe("attribute_ruler"), DistinctTokenRuler)
    stock = spacy.load(table(lang).SPACY_MODEL)
    assert type(stock.get_pipe("attribute_ruler")) is not DistinctTokenRuler
    texts = [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob(f"*-{lang}*.txt"))]
    assert len(texts) >= 4
    for ours_doc, stock_doc in zip(ours.pipe(texts), stock.pipe(texts)):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in ours_doc] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in stock_doc]
