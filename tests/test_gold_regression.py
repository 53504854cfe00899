"""The engine keeps the accuracy DESIGN §5 asks for on every hand-annotated article, per language.

The scorer is bench/articles.py (the same numbers the benchmark prints); this test makes a drop
below the goal fail the suite instead of waiting for someone to run the benchmark.
"""
import pytest

from bench.articles import TARGET, run


@pytest.fixture(scope="module")
def scores():
    return run()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("kind", ["figures", "events", "claims"])
def test_f1_reaches_the_design_goal_per_language(scores, lang, kind):
    score = scores[(lang, kind)]
    assert score.gold >= 20, "too little gold to measure"
    _, _, f1 = score.prf()
    assert f1 >= TARGET[kind], f"{lang} {kind}: F1 {f1:.2f} < {TARGET[kind]}\n" + "\n".join(score.errors[:10])
