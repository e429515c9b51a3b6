from __future__ import annotations

import pytest

from guard.recognizers import LocationRecognizer

recognizer = LocationRecognizer()


def towns(text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["LOCATION"])]


# fmt: off
FOUND = [
    pytest.param("I will be in Dijon next week", "Dijon", id="english preposition"),
    pytest.param("dans nos locaux de Verdun. Éric", "Verdun", id="locaux de"),
    pytest.param("SIREN 674 416 797 · RCS Bordeaux", "Bordeaux", id="rcs city that is also a word"),
    pytest.param("je suis à caen jusqu'à vendredi", "caen", id="lower case in a chat"),
    pytest.param("mission à Saint-Nazaire : refonte", "Saint-Nazaire", id="hyphenated"),
    pytest.param("rendez-vous à Tours demain", "Tours", id="town that is also a word, after à"),
]

NOT_FOUND = [
    pytest.param("je vais à la plage", id="not a town"),
    pytest.param("un cadeau à Marie demain", id="a first name after à"),
    pytest.param("un accord sur Orange", id="a brand after a weak preposition"),
    pytest.param("il habite Dijon", id="no preposition of place"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_towns_after_a_word_of_place_are_found(text, expected):
    assert towns(text) == [expected]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_other_words_are_not_towns(text):
    assert towns(text) == []


# Towns and regions that the layout or an institution names, and lower-case towns in chats.
# fmt: off
FOUND_BY_LAYOUT = [
    pytest.param("Frais de déplacement Quimper – Brest : 84 €", ["Quimper", "Brest"], id="a trip between two towns"),
    pytest.param("Consultante data chez Veloria (Besançon)", ["Besançon"], id="town in brackets"),
    pytest.param("Chef de projet, Archipel RH, Vannes\nRéférent : X", ["Vannes"], id="town closing a role, company, town line"),
    pytest.param("a.b@mail.fr | 06 12 34 56 78 | Perpignan\n", ["Perpignan"], id="town closing a contact line"),
    pytest.param("immatriculée au tribunal de commerce de Lorient.", ["Lorient"], id="court of a town"),
    pytest.param("Lieu de naissance : Angoulême\n", ["Angoulême"], id="place-of-birth field"),
    pytest.param("Randonnée en Auvergne, lecture", ["Auvergne"], id="region after en"),
    pytest.param("Mobilité : Bretagne et télétravail", ["Bretagne"], id="region in a mobility field"),
    pytest.param("je suis à limoges jusqu'à vendredi", ["limoges"], id="lower-case town that is a verb form to the lemmatizer"),
    pytest.param("je suis à l'isle-sur-la-sorgue demain", ["l'isle-sur-la-sorgue"], id="lower-case town with an elision"),
]

NOT_FOUND_BY_LAYOUT = [
    pytest.param("Lot 1 : 300 €", id="department name that is a common word, no place word"),
    pytest.param("Version 2 - Final", id="capitalised words around a dash"),
    pytest.param("Bien à vous, Florence", id="first name closing a line"),
    pytest.param("Pommes, poires, Orange", id="brand closing a list"),
    pytest.param("Conditions générales (Annexe)", id="word in brackets"),
    pytest.param("Marie – Claire", id="first names around a dash"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FOUND_BY_LAYOUT)
def test_towns_and_regions_are_found_by_layout(text, expected):
    assert towns(text) == expected


@pytest.mark.parametrize("text", NOT_FOUND_BY_LAYOUT)
def test_look_alikes_in_the_same_layouts_are_not_towns(text):
    assert towns(text) == []


def test_overseas_towns_are_in_the_gazetteer():
    assert towns("je suis à fort-de-france jusqu'à vendredi, puis à Cayenne") == ["fort-de-france", "Cayenne"]
