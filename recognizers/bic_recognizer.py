from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum import bic

ENTITY = "BIC"


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
