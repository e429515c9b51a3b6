"""Which of spaCy's NER guesses to keep: the French model also tags field labels and
capitalised common words ("Bailleur :", "Bonne fin de semaine", "Port. :") as names and places.

Only plain NER guesses go through this filter; recognizers with their own evidence (titles,
greetings, legal forms, checksums) do not.
"""

from __future__ import annotations

import re

from guard.lexicons import is_common_word, is_first_name, is_known_name, lexicon

_FIELD_LABEL_AFTER = re.compile(r"[ \t]*\.?[ \t]*:")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[\n.!?:;–—•*-][ \t]*|^[ \t]*)$")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def plausible_guess(text: str, start: int, end: int) -> bool:
    """False for an NER span that is evidently not a name, a company or a place."""
    span = text[start:end]
    if not any(ch.isupper() for ch in span):
        return False  # names and places are capitalised; lower-case guesses are mostly verbs
    alnum = [ch for ch in span if ch.isalnum()]
    if sum(ch.isdigit() for ch in alnum) * 3 >= len(alnum):
        return False  # identifiers and amounts belong to the pattern recognizers
    words = _WORDS.findall(span)
    if sum(len(w) for w in words) < 3:
        return False  # "N", "UE", "B": too short to be told from an abbreviation
    if words and words[0].casefold() in lexicon("job_titles.txt"):
        return False  # "Présidente", "Head of Operations" name a role
    if _starts_line(text, start) and _FIELD_LABEL_AFTER.match(text, end) and not any(is_first_name(w) for w in words):
        return False  # "Bailleur :", "Ligne directe :" at the start of a line label a field
    if len(words) == 1 and _starts_sentence(text, start):
        word = words[0]
        return is_known_name(word) or not is_common_word(word)
    return True


def _starts_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t-•*")


def _starts_sentence(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _SENTENCE_START_BEFORE.search(text[max(line_start, start - 3) : start]) is not None
