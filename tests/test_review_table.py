"""lib.review_table: frames from the real store, filters, pending edits and saves (SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import date

import pytest

from lib import review_table as rt
from lib.models import Kind, Status
from tests.dashboard_fixtures import small_extraction


@pytest.fixture
def filled(store):
    store.save_extraction(small_extraction())
    return store


def frame_of(store, kind):
    return rt.items_frame(store.items(kind=kind), kind)


def test_claims_frame_has_review_columns_first_and_one_row_per_claim(filled):
    frame = frame_of(filled, "claim")
    assert list(frame.columns[:5]) == ["status", "note", "evidence", "text", "speaker"]
    assert list(frame.index) == ["c1", "c2"]
    assert frame.loc["c1", "speaker"] == "Healy"
    assert set(frame["status"]) == {"unchecked"}
    assert frame["version"].tolist() == [0, 0]


def test_events_frame_carries_real_dates(filled):
    frame = frame_of(filled, "event")
    assert frame.loc["e1", "date"] == date(2025, 8, 15)
    assert frame.loc["e2", "end_date"] == date(2022, 2, 28)
    assert frame.loc["e2", "granularity"] == "month"


@pytest.mark.parametrize(
    ("kind", "filters", "expected"),
    [
        ("claim", rt.Filters(speakers=("Radakin",)), ["c2"]),
        ("claim", rt.Filters(text="RUSSIE"), ["c2"]),
        ("claim", rt.Filters(statuses=("verified",)), []),
        ("claim", rt.Filters(statuses=("unchecked",)), ["c1", "c2"]),
        ("figure", rt.Filters(units=("pays", "%")), ["f2", "f3"]),
        ("figure", rt.Filters(text="pib"), ["f3"]),  # found through its sentence
        ("event", rt.Filters(since=date(2025, 1, 1)), ["e1"]),
        ("event", rt.Filters(until=date(2022, 2, 10)), ["e2"]),
        # a month overlaps a range that starts inside it
        ("event", rt.Filters(since=date(2022, 2, 20), until=date(2022, 3, 1)), ["e2"]),
    ],
)
def test_filters_keep_only_matching_rows(filled, kind, filters, expected):
    assert list(rt.filter_frame(frame_of(filled, kind), filters).index) == expected


def test_filter_options_list_speakers_and_units_sorted(filled):
    assert rt.filter_options(frame_of(filled, "claim"))["speakers"] == ["Healy", "Radakin"]
    assert rt.filter_options(frame_of(filled, "figure"))["units"] == ["%", "pays", "planificateurs"]


def test_progress_counts_every_status(filled):
    frame = frame_of(filled, "claim")
    frame.loc["c1", "status"] = "verified"
    counts = rt.progress(frame)
    assert (counts.checked, counts.total, counts.share) == (1, 2, 0.5)
    assert counts.by_status["verified"] == 1 and counts.by_status["false"] == 0


def test_pending_edits_keep_only_changed_rows_with_their_version(filled):
    stored = frame_of(filled, "claim")
    edited = stored.copy()
    edited.loc["c2", ["status", "note", "evidence"]] = ["false", "wrong year", "https://a.org/x, https://b.org"]
    edits, problems = rt.pending_edits(stored, edited)
    assert problems == []
    assert edits == {"c2": rt.Edit("c2", "false", "wrong year", ("https://a.org/x", "https://b.org"), 0,
                                   "Radakin a averti en février 2022 que la Russie restait dang…")}


def test_pending_edits_refuse_non_http_evidence(filled):
    stored = frame_of(filled, "claim")
    edited = stored.copy()
    edited.loc["c1", "evidence"] = "javascript:alert(1)"
    edits, problems = rt.pending_edits(stored, edited)
    assert edits == {}
    assert "javascript:alert(1)" in problems[0]


def test_merge_keeps_off_screen_edits_and_the_first_version(filled):
    old = {"c1": rt.Edit("c1", "verified", "", (), 0), "c2": rt.Edit("c2", "false", "", (), 0)}
    new = {"c2": rt.Edit("c2", "misleading", "", (), 3)}
    merged = rt.merge_pending(old, ["c2"], new)
    assert merged["c1"] == old["c1"]
    assert merged["c2"] == rt.Edit("c2", "misleading", "", (), 0)
    assert "c2" not in rt.merge_pending(old, ["c2"], {})


def test_editor_view_renders_pending_values_with_the_version_they_answer(filled):
    stored = frame_of(filled, "claim")
    view = rt.editor_view(stored, {"c1": rt.Edit("c1", "verified", "ok", (), 0)})
    assert view.shown.loc["c1", ["status", "note"]].tolist() == ["verified", "ok"]
    assert view.stored.loc["c1", "status"] == "unchecked"
    assert view.versions == {"c1": 0, "c2": 0}


def test_versions_digest_changes_when_a_shown_row_is_saved(filled):
    before = rt.versions_digest(frame_of(filled, "claim"))
    assert before == rt.versions_digest(frame_of(filled, "claim"))
    filled.save_review("c2", status=Status.FALSE, analyst="Bob", expected_version=0)
    assert rt.versions_digest(frame_of(filled, "claim")) != before


def test_an_edit_sent_to_an_abandoned_editor_answers_the_version_it_rendered(filled):
    view = rt.editor_view(frame_of(filled, "claim"), {})  # Ana's screen: c1 unchecked, version 0
    filled.save_review("c1", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    state = {"edited_rows": {"0": {"note": "mine"}}, "added_rows": [], "deleted_rows": []}
    pending, problems = rt.reconcile_abandoned(view, state, {})
    assert problems == []
    assert pending == {"c1": rt.Edit("c1", "unchecked", "mine", (), 0, view.stored.loc["c1", "text"][:59] + "…")}
    report = rt.save_edits(filled, pending, "Ana")
    assert report.saved == () and [c.edit.item_id for c in report.conflicts] == ["c1"]
    assert [(h.status, h.note) for h in filled.history("c1")] == [(Status.FALSE, "theirs")]


def test_an_abandoned_editor_speaks_only_for_the_rows_it_touched(filled):
    view = rt.editor_view(frame_of(filled, "claim"), {"c2": rt.Edit("c2", "false", "", (), 0)})
    kept = {"c1": rt.Edit("c1", "verified", "", (), 0)}  # set elsewhere since; c2 dropped by "keep theirs"
    assert rt.reconcile_abandoned(view, {"edited_rows": {}}, kept) == (kept, [])
    pending, problems = rt.reconcile_abandoned(view, {"edited_rows": {1: {"evidence": "bbc"}}}, kept)
    assert pending == kept and "bbc" in problems[0]  # a bad link is refused, never saved


def test_apply_pending_shows_unsaved_values(filled):
    frame = rt.apply_pending(frame_of(filled, "claim"), {"c1": rt.Edit("c1", "verified", "ok", ("https://x.org",), 0)})
    assert frame.loc["c1", ["status", "note", "evidence"]].tolist() == ["verified", "ok", "https://x.org"]


def test_save_edits_writes_reviews_and_reports_conflicts(filled):
    filled.save_review("c2", status=Status.FALSE, note="theirs", analyst="Bob", expected_version=0)
    edits = {
        "c1": rt.Edit("c1", "verified", "mine", ("https://a.org",), 0),
        "c2": rt.Edit("c2", "verified", "mine too", (), 0),
    }
    report = rt.save_edits(filled, edits, "Ana")
    assert report.saved == ("c1",)
    assert [c.edit.item_id for c in report.conflicts] == ["c2"]
    assert (report.conflicts[0].theirs.status, report.conflicts[0].theirs.analyst) == (Status.FALSE, "Bob")
    assert report.summary() == "Saved 1 review; 1 conflict"
    saved = {i.id: i.review for i in filled.items(kind=Kind.CLAIM)}
    assert (saved["c1"].status, saved["c1"].note, saved["c1"].analyst, saved["c1"].evidence) == (
        Status.VERIFIED, "mine", "Ana", ("https://a.org",))
    assert (saved["c2"].status, saved["c2"].note) == (Status.FALSE, "theirs")


def test_save_edits_stops_and_keeps_the_rest_when_the_database_goes(filled):
    from lib.store import StoreUnavailable

    class Flaky:
        def __init__(self):
            self.calls = 0

        def save_review(self, item_id, **kwargs):
            self.calls += 1
            if self.calls > 1:
                raise StoreUnavailable("database is locked")
            return filled.save_review(item_id, **kwargs)

    edits = {i: rt.Edit(i, "verified", "", (), 0) for i in ("c1", "c2")}
    report = rt.save_edits(Flaky(), edits, "Ana")
    assert (report.saved, report.unsaved, report.error) == (("c1",), ("c2",), "database is locked")


def test_paging_clamps_to_existing_pages(filled):
    frame = frame_of(filled, "figure")
    assert rt.page_count(frame, 2) == 2
    assert list(rt.page(frame, 2, 2).index) == ["f3"]
    assert list(rt.page(frame, 9, 2).index) == ["f3"]


def test_view_key_changes_with_the_view_only():
    assert rt.view_key("claim", rt.Filters(), 1, 0) == rt.view_key("claim", rt.Filters(), 1, 0)
    assert rt.view_key("claim", rt.Filters(), 1, 0) != rt.view_key("claim", rt.Filters(text="x"), 1, 0)
    assert rt.view_key("claim", rt.Filters(), 1, 0) != rt.view_key("claim", rt.Filters(), 1, 1)


def test_recurring_speakers_groups_spellings_and_articles():
    import pandas as pd

    claims = pd.DataFrame({
        "speaker": ["Radakin", "Radhakin", "Healy", "Healy", None],
        "article_id": ["a", "a", "a", "b", "b"],
    })
    result = rt.recurring_speakers(claims)
    rows = {r.speaker: (r.spellings, r.articles, r.claims) for r in result.itertuples()}
    assert rows["Healy"] == ("Healy", 2, 2)
    assert rows["Radakin"] == ("Radakin, Radhakin", 1, 2) or rows["Radhakin"] == ("Radakin, Radhakin", 1, 2)


def test_recurring_speakers_groups_misspellings_transitively_and_folds_case_and_accents():
    import pandas as pd

    claims = pd.DataFrame({
        "speaker": ["Radakin", "Radhakin", "Radhakinn", "RADAKIN", "Rädakin", "Healy", "Kadakin"],
        "article_id": ["a", "b", "c", "d", "e", "f", "g"],
    })
    result = rt.recurring_speakers(claims)
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
    rt.recurring_speakers(pd.DataFrame({"speaker": names, "article_id": ["a"] * len(names)}))
    assert len(ratios) < 2 * len(names)  # all pairs would be about 320,000


def test_content_digest_sees_a_change_in_any_row():
    import pandas as pd

    frame = pd.DataFrame({"speaker": [f"s{i}" for i in range(60_000)], "article_id": ["a"] * 60_000})
    before = rt.content_digest(frame, ["speaker", "article_id"])
    frame.loc[59_999, "speaker"] = "Radhakin"
    assert rt.content_digest(frame, ["speaker", "article_id"]) != before


def test_recurring_figures_need_two_articles():
    import pandas as pd

    figures = pd.DataFrame({
        "value": [200, 200, 200, 30],
        "unit": ["planificateurs", "Planificateurs", "planificateurs", "pays"],
        "text": ["plus de 200", "200", "200", "30"],
        "article_id": ["a", "b", "a", "a"],
    })
    result = rt.recurring_figures(figures)
    assert result[["value", "unit", "articles", "mentions"]].values.tolist() == [[200, "planificateurs", 2, 3]]


def test_corpus_frame_has_progress_share(filled):
    frame = rt.corpus_frame(filled.articles())
    assert frame.loc[0, ["claims", "figures", "events", "total"]].tolist() == [2, 3, 2, 7]
    assert frame.loc[0, "progress"] == 0.0


@pytest.mark.parametrize("report, level", [
    (rt.SaveReport(saved=("a",)), "success"),
    (rt.SaveReport(saved=(), conflicts=("c",)), "warning"),
    (rt.SaveReport(saved=("a",), unsaved=("b",), error="gone"), "error"),
])
def test_a_save_with_a_conflict_is_a_warning_not_a_success(report, level):
    assert report.level == level
