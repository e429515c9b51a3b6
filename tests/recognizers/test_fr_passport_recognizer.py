from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Passeport n° 12AB34567", "12AB34567", id="label"),
    pytest.param("Numéro de passeport : 05CK12345, expire en 2030.", "05CK12345", id="sentence"),
    pytest.param("Passport number 12AB34567", "12AB34567", id="english"),
    pytest.param("Pièce d'identité : passeport n° 22WC65188", "22WC65188",
                 id="passeport named after piece d'identite"),
    pytest.param("Passeport n° 12AB34567 (carte d'identité perdue)", "12AB34567",
                 id="identity card named after the number"),
]

NOT_FOUND = [
    pytest.param("Commande n° 12AB34567 expédiée", [], id="without context"),
    pytest.param("Passeport n° 12A334567", [], id="one letter"),
    pytest.param("Passeport n° 12AB3456", [], id="four final digits"),
    pytest.param("Passeport n° 12ab34567", [], id="lower case"),
    pytest.param("Passeport n° X12AB34567", [], id="glued to a letter"),
    pytest.param("Pensez à votre passeport.", [], id="the bare word"),
    pytest.param("Pièce d'identité : passeport n° 22WC6518", [],
                 id="passport, eight characters"),
]
# fmt: on


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_passport_number_next_to_its_name_is_redacted(findings, text, number):
    assert findings(text) == [("FR_PASSPORT", number)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_passport_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("CNI : 880692310285\n* passeport n° 15SX14170",
                     [("FR_CNI", "880692310285"), ("FR_PASSPORT", "15SX14170")],
                     id="passport listed after an identity card"),
        pytest.param("Passeport : 12AB34567, CNI : 22WC65188",
                     [("FR_PASSPORT", "12AB34567"), ("FR_CNI", "22WC65188")],
                     id="identity card listed after a passport"),
    ],
)
def test_passport_shaped_number_takes_the_document_named_nearest(findings, text, expected):
    assert findings(text) == expected
