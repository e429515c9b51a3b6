from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer
from stdnum import luhn
from stdnum.fr import nir, siret

ENTITY = "CREDIT_CARD"

# fmt: off
# Issuer prefixes and the lengths they issue. French "CB" cards are co-branded Visa or
# Mastercard, so they carry those prefixes.
_ISSUERS: tuple[tuple[re.Pattern[str], tuple[int, ...]], ...] = (
    (re.compile(r"4"), (13, 16, 19)),                                            # Visa
    (re.compile(r"5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)"), (16,)),  # Mastercard
    (re.compile(r"3[47]"), (15,)),                                               # Amex
    (re.compile(r"3(?:0[0-5]|[689])"), (14, 16, 17, 18, 19)),                    # Diners
    (re.compile(r"1"), (15,)),                                                   # UATP
    # Discover, UnionPay, Maestro, JCB
    (re.compile(r"6|5[06-8]|35(?:2[89]|[3-8]\d)"), (16, 17, 18, 19)),
)
# fmt: on


def _grouped(sep: str) -> str:
    """Groups joined by one separator (4-4-4-4, Amex 4-6-5…), never a slice of a longer run."""
    return (
        rf"(?<!\w|\d[.,]|\d{sep})\d{{4}}{sep}\d{{4,6}}{sep}\d{{4,5}}(?:{sep}\d{{1,4}}){{0,2}}"
        rf"(?!\w|{sep}\d|[.,]\d)"
    )


class CreditCardRecognizer(PatternRecognizer):
    """Find payment card numbers, 13 to 19 digits with a known issuer prefix and a Luhn key."""

    PATTERNS = [
        Pattern("card", r"(?<!\w|\d[.,])\d{13,19}(?!\w|[.,]\d)", 0.3),
        Pattern("card with spaces", _grouped(r"[ \u00a0\u202f]"), 0.3),
        Pattern("card with dashes", _grouped("-"), 0.3),
    ]

    CONTEXT = ["carte", "cb", "visa", "mastercard", "amex", "card", "paiement", "bancaire"]

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
        """Check the Luhn key and that an issuer uses this prefix for this length."""
        digits = re.sub(r"\D", "", pattern_text)
        if not luhn.is_valid(digits):
            return False
        # 14 and 15 digits starting like Diners or UATP may be a SIRET or a NIR, which
        # their own recognizers name more precisely.
        if siret.is_valid(digits) or nir.is_valid(digits):
            return False
        return any(
            prefix.match(digits) and len(digits) in lengths for prefix, lengths in _ISSUERS
        )
