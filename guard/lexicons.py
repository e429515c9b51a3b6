"""Word lists shipped in `models/`: labels, first and last names, common French words.

Read once per process, on first use; `models/README.md` says where each list comes from.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_PUNCTUATION = ".,;:!?()[]«»\"'"


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """The entries of `models/<name>`, one per line, `#` lines being comments."""
    content = resources.files("guard.models").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in content.splitlines() if line.strip() and not line.startswith("#"))


def is_label(word: str) -> bool:
    """A word that labels a value ("SIRET", "Tél.", "Objet") and is never a value itself."""
    labels = lexicon("labels.txt")
    folded = word.casefold()
    return folded in labels or folded.strip(_PUNCTUATION) in labels


def is_first_name(word: str) -> bool:
    """A capitalised first name from the gazetteer, hyphenated ones included (Jean-Marc)."""
    if word.isupper() or word in lexicon("not_names.txt"):
        return False
    return all(part in lexicon("first_names.txt") for part in word.split("-"))


def is_last_name(word: str) -> bool:
    """A last name from the gazetteer, in any case, hyphenated ones included (saint-martin)."""
    return "-".join(part.capitalize() for part in word.split("-")) in lexicon("last_names.txt")


def is_known_name(word: str) -> bool:
    """A first name or a last name from the gazetteers."""
    return is_first_name(word) or is_last_name(word)


def is_common_word(word: str) -> bool:
    """A French word form the model's lemmatizer knows ("bonne", "rappel", "auriez")."""
    return word.lower() in lexicon("common_words_fr.txt")


def is_english_word(word: str) -> bool:
    """An English word that is also a first name ("grace", "guy")."""
    return word.lower() in lexicon("common_words_en.txt")


def is_lower_case_first_name(word: str) -> bool:
    """A first name written in lower case, as in chats ("salut bruno"), that is no common word."""
    return is_first_name(word.capitalize()) and not is_common_word(word) and not is_english_word(word)
