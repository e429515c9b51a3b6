from __future__ import annotations

import pytest

from guard.recognizers import DateOfBirthRecognizer

# fmt: off
FOUND = [
    pytest.param("Né le 14 février 1990 à Lyon.", "14 février 1990", id="ne le"),
    pytest.param("Marie Curie, née le 7 novembre 1867", "7 novembre 1867", id="nee le"),
    pytest.param("Jean Dupont, né(e) le 1er mars 1985", "1er mars 1985", id="ne(e) le, 1er"),
    pytest.param("Date de naissance : 14/02/1990", "14/02/1990", id="slashes"),
    pytest.param("Date de naissance\n14.02.1990", "14.02.1990", id="next line, dots"),
    pytest.param("Naissance : 14 févr. 1990", "14 févr. 1990", id="abbreviated month"),
    pytest.param("Date de naiss. : 03-06-1975", "03-06-1975", id="abbreviated label"),
    pytest.param("Né à Saint-Étienne (Loire) le 3 juin 1975", "3 juin 1975", id="place between"),
    pytest.param("DDN\u00a0: 29/02/1996", "29/02/1996", id="leap day"),
    pytest.param("Né à Lyon le 3 juin 1975, marié le 12/06/2015", "3 juin 1975",
                 id="not the second date of a sentence"),
    pytest.param("DOB: 1990-02-14", "1990-02-14", id="iso"),
    pytest.param("She was born on March 3, 1990.", "March 3, 1990", id="english month first"),
    pytest.param("Date of birth: 3rd of March, 1990", "3rd of March, 1990", id="english day first"),
]

NOT_FOUND = [
    pytest.param("Réunion le 14/02/2024 à 10h", id="ordinary date"),
    pytest.param("Contrat signé le 12/03/2024", id="signé holds né"),
    pytest.param("Toute la journée du 14 février 2024", id="journée holds née"),
    pytest.param("À ma connaissance, le 14/02/2024 convient.", id="connaissance holds naissance"),
    pytest.param("Né en 1990. Livraison le 14/02/2024.", id="birth word in another sentence"),
    pytest.param("Date de naissance : 31/02/1990", id="no 31 February"),
    pytest.param("Née le 29 février 1990", id="no 29 February in 1990"),
    pytest.param("Date de naissance : 14/13/1990", id="month 13"),
    pytest.param("Date de naissance : 14/02/2990", id="year out of range"),
    pytest.param("Né le 14/02-1990", id="mixed separators"),
    pytest.param("Date de naissance : à compléter", id="the bare words"),
]
# fmt: on


@pytest.mark.parametrize(("text", "date"), FOUND)
def test_date_after_a_birth_word_is_redacted(findings, text, date):
    assert findings(text) == [("DATE_OF_BIRTH", date)]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_date_without_birth_context_is_not_redacted(findings, text):
    assert findings(text) == []


def test_real_date_is_only_a_candidate_without_context():
    results = DateOfBirthRecognizer().analyze("Réunion le 14/02/2024", ["DATE_OF_BIRTH"])
    assert [r.score for r in results] == [pytest.approx(0.05)]


def test_future_date_of_birth_is_not_a_candidate():
    assert DateOfBirthRecognizer().analyze("Né le 14/02/2099", ["DATE_OF_BIRTH"]) == []
