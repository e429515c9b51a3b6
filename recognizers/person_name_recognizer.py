"""PERSON from the way French and English texts write names, to back up spaCy's NER.

The French model misses names exactly where freelancers' texts have them: after a greeting
("Bonjour Thomas,"), after a title ("M. DUPONT", "Maître Olivier Masson"), in signatures and
chat logs, and it labels many of them MISC. A first name from the gazetteer in `models/`
followed by a capitalised or all-caps word is a name; a title or a greeting followed by one is too.
"""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.lexicons import (
    is_common_word,
    is_english_word,
    is_first_name,
    is_label,
    is_last_name,
    is_lower_case_first_name,
)

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
# Chat logs: "mthomas  19:01" (Slack), "16:02 - Élodie:" (WhatsApp), "@ines.legoff" (mentions).
_CHAT_AUTHOR = regex.compile(
    r"(?m)^(?P<name>[\w][\w.'’-]{1,30})[ \t]{2,}\d{1,2}:\d{2}[ \t]*$"
    r"|^\d{1,2}:\d{2}[ \t]*-[ \t]*(?P<name2>[^\W\d][\w .'’-]{1,40}?)[ \t]*:"
)
_LOWER_GREETING = regex.compile(rf"(?<!\w)(?i:{_GREETING}|merci|bravo)[ \t]+(?:à[ \t]+)?(?P<name>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{3,}})?)(?=[ \t]*[,!.:\n])")
# Code comments sign work with a login: "TODO(julien)", "FIXME(mthomas)".
_CODE_OWNER = regex.compile(r"\b(?:TODO|FIXME|XXX|HACK|NOTE)\((?P<name>[^\W\d][\w.-]{1,30})\)")
# Form fields: "Nom : LE MEUR", "Surname: Smith".
_NAME_FIELD = regex.compile(
    rf"(?im)^[ \t]*(?:nom(?: de naissance| d'usage| de famille)?|prénoms?(?:\(s\))?|surname|last name|first name|family name|full name)"
    rf"[ \t]*:[ \t]*(?P<name>(?-i:{_NAME_SEQUENCE}))"
)
# "avec arthur saint-martin", "par laure ouedraogo": a lower-case first name and last name.
_LOWER_PAIR = regex.compile(
    rf"(?<![\w'’@.-])(?P<first>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{3,}})?)[ \t]+(?P<last>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{2,}})*)(?![\w'’@-])"
)
_MENTION = regex.compile(r"(?<![\w@])@(?P<name>[^\W\d][\w.-]{1,30}[\w])")
_LOWER_WORD = regex.compile(rf"(?<![\w'’@.-])(?P<word>[{_LOWER}]{{3,}}(?:-[{_LOWER}]{{3,}})?)(?![\w'’@-])")
_WORDS = regex.compile(rf"(?<![\w'’-])(?P<word>{_NAME_WORD})(?![\w'’-])")
_SURNAME_AFTER = regex.compile(rf"[ \t]+(?:{_PARTICLE}[ \t]*)?(?P<surname>{_NAME_WORD})(?![\w'’-])")


class PersonNameRecognizer(EntityRecognizer):
    """Finds names after titles and greetings, first name + surname pairs from the gazetteer,
    chat authors and mentions, and lower-case first names that are no French word ("bruno")."""

    def __init__(
        self, *, supported_language: str = "fr", score: float = 0.85, single_name_score: float = 0.6,
        lower_case_score: float = 0.45,
    ) -> None:
        self.score = score
        self.single_name_score = single_name_score
        self.lower_case_score = lower_case_score
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
        for match in _CHAT_AUTHOR.finditer(text):
            group = "name" if match.group("name") else "name2"
            spans.setdefault(match.span(group), self.score)
        for match in _LOWER_GREETING.finditer(text):
            if is_first_name(match.group("name").capitalize()):
                spans.setdefault(match.span("name"), self.score)
        for pattern in (_MENTION, _CODE_OWNER):
            for match in pattern.finditer(text):
                spans.setdefault(match.span("name"), self.score)
        for match in _NAME_FIELD.finditer(text):
            spans[match.span("name")] = self.score
        for match in _LOWER_PAIR.finditer(text, overlapped=True):
            first, last = match.group("first"), match.group("last")
            if is_first_name(first.capitalize()) and (
                is_last_name(last) or (not is_english_word(first) and not is_common_word(last))
            ):
                spans.setdefault(match.span(), self.score)
        for match in _LOWER_WORD.finditer(text):
            if is_lower_case_first_name(match.group("word")):
                spans.setdefault(match.span("word"), self.lower_case_score)
        return [
            RecognizerResult(ENTITY, start, end, score, AnalysisExplanation(type(self).__name__, score))
            for (start, end), score in spans.items()
        ]

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
