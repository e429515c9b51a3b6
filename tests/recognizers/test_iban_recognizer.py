from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("IBAN : FR76 3000 6000 0112 3456 7890 189.", "FR76 3000 6000 0112 3456 7890 189",
                 id="french grouped"),
    pytest.param("Virement sur FR7630006000011234567890189 merci", "FR7630006000011234567890189",
                 id="french compact"),
    pytest.param("iban fr76 3000 6000 0112 3456 7890 189", "fr76 3000 6000 0112 3456 7890 189",
                 id="lower case"),
    pytest.param("Konto DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00", id="german"),
    pytest.param("Account GB29 NWBK 6016 1331 9268 19", "GB29 NWBK 6016 1331 9268 19",
                 id="british with letters"),
    pytest.param("Compte belge BE68 5390 0754 7034", "BE68 5390 0754 7034",
                 id="belgian bank missing from stdnum's list"),
    pytest.param("CH93-0076-2011-6238-5295-7", "CH93-0076-2011-6238-5295-7", id="dashes"),
    pytest.param("IBAN\u00a0: DE89\u202f3704\u202f0044\u202f0532\u202f0130\u202f00",
                 "DE89\u202f3704\u202f0044\u202f0532\u202f0130\u202f00",
                 id="narrow no-break spaces"),
    # The IBAN ends at its country's length, so the next short word is not swallowed.
    pytest.param("Payez sur ES91 2100 0418 4502 0005 1332 et prévenez-moi",
                 "ES91 2100 0418 4502 0005 1332", id="followed by a short word"),
]

NOT_FOUND = [
    pytest.param("IBAN : FR76 3000 6000 0112 3456 7890 180.", [], id="wrong check digits"),
    pytest.param("IBAN : FR76 3000 6000 0112 3456 7890 18", [], id="one character short"),
    pytest.param("Merci de nous envoyer votre IBAN.", [], id="the bare word"),
    pytest.param("LV80 bANK 0000 4351 9500 1", [], id="mixed case"),
    pytest.param("Aucun iban FR76 mentionné", [], id="country and check digits alone"),
    pytest.param("XX76 3000 6000 0112 3456 7890 189", [], id="unknown country"),
]
# fmt: on


@pytest.mark.parametrize(("text", "iban"), FOUND)
def test_iban_with_valid_check_digits_is_redacted(findings, text, iban):
    assert findings(text) == [("IBAN_CODE", iban)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_iban_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
