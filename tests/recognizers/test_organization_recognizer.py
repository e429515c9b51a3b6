from __future__ import annotations

import pytest

from guard.recognizers import OrganizationRecognizer
from guard.recognizers.organization_recognizer import _HEAD_WORDS, _TAIL_WORDS

recognizer = OrganizationRecognizer()


def organisations(text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["ORGANIZATION"])]


# fmt: off
FOUND = [
    pytest.param("Raison sociale : Maison Véraldi SAS\n", "Maison Véraldi SAS", id="legal form"),
    pytest.param("09/10/2024 – PRINTPRO EXPRESS LTD – 1 249,00 €", "PRINTPRO EXPRESS LTD", id="all caps + ltd"),
    pytest.param("Client : Lumen Conseil\n", "Lumen Conseil", id="trade tail"),
    pytest.param("Client : Atelier Aubert-Legrand Architectes\n", "Atelier Aubert-Legrand Architectes", id="trade head"),
    pytest.param("Project manager, Lingua Franca Services, Lyon", "Lingua Franca Services", id="english"),
    pytest.param("Year abroad at University of Leeds, 2011", "University of Leeds", id="university"),
    pytest.param("Dossier : HOARAU Nathalie c/ SAS ARCHIPEL RH\n", "SAS ARCHIPEL RH", id="legal form first, opposing party"),
    pytest.param("Cordialement,\nR. Laurent\nNuage Bleu\n06 12 34 56 78", "Nuage Bleu", id="signature, next line"),
    pytest.param("Bien à vous,\nThéo Meyer – Opaline Cosmétiques\n", "Opaline Cosmétiques", id="signature, same line"),
    pytest.param("Sylvie LEBON\nGérante – Kerlys Informatique\n", "Kerlys Informatique", id="signature after a role"),
    pytest.param("Entre : Menuiserie Lambert, 19 cours Jean Jaurès", "Menuiserie Lambert", id="trade head named after a person"),
    pytest.param("Facture acquittée\nHÔTEL BEAU RIVAGE\n", "HÔTEL BEAU RIVAGE", id="trade head in capitals"),
    pytest.param("Entre : Les Vergers du Lac, 99 bis quai", "Les Vergers du Lac", id="article + trade head"),
    pytest.param("Merci,\nCyclopes Sécurité SAS", "Cyclopes Sécurité SAS", id="legal form after trade word"),
    pytest.param("La société Vert Tilleul, société par actions simplifiée", "Vert Tilleul", id="la société X"),
    pytest.param("refonte pour le compte de Nexalis\nJours facturés : 12", "Nexalis", id="pour le compte de X"),
    pytest.param("Consultante data chez Datavenir (Lyon)", "Datavenir", id="chez X"),
    pytest.param("Raison sociale : Cap Audit\n", "Cap Audit", id="raison sociale"),
    pytest.param("Facture acquittée\n\nNuage Bleu – Appt 12, 54 bis square Curie", "Nuage Bleu", id="letter head, address after a dash"),
    pytest.param("Wattéo\nSiège : 83 ter, cours de la République", "Wattéo", id="letter head, address on the next line"),
    pytest.param("conclu entre Azurine (SIREN 673364857), ayant", "Azurine", id="name before its SIREN"),
    pytest.param("et Brume, ayant son siège 12 rue", "Brume", id="name before its registered office"),
    pytest.param("Hi, Michael Wright from Veloria is joining", "Veloria", id="english person from company"),
    pytest.param("rdv devant chez kerlys informatique ?", "kerlys informatique", id="lower case + trade tail"),
    pytest.param("qui gère le compte ostréa\n", "ostréa", id="lower case unknown word"),
    pytest.param("Kevin Des Rosiers\nLa Fabrique à Projets\n+262", "La Fabrique à Projets", id="signature starting with an article"),
]

NOT_FOUND = [
    pytest.param("Le Studio est ouvert le lundi.", id="determiner at sentence start"),
    pytest.param("Nous Services", id="pronoun"),
    pytest.param("Les services de la direction", id="lower case"),
    pytest.param("SAS", id="legal form alone"),
    pytest.param("Sarah Brown | Head of Operations\nbrown@x.io", id="a role is not a company"),
    pytest.param("Jean Dupont\nJe vous remercie de votre retour.", id="a sentence after a name"),
    pytest.param("Amina DUBOIS\nGestion de projet digital\n", id="a heading is not a company"),
    pytest.param("Sébastien Joly\nDRH", id="an abbreviated role"),
    pytest.param("Lucie Durand\n12 rue des Lilas", id="a person above an address"),
    pytest.param("Destinataire :\nMme Morel\n12 rue des Lilas", id="a title above an address"),
    pytest.param("Consultante chez Mme Morel, 12", id="chez + title"),
    pytest.param("Client : DE LA CROIX Samuel, 61 sentier", id="a person in a client field"),
    pytest.param("passe chez Julien demain", id="chez + first name"),
    pytest.param("rdv chez le client ?", id="chez + common words"),
    pytest.param("Il travaille chez nous depuis 2020.", id="chez + pronoun"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_company_names_are_found_whole(text, expected):
    assert expected in organisations(text)
    assert all(found in expected or expected in found for found in organisations(text))


@pytest.mark.parametrize("text", NOT_FOUND)
def test_sentence_words_are_not_companies(text):
    assert organisations(text) == []


# Every trade word and legal form counts, in capitals too: the recognizer only reads the lines
# that hold one, so a word it would overlook there would be lost.
@pytest.mark.parametrize("word", [form for word in _TAIL_WORDS for form in (word, word.upper())])
def test_every_trade_word_ends_a_company_name(word):
    assert f"Kerlys {word}" in organisations(f"Contrat signé avec Kerlys {word} hier.")


@pytest.mark.parametrize("word", [form for word in _HEAD_WORDS for form in (word, word.upper())])
def test_every_trade_word_starts_a_company_name(word):
    assert f"{word} Kerlys" in organisations(f"Contrat signé avec {word} Kerlys hier.")


LEGAL_FORMS = "SAS SASU SARL EURL SA SCI SNC SCOP SCP SELARL SELAS GIE Ltd LTD LLC LLP Inc. INC GmbH AG BV NV SRL SpA PLC S.A.S. S.A.R.L. S.A."


@pytest.mark.parametrize("form", LEGAL_FORMS.split())
def test_every_legal_form_marks_a_company_name(form):
    assert f"Kerlys {form}" in organisations(f"Contrat signé avec Kerlys {form} hier.")
    assert f"{form} Kerlys" in organisations(f"Contrat signé avec {form} Kerlys hier.")


# Companies without a legal form or a trade word, named by the phrase or the layout around them.
# fmt: off
FOUND_BY_PHRASE = [
    pytest.param("Présents : Gaël Tanguy (Orbisoft), Léa Morin", "Orbisoft", id="company in brackets after a person"),
    pytest.param("- Le client (Quantalys) demande un export", "Quantalys", id="client in brackets"),
    pytest.param("réunion dans les locaux de Brumaire à Niort", "Brumaire", id="dans les locaux de"),
    pytest.param("Devis – refonte du site de Kelvio", "Kelvio", id="site de"),
    pytest.param("Nous sommes ravis de compter Opalys parmi nos clients !", "Opalys", id="parmi nos clients"),
    pytest.param("2018 – 2020 : Développeur, Sorbetto, Montpellier\n", "Sorbetto", id="role, company, town"),
]

NOT_FOUND_BY_PHRASE = [
    pytest.param("Paul Dumont (CTO)", id="a role in brackets"),
    pytest.param("Jean Dupont (Responsable marketing)", id="a job title in brackets"),
    pytest.param("Conditions Générales (Annexe)", id="common words in brackets"),
    pytest.param("le site de Lyon ferme en août", id="site de + town"),
    pytest.param("Développeuse, Jean Dupont, Lyon", id="a person in the company slot"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FOUND_BY_PHRASE)
def test_companies_named_by_a_phrase_are_found(text, expected):
    assert expected in organisations(text)


@pytest.mark.parametrize("text", NOT_FOUND_BY_PHRASE)
def test_roles_places_and_people_in_those_phrases_are_not_companies(text):
    assert organisations(text) == []


def test_a_company_field_may_hold_its_value_on_the_next_line():
    assert organisations("Client :\nQuantalys\nÀ l'attention de Mme Roy") == ["Quantalys"]


def test_port_in_a_company_name_is_no_label():
    # The pipeline cuts label words off the ends of a finding: "Port" must survive, "Port." not.
    from guard.lexicons import is_label

    assert "Brasserie du Port" in organisations("directeur technique chez Brasserie du Port – contact")
    assert not is_label("Port") and is_label("Port.")
