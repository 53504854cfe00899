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
    monkeypatch.setattr(nlp.os, "getloadavg", lambda: (load, load, load))
    monkeypatch.setattr(nlp.threading, "active_count", lambda: 1)
    if main_thread:
        assert nlp.parse_processes(pieces) == expected
        return
    answer = []
    worker = threading.Thread(target=lambda: answer.append(nlp.parse_processes(pieces)))
    worker.start()
    worker.join()
    assert answer == [expected]
