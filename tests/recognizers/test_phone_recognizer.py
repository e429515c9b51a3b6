from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Appelez-moi au 06 12 34 56 78 !", "06 12 34 56 78", id="spaces"),
    pytest.param("Tél. 06.12.34.56.78", "06.12.34.56.78", id="dots"),
    pytest.param("portable : 06-12-34-56-78", "06-12-34-56-78", id="dashes"),
    pytest.param("mobile 0612345678.", "0612345678", id="compact"),
    pytest.param("Téléphone : 06\u00a012\u00a053\u00a082\u00a055",
                 "06\u00a012\u00a053\u00a082\u00a055", id="no-break spaces"),
    pytest.param("Tél. +33\u202f6\u202f12\u202f34\u202f56\u202f78",
                 "+33\u202f6\u202f12\u202f34\u202f56\u202f78", id="narrow no-break spaces"),
    pytest.param("Standard : 01 42 68 53 00", "01 42 68 53 00", id="landline"),
    pytest.param("Numéro vert 0 800 123 456", "0 800 123 456", id="freephone grouping"),
    pytest.param("Joignable au +33 6 12 34 56 78", "+33 6 12 34 56 78", id="+33"),
    pytest.param("Tel +33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78", id="+33 (0)"),
    pytest.param("Fax 0033 6 12 34 56 78", "0033 6 12 34 56 78", id="0033"),
    pytest.param("WhatsApp +33612345678", "+33612345678", id="+33 compact"),
    pytest.param("À La Réunion : 0262 26 12 34", "0262 26 12 34", id="reunion landline"),
    pytest.param("Portable réunionnais 0692 12 34 56", "0692 12 34 56", id="reunion mobile"),
    pytest.param("Mayotte : 0269 61 23 45", "0269 61 23 45", id="mayotte"),
    pytest.param("Guadeloupe : 0590 12 34 56", "0590 12 34 56", id="guadeloupe"),
    pytest.param("Martinique : +596 696 12 34 56", "+596 696 12 34 56", id="martinique"),
    pytest.param("Guyane : +594 694 12 34 56", "+594 694 12 34 56", id="guyane"),
    pytest.param("Réunion : +262 692 12 34 56", "+262 692 12 34 56", id="+262"),
    pytest.param("Comores : +269 321 23 45", "+269 321 23 45", id="+269"),
    pytest.param("London office: +44 20 7946 0958", "+44 20 7946 0958", id="uk"),
    pytest.param("Berlin : +49 30 12345678", "+49 30 12345678", id="germany"),
    pytest.param("US: +1 415 555 2671", "+1 415 555 2671", id="us"),
]

NOT_FOUND = [
    pytest.param("Commande n° 0012345678 expédiée", [], id="order number read as 00 prefix"),
    pytest.param("Référence 0701234567", [], id="unassigned mobile range"),
    pytest.param("Appelez le 06 12 34 56", [], id="too short"),
    pytest.param("Appelez le 06 12 34 56 78 90", [], id="too long"),
    pytest.param("Rendez-vous le 06/12/2024 à 14h30", [], id="a date"),
    pytest.param("Total : 1 234 567,89 €", [], id="a price"),
    pytest.param("Notre SIRET : 732 829 320 00074.", [("FR_SIRET", "732 829 320 00074")],
                 id="inside a siret"),
    pytest.param("IBAN FR76 3000 6000 0112 3456 7890 189",
                 [("IBAN_CODE", "FR76 3000 6000 0112 3456 7890 189")], id="inside an iban"),
    pytest.param("Votre numéro de téléphone ?", [], id="the bare words"),
]
# fmt: on


@pytest.mark.parametrize(("text", "phone"), FOUND)
def test_valid_phone_number_is_redacted(findings, text, phone):
    assert findings(text) == [("PHONE_NUMBER", phone)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_phone_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
