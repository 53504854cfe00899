"""Altair charts beside the review tables: DataFrame in (a `lib.review_table` frame), `alt.Chart` out.

Every chart colours by status with the one scale below, so "verified" is the same
green in the claims bars, the figure points and the timeline.
"""
from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from lib.models import STATUS_COLOURS
from lib.review_table import NO_SPEAKER, NO_UNIT



def status_scale() -> alt.Scale:
    """The shared status colour scale: a fixed domain so colours never shift with the filtered data."""
    return alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))


def _status_colour() -> alt.Color:
    return alt.Color("status:N", title="Status", scale=status_scale(), legend=alt.Legend(orient="bottom", columns=3, labelLimit=110))


def status_by_speaker(claims: pd.DataFrame) -> alt.Chart:
    """Claims counted per speaker, stacked by status."""
    data = pd.DataFrame(
        {
            "speaker": claims["speaker"].fillna(NO_SPEAKER) if len(claims) else pd.Series(dtype=str),
            "status": claims["status"] if len(claims) else pd.Series(dtype=str),
        }
    )
    return (
        alt.Chart(data, title="Claims by speaker and status")
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", title="Speaker", sort="-x"),
            x=alt.X("count():Q", title="Claims"),
            color=_status_colour(),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("count():Q", title="Claims"),
            ],
        )
    )


def figures_chart(figures: pd.DataFrame) -> alt.Chart:
    """Each figure's value on a row per unit; symlog so 5 % and two billion share one axis."""
    data = pd.DataFrame(
        {
            "value": pd.to_numeric(figures["value"], errors="coerce") if len(figures) else pd.Series(dtype=float),
            "unit": figures["unit"].fillna(NO_UNIT) if len(figures) else pd.Series(dtype=str),
            "text": figures["text"] if len(figures) else pd.Series(dtype=str),
            "approx": figures["approx"].fillna("") if len(figures) else pd.Series(dtype=str),
            "sentence": figures["sentence"] if len(figures) else pd.Series(dtype=str),
            "status": figures["status"] if len(figures) else pd.Series(dtype=str),
        }
    ).dropna(subset=["value"])
    return (
        alt.Chart(data, title="Figures by unit")
        .mark_circle(size=90, opacity=0.85)
        .encode(
            x=alt.X("value:Q", title="Value (symmetric log scale)", scale=alt.Scale(type="symlog", padding=12),
                    axis=alt.Axis(format="~s", tickCount=4, grid=False)),
            y=alt.Y("unit:N", title="Unit or counted noun"),
            color=_status_colour(),
            tooltip=[
                alt.Tooltip("text:N", title="Figure"),
                alt.Tooltip("value:Q", title="Value"),
                alt.Tooltip("unit:N", title="Unit"),
                alt.Tooltip("approx:N", title="Approximation"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("sentence:N", title="Sentence"),
            ],
        )
        .interactive()
    )


def timeline_frame(events: pd.DataFrame) -> pd.DataFrame:
    """Placeable events only, with ISO dates, a closing date for every row and a 'day' flag."""
    cols = ["text", "value", "date", "end_date", "granularity", "status", "sentence"]
    if not len(events):
        return pd.DataFrame(columns=[*cols, "is_day"])
    data = events[cols].copy()
    data = data[data["date"].notna()]
    data["date"] = data["date"].map(_iso)
    ends = data["end_date"].map(_iso)
    data["end_date"] = ends.where(ends.notna(), data["date"])
    data["granularity"] = data["granularity"].fillna("day")
    data["is_day"] = data["granularity"].eq("day") & data["end_date"].eq(data["date"])
    return data.reset_index(drop=True)


def _iso(day) -> str | None:
    return day.isoformat()[:10] if isinstance(day, date) else None


def timeline_chart(events: pd.DataFrame) -> alt.LayerChart:
    """Events on a time axis: points for days, bars from date to end date for weeks, months and periods; zoomable."""
    data = timeline_frame(events)
    tooltip = [
        alt.Tooltip("text:N", title="Expression"),
        alt.Tooltip("value:N", title="TIMEX3 value"),
        alt.Tooltip("date:T", title="From", format="%Y-%m-%d"),
        alt.Tooltip("end_date:T", title="To", format="%Y-%m-%d"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip("sentence:N", title="Sentence"),
    ]
    # Data on the layer, not on each sub-chart: Altair would otherwise compare the two copies on every rerun.
    base = alt.Chart().encode(
        x=alt.X("date:T", title="Date"),
        y=alt.Y("text:N", title="Expression", sort=alt.EncodingSortField("date", order="ascending")),
        color=_status_colour(),
        tooltip=tooltip,
    )
    periods = base.transform_filter("!datum.is_day").mark_bar(height=10, opacity=0.8).encode(x2="end_date:T")
    days = base.transform_filter("datum.is_day").mark_point(size=110, filled=True)
    return alt.layer(periods, days, data=data, title="Timeline").interactive(bind_y=False)


CHARTS = {"claim": status_by_speaker, "figure": figures_chart, "event": timeline_chart}


def chart_for(kind: str, frame: pd.DataFrame) -> alt.Chart | alt.LayerChart:
    """The chart that sits beside the `kind` table."""
    return CHARTS[str(kind)](frame)
