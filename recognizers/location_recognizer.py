"""LOCATION: French towns named after a preposition of place ("à Dijon", "RCS Bordeaux").

spaCy's French model misses towns in short or English sentences ("I will be in Dijon") and in
chats, where they are typed in lower case ("je suis à caen"). A town from the gazetteer in
`models/` (GeoNames) after a word of place is a location; a town that is also a first name or a
common word needs that word to be a place preposition, not "de".
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.lexicons import is_common_word, is_first_name, lexicon

ENTITY = "LOCATION"

_TOWN = r"[^\W\d_][\w'’-]*(?:[ \t]+(?:[a-zà-ÿ'’-]{1,3}[ \t]+)?[^\W\d_][\w'’-]*){0,3}"
# After these, a capitalised town is one even when it is also a word ("à Tours", "RCS Bordeaux").
_STRONG = r"(?:à|au|aux|près de|locaux de|ville de|université de|mairie de|RCS(?: de)?|in|at|near)"
_WEAK = r"(?:en|vers|sur|depuis|from|to)"
_PLACE_WORD = rf"(?:{_STRONG}|{_WEAK})"
_AFTER_PLACE_WORD = regex.compile(rf"(?<![\w-])(?P<word>{_PLACE_WORD})[ \t]+(?P<town>{_TOWN})")


class LocationRecognizer(EntityRecognizer):
    """Towns from the GeoNames gazetteer, found after a preposition of place."""

    def __init__(self, *, supported_language: str = "fr", score: float = 0.7, lower_case_score: float = 0.5) -> None:
        self.score = score
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
            strong = regex.fullmatch(_STRONG, match.group("word")) is not None
            found = _longest_town(match.group("town"), strong)
            if found is None:
                continue
            start = match.start("town")
            score = self.score if found[0].isupper() else self.lower_case_score
            results.append(
                RecognizerResult(ENTITY, start, start + len(found), score, AnalysisExplanation(type(self).__name__, score))
            )
        return results


def _longest_town(candidate: str, strong: bool) -> str | None:
    """The longest prefix of `candidate`, word by word, that is a town ("Saint-Nazaire", "caen")."""
    words = candidate.split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if _is_town(name, strong):
            return name
    return None


def _is_town(name: str, strong: bool) -> bool:
    towns = lexicon("fr_towns.txt")
    if name in towns:
        if " " in name or "-" in name:
            return True
        return not is_first_name(name) and (strong or not is_common_word(name))
    if name.islower():
        titled = "-".join(part.capitalize() for part in name.split("-"))
        return titled in towns and not is_common_word(name) and not is_first_name(titled)
    return False
