"""lib.charts: every chart's Vega-Lite spec — encodings, the shared status colours, tooltips."""
from __future__ import annotations

import pandas as pd
import pytest

from lib import charts, review_table as rt
from lib.models import Status
from tests.dashboard_fixtures import small_extraction


@pytest.fixture
def frames(tmp_path):
    from lib.store import Store

    store = Store(f"sqlite:///{tmp_path / 'charts.db'}")
    store.save_extraction(small_extraction())
    store.save_review("c1", status=Status.VERIFIED, analyst="Ana", expected_version=0)
    result = {kind: rt.items_frame(store.items(kind=kind), kind) for kind in ("claim", "figure", "event")}
    store.close()
    return result


def dataset(spec: dict) -> list[dict]:
    (values,) = spec["datasets"].values()
    return values


def tooltip_fields(encoding: dict) -> list[str]:
    return [t["field"] if "field" in t else t["aggregate"] for t in encoding["tooltip"]]


def test_status_scale_lists_every_status_once_in_order():
    scale = charts.status_scale().to_dict()
    assert scale["domain"] == [s.value for s in Status]
    assert scale["range"] == list(charts.STATUS_COLOURS.values())
    assert len(set(scale["range"])) == len(Status)


def test_claims_chart_counts_by_speaker_coloured_by_status(frames):
    spec = charts.status_by_speaker(frames["claim"]).to_dict()
    enc = spec["encoding"]
    assert spec["mark"]["type"] == "bar"
    assert (enc["y"]["field"], enc["x"]["aggregate"]) == ("speaker", "count")
    assert enc["color"]["field"] == "status"
    assert enc["color"]["scale"]["domain"] == list(rt.STATUSES)
    assert tooltip_fields(enc) == ["speaker", "status", "count"]
    assert sorted((r["speaker"], r["status"]) for r in dataset(spec)) == [("Healy", "verified"), ("Radakin", "unchecked")]


def test_claims_without_speaker_are_labelled():
    frame = pd.DataFrame({"speaker": [None], "status": ["unchecked"]})
    assert dataset(charts.status_by_speaker(frame).to_dict())[0]["speaker"] == rt.NO_SPEAKER


def test_figures_chart_puts_values_by_unit_with_the_sentence_in_the_tooltip(frames):
    spec = charts.figures_chart(frames["figure"]).to_dict()
    enc = spec["encoding"]
    assert (enc["x"]["field"], enc["x"]["scale"]["type"], enc["y"]["field"]) == ("value", "symlog", "unit")
    assert enc["color"]["scale"]["range"] == list(charts.STATUS_COLOURS.values())
    assert "sentence" in tooltip_fields(enc) and "text" in tooltip_fields(enc)
    rows = {r["text"]: r for r in dataset(spec)}
    assert rows["plus de 200"]["value"] == 200 and rows["plus de 200"]["unit"] == "planificateurs"
    assert rows["5%"]["sentence"] == "Les dépenses atteindront 5% du PIB."


def test_timeline_draws_days_as_points_and_periods_as_bars_and_zooms(frames):
    spec = charts.timeline_chart(frames["event"]).to_dict()
    periods, days = spec["layer"]
    assert periods["mark"]["type"] == "bar" and days["mark"]["type"] == "point"
    assert periods["encoding"]["x2"]["field"] == "end_date"
    assert periods["encoding"]["x"]["type"] == "temporal"
    assert [t["field"] for t in days["encoding"]["tooltip"]][:1] == ["text"]
    assert "sentence" in [t["field"] for t in days["encoding"]["tooltip"]]
    assert any(p.get("bind") == "scales" for p in spec["params"])  # zoomable
    rows = {r["text"]: r for r in dataset(spec)}
    assert (rows["vendredi"]["date"], rows["vendredi"]["is_day"]) == ("2025-08-15", True)
    assert (rows["février 2022"]["date"], rows["février 2022"]["end_date"], rows["février 2022"]["is_day"]) == (
        "2022-02-01", "2022-02-28", False)


def test_timeline_leaves_out_events_without_a_date(frames):
    events = frames["event"].copy()
    events.loc["e2", "date"] = None
    assert [r["text"] for r in dataset(charts.timeline_chart(events).to_dict())] == ["vendredi"]


@pytest.mark.parametrize("kind", ["claim", "figure", "event"])
def test_every_chart_builds_from_an_empty_frame(kind):
    empty = pd.DataFrame(columns=rt.columns(kind))
    spec = charts.chart_for(kind, empty).to_dict()
    assert dataset(spec) == []
