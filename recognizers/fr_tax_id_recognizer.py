from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.fr import nif

ENTITY = "FR_TAX_ID"


class FrTaxIdRecognizer(PatternRecognizer):
    """Find French tax numbers (numéro fiscal de référence, SPI) next to a tax word."""

    PATTERNS = [
        Pattern(
            "spi",
            # 30 23 217 600 053 (the tax notice's grouping), 3023217600053: 13 digits from 0 to 3.
            r"(?<!\w|\d[ \u00a0\u202f.,-])[0-3](?:[ \u00a0\u202f]?\d){12}"
            r"(?!\w|[ \u00a0\u202f.,-]\d)",
            0.1,
        ),
    ]

    # fmt: off
    # Presidio matches these as substrings of the nearby words ("fiscal" in "fiscale", "tax"
    # in "taxe", "impos" words in "imposable"). The mod-511 key keeps the loose ones ("avis")
    # safe: a random 13-digit number passes it once in 511.
    CONTEXT = [
        "fiscal", "fiscaux", "spi", "nif", "impots", "impôts", "impot", "impôt", "imposition",
        "imposable", "avis", "contribuable", "déclarant", "declarant", "tax", "dgfip",
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

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop numbers whose mod-511 key is wrong; valid ones still need a tax word nearby."""
        # Not True: 13 digits with a 3-digit key are too common to redact without context.
        return None if nif.is_valid(re.sub(r"\D", "", pattern_text)) else False
