from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.fr import siren

ENTITY = "FR_SIREN"


class FrSirenRecognizer(PatternRecognizer):
    """Find French company numbers (SIREN), 9 digits whose Luhn key stdnum confirms."""

    PATTERNS = [
        Pattern(
            "siren",
            # 732 829 320 (or non-breaking spaces), 732.829.320, 732-829-320 or 732829320, one
            # separator. The lookarounds refuse a run glued to more digits, so the first 9
            # digits of a SIRET ("732 829 320 00074") or of a TVA number are not a SIREN on
            # their own, nor are the digits after a phone's "+33 (0)".
            r"(?<!\w|\d[ \u00a0\u202f.,-]|\(0\))\d{3}([ \u00a0\u202f.-]?)\d{3}\1\d{3}"
            r"(?!\w|[ \u00a0\u202f.,-]\d)",
            0.3,
        ),
    ]

    # fmt: off
    CONTEXT = [
        "siren", "rcs", "entreprise", "société", "societe", "immatriculation", "immatriculée",
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
        """Check the Luhn key."""
        return bool(siren.is_valid(re.sub(r"\D", "", pattern_text)))
