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
    (re.compile(r"1"), (15,)),                                                   # UATP (airlines)
    # Discover, UnionPay, Maestro, JCB
    (re.compile(r"6|5[06-8]|35(?:2[89]|[3-8]\d)"), (16, 17, 18, 19)),
)
# fmt: on
# The head of a man's NIR: sex 1, birth year, birth month.
_NIR_LIKE = re.compile(r"1\d\d(?:0[1-9]|1[0-2])")
# Amex's grouping, 4-6-5, which no French identifier uses.
_AMEX_GROUPS = re.compile(r"\d{4}\D\d{6}\D\d{5}")


def _grouped(sep: str) -> str:
    """Groups joined by one separator (4-4-4-4, Amex 4-6-5…), never a slice of a longer run.

    A run of groups is one number: "1234 4111 1111 1111 1111" holds no card. A number written
    with another separator, or run together, is a neighbour, not part of the run: in
    "4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881" each card stands alone.
    """
    return (
        rf"(?<!\w|\d[.,-]|(?<![\d-])\d{{1,6}}{sep})"
        rf"\d{{4}}{sep}\d{{4,6}}{sep}\d{{4,5}}(?:{sep}\d{{1,4}}){{0,2}}"
        rf"(?!\w|[.,-]\d|{sep}\d{{1,6}}(?![\d-]))"
    )


class CreditCardRecognizer(PatternRecognizer):
    """Find payment card numbers, 13 to 19 digits with a known issuer prefix and a Luhn key."""

    PATTERNS = [
        Pattern("card", r"(?<!\w|\d[.,])\d{13,19}(?!\w|[.,]\d)", 0.3),
        Pattern("card with spaces", _grouped(r"[ \u00a0\u202f]"), 0.3),
        Pattern("card with dashes", _grouped("-"), 0.3),
    ]

    # fmt: off
    CONTEXT = [
        "carte", "cb", "visa", "mastercard", "amex", "card", "paiement", "bancaire", "uatp",
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
        """Check the Luhn key and that an issuer uses this prefix for this length."""
        digits = re.sub(r"\D", "", pattern_text)
        if not luhn.is_valid(digits):
            return False
        # 14 and 15 digits starting like Diners, Amex or UATP may be a SIRET or a NIR, which
        # their own recognizers name more precisely; Amex's own grouping settles it.
        amex_groups = _AMEX_GROUPS.fullmatch(pattern_text) is not None
        if siret.is_valid(digits) or (nir.is_valid(digits) and not amex_groups):
            return False
        if not any(prefix.match(digits) and len(digits) in lengths for prefix, lengths in _ISSUERS):
            return False
        # A UATP card is 15 digits starting with 1, like a man's NIR: one that reads as a NIR
        # with a wrong key (a birth month in 4th and 5th place) needs a card word nearby.
        return None if _NIR_LIKE.match(digits) else True
