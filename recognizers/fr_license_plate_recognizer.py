from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

ENTITY = "FR_LICENSE_PLATE"

# SIV letters: I, O and U are never issued (read as 1, 0 and V), nor the pair SS.
_PAIR = r"(?!SS)[A-HJ-NP-TV-Z]{2}"
_SIV_NUMBER = r"(?!000)\d{3}"
# FNI departments: 01 to 95, Corsica's 2A and 2B, overseas 971 to 976.
_DEPARTMENT = r"(?:0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])"
_SPACE = r"[ \u00a0\u202f]"


def _plate(body: str) -> str:
    """Wrap a plate regex: upper case only, never glued to other letters, digits or dashes."""
    return rf"(?-i:(?<![\w-]){body}(?![\w-]))"


class FrLicensePlateRecognizer(PatternRecognizer):
    """Find French vehicle registration plates: SIV (AB-123-CD) and the older FNI (1234 AB 56)."""

    PATTERNS = [
        # The dashed SIV form is distinctive enough on its own.
        Pattern("siv", _plate(rf"{_PAIR}-{_SIV_NUMBER}-{_PAIR}"), 0.5),
        # AB 123 CD, AB123CD: also reference numbers, so only near a vehicle word.
        Pattern(
            "siv without dashes", _plate(rf"{_PAIR}{_SPACE}?{_SIV_NUMBER}{_SPACE}?{_PAIR}"), 0.1
        ),
        # 1234 AB 56, 123 ABC 75, 12 AB 2A, 123 AB 971 (dashes or spaces).
        Pattern(
            "fni",
            _plate(rf"\d{{1,4}}([ \u00a0\u202f-]?)[A-Z]{{1,3}}\1{_DEPARTMENT}"),
            0.1,
        ),
    ]

    # fmt: off
    CONTEXT = [
        "immat", "plaque", "véhicule", "vehicule", "voiture", "plate", "registration", "moto",
        "camion", "grise", "car", "vehicle", "rental", "van", "truck",
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
