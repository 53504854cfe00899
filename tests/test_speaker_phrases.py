"""Every speaker extracted from the hand-annotated articles (tests/gold) is a noun phrase of the article.

The same check runs on the real-news yardstick inside tests/test_news_accuracy.py.
"""
import json
from datetime import date
from pathlib import Path

import pytest

from bench.articles import article_path
from lib.extract.nlp import parse
from tests.speaker_phrases import phrase_problems, speaker_problems

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.gold.json"))


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name.split(".")[0])
def test_every_speaker_is_a_noun_phrase_of_the_article(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = article_path(gold["article"]).read_text(encoding="utf-8")
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    assert speaker_problems(text, gold["lang"], published) == []


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("en", "Only 12 cases were reported, officials said.", "12 cases were"),
    ("en", "But I can also say this, the minister said.", "But I can also"),
    ("en", "The GDP figures (July to Sept) were revised, the ONS said.", "July to Sept)"),
    ("en", "BANK CUTS RATES AGAIN, the Bank said.", "BANK CUTS RATES"),
    ("fr", "Le ministère s'est dit déterminé, selon le texte.", "ministère s'est"),
    ("fr", "Selon le ministère, le déficit se creuse.", "Selon le ministère"),
])
def test_the_check_refuses_fragments(lang, text, speaker):
    assert phrase_problems(speaker, text, parse(text, lang), lang) != []


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("en", "Inflation rose, the Office for National Statistics said.", "Office for National Statistics"),
    ("fr", "Selon le ministère de l'Intérieur, le nombre a baissé.", "ministère de l'Intérieur"),
    ("en", "HRW said the count was low.", "HRW"),
])
def test_the_check_accepts_noun_phrases(lang, text, speaker):
    assert phrase_problems(speaker, text, parse(text, lang), lang) == []
