from __future__ import annotations

import pytest

from guard.recognizers import FrTvaRecognizer

# fmt: off
FOUND = [
    pytest.param("N° TVA intracommunautaire : FR 40 303 265 045.", "FR 40 303 265 045",
                 id="spaced"),
    pytest.param("Facture de FR40303265045 (siège)", "FR40303265045", id="compact, no context"),
    pytest.param("TVA\u00a0: FR\u00a061\u00a0954\u00a0506\u00a0077",
                 "FR\u00a061\u00a0954\u00a0506\u00a0077", id="no-break spaces"),
    pytest.param("Identifiant TVA FRK7 399 859 412", "FRK7 399 859 412", id="letter key"),
    pytest.param("Notre numéro de TVA est DE 136 695 976.", "DE 136 695 976", id="german"),
    pytest.param("VAT number: ATU57194903", "ATU57194903", id="austrian"),
    pytest.param("TVA intracom. BE0697449992", "BE0697449992", id="belgian"),
    pytest.param("BTW-nummer (VAT) NL004495445B01", "NL004495445B01", id="dutch"),
    pytest.param("Fournisseur espagnol, TVA ESB58378431", "ESB58378431", id="spanish"),
    pytest.param("Client irlandais, VAT IE6388047V", "IE6388047V", id="irish"),
]

NOT_FOUND = [
    pytest.param("N° TVA intracommunautaire : FR 41 303 265 045", [], id="wrong key"),
    pytest.param("TVA FR40 303 265 046", [], id="siren with a wrong luhn digit"),
    pytest.param("Notre numéro de TVA est DE 136 695 977.", [], id="wrong german check digit"),
    pytest.param("Code interne DE 136 695 976", [], id="german number without context"),
    pytest.param("Référence ATU57194903", [], id="austrian number without context"),
    pytest.param("Total TTC 1 234,56 € dont TVA 205,76 €", [], id="a vat amount"),
    pytest.param("La TVA intracommunautaire s'applique.", [], id="the bare words"),
    pytest.param("TVA FR403032650451", [], id="glued to a digit"),
    pytest.param("TVA XFR40303265045", [], id="glued to a letter"),
    pytest.param("Notre SIREN : 303 265 045", [("FR_SIREN", "303 265 045")], id="a siren alone"),
]
# fmt: on


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_vat_number_with_a_valid_key_is_redacted(findings, text, number):
    assert findings(text) == [("FR_TVA", number)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_vat_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected


def test_foreign_vat_number_is_only_a_candidate_without_a_vat_word():
    results = FrTvaRecognizer().analyze("Code DE136695976.", ["FR_TVA"])
    assert [r.score for r in results] == [pytest.approx(0.1)]
