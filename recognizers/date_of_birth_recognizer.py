from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer, everywhere, matches_at, windows

ENTITY = "DATE_OF_BIRTH"

# fmt: off
_MONTHS = {
    "janvier": 1, "janv": 1, "january": 1, "jan": 1, "février": 2, "fevrier": 2, "févr": 2,
    "fevr": 2, "fév": 2, "fev": 2, "february": 2, "feb": 2, "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "avr": 4, "april": 4, "apr": 4, "mai": 5, "may": 5, "juin": 6, "june": 6,
    "jun": 6, "juillet": 7, "juil": 7, "july": 7, "jul": 7, "août": 8, "aout": 8, "august": 8,
    "aug": 8, "septembre": 9, "september": 9, "sept": 9, "sep": 9, "octobre": 10, "october": 10,
    "oct": 10, "novembre": 11, "november": 11, "nov": 11, "décembre": 12, "decembre": 12,
    "december": 12, "déc": 12, "dec": 12,
}
# fmt: on
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1[89]|20)\d\d"
_SP = r"[ \u00a0\u202f]"
_BEFORE = r"(?<!\w|\d[/.-])"
_AFTER = r"(?!\w|[/.-]\d)"

# Presidio's own context step, mirrored: what a nearby context word adds, and the floor it sets.
_CONTEXT_BOOST = 0.35
_CONTEXT_FLOOR = 0.4
# Between the birth word and the date: at most 60 characters, and no other number, sentence
# end or blank line ("né le 3/2/1990 à Lyon, marié le 4/5/2015" has one date of birth).
_GAP = r"(?:[^\d.!?;\n]|\n(?![ \t]*\n)|\.(?=\w|[ \t]*:)){0,60}"


class DateOfBirthRecognizer(WindowedPatternRecognizer):
    """Find dates of birth: real dates, French or English, right after a birth word."""

    PATTERNS = [
        # 14/02/1990, 14.02.1990, 14-02-1990 (one separator throughout).
        Pattern("numeric", rf"{_BEFORE}{_DAY}([/.-])(?:0?[1-9]|1[0-2])\1{_YEAR}{_AFTER}", 0.05),
        Pattern(
            "iso", rf"{_BEFORE}{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]){_AFTER}", 0.05
        ),
        # 14 février 1990, 1er mars 1985, 3 March 1990, 3rd of March, 1990.
        Pattern(
            "day month year",
            rf"(?<!\w)(?:1er|{_DAY}(?:st|nd|rd|th)?){_SP}(?:of{_SP})?{_MONTH},?{_SP}{_YEAR}(?!\w)",
            0.05,
        ),
        # March 3, 1990, Mar. 3rd 1990.
        Pattern(
            "month day year",
            rf"(?<!\w){_MONTH}{_SP}{_DAY}(?:st|nd|rd|th)?,?{_SP}{_YEAR}(?!\w)",
            0.05,
        ),
    ]

    # Matched as whole words (see enhance_using_context), so "signé le 12/03/2024" is no birth.
    # fmt: off
    CONTEXT = [
        "né", "née", "nés", "nées", "naissance", "naiss", "ddn", "dob", "d.o.b", "born",
        "birth", "birthday", "birthdate",
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
        words = "|".join(re.escape(word) for word in sorted(self.context, key=len, reverse=True))
        self._birth_phrase = re.compile(rf"(?<!\w)(?:{words})(?!\w){_GAP}\Z", re.IGNORECASE)

    def matcher(self, text: str) -> Matcher:
        """The dates that end with a year tried only in the few characters before each year."""
        years: list[int] | None = None

        def matches(pattern: Pattern, compiled: regex.Pattern[str]) -> Iterable[regex.Match[str]]:
            nonlocal years
            reach = _BEFORE_THE_YEAR.get(pattern.regex)
            if reach is None:
                return everywhere(compiled, text)
            years = years if years is not None else [m.start() for m in _YEAR_ANYWHERE.finditer(text)]
            separators = reach[0]  # the character right before the year
            anchors = (at for at in years if at > 0 and text[at - 1] in separators)
            return matches_at(compiled, text, windows(anchors, reach[1], 0, len(text)))

        return matches

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop impossible or future dates; real ones still need a birth word before them."""
        date = _parse_date(pattern_text)
        return None if date is not None and date <= dt.date.today() else False

    def enhance_using_context(
        self,
        text: str,
        raw_recognizer_results: list[RecognizerResult],
        other_raw_recognizer_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts,
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        """Raise the dates that follow a birth word, matched whole.

        Presidio's own context step matches substrings of nearby words, and too many French
        words hold "né" ("signé", "journée", "année"), so every date is marked as handled here.
        """
        for result in raw_recognizer_results:
            window = text[max(0, result.start - 80) : result.start]
            if self._birth_phrase.search(window):
                result.score = min(max(result.score + _CONTEXT_BOOST, _CONTEXT_FLOOR), 1.0)
            result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return raw_recognizer_results


# Every year the patterns end with, each followed by no word character as they require. Two
# never overlap, so finditer finds them all.
_YEAR_ANYWHERE = regex.compile(rf"{_YEAR}(?!\w)")
# For the patterns that end with a year: the character before it, and how far before it the
# date starts at most ("14/02/" is 6 characters, "12th of September, " 20; with room to spare).
_BEFORE_THE_YEAR = {
    DateOfBirthRecognizer.PATTERNS[0].regex: ("/.-", 8),
    DateOfBirthRecognizer.PATTERNS[2].regex: (" \u00a0\u202f", 24),
    DateOfBirthRecognizer.PATTERNS[3].regex: (" \u00a0\u202f", 24),
}


def _parse_date(text: str) -> dt.date | None:
    """The calendar date a matched text names, or None when no such day exists."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    month_name = re.search(r"[^\W\d_]{3,}", text.lower().replace("1er", "1"))
    if month_name and month_name.group() in _MONTHS:
        day, year = numbers[0], numbers[-1]
        month = _MONTHS[month_name.group()]
    elif numbers[0] > 31:
        year, month, day = numbers
    else:
        day, month, year = numbers
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
