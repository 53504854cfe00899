"""What spans the corpus: one row per article with its progress, and what recurs across articles.

Speakers recur under several spellings ('Radakin' and 'Radhakin'), figures as the same
value and unit in more than one article; the Corpus page lists both.
"""
from __future__ import annotations

import hashlib

import pandas as pd

from lib.highlight import language_name
from lib.review_table import NO_UNIT


def content_digest(frame: pd.DataFrame, names: list[str]) -> str:
    """A digest of every row of `frame[names]` with its index, to key a cache on the data itself.

    Streamlit hashes only a sample of frames past 50,000 rows; this reads them all (vectorised).
    """
    present = [name for name in names if name in frame]
    hashed = pd.util.hash_pandas_object(frame[present].astype(str), index=True).to_numpy()
    return hashlib.sha1(repr(present).encode("utf-8") + hashed.tobytes()).hexdigest()[:16]

def corpus_frame(summaries) -> pd.DataFrame:
    """ArticleSummaries as one row each: language in words, counts per kind and the checked share for a progress bar."""
    rows = [
        {
            "id": s.id,
            "title": s.title or "Untitled",
            "language": language_name(s.lang),
            "published": s.published,
            "claims": s.counts.get("claim", 0),
            "figures": s.counts.get("figure", 0),
            "events": s.counts.get("event", 0),
            "checked": s.checked,
            "total": s.total,
            "progress": s.checked / s.total if s.total else 0.0,
            "ingested_at": s.ingested_at,
        }
        for s in summaries
    ]
    return pd.DataFrame(rows, columns=["id", "title", "language", "published", "claims", "figures", "events",
                                       "checked", "total", "progress", "ingested_at"])


def desk_history_frame(history) -> pd.DataFrame:
    """The desk's history (lib.removals.ArticleRemoval, newest first) as analysts read it: what, which, who, when."""
    return pd.DataFrame(
        [{"What": "Removed" if step.action == "removed" else "Restored", "Title": step.title or "Untitled",
          "By": step.analyst, "When": f"{step.at:%Y-%m-%d %H:%M}" if step.at else ""} for step in history],
        columns=["What", "Title", "By", "When"],
    )


def _name_key(name: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


def recurring_speakers(claims: pd.DataFrame, similarity: float = 0.85) -> pd.DataFrame:
    """Speakers met in several articles or under several spellings ('Radakin' and 'Radhakin' are grouped)."""
    columns_out = ["speaker", "spellings", "articles", "claims"]
    named = claims[claims["speaker"].notna()] if len(claims) else claims
    if not len(named):
        return pd.DataFrame(columns=columns_out)
    # Spellings that fold to the same key ('Healy', 'HEALY', 'Héaly') are one speaker before any fuzzy match.
    by_key: dict[str, dict] = {}
    for name, article_ids in named.groupby("speaker")["article_id"].agg(list).items():
        entry = by_key.setdefault(_name_key(name), {"spellings": {}, "articles": set()})
        entry["spellings"][name] = len(article_ids)
        entry["articles"].update(article_ids)
    parent = {key: key for key in by_key}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in _similar_keys(list(by_key), similarity):
        parent[root(a)] = root(b)
    groups: dict[str, dict] = {}
    for key, entry in by_key.items():
        group = groups.setdefault(root(key), {"spellings": {}, "articles": set()})
        group["spellings"].update(entry["spellings"])
        group["articles"] |= entry["articles"]
    result = [
        {
            "speaker": max(g["spellings"], key=g["spellings"].get),
            "spellings": ", ".join(sorted(g["spellings"])),
            "articles": len(g["articles"]),
            "claims": sum(g["spellings"].values()),
        }
        for g in groups.values()
        if len(g["articles"]) > 1 or len(g["spellings"]) > 1
    ]
    return pd.DataFrame(result, columns=columns_out).sort_values(["articles", "claims", "speaker"],
                                                                 ascending=[False, False, True])


def _similar_keys(keys: list[str], similarity: float):
    """Pairs of keys whose difflib ratio reaches `similarity`, without comparing every pair.

    Only keys with the same first letter are compared (a misspelt surname keeps its
    initial far more often than not), and only when their lengths allow the ratio at
    all: 2·matches / (len a + len b) reaches s only if the longer is at most (2/s − 1)
    times the shorter. The cheap upper bounds run before the full ratio.
    """
    from collections import defaultdict
    from difflib import SequenceMatcher

    stretch = 2 / similarity - 1
    buckets: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        buckets[key[:1]].append(key)
    for bucket in buckets.values():
        bucket.sort(key=len)
        for position, shorter in enumerate(bucket):
            matcher = SequenceMatcher(None)
            matcher.set_seq2(shorter)  # seq2 is the one difflib indexes: index it once per key
            for longer in bucket[position + 1:]:
                if len(longer) > len(shorter) * stretch:
                    break
                matcher.set_seq1(longer)
                if (matcher.real_quick_ratio() >= similarity and matcher.quick_ratio() >= similarity
                        and matcher.ratio() >= similarity):
                    yield shorter, longer


def recurring_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The same value with the same unit in more than one article ('200 planificateurs' twice)."""
    columns_out = ["value", "unit", "articles", "mentions", "texts"]
    if not len(figures):
        return pd.DataFrame(columns=columns_out)
    data = figures.assign(unit_key=figures["unit"].fillna(NO_UNIT).map(_name_key))
    rows = []
    for (value, _key), group in data.groupby(["value", "unit_key"]):
        articles = group["article_id"].nunique()
        if articles > 1:
            rows.append({
                "value": value,
                "unit": group["unit"].fillna(NO_UNIT).mode().iloc[0],
                "articles": articles,
                "mentions": len(group),
                "texts": " | ".join(sorted(set(group["text"]))),
            })
    return pd.DataFrame(rows, columns=columns_out).sort_values(["articles", "mentions"], ascending=False)
