"""Speakers that only the article around a sentence can give: descriptions, pronouns, quotations that go on.

Every text here is invented; each case is one general rule of the annotation guide (ANNOTATION.md, speaker)."""
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


def test_a_phrase_after_a_preposition_is_never_the_subject():
    text = "Sur Facebook, Jeanne Morel (LR) a dénoncé un « vote arraché en pleine nuit par la majorité »."
    assert speaker_of(text, "fr", "Sur Facebook") == "Jeanne Morel"


def test_coordinated_verbs_share_their_subject():
    text = ("Plus tard, Paul Garnier, président du Sénat, a fait procéder au vote et a déclaré qu'« aucune "
            "suspension ne sera plus accordée pendant un vote ».")
    assert speaker_of(text, "fr", "Plus tard") == "Paul Garnier"


def test_a_name_followed_by_its_role_without_a_comma_is_the_name():
    text = ("Sans donner de chiffres, Marc De Villiers le directeur sportif du club, a affirmé que 6 joueurs "
            "partiront en 2027.")
    assert speaker_of(text, "fr", "Sans donner") == "Marc De Villiers"


def test_of_a_title_and_a_name_both_taken_as_subject_the_name_speaks():
    text = "Le président du club, Louis Ferrand s'est dit satisfait des 14 victoires de la saison."
    assert speaker_of(text, "fr", "Le président") == "Louis Ferrand"


def test_one_of_several_described_then_named_is_the_name():
    text = ("L'un des trois porte-parole des équipes ayant participé à la mission, Inès Duval, a annoncé : "
            "« Le satellite a atteint son orbite à 14 h ».")
    assert speaker_of(text, "fr", "L'un des") == "Inès Duval"


def test_verbs_of_speaking_about_a_topic_report_speech():
    text = "Sur le plan sportif, Hugo Lenoir a parlé des 12 recrues arrivées au club en janvier."
    assert speaker_of(text, "fr", "Sur le plan") == "Hugo Lenoir"


def test_a_perfect_with_etre_and_a_quotation_after_it_reports_speech():
    text = ("Anne Roussel, présidente du groupe écologiste, est ensuite intervenue, jugeant le « procédé de la "
            "majorité absolument inacceptable pour le Parlement ».")
    assert speaker_of(text, "fr", "Anne Roussel") == "Anne Roussel"


def test_a_gerund_of_saying_after_a_comma_makes_the_subject_the_speaker():
    text = ("Alors que la majorité était absente, Léa Brunet (PS) est intervenue, avant le vote, en demandant au "
            "président une suspension de séance de 10 minutes.")
    assert speaker_of(text, "fr", "Alors que") == "Léa Brunet"


def test_a_verb_of_noticing_with_a_short_quoted_phrase_reports_no_speech():
    text = ("Selon la préfecture du Rhône, « deux hommes ont été interpellés dans la nuit ». "
            "Les agresseurs auraient remarqué sur la victime un « signe distinctif » avant de la frapper à 3 reprises.")
    assert speaker_of(text, "fr", "Les agresseurs") != "agresseurs"


def test_a_pronoun_never_stands_for_the_person_its_own_sentence_names():
    text = ("« Nous enverrons 500 soldats à Kiev », a déclaré Marc Healy mardi. "
            "Le président Paul Trumont doit se rendre à Londres vendredi. "
            "Cette semaine, il a dit par téléphone à Trumont que les troupes européennes partiront en mars.")
    assert speaker_of(text, "fr", "Cette semaine") == "Marc Healy"


def test_a_reporters_sign_off_is_a_byline_not_a_claim():
    text = ("The agency says 12 million people fled their homes in 2024. "
            "Maria Keller reports for VOA from Nairobi.")
    assert [sentence for sentence, _ in speakers(text, "en")] == [
        "The agency says 12 million people fled their homes in 2024."]


def test_reports_in_general_stay_as_written():
    text = ("The quake struck at 3:32 a.m., BNN News said. "
            "Reports say as many as 40,000 buildings have been destroyed in the region.")
    assert speaker_of(text, "en", "Reports say") == "Reports"


def test_a_request_reports_what_was_asked():
    text = ("President Alain Sarkel met the families on Monday. "
            "He also requested that Canada send two search aircraft to the area.")
    assert speaker_of(text, "en", "He also") == "Alain Sarkel"


def test_directions_to_the_reader_are_not_claims():
    text = "Early estimates of GDP are subject to revision; for more information please refer to our guide."
    assert speakers(text, "en") == []


def test_a_transcript_label_names_who_speaks():
    text = ("Space agency spokesman Tom Brandt followed the launch from Florida on Tuesday.\n"
            'BRANDT: "We have ignition of the main engines. Atlantis has cleared the tower at 11:38."')
    assert speaker_of(text, "en", 'BRANDT:') == "Tom Brandt"
    assert speaker_of(text, "en", "Atlantis") == "Tom Brandt"


def test_the_topic_before_a_headlines_colon_is_not_the_speaker():
    text = "Syrie : la Ligue des droits dénonce 27 centres de détention\n\nLe rapport compte 81 pages."
    assert speaker_of(text, "fr", "Syrie") == "Ligue des droits"


def test_an_agency_described_before_it_is_named_is_the_agency_that_speaks_later():
    text = ("The U.N. food agency says hunger rose by 9 percent last year in 12 countries. "
            "The agency report says 40 million people need aid.\n"
            "The WFP figures do not include Gaza. The WFP says funding fell by a third in 2024.")
    assert speaker_of(text, "en", "The U.N. food agency") == "WFP"
    assert speaker_of(text, "en", "The agency report") == "WFP"


def test_a_quotation_standing_alone_after_a_sentence_about_a_person_is_theirs():
    text = ("Paul Menard, président du groupe centriste, a pris la parole à la reprise de la séance. "
            "Il a souhaité faire un rappel au règlement, au titre de l'article 58. "
            "« On ne peut pas accepter un tel mépris de notre règlement en 2026 ! »")
    assert speaker_of(text, "fr", "« On ne peut") == "Paul Menard"


def test_a_document_no_one_is_named_for_speaks_under_its_own_name():
    text = "La tempête fit 39 morts selon le bilan le plus récent publié mardi soir."
    assert speaker_of(text, "fr", "La tempête") in ("bilan le plus récent", "bilan le plus récent publié mardi soir")
