from __future__ import annotations

import pytest

from guard.recognizers import BicRecognizer

# fmt: off
FOUND = [
    pytest.param("BIC : BNPAFRPPXXX", "BNPAFRPPXXX", id="11 characters"),
    pytest.param("SWIFT BNPAFRPP", "BNPAFRPP", id="8 characters"),
    pytest.param("Code BIC/SWIFT de l'agence : CEPAFRPP751", "CEPAFRPP751", id="branch code"),
    pytest.param("Virement international, bic\u00a0: DEUTDEFF", "DEUTDEFF", id="lower-case label"),
]

NOT_FOUND = [
    pytest.param("BONJOURS MARKETING", [], id="upper-case words"),
    pytest.param("Banque : CREDIT AGRICOLE", [], id="bank name read as a bic"),
    pytest.param("Référence BNPAFRPPXXX", [], id="valid shape without context"),
    pytest.param("BIC : BNPAXXPP", [], id="unknown country"),
    pytest.param("BIC : BNPAFRPPX", [], id="9 characters"),
    pytest.param("BIC : bnpafrppxxx", [], id="lower case"),
    pytest.param("BIC : BNP4FRPP", [], id="digit in the bank code"),
    pytest.param("Indiquez le BIC et l'IBAN.", [], id="the bare words"),
]
# fmt: on


@pytest.mark.parametrize(("text", "code"), FOUND)
def test_bic_after_its_label_is_redacted(findings, text, code):
    assert findings(text) == [("BIC", code)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_bic_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected


@pytest.mark.parametrize("word", ["AGRICOLE", "PARISIEN", "FRANCAIS"])
def test_upper_case_word_of_bic_shape_stays_below_the_threshold(word):
    results = BicRecognizer().analyze(f"Le {word} du jour", ["BIC"])
    assert [r.score for r in results] == [pytest.approx(0.05)]


def test_bic_and_iban_are_both_redacted(findings):
    text = "IBAN FR76 3000 6000 0112 3456 7890 189, BIC BNPAFRPPXXX"
    assert findings(text) == [
        ("IBAN_CODE", "FR76 3000 6000 0112 3456 7890 189"),
        ("BIC", "BNPAFRPPXXX"),
    ]


IBAN = "FR76 1660 6921 5387 0723 6933 089"
COMPACT_IBAN = IBAN.replace(" ", "")


# fmt: off
@pytest.mark.parametrize(
    ("text", "iban", "code"),
    [
        pytest.param(f"IBAN {IBAN} (SOGEFRPP).", IBAN, "SOGEFRPP", id="in parentheses"),
        pytest.param(f"Virement sur {IBAN}, SOGEFRPPXXX", IBAN, "SOGEFRPPXXX", id="after a comma"),
        pytest.param(f"{IBAN} / NTSBDEB1XXX", IBAN, "NTSBDEB1XXX",
                     id="after a slash, foreign bank"),
        pytest.param(f"L'IBAN {COMPACT_IBAN} (SOGEFRPP)", COMPACT_IBAN, "SOGEFRPP",
                     id="compact iban"),
    ],
)
# fmt: on
def test_bic_right_after_a_valid_iban_needs_no_label(findings, text, iban, code):
    assert findings(text) == [("IBAN_CODE", iban), ("BIC", code)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Compte FR76 1660 6921 5387 0723 6933 088 (SOGEFRPP).", [],
                     id="wrong iban key"),
        pytest.param(f"IBAN {IBAN} et le code SOGEFRPP", [("IBAN_CODE", IBAN)],
                     id="words in between"),
        pytest.param("Commande 16606921538707 (SOGEFRPP)", [], id="after a number that is no iban"),
    ],
)
def test_bic_shape_after_no_valid_iban_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
