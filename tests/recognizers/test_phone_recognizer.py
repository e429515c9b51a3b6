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
    pytest.param("Joignable au (+33) 6 29 49 41 23.", "(+33) 6 29 49 41 23",
                 id="country code in parentheses"),
    pytest.param("Tél. (0033) 6 12 34 56 78", "(0033) 6 12 34 56 78", id="(0033)"),
    pytest.param("Tel +33 (0) 6 12 34 56 78", "+33 (0) 6 12 34 56 78", id="+33 (0) spaced"),
    pytest.param("Tel +33(0)612345678", "+33(0)612345678", id="+33(0) compact"),
    pytest.param("Contact: +1 (415) 555-0132.", "+1 (415) 555-0132",
                 id="us area code in parentheses"),
    pytest.param("London: +44 (0)20 7946 0958", "+44 (0)20 7946 0958", id="uk (0)"),
    pytest.param("Berlin : +49 (30) 12345678", "+49 (30) 12345678", id="area code in parentheses"),
    pytest.param("Tél : 01/42/68/53/00", "01/42/68/53/00", id="slashes"),
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
    pytest.param("Tél. (+33) 6 29 49 41", [], id="country code in parentheses, too short"),
    pytest.param("Contact: +1 (415) 555-013", [], id="us, too short"),
    pytest.param("Tél. +33 (0)6 12 34 56 78 9", [], id="+33 (0), one digit too many"),
    pytest.param("Livraison le 06/12/2024", [], id="a date with slashes"),
    pytest.param("Tél : 01/42/68/53", [], id="slashes, too short"),
    pytest.param("Période 01/02/03/04/05/06", [], id="slashes, too long"),
    pytest.param("TVA : BE 0123.456.789", [], id="inside a spaced belgian vat number"),
    pytest.param("TVA : BE 0123 456 789", [], id="inside a belgian vat number with spaces"),
    pytest.param("IBAN NL91 ABNA 0417 1643 01", [], id="inside an iban with a letter group"),
    pytest.param("IBAN NL91 ABNA 0417 1643 00", [("IBAN_CODE", "NL91 ABNA 0417 1643 00")],
                 id="inside a valid iban with a letter group"),
    pytest.param("Suivi : /commande/0612345678", [], id="a path segment"),
    pytest.param("Suivi : ?tel=0612345678", [], id="a query parameter"),
]
# fmt: on


@pytest.mark.parametrize(("text", "phone"), FOUND)
def test_valid_phone_number_is_redacted(findings, text, phone):
    assert findings(text) == [("PHONE_NUMBER", phone)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_phone_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected


@pytest.mark.parametrize("separator", [" - ", " / ", ", "])
def test_two_phone_numbers_in_a_row_are_two_findings(findings, separator):
    text = f"Tél : 06 12 34 56 78{separator}01 42 68 53 00"
    assert findings(text) == [
        ("PHONE_NUMBER", "06 12 34 56 78"),
        ("PHONE_NUMBER", "01 42 68 53 00"),
    ]
