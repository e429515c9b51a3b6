"""Policy: which findings are left alone (allow-list, `allow`), masked, blocked or redacted.

The allow-list holds values the user never wants redacted (their own name and company, public
bodies, a word the model keeps flagging); the per-type policy says what happens to the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from guard.config import Settings
from guard.entities import NER_TYPES, Entity, cut_around
from guard.errors import BlockedError
from guard.terms import Term, fold, matcher_for

#: What a masked value becomes: nothing of it is kept, so nothing of it can come back.
MASK = "****"


@dataclass(frozen=True)
class Decision:
    """The findings to swap for placeholders, and those to mask for good."""

    redact: tuple[Entity, ...]
    mask: tuple[Entity, ...]


def without_allowed(entities: Sequence[Entity], text: str, settings: Settings) -> list[Entity]:
    """Findings minus allowed types and allow-listed values.

    An allow-listed value is matched like a client term (whole words, any case or accents); a
    finding equal to one, or lying inside one, goes; an NER guess that merely contains one is cut
    around it, so "Bonjour Claire Martin" read as a name does not redact the user's own name.
    """
    kept = [e for e in entities if settings.action(e.type) != "allow"]
    if not settings.allow:
        return kept
    zones = [(m.start, m.end) for m in matcher_for(tuple(Term(value) for value in settings.allow)).find(text)]
    keys = {_key(value) for value in settings.allow}
    result: list[Entity] = []
    for entity in kept:
        if _key(entity.text) in keys or any(lo <= entity.start and entity.end <= hi for lo, hi in zones):
            continue
        result.extend(cut_around(entity, zones, text) if entity.type in NER_TYPES else [entity])
    return result


def decide(entities: Sequence[Entity], text: str, settings: Settings) -> Decision:
    """Split findings by their type's action; any `block` finding refuses the whole text."""
    blocked = tuple((e.type, e.start, e.end) for e in entities if settings.action(e.type) == "block")
    if blocked:
        raise BlockedError(blocked, text)
    return Decision(
        redact=tuple(e for e in entities if settings.action(e.type) == "redact"),
        mask=tuple(e for e in entities if settings.action(e.type) == "mask"),
    )


def _key(value: str) -> str:
    """Allow-list comparison: folded words, or only letters and digits for identifiers."""
    folded = fold(value)[0].strip()
    return "".join(ch for ch in folded if ch.isalnum()) if any(ch.isdigit() for ch in folded) else folded
