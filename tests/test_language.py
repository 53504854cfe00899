"""lib.language: French and English told apart; every other language named, never guessed into fr/en."""
from __future__ import annotations

import pytest

from lib.extract.lang import UnsupportedLanguage
from lib.language import LanguageUndetermined, detect_language, detect_language_confidence
from lib.sources import list_seeds, read_seed

LANGUAGES = [
    ("fr", "Le ministre de la Défense a déclaré vendredi que les troupes britanniques étaient prêtes."),
    ("fr", "Healy a déclaré à la BBC que les troupes étaient prêtes à partir dès le premier jour."),
    ("fr", "« Nous devons aller de l’avant », a-t-il ajouté, selon un communiqué publié jeudi."),
    ("en", "The defence secretary said on Friday that British troops were ready to deploy."),
    ("en", "Healy told the BBC the troops were ready to go on day one of a ceasefire."),
    ("en", "“We must move forward,” he added, according to a statement released on Thursday."),
]

UNSUPPORTED = [
    ("de", "Der Verteidigungsminister sagte am Freitag, dass die britischen Truppen bereit seien."),
    ("es", "El ministro de Defensa dijo el viernes que las tropas británicas estaban listas para partir."),
    ("it", "Il ministro della Difesa ha detto venerdì che le truppe britanniche erano pronte a partire."),
    ("pt", "O ministro da Defesa disse na sexta-feira que as tropas britânicas estavam prontas."),
    ("nl", "De minister van Defensie zei vrijdag dat de Britse troepen klaar waren om te vertrekken."),
    ("ca", "El ministre de Defensa va dir divendres que les tropes britàniques estaven preparades per marxar."),
    ("ru", "Министр обороны заявил в пятницу, что британские войска готовы к отправке."),
    ("ar", "قال وزير الدفاع يوم الجمعة إن القوات البريطانية مستعدة للانتشار في أوكرانيا."),
    ("zh", "国防大臣星期五表示，英国军队已准备好在停火后部署到乌克兰，以确保和平。"),
]


@pytest.mark.parametrize("expected, text", LANGUAGES, ids=[f"{lang}-{text[:20]}" for lang, text in LANGUAGES])
def test_detect_language_tells_french_from_english(expected, text):
    assert detect_language(text) == expected


@pytest.mark.parametrize("code, text", UNSUPPORTED, ids=[code for code, _ in UNSUPPORTED])
def test_detect_language_names_other_languages_instead_of_guessing(code, text):
    with pytest.raises(UnsupportedLanguage, match=rf"^unsupported language: {code}$") as raised:
        detect_language(text)
    assert raised.value.lang == code


def test_the_french_seed_is_french_despite_its_english_boilerplate_words():
    assert detect_language(read_seed(list_seeds()[0]).text) == "fr"


@pytest.mark.parametrize("text", ["", "   ", "Bonjour", "OK merci", "12 345 678 — 2025-08-15", "Healy a déclaré."])
def test_too_little_text_asks_the_user_to_choose_the_language(text):
    with pytest.raises(LanguageUndetermined, match=r"^too little text to tell the language \(\d+ letters, need 40\): choose fr or en$") as raised:
        detect_language(text)
    assert isinstance(raised.value, UnsupportedLanguage) and raised.value.lang is None


def test_detect_language_confidence_ranks_the_compared_languages():
    confidence = detect_language_confidence("The defence secretary said on Friday that British troops were ready.")
    assert next(iter(confidence)) == "en"
    assert confidence["en"] > 0.9 and confidence["fr"] < 0.1
    assert list(confidence.values()) == sorted(confidence.values(), reverse=True)


def test_detect_language_confidence_is_empty_for_text_without_letters():
    assert detect_language_confidence("1234 5678 !!!") == {}


def test_detect_language_reads_only_a_sample_of_a_huge_text():
    text = "Le ministre a déclaré vendredi que les troupes étaient prêtes. " * 200_000  # 12.6 MB
    assert detect_language(text) == "fr"


@pytest.mark.parametrize("seed", list_seeds(), ids=lambda seed: seed.path.name)
def test_every_seed_is_detected_in_the_language_its_sidecar_declares(seed):
    assert detect_language(read_seed(seed).text) == seed.lang
