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
