"""The shared spaCy pipelines: matrix products through numpy, and the same parse as spaCy's own default."""
from pathlib import Path

import pytest
import spacy

from lib.extract.lang import table
from lib.extract.nlp import parse, pipeline

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
SAMPLES = {"en": "nato-spending-summit-en.txt", "fr": "greve-agriculteurs-fr2.txt"}


def _token_attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_layer_of_the_pipeline_multiplies_with_numpy_not_blis(lang):
    layers = [layer for _, component in pipeline(lang).pipeline if hasattr(getattr(component, "model", None), "walk")
              for layer in component.model.walk()]
    assert len(layers) > 20
    assert {getattr(layer.ops, "use_blis", None) for layer in layers} == {False}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_parse_with_numpy_products_equals_spacys_default_parse_token_for_token(lang):
    text = (ARTICLES / SAMPLES[lang]).read_text(encoding="utf-8")
    default = spacy.load(table(lang).SPACY_MODEL)
    assert {layer.ops.use_blis for _, c in default.pipeline if hasattr(getattr(c, "model", None), "walk")
            for layer in c.model.walk()} == {True}
    ours = _token_attributes(parse(text, lang))
    assert len(ours) > 300
    assert ours == _token_attributes(default(text))
