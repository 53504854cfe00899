"""Altair charts beside the review tables: DataFrame in (a `lib.review_table` frame), `alt.Chart` out.

Every chart colours by status with the one scale below, so "verified" is the same
green in the claims bars, the figure points and the timeline; legends show statuses
as words ("In progress") and are never cut. Count axes tick at whole numbers only.
"""
from __future__ import annotations

from datetime import date, timedelta

import altair as alt
import pandas as pd
from altair.utils import schemapi

from lib.models import STATUS_COLOURS
from lib.review_table import NO_SPEAKER, NO_UNIT

# The speaker chart names this many speakers (the most quoted); the rest share one "others" bar.
TOP_SPEAKERS = 8
OTHERS = "others"
# A period longer than this does not set the timeline's view: it is drawn clipped, its span in the tooltip.
LONG_PERIOD_DAYS = 400
# A timeline row's label: what happened, cut to this many characters.
EVENT_LABEL_CHARS = 60
# One row per speaker or event, however many (the charts grow downwards, never squeeze); labels cut at this width.
ROW_PIXELS = 24
LABEL_PIXELS = 170
# Vega expression: 'in_progress' -> 'In progress', as the legend shows a status.
_STATUS_WORDS = "upper(slice(datum.label, 0, 1)) + slice(replace(datum.label, regexp('_', 'g'), ' '), 1)"


def status_scale() -> alt.Scale:
    """The shared status colour scale: a fixed domain so colours never shift with the filtered data."""
    return alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))


def status_words(status: str) -> str:
    """A stored status as the charts write it: status_words('not_a_claim') == 'Not a claim'."""
    text = str(status).replace("_", " ")
    return text[:1].upper() + text[1:]


def _status_colour() -> alt.Color:
    # Every status in the legend, one under the other, no label limit: nothing is cut in a narrow column.
    return alt.Color("status:N", title="Status", scale=status_scale(),
                     legend=alt.Legend(orient="bottom", columns=1, labelLimit=0, labelExpr=_STATUS_WORDS,
                                       symbolLimit=0, titleOrient="top", columnPadding=12))


def _count_axis(title: str) -> alt.Axis:
    return alt.Axis(title=title, format="d", tickMinStep=1)


def speaker_counts(claims: pd.DataFrame, top: int = TOP_SPEAKERS) -> pd.DataFrame:
    """Claims counted per (speaker, status): the `top` most quoted speakers, the rest as one 'others' row per status.

    Ties are broken by name, so the same claims always give the same bars.
    """
    if not len(claims):
        return pd.DataFrame({"speaker": pd.Series(dtype=str), "status": pd.Series(dtype=str),
                             "claims": pd.Series(dtype="int64"), "rank": pd.Series(dtype="int64")})
    data = pd.DataFrame({"speaker": claims["speaker"].fillna(NO_SPEAKER).replace("", NO_SPEAKER),
                         "status": claims["status"].astype(str)})
    totals = data.groupby("speaker").size().reset_index(name="n").sort_values(["n", "speaker"], ascending=[False, True])
    named = list(totals["speaker"][:top])
    others = len(totals) - len(named)
    if others:
        data.loc[~data["speaker"].isin(named), "speaker"] = f"{OTHERS} ({others} speakers)" if others > 1 else OTHERS
        named.append(data.loc[~data["speaker"].isin(named), "speaker"].iloc[0])
    counts = data.groupby(["speaker", "status"]).size().reset_index(name="claims")
    counts["rank"] = counts["speaker"].map({name: rank for rank, name in enumerate(named)}).astype("int64")
    return counts.sort_values(["rank", "status"]).reset_index(drop=True)


def status_by_speaker(claims: pd.DataFrame) -> alt.Chart:
    """Claims counted per speaker, stacked by status: the most quoted speakers first, the rest as 'others'."""
    data = speaker_counts(claims)
    return (
        alt.Chart(data, title="Claims by speaker and status", height=alt.Step(ROW_PIXELS))
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", title="Speaker", sort=alt.EncodingSortField("rank", order="ascending"),
                    axis=alt.Axis(labelLimit=LABEL_PIXELS)),
            x=alt.X("sum(claims):Q", axis=_count_axis("Claims")),
            color=_status_colour(),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("status:N", title="Status"),
                alt.Tooltip("sum(claims):Q", title="Claims"),
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
            y=alt.Y("unit:N", title="Unit or counted noun", axis=alt.Axis(labelLimit=LABEL_PIXELS)),
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
    """Placeable events only, with ISO dates, a closing date for every row, a 'day' flag and a label.

    The label says what happened: the event's `what` when extraction gives one, else its
    sentence, cut to EVENT_LABEL_CHARS; the expression itself is in the tooltip.
    """
    cols = ["text", "value", "date", "end_date", "granularity", "status", "sentence"]
    if not len(events):
        return pd.DataFrame(columns=[*cols, "is_day", "label", "days"])
    data = events[cols].copy()
    data = data[data["date"].notna()]
    # Whole columns at once (a long article has thousands of events, redrawn on every status change).
    starts = pd.to_datetime(data["date"], errors="coerce")
    ends = pd.to_datetime(data["end_date"], errors="coerce").fillna(starts)
    data["date"], data["end_date"] = starts.dt.strftime("%Y-%m-%d"), ends.dt.strftime("%Y-%m-%d")
    data["granularity"] = data["granularity"].fillna("day")
    data["is_day"] = data["granularity"].eq("day") & data["end_date"].eq(data["date"])
    what = (events.loc[data.index, "what"] if "what" in events else pd.Series(None, index=data.index, dtype=object))
    what = what.astype("string").str.split().str.join(" ")
    # A bare verb ("était") says less than the sentence: `what` labels a row only when it has two words or more.
    telling = what.str.count(" ").fillna(0).ge(1)
    described = what.where(telling, data["sentence"].fillna(data["text"]).astype("string"))
    data["label"] = _labels(described.fillna(""), data["text"].astype("string"))
    data["days"] = (ends - starts).dt.days + 1
    return data.sort_values(["date", "end_date"]).reset_index(drop=True)


def _labels(descriptions: pd.Series, expressions: pd.Series) -> pd.Series:
    """Each description on one line, cut to EVENT_LABEL_CHARS with an ellipsis; the expression when it is empty."""
    flat = descriptions.str.split().str.join(" ").fillna("")
    cut = flat.str.slice(0, EVENT_LABEL_CHARS - 1).str.rstrip(" ,;:") + "…"
    labels = flat.where(flat.str.len() <= EVENT_LABEL_CHARS, cut)
    return labels.where(labels.str.len() > 0, expressions).astype(object)


def timeline_view(data: pd.DataFrame) -> tuple[str, str] | None:
    """The dates the timeline shows: every day event and every period up to LONG_PERIOD_DAYS, with a margin.

    Longer periods ('the last decade') do not stretch the view; they are drawn clipped to it. When
    only long periods are placed, the view is their starts.
    """
    if not len(data):
        return None
    short = data[data["days"] <= LONG_PERIOD_DAYS]
    anchors = list(short["date"]) + list(short["end_date"]) if len(short) else list(data["date"])
    first, last = date.fromisoformat(min(anchors)), date.fromisoformat(max(anchors))
    margin = max(timedelta(days=7), (last - first) * 0.05)
    return (first - margin).isoformat(), (last + margin).isoformat()


def timeline_chart(events: pd.DataFrame) -> alt.LayerChart:
    """Events on a time axis, one row each labelled by what happened: points for days, bars for periods.

    The view holds where the events are (timeline_view); a long period is a bar clipped to it, its
    full span in the tooltip. Zoomable along time.
    """
    data = timeline_frame(events)
    view = timeline_view(data)
    tooltip = [
        alt.Tooltip("label:N", title="What"),
        alt.Tooltip("text:N", title="Expression"),
        alt.Tooltip("date:T", title="From", format="%Y-%m-%d"),
        alt.Tooltip("end_date:T", title="To", format="%Y-%m-%d"),
        alt.Tooltip("days:Q", title="Days", format=","),
        alt.Tooltip("value:N", title="TIMEX3 value"),
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip("sentence:N", title="Sentence"),
    ]
    scale = alt.Scale(domain=list(view)) if view else alt.Undefined
    # Data on the layer, not on each sub-chart: Altair would otherwise compare the two copies on every rerun.
    base = alt.Chart().encode(
        x=alt.X("date:T", title="Date", scale=scale),
        y=alt.Y("label:N", title=None, sort=alt.EncodingSortField("date", order="ascending"),
                axis=alt.Axis(labelLimit=LABEL_PIXELS)),
        color=_status_colour(),
        tooltip=tooltip,
    )
    periods = base.transform_filter("!datum.is_day").mark_bar(height=10, opacity=0.8, clip=True).encode(x2="end_date:T")
    days = base.transform_filter("datum.is_day").mark_point(size=110, filled=True, clip=True)
    return alt.layer(periods, days, data=data, title="Timeline", height=alt.Step(ROW_PIXELS)).interactive(bind_y=False)


CHARTS = {"claim": status_by_speaker, "figure": figures_chart, "event": timeline_chart}


def chart_for(kind: str, frame: pd.DataFrame) -> alt.Chart | alt.LayerChart:
    """The chart that sits beside the `kind` table."""
    # Altair checks each piece against the schema as it is built (its "debug mode"): on every status change
    # that cost more than the chart. tests/test_charts.py checks every chart shape through to_dict().
    with schemapi.debug_mode(False):
        return CHARTS[str(kind)](frame)
