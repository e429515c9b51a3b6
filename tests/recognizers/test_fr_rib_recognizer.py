from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("RIB : 30006 00001 12345678901 89", "30006 00001 12345678901 89", id="spaced"),
    pytest.param("Merci de virer sur 20041 01005 0500013M026 06.", "20041 01005 0500013M026 06",
                 id="letter in the account"),
    pytest.param("Banque | Guichet | Compte | Clé\n30006 | 00001 | 12345678901 | 89",
                 "30006 | 00001 | 12345678901 | 89", id="table row"),
    pytest.param("30004\t00003\t12345678901\t43", "30004\t00003\t12345678901\t43",
                 id="tab separated"),
    pytest.param("Relevé : 30006\u00a000001\u00a012345678901\u00a089",
                 "30006\u00a000001\u00a012345678901\u00a089", id="no-break spaces"),
    pytest.param("RIB 30006000011234567890189", "30006000011234567890189", id="compact"),
]

NOT_FOUND = [
    pytest.param("RIB : 30006 00001 12345678901 88", [], id="wrong key"),
    pytest.param("RIB : 20041 01005 0500013M026 07", [], id="wrong key with a letter"),
    pytest.param("RIB : 3000 00001 12345678901 89", [], id="4-digit bank code"),
    pytest.param("RIB : 30006 00001 1234567890 89", [], id="10-character account"),
    pytest.param("RIB : 30006 00001 12345678901 89 12", [], id="followed by a digit group"),
    pytest.param("IBAN FR76 3000 6000 0112 3456 7890 189",
                 [("IBAN_CODE", "FR76 3000 6000 0112 3456 7890 189")], id="inside an iban"),
    pytest.param("IBAN FR7630006000011234567890189",
                 [("IBAN_CODE", "FR7630006000011234567890189")], id="inside a compact iban"),
    pytest.param("Envoyez-moi votre RIB.", [], id="the bare word"),
]
# fmt: on


@pytest.mark.parametrize(("text", "rib"), FOUND)
def test_rib_with_a_valid_key_is_redacted(findings, text, rib):
    assert findings(text) == [("FR_RIB", rib)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_rib_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
