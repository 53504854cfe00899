"""The whole engine against the seed's gold file, and the contract every item keeps."""
import json
from datetime import date
from pathlib import Path

import pytest

from lib.extract import extract
from lib.extract.lang import UnsupportedLanguage
from lib.models import Article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "healy-boots-on-the-ground-fr.txt"
GOLD = json.loads((ROOT / "tests" / "gold" / "healy-boots-on-the-ground-fr.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_extraction():
    text = SEED.read_text(encoding="utf-8")
    return extract(Article(text, lang="fr", published=date(2025, 8, 15)))


def test_seed_figures_match_the_gold_file(seed_extraction):
    found = [(f.text, f.start, f.end, f.value, f.unit, f.approx) for f in seed_extraction.figures]
    expected = [(g["text"], g["start"], g["end"], g["value"], g["unit"], g["approx"]) for g in GOLD["figures"]]
    assert found == expected


def test_seed_claims_and_speakers_match_the_gold_file(seed_extraction):
    found = [(c.start, c.end, c.speaker) for c in seed_extraction.claims]
    expected = [(g["start"], g["end"], g["speaker"]) for g in GOLD["claims"]]
    assert found == expected


def test_seed_events_resolve_to_the_gold_dates(seed_extraction):
    found = {(e.text, e.start): (e.date and e.date.isoformat(), e.end_date and e.end_date.isoformat())
             for e in seed_extraction.events}
    expected = {(g["text"], g["start"]): (g["date"], g["end_date"]) for g in GOLD["events"]}
    assert found == expected


def test_both_vendredi_on_the_seed_are_the_articles_own_friday(seed_extraction):
    fridays = [e for e in seed_extraction.events if e.text == "vendredi"]
    assert [e.date for e in fridays] == [date(2025, 8, 15), date(2025, 8, 15)]


def test_every_offset_points_at_its_text(seed_extraction):
    text = seed_extraction.article.text
    for _, item in seed_extraction.items():
        assert text[item.start : item.end] == item.text


def test_ids_are_stable_across_runs_and_unique(seed_extraction):
    again = extract(Article(SEED.read_text(encoding="utf-8"), lang="fr", published=date(2025, 8, 15)))
    first_ids = [item.id for _, item in seed_extraction.items()]
    assert first_ids == [item.id for _, item in again.items()]
    assert len(set(first_ids)) == len(first_ids)


def test_ids_survive_a_new_publication_date_and_an_edit_elsewhere_in_the_text():
    text = "Plus de 200 planificateurs ont contribué, a déclaré Healy."
    before = extract(Article(text, lang="fr", published=date(2025, 8, 15)))
    later = extract(Article(text, lang="fr", published=date(2025, 9, 1)))
    assert [f.id for f in before.figures] == [f.id for f in later.figures]


def test_figures_and_events_link_to_the_claim_that_contains_them(seed_extraction):
    claims = {c.id: c for c in seed_extraction.claims}
    planners = next(f for f in seed_extraction.figures if f.value == 200)
    assert planners.claim_id in claims
    assert claims[planners.claim_id].speaker == "John Healy"


def test_contract_json_has_exactly_the_documented_keys(seed_extraction):
    contract = json.loads(json.dumps(seed_extraction.to_contract()))
    assert set(contract) == {"article", "claims", "figures", "events"}
    assert set(contract["article"]) == {"id", "lang", "published", "title", "chars"}
    assert set(contract["claims"][0]) == {"id", "start", "end", "text", "speaker", "checkworthiness"}
    assert set(contract["figures"][0]) == {"id", "start", "end", "text", "value", "unit", "approx", "claim_id"}
    assert set(contract["events"][0]) >= {"id", "start", "end", "text", "type", "value", "date", "end_date",
                                          "granularity", "claim_id"}
    assert contract["article"]["published"] == "2025-08-15"


def test_without_a_publication_date_relative_expressions_stay_unresolved():
    result = extract(Article("Le mois dernier, 30 pays ont signé, a déclaré Healy.", lang="fr"))
    last_month = next(e for e in result.events if e.text == "Le mois dernier")
    assert last_month.date is None and last_month.unresolved


def test_an_unsupported_language_is_named():
    with pytest.raises(UnsupportedLanguage, match="unsupported language: de"):
        extract(Article("Der Minister sagte, dass 200 Soldaten kommen.", lang="de"))


@pytest.mark.parametrize("text, lang, count, unit", [
    ("The economy has now decreased for two consecutive quarters.", "en", 2, "consecutive quarters"),
    ("Baisse du nombre de cas pour la 2ème semaine consécutive.", "fr", 2, "semaine consécutive (rank)"),
    ("Les prix baissent depuis trois mois.", "fr", 3, "mois"),
])
def test_a_durations_count_is_a_figure_beside_its_event(text, lang, count, unit):
    result = extract(Article(text, lang=lang, published=date(2025, 8, 15)))
    [event] = [e for e in result.events if e.type == "DURATION"]
    [figure] = [f for f in result.figures if event.start <= f.start and f.end <= event.end]
    assert (figure.value, figure.unit) == (count, unit) and event.date is not None
