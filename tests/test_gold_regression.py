"""Regression guard on tests/gold, the hand-annotated articles written for the project.

These articles were written for Fact Desk and the rules were tuned on them, so their scores say nothing
about real news (that is the real-news gate, tests/test_news_accuracy.py). They stay as regression
tests: a rule change that breaks what they hold fails here. The scorer is bench/articles.py.
"""
import pytest

from bench.articles import TARGET, run


@pytest.fixture(scope="module")
def scores():
    return run()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", ["figures", "events", "claims"])
def test_hand_annotated_articles_keep_their_scores_per_language(scores, lang, kind):
    score = scores[(lang, kind)]
    assert score.gold >= 20, "too little gold to measure"
    _, _, f1 = score.prf()
    assert f1 >= TARGET[kind], f"{lang} {kind}: F1 {f1:.2f} < {TARGET[kind]}\n" + "\n".join(score.errors[:10])
