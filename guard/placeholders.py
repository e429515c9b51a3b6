"""Placeholder grammar: how `[TYPE_N]` is written, read back tolerantly, and how values are keyed.

Written form is always `[TYPE_N]`. Read back, the grammar accepts what AI models do to it:
case (`[person_1]`), markdown escaping (`\\[PERSON\\_1\\]`), other brackets (`<PERSON_1>`,
`{PERSON_1}`), inner spaces (`[ PERSON_1 ]`) and no brackets at all
(`PERSON_1`, upper case only, so that `url_1` in code is not taken for one).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

from guard.entities import ENTITY_TYPES

_OPENERS = {"[": "]", "<": ">", "{": "}"}
_MAX_SPACES = 3
_MAX_DIGITS = 6
_MAX_VARIANT_DIGITS = 3


def format_placeholder(entity_type: str, number: int, variant: int = 0) -> str:
    """The written form of a placeholder: `[TYPE_N]`, or `[TYPE_N.V]` for the V-th way of writing
    entity N ("M. Dupont" after "Jean Dupont": one person for the AI, each mention restored as written).
    """
    return f"[{entity_type}_{number}.{variant}]" if variant else f"[{entity_type}_{number}]"


@dataclass(frozen=True)
class PlaceholderMatch:
    """A placeholder-like token found in text: where it is and which (type, number) it names."""

    start: int
    end: int
    type: str
    number: int
    #: 0 for the entity's own placeholder, V >= 2 for `[TYPE_N.V]`, another mention of entity N.
    variant: int = 0


def _type_alternation(types: tuple[str, ...]) -> str:
    # Longest first so that FR_SIRET is not read as FR_SIREN's prefix; `\_` for markdown.
    names = sorted(types, key=len, reverse=True)
    return "|".join(r"\\?_".join(map(re.escape, name.split("_"))) for name in names)


_TYPES = _type_alternation(ENTITY_TYPES)
_CORE = regex.compile(
    rf"(?<![A-Za-z0-9_\\])(?P<type>(?i:{_TYPES}))\\?_(?P<number>[1-9][0-9]{{0,{_MAX_DIGITS - 1}}})"
    rf"(?:\.(?P<variant>[1-9][0-9]{{0,{_MAX_VARIANT_DIGITS - 1}}}))?(?![A-Za-z0-9_])"
)
# Any surface form, used to ask "could a placeholder still start here?" of a stream's tail.
_SURFACE = regex.compile(
    rf"(?:\\?[\[<{{][ \t]{{0,{_MAX_SPACES}}})?(?i:{_TYPES})\\?_[0-9]{{1,{_MAX_DIGITS}}}"
    rf"(?:\.[0-9]{{0,{_MAX_VARIANT_DIGITS}}})?"
)
#: Longest text a single placeholder can occupy once its delimiters are included.
MAX_SURFACE_LENGTH = (
    max(len(t) + t.count("_") for t in ENTITY_TYPES)
    + 2 + _MAX_DIGITS + 1 + _MAX_VARIANT_DIGITS + 2 * (2 + _MAX_SPACES)
)


def find_placeholders(text: str, pos: int = 0, endpos: int | None = None) -> list[PlaceholderMatch]:
    """Every placeholder-like token in `text[pos:endpos]`, left to right, never overlapping.

    Characters before `pos` are seen as context (a preceding letter means no match) but are
    never consumed, so a stream can be scanned piece by piece with the same result.
    """
    end_limit = len(text) if endpos is None else endpos
    found: list[PlaceholderMatch] = []
    floor = pos
    for core in _CORE.finditer(text, pos, end_limit):
        if core.start() < floor:
            continue
        start, end = _extend(text, core.start(), core.end(), floor, end_limit)
        is_bare = (start, end) == core.span()
        if is_bare and not core.group("type").isupper():
            continue
        entity_type = regex.sub(r"\\", "", core.group("type")).upper()
        variant = int(core.group("variant") or 0)
        found.append(PlaceholderMatch(start, end, entity_type, int(core.group("number")), 0 if variant == 1 else variant))
        floor = end
    return found


def _extend(text: str, start: int, end: int, floor: int, limit: int) -> tuple[int, int]:
    """Widen a bare token to one pair of matching delimiters around it, if there is one.

    One level only, and a markdown-escaped opener needs an escaped closer: the text around
    our own `[TYPE_N]` is the user's (`<[EMAIL_ADDRESS_1]>`, `\\[PERSON_1]`) and must survive.
    """
    left = _skip_spaces_left(text, start, floor)
    right = _skip_spaces_right(text, end, limit)
    if left <= floor or text[left - 1] not in _OPENERS:
        return start, end
    closer = _OPENERS[text[left - 1]]
    escaped = left - 2 >= floor and text[left - 2] == "\\"
    if escaped and text[right : right + 2] == "\\" + closer:
        return left - 2, right + 2
    if right < limit and text[right] == closer:
        return left - 1, right + 1
    return start, end


def _skip_spaces_left(text: str, i: int, floor: int) -> int:
    stop = max(floor, i - _MAX_SPACES)
    while i > stop and text[i - 1] in " \t":
        i -= 1
    return i


def _skip_spaces_right(text: str, i: int, limit: int) -> int:
    stop = min(limit, i + _MAX_SPACES)
    while i < stop and text[i] in " \t":
        i += 1
    return i


def could_start_placeholder(text: str, pos: int) -> bool:
    """True when `text[pos:]` is, or may grow into, a placeholder with its delimiters."""
    match = _SURFACE.match(text, pos, partial=True)
    return match is not None


# fmt: off
_NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "ADDRESS", "CLIENT_TERM"})
_CASELESS_TYPES = frozenset({"EMAIL_ADDRESS", "URL"})
_ALNUM_TYPES = frozenset({
    "IBAN_CODE", "BIC", "CREDIT_CARD", "FR_NIR", "FR_SIREN", "FR_SIRET", "FR_TVA", "FR_RIB",
    "FR_TAX_ID", "FR_PASSPORT", "FR_CNI", "FR_LICENSE_PLATE", "IP_ADDRESS", "DATE_OF_BIRTH",
})
# fmt: on


def normalise(entity_type: str, value: str) -> str:
    """The key under which a value gets its placeholder: equal keys share one placeholder.

    Names and terms ignore case and spacing; identifiers keep only letters and digits; e-mails
    and URLs ignore case; phones compare as numbers (`06 12…` and `+33 6 12…` are one phone).
    Anything else (secrets) must match exactly.
    """
    if entity_type in _NAME_TYPES:
        return " ".join(unicodedata.normalize("NFC", value).casefold().split())
    if entity_type in _CASELESS_TYPES:
        return value.strip().casefold()
    if entity_type in _ALNUM_TYPES:
        return "".join(ch for ch in value.upper() if ch.isalnum())
    if entity_type == "PHONE_NUMBER":
        return _phone_key(value)
    return value


def _phone_key(value: str) -> str:
    import phonenumbers  # imported here: the CLI must start without it

    try:
        number = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return "".join(ch for ch in value if ch.isdigit())
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
