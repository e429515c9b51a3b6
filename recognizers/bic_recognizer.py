from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from stdnum import bic, iban

ENTITY = "BIC"

# An IBAN ending just before the code, then a few separators: "FR76 … 089 (SOGEFRPP)",
# "FR76…189, BNPAFRPP", "FR76…189 / BNPAFRPP".
_IBAN_JUST_BEFORE = re.compile(
    r"(?i)\b([a-z]{2}\d\d(?:[ \u00a0\u202f-]?[a-z0-9]){10,34})"
    r"[ \u00a0\u202f(\[,;:/|\u2013\u2014-]{1,4}$"
)
# How far back the IBAN may start: 34 characters and their group separators, then the gap.
_IBAN_LOOKBACK = 52
# The score of a code written right after a valid IBAN, as if "BIC" preceded it.
_AFTER_IBAN_SCORE = 0.6


class BicRecognizer(PatternRecognizer):
    """Find bank identifier codes (BIC, SWIFT) when the text names them."""

    PATTERNS = [
        Pattern(
            "bic",
            # BNPAFRPP, BNPAFRPPXXX: bank, country, location, optional branch. Many upper-case
            # words share the shape ("AGRICOLE" reads as bank AGRI in Colombia), so the score
            # stays under the threshold until "BIC" or "SWIFT" comes within a few words.
            r"(?-i:(?<![\w-])[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![\w-]))",
            0.05,
        ),
    ]

    CONTEXT = ["bic", "swift"]

    def __init__(
        self,
        *,
        supported_language: str = "fr",
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
    ) -> None:
        super().__init__(
            supported_entity=ENTITY,
            supported_language=supported_language,
            patterns=patterns if patterns is not None else list(self.PATTERNS),
            context=context if context is not None else list(self.CONTEXT),
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop codes whose country is not ISO 3166; valid ones still need "BIC" or "SWIFT"."""
        return None if bic.is_valid(pattern_text) else False

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run the pattern; a code written right after a valid IBAN needs no label."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            if result.score < _AFTER_IBAN_SCORE and _follows_an_iban(text, result.start):
                result.score = _AFTER_IBAN_SCORE
        return results


def _follows_an_iban(text: str, start: int) -> bool:
    """Whether a valid IBAN ends a few separators before `start`."""
    match = _IBAN_JUST_BEFORE.search(text, max(0, start - _IBAN_LOOKBACK), start)
    if match is None:
        return False
    number = re.sub(r"[^0-9A-Za-z]", "", match.group(1)).upper()
    return bool(iban.is_valid(number, check_country=False))
