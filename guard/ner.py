"""Which of spaCy's NER guesses to keep: the French model also tags field labels and
capitalised common words ("Bailleur :", "Bonne fin de semaine", "Port. :") as names and places,
and reads code, abbreviations and English sentence openers ("SECRET_KEY", "RGPD", "Just") as
organisations or places.

Only plain NER guesses go through this filter; recognizers with their own evidence (titles,
greetings, legal forms, checksums) do not.
"""

from __future__ import annotations

import re

from guard.lexicons import is_common_word, is_first_name, is_known_name, is_lower_case_first_name, lexicon

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


def plausible_guess(text: str, start: int, end: int) -> bool:
    """False for an NER span that is evidently not a name, a company or a place."""
    span = text[start:end]
    if not any(ch.isupper() for ch in span):
        # Names and places are capitalised; lower-case guesses are mostly verbs, except the
        # first names people type in lower case in chats ("rappeler bruno").
        return any(is_lower_case_first_name(w) for w in _WORDS.findall(span))
    alnum = [ch for ch in span if ch.isalnum()]
    if sum(ch.isdigit() for ch in alnum) * 3 >= len(alnum):
        return False  # identifiers and amounts belong to the pattern recognizers
    if _CODE.search(span):
        return False  # code ("SECRET_KEY", "Mozilla/5.0"), or two parties ("X c/ Y")
    words = _WORDS.findall(span)
    if sum(len(w) for w in words) < 3:
        return False  # "N", "UE", "B": too short to be told from an abbreviation
    if _SENTENCE.search(span):
        return False  # "Hannah Taylor from X is joining the committee": a clause, not a name
    if words[0].casefold() in lexicon("job_titles.txt"):
        return False  # "Présidente", "Head of Operations" name a role
    if all(w.upper() in lexicon("acronyms.txt") or w.islower() for w in words):
        return False  # "RGPD", "CR COPIL", "INSERT INTO": abbreviations and keywords
    if _starts_line(text, start) and _FIELD_LABEL_AFTER.match(text, end) and not any(is_first_name(w) for w in words):
        return False  # "Bailleur :", "Ligne directe :" at the start of a line label a field
    if all(_is_common_phrase(_WORDS.findall(segment)) for segment in _SEGMENTS.split(span)) and (
        len(words) > 1 or (_starts_sentence(text, start) and (is_common_word(words[0]) or _lower_case_follows(text, end)))
    ):
        return False  # "Service des ressources humaines", "Banque / guichet", "Jours facturés"
    if _opens_english_sentence(text, start, end, words):
        return False  # "Just a heads-up", "Unfortunately the card…", "French tax number"
    if len(words) == 1 and is_common_word(words[0]) and not is_known_name(words[0]):
        previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
        if previous and previous.group(1).islower() and previous.group(1).casefold() not in _BEFORE_A_NAME:
            return False  # "coloris Ardoise", "peinture Sable": a word qualifying the noun before it
    return True


def _is_word(word: str) -> bool:
    """A French word form, inflected ones included ("Jours", "Annule", "Préchauffez")."""
    lower = _ELISION.sub("", word.casefold())
    if lower in _FUNCTION_WORDS or is_common_word(lower):
        return True
    if lower.endswith(("s", "ux")) and is_common_word(lower[:-1]):
        return True
    stem = lower[:-2] if lower.endswith(("ez", "es")) else lower[:-1] if lower.endswith("e") else None
    return stem is not None and len(stem) > 2 and is_common_word(stem + "er")


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
