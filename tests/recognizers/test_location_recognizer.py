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
