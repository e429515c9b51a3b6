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
