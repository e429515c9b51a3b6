from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.iso7064 import mod_97_10

ENTITY = "FR_RIB"

# The RIB key's letter values (A and J are 1, B, K and S are 2…): Banque de France's table.
_LETTER_VALUES = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789")

# Between fields: spaces, a tab or a table cell border ("|", ";").
_SEP = r"(?:[ \t\u00a0\u202f]{1,8}|[ \t\u00a0\u202f]{0,4}[|;-][ \t\u00a0\u202f]{0,4})"


def _is_valid_rib(rib: str) -> bool:
    """Check a compact RIB's 2-digit key (banque, guichet, compte, clé).

    python-stdnum has no RIB module. The key makes the 23-digit number, letters of the account
    replaced by their RIB values, a multiple of 97: stdnum's ISO 7064 mod 97 does the division.
    """
    if not re.fullmatch(r"\d{10}[0-9A-Z]{11}\d\d", rib):
        return False
    return mod_97_10.checksum(rib.translate(_LETTER_VALUES)) == 0


class FrRibRecognizer(PatternRecognizer):
    """Find French bank account details (RIB) whose key checks."""

    PATTERNS = [
        Pattern(
            "rib",
            # 30006 00001 12345678901 89, a table row "30006 | 00001 | 0500013M026 | 06", or the
            # 23 characters glued (never a slice of an IBAN: no letter or digit around).
            rf"(?<![\w-])\d{{5}}"
            rf"(?:{_SEP}\d{{5}}{_SEP}[0-9A-Z]{{11}}{_SEP}|\d{{5}}[0-9A-Z]{{11}})\d\d"
            r"(?![\w-]|[ \u00a0\u202f.,]\d)",
            0.3,
        ),
    ]

    # fmt: off
    CONTEXT = [
        "rib", "relevé", "releve", "guichet", "compte", "bancaire", "banque", "clé", "cle",
        "virement", "domiciliation",
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
        """Check the RIB key."""
        return _is_valid_rib(re.sub(r"[^0-9A-Za-z]", "", pattern_text).upper())
