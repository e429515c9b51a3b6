from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

ENTITY = "FR_CNI"

# A passport number's shape (12AB34567), which the 9-character card format also covers.
PASSPORT_SHAPE = re.compile(r"\d\d[A-Z]{2}\d{5}")
# The words naming each document, as written before its number.
_DOCUMENT_WORDS = re.compile(
    r"(?i)\b(?:(?P<passport>passeports?|passports?)|(?P<cni>cni|identit[ée]|identity))\b"
)
# How far back the naming word is looked for: a label and a few words.
_LOOKBACK = 80


def nearest_document(text: str, start: int) -> str | None:
    """Which document the text names last before `start`: "passport", "cni", or None.

    "Pièce d'identité : passeport n° 12AB34567" names both; the nearer word wins.
    """
    last = None
    for match in _DOCUMENT_WORDS.finditer(text, max(0, start - _LOOKBACK), start):
        last = match.lastgroup
    return last


class FrCniRecognizer(PatternRecognizer):
    """Find French identity card numbers (CNI) next to an identity-card word."""

    # Neither format carries a key of its own (the check digit lives in the card's machine
    # readable zone), so a candidate is only plausible until the text names the card.
    PATTERNS = [
        Pattern(
            "cni before 2021",
            # 880692310285: issue year and month, department and office, then a serial number.
            r"(?-i:(?<![\w-])\d\d(?:0[1-9]|1[0-2])[0-9A-Z]{3}\d{5}(?![\w-]))",
            0.1,
        ),
        Pattern(
            "cni since 2021",
            # X4RTBPFW4: nine upper-case letters and digits, both present.
            r"(?-i:(?<![\w-])(?=[A-Z0-9]{0,8}\d)(?=[A-Z0-9]{0,8}[A-Z])[A-Z0-9]{9}(?![\w-]))",
            0.1,
        ),
    ]

    CONTEXT = ["cni", "identité", "identite", "identity"]

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

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run the patterns; a passport-shaped number is a card only if the card is named last."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [
            r
            for r in results
            if not PASSPORT_SHAPE.fullmatch(text[r.start : r.end])
            or nearest_document(text, r.start) == "cni"
        ]
