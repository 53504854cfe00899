"""Extraction accuracy on real news: ../shared/bench/news, annotated blind by ../shared/ANNOTATION.md.

    .venv/bin/python -m bench.news                 # the table: per language and kind, dev and held-out apart
    .venv/bin/python -m bench.news --errors        # plus every miss, wrong value and false positive
    .venv/bin/python -m bench.news --articles      # plus one row per article
    .venv/bin/python -m bench.news --news-dir DIR  # another set in the same format

Matching is ANNOTATION.md's: a predicted item matches a gold one when the spans overlap and
  figures  the values are equal;
  events   the dates agree at the gold granularity (same ISO week, month, quarter, year; decade within 5 years);
  claims   the speakers agree: gold null accepts any; else one name inside the other, or the same last word,
           or close spellings of it (case-insensitive).
Matching is one-to-one, largest overlap first. "speaker right" is the share of matched claim spans with a
named gold speaker whose predicted speaker agrees. Events without a date (durations, sets) are not scored.

How to stay honest (issue 8): develop on the first 8 articles of each language (sorted by name) and look at
the last 4 ("held-out") only when a round of changes is finished. The set is read in place, never copied.
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.articles import KINDS, TARGET, Score, pair, render, score_kind  # noqa: E402
from lib.extract import extract  # noqa: E402
from lib.models import Article  # noqa: E402

NEWS_DIR = ROOT.parent / "shared" / "bench" / "news"
DEV_PER_LANGUAGE = 8
GOLD_TEXT_KEY = {"claims": "quote", "figures": "text", "events": "text"}
SPEAKER_TARGET = 0.85


def same_name(gold: str, predicted: str | None) -> bool:
    gold, predicted = gold.casefold().strip(), (predicted or "").casefold().strip()
    if not gold or not predicted:
        return False
    if gold in predicted or predicted in gold:
        return True
    a, b = gold.split()[-1], predicted.split()[-1]
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def speaker_agrees(gold: dict, predicted: dict) -> bool:
    wanted = gold.get("speaker")
    if not wanted:
        return True
    return any(same_name(name, predicted.get("speaker")) for name in (wanted if isinstance(wanted, list) else [wanted]))


def value_agrees(gold: dict, predicted: dict) -> bool:
    try:
        g, p = float(gold.get("value")), float(predicted.get("value"))
    except (TypeError, ValueError):
        return False
    return abs(g - p) <= 1e-6 * max(1.0, abs(g))


def date_agrees(gold: dict, predicted: dict) -> bool:
    try:
        a, b = date.fromisoformat(str(gold.get("date"))[:10]), date.fromisoformat(str(predicted.get("date"))[:10])
    except ValueError:
        return False
    return {
        "day": a == b,
        "week": a.isocalendar()[:2] == b.isocalendar()[:2],
        "month": (a.year, a.month) == (b.year, b.month),
        "quarter": a.year == b.year and (a.month - 1) // 3 == (b.month - 1) // 3,
        "year": a.year == b.year,
        "decade": abs(a.year - b.year) <= 5,
    }.get(gold.get("granularity", "day"), a == b)


AGREES = {"figures": value_agrees, "events": date_agrees, "claims": speaker_agrees}


@dataclass
class SpeakerScore:
    """Matched claim spans whose gold speaker is named, and how many of them got it right."""

    named: int = 0
    right: int = 0

    def share(self) -> float:
        return self.right / self.named if self.named else 0.0


def located(text: str, items: list[dict], key: str) -> list[dict]:
    """Gold items with offsets checked against the text (found by their text when the offsets drifted)."""
    result = []
    for item in items:
        wanted, start, end = item.get(key) or "", item.get("start"), item.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and text[start:end] == wanted):
            start = text.find(wanted) if wanted else -1
            end = start + len(wanted)
        if start >= 0:
            result.append({**item, "text": wanted, "start": start, "end": end})
    return result


def news_paths(news_dir: Path = NEWS_DIR) -> list[Path]:
    return sorted(news_dir.glob("*.json"))


def split_of(path: Path, paths: list[Path]) -> str:
    """'dev' for the first DEV_PER_LANGUAGE articles of a language (by name), else 'held-out'."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    same_language = [p for p in paths if p.name.startswith(gold["lang"] + "-")]
    return "dev" if same_language.index(path) < DEV_PER_LANGUAGE else "held-out"


def run(news_dir: Path = NEWS_DIR, per_article: bool = False):
    """(scores keyed by (group, kind), speaker scores keyed by group); groups are languages, 'dev-fr', …"""
    scores: dict[tuple[str, str], Score] = {}
    speakers: dict[str, SpeakerScore] = {}
    paths = news_paths(news_dir)
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        article = Article(text, lang=gold["lang"], published=date.fromisoformat(gold["published"]))
        contract = extract(article).to_contract()
        name = path.stem
        groups = (gold["lang"], f"{split_of(path, paths)}-{gold['lang']}", "all") + ((name,) if per_article else ())
        for kind in KINDS:
            gold_items = located(text, gold.get(kind, []), GOLD_TEXT_KEY[kind])
            predicted = [p for p in contract[kind] if kind != "events" or p.get("date")]
            score = score_kind(kind, name, gold_items, predicted, AGREES[kind])
            for group in groups:
                scores.setdefault((group, kind), Score()).add(score)
            if kind == "claims":
                named = [(g, p) for g, p in _span_pairs(gold_items, predicted) if g.get("speaker")]
                for group in groups:
                    tally = speakers.setdefault(group, SpeakerScore())
                    tally.named += len(named)
                    tally.right += sum(speaker_agrees(g, p) for g, p in named)
    return scores, speakers


def _span_pairs(gold_items: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    # Each gold claim is judged against the prediction it pairs with best: a right speaker first.
    right = pair(gold_items, predicted, speaker_agrees)
    used_gold, used_pred = {g for g, _ in right}, {p for _, p in right}
    rest = [(g, p) for g, p in pair(gold_items, predicted, None) if g not in used_gold and p not in used_pred]
    return [(gold_items[g], predicted[p]) for g, p in right + rest]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every miss, wrong value and false positive")
    parser.add_argument("--articles", action="store_true", help="add one row per article and kind")
    parser.add_argument("--news-dir", type=Path, default=NEWS_DIR)
    args = parser.parse_args(argv)
    if not news_paths(args.news_dir):
        print(f"no annotated articles in {args.news_dir}", file=sys.stderr)
        return 2
    scores, speakers = run(args.news_dir, per_article=args.articles)
    print(render(scores))
    print("\nspeaker right on matched claims with a named speaker (goal >= %.2f):" % SPEAKER_TARGET)
    for group, tally in sorted(speakers.items(), key=lambda g: (len(g[0]) > 11, g[0])):
        print(f"  {group:<14} {tally.share():.2f} ({tally.right}/{tally.named})")
    if args.errors:
        for kind in KINDS:
            print(f"\n== {kind}")
            print("\n".join(scores[("all", kind)].errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
