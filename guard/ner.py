"""Which of spaCy's NER guesses to keep: the French model also tags field labels and
capitalised common words ("Bailleur :", "Bonne fin de semaine", "Port. :") as names and places,
and reads code, abbreviations and English sentence openers ("SECRET_KEY", "RGPD", "Just") as
organisations or places.

Only plain NER guesses go through this filter; recognizers with their own evidence (titles,
greetings, legal forms, checksums) do not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from guard.lexicons import (
    is_common_word,
    is_first_name,
    is_known_name,
    is_lower_case_first_name,
    is_word_form,
    lexicon,
)

_FIELD_LABEL_AFTER = re.compile(r"[ \t]*\.?[ \t]*:")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[\n.!?:;–—•*-][ \t]*|^[ \t]*)$")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE = re.compile(r"(?:(?<![\w'’-])[^\W\d_A-ZÀ-Þ][\w'’-]*[ \t]+){2}[^\W\d_A-ZÀ-Þ]")
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")
# "SECRET_KEY", "DATABASE_URL=", "Anthropic(api_key=", "<votre-clé": code, not a name.
# "DUPONT Jean c/ SAS X", "Fatima Vacher – SCOP X": two things glued together, not one name.
_CODE = re.compile(r"[_=<>{}()\[\]\\]|/\d|[ \t](?:c/|/|[–—|·])[ \t]")
# Segments of a span that punctuation separates: "Banque / guichet", "Service : comptabilité".
_SEGMENTS = re.compile(r"[:/–—|•]")
# Words before a place or a name; a common word after any other lower-case word is a plain
# adjective or noun in apposition ("coloris Ardoise", "finition Sable").
_BEFORE_A_NAME = frozenset(
    "à a au aux en de d du des la le les l chez par pour sur sous vers près entre depuis et ou avec "
    "of in at from to and the by with for near".split()
)
# Function words, which the lemmatizer tables behind `is_common_word` leave out.
_FUNCTION_WORDS = _BEFORE_A_NAME | frozenset("un une ce cette ces mon ma mes son sa ses dans sans ne pas".split())
_ELISION = re.compile(r"^(?:[dljmnst]|qu)['’](?=\w)")
_SALUTATIONS = frozenset("cher chère chers chères dear".split())


@dataclass(frozen=True)
class _Guess:
    """An NER span and what the rules read from it."""

    text: str
    start: int
    end: int
    span: str
    words: list[str]


def _mostly_digits(g: _Guess) -> bool:
    """Identifiers and amounts belong to the pattern recognizers."""
    alnum = [ch for ch in g.span if ch.isalnum()]
    return sum(ch.isdigit() for ch in alnum) * 3 >= len(alnum)


def _field_label(g: _Guess) -> bool:
    """"Bailleur :", "Ligne directe :" at the start of a line label a field."""
    return (
        _starts_line(g.text, g.start)
        and _FIELD_LABEL_AFTER.match(g.text, g.end) is not None
        and not any(is_first_name(w) for w in g.words)
    )


def _common_phrase(g: _Guess) -> bool:
    """"Service des ressources humaines", "Banque / guichet", "Jours facturés"."""
    if not all(_is_common_phrase(_WORDS.findall(segment)) for segment in _SEGMENTS.split(g.span)):
        return False
    if len(g.words) > 1:
        return True
    return _starts_sentence(g.text, g.start) and (is_common_word(g.words[0]) or _lower_case_follows(g.text, g.end))


def _qualifies_the_noun_before(g: _Guess) -> bool:
    """"coloris Ardoise", "peinture Sable": a word qualifying the noun before it."""
    if len(g.words) != 1 or not is_common_word(g.words[0]) or is_known_name(g.words[0]):
        return False
    previous = _PREVIOUS_WORD.search(g.text, max(0, g.start - 40), g.start)
    return previous is not None and previous.group(1).islower() and previous.group(1).casefold() not in _BEFORE_A_NAME


# Why a capitalised guess is no name, company or place, tried in order; the first that holds
# drops the guess.
_NOT_A_NAME: tuple[Callable[[_Guess], bool], ...] = (
    _mostly_digits,
    # Code ("SECRET_KEY", "Mozilla/5.0"), or two parties ("X c/ Y").
    lambda g: _CODE.search(g.span) is not None,
    # "N", "UE", "B": too short to be told from an abbreviation.
    lambda g: sum(len(w) for w in g.words) < 3,
    # "Hannah Taylor from X is joining the committee": a clause, not a name.
    lambda g: _SENTENCE.search(g.span) is not None,
    # "Cher" left of "Cher Confrère" once the label is cut off.
    lambda g: len(g.words) == 1 and g.words[0].casefold() in _SALUTATIONS,
    # "Présidente", "Head of Operations" name a role.
    lambda g: g.words[0].casefold() in lexicon("job_titles.txt"),
    # "RGPD", "CR COPIL", "INSERT INTO": abbreviations and keywords.
    lambda g: all(w.upper() in lexicon("acronyms.txt") or w.islower() for w in g.words),
    _field_label,
    _common_phrase,
    # "Just a heads-up", "Unfortunately the card…", "French tax number".
    lambda g: _opens_english_sentence(g.text, g.start, g.end, g.words),
    _qualifies_the_noun_before,
)


def plausible_guess(text: str, start: int, end: int) -> bool:
    """False for an NER span that is evidently not a name, a company or a place."""
    # The recognizers load Presidio and spaCy: imported here, so that `import guard` stays light.
    from guard.recognizers.location_recognizer import is_lower_case_town
    from guard.recognizers.person_name_recognizer import (
        laid_out_as_no_name,
        lower_case_name_evidence,
    )

    span = text[start:end]
    if laid_out_as_no_name(text, start, end):
        return False  # "« Jeton", "Lot 1 :", "Tue Mar 12", "conn = …"
    if not any(ch.isupper() for ch in span):
        # Names and places are capitalised; lower-case guesses are mostly verbs, except the
        # first names and towns people type in lower case in chats ("rappeler bruno", "je suis à
        # caen"), and names in a place only a person fills ("la fille de rose").
        return (
            any(is_lower_case_first_name(w) for w in _WORDS.findall(span))
            or is_lower_case_town(span)
            or lower_case_name_evidence(text, start, end)
        )
    guess = _Guess(text, start, end, span, _WORDS.findall(span))
    return bool(guess.words) and not any(rule(guess) for rule in _NOT_A_NAME)


def _is_word(word: str) -> bool:
    """A French word form, inflected ones included ("Jours", "Annule", "Préchauffez")."""
    return _ELISION.sub("", word.casefold()) in _FUNCTION_WORDS or is_word_form(word)


def _is_common_phrase(words: list[str]) -> bool:
    """Common words, capitalised at most on the first: a heading or a phrase, not a name."""
    return (
        bool(words)
        and all(_is_word(w) or w.casefold() in lexicon("english_words.txt") for w in words)
        and not is_known_name(words[0])
        and all(not w[0].isupper() for w in words[1:])
    )


def _lower_case_follows(text: str, end: int) -> bool:
    """An inflected form alone may be a town ("Rennes, le 3 mai"); before a lower-case word it is
    a sentence ("Jours facturés", "Annule et remplace")."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1).islower()


def _opens_english_sentence(text: str, start: int, end: int, words: list[str]) -> bool:
    first = words[0]
    if first.casefold() not in lexicon("english_words.txt") or is_first_name(first) or not _starts_sentence(text, start):
        return False
    following = words[1:] or [m.group(1) for m in [_NEXT_WORD.match(text, end)] if m]
    return bool(following) and following[0].islower()


def _starts_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t-•*")


def _starts_sentence(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _SENTENCE_START_BEFORE.search(text[max(line_start, start - 3) : start]) is not None
