"""Linked mentions: "Jean Dupont", "M. Dupont", "J. Dupont" and "DUPONT Jean" are one person.

The AI should see one entity, `[PERSON_1]`, however the text names it; each other way of writing
it gets `[PERSON_1.2]`, `[PERSON_1.3]`… so that restore still gives every mention back exactly as
written. A mention links to an entity only when exactly one candidate fits: "Dupont" next to both
"Jean Dupont" and "Marie Dupont" stays an entity of its own rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from guard.terms import fold

#: Types whose mentions are linked; identifiers and contact data are matched by value alone.
LINKED_TYPES = frozenset({"PERSON", "ORGANIZATION"})

# Legal forms and generic words are not what identifies a company: "Acme" is "Acme SAS".
# fmt: off
_ORGANIZATION_NOISE = frozenset({
    "sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "scop", "scp", "selarl", "gie", "sca",
    "inc", "ltd", "llc", "llp", "plc", "gmbh", "ag", "bv", "nv", "spa", "srl", "corp", "co",
    "groupe", "group", "societe", "ste", "cie", "et", "&", "and", "the", "la", "le", "les",
})
_TITLES = frozenset({
    "m", "mme", "mlle", "me", "dr", "pr", "mr", "mrs", "ms", "miss", "monsieur", "madame", "mademoiselle",
    "maitre", "docteur", "professeur", "sir",
})
# fmt: on
_WORD = re.compile(r"[\w&]+(?:[-'][\w]+)*\.?")


@dataclass(frozen=True)
class Link:
    """Where a new value's mention belongs: a known entity (type, number), or the `index`-th
    request of the same call (an entity named more fully elsewhere in the same text)."""

    entity: tuple[str, int] | None = None
    index: int | None = None


def words(entity_type: str, value: str) -> tuple[str, ...]:
    """The identifying words of a name: folded, titles' dots kept as initials ("j.")."""
    found = tuple(w for w in _WORD.findall(fold(value)[0]))
    if entity_type == "ORGANIZATION":
        found = tuple(w for w in found if w.rstrip(".") not in _ORGANIZATION_NOISE)
    if entity_type == "PERSON":
        found = tuple(w for w in found if w.rstrip(".") not in _TITLES)
    return found


def is_mention_of(short: Sequence[str], full: Sequence[str]) -> bool:
    """True when every word of `short` is a distinct word of `full` (or its initial), at least one
    in full, and the two are not the same words in the same order."""
    if not short or list(short) == list(full) or len(short) > len(full):
        return False
    remaining = list(full)
    whole_words = 0
    for word in short:
        initial = _initial(word)
        if word.rstrip(".") in remaining:
            remaining.remove(word.rstrip("."))
            whole_words += 1
        elif initial and (hit := next((w for w in remaining if w.startswith(initial)), None)):
            remaining.remove(hit)
        else:
            return False
    return whole_words > 0


def plan_links(
    requests: Sequence[tuple[str, str]], known: Mapping[tuple[str, int], str]
) -> list[Link | None]:
    """For each (type, value) request, the entity it is another mention of, or None.

    `known` holds the session's entities (type, number) → value. Requests are considered
    fullest first, so that within one text the fullest form names the entity. Two related forms
    always share a whole word, so candidates come from a word index: linear, not quadratic, in
    the number of names of a long text.
    """
    known_words = {entity: words(entity[0], value) for entity, value in known.items() if entity[0] in LINKED_TYPES}
    known_by_word = _index(known_words)
    request_words = {i: words(*requests[i]) for i, (kind, _) in enumerate(requests) if kind in LINKED_TYPES}
    links: list[Link | None] = [None] * len(requests)
    heads: dict[int, tuple[str, ...]] = {}
    heads_by_word: dict[tuple[str, str], set[int]] = {}
    seen: dict[tuple[str, tuple[str, ...]], int] = {}
    for index in sorted(request_words, key=lambda i: -len(request_words[i])):
        kind, mine = requests[index][0], request_words[index]
        if (kind, mine) in seen:  # the same words again ("Helene" for "Hélène"): the same entity
            first = seen[kind, mine]
            links[index] = links[first] or Link(index=first)
            continue
        seen[kind, mine] = index
        candidates = _candidates(kind, mine, known_by_word)
        same = sorted(e for e in candidates if known_words[e] == mine)
        if same:  # the vault finds an identical value by itself; a variant spelling is a mention
            links[index] = Link(entity=same[0])
            continue
        fits = sorted(e for e in candidates if _related(mine, known_words[e]))
        if len(fits) == 1:
            links[index] = Link(entity=fits[0])
            continue
        relatives = [] if fits else [h for h in _candidates(kind, mine, heads_by_word) if _related(mine, heads[h])]
        if len(relatives) == 1:
            links[index] = links[relatives[0]] or Link(index=relatives[0])
            continue
        heads[index] = mine
        for word in _whole(mine):
            heads_by_word.setdefault((kind, word), set()).add(index)
    return links


def _whole(found: Sequence[str]) -> set[str]:
    return {w.rstrip(".") for w in found if _initial(w) is None}


def _index(entities: Mapping[tuple[str, int], tuple[str, ...]]) -> dict[tuple[str, str], set[tuple[str, int]]]:
    index: dict[tuple[str, str], set[tuple[str, int]]] = {}
    for entity, found in entities.items():
        for word in _whole(found):
            index.setdefault((entity[0], word), set()).add(entity)
    return index


def _candidates(kind: str, mine: Sequence[str], index: Mapping[tuple[str, str], set[Any]]) -> set[Any]:
    """Entries of `index` of the same type sharing a whole word with `mine`."""
    return set().union(*(index.get((kind, word), set()) for word in _whole(mine)))


def _related(a: Sequence[str], b: Sequence[str]) -> bool:
    return is_mention_of(a, b) or is_mention_of(b, a)


def _initial(word: str) -> str | None:
    """"j." or "j" → "j"; None for a whole word."""
    bare = word.rstrip(".")
    return bare if len(bare) == 1 and bare.isalpha() else None
