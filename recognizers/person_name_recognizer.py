"""PERSON from the way French and English texts write names, to back up spaCy's NER.

The French model misses names exactly where freelancers' texts have them: after a greeting
("Bonjour Thomas,"), after a title ("M. DUPONT", "Maître Olivier Masson"), in signatures and
chat logs, and it labels many of them MISC. A first name from the gazetteer in `models/`
followed by a capitalised or all-caps word is a name; a title or a greeting followed by one is too.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.lexicons import is_first_name, is_label

ENTITY = "PERSON"

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zß-öø-ÿ"
# A capitalised word (Jean, Jean-Marc, O'Neil) or an all-caps surname (DUPONT, LE GALL's GALL).
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)?"
_ALL_CAPS = rf"[{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?"
_NAME_WORD = rf"(?:{_CAPITALISED}|{_ALL_CAPS})"
_PARTICLE = r"(?i:de la|de|du|des|d'|d’|le|la|van|von|da|di|del|ben|el)"
_NAME_SEQUENCE = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]*)?{_NAME_WORD}){{0,2}}"
_TITLE = r"(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Maître|Dr\.?|Docteur|Pr\.?|Professeur|Monsieur|Madame|Mademoiselle|Mr\.?|Mrs\.?|Ms\.?)"
_GREETING = r"(?:Bonjour|Bonsoir|Salut|Coucou|Hello|Hi|Hey|Dear|Cher|Chère|Chers|Chères)"

_AFTER_TITLE = regex.compile(rf"(?<![\w.]){_TITLE}[ \t]+(?P<name>{_NAME_SEQUENCE})")
_AFTER_GREETING = regex.compile(rf"(?<!\w){_GREETING}[ \t]+(?P<name>{_NAME_SEQUENCE})(?=[ \t]*(?:[,!.\n]|$))")
_WORDS = regex.compile(rf"(?<![\w'’-])(?P<word>{_NAME_WORD})(?![\w'’-])")
_SURNAME_AFTER = regex.compile(rf"[ \t]+(?:{_PARTICLE}[ \t]*)?(?P<surname>{_NAME_WORD})(?![\w'’-])")


class PersonNameRecognizer(EntityRecognizer):
    """Finds names after titles and greetings, and first name + surname pairs from the gazetteer."""

    def __init__(self, *, supported_language: str = "fr", score: float = 0.85, single_name_score: float = 0.6) -> None:
        self.score = score
        self.single_name_score = single_name_score
        super().__init__(supported_entities=[ENTITY], supported_language=supported_language, name="PersonNameRecognizer")

    def load(self) -> None:
        """Nothing to load: the gazetteer is read lazily, once per process."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every name span found by title, greeting or gazetteer."""
        spans: dict[tuple[int, int], float] = {}
        for pattern in (_AFTER_TITLE, _AFTER_GREETING):
            for match in pattern.finditer(text):
                span = _without_labels(text, *match.span("name"))
                if span:
                    spans[span] = self.score
        for start, end, score in self._gazetteer_names(text):
            spans.setdefault((start, end), score)
        return [RecognizerResult(ENTITY, start, end, score) for (start, end), score in spans.items()]

    def _gazetteer_names(self, text: str) -> list[tuple[int, int, float]]:
        found = []
        for match in _WORDS.finditer(text):
            word = match.group("word")
            if is_first_name(word):
                following = _SURNAME_AFTER.match(text, match.end())
                if following and not is_label(following.group("surname")):
                    found.append((match.start(), following.end(), self.score))
                else:
                    found.append((match.start(), match.end(), self.single_name_score))
            elif word.isupper() and len(word) > 1 and not is_label(word):
                following = _SURNAME_AFTER.match(text, match.end())
                if following and is_first_name(following.group("surname")):  # DUPONT Jean
                    found.append((match.start(), following.end(), self.score))
        return found


def _without_labels(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop label words ("Madame", "Objet") at the start of a span; None if nothing is left."""
    words = [m.span() for m in regex.finditer(r"\S+", text[start:end])]
    while words and is_label(text[start + words[0][0] : start + words[0][1]]):
        words.pop(0)
    return (start + words[0][0], end) if words else None
