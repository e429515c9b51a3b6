from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Carte d'identité n° 880692310285", "880692310285", id="before 2021"),
    pytest.param("CNI : 880692310285, délivrée en 1988", "880692310285", id="cni label"),
    pytest.param("Numéro de la nouvelle carte d'identité : X4RTBPFW4", "X4RTBPFW4",
                 id="since 2021"),
    pytest.param("Pièce d'identité (CNI) X4RTBPFW4 valable", "X4RTBPFW4", id="piece d'identite"),
    pytest.param("Identity card no. 880692310285", "880692310285", id="english"),
    pytest.param("Carte d'identité n° 22WC65188", "22WC65188",
                 id="passport shape named as a card"),
    pytest.param("Passeport ou carte d'identité : X4RTBPFW4", "X4RTBPFW4",
                 id="card named nearer than passport"),
]

NOT_FOUND = [
    pytest.param("Commande n° 880692310285 expédiée", [], id="12 digits without context"),
    pytest.param("Référence X4RTBPFW4", [], id="9 characters without context"),
    pytest.param("Carte d'identité n° 881392310285", [], id="month 13"),
    pytest.param("Carte d'identité n° 88069231028", [], id="11 characters"),
    pytest.param("CNI : RESILIENT", [], id="a word without digits"),
    pytest.param("CNI : 123456789", [], id="digits only, 9 long"),
    pytest.param("Carte d'identité : x4rtbpfw4", [], id="lower case"),
    pytest.param("Apportez votre carte d'identité.", [], id="the bare words"),
    pytest.param("Pièce d'identité : passeport n° 22WC65188", [("FR_PASSPORT", "22WC65188")],
                 id="passport named nearer"),
    pytest.param("Identity document: passport 22WC65188", [("FR_PASSPORT", "22WC65188")],
                 id="passport named nearer, english"),
    pytest.param("Référence produit 22WC65188", [], id="passport shape without context"),
]
# fmt: on


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_identity_card_number_next_to_its_name_is_redacted(findings, text, number):
    assert findings(text) == [("FR_CNI", number)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_identity_card_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
