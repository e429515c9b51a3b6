from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

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
