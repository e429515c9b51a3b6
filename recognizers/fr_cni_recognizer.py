from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

ENTITY = "FR_CNI"


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
