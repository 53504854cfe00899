"""lib.corpus: the corpus frame and what recurs across articles (speakers under several spellings, figures)."""
from __future__ import annotations

from lib import corpus


def test_recurring_speakers_groups_spellings_and_articles():
    import pandas as pd

    claims = pd.DataFrame({
        "speaker": ["Radakin", "Radhakin", "Healy", "Healy", None],
        "article_id": ["a", "a", "a", "b", "b"],
    })
    result = corpus.recurring_speakers(claims)
    rows = {r.speaker: (r.spellings, r.articles, r.claims) for r in result.itertuples()}
    assert rows["Healy"] == ("Healy", 2, 2)
    assert rows["Radakin"] == ("Radakin, Radhakin", 1, 2) or rows["Radhakin"] == ("Radakin, Radhakin", 1, 2)


def test_recurring_speakers_groups_misspellings_transitively_and_folds_case_and_accents():
    import pandas as pd

    claims = pd.DataFrame({
        "speaker": ["Radakin", "Radhakin", "Radhakinn", "RADAKIN", "Rädakin", "Healy", "Kadakin"],
        "article_id": ["a", "b", "c", "d", "e", "f", "g"],
    })
    result = corpus.recurring_speakers(claims)
    assert result.values.tolist() == [
        ["RADAKIN", "RADAKIN, Radakin, Radhakin, Radhakinn, Rädakin", 5, 5],
    ]  # 'Kadakin' differs in its initial: never compared, so never merged


def test_recurring_speakers_compares_only_plausible_pairs(monkeypatch):
    import difflib
    import random
    import string

    import pandas as pd

    ratios = []
    original = difflib.SequenceMatcher.ratio

    def counting(self):
        ratios.append(1)
        return original(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "ratio", counting)
    rng = random.Random(7)
    names = sorted({"".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 12))).title() for _ in range(800)})
    corpus.recurring_speakers(pd.DataFrame({"speaker": names, "article_id": ["a"] * len(names)}))
    assert len(ratios) < 2 * len(names)  # all pairs would be about 320,000


def test_content_digest_sees_a_change_in_any_row():
    import pandas as pd

    frame = pd.DataFrame({"speaker": [f"s{i}" for i in range(60_000)], "article_id": ["a"] * 60_000})
    before = corpus.content_digest(frame, ["speaker", "article_id"])
    frame.loc[59_999, "speaker"] = "Radhakin"
    assert corpus.content_digest(frame, ["speaker", "article_id"]) != before


def test_recurring_figures_need_two_articles():
    import pandas as pd

    figures = pd.DataFrame({
        "value": [200, 200, 200, 30],
        "unit": ["planificateurs", "Planificateurs", "planificateurs", "pays"],
        "text": ["plus de 200", "200", "200", "30"],
        "article_id": ["a", "b", "a", "a"],
    })
    result = corpus.recurring_figures(figures)
    assert result[["value", "unit", "articles", "mentions"]].values.tolist() == [[200, "planificateurs", 2, 3]]


def test_corpus_frame_has_progress_share(filled):
    frame = corpus.corpus_frame(filled.articles())
    assert frame.loc[0, ["claims", "figures", "events", "total"]].tolist() == [2, 3, 2, 7]
    assert frame.loc[0, "progress"] == 0.0
