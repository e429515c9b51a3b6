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
            # One separator kind throughout (space, no-break space, dot or dash, or none):
            # 732 829 320 00074, 732-829-320-00074, 732.829.320.00074, 73282932000074; the
            # NIC split as on some letterheads, 732 829 320 000 74; or the SIREN run together
            # and the NIC apart, 732829320 00074 or 732829320-00074.
            r"(?<!\w|\d[ \u00a0\u202f.,-])"
            r"(?:\d{3}([ \u00a0\u202f.-])\d{3}\1\d{3}\1(?:\d{5}|\d{3}\1\d{2})"
            r"|\d{9}[ \u00a0\u202f.-]?\d{5})"
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
