from __future__ import annotations

from collections.abc import Iterator

import phonenumbers
from presidio_analyzer import Pattern

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer, everywhere, find_all, matches_at

ENTITY = "PHONE_NUMBER"

# A national number ("0…") is read as metropolitan France first, then as each overseas
# department with its own numbering plan (Réunion, Mayotte, Guadeloupe, Martinique, Guyane).
_NATIONAL_REGIONS = ("FR", "RE", "YT", "GP", "MQ", "GF")

# Separators, non-breaking spaces included (French typography groups digits with them).
_SEP = r"[ \u00a0\u202f.-]"
# Not glued to a word, nor to another digit group: a phone-like run inside a SIRET, IBAN or
# card number is part of that number. Nor the tail of an IBAN whose groups hold letters
# ("NL91 ABNA 0417 1643 00"), a Belgian VAT number ("BE 0123.456.789"), or a URL's path or
# query ("…/commande/0612345678", "?tel=0612345678"), which their own recognizers cover.
_BEFORE = (
    rf"(?<!\w|\d{_SEP}|[=?&#]|[A-Za-z]/)"
    r"(?-i:(?<!\b[A-Z]{2}\d\d(?:[ \u00a0\u202f][A-Z0-9]{4}){0,7}[ \u00a0\u202f]"
    r"|\bBE[ \u00a0\u202f.-]?))"
)
_AFTER = rf"(?!\w|{_SEP}\d)"
# A country code, maybe in parentheses: +33, 0033, (+33).
_COUNTRY = r"(?:\((?:\+|00)[1-9]\d{0,2}\)|(?:\+|00)[1-9]\d{0,2})"


class PhoneRecognizer(WindowedPatternRecognizer):
    """Find phone numbers, French formats first, and keep only those phonenumbers says are valid."""

    PATTERNS = [
        # 06 12 34 56 78, 06.12.34.56.78, 0612345678, 0 800 123 456, 0262 12 34 56
        Pattern("national", _BEFORE + rf"0{_SEP}?[1-9](?:{_SEP}?\d){{8}}" + _AFTER, 0.3),
        # 06/12/34/56/78, as some forms and letterheads write it; pairs only, never a date.
        Pattern("national with slashes", _BEFORE + r"(?<!\d/)0[1-9](?:/\d\d){4}(?!\w|/\d)", 0.3),
        # +33 6 12 34 56 78, +33 (0)6 12 34 56 78, (+33) 6…, 0033 6…, +262 692…,
        # +44 20 7946 0958, +1 (415) 555-0132: one group in parentheses at most.
        Pattern(
            "international",
            _BEFORE + _COUNTRY + rf"(?:{_SEP}?\(\d{{1,4}}\))?(?:{_SEP}?\d){{4,13}}" + _AFTER,
            0.3,
        ),
    ]

    # fmt: off
    CONTEXT = [
        "tél", "tel", "téléphone", "telephone", "portable", "mobile", "phone", "fax", "appeler",
        "appelez", "joindre", "numéro", "numero", "standard", "whatsapp", "sms",
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

    def matcher(self, text: str) -> Matcher:
        """International numbers tried only where a country code can open: "+", "00" or "(" before them."""
        international = self.PATTERNS[2].regex
        return lambda pattern, compiled: (
            matches_at(compiled, text, _country_code_starts(text))
            if pattern.regex == international
            else everywhere(compiled, text)
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Keep the candidate only if it is a valid number in some numbering plan."""
        text = " ".join(pattern_text.split())  # phonenumbers refuses U+202F
        for region in ("FR",) if text.startswith(("+", "00")) else _NATIONAL_REGIONS:
            try:
                number = phonenumbers.parse(text, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return True
        return False


def _country_code_starts(text: str) -> Iterator[int]:
    """Where a country code can start, in order: at each "+" or "00", or at a "(" just before one."""
    signs = {*find_all(text, "+"), *find_all(text, "00")}
    return iter(sorted({start for sign in signs for start in (sign - 1, sign) if start >= 0}))
