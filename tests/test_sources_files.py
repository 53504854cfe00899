"""lib.sources files: files on disk with their sidecars, and the bundled seeds."""
from __future__ import annotations

from datetime import date

import pytest

from lib.sources import (
    MAX_UPLOAD_BYTES,
    SourceError,
    list_seeds,
    read_article,
    read_file,
    read_seed,
    read_text,
)


def test_list_seeds_puts_the_french_seed_first_with_its_sidecar_metadata():
    seed = list_seeds()[0]
    assert seed.path.name == "healy-boots-on-the-ground-fr.txt"
    assert (seed.lang, seed.published) == ("fr", date(2025, 8, 15))
    assert seed.title.startswith("Healy")


def test_read_seed_applies_sidecar_title_language_and_date():
    article = read_seed(list_seeds()[0])
    assert (article.lang, article.published) == ("fr", date(2025, 8, 15))
    assert article.title == list_seeds()[0].title
    assert article.text == list_seeds()[0].path.read_text(encoding="utf-8")


def test_read_file_uses_a_sidecar_json_beside_the_file(tmp_path):
    (tmp_path / "story.txt").write_text("The minister said troops were ready.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"title": "Story", "lang": "en", "published": "2024-03-01"}', encoding="utf-8")
    article = read_file(tmp_path / "story.txt")
    assert (article.title, article.lang, article.published) == ("Story", "en", date(2024, 3, 1))
    assert article.source == str(tmp_path / "story.txt")


@pytest.mark.parametrize(
    "published, lang, expected",
    [
        (None, None, ("en", date(2024, 3, 1))),
        (date(2024, 3, 4), "fr", ("fr", date(2024, 3, 4))),
    ],
    ids=["the sidecar's", "the caller's win"],
)
def test_read_article_settles_language_and_date_with_the_callers_choices_first(tmp_path, published, lang, expected):
    (tmp_path / "story.txt").write_text("The minister said troops were ready.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"lang": "en", "published": "2024-03-01"}', encoding="utf-8")
    article = read_article(tmp_path / "story.txt", published, lang)
    assert (article.lang, article.published) == expected


def test_read_article_detects_the_language_when_nothing_names_it(tmp_path):
    (tmp_path / "note.txt").write_text("Le ministre a déclaré vendredi que les troupes étaient prêtes.", encoding="utf-8")
    assert read_article(tmp_path / "note.txt").lang == "fr"


def test_read_file_refuses_a_sidecar_with_an_impossible_date(tmp_path):
    (tmp_path / "story.txt").write_text("The minister said troops were ready.", encoding="utf-8")
    (tmp_path / "story.json").write_text('{"published": "2025-02-30"}', encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad publication date '2025-02-30' in story\.json"):
        read_file(tmp_path / "story.txt")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: p / "missing.txt", r"^no such file: .*missing\.txt$"),
        (lambda p: p, r"^is a directory, not a file: "),
    ],
    ids=["missing", "directory"],
)
def test_read_file_refuses_missing_files_and_directories(tmp_path, make, message):
    with pytest.raises(SourceError, match=message):
        read_file(make(tmp_path))


def test_read_file_refuses_an_oversized_file_before_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_UPLOAD_BYTES + 1)  # sparse: costs no disk and no memory
    with pytest.raises(SourceError, match=r"^file too large: 20 MB, the limit is 20 MB$"):
        read_file(path)


def test_the_load_list_holds_only_real_articles_each_with_its_source_and_licence():
    seeds = list_seeds()
    assert seeds[0].path.name == "healy-boots-on-the-ground-fr.txt"
    assert all(s.lang in ("fr", "en") for s in seeds)
    for seed in seeds[1:]:  # every article beside the user's own names where it was published and its licence
        assert seed.source.startswith(("http://", "https://")), seed.path.name
        assert seed.licence and seed.publisher, seed.path.name
        assert seed.source in seed.credit and seed.licence in seed.credit
    names = {s.path.name for s in seeds}
    assert not names & {"energy-prices-en.txt", "nato-spending-summit-en.txt", "blind-rate-decision-en.txt"}


def test_the_articles_written_for_tests_are_fixtures_marked_invented_and_never_listed():
    from bench.articles import FIXTURES_DIR, article_path

    invented = list_seeds(FIXTURES_DIR, invented=True)
    assert invented and all("invented" in s.source for s in invented)
    assert list_seeds(FIXTURES_DIR) == []  # the Load page's call finds none of them
    assert article_path("energy-prices-en.txt") == FIXTURES_DIR / "energy-prices-en.txt"
    assert article_path("healy-boots-on-the-ground-fr.txt").parent.name == "seeds"
