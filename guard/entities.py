"""Entity types, the `Entity` value object, and overlap resolution.

Overlaps are resolved so that no fragment of a value stays in clear: overlapping findings
merge into one span, typed by the most specific finding inside it (an IBAN inside a longer
NER span is an IBAN).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Callable, Iterable

# fmt: off
#: Canonical entity types (DESIGN.md). Placeholders, config, API and reports use these names.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON", "ORGANIZATION", "LOCATION", "ADDRESS", "EMAIL_ADDRESS", "PHONE_NUMBER",
    "IBAN_CODE", "BIC", "CREDIT_CARD", "IP_ADDRESS", "URL", "DATE_OF_BIRTH", "SECRET",
    "FR_NIR", "FR_SIREN", "FR_SIRET", "FR_TVA", "FR_RIB", "FR_TAX_ID", "FR_PASSPORT",
    "FR_CNI", "FR_LICENSE_PLATE", "CLIENT_TERM",
)

#: Lower rank = more specific. When findings overlap, the most specific type names the span.
#: Checksummed and structured identifiers beat free-form contact data, which beats NER guesses.
_SPECIFICITY: dict[str, int] = {
    "SECRET": 0, "FR_NIR": 1, "IBAN_CODE": 1, "FR_RIB": 1, "CREDIT_CARD": 1, "FR_SIRET": 1,
    "FR_TVA": 1, "FR_SIREN": 2, "BIC": 2, "FR_TAX_ID": 2, "FR_PASSPORT": 2, "FR_CNI": 2,
    "FR_LICENSE_PLATE": 2, "EMAIL_ADDRESS": 3, "URL": 3, "IP_ADDRESS": 3, "PHONE_NUMBER": 3,
    "DATE_OF_BIRTH": 3, "CLIENT_TERM": 4, "ADDRESS": 5,
    # Names, companies and places rank equal: the finding with the most evidence (score) names
    # the span, so "Boulangerie Moreau" found by its trade word beats NER's PERSON guess.
    "PERSON": 6, "ORGANIZATION": 6, "LOCATION": 6,
}
# fmt: on

#: Types produced by statistical NER: their spans are guesses and yield to any exact match.
NER_TYPES: frozenset[str] = frozenset({"PERSON", "ORGANIZATION", "LOCATION"})


def specificity(entity_type: str) -> int:
    """Rank of a type for overlap resolution; unknown (user-added) types rank with CLIENT_TERM."""
    return _SPECIFICITY.get(entity_type, _SPECIFICITY["CLIENT_TERM"])


@dataclass(frozen=True, slots=True)
class Entity:
    """One finding: a typed span of the analysed text.

    `text` holds the original value; it is left out of `repr` so that logs never show it.
    """

    type: str
    start: int
    end: int
    score: float
    text: str = field(repr=False)
    placeholder: str | None = None


def resolve_overlaps(
    entities: Iterable[Entity],
    text: str,
    is_label: Callable[[str], bool] = lambda _: False,
    is_plausible: Callable[[Entity], bool] = lambda _: True,
) -> list[Entity]:
    """Merge overlapping findings into disjoint spans, keeping the most specific type.

    An NER guess that overlaps an exact finding (IBAN, e-mail…) is cut around it rather than
    merged: "mail jp.martin@orange.fr" read as a PERSON is an e-mail plus a label word. The
    pieces left over stay redacted unless `is_label` says they are a label ("SIRET", "Tél") or,
    being fragments, `is_plausible` rejects them. Any other overlap merges into the union, so no
    fragment of a value stays in clear.
    """
    ordered = sorted(entities, key=lambda e: (e.start, -(e.end - e.start)))
    exact = [e for e in ordered if e.type not in NER_TYPES]
    near = _spans_near(exact)
    pieces = [
        stripped
        for guess in ordered
        if guess.type in NER_TYPES
        for piece in cut_around(guess, near(guess), text)
        if (stripped := strip_labels(piece, text, is_label)) is not None
        and ((stripped.start, stripped.end) == (guess.start, guess.end) or is_plausible(stripped))
    ]
    merged: list[Entity] = []
    for entity in sorted(exact + pieces, key=lambda e: (e.start, -e.end)):
        if merged and entity.start < merged[-1].end:
            merged[-1] = _union(merged[-1], entity, text)
        else:
            merged.append(entity)
    return merged


def _spans_near(exact: list[Entity]) -> Callable[[Entity], list[tuple[int, int]]]:
    """A function giving the spans of `exact` (sorted by start) that may overlap an entity: a
    binary search, so that a long text with thousands of findings is not quadratic."""
    spans = [(e.start, e.end) for e in exact]
    starts = [start for start, _ in spans]
    longest = max((end - start for start, end in spans), default=0)
    return lambda guess: spans[bisect_left(starts, guess.start - longest) : bisect_left(starts, guess.end)]


def trim(entity: Entity, text: str) -> Entity | None:
    """Shrink a span to exclude surrounding spaces and punctuation; None when nothing is left."""
    start, end = entity.start, entity.end
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Entity(entity.type, start, end, entity.score, text[start:end])


def _is_edge_junk(ch: str) -> bool:
    return ch.isspace() or ch in _EDGE_PUNCTUATION


_EDGE_PUNCTUATION = frozenset(",;:!?()[]{}<>«»\"'`*|/")


def cut_around(entity: Entity, spans: Iterable[tuple[int, int]], text: str) -> list[Entity]:
    """The parts of `entity` outside every span of `spans`, trimmed; [] when none is left."""
    bounds = [(entity.start, entity.end)]
    for start, end in spans:
        if start < entity.end and entity.start < end:
            bounds = [
                (lo2, hi2)
                for lo, hi in bounds
                for lo2, hi2 in ((lo, min(hi, start)), (max(lo, end), hi))
                if lo2 < hi2
            ]
    trimmed = (trim(Entity(entity.type, lo, hi, entity.score, text[lo:hi]), text) for lo, hi in bounds)
    return [piece for piece in trimmed if piece is not None]


def strip_labels(piece: Entity, text: str, is_label: Callable[[str], bool]) -> Entity | None:
    """Drop label words ("Tél", "SIRET", "M.") from both ends of an NER piece."""
    words = [(m.start() + piece.start, m.end() + piece.start) for m in _WORD.finditer(piece.text)]
    while words and is_label(text[words[0][0] : words[0][1]]):
        words.pop(0)
    while words and is_label(text[words[-1][0] : words[-1][1]]):
        words.pop()
    if not words:
        return None
    return trim(Entity(piece.type, words[0][0], words[-1][1], piece.score, ""), text)


_WORD = re.compile(r"\S+")


def _union(a: Entity, b: Entity, text: str) -> Entity:
    winner = min((a, b), key=lambda e: (specificity(e.type), -e.score))
    start, end = min(a.start, b.start), max(a.end, b.end)
    return Entity(winner.type, start, end, max(a.score, b.score), text[start:end])
