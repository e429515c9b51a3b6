from __future__ import annotations

import re
from collections import defaultdict

import regex
from presidio_analyzer import Pattern
from stdnum import iban, numdb

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer, everywhere, matches_at

ENTITY = "IBAN_CODE"


def _iban_regex() -> str:
    """One alternative per IBAN length, from stdnum's copy of the SWIFT IBAN registry.

    The exact length stops the match before a short word that follows the IBAN
    ("… 0005 1332 et …"), which a loose "groups of up to 4" regex would swallow.
    """
    by_length: defaultdict[int, list[str]] = defaultdict(list)
    for _, country, _, props, _ in numdb.get("iban").prefixes:
        # A BBAN structure reads like "5!n5!n11!c2!n": the numbers are field lengths.
        length = sum(int(n) for n in re.findall(r"(\d+)!", props.get("bban", "")))
        if length:
            by_length[length].append(country)
    alternatives = [
        rf"(?:{'|'.join(sorted(countries))})\d\d(?:[ \u00a0\u202f-]?[a-z0-9]){{{length}}}"
        for length, countries in sorted(by_length.items())
    ]
    return r"(?i)\b(?=[a-z]{2}\d\d)(?:" + "|".join(alternatives) + r")(?![a-z0-9])"


# Where an IBAN can start: a country code and check digits. Two such places never overlap, so
# finditer finds them all, and far faster than the whole IBAN regex tried everywhere.
_IBAN_START = regex.compile(r"(?i)[a-z]{2}\d\d")


class IbanRecognizer(WindowedPatternRecognizer):
    """Find IBANs of every country, grouped or not, and keep those whose check digits are right."""

    PATTERNS = [Pattern("iban", _iban_regex(), 0.3)]

    CONTEXT = ["iban", "rib", "virement", "compte", "bancaire", "banque", "bank", "account"]

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
        """The IBAN regex tried only where its opening lookahead, two letters and two digits, holds."""
        own = self.PATTERNS[0].regex
        return lambda pattern, compiled: (
            matches_at(compiled, text, (m.start() for m in _IBAN_START.finditer(text)))
            if pattern.regex == own
            else everywhere(compiled, text)
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Check the mod-97 check digits and the country's BBAN format."""
        # One case throughout: "LV80 bANK 0000 4351 9500 1" is text that happens to checksum.
        if not (pattern_text.isupper() or pattern_text.islower()):
            return False
        # check_country=False: stdnum's country checks also look the bank up in bundled lists
        # that are incomplete (they refuse BE68 5390 0754 7034, a textbook Belgian IBAN).
        return bool(iban.is_valid(re.sub(r"[\W_]", "", pattern_text), check_country=False))
