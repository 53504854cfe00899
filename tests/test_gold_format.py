"""Every hand-annotated gold file in tests/gold/ is well-formed, so accuracy scores rest on sound data.

Offsets must slice the article exactly as `lib.sources.read_file` reads it (DESIGN §2), and every
value/date must say the same thing twice over: "2025-W42" opens on Monday 2025-10-13, a month runs from
its first to its last day, durations and sets stay off the calendar.
"""
from __future__ import annotations

import calendar
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from bench.articles import article_path
from lib.sources import read_file

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "tests" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))

APPROX = {None, "more than", "less than", "about", "at least", "at most"}
TYPES = {"DATE", "TIME", "DURATION", "SET"}
GRANULARITIES = {None, "day", "week", "month", "quarter", "year", "decade"}
# TIMEX3 values we accept: calendar dates down to the day, weeks, quarters, halves, seasons, decades,
# times of day, periods (P10Y, PXM, PT9H) and the TimeML reference words.
DATE_VALUE = re.compile(
    r"^(?:\d{3,4}|\d{4}-(?:\d{2}|\d{2}-\d{2}|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI)|XXXX(?:-[A-Z0-9-]+)?"
    r"|PAST_REF|PRESENT_REF|FUTURE_REF)$"
)
TIME_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI|DT)$")
PERIOD_VALUE = re.compile(r"^P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q|H))+$|^PT(?:(?:\d+|X)[HMS])+$")
SET_VALUE = re.compile(f"(?:{PERIOD_VALUE.pattern})|^XXXX(?:-[A-Z0-9-]+)?$")


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _article_path(gold: dict) -> Path:
    return article_path(gold["article"])


def _iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def test_there_are_gold_files_in_french_and_english():
    langs = {_gold(path)["lang"] for path in GOLD_FILES}
    assert {"fr", "en"} <= langs


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_article_exists_and_agrees_with_its_sidecar(path):
    gold = _gold(path)
    article = read_file(_article_path(gold))
    assert gold["lang"] in {"fr", "en"}
    assert article.lang == gold["lang"]
    assert article.published == date.fromisoformat(gold["published"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_offsets_slice_the_article_text_exactly(path):
    gold = _gold(path)
    text = read_file(_article_path(gold)).text
    for kind in ("figures", "events", "claims"):
        for item in gold[kind]:
            assert isinstance(item["start"], int) and isinstance(item["end"], int), item
            assert 0 <= item["start"] < item["end"] <= len(text), item
            assert text[item["start"]:item["end"]] == item["text"], (kind, item)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_items_of_one_kind_never_share_a_span(path):
    gold = _gold(path)
    for kind in ("figures", "events", "claims"):
        spans = sorted((item["start"], item["end"]) for item in gold[kind])
        for (_, end), (next_start, _) in zip(spans, spans[1:]):
            assert end <= next_start, (kind, spans)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_figures_have_numeric_values_units_and_known_qualifiers(path):
    for figure in _gold(path)["figures"]:
        assert isinstance(figure["value"], (int, float)) and not isinstance(figure["value"], bool), figure
        unit = figure["unit"]
        assert unit is None or (isinstance(unit, str) and unit.strip() == unit and unit), figure
        assert figure.get("approx") in APPROX, figure
        # A bare year is an event, never a figure.
        assert not re.fullmatch(r"(?:19|20)\d\d", figure["text"]), figure


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_event_values_are_timex3_and_dates_follow_from_them(path):
    for event in _gold(path)["events"]:
        kind, value, granularity = event["type"], event["value"], event.get("granularity")
        start, end = _iso(event.get("date")), _iso(event.get("end_date"))
        assert kind in TYPES, event
        assert granularity in GRANULARITIES, event
        if kind in {"DURATION", "SET"}:
            assert (SET_VALUE if kind == "SET" else PERIOD_VALUE).search(value), event
            if kind == "DURATION" and start is not None:
                # A span measured from publication ("les cinq prochaines années") is placed (ANNOTATION).
                assert end is not None and start < end and granularity in GRANULARITIES - {None}, event
                continue
            assert start is None and end is None, event
            continue
        assert (TIME_VALUE if kind == "TIME" else DATE_VALUE).match(value) or PERIOD_VALUE.match(value), event
        if start is None:
            assert end is None, event
            continue
        assert end is None or end >= start, event
        _assert_period_matches(value, granularity, start, end, event)


def _assert_period_matches(value: str, granularity: str | None, start: date, end: date | None, event: dict):
    if granularity == "day":
        assert end in (None, start), event
        assert value[:10] == start.isoformat() or not re.match(r"\d{4}-\d{2}-\d{2}", value), event
    elif granularity == "week":
        year, week = re.fullmatch(r"(\d{4})-W(\d{2})", value).groups()
        assert start == date.fromisocalendar(int(year), int(week), 1), event
        # "this week" runs to Sunday; "earlier this week" stops at the publication date.
        assert start <= end <= start + timedelta(days=6), event
    elif granularity == "month":
        year, month = map(int, re.fullmatch(r"(\d{4})-(\d{2})", value).groups())
        assert start == date(year, month, 1), event
        assert end == date(year, month, calendar.monthrange(year, month)[1]), event
    elif granularity == "quarter":
        year, quarter = map(int, re.fullmatch(r"(\d{4})-Q([1-4])", value).groups())
        first = date(year, 3 * quarter - 2, 1)
        last_month = 3 * quarter
        assert start == first, event
        assert end == date(year, last_month, calendar.monthrange(year, last_month)[1]), event
    elif granularity == "year":
        # "last year" runs to 31 December; "earlier this year" stops at the publication date.
        assert start == date(start.year, 1, 1) and end is not None and end <= date(start.year, 12, 31), event
        if re.fullmatch(r"\d{4}", value):
            assert int(value) == start.year, event
    elif granularity == "decade":
        # A named decade ("the 1990s", value "199") or ten years counted from publication ("next decade").
        assert end is not None and 9 <= end.year - start.year <= 10, event
        if re.fullmatch(r"\d{3}", value):
            assert start == date(int(value) * 10, 1, 1) and end == date(int(value) * 10 + 9, 12, 31), event


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_claims_are_whole_sentences_with_a_named_or_null_speaker(path):
    gold = _gold(path)
    text = read_file(_article_path(gold)).text
    for claim in gold["claims"]:
        speaker = claim["speaker"]
        assert speaker is None or (isinstance(speaker, str) and speaker.strip() == speaker and speaker), claim
        assert claim["text"] == claim["text"].strip(), claim
        before = text[: claim["start"]].rstrip(" \u00a0")
        # A claim starts a line or follows the end of the previous sentence.
        assert before == "" or before[-1] in "\n.!?»”\"", claim
