"""lib.sources text: pasted text, boilerplate lines and plausible publication dates."""
from __future__ import annotations

from datetime import date

import pytest

from lib.sources import (
    SourceError,
    boilerplate_spans,
    check_published,
    list_seeds,
    plausible_published,
    published_bounds,
    read_seed,
    read_text,
)


BOILERPLATE_LINES = [
    ("Verrouiller gratuitement la newsletter de la montre White House Watch gratuitement", True),
    ("Votre guide sur ce que la deuxième saison de Trump signifie Washington, Business and World", True),
    ("Unlock the White House Watch newsletter for free", True),
    ("Your guide to what Trump’s second term means for Washington, business and the world", True),
    ("Sign up for our daily briefing", True),
    ("Subscribe", True),
    ("Subscribe now", True),
    ("Read more", True),
    ("Read more: Healy visits Kyiv", True),
    ("Advertisement", True),
    ("Publicité", True),
    ("Partager", True),
    ("Partager sur Facebook", True),
    ("Share this article", True),
    ("We use cookies to improve your experience on our site.", True),
    ("Nous utilisons des cookies pour améliorer votre expérience.", True),
    ("Abonnez-vous à notre newsletter", True),
    ("Lire aussi : la Finlande rejoint l’OTAN", True),
    ("Tous droits réservés", True),
    ("Partager les coûts de la défense est essentiel, a déclaré Healy.", False),
    ("Subscribers to the service rose by 20% last year, the company said.", False),
    ("The newsletter reported that 200 troops had arrived on Friday.", False),
    ("Sign language interpreters were present at the briefing.", False),
    ("Read the full statement below, a spokesman said.", False),
    ("Votre avis compte, a déclaré le ministre.", False),
    ("« Ils sont prêts à partir et ils sont prêts à agir dès le premier jour. »", False),
]


@pytest.mark.parametrize("line, expected", BOILERPLATE_LINES, ids=[line[:40] for line, _ in BOILERPLATE_LINES])
def test_boilerplate_lines_are_recognised_and_article_sentences_are_not(line, expected):
    text = f"Le ministre a parlé.\n  {line}  \nFin de l’article."
    spans = boilerplate_spans(text)
    if expected:
        assert len(spans) == 1 and text[spans[0][0] : spans[0][1]] == line
    else:
        assert spans == ()


def test_seed_opens_with_two_boilerplate_lines_and_no_article_sentence_is_boilerplate():
    seed = list_seeds()[0]
    article = read_seed(seed)
    lines = article.text.splitlines()
    assert [article.text[s:e] for s, e in article.boilerplate] == lines[:2]


def test_every_invented_test_article_has_its_promo_lines_marked_and_only_near_the_top():
    from bench.articles import FIXTURES_DIR

    invented = list_seeds(FIXTURES_DIR, invented=True)
    assert len(invented) >= 10
    for seed in invented:
        article = read_seed(seed)
        assert article.boilerplate, seed.path.name
        first_lines_end = sum(len(line) + 1 for line in article.text.splitlines()[:2])
        assert all(end <= first_lines_end for _, end in article.boilerplate), seed.path.name


def test_boilerplate_spans_ignore_very_long_lines_even_with_a_promo_start():
    line = "Subscribe to " + "the record of what the minister said on Friday " * 10
    assert boilerplate_spans(line) == ()


@pytest.mark.parametrize(
    "published, ok",
    [(date(2025, 8, 15), True), (date(2025, 9, 2), True), (date(1900, 1, 1), True), (date(2025, 9, 3), False), (date(1899, 12, 31), False)],
)
def test_check_published_accepts_plausible_dates_and_refuses_future_or_pre_1900(published, ok):
    today = date(2025, 9, 1)
    if ok:
        assert check_published(published, today=today) == published
    else:
        with pytest.raises(SourceError, match=r"^publication date \d{4}-\d\d-\d\d is (in the future|before 1900)"):
            check_published(published, today=today)


def test_read_text_marks_boilerplate_and_strips_a_pasted_bom():
    article = read_text("\ufeffSubscribe\nThe minister said troops were ready.", title="  T  ")
    assert article.text == "Subscribe\nThe minister said troops were ready."
    assert (article.boilerplate, article.title, article.lang) == (((0, 9),), "T", None)


@pytest.mark.parametrize("published, expected", [
    (date(2025, 9, 2), date(2025, 9, 2)),  # tomorrow: time zones
    (date(2025, 9, 3), None),
    (date(1899, 12, 31), None),
    (None, None),
])
def test_plausible_published_is_what_check_published_accepts(published, expected):
    assert published_bounds(today=date(2025, 9, 1)) == (date(1900, 1, 1), date(2025, 9, 2))
    assert plausible_published(published, today=date(2025, 9, 1)) == expected


@pytest.mark.parametrize("typed, reason", [
    ("2025-02-30", "the date 2025-02-30 does not exist: February 2025 has 28 days"),
    ("2024-02-30", "the date 2024-02-30 does not exist: February 2024 has 29 days"),
    ("2025-13-01", "the date 2025-13-01 does not exist: there is no month 13"),
    ("15/08/2025", "“15/08/2025” is not a date written YYYY-MM-DD (for example 2025-08-15)"),
    ("1850-03-01", "publication date 1850-03-01 is before 1900: a publication date is between 1900-01-01 and 2025-09-02"),
    ("2099-01-01", "publication date 2099-01-01 is in the future (today is 2025-09-01): a publication date is "
                   "between 1900-01-01 and 2025-09-02"),
])
def test_a_typed_publication_date_is_refused_with_its_reason_never_changed(typed, reason):
    from lib.sources import parse_published

    with pytest.raises(SourceError) as refused:
        parse_published(typed, today=date(2025, 9, 1))
    assert str(refused.value) == reason


@pytest.mark.parametrize("typed, expected", [
    ("2024-02-29", date(2024, 2, 29)), (" 2025-8-15 ", date(2025, 8, 15)), ("2025-09-02", date(2025, 9, 2)),
    ("", None), ("   ", None),
])
def test_a_typed_publication_date_that_exists_and_is_plausible_is_read(typed, expected):
    from lib.sources import parse_published

    assert parse_published(typed, today=date(2025, 9, 1)) == expected
