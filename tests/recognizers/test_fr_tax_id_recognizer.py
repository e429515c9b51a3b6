from __future__ import annotations

import pytest

from guard.recognizers import FrTaxIdRecognizer

# fmt: off
FOUND = [
    pytest.param("Numéro fiscal : 30 23 217 600 053", "30 23 217 600 053",
                 id="tax notice grouping"),
    pytest.param("Mon numéro SPI est le 3023217600053.", "3023217600053", id="spi"),
    pytest.param("NIF\u00a0: 30\u00a023\u00a0217\u00a0600\u00a0053",
                 "30\u00a023\u00a0217\u00a0600\u00a0053", id="no-break spaces"),
    pytest.param("Identifiant sur le site des impots : 3023217600053", "3023217600053",
                 id="impots"),
    pytest.param("Votre numéro fiscal figure sur l'avis d'impôt : 3023217600053", "3023217600053",
                 id="impot"),
    pytest.param("French tax identification number 3023217600053", "3023217600053", id="english"),
    pytest.param("Son numéro figure sur son avis d'imposition : 3023217600053.", "3023217600053",
                 id="avis d'imposition"),
    pytest.param("Numéro du déclarant 1 : 30 23 217 600 053", "30 23 217 600 053",
                 id="declarant"),
    pytest.param("Identifiant du contribuable 3023217600053", "3023217600053", id="contribuable"),
    pytest.param("Référence de l'avis : 3023217600053", "3023217600053", id="avis"),
    pytest.param("Revenu imposable, foyer n° 3023217600053", "3023217600053", id="imposable"),
    pytest.param("Identifiant fiscale 3023217600053", "3023217600053", id="fiscale"),
    pytest.param("Taxpayer id: 3023217600053", "3023217600053", id="taxpayer"),
]

NOT_FOUND = [
    pytest.param("Numéro fiscal : 30 23 217 600 054", [], id="wrong key"),
    pytest.param("Numéro fiscal : 9023217600053", [], id="first digit above 3"),
    pytest.param("Numéro fiscal : 302321760005", [], id="12 digits"),
    pytest.param("Numéro fiscal : 30232176000531", [], id="14 digits"),
    pytest.param("Référence de commande 3023217600053", [], id="valid key without context"),
    pytest.param("Le numéro fiscal est sur l'avis.", [], id="the bare words"),
    pytest.param("Total : 1 234 567,89 €", [], id="a price"),
    pytest.param("Avis d'imposition : 3023217600054", [], id="wrong key after avis d'imposition"),
    pytest.param("Contribuable n° 9023217600053", [], id="first digit above 3 after contribuable"),
    pytest.param("Avis d'imposition : 302321760005", [], id="12 digits after avis d'imposition"),
]
# fmt: on


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_tax_number_next_to_a_tax_word_is_redacted(findings, text, number):
    assert findings(text) == [("FR_TAX_ID", number)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_tax_number_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected


def test_valid_tax_number_is_only_a_candidate_without_context():
    results = FrTaxIdRecognizer().analyze("Référence 3023217600053", ["FR_TAX_ID"])
    assert [r.score for r in results] == [pytest.approx(0.1)]
