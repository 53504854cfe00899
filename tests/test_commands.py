"""`python -m lib ingest|review|export` as a user runs them: outcomes, exit codes, files written."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lib.cli import main
from lib.export import COLUMNS
from lib.models import Kind, Status
from lib.store import Store

ROOT = Path(__file__).resolve().parent.parent
FRENCH = (
    "Plus de 200 planificateurs militaires de 30 pays ont contribué à la planification, a déclaré Healy vendredi. "
    "Le budget de la défense atteindra 5 % du PIB en 2035, selon le ministre des Armées.\n"
)
ENGLISH = (
    "More than 40 countries signed the agreement on Monday, the minister said. "
    "Defence spending will rise to 3% of GDP by 2030, according to the Treasury.\n"
)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "sub" / "en.md").write_text(ENGLISH, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "notes.json").write_text("{}", encoding="utf-8")  # metadata, never an article
    return folder


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_reports_each_file_and_goes_on_after_a_bad_one(store_url, corpus, tmp_path, capsys):
    code, out, err = run(capsys, "ingest", corpus, tmp_path / "missing.txt", "--published", "2025-08-15",
                         "--db", store_url)
    lines = out.splitlines()
    assert code == 1, err
    assert lines[-1] == "4 files: 2 added, 0 unchanged, 0 re-extracted, 2 failed"
    assert any(line.startswith("failed") and "missing.txt: no such file or folder" in line for line in lines)
    assert any(line.startswith("failed") and "broken.txt: binary file" in line for line in lines)
    added = sorted(Path(line.split()[2]).name for line in lines if line.startswith("added"))
    assert added == ["en.md", "fr.txt"]
    with Store(store_url) as store:
        assert sorted(a.lang for a in store.articles()) == ["en", "fr"]


def test_ingesting_again_is_unchanged_and_a_new_date_reextracts(store_url, corpus, capsys):
    target = corpus / "fr.txt"
    run(capsys, "ingest", target, "--published", "2025-08-15", "--db", store_url)
    code, out, _ = run(capsys, "ingest", target, "--published", "2025-08-15", "--db", store_url)
    assert (code, out.splitlines()[0].split()[0]) == (0, "unchanged")
    code, out, _ = run(capsys, "ingest", target, "--published", "2025-08-18", "--db", store_url)
    assert code == 0
    assert out.splitlines()[0].startswith("re-extracted")
    assert "0 reviews kept, 0 orphaned" in out


def test_ingest_with_two_worker_processes_stores_every_article(store_url, tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(4):
        (folder / f"a{n}.txt").write_text(FRENCH.replace("200", str(200 + n)), encoding="utf-8")
    code, out, err = run(capsys, "ingest", folder, "--workers", "2", "--lang", "fr", "--db", store_url)
    assert code == 0, out + err
    assert out.splitlines()[-1] == "4 files: 4 added, 0 unchanged, 0 re-extracted, 0 failed"
    with Store(store_url) as store:
        assert len(store.articles()) == 4


def test_review_then_export_round_trip(store_url, corpus, tmp_path, capsys):
    run(capsys, "ingest", corpus / "fr.txt", "--published", "2025-08-15", "--db", store_url)
    with Store(store_url) as store:
        claim = store.items(kind=Kind.CLAIM)[0] if store.items(kind=Kind.CLAIM) else None
        article_id = store.articles()[0].id
        if claim is None:  # the claim extractor found nothing: review a hand-added claim instead
            claim = store.add_item(article_id, Kind.CLAIM, "Plus de 200 planificateurs", analyst="t",
                                   fields={"speaker": "Healy", "checkworthiness": 1.0})
    code, out, err = run(capsys, "review", claim.id, "--status", "false", "--note", "=2+3 pays", "--evidence",
                         "https://a.example/1", "--evidence", "https://b.example/2", "--by", "Ana",
                         "--db", store_url)
    assert (code, out.strip()) == (0, f"{claim.id}: false by Ana (version 1)"), err
    # A status-only change keeps the note and links and appends a second history entry.
    code, out, _ = run(capsys, "review", claim.id, "--status", "misleading", "--by", "Bob", "--db", store_url)
    assert code == 0

    target = tmp_path / "claims.csv"
    code, _, err = run(capsys, "export", "--kind", "claims", "--article", article_id, "-o", target,
                       "--db", store_url)
    assert code == 0 and "wrote" in err
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8"), newline="")))
    assert list(rows[0]) == COLUMNS[Kind.CLAIM]
    row = next(r for r in rows if r["item"] == claim.id)
    assert (row["status"], row["note"], row["evidence"], row["analyst"]) == (
        "misleading", "'=2+3 pays", "https://a.example/1 | https://b.example/2", "Bob")

    code, out, _ = run(capsys, "export", "--kind", "claimreview", "--db", store_url)
    [entry] = json.loads(out)
    assert (entry["identifier"], entry["reviewRating"]["alternateName"], entry["author"]["name"]) == (
        claim.id, "Misleading", "Bob")
    with Store(store_url) as store:
        assert [r.status for r in store.history(claim.id)] == [Status.FALSE, Status.MISLEADING]


def test_review_against_a_stale_version_exits_with_the_conflict(store_url, corpus, capsys):
    run(capsys, "ingest", corpus / "fr.txt", "--db", store_url)
    with Store(store_url) as store:
        article_id = store.articles()[0].id
        item = store.add_item(article_id, Kind.FIGURE, "30 pays", analyst="t")
        store.save_review(item.id, status=Status.VERIFIED, analyst="Ana", expected_version=0)
    code, out, err = run(capsys, "review", item.id, "--status", "false", "--by", "Bob", "--expect-version", "0",
                         "--db", store_url)
    assert (code, out) == (3, "")
    assert err.strip() == (f"error: item {item.id} was changed by Ana (now verified, version 1); "
                           "reload it and apply your change again")


def test_review_of_an_unknown_item_is_one_line(store, store_url, capsys):
    code, out, err = run(capsys, "review", "nope", "--status", "verified", "--by", "Ana", "--db", store_url)
    assert (code, out, err) == (2, "", "error: no item with id nope\n")


def test_export_of_an_unknown_article_is_refused(store, store_url, capsys):
    code, out, err = run(capsys, "export", "--kind", "figures", "--article", "zzz", "--db", store_url)
    assert (code, out, err) == (2, "", "error: no article with id zzz\n")


def test_export_of_an_empty_store_is_the_header_with_optional_bom(store, store_url, capsysbinary):
    code = main(["export", "--kind", "events", "--bom", "--db", store_url])
    out, _ = capsysbinary.readouterr()
    assert code == 0
    assert out == b"\xef\xbb\xbf" + (",".join(COLUMNS[Kind.EVENT]) + "\r\n").encode()


def test_unreachable_database_is_one_line_and_exit_4(capsys):
    code, out, err = run(capsys, "export", "--kind", "summary", "--db", "postgresql+psycopg://postgres@127.0.0.1:1/x")
    assert (code, out) == (4, "")
    assert err.startswith("error: PostgreSQL database x at 127.0.0.1:1 is unavailable") and err.count("\n") == 1


def test_command_line_runs_as_a_module(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    Store(db).close()  # export reads an existing store; it never creates one
    done = subprocess.run([sys.executable, "-m", "lib", "export", "--kind", "summary", "--db", db],
                          capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"article,title,lang,published,source,kind,total,checked,unchecked,in_progress,verified," \
                          b"false,misleading,inconclusive,not_a_claim\r\n"


def test_export_of_one_article_leaves_the_others_out(store_url, corpus, capsys):
    run(capsys, "ingest", corpus / "fr.txt", corpus / "sub" / "en.md", "--db", store_url)
    with Store(store_url) as store:
        ids = sorted(a.id for a in store.articles())
        for article_id in ids:
            store.add_item(article_id, Kind.FIGURE, f"figure of {article_id}", analyst="t")
    code, out, _ = run(capsys, "export", "--kind", "figures", "--article", ids[0], "--db", store_url)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert code == 0 and rows
    assert {row["article"] for row in rows} == {ids[0]}
    assert f"figure of {ids[0]}" in {row["text"] for row in rows}


def test_ingesting_again_without_a_date_keeps_the_stored_date_and_its_resolved_events(store_url, corpus, capsys):
    run(capsys, "ingest", corpus / "fr.txt", "--published", "2025-08-15", "--db", store_url)
    code, out, _ = run(capsys, "ingest", corpus / "fr.txt", "--db", store_url)
    assert code == 0 and out.startswith("unchanged")
    with Store(store_url) as store:
        (article,) = store.articles()
        assert str(article.published) == "2025-08-15"
        friday = next(i for i in store.items(article.id, Kind.EVENT) if i.text == "vendredi")
        assert friday.fields["date"] == "2025-08-15"


def test_a_sidecar_with_an_impossible_publication_date_fails_that_file_only(store_url, tmp_path, capsys):
    (tmp_path / "future.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "future.json").write_text('{"published": "3025-01-01"}', encoding="utf-8")
    code, out, _ = run(capsys, "ingest", tmp_path / "future.txt", "--db", store_url)
    assert code == 1
    assert "future.txt: publication date 3025-01-01 is in the future" in out
    assert "(in future.json)" in out
    with Store(store_url) as store:
        assert store.articles() == []


def _choices(command: str, option: str) -> list:
    from lib.cli import build_parser

    (subparsers,) = [a for a in build_parser()._actions if a.dest == "command"]
    (action,) = [a for a in subparsers.choices[command]._actions if option in a.option_strings]
    return list(action.choices)


def test_the_command_line_reads_its_choices_from_the_library_tables():
    from lib.export import EXPORTS
    from lib.extract.lang import SUPPORTED_LANGUAGES

    assert _choices("export", "--kind") == [f.name for f in EXPORTS] == [
        "claims", "figures", "events", "summary", "claimreview"]
    assert _choices("extract", "--lang") == _choices("ingest", "--lang") == list(SUPPORTED_LANGUAGES) == ["fr", "en"]
    assert _choices("review", "--status") == [s.value for s in Status]
