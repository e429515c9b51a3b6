from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Immatriculation : AB-123-CD", "AB-123-CD", id="siv"),
    pytest.param("Le véhicule GH-404-KL est au garage.", "GH-404-KL", id="siv in a sentence"),
    pytest.param("Il s'est garé, AB-123-CD, devant chez moi.", "AB-123-CD",
                 id="siv without context"),
    pytest.param("Voiture AB 123 CD", "AB 123 CD", id="siv with spaces"),
    pytest.param("the rental car (DA 575 WA) was returned", "DA 575 WA", id="siv with spaces, english context"),
    pytest.param("Plaque\u00a0: AB\u00a0123\u00a0CD", "AB\u00a0123\u00a0CD",
                 id="siv with no-break spaces"),
    pytest.param("Immat. AB123CD", "AB123CD", id="siv glued"),
    pytest.param("La voiture immatriculée 1234 AB 56", "1234 AB 56", id="fni"),
    pytest.param("Plaque 123 ABC 75", "123 ABC 75", id="fni three letters"),
    pytest.param("Véhicule 12 AB 2A", "12 AB 2A", id="fni corsica"),
    pytest.param("Véhicule 123-AB-974", "123-AB-974", id="fni reunion"),
]

NOT_FOUND = [
    pytest.param("Réf AB 123 CD", [], id="spaced siv without context"),
    pytest.param("Immatriculation : AI-123-CD", [], id="letter i"),
    pytest.param("Immatriculation : AB-123-OD", [], id="letter o"),
    pytest.param("Immatriculation : SS-123-CD", [], id="pair ss"),
    pytest.param("Immatriculation : AB-000-CD", [], id="number 000"),
    pytest.param("Immatriculation : AB-1234-CD", [], id="four digits"),
    pytest.param("Immatriculation : ab-123-cd", [], id="lower case"),
    pytest.param("Immatriculation : XAB-123-CD", [], id="three letters first"),
    pytest.param("Véhicule 1234 AB 99", [], id="department 99"),
    pytest.param("Véhicule 1234 AB 977", [], id="department 977"),
    pytest.param("Le 12 AB 56 est un code", [], id="fni without context"),
    pytest.param("Véhicule 1234 AB-56", [], id="mixed separators"),
    pytest.param("Changez la plaque d'immatriculation.", [], id="the bare words"),
]
# fmt: on


@pytest.mark.parametrize(("text", "plate"), FOUND)
def test_license_plate_is_redacted(findings, text, plate):
    assert findings(text) == [("FR_LICENSE_PLATE", plate)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_license_plate_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
