"""Restore: put the original values back in place of the placeholders an AI answer carries.

Restore only ever reads its own session's table: a placeholder the session does not know is
left as written and reported, never guessed. A placeholder the user wrote themselves is
reserved in the session as a literal, so it comes back exactly as they wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Protocol

from guard.placeholders import (
    MAX_SURFACE_LENGTH,
    PlaceholderMatch,
    could_start_placeholder,
    find_placeholders,
    format_placeholder,
)

#: What a session knows of a (type, number, variant): the original value, LITERAL (a token the
#: user wrote, to leave as is), or None (unknown). Variant 0 is the entity's own placeholder.
LITERAL = object()
Lookup = Callable[[str, int, int], "str | object | None"]

# Characters of already-emitted text kept as context for the next scan (the scanner looks
# one character back before a token).
_CONTEXT = 16
# Characters that must follow a placeholder before it is final: more digits, spaces and a
# (markdown-escaped) closing bracket, or a mention's `.V`, could still change it.
_SETTLING = 3 + 2 + 1 + 4


class Stage(Protocol):
    """A streaming step run before placeholders are restored (surrogates are put back first)."""

    def feed(self, chunk: str) -> str: ...

    def flush(self) -> str: ...


@dataclass
class RestoreResult:
    """Restored text and the placeholder-like tokens that were left untouched as unknown."""

    text: str
    unknown: list[str] = field(default_factory=list)


def restore_text(text: str, lookup: Lookup) -> RestoreResult:
    """Replace every placeholder in `text` that `lookup` knows; report the others."""
    return _splice(text, find_placeholders(text), 0, len(text), lookup)


def _splice(
    text: str, matches: list[PlaceholderMatch], start: int, end: int, lookup: Lookup
) -> RestoreResult:
    """Restore `text[start:end]` given the placeholders found in it."""
    pieces: list[str] = []
    unknown: list[str] = []
    cursor = start
    for match in matches:
        value = lookup(match.type, match.number, match.variant)
        pieces.append(text[cursor : match.start])
        if isinstance(value, str):
            pieces.append(value)
        else:
            pieces.append(text[match.start : match.end])
            if value is None:
                unknown.append(format_placeholder(match.type, match.number, match.variant))
        cursor = match.end
    pieces.append(text[cursor:end])
    return RestoreResult("".join(pieces), unknown)


class StreamingRestorer:
    """Restores text that arrives in chunks; joined output equals restoring the whole text.

    Usage:
        r = guard.restorer(session_id)
        out = "".join(r.feed(chunk) for chunk in chunks) + r.flush()

    Only a tail that could still become, or still change, a placeholder is held back: at most
    one placeholder's length waits for the next chunk.
    """

    def __init__(self, lookup: Lookup, before: Stage | None = None) -> None:
        self._lookup = lookup
        self._before = before
        self._context = ""
        self._pending = ""
        self.unknown: list[str] = []

    def feed(self, chunk: str) -> str:
        """Add a chunk; return the restored text that can no longer change."""
        self._pending += self._before.feed(chunk) if self._before else chunk
        return self._emit(final=False)

    def flush(self) -> str:
        """Return everything still held back, restored."""
        if self._before:
            self._pending += self._before.flush()
        return self._emit(final=True)

    def _emit(self, final: bool) -> str:
        text = self._context + self._pending
        offset = len(self._context)
        matches = find_placeholders(text, offset)
        cut = len(text) if final else _safe_cut(text, offset, matches)
        if cut <= offset:
            return ""
        result = _splice(text, [m for m in matches if m.end <= cut], offset, cut, self._lookup)
        self.unknown.extend(result.unknown)
        self._context = text[max(offset, cut - _CONTEXT) : cut]
        self._pending = text[cut:]
        return result.text


def _safe_cut(text: str, offset: int, matches: list[PlaceholderMatch]) -> int:
    """The end of the prefix of `text` that later chunks can no longer change."""
    settled_end = len(text) - _SETTLING
    cut = len(text)
    for i in range(max(offset, settled_end - MAX_SURFACE_LENGTH), len(text)):
        holder = next((m for m in matches if m.start <= i < m.end), None)
        if holder is not None and holder.end <= settled_end:
            continue  # a complete placeholder whose surroundings are all known
        if could_start_placeholder(text, i):
            cut = i
            break
    for match in matches:  # never split a placeholder across the cut
        if match.start < cut < match.end:
            cut = match.start
    return cut
