"""LOCATION: French towns named after a preposition of place ("à Dijon", "RCS Bordeaux").

spaCy's French model misses towns in short or English sentences ("I will be in Dijon") and in
chats, where they are typed in lower case ("je suis à caen"). A town from the gazetteer in
`models/` (GeoNames) after a word of place is a location; a town that is also a first name or a
common word needs that word to be a place preposition, not "de".
"""

from __future__ import annotations

from functools import lru_cache

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.lexicons import is_first_name, is_plain_word, lexicon, stop_words, title_case

ENTITY = "LOCATION"

_TOWN = r"[^\W\d_][\w'’-]*(?:[ \t]+(?:[a-zà-ÿ'’-]{1,3}[ \t]+)?[^\W\d_][\w'’-]*){0,3}"
# After these, a capitalised town is one even when it is also a word ("à Tours", "RCS Bordeaux").
_STRONG = (
    r"(?:à|au|aux|près de|locaux de|ville de|université de|mairie de|RCS(?: de)?|in|at|near"
    r"|tribunal(?: de commerce| judiciaire| administratif| de grande instance)? de|cour d['’]appel de|barreau de"
    r"|(?i:lieu de naissance|ville|commune|localité|mobilité|place of birth|city)[ \t]*:)"
)
_STRONG_WORD = regex.compile(_STRONG)
_WEAK = r"(?:en|vers|sur|depuis|from|to)"
# Regions, departments and provinces (models/fr_regions.txt) are named after "en" and "in" too.
_PLACE_WORD = rf"(?:{_STRONG}|{_WEAK})"
_AFTER_PLACE_WORD = regex.compile(rf"(?<![\w-])(?P<word>{_PLACE_WORD})[ \t]+(?P<town>{_TOWN})")
# Where a place word is missing but the layout says "town": a trip ("Déplacement Angers – Dax"),
# a town in brackets after a company ("chez Veloria (Nancy)").
_CAPITALISED = r"[A-ZÀ-Þ][\w'’]*(?:-[\w'’]+)*"
_ROUTE = regex.compile(rf"(?<![\w'’-])(?P<a>{_CAPITALISED})[ \t]+(?:–|—|→|->|-|>)[ \t]+(?P<b>{_CAPITALISED})(?![\w'’-])")
# The last item of a comma-separated line: "Chargé de communication, Archipel RH, Caen",
# "jean@x.fr | 06 12 34 56 78 | Ajaccio".
_LINE_END_TOWN = regex.compile(
    rf"(?m)^[^\n]*?(?:,[^\n,|]+|\|[^\n|]+)(?:,|\|)[ \t]+(?P<town>{_CAPITALISED}(?:[ \t]+{_CAPITALISED})?)[ \t]*$"
)
_BRACKETED = regex.compile(rf"\((?P<town>{_CAPITALISED}(?:[ \t]+{_CAPITALISED})?)\)")


class LocationRecognizer(EntityRecognizer):
    """Towns from the GeoNames gazetteer, found after a preposition of place."""

    def __init__(
        self, *, supported_language: str = "fr", score: float = 0.7, lower_case_score: float = 0.5,
        list_end_score: float = 0.86,
    ) -> None:
        self.score = score
        self.list_end_score = list_end_score
        self.lower_case_score = lower_case_score
        super().__init__(supported_entities=[ENTITY], supported_language=supported_language, name="LocationRecognizer")

    def load(self) -> None:
        """Nothing to load: the gazetteer is read lazily, once per process."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every gazetteer town that follows a word of place."""
        results = []
        for match in _AFTER_PLACE_WORD.finditer(text, overlapped=True):
            strong = _STRONG_WORD.fullmatch(match.group("word")) is not None
            found = _longest_town(match.group("town"), strong, strong or match.group("word") in ("en", "in"))
            if found is None:
                continue
            start = match.start("town")
            score = self.score if found[0].isupper() else self.lower_case_score
            results.append(
                RecognizerResult(ENTITY, start, start + len(found), score, AnalysisExplanation(type(self).__name__, score))
            )
        spans = []
        for match in _ROUTE.finditer(text, overlapped=True):
            if _is_town(match.group("a"), False) and _is_town(match.group("b"), False):
                spans += [match.span("a"), match.span("b")]
        spans += [m.span("town") for m in _BRACKETED.finditer(text) if _is_town(m.group("town"), False)]
        for start, end in spans:
            explanation = AnalysisExplanation(type(self).__name__, self.score)
            results.append(RecognizerResult(ENTITY, start, end, self.score, explanation))
        for match in _LINE_END_TOWN.finditer(text):
            if _is_town(match.group("town"), False):
                # Above the NER's score: it reads a town closing a list as the company before it.
                explanation = AnalysisExplanation(type(self).__name__, self.list_end_score)
                results.append(RecognizerResult(ENTITY, *match.span("town"), self.list_end_score, explanation))
        return results


def _longest_town(candidate: str, strong: bool, region_word: bool = False) -> str | None:
    """The longest prefix of `candidate`, word by word, that is a town ("Saint-Nazaire", "caen")."""
    words = candidate.split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if _is_town(name, strong, region_word):
            return name
    return None


# Cached: a text names the same towns again and again, and each one costs several lookups.
@lru_cache(maxsize=16384)
def _is_town(name: str, strong: bool, region_word: bool = False) -> bool:
    if name in lexicon("fr_regions.txt"):
        # "en Champagne", "Mobilité : Limousin"; but "Lot 1", "sur Centre" are words first.
        return region_word or " " in name or "-" in name or not is_plain_word(name)
    towns = lexicon("fr_towns.txt")
    if name in towns:
        if " " in name or "-" in name:
            return True
        return not is_first_name(name) and (strong or not is_plain_word(name))
    return is_lower_case_town(name)


_NAME_SEPARATORS = regex.compile(r"[ \t'’-]+")


def is_lower_case_town(name: str) -> bool:
    """A gazetteer town typed in lower case ("caen", "limoges") that is no plain word or first
    name: "tours" or "rose" in lower case are words first."""
    if not name.islower():
        return False
    titled = title_case(name)
    parts = [p for p in _NAME_SEPARATORS.split(name) if p]
    if "-" not in name and all(is_plain_word(p) or p in stop_words() for p in parts):
        return False  # "la plage", "tours": words first; "fort-de-france" is one compound name
    return name in _folded_towns() and not is_first_name(titled)


@lru_cache(maxsize=1)
def _folded_towns() -> frozenset[str]:
    return frozenset(town.casefold() for town in lexicon("fr_towns.txt"))
