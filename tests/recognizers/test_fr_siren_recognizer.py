from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("SIREN 732 829 320", "732 829 320", id="spaced"),
    pytest.param("Société immatriculée sous le n° 732829320.", "732829320", id="compact"),
    pytest.param("RCS Paris 552.100.554", "552.100.554", id="dotted"),
    pytest.param("SIREN\u00a0: 732\u202f829\u202f320", "732\u202f829\u202f320",
                 id="narrow no-break spaces"),
    pytest.param("(siren : 443 061 841)", "443 061 841", id="in parentheses"),
    pytest.param("SIREN 732-829-320", "732-829-320", id="dashes"),
]

NOT_FOUND = [
    pytest.param("SIREN 732 829 321", [], id="wrong luhn key"),
    pytest.param("Merci d'indiquer votre SIREN.", [], id="the bare word"),
    pytest.param("Notre SIRET : 732 829 320 00074.", [("FR_SIRET", "732 829 320 00074")],
                 id="the first 9 digits of a SIRET"),
    pytest.param("Montant : 123 456 789,00 €", [], id="a price with decimals"),
    pytest.param("Compte 12 732 829 320", [], id="tail of a longer number"),
    pytest.param("SIREN 732 829.320", [], id="mixed separators"),
    pytest.param("Dossier 73282932", [], id="8 digits"),
    pytest.param("SIREN 732-829-321", [], id="dashes, wrong luhn key"),
    pytest.param("SIREN 732-829 320", [], id="dash then space"),
    pytest.param("SIRET 732-829-320-00074", [("FR_SIRET", "732-829-320-00074")],
                 id="the first 9 digits of a dashed SIRET"),
    pytest.param("SIRET 732 829 320 000 74", [("FR_SIRET", "732 829 320 000 74")],
                 id="the first 9 digits of a SIRET with its NIC split"),
    pytest.param("SIRET 732829320 00074", [("FR_SIRET", "732829320 00074")],
                 id="the SIREN part of a SIRET with its NIC apart"),
    # 612345678 happens to pass Luhn: after "+33(0)" it is the rest of a phone number.
    pytest.param("Tél. +33(0)612345678", [("PHONE_NUMBER", "+33(0)612345678")],
                 id="digits after a phone's (0)"),
]
# fmt: on


@pytest.mark.parametrize(("text", "siren"), FOUND)
def test_siren_with_a_valid_key_is_redacted(findings, text, siren):
    assert findings(text) == [("FR_SIREN", siren)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_siren_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
