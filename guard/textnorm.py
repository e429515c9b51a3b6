"""Text folded for detection, with a map back to the original offsets.

A value can hide from the recognizers behind characters a reader never sees or reads the same:
a zero-width space inside a phone number, full-width digits in a SIRET, a non-breaking space
inside a name, an accent written as a combining mark. Detection runs on the folded text; the
spans it finds are mapped back so that what gets redacted is the original text, hidden
characters included, and restore gives the input back exactly.

    folded = fold_for_detection("06\\u200b12 34 56 78")
    folded.text                      # "0612 34 56 78"
    folded.original_span(0, 13)      # (0, 14)
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field, replace

import regex

from guard.entities import Entity

# Same-length foldings: spaces that are not " " (no-break, narrow no-break, figure,
# ideographic, typographic) become " "; full-width ASCII forms become ASCII (NFKC does the
# same); any other Unicode decimal digit becomes its ASCII digit.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_ONE_TO_ONE = {ord(ch): " " for ch in _SPACES} | {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_OTHER_DIGIT = regex.compile(r"[\p{Nd}--[0-9]]", regex.V1)

# Length-changing foldings: invisible format characters (zero-width space and joiners, word
# joiner, BOM, soft hyphen, bidirectional marks and overrides, tags) and variation selectors
# go; a base letter followed by combining marks becomes its composed form (NFC).
_INVISIBLE = r"\p{Cf}\uFE00-\uFE0F\U000E0100-\U000E01EF"
_CHANGING = regex.compile(
    rf"(?P<gone>[{_INVISIBLE}]+)|(?P<cluster>[^\p{{M}}{_INVISIBLE}][\p{{M}}{_INVISIBLE}]*\p{{M}})"
)
_INVISIBLE_CHAR = regex.compile(rf"[{_INVISIBLE}]")

Piece = tuple[int, int, int, int]


@dataclass(frozen=True)
class FoldedText:
    """The folded text, and where each length-changing piece of it came from in the original.

    `pieces` holds (folded start, folded end, original start, original end) for every piece
    whose length changed, in order; every other character maps one to one.
    """

    text: str = field(repr=False)
    changed: bool = False
    pieces: tuple[Piece, ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(piece[0] for piece in self.pieces))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span `[start, end)`; a composed letter is never split."""
        if not self.pieces:
            return start, end
        if end <= start:
            position = self._original_start(start)
            return position, position
        return self._original_start(start), self._original_end(end)

    def _original_start(self, position: int) -> int:
        k = bisect_right(self._starts, position) - 1
        if k < 0:
            return position
        _, folded_end, original_start, original_end = self.pieces[k]
        return original_start if position < folded_end else position - folded_end + original_end

    def _original_end(self, position: int) -> int:
        last = position - 1  # the span's last folded character
        k = bisect_right(self._starts, last) - 1
        if k >= 0 and last < self.pieces[k][1]:
            return self.pieces[k][3]
        return self._original_start(last) + 1


def fold_for_detection(text: str) -> FoldedText:
    """`text` as the recognizers should read it, with the map back to `text`'s offsets."""
    same_length = text.translate(_ONE_TO_ONE)
    if not same_length.isascii():
        same_length = _OTHER_DIGIT.sub(_ascii_digit, same_length)
    if same_length.isascii() or _CHANGING.search(same_length) is None:
        return FoldedText(same_length, same_length != text)
    parts: list[str] = []
    pieces: list[Piece] = []
    cursor = folded_length = 0
    for match in _CHANGING.finditer(same_length):
        replacement = "" if match.group("gone") else _compose(match.group("cluster"))
        if replacement == match.group():
            continue
        parts.append(same_length[cursor : match.start()])
        folded_length += match.start() - cursor
        pieces.append((folded_length, folded_length + len(replacement), match.start(), match.end()))
        parts.append(replacement)
        folded_length += len(replacement)
        cursor = match.end()
    parts.append(same_length[cursor:])
    return FoldedText("".join(parts), True, tuple(pieces))


def _ascii_digit(match: regex.Match[str]) -> str:
    """The ASCII form of a decimal digit; as written when Python's Unicode tables, older than the
    regex module's, do not know it (U+10D40: found by fuzzing, it crashed detection)."""
    value = unicodedata.decimal(match.group(), None)
    return match.group() if value is None else str(value)


def _compose(cluster: str) -> str:
    """A base character and its marks, composed, with any invisible character among them dropped."""
    return unicodedata.normalize("NFC", _INVISIBLE_CHAR.sub("", cluster))


def unfold_entities(entities: list[Entity], folded: FoldedText, text: str) -> list[Entity]:
    """Entities found in `folded.text`, moved to `text`'s offsets and text; still disjoint."""
    unfolded: list[Entity] = []
    for entity in entities:
        start, end = folded.original_span(entity.start, entity.end)
        if unfolded and start < unfolded[-1].end:  # two findings in one composed letter: one span
            previous = unfolded.pop()
            start, entity = previous.start, replace(entity, type=previous.type, score=max(previous.score, entity.score))
            end = max(end, previous.end)
        unfolded.append(replace(entity, start=start, end=end, text=text[start:end]))
    return unfolded
