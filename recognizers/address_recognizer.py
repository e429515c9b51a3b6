from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import regex
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer

ENTITY = "ADDRESS"

_SP = r"[ \u00a0\u202f]"
# Between the parts of an address: a comma, a line break (letter heads, signatures), a dash
# ("BP 123 – 75001 Paris") or spaces.
_LINK = (
    rf"(?:{_SP}*[,;]{_SP}*(?:\r?\n[ \t\u00a0]*)?|{_SP}*\r?\n[ \t\u00a0]*"
    rf"|{_SP}{{1,3}}[-–—]{_SP}{{1,3}}|{_SP}{{1,3}})"
)

# 12, 12 bis, 12B, 12-14, then maybe a comma before the street type.
_NUMBER = (
    rf"\d{{1,4}}(?:[a-d](?!\w)|{_SP}?(?:bis|ter|quater)(?!\w))?(?:[-/]\d{{1,4}}(?!\d))?"
    rf"{_SP}{{0,2}},?{_SP}{{0,2}}"
)
# fmt: off
_STREET_TYPES = [
    "rue", "ruelle", "avenue", "av", "ave", "boulevard", "bd", "bld", "blvd", "allée", "allee",
    "chemin", "impasse", "imp", "place", "pl", "quai", "cours", "route", "rte", "lieu-dit",
    "lieudit", "square", "sq", "passage", "voie", "rond-point", "faubourg", "fbg", "hameau",
    "résidence", "residence", "chaussée", "chaussee", "sentier", "parvis", "promenade",
    "esplanade", "cité", "cite", "montée", "montee", "traverse", "venelle", "villa",
    "lotissement", "domaine",
]
_COMPLEMENT_TYPES = [
    "bâtiment", "batiment", "bât", "bat", "immeuble", "imm", "étage", "etage", "appartement",
    "appart", "appt", "apt", "résidence", "residence", "rés", "res", "escalier", "esc", "porte",
    "entrée", "entree", "logement", "lot",
]
# fmt: on


def _one_of(words: list[str]) -> str:
    """An alternation of whole words, longest first, each maybe abbreviated with a dot.

    It opens with a look at the first letter: the regex module would otherwise try every word
    after each number of the text, which took half of this recognizer's time."""
    first_letters = "".join(sorted({word[0] for word in words}))
    return rf"(?=[{first_letters}])(?:{'|'.join(sorted(words, key=len, reverse=True))})\.?(?!\w)"


# Words of a name: "de la", "d'", "du 8 Mai 1945", "St. Jacques", "Général-de-Gaulle". The
# word tails are possessive: a word never gives letters back, which keeps the regex fast.
_PARTICLES = rf"(?:(?:de|du|des|la|le|les|aux?|sur|sous|en|et|à){_SP}{{1,2}}|[dl]['’]){{0,3}}"
_DOT = r"(?:(?<=(?<!\w)(?:st|ste|gal|gén|mal|dr|pr|mgr|pdt|av))\.)?"
_CAPITAL_WORD = rf"(?-i:[A-ZÀ-ÖØ-Þ])[\w'’-]{{0,30}}+{_DOT}"
_ANY_WORD = rf"[^\W\d_][\w'’-]{{0,30}}+{_DOT}"
_NUMBER_WORD = r"(?:\d{1,2}(?:er)?|1[5-9]\d\d|20[0-2]\d)(?!\d)"


def _name(word: str) -> str:
    """A street name: up to eight words on one line, particles between them."""
    return rf"{_PARTICLES}{word}(?:{_SP}{{1,2}}{_PARTICLES}(?:{word}|{_NUMBER_WORD})){{0,7}}"


# Before a postal code the name may be in lower case ("12 rue de la paix 75002 Paris"), and it
# is atomic: it never gives words back, since none of its words is a postal code or a comma.
_STREET = rf"(?:{_NUMBER})?{_one_of(_STREET_TYPES)}{_SP}{{1,2}}(?>{_name(_ANY_WORD)})"

# Bât. B, 3e étage, Appt 12, Résidence Les Jardins, Escalier C.
_COMPLEMENT = (
    rf"(?:\d{{1,2}}(?:e|er|ère|ème|eme){_SP}{{1,2}})?{_one_of(_COMPLEMENT_TYPES)}"
    rf"(?:{_SP}{{1,2}}(?:n°{_SP}?)?[\w'’-]{{1,25}}+){{0,4}}"
)
_POSTAL_BOX = rf"(?-i:B\.?P\.?|CS|TSA){_SP}?\d{{1,6}}(?!\d)"
# 75002 Paris, 13100 Aix-en-Provence, 59650 Villeneuve-d'Ascq, 42000 St-Étienne, Lyon 3e,
# then CEDEX and its number.
_CITY_PARTICLES = r"(?:sur|sous|en|lès|ès|les|lez|le|la|de|du|des|aux?|et)"
# "à" only inside a hyphenated name (Pointe-à-Pitre): "69003 Lyon à Marseille" names two towns.
_CITY_JOIN = rf"(?:-à-|(?:{_SP}|-)(?:{_CITY_PARTICLES}(?:{_SP}|-)|[dl]['’]){{0,2}})"
_CITY_WORD = r"(?!cedex(?!\w))(?-i:[A-ZÀ-ÖØ-Þ])[\w'’]{0,30}+"
_POSTAL_CODE_AND_CITY = (
    rf"(?<!\d)(?:0[1-9]|[1-8]\d|9[0-8])\d{{3}}{_SP}{{1,2}}"
    rf"{_CITY_WORD}(?:{_CITY_JOIN}{_CITY_WORD}){{0,4}}"
    rf"(?:{_SP}\d{{1,2}}(?:e|er|ème|eme)(?!\w))?"
    rf"(?:{_SP}{{1,2}}cedex(?:{_SP}{{1,2}}\d{{1,3}})?)?(?!\w)"
)


class AddressRecognizer(WindowedPatternRecognizer):
    """Find French postal addresses as one span, from the street number to the city and CEDEX."""

    PATTERNS = [
        Pattern(
            "street, postal code and city",
            # Up to two complements before the street and five after it, then maybe a
            # postal box, then the postal code and the city: one line or a letter head.
            rf"(?<!\w)(?:{_COMPLEMENT}{_LINK}){{0,2}}{_STREET}(?:{_LINK}{_COMPLEMENT}){{0,5}}"
            rf"(?:{_LINK}{_POSTAL_BOX})?{_LINK}{_POSTAL_CODE_AND_CITY}",
            0.8,
        ),
        Pattern(
            "postal box and city", rf"(?<!\w){_POSTAL_BOX}{_LINK}{_POSTAL_CODE_AND_CITY}", 0.8
        ),
        Pattern(
            "street only",
            # 12 rue de la Paix: a number, a street type and a capitalised name.
            rf"(?<!\w){_NUMBER}{_one_of(_STREET_TYPES)}{_SP}{{1,2}}{_name(_CAPITAL_WORD)}(?!\w)",
            0.45,
        ),
    ]

    # fmt: off
    CONTEXT = [
        "adresse", "domicile", "domicilié", "demeurant", "habite", "siège", "siege", "address",
        "livraison", "facturation",
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

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's pattern matches, the slowest pattern only tried near postal codes."""
        if regex_flags and regex_flags != self.global_regex_flags:  # other flags: `matcher` no longer holds
            return PatternRecognizer.analyze(self, text, entities, nlp_artifacts, regex_flags)
        return super().analyze(text, entities, nlp_artifacts, regex_flags)

    def matcher(self, text: str) -> Matcher:
        """The street, postal code and city pattern is run only near postal codes; the others everywhere."""

        def matches(pattern: Pattern, compiled: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
            if pattern.name != _STREET_AND_CITY or pattern.regex != _DEFAULT_REGEXES[_STREET_AND_CITY]:
                yield from compiled.finditer(text, timeout=REGEX_TIMEOUT_SECONDS)
            else:
                for start, end in _postal_code_windows(text):
                    yield from compiled.finditer(text, start, end, timeout=REGEX_TIMEOUT_SECONDS)

        return matches


# Speed: the street, postal code and city pattern (the slowest) is only tried near postal
# codes, which finds what a run over the whole text finds at a fraction of the cost. Such an
# address ends on its postal code's line and starts at most nine lines above it (each of its nine
# links holds one line break at most), after the last blank line: no link holds two.
_STREET_AND_CITY = "street, postal code and city"
_POSTAL_CODE = regex.compile(rf"\d{{5}}{_SP}")
_MOST_LINES = 10
_LINE_BREAK = regex.compile(r"\n")
_BLANK_LINE = regex.compile(r"(?=\n\n)")
_DEFAULT_REGEXES = {pattern.name: pattern.regex for pattern in AddressRecognizer.PATTERNS}


def _postal_code_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint stretches of text that hold every address with a postal code: from nine lines
    above each postal code (or the blank line before it) to the end of its line."""
    line_breaks = [match.start() for match in _LINE_BREAK.finditer(text)]
    blank_lines = [match.start() for match in _BLANK_LINE.finditer(text)]
    windows: list[tuple[int, int]] = []
    for code in _POSTAL_CODE.finditer(text):
        line = bisect_left(line_breaks, code.start())  # line breaks before the code
        blank = bisect_left(blank_lines, code.start())
        start = max(
            line_breaks[line - _MOST_LINES] + 1 if line >= _MOST_LINES else 0,
            blank_lines[blank - 1] + 1 if blank else 0,
        )
        end = line_breaks[line] + 1 if line < len(line_breaks) else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows
