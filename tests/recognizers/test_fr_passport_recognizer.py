from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Passeport n° 12AB34567", "12AB34567", id="label"),
    pytest.param("Numéro de passeport : 05CK12345, expire en 2030.", "05CK12345", id="sentence"),
    pytest.param("Passport number 12AB34567", "12AB34567", id="english"),
]

NOT_FOUND = [
    pytest.param("Commande n° 12AB34567 expédiée", [], id="without context"),
    pytest.param("Passeport n° 12A334567", [], id="one letter"),
    pytest.param("Passeport n° 12AB3456", [], id="four final digits"),
    pytest.param("Passeport n° 12ab34567", [], id="lower case"),
    pytest.param("Passeport n° X12AB34567", [], id="glued to a letter"),
    pytest.param("Pensez à votre passeport.", [], id="the bare word"),
]
# fmt: on


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_passport_number_next_to_its_name_is_redacted(findings, text, number):
    assert findings(text) == [("FR_PASSPORT", number)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_passport_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
