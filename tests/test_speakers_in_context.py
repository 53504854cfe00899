"""Speakers that only the article around a sentence can give: descriptions, pronouns, quotations that go on.

Every text here is invented; each case is one general rule of ../shared/ANNOTATION.md (speaker)."""
from lib.extract.claims import find_claims
from lib.extract.sentences import sentence_spans


def speakers(text, lang):
    return [(c.text, c.speaker) for c in find_claims(text, lang, sentence_spans(text, lang), (), [], [])]


def speaker_of(text, lang, opening):
    found = [speaker for sentence, speaker in speakers(text, lang) if sentence.startswith(opening)]
    assert found, f"no claim opens with {opening!r}"
    return found[0]


def test_the_kind_of_body_alone_refers_to_the_body_it_was_written_with():
    text = ("L'ONG Amnistie Globale a publié mardi un rapport de 90 pages sur les prisons du pays. "
            "L'ONG dénonce aussi le manque de soins dans 12 centres de détention. "
            "Cependant, l'ONG précise que « le nombre de centres est sans doute beaucoup plus élevé ».")
    assert speaker_of(text, "fr", "Cependant") == "Amnistie Globale"
    assert speaker_of(text, "fr", "L'ONG dénonce") == "Amnistie Globale"


def test_a_title_refers_to_the_person_a_pronoun_already_stood_for():
    text = ("Le président du Valmont, M. Pierre Arnaud Lestrade, a accordé mardi une interview à la radio nationale. "
            "« Le port rouvrira en mars », a-t-il déclaré à propos des 300 dockers licenciés. "
            "Rappelant que l'État a versé 40 millions d'euros, le dirigeant valmontais a souligné que les salaires "
            "seront payés.")
    assert speaker_of(text, "fr", "Rappelant") == "Pierre Arnaud Lestrade"


def test_a_quotation_inside_a_sentence_that_names_no_one_goes_on_quoting_the_last_speaker():
    text = ("D'après le communiqué de la préfecture du Nord, « les deux suspects ont été identifiés ». "
            "L'attaque a été brutale, « seule l'arrivée de deux agents de sécurité a mis fin aux coups », "
            "et la victime souffre de 8 jours d'incapacité.")
    assert speaker_of(text, "fr", "L'attaque") == "préfecture du Nord"


def test_a_word_or_two_in_quotes_is_a_scare_quote_not_a_quotation():
    text = ("D'après le communiqué de la préfecture du Nord, « les deux suspects ont été identifiés ». "
            "Le procès des deux « casseurs » aura lieu le 12 mars à Lille.")
    assert speaker_of(text, "fr", "Le procès") is None


def test_a_quotation_that_closes_later_is_said_by_whoever_the_closing_words_name():
    text = ('Teresa Mwangi won the 10,000 metres on Friday in 29 minutes. '
            '"I was tired after six laps. I still had to run 15 more laps until the end. '
            'But it was worth the gold medal," said Amaia Ortiz, who finished second.')
    assert speaker_of(text, "en", '"I was tired') == "Amaia Ortiz"
    assert speaker_of(text, "en", "I still had") == "Amaia Ortiz"


def test_he_is_the_person_the_journalist_named_after_the_last_speaker_had_their_say():
    text = ('"We were very confident about the world record," Marcus Bell said on Saturday. '
            "The decathlon went to Canadian Peter Okafor, who scored 8,791 points in Beijing. "
            '"I had to finish the 1,500 metres to win the gold," he said.')
    assert speaker_of(text, "en", '"I had to finish') == "Peter Okafor"


def test_he_stays_the_last_speaker_when_nobody_new_was_named():
    text = ('"We were very confident about the world record," Marcus Bell said on Saturday. '
            "The relay team ran 37.10 seconds in Beijing. "
            '"We knew we had the fastest legs in the world," he said.')
    assert speaker_of(text, "en", '"We knew') == "Marcus Bell"
