"""The windowed recognizers find exactly what Presidio's own pattern loop finds, only faster."""

from __future__ import annotations

import random

import pytest
from presidio_analyzer import PatternRecognizer, RecognizerResult

from guard.recognizers import (
    DateOfBirthRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpAddressRecognizer,
    PhoneRecognizer,
    SecretRecognizer,
    UrlRecognizer,
)
from guard.recognizers.windowed_pattern_recognizer import WindowedPatternRecognizer

# Pieces that open, close or nearly make every windowed pattern: labels in every case (the
# Kelvin sign, "ſ" and "İ" fold to ASCII letters), values, separators, dates, addresses, hosts.
# fmt: off
PIECES = [
    "secret_access_key=", 'SecretAccessKey: "', "jean@ex.fr", "a.b@c.de", "x@y", "10.0.0.1", "Mot de passe : ",
    "le mot de passe est ", "the VPN password is ", "mdp=", 'API_KEY="', "mot de passe", "Mot-de-passe",
    "mot\u00a0de passe", "MDP", "pwd", "PASSWORD", "passwd", "passphrase", " : ", "=", ":", '"', "'", " est ",
    " c'est ", " pas ", "Soleil2024!", "hunter2", "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE", "api_key", "API-KEY",
    "token", "Bearer ", "credentials", "authorization", "AWS_SECRET_ACCESS_KEY",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "İ", "ſ", "\u212a", " ", "  ", "\n", "\u00a0", "\u202f", ".",
    "@", "jean.dupont", "exemple.fr", "x", "12/03/1990", "14.02.1990", "3-2-2001", "14 février 1990",
    "March 3, 1990", "Mar. 3rd 1990", "1er mars 1985", "3rd of March, 1990", "né le ", "1990", "/", "-",
    "2001:db8::1", "::1", "12:30:45", "fe80::", "FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189",
    "GB82 WEST 1234 5698 7654 32", "+33 6 12 34 56 78", "0033 6 12 34 56 78", "(+33) 6 12 34 56 78",
    "06 12 34 56 78", "+1 (415) 555-0132", "www.veloria.fr", "https://a.b/c?token=abc123def456ghi",
    "linkedin.com/in/x", "a-b.c-d.fr", "00", "+", "(", ")", "0123456789abcdef0123456789abcdef", "ntn_",
    "secret_", "_", "%", "//", "?", "é", "«", "»", "?pwd=", "le mot de passe du nouveau routeur wifi-principal ? c'est désormais ",
    '"Authorization": "Bearer ', "private-key = token ",
]
# fmt: on
RECOGNIZERS = [
    SecretRecognizer, UrlRecognizer, IbanRecognizer, EmailRecognizer, IpAddressRecognizer,
    DateOfBirthRecognizer, PhoneRecognizer,
]  # fmt: skip


def _texts() -> list[str]:
    rng = random.Random(20261123)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    # Dense anchors, where the windows give way to the plain scan.
    texts += [piece * (4000 // len(piece)) for piece in ("a@", "1.", '":\'', "FR76", "password=", "mdp : x1 ")]
    return texts


def _found(results: list[RecognizerResult]) -> list[tuple[str, int, int, float, str | None]]:
    return sorted(
        (r.entity_type, r.start, r.end, r.score, r.analysis_explanation and r.analysis_explanation.pattern_name)
        for r in results
    )


@pytest.mark.parametrize("recognizer_class", RECOGNIZERS, ids=lambda c: c.__name__)
def test_windowed_patterns_find_what_presidio_finds(recognizer_class: type[WindowedPatternRecognizer]) -> None:
    recognizer = recognizer_class()
    entities = recognizer.supported_entities
    found_any = False
    for text in _texts():
        windowed = _found(WindowedPatternRecognizer.analyze(recognizer, text, entities))
        assert windowed == _found(PatternRecognizer.analyze(recognizer, text, entities)), text
        found_any = found_any or bool(windowed)
    assert found_any  # the texts exercise this recognizer's patterns
