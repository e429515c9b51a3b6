from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .fr_cni_recognizer import nearest_document

ENTITY = "FR_PASSPORT"


class FrPassportRecognizer(PatternRecognizer):
    """Find French passport numbers next to a passport word."""

    PATTERNS = [
        Pattern(
            "passport",
            # 12AB34567: two digits, two upper-case letters, five digits. No key of its own,
            # and product references share the shape: the text must name the passport.
            r"(?-i:(?<![\w-])\d\d[A-Z]{2}\d{5}(?![\w-]))",
            0.1,
        ),
    ]

    CONTEXT = ["passeport", "passport"]

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
        """Run the pattern, leaving to the identity card a number written right after its name."""
        # The 9-character identity card shares the shape: "Passeport : …, CNI : 12AB34567".
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if nearest_document(text, r.start) != "cni"]
