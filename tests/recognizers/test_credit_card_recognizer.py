from __future__ import annotations

import pytest

# Issuers' published test numbers.
# fmt: off
FOUND = [
    pytest.param("Ma carte : 4111 1111 1111 1111, exp 12/27", "4111 1111 1111 1111", id="visa"),
    pytest.param("CB 4111-1111-1111-1111", "4111-1111-1111-1111", id="dashes"),
    pytest.param("card 4111111111111111.", "4111111111111111", id="compact"),
    pytest.param("Carte 4111\u00a01111\u00a01111\u00a01111", "4111\u00a01111\u00a01111\u00a01111",
                 id="no-break spaces"),
    pytest.param("Mastercard 5555 5555 5555 4444", "5555 5555 5555 4444", id="mastercard"),
    pytest.param("Mastercard 2223 0031 2200 3222", "2223 0031 2200 3222", id="mastercard 2-series"),
    pytest.param("Amex 3782 822463 10005", "3782 822463 10005", id="amex 4-6-5"),
    pytest.param("Diners 3056 9309 0259 04", "3056 9309 0259 04", id="diners 14 digits"),
    pytest.param("Billet payé par UATP 122000000000003", "122000000000003", id="uatp"),
    pytest.param("Billet 122000000000003", "122000000000003", id="uatp without context"),
    pytest.param("Carte UATP 187097528150510", "187097528150510", id="nir-like uatp with context"),
    # 373892227945317 also passes the NIR key; written 4-6-5, it is a card.
    pytest.param("Carte bancaire enregistrée : 3738 922279 45317", "3738 922279 45317",
                 id="amex grouping over a nir key"),
]

NOT_FOUND = [
    pytest.param("Ma carte : 4111 1111 1111 1112", [], id="wrong luhn key"),
    pytest.param("Code 9999 9999 9999 9995", [], id="luhn valid but no issuer"),
    pytest.param("Notre SIRET : 732 829 320 00074.", [("FR_SIRET", "732 829 320 00074")],
                 id="a siret has a luhn key too"),
    # Both start like a card (Diners 38, UATP 1) and have a Luhn key, found by brute force.
    pytest.param("SIRET 381 234 566 00010", [("FR_SIRET", "381 234 566 00010")],
                 id="a siret starting like diners"),
    pytest.param("NIR 185057800622349", [("FR_NIR", "185057800622349")],
                 id="a nir starting like uatp"),
    pytest.param("IBAN FR76 3000 6000 0112 3456 7890 189",
                 [("IBAN_CODE", "FR76 3000 6000 0112 3456 7890 189")], id="groups of an iban"),
    pytest.param("Référence 1234 4111 1111 1111 1111", [], id="tail of a longer run of groups"),
    pytest.param("Réglez avec votre carte Visa.", [], id="the bare words"),
    pytest.param("Total : 4 111 111 111,11 €", [], id="a price"),
    pytest.param("Référence 4111 1111 1111 1111 1234", [], id="head of a longer run of groups"),
    pytest.param("Le numéro 187097528150510 n'est pas un NIR valide.", [],
                 id="uatp shape without a card word"),
    pytest.param("Réf 12-4111 1111 1111 1111", [], id="after a dashed number"),
    pytest.param("4012 8888 8888 1881-4012", [], id="glued to a dashed group after it"),
]
# fmt: on


@pytest.mark.parametrize(("text", "card"), FOUND)
def test_card_number_with_issuer_prefix_and_luhn_key_is_redacted(findings, text, card):
    assert findings(text) == [("CREDIT_CARD", card)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_card_lookalike_is_not_redacted_as_a_card(findings, text, expected):
    assert findings(text) == expected


# fmt: off
@pytest.mark.parametrize(
    ("text", "cards"),
    [
        pytest.param("4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881",
                     ["4012888888881881", "4012-8888-8888-1881", "4012 8888 8888 1881"],
                     id="compact, dashes, spaces"),
        pytest.param("4012 8888 8888 1881 4012-8888-8888-1881 4012888888881881",
                     ["4012 8888 8888 1881", "4012-8888-8888-1881", "4012888888881881"],
                     id="spaces, dashes, compact"),
        pytest.param("Cartes : 4012 8888 8888 1881, 4111 1111 1111 1111",
                     ["4012 8888 8888 1881", "4111 1111 1111 1111"], id="a comma between"),
    ],
)
# fmt: on
def test_cards_in_a_row_written_differently_are_separate_findings(findings, text, cards):
    assert findings(text) == [("CREDIT_CARD", card) for card in cards]
