"""The accuracy gate on real news: ../shared/bench/news scored by bench/news.py never falls below the floor.

The floor (tests/news_floor.txt) is a ratchet raised as extraction improves, so progress lands step by
step and never slides back. The set lives beside the checkout (CI has it); without it this test skips
and says so loudly, since it is the only measure of extraction on text it was not written for.
"""
import warnings
from pathlib import Path

import pytest

from bench.news import NEWS_DIR, news_paths, run

FLOOR_FILE = Path(__file__).with_name("news_floor.txt")


def floor() -> dict[tuple[str, str], float]:
    rows = [line.split() for line in FLOOR_FILE.read_text(encoding="utf-8").splitlines()]
    return {(lang, kind): float(value) for lang, kind, value in (row for row in rows if row and row[0] != "#")}


@pytest.fixture(scope="module")
def measured():
    if not news_paths(NEWS_DIR):
        reason = f"REAL-NEWS ACCURACY GATE NOT RUN: {NEWS_DIR} is absent (CI has it beside the checkout)"
        warnings.warn(reason)
        pytest.skip(reason)
    scores, speakers = run(NEWS_DIR)
    result = {(lang, kind): scores[(lang, kind)].prf()[2] for lang, kind in scores if lang in ("fr", "en")}
    result |= {(lang, "speaker"): speakers[lang].share() for lang in ("fr", "en")}
    return result, scores


def test_floor_covers_every_language_and_kind():
    assert set(floor()) == {(lang, kind) for lang in ("fr", "en") for kind in ("figures", "events", "claims", "speaker")}


@pytest.mark.parametrize(("lang", "kind"), sorted(floor()))
def test_real_news_accuracy_never_falls_below_the_floor(measured, lang, kind):
    values, scores = measured
    got, wanted = values[(lang, kind)], floor()[(lang, kind)]
    errors = "" if kind == "speaker" else "\n".join(
        e for e in scores[(lang, kind)].errors if f" {lang}-" in e)[:3000]
    assert got >= wanted - 1e-9, f"{lang} {kind}: {got:.3f} fell below the floor {wanted:.2f}\n{errors}"


def test_every_speaker_on_real_news_is_a_noun_phrase():
    # ANNOTATION.md: a speaker is always a noun phrase of the article, never a fragment with a verb, a
    # number or broken punctuation (the same check as tests/test_speaker_phrases.py on tests/gold).
    import json
    from datetime import date

    from tests.speaker_phrases import speaker_problems

    paths = news_paths(NEWS_DIR)
    if not paths:
        pytest.skip(f"REAL-NEWS SPEAKER CHECK NOT RUN: {NEWS_DIR} is absent")
    problems = []
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        problems += [f"{path.stem}: {line}" for line in
                     speaker_problems(text, gold["lang"], date.fromisoformat(gold["published"]))]
    assert problems == []
