"""A small hand-made extraction for the dashboard tests, independent of the extractors' progress."""
from __future__ import annotations

from datetime import date

from lib.models import Article, Claim, Event, Extraction, Figure

TEXT = (
    "Healy a déclaré vendredi que plus de 200 planificateurs de 30 pays étaient prêts. "
    "Radakin a averti en février 2022 que la Russie restait dangereuse. "
    "Les dépenses atteindront 5% du PIB."
)


def _span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def small_extraction(text: str = TEXT, published: date | None = date(2025, 8, 15), prefix: str = "") -> Extraction:
    """Two claims with speakers, three figures, two events (a day and a month) over TEXT."""
    article = Article(text, lang="fr", published=published, title="Essai", source="test")
    s1 = _span(text, text.split(". ")[0] + ".")
    s2 = _span(text, "Radakin a averti en février 2022 que la Russie restait dangereuse.")
    claims = (
        Claim(prefix + "c1", *s1, text[s1[0]:s1[1]], "Healy", 0.9),
        Claim(prefix + "c2", *s2, text[s2[0]:s2[1]], "Radakin", 0.7),
    )
    f1, f2, f3 = _span(text, "plus de 200"), _span(text, "30"), _span(text, "5%")
    figures = (
        Figure(prefix + "f1", *f1, text[f1[0]:f1[1]], 200, "planificateurs", "more than", "c1", s1),
        Figure(prefix + "f2", *f2, "30", 30, "pays", None, prefix + "c1", s1),
        Figure(prefix + "f3", *f3, "5%", 5, "%", None, None, _span(text, "Les dépenses atteindront 5% du PIB.")),
    )
    e1, e2 = _span(text, "vendredi"), _span(text, "février 2022")
    events = (
        Event(prefix + "e1", *e1, "vendredi", "DATE", "2025-08-15", date(2025, 8, 15), date(2025, 8, 15), "day", prefix + "c1", None, s1),
        Event(prefix + "e2", *e2, "février 2022", "DATE", "2022-02", date(2022, 2, 1), date(2022, 2, 28), "month", prefix + "c2", None, s2),
    )
    return Extraction(article, claims, figures, events, engine_version="test")


def many_claims(n: int) -> Extraction:
    """n one-sentence claims, speakers alternating Healy / Radakin, ids c000, c001, …"""
    sentence = "Healy a déclaré que 200 soldats étaient prêts. "
    text = sentence * n
    article = Article(text, lang="fr", published=date(2025, 8, 15), title="Beaucoup", source="test")
    width = len(sentence)
    claims = tuple(
        Claim(f"c{i:03d}", i * width, i * width + width - 1, sentence.strip(), ("Healy", "Radakin")[i % 2], 0.5)
        for i in range(n)
    )
    return Extraction(article, claims, engine_version="test")


def frame_of(store, kind):
    """The review frame of `kind` over everything in `store`, as the Review page builds it."""
    from lib.review_table import items_frame

    return items_frame(store.items(kind=kind), kind)
