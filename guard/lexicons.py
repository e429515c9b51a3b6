"""Word lists shipped in `models/`: labels, first and last names, common French words.

Read once per process, on first use; `models/README.md` says where each list comes from.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_PUNCTUATION = ".,;:!?()[]«»\"'"
_ELISION = re.compile(r"^(?:[dljmnst]|qu)['’](?=\w)")
# The recognizers ask about every word of every text, and texts repeat their words: the
# verdicts that cost more than a set lookup are cached, within a bound for long-running servers.
_WORD_CACHE_SIZE = 16384


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """The entries of `models/<name>`, one per line, `#` lines being comments."""
    content = resources.files("guard.models").joinpath(name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in content.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def is_label(word: str) -> bool:
    """A word that labels a value ("SIRET", "Tél.", "Objet") and is never a value itself."""
    labels = lexicon("labels.txt")
    folded = word.casefold()
    return folded in labels or folded.strip(_PUNCTUATION) in labels


@lru_cache(maxsize=_WORD_CACHE_SIZE)
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


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's French stop words, imported on first use: importing them imports spaCy's French
    language, whose tokenizer rules take seconds to compile unless the model loads first
    (`guard.nlp` compiles them faster), and `import guard` must not load spaCy at all."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def is_word_form(word: str) -> bool:
    """A French word, inflected forms included ("Conditions", "Jours", "Annule", "Préchauffez")."""
    lower = _ELISION.sub("", word.casefold())
    if is_common_word(lower) or lower in stop_words():
        return True
    if lower.endswith(("s", "ux")) and is_common_word(lower[:-1]):
        return True
    stem = lower[:-2] if lower.endswith(("ez", "es")) else lower[:-1] if lower.endswith("e") else None
    return stem is not None and len(stem) > 2 and is_common_word(stem + "er")


def is_mostly_proper_noun(word: str) -> bool:
    """A gazetteer name that the lemmatizer tables list as a word, but that French text writes
    capitalised far more often ("guillaume", "limoges"): a name first, even in lower case."""
    return word.lower() in lexicon("mostly_proper_nouns.txt") and not is_english_word(word)


def is_plain_word(word: str) -> bool:
    """A common French word, not a name in disguise: "rose", "claire" are; "guillaume" is not."""
    return is_common_word(word) and not is_mostly_proper_noun(word)


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def title_case(word: str) -> str:
    """"marc-antoine" → "Marc-Antoine": each part of a hyphenated name capitalised."""
    return "-".join(part.capitalize() for part in word.split("-"))


def is_english_word(word: str) -> bool:
    """An English word that is also a first name ("grace", "guy"), or a common English word."""
    lower = word.lower()
    return lower in lexicon("common_words_en.txt") or lower in lexicon("english_words.txt")


@lru_cache(maxsize=_WORD_CACHE_SIZE)
def is_lower_case_first_name(word: str) -> bool:
    """A first name written in lower case, as in chats ("salut bruno", "marc-antoine"), that is no
    common word. Names that are words to the lemmatizer ("guillaume", "rose") need the place
    they stand in as evidence: see `lower_case_name_evidence` in the name recognizer."""
    return is_first_name(title_case(word)) and not is_common_word(word) and not is_english_word(word)
