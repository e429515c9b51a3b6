from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.fr import siret

ENTITY = "FR_SIRET"


class FrSiretRecognizer(PatternRecognizer):
    """Find French establishment numbers (SIRET), 14 digits whose key stdnum confirms."""

    PATTERNS = [
        Pattern(
            "siret",
            # 732 829 320 00074 (or non-breaking spaces), 732.829.320.00074 or 73282932000074,
            # one separator throughout.
            r"(?<!\w|\d[ \u00a0\u202f.,-])\d{3}([ \u00a0\u202f.]?)\d{3}\1\d{3}\1\d{5}"
            r"(?!\w|[ \u00a0\u202f.,-]\d)",
            0.3,
        ),
    ]

    CONTEXT = ["siret", "établissement", "etablissement", "siège", "siege", "entreprise"]

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
        """Check the Luhn key (or La Poste's digit-sum rule) and the embedded SIREN."""
        return bool(siret.is_valid(re.sub(r"\D", "", pattern_text)))
