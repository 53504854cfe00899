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
    assert (enc["y"]["field"], enc["x"]["field"], enc["x"]["aggregate"]) == ("speaker", "claims", "sum")
    assert enc["color"]["field"] == "status"
    assert enc["color"]["scale"]["domain"] == list(rt.STATUSES)
    assert tooltip_fields(enc) == ["speaker", "status", "claims"]
    assert sorted((r["speaker"], r["status"], r["claims"]) for r in dataset(spec)) == [
        ("Healy", "verified", 1), ("Radakin", "unchecked", 1)]


def test_claims_without_speaker_are_labelled():
    frame = pd.DataFrame({"speaker": [None], "status": ["unchecked"]})
    assert dataset(charts.status_by_speaker(frame).to_dict())[0]["speaker"] == rt.NO_SPEAKER


def test_the_speaker_chart_names_the_most_quoted_and_groups_the_rest_as_others():
    speakers = [f"Speaker {n:02d}" for n in range(30) for _ in range(30 - n)]  # 00 quoted 30 times, 29 once
    frame = pd.DataFrame({"speaker": speakers, "status": ["unchecked"] * len(speakers)})
    rows = dataset(charts.status_by_speaker(frame).to_dict())
    names = [r["speaker"] for r in sorted(rows, key=lambda r: r["rank"])]
    assert names == [f"Speaker {n:02d}" for n in range(charts.TOP_SPEAKERS)] + ["others (22 speakers)"]
    assert sum(r["claims"] for r in rows) == len(speakers)
    assert rows[-1]["claims"] == sum(30 - n for n in range(charts.TOP_SPEAKERS, 30))
    spec = charts.status_by_speaker(frame).to_dict()
    assert spec["height"] == {"step": charts.ROW_PIXELS}  # nine rows: bounded, however many speakers


def test_count_axes_tick_at_whole_numbers_and_legends_are_never_cut(frames):
    spec = charts.status_by_speaker(frames["claim"]).to_dict()
    axis = spec["encoding"]["x"]["axis"]
    assert (axis["format"], axis["tickMinStep"]) == ("d", 1)
    for chart in (spec, charts.figures_chart(frames["figure"]).to_dict(),
                  charts.timeline_chart(frames["event"]).to_dict()["layer"][0]):
        legend = chart["encoding"]["color"]["legend"]
        assert legend["labelLimit"] == 0 and "replace" in legend["labelExpr"]
    assert [charts.status_words(s) for s in ("in_progress", "not_a_claim", "false")] == [
        "In progress", "Not a claim", "False"]


def _events(rows):
    from datetime import date as d

    frame = pd.DataFrame(rows, columns=["text", "date", "end_date", "granularity", "sentence", "what"])
    for col in ("date", "end_date"):
        frame[col] = [d.fromisoformat(v) if isinstance(v, str) else None for v in frame[col]]
    frame["value"] = ""
    frame["status"] = "unchecked"
    return frame


def test_the_timeline_view_holds_the_events_and_a_decade_is_clipped_not_stretching_it():
    frame = _events([
        ("vendredi", "2025-08-15", None, "day", "Healy a parlé vendredi.", None),
        ("mardi", "2025-08-12", None, "day", "Le sommet s'est tenu mardi.", None),
        ("la dernière décennie", "2024-01-01", "2034-12-31", "decade", "Sur la dernière décennie, tout a changé.", None),
    ])
    first, last = charts.timeline_view(charts.timeline_frame(frame))
    assert "2025-07-29" <= first < "2025-08-12" and "2025-08-15" < last <= "2025-08-30"
    spec = charts.timeline_chart(frame).to_dict()
    periods, days = spec["layer"]
    assert periods["encoding"]["x"]["scale"]["domain"] == [first, last]
    assert periods["mark"]["clip"] is True and days["mark"]["clip"] is True
    decade = next(r for r in dataset(spec) if r["text"] == "la dernière décennie")
    assert (decade["date"], decade["end_date"], decade["days"]) == ("2024-01-01", "2034-12-31", 4018)  # in the tooltip


def test_timeline_rows_say_what_happened_from_what_else_the_sentence_cut_short():
    long = "Le ministre a annoncé un plan de relance " + "très " * 30 + "ambitieux."
    frame = _events([
        ("vendredi", "2025-08-15", None, "day", "Healy a parlé vendredi.", "Healy parle de l'Ukraine"),
        ("mardi", "2025-08-12", None, "day", long, None),
        ("jeudi", "2025-08-14", None, "day", "Le sommet était prévu jeudi.", "était"),
    ])
    labels = {r["text"]: r["label"] for r in dataset(charts.timeline_chart(frame).to_dict())}
    assert labels["vendredi"] == "Healy parle de l'Ukraine"
    assert labels["mardi"].endswith("…") and len(labels["mardi"]) <= charts.EVENT_LABEL_CHARS
    assert labels["mardi"].startswith("Le ministre a annoncé un plan de relance")
    assert labels["jeudi"] == "Le sommet était prévu jeudi."  # a bare verb says less than its sentence


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
    assert [t["field"] for t in days["encoding"]["tooltip"]][:2] == ["label", "text"]
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
