"""Client terms: the names only the user knows are confidential (a client, a brand, a code name).

A term has a value, aliases and a type (CLIENT_TERM unless the user says otherwise). Matching is
whole-word and forgiving the way French text is: case, accents, a line break or several spaces
inside the term, elision before it (d'Acme, l'Acme, qu'Acme) and a plural or possessive after it
(Phénix's, Widgets). One Aho-Corasick automaton over a folded copy of the text finds every term at
once, so ten thousand terms cost about what ten do.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from guard.entities import ENTITY_TYPES
from guard.errors import ConfigError

if TYPE_CHECKING:
    import ahocorasick

DEFAULT_TERM_TYPE = "CLIENT_TERM"


@dataclass(frozen=True)
class Term:
    """A confidential term, its aliases and the type its placeholder carries.

    `repr` hides the value and aliases: terms are client secrets.
    """

    value: str = field(repr=False)
    aliases: tuple[str, ...] = field(default=(), repr=False)
    type: str = DEFAULT_TERM_TYPE

    @property
    def forms(self) -> tuple[str, ...]:
        """The value then its aliases: every way of writing this term."""
        return (self.value, *self.aliases)

    @property
    def key(self) -> str:
        """The normalised value: every form of the term shares the placeholder of this key."""
        return fold(self.value)[0]


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a term in a text (offsets into the original text)."""

    term: Term
    start: int
    end: int


def fold(text: str) -> tuple[str, list[int]]:
    """Text folded for matching (lower case, no accents, one space for any run of spaces), with,
    for each folded character, the offset of the original character it came from.

    Usage:
        folded, origin = fold("Projet  Phénix")   # "projet phenix", origin[7] == 8
    """
    chars: list[str] = []
    origin: list[int] = []
    previous_space = False
    for index, ch in enumerate(text):
        if ch.isspace():
            if not previous_space:
                chars.append(" ")
                origin.append(index)
            previous_space = True
            continue
        previous_space = False
        if ch in _APOSTROPHES:
            chars.append("'")
            origin.append(index)
            continue
        for piece in unicodedata.normalize("NFKD", ch.casefold()):
            if not unicodedata.combining(piece):
                chars.append(piece)
                origin.append(index)
    return "".join(chars), origin


_APOSTROPHES = frozenset("'’ʼ‘`´")
#: Endings a term may take and still be the term: plural, possessive.
_SUFFIXES = ("'s", "s", "x", "es")


class TermMatcher:
    """Finds every form of a set of terms in a text, longest match first, whole words only.

    Usage:
        matcher = TermMatcher([Term("Projet Phénix", ("Phenix",))])
        [m.start for m in matcher.find("Le projet phenix, d'après Phénix.")]
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = tuple(terms)
        self._automaton = _build_automaton(self.terms) if self.terms else None

    def find(self, text: str) -> list[TermMatch]:
        """Non-overlapping occurrences of the terms, longest first where two compete."""
        if self._automaton is None or not text:
            return []
        folded, origin = fold(text)
        candidates: list[tuple[int, int, Term]] = []
        for end_index, (length, term) in self._automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and _is_word_char(folded[start - 1]):
                continue
            end = _with_suffix(folded, end)
            if end is None:
                continue
            candidates.append((start, end, term))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        matches: list[TermMatch] = []
        taken_until = -1
        for start, end, term in candidates:
            if start < taken_until:
                continue
            taken_until = end
            matches.append(TermMatch(term, origin[start], origin[end - 1] + 1))
        return matches


def _with_suffix(folded: str, end: int) -> int | None:
    """The end of the match once a plural or possessive ending is included; None if mid-word."""
    if end >= len(folded) or not _is_word_char(folded[end]):
        return end
    for suffix in _SUFFIXES:
        stop = end + len(suffix)
        if folded.startswith(suffix, end) and (stop >= len(folded) or not _is_word_char(folded[stop])):
            return end if suffix == "'s" else stop
    return None


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _build_automaton(terms: Sequence[Term]) -> ahocorasick.Automaton:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for term in terms:
        for form in term.forms:
            folded = fold(form)[0].strip()
            if folded and folded not in automaton:
                automaton.add_word(folded, (len(folded), term))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=8)
def matcher_for(terms: tuple[Term, ...]) -> TermMatcher:
    """A matcher per distinct set of terms, built once: building one is the costly part."""
    return TermMatcher(terms)


def parse_terms(value: Any, source: str) -> tuple[Term, ...]:
    """Terms from configuration: strings, or tables with `value`, `aliases` and `type`.

    Usage (TOML):
        terms = ["Acme Industries", { value = "Projet Phénix", aliases = ["Phenix"] }]
    """
    if not isinstance(value, list):
        raise ConfigError(f"'terms' in {source} must be a list of strings or tables.")
    terms: list[Term] = []
    for index, item in enumerate(value):
        where = f"terms[{index}] in {source}"
        if isinstance(item, str):
            item = {"value": item}
        if not isinstance(item, dict):
            raise ConfigError(f"{where} must be a string or a table with 'value', 'aliases', 'type'.")
        unknown = sorted(set(item) - {"value", "aliases", "type"})
        if unknown:
            raise ConfigError(f"Unknown key {', '.join(unknown)} in {where}. Known: aliases, type, value.")
        text, aliases, kind = item.get("value"), item.get("aliases", []), item.get("type", DEFAULT_TERM_TYPE)
        if not isinstance(text, str) or not text.strip():
            raise ConfigError(f"{where} needs a non-empty 'value' string.")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ConfigError(f"'aliases' of {where} must be a list of non-empty strings.")
        if kind not in ENTITY_TYPES:
            raise ConfigError(f"Unknown type '{kind}' in {where}. Known: {', '.join(ENTITY_TYPES)}.")
        terms.append(Term(text.strip(), tuple(a.strip() for a in aliases), kind))
    return tuple(terms)


def as_terms(items: Iterable[str | Term]) -> tuple[Term, ...]:
    """Terms from plain strings (type CLIENT_TERM, no alias) or Term objects, empty ones dropped."""
    terms = (item if isinstance(item, Term) else Term(item.strip()) for item in items)
    return tuple(term for term in terms if term.value.strip())
