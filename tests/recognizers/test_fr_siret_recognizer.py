from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Notre SIRET : 732 829 320 00074.", "732 829 320 00074", id="spaced"),
    pytest.param("SIRET 73282932000074 (siège)", "73282932000074", id="compact"),
    pytest.param("SIRET\u00a0: 732\u00a0829\u00a0320\u00a000074",
                 "732\u00a0829\u00a0320\u00a000074", id="no-break spaces"),
    pytest.param("Établissement n° 732.829.320.00074", "732.829.320.00074", id="dotted"),
    pytest.param("Siret de l'agence : 443 061 841 00047", "443 061 841 00047",
                 id="another company"),
    # La Poste's establishments use a digit-sum rule instead of the Luhn key.
    pytest.param("Bureau de poste, SIRET 356 000 000 49837", "356 000 000 49837", id="la poste"),
    pytest.param("n° Siret 732-829-320-00074", "732-829-320-00074", id="dashes"),
    pytest.param("SIRET 732 829 320 000 74", "732 829 320 000 74", id="nic split 3-2"),
    pytest.param("SIRET 732.829.320.000.74", "732.829.320.000.74", id="nic split 3-2, dots"),
    pytest.param("SIRET : 732829320 00074", "732829320 00074", id="siren run together, nic apart"),
    pytest.param("SIRET : 732829320 00074", "732829320 00074",
                 id="siren and nic apart by a no-break space"),
    pytest.param("SIRET : 732829320-00074", "732829320-00074", id="siren run together, dash"),
    pytest.param("SIRET n°732 829 320 00074", "732 829 320 00074", id="n° glued"),
    pytest.param("SIRET:73282932000074", "73282932000074", id="colon glued"),
    pytest.param("(SIRET 443-061-841-00047)", "443-061-841-00047", id="dashes in parentheses"),
]

NOT_FOUND = [
    pytest.param("Notre SIRET : 732 829 320 00075.", [], id="wrong luhn key"),
    pytest.param("SIRET 356 000 000 12345", [], id="la poste with a wrong digit sum"),
    pytest.param("Le SIRET figure sur le Kbis.", [], id="the bare word"),
    pytest.param("Référence 732 829 320 0007", [], id="13 digits"),
    pytest.param("Total : 1 234 567,89 €", [], id="a price"),
    pytest.param("SIRET 732 829 320.00074", [], id="mixed separators"),
    pytest.param("SIRET 732-829-320 00074", [], id="dashes then a space"),
    pytest.param("SIRET 732 829 320-000-74", [], id="space then dashes"),
    pytest.param("n° Siret 732-829-320-00075", [], id="dashes, wrong luhn key"),
    pytest.param("SIRET 732 829 320 000 75", [], id="nic split 3-2, wrong luhn key"),
    pytest.param("SIRET 732829320 00075", [], id="siren and nic apart, wrong luhn key"),
    pytest.param("Référence 732 829 320 000 74 12", [], id="glued to more groups"),
    pytest.param("Lot 732-829-320-00074-1", [], id="glued to a dashed group"),
]
# fmt: on


@pytest.mark.parametrize(("text", "siret"), FOUND)
def test_siret_with_a_valid_key_is_redacted_without_its_siren(findings, text, siret):
    assert findings(text) == [("FR_SIRET", siret)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_siret_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
