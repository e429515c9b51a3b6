from __future__ import annotations

import pytest

from guard.recognizers import OrganizationRecognizer

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
]

NOT_FOUND = [
    pytest.param("Le Studio est ouvert le lundi.", id="determiner at sentence start"),
    pytest.param("Nous Services", id="pronoun"),
    pytest.param("Les services de la direction", id="lower case"),
    pytest.param("SAS", id="legal form alone"),
    pytest.param("Sarah Brown | Head of Operations\nbrown@x.io", id="a role is not a company"),
    pytest.param("Jean Dupont\nJe vous remercie de votre retour.", id="a sentence after a name"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_company_names_are_found_whole(text, expected):
    assert expected in organisations(text)
    assert all(found in expected or expected in found for found in organisations(text))


@pytest.mark.parametrize("text", NOT_FOUND)
def test_sentence_words_are_not_companies(text):
    assert organisations(text) == []
