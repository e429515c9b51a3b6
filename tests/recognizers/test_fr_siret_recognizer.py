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
]

NOT_FOUND = [
    pytest.param("Notre SIRET : 732 829 320 00075.", [], id="wrong luhn key"),
    pytest.param("SIRET 356 000 000 12345", [], id="la poste with a wrong digit sum"),
    pytest.param("Le SIRET figure sur le Kbis.", [], id="the bare word"),
    pytest.param("Référence 732 829 320 0007", [], id="13 digits"),
    pytest.param("Total : 1 234 567,89 €", [], id="a price"),
    pytest.param("SIRET 732 829 320.00074", [], id="mixed separators"),
]
# fmt: on


@pytest.mark.parametrize(("text", "siret"), FOUND)
def test_siret_with_a_valid_key_is_redacted_without_its_siren(findings, text, siret):
    assert findings(text) == [("FR_SIRET", siret)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_siret_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
