from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum.eu import vat
from stdnum.fr import tva

ENTITY = "FR_TVA"

_SEP = r"[ \u00a0\u202f.-]"
# Other member states' prefixes ("EL" for Greece, "XI" for Northern Ireland); France has its
# own pattern, strict enough to need no context.
_EU_PREFIXES = "|".join(
    sorted({"EL" if cc == "gr" else cc.upper() for cc in vat.MEMBER_STATES} - {"FR"})
)


class FrTvaRecognizer(PatternRecognizer):
    """Find French VAT numbers (n° TVA intracommunautaire), and other EU ones near a VAT word."""

    PATTERNS = [
        Pattern(
            "fr tva",
            # FR 40 303 265 045, FR40303265045, FRK7 399 859 412: a 2-character key, then a SIREN.
            rf"(?-i:(?<![\w-])FR{_SEP}?[0-9A-HJ-NP-Z]{{2}}"
            rf"{_SEP}?\d{{3}}{_SEP}?\d{{3}}{_SEP}?\d{{3}})(?!\w|{_SEP}\d)",
            0.3,
        ),
        Pattern(
            "eu vat",
            # DE 136 695 976, ATU57194903, NL004495445B01, ESB58378431, IE6388047V.
            rf"(?-i:(?<![\w-])(?:{_EU_PREFIXES}){_SEP}?"
            rf"[0-9A-Z]{{0,3}}(?:{_SEP}?\d){{6,12}}[0-9A-Z]{{0,3}})(?!\w|{_SEP}\d)",
            0.1,
        ),
    ]

    # Presidio matches context words as substrings of nearby words: short foreign labels
    # ("ust", "iva") would fire on "industrie" or "suivant".
    CONTEXT = ["tva", "vat", "intracom", "btw"]

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
        """Check the French key and SIREN; other EU numbers keep their low score when valid."""
        number = re.sub(r"[\W_]", "", pattern_text)
        if number.startswith("FR"):
            return bool(tva.is_valid(number))
        # A foreign number's check digit is weak (1 in 11 for some countries): valid, it still
        # needs a VAT word nearby to be redacted.
        return None if vat.is_valid(number) else False
