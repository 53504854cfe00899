"""The shared spaCy pipelines: matrix products through numpy, the same parse as spaCy's own default, BLAS
threads shared among parsing processes, the text each parse remembers, and the freed memory a parsing
process keeps."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from threadpoolctl import threadpool_info

from lib.extract.lang import table
from lib.extract.nlp import parse, parse_many, pipeline, share_cores, text_of

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


def _blas_threads() -> int:
    return min(pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas")


def test_parsing_processes_share_the_cores_instead_of_each_taking_all_of_them(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    before = _blas_threads()
    with share_cores(2):
        assert _blas_threads() == 2
    with share_cores(8):
        assert _blas_threads() == 1  # never none
    assert _blas_threads() == before


def test_a_long_texts_parse_processes_parse_on_their_share_of_the_cores():
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: no second parse process")
    text = (ARTICLES / SAMPLES["en"]).read_text(encoding="utf-8")
    seen = []
    nlp = pipeline("en")
    nlp.add_pipe("blas_threads_seen")
    try:
        docs = list(parse_many([text, text], "en", processes=2))
    finally:
        nlp.remove_pipe("blas_threads_seen")
    seen = sorted({doc.user_data["blas threads"] for doc in docs})
    assert seen == [max(1, os.cpu_count() // 2)]


@Language.component("blas_threads_seen")
def _record_blas_threads(doc):
    doc.user_data["blas threads"] = _blas_threads()
    return doc


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_parse_knows_its_text_without_joining_its_tokens_again(lang):
    text = (ARTICLES / SAMPLES[lang]).read_text(encoding="utf-8")
    long_text = "\n".join([text] * 3)
    for doc, parsed in ((parse(text, lang), text), (parse(long_text, lang), long_text)):
        assert text_of(doc) is parsed
        assert doc.text == parsed
    unparsed = pipeline(lang).make_doc("Un texte.")
    assert text_of(unparsed) == "Un texte."


def test_token_lists_read_the_same_strings_whether_or_not_the_process_has_met_the_words():
    from lib.extract import tokens

    doc = parse("Le ministre a déclaré vendredi que 200 soldats partiraient.", "fr")
    tokens._STRING_OF.clear()
    first = tokens.Tokens(doc)
    second = tokens.Tokens(doc)  # every word known now
    expected = [t.text for t in doc], [t.lower_ for t in doc], [t.lemma_.lower() for t in doc], [t.dep_ for t in doc]
    assert (first.text, first.lower, first.lemma, first.dep) == expected
    assert (second.text, second.lower, second.lemma, second.dep) == expected


_FAULTS_PER_ARTICLE = """
import resource, sys
import lib.extract.nlp as nlp
if sys.argv[2] == "default":
    nlp.keep_freed_memory = lambda: False  # glibc's own trimming, as before
text = open(sys.argv[1], encoding="utf-8").read()
for _ in range(2):
    list(nlp.parse_many([text] * 8, "fr"))
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(3):
    list(nlp.parse_many([text] * 8, "fr"))
print((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / 24)
"""


def _page_faults_per_article(mode: str) -> float:
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", _FAULTS_PER_ARTICLE, str(ARTICLES / SAMPLES["fr"]), mode],
                         cwd=root, capture_output=True, text=True, timeout=300, check=True)
    return float(out.stdout.split()[-1])


def _glibc() -> bool:
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc")
    except (ValueError, OSError, AttributeError):  # another C library names no such setting
        return False


@pytest.mark.skipif(not _glibc(), reason="mallopt, and the trimming it turns off, are glibc's")
def test_a_parsing_process_keeps_freed_memory_instead_of_faulting_it_back_in_every_batch():
    # Page faults, not time: the count is the kernel's and does not depend on how busy the machine is.
    kept, default = _page_faults_per_article("kept"), _page_faults_per_article("default")
    assert default > 200  # each batch's arrays came back from the kernel (about 650 faults an article)
    assert kept < default / 4
