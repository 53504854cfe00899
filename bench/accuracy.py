"""Accuracy of event and figure extraction on public benchmarks (read in place from ../shared/bench).

    python bench/accuracy.py            # the tables
    python bench/accuracy.py --errors   # plus every miss and false positive, for error analysis

Events: TempEval-3 platinum (EN, 20 docs) and the French TimeBank 30-document subset, scored as
TempEval-3 does (strict = exact span, relaxed = overlap, value/type = relaxed match and the same
attribute), with dateparser.search_dates over the same texts as the baseline. Figures: the
Recognizers-Text Number/Percent/Currency specs, matched on text (case-insensitive) and value.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.extract.events import find_events  # noqa: E402
from lib.extract.nlp import parse  # noqa: E402
from lib.extract import extract  # noqa: E402
from lib.models import Article  # noqa: E402
from lib.extract.sentences import sentence_spans  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
TIMEX_SETS = [
    ("en", "TE3 platinum (20 docs)", BENCH / "timex/en/te3_platinum.jsonl", 77.61,
     "HeidelTime, same 20 docs"),
    ("fr", "FTiB subset (30 of 108 docs)", BENCH / "timex/fr/ftib_top30.jsonl", 73.63,
     "HeidelTime, full 108-doc corpus"),
]
FIGURE_SPECS = ("NumberModel", "PercentModel", "CurrencyModel")
# Each spec annotates one kind of figure; other figures in its sentences are not errors.
CURRENCY_CODES = {"EUR", "USD", "GBP", "JPY", "RUB", "UAH", "CHF", "CNY"}
KEEPS = {
    "NumberModel": lambda figure: figure.unit not in CURRENCY_CODES and figure.unit != "%",
    "PercentModel": lambda figure: figure.unit == "%",
    "CurrencyModel": lambda figure: figure.unit in CURRENCY_CODES,
}


@dataclass
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_values: list[str] = field(default_factory=list)

    def prf(self, correct: int) -> tuple[float, float, float]:
        p = correct / self.predicted if self.predicted else 0.0
        r = correct / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


def score_document(doc_id: str, gold: list[Span], predicted: list[Span], score: Score) -> None:
    """One-to-one matching: each gold timex pairs with the first unused overlapping prediction."""
    score.gold += len(gold)
    score.predicted += len(predicted)
    used: set[int] = set()
    for g in gold:
        match = next(
            (i for i, p in enumerate(predicted)
             if i not in used and p.start < g.end and g.start < p.end and (p.start, p.end) == (g.start, g.end)),
            None,
        )
        if match is None:
            match = next((i for i, p in enumerate(predicted) if i not in used and p.start < g.end and g.start < p.end),
                         None)
        if match is None:
            score.misses.append(f"{doc_id}: {g.text!r} {g.type} {g.value}")
            continue
        used.add(match)
        p = predicted[match]
        score.relaxed += 1
        score.strict += (p.start, p.end) == (g.start, g.end)
        score.value += p.value == g.value
        score.type += p.type == g.type
        if p.value != g.value:
            score.wrong_values.append(f"{doc_id}: gold {g.text!r} {g.value} | ours {p.text!r} {p.value}")
    for i, p in enumerate(predicted):
        if i not in used:
            score.false_positives.append(f"{doc_id}: {p.text!r} {p.type} {p.value}")


def read_timex(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def ours(doc: dict, lang: str) -> list[Span]:
    dct = date.fromisoformat(doc["dct"])
    # With the parse, as lib.extract runs it: the clause's tense reads from it.
    parsed = parse(doc["text"], lang)
    return [Span(e.start, e.end, e.text, e.type, e.value) for e in find_events(doc["text"], lang, dct, doc=parsed)]


def dateparser_baseline(doc: dict, lang: str) -> list[Span]:
    """search_dates over the whole text (what users have today); offsets re-located in order.

    Each hit is re-read with DateDataParser to learn its period, so "March 2013" is scored as
    2013-03 and "2009" as 2009 rather than as a day: the baseline gets its best fair value.
    """
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    base = datetime.fromisoformat(doc["dct"])
    settings = {"RELATIVE_BASE": base}
    text = doc["text"]
    found = search_dates(text, languages=[lang], settings=settings) or []
    parser = DateDataParser(languages=[lang], settings=settings)
    spans, cursor = [], 0
    for substring, when in found:
        start = text.find(substring, cursor)
        if start == -1:
            start = text.find(substring)
        if start == -1:
            continue
        cursor = start + len(substring)
        period = parser.get_date_data(substring).period or "day"
        value, type_ = {
            "year": (f"{when.year}", "DATE"),
            "month": (f"{when.year}-{when.month:02d}", "DATE"),
            "week": ("{}-W{:02d}".format(*when.isocalendar()[:2]), "DATE"),
            "time": (f"{when.date().isoformat()}T{when.hour:02d}:{when.minute:02d}", "TIME"),
        }.get(period, (when.date().isoformat(), "DATE"))
        spans.append(Span(start, start + len(substring), substring, type_, value))
    return spans


def timex_scores(lang: str, path: Path, system) -> Score:
    score = Score()
    for doc in read_timex(path):
        gold = [Span(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in doc["timexes"]]
        score_document(doc["id"], gold, system(doc, lang), score)
    return score


# --- figures ---------------------------------------------------------------------------------------


def gold_number(resolution: dict) -> float | None:
    raw = str(resolution.get("value", "")).strip().rstrip("%").replace("\u00a0", "").replace(" ", "")
    if raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")
    raw = raw.replace(",", "")
    try:
        return float(raw)
    except ValueError:
        return None


def same_number(a: float | int | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(float(a), b, rel_tol=1e-9, abs_tol=1e-12)


def figure_scores(lang: str, spec: str, skip_python_unsupported: bool) -> Score:
    path = BENCH / "numbers" / lang / f"{spec}.json"
    cases = json.loads(path.read_text(encoding="utf-8-sig"))
    score = Score()
    for number, case in enumerate(cases):
        if skip_python_unsupported and "python" in str(case.get("NotSupported", "")).lower():
            continue
        text = case["Input"]
        gold = case["Results"]
        try:
            # The whole engine, as users get it: events take the years and dates first.
            predicted = [f for f in extract(Article(text, lang=lang)).figures if KEEPS[spec](f)]
        except Exception as error:  # a crash on one case counts as no output, and is reported
            predicted = []
            score.false_positives.append(f"{spec}#{number}: crashed: {error!r}")
        score.gold += len(gold)
        score.predicted += len(predicted)
        used: set[int] = set()
        cursor = 0
        lowered = text.casefold()
        for g in gold:
            want = " ".join(g["Text"].casefold().split())
            value = gold_number(g.get("Resolution") or {})
            # Gold offsets are inconsistent in the French files: locate the gold text instead.
            start = lowered.find(g["Text"].casefold(), cursor)
            start = lowered.find(g["Text"].casefold()) if start == -1 else start
            end = start + len(g["Text"]) if start != -1 else -1
            cursor = end if start != -1 else cursor
            exact = next((i for i, p in enumerate(predicted)
                          if i not in used and " ".join(p.text.casefold().split()) == want), None)
            overlap = exact if exact is not None else next(
                (i for i, p in enumerate(predicted) if i not in used and p.start < end and start < p.end), None)
            if overlap is None:
                score.misses.append(f"{spec}#{number}: {g['Text']!r} = {value} in {text!r}")
                continue
            used.add(overlap)
            score.strict += exact is not None
            score.relaxed += 1
            if same_number(predicted[overlap].value, value):
                score.value += 1
            else:
                score.wrong_values.append(
                    f"{spec}#{number}: gold {g['Text']!r} {value} | ours {predicted[overlap].text!r} "
                    f"{predicted[overlap].value}")
        for i, p in enumerate(predicted):
            if i not in used:
                score.false_positives.append(f"{spec}#{number}: {p.text!r} = {p.value} in {text!r}")
    return score


# --- printing --------------------------------------------------------------------------------------


def print_errors(title: str, score: Score, limit: int) -> None:
    print(f"\n## {title}")
    for label, items in (("missed", score.misses), ("false positives", score.false_positives),
                         ("wrong values", score.wrong_values)):
        print(f"-- {label} ({len(items)})")
        for line in items[:limit]:
            print("   " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print misses and false positives")
    parser.add_argument("--limit", type=int, default=400, help="errors printed per list")
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser (slow)")
    parser.add_argument("--no-figures", action="store_true", help="skip the figure specs")
    args = parser.parse_args(argv)
    if not BENCH.is_dir():
        print(f"benchmark data not found at {BENCH}", file=sys.stderr)
        return 2

    print("Events (TempEval-3 scoring; P/R/F1 in %)")
    header = f"{'data set':30} {'system':22} {'strict P/R/F1':>20} {'relaxed P/R/F1':>20} {'value F1':>9} {'type F1':>8}"
    print(header)
    print("-" * len(header))
    errors = []
    for lang, name, path, heideltime, heideltime_note in TIMEX_SETS:
        systems = [("Fact Desk", ours)]
        if not args.no_baseline:
            systems.append(("dateparser.search_dates", dateparser_baseline))
        for label, system in systems:
            score = timex_scores(lang, path, system)
            strict = "/".join(f"{x:.1f}" for x in score.prf(score.strict))
            relaxed = "/".join(f"{x:.1f}" for x in score.prf(score.relaxed))
            print(f"{name:30} {label:22} {strict:>20} {relaxed:>20} {score.prf(score.value)[2]:9.2f} "
                  f"{score.prf(score.type)[2]:8.2f}")
            if label == "Fact Desk":
                errors.append((f"{name} — {label}", score))
        print(f"{'':30} {'HeidelTime (published)':22} {'':>20} {'':>20} {heideltime:9.2f}   ({heideltime_note})")
    print("The FTiB row is our score on the 30-document subset; HeidelTime's 73.63 is on all 108 documents.")

    if not args.no_figures:
        print("\nFigures (Recognizers-Text specs; text F1 = same text, case-insensitive; overlap F1 = spans overlap;"
              "\n value F1 = overlap and the same number)")
        header = f"{'spec':26} {'gold':>6} {'text F1':>8} {'overlap P/R/F1':>20} {'value F1':>9}"
        print(header)
        print("-" * len(header))
        for lang in ("en", "fr"):
            for spec in FIGURE_SPECS:
                for skip in (False, True):
                    score = figure_scores(lang, spec, skip)
                    overlap = "/".join(f"{x:.1f}" for x in score.prf(score.relaxed))
                    label = f"{lang}/{spec}" + (" -py" if skip else "")
                    print(f"{label:26} {score.gold:6d} {score.prf(score.strict)[2]:8.1f} {overlap:>20} "
                          f"{score.prf(score.value)[2]:9.1f}")
                    if not skip:
                        errors.append((f"figures {lang}/{spec}", score))
        print("'-py' rows leave out the cases Recognizers-Text's own Python port fails (NotSupported: python).")

    if args.errors:
        for title, score in errors:
            print_errors(title, score, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
