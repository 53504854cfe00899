"""Extraction reports its progress piece by piece, so the Load page can draw a real bar for a long paste."""
from datetime import date

from lib.extract import extract
from lib.extract.nlp import pieces_of
from lib.models import Article

PARAGRAPH = ("Plus de 200 planificateurs militaires de 30 pays ont contribué vendredi, a déclaré John Healy. "
             "Le budget a augmenté de 5 % en 2024.\n")


def test_progress_follows_each_parsed_piece_and_ends_at_one():
    text = PARAGRAPH * 700  # about 100 KB: two pieces for spaCy
    pieces = len(pieces_of(text))
    assert pieces >= 2
    heard = []
    result = extract(Article(text, lang="fr", published=date(2025, 8, 15)), progress=lambda *step: heard.append(step))
    shares = [share for share, _ in heard]
    assert shares == sorted(shares) and shares[0] == 0.0 and shares[-1] == 1.0
    parsed = [step for _, step in heard if step.startswith("Read ")]
    assert len(parsed) == pieces
    assert parsed[-1].startswith(f"Read {pieces} of {pieces} parts")
    assert result == extract(Article(text, lang="fr", published=date(2025, 8, 15)))  # same result without it


# ------------------------------------------------------------------ a very long text parsed by two processes

import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from lib.extract import nlp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Run apart, from a process with one thread (as the command line is): a fork from the test process,
# which may hold other tests' threads, is what parse_processes itself refuses to do.
TWO_PROCESSES = """
import hashlib
from lib.extract import nlp
nlp.MAX_PIECE_CHARS = 400
text = ("More than 40 countries signed the agreement on Monday, the minister said. "
        "Defence spending will rise to 3% of GDP by 2030, according to the Treasury.\\n") * 20
heard = []
def fingerprint(doc):
    return [(t.idx, t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, str(t.morph), t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]
one = nlp.parse(text, "en", processes=1)
two = nlp.parse(text, "en", progress=lambda done, total: heard.append((done, total)), processes=2)
assert two.text == text and fingerprint(two) == fingerprint(one), "the two parses differ"
print(len(nlp.pieces_of(text)), heard[-1])
"""


def test_two_processes_parse_a_long_text_exactly_as_one_does():
    run = subprocess.run([sys.executable, "-c", TWO_PROCESSES], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    pieces, last = run.stdout.split(maxsplit=1)
    assert int(pieces) >= 8 and last.strip() == f"({pieces}, {pieces})"  # progress heard for every piece


@pytest.mark.parametrize("pieces, load, main_thread, expected", [
    (3, 0.0, True, 1),  # not long enough to pay for a second process
    (4, 0.5, True, 2),  # a core idle
    (4, 1.5, True, 1),  # the other core is busy
    (40, 0.0, False, 1),  # a server's worker thread: no fork
])
def test_a_second_process_parses_only_a_very_long_text_from_the_main_thread_with_a_core_idle(
        monkeypatch, pieces, load, main_thread, expected):
    monkeypatch.setattr(nlp.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(nlp, "busy_cores", lambda: load)  # tasks running now, this process among them
    monkeypatch.setattr(nlp.threading, "active_count", lambda: 1)
    if main_thread:
        assert nlp.parse_processes(pieces) == expected
        return
    answer = []
    worker = threading.Thread(target=lambda: answer.append(nlp.parse_processes(pieces)))
    worker.start()
    worker.join()
    assert answer == [expected]


def test_busy_cores_counts_a_task_running_now_not_a_minutes_mean():
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.3)  # started and spinning; the one-minute load average has hardly moved yet
        assert nlp.busy_cores() >= 2  # the spinner and this process, reading
    finally:
        spinner.kill()
        spinner.wait()


# ------------------------------------------------------------------ a text longer than a section


from lib.extract import engine  # noqa: E402
from tests.processes import children, end_all, survivors_of_kill_9  # noqa: E402

FRENCH_PARAGRAPHS = "".join(
    f"Plus de {200 + n} planificateurs militaires de {30 + n} pays sont venus vendredi, a déclaré John Healy. "
    f"« Nous serons prêts en février 2027 », a-t-il ajouté. Le budget a augmenté de {n + 2} % le mois dernier.\n"
    for n in range(40)
)


def _found(result) -> list[tuple]:
    return sorted((kind, item.start, item.end, item.text, getattr(item, "value", None), getattr(item, "speaker", None),
                   getattr(item, "date", None)) for kind, item in result.items())


def test_a_text_longer_than_a_section_is_cut_at_line_ends_into_sections_of_about_equal_length(monkeypatch):
    monkeypatch.setattr(engine, "SECTION_CHARS", 2_000)
    sections = engine.sections_of(FRENCH_PARAGRAPHS)
    fewest = -(-len(FRENCH_PARAGRAPHS) // 2_000)
    assert len(sections) == fewest + fewest % 2  # an even number: two processes share them equally
    assert sections[0][0] == 0 and sections[-1][1] == len(FRENCH_PARAGRAPHS)
    assert all(end == start for (_, end), (start, _) in zip(sections, sections[1:]))  # contiguous
    assert all(FRENCH_PARAGRAPHS[end - 1] == "\n" for _, end in sections)
    lengths = [end - start for start, end in sections]
    line = max(map(len, FRENCH_PARAGRAPHS.splitlines(keepends=True)))
    assert max(lengths) - min(lengths) <= line  # about equal: each ends at the last line end before its share
    assert engine.sections_of(FRENCH_PARAGRAPHS[:1_999]) == [(0, 1_999)]


def test_each_section_finds_what_it_finds_alone_with_offsets_into_the_whole_text(monkeypatch):
    article = Article(FRENCH_PARAGRAPHS, lang="fr", published=date(2025, 8, 15))
    monkeypatch.setattr(engine, "SECTION_CHARS", 2_000)
    heard = []
    whole = engine.extract(article, progress=lambda *step: heard.append(step), processes=1)
    sections = engine.sections_of(FRENCH_PARAGRAPHS)
    shares = [share for share, _ in heard]
    assert shares == sorted(shares) and shares[-1] == 1.0
    read = [step for _, step in heard if step.startswith("Section ") and ": Read " in step]
    assert read[0].startswith(f"Section 1 of {len(sections)}: Read 1 of 1 parts")  # each section's own steps
    assert read[-1].startswith(f"Section {len(sections)} of {len(sections)}: Read 1 of 1 parts")
    monkeypatch.setattr(engine, "SECTION_CHARS", len(FRENCH_PARAGRAPHS))
    expected = []
    for start, end in sections:
        alone = extract(Article(FRENCH_PARAGRAPHS[start:end], lang="fr", published=date(2025, 8, 15)))
        expected += [(kind, item.start + start, item.end + start, *row[3:])
                     for (kind, item), row in zip(sorted(alone.items(), key=lambda pair: _found_key(*pair)),
                                                  sorted(_found(alone)))]
    assert _found(whole) == sorted(expected)
    assert len(whole.figures) == 40 * 3
    assert {claim.speaker for claim in whole.claims if "»" in claim.text or "déclaré" in claim.text} == {"John Healy"}
    assert all(FRENCH_PARAGRAPHS[item.start:item.end] == item.text for _, item in whole.items())


def _found_key(kind, item) -> tuple:
    return (kind, item.start, item.end, item.text, getattr(item, "value", None), getattr(item, "speaker", None),
            getattr(item, "date", None))


def test_a_batch_reads_a_long_text_in_sections_as_extract_does(monkeypatch):
    monkeypatch.setattr(engine, "SECTION_CHARS", 2_000)
    monkeypatch.setattr(engine, "spare_processes", lambda: 1)  # two processes are tested apart, from one thread
    long = Article(FRENCH_PARAGRAPHS, lang="fr", published=date(2025, 8, 15))
    short = Article(FRENCH_PARAGRAPHS[:500], lang="fr", published=date(2025, 8, 15))
    assert list(engine.extract_many([short, long, short])) == [extract(short), extract(long), extract(short)]


# Run apart, from a process with one thread, as the command line is (see TWO_PROCESSES above).
SECTIONS_IN_TWO_PROCESSES = """
import sys
from datetime import date
from lib.extract import engine
from lib.models import Article
from tests.test_extract_progress import FRENCH_PARAGRAPHS
engine.SECTION_CHARS = 1_000
article = Article(FRENCH_PARAGRAPHS, lang="fr", published=date(2025, 8, 15))
one = engine.extract(article, processes=1)
two = engine.extract(article, processes=2)
assert one == two, "two processes read the sections differently"
print(len(engine.sections_of(FRENCH_PARAGRAPHS)), len(one.items()))
"""


def test_two_processes_read_a_long_texts_sections_exactly_as_one_does():
    run = subprocess.run([sys.executable, "-c", SECTIONS_IN_TWO_PROCESSES], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    sections, items = map(int, run.stdout.split())
    assert sections >= 8 and items > 40 * 4


# A reading process that dies (killed, out of memory) costs time, not sections: this process reads what is left.
SECTION_READER_DIES = """
import os
from datetime import date
from lib.extract import engine
from lib.models import Article
from tests.test_extract_progress import FRENCH_PARAGRAPHS
engine.SECTION_CHARS = 1_000
article = Article(FRENCH_PARAGRAPHS, lang="fr", published=date(2025, 8, 15))
one = engine.extract(article, processes=1)
main, read = os.getpid(), engine._section_found
second = engine.sections_of(FRENCH_PARAGRAPHS)[1][0]
def dies_on_the_second_section(job, report=None):
    if os.getpid() != main and job[1] == second:
        os._exit(1)
    return read(job, report)
engine._section_found = dies_on_the_second_section
heard = []
two = engine.extract(article, processes=2, progress=lambda share, step: heard.append(step))
assert one == two, "a section was lost or read differently"
print(sum(step.startswith("Section ") for step in heard) > 0)
"""


def test_a_dead_reading_process_costs_no_section():
    run = subprocess.run([sys.executable, "-c", SECTION_READER_DIES], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "True"  # the sections left were read here, one after the other


SECTIONS_THEN_KILLED = """
import time
from datetime import date
from lib.extract import engine
from lib.models import Article
from tests.test_extract_progress import FRENCH_PARAGRAPHS
engine.SECTION_CHARS = 1_000
def stall(share, step):
    if step.startswith("Read 1 of"):
        print("reading", flush=True)
        time.sleep(600)
engine.extract(Article(FRENCH_PARAGRAPHS, lang="fr"), progress=stall, processes=2)
"""


def test_kill_9_while_two_processes_read_sections_leaves_neither_alive():
    reader = subprocess.Popen([sys.executable, "-c", SECTIONS_THEN_KILLED], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    workers: list[int] = []
    try:
        assert reader.stdout.readline().strip() == "reading"  # a section is read: both processes are up
        workers = children(reader.pid)
        assert len(workers) == 2
        assert survivors_of_kill_9(reader, workers) == []
    finally:
        end_all(reader, workers)
