from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.fr import nir

ENTITY = "FR_NIR"

# American Express's grouping, 4-6-5: a card, never a NIR.
_AMEX_GROUPS = re.compile(r"\d{4}[ \u00a0\u202f.-]\d{6}[ \u00a0\u202f.-]\d{5}")


class FrNirRecognizer(PatternRecognizer):
    """Find French social security numbers (NIR), 13 characters and a mod-97 key stdnum confirms."""

    PATTERNS = [
        Pattern(
            "nir",
            # sex, year, month, department (2A/2B for Corsica), then commune, order and key
            # in any grouping: 1 85 05 78 006 084 91, 185057800608491, 2 53 07 2B 073 004 70.
            r"(?i)(?<!\w|\d[ \u00a0\u202f.,-])[1-478](?:[ \u00a0\u202f.]?\d){4}[ \u00a0\u202f.]?"
            r"(?:\d\d|2[ab])(?:[ \u00a0\u202f.]?\d){8}(?!\w|[ \u00a0\u202f.,-]\d)",
            0.3,
        ),
    ]

    # fmt: off
    CONTEXT = [
        "nir", "sécurité", "securite", "sociale", "sécu", "secu", "insee", "ssn",
        "assuré", "assure", "vitale",
    ]
    # fmt: on

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

    def validate_result(self, pattern_text: str) -> bool:
        """Check the 2-digit mod-97 key (Corsican departments included)."""
        if _AMEX_GROUPS.fullmatch(pattern_text):  # 3738 922279 45317 is a card written as such
            return False
        return bool(nir.is_valid(re.sub(r"[\W_]", "", pattern_text)))
