from __future__ import annotations

import pytest

# Keys computed with stdnum.fr.nir.calc_check_digits.
# fmt: off
FOUND = [
    pytest.param("N° de sécurité sociale : 1 85 05 78 006 084 91", "1 85 05 78 006 084 91",
                 id="spaced"),
    pytest.param("NIR 185057800608491.", "185057800608491", id="compact"),
    pytest.param("NIR 1\u00a085\u00a005\u00a078\u00a0006\u00a0084\u00a091",
                 "1\u00a085\u00a005\u00a078\u00a0006\u00a0084\u00a091", id="no-break spaces"),
    pytest.param("Assurée : 2 53 07 2A 073 004 43", "2 53 07 2A 073 004 43", id="corse-du-sud"),
    pytest.param("numéro insee 253072B07300470", "253072B07300470", id="haute-corse compact"),
    pytest.param("Carte vitale 2 95 10 99 126 111 93", "2 95 10 99 126 111 93", id="born abroad"),
]

NOT_FOUND = [
    pytest.param("N° de sécurité sociale : 1 85 05 78 006 084 36", [], id="wrong key"),
    pytest.param("NIR 2 53 07 2B 073 004 43", [], id="key of 2A under 2B"),
    pytest.param("Le NIR est obligatoire.", [], id="the bare word"),
    pytest.param("NIR 1 85 05 78 006 084", [], id="key missing"),
    # stdnum accepts this key; the first digit (sex) cannot be 5.
    pytest.param("Réf. 5 85 05 78 006 084 85", [], id="impossible first digit"),
    # 373892227945317 passes the NIR key and Luhn: grouped 4-6-5, it is an Amex card.
    pytest.param("Sécu ou carte ? 3738 922279 45317", [("CREDIT_CARD", "3738 922279 45317")],
                 id="amex grouping"),
]
# fmt: on


@pytest.mark.parametrize(("text", "nir"), FOUND)
def test_nir_with_a_valid_key_is_redacted(findings, text, nir):
    assert findings(text) == [("FR_NIR", nir)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_nir_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
