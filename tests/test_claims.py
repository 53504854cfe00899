"""Claims and speakers: what is checkable, and who said it, per language."""
from datetime import date

import pytest

from lib.extract import extract
from lib.models import Article

from lib.extract.claims import find_claims
from lib.extract.sentences import sentence_spans
from lib.extract.speakers import PRONOUN, attribution


def claims(text, lang, boilerplate=()):
    return [(c.text, c.speaker) for c in find_claims(text, lang, sentence_spans(text, lang), boilerplate, [], [])]


ATTRIBUTIONS = [
    ("fr", "« Nous sommes prêts », a déclaré Healy à la BBC.", "Healy"),
    ("fr", "Le secrétaire à la Défense, John Healy, a déclaré que Trump se préparait.", "John Healy"),
    ("fr", "Healy, qui était présent à l'événement au Japon, a déclaré que le syndicat était prêt.", "Healy"),
    ("fr", "Le chef militaire britannique Tony Radakin a averti jeudi qu'il devait rester ferme.", "Tony Radakin"),
    ("fr", "Trois responsables européens ont déclaré que Trump était ouvert.", "Trois responsables européens"),
    ("fr", "Selon Emmanuel Macron, la France enverra 500 soldats.", "Emmanuel Macron"),
    ("fr", "Dans un discours à Washington, Radhakin a déclaré que la Russie était dangereuse.", "Radhakin"),
    ("fr", "Il a ajouté que les forces soutiennent la paix.", PRONOUN),
    ("fr", "« Le plan est prêt », a-t-elle précisé.", PRONOUN),
    ("fr", "Le Royaume-Uni et la France ont rassemblé des troupes.", None),
    ("en", "“We are ready,” Healy said.", "Healy"),
    ("en", "“We are ready,” said Defence Secretary John Healy.", "John Healy"),
    ("en", "John Healy, the defence secretary, told the BBC the troops were ready.", "John Healy"),
    ("en", "According to Nato officials, spending rose 5%.", "Nato officials"),
    ("fr", "Selon le ministère de l’Intérieur, 80 barrages ont été recensés.", "ministère de l’Intérieur"),
    ("fr", "Selon elle, les émissions ont reculé de 5,8 %.", PRONOUN),
    ("fr", "Le plan a coûté 2 milliards, a précisé le ministère.", "ministère"),
    ("fr", "« C’est la première fois », a déclaré la ministre de la Transition, Agnès Lemoine.", "Agnès Lemoine"),
    ("en", "Lindqvist, a former prime minister who took office in 2024, said allies would pay.", "Lindqvist"),
    ("en", "Elena Márquez, the minister, said Madrid would not accept it.", "Elena Márquez"),
    ("en", "Inflation rose to 3.8%, the Office for National Statistics said.", "Office for National Statistics"),
    ("en", "He added that the plan was ready.", PRONOUN),
    ("en", "The army has 80,000 soldiers.", None),
    ("en", "Premiums rose to 1% from 0.2% in February, said Ruth Adeyemi, head of marine risks at a broker.",
     "Ruth Adeyemi"),
    ("en", "“This is the third round, and each time we are told it is the last,” said Alan Ruiz.", "Alan Ruiz"),
    ("en", "Veridian employed 26,500 people last year, according to its annual report.", "Veridian"),
    ("en", "Morgan Stanley cut its price target to $95, saying the spending plan was too costly.", "Morgan Stanley"),
    ("en", "More than 200 companies cut jobs in 2025, according to tracking site Layoffs.fyi.", "Layoffs.fyi"),
    ("en", "The offices will close within six months, a spokesperson for Veridian said.", "Veridian"),
    ("fr", "Le trafic restera perturbé mardi, a indiqué lundi la direction de la SNCF.", "SNCF"),
    ("fr", "Plus de 200 patients ont dormi sur un brancard, a affirmé à l’AFP Sophie Lacombe, infirmière.",
     "Sophie Lacombe"),
    ("fr", "Le texte prévoit de suspendre la réforme jusqu’en 2028.", None),
]


@pytest.mark.parametrize("lang, sentence, speaker", ATTRIBUTIONS)
def test_attribution_names_the_speaker(lang, sentence, speaker):
    assert attribution(sentence, lang) == speaker


def test_pronoun_carries_the_last_named_speaker_and_surname_takes_the_full_name():
    text = (
        "Le ministre John Healy a déclaré que 200 soldats partiront en Ukraine. "
        "Il a ajouté que la France enverra des navires à Odessa. "
        "« Nous serons prêts dès le mois prochain à Kiev », a déclaré Healy."
    )
    assert [speaker for _, speaker in claims(text, "fr")] == ["John Healy", "John Healy", "John Healy"]


def test_a_quote_continuation_keeps_the_speaker_of_the_quote_before_it():
    text = "“We will send 300 troops to Kyiv,” Healy said.\n“They are ready to go on day one in Ukraine.”"
    assert claims(text, "en") == [
        ("“We will send 300 troops to Kyiv,” Healy said.", "Healy"),
        ("“They are ready to go on day one in Ukraine.”", "Healy"),
    ]


@pytest.mark.parametrize("lang, text", [
    ("fr", "« Je me méfie d'être trop concentré sur ma défense de la ville natale », a déclaré Radhakin."),
    ("fr", "Je pense que c'est une belle journée pour tout le monde."),
    ("fr", "Verrouiller gratuitement la newsletter de la montre White House Watch gratuitement"),
    ("fr", "Votre guide sur ce que la deuxième saison de Trump signifie Washington, Business and World"),
    ("en", "Sign up for our free newsletter about the White House and Washington."),
    ("en", "I think this is a wonderful day for everyone."),
    ("en", "Will Russia agree to a ceasefire in Ukraine before Trump meets Putin?"),
    ("en", "It was nice."),
])
def test_opinions_feelings_questions_and_promos_are_not_claims(lang, text):
    assert claims(text, lang) == []


def test_boilerplate_spans_yield_no_claims():
    text = "La France et le Royaume-Uni ont envoyé 200 soldats en Ukraine en février."
    assert claims(text, "fr") != []
    assert claims(text, "fr", boilerplate=[(0, len(text))]) == []


@pytest.mark.parametrize("lang, text", [
    ("fr", "Le Royaume-Uni et la France ont rassemblé les troupes à Paris."),
    ("en", "The European Union froze the assets of Russia's central bank in Brussels."),
])
def test_factual_sentences_with_named_actors_are_claims_without_speaker(lang, text):
    found = find_claims(text, lang, sentence_spans(text, lang), (), [], [])
    assert [(c.text, c.speaker) for c in found] == [(text, None)]
    assert 0.5 <= found[0].checkworthiness <= 1.0


def test_a_company_named_in_the_sentence_is_the_speaker_behind_the_company_said():
    text = ("Veridian Systems will cut about 2,400 jobs by March, the cloud software company said on Wednesday.\n"
            "The company now expects revenue of $12.2 billion for 2025, it said.")
    result = extract(Article(text, lang="en", published=date(2025, 10, 29)))
    assert [claim.speaker for claim in result.claims] == ["Veridian Systems", "Veridian Systems"]
