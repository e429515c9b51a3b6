"""Fake places: real French towns for LOCATION, Faker streets with a postcode and town for ADDRESS.

Towns are not personal and the AI reasons about them, so a surrogate town is a real one (from
the GeoNames list in `models/`); an address keeps its lines, commas and street number. The
mainland department numbers are kept here too: postcodes, NIRs, plates and ID cards start with
them.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from guard.lexicons import is_common_word, lexicon

from .drawing import _case_like, _digits, _Draw, _fill, _with_faker


@lru_cache(maxsize=1)
def _towns() -> tuple[str, ...]:
    """French towns that are no common word ("Vienne", "Tours"): a surrogate must read as a place."""
    return tuple(sorted(t for t in lexicon("fr_towns.txt") if not is_common_word(t) and len(t) > 3))


def _location(draw: _Draw, value: str) -> str:
    """A real French town (GeoNames): the AI reasons about places, and towns are not personal."""
    return _case_like(value, draw.rng.choice(_towns()))


_POSTCODE = re.compile(r"(?<!\d)\d{2}[ \u00a0]?\d{3}(?!\d)")
_STREET_NUMBER = re.compile(r"^\d{1,4}(?:\s?(?i:bis|ter|quater|[a-d])\b)?(,?\s+)")
# Mainland departments: their numbers start postcodes (20 is Corsica, written 2A/2B).
_DEPARTMENTS = tuple(f"{n:02d}" for n in range(1, 96) if n != 20)


def _address(draw: _Draw, value: str) -> str:
    """A Faker fr_FR street, a postcode and a town, on as many lines and with the same commas."""
    value = value.strip()
    postcode = _POSTCODE.search(value)
    street_part = value[: postcode.start()] if postcode else value
    street_end = len(street_part.rstrip(" \t\u00a0,\n"))
    street_text, separator = street_part[:street_end], street_part[street_end:]
    if not postcode:
        head, cut, tail = _split_first(street_text)
        town = _case_like(tail, draw.rng.choice(_towns())) if tail.strip() else ""
        return _street(draw.rng, head) + cut + town
    city_line, newline, rest = value[postcode.end() :].partition("\n")
    lead = city_line[: len(city_line) - len(city_line.lstrip())]
    city = city_line.strip()
    town = _case_like(city, draw.rng.choice(_towns())) if city else ""
    code = draw.rng.choice(_DEPARTMENTS) + _digits(draw.rng, 3)
    return _street(draw.rng, street_text) + separator + _fill(postcode.group(), code) + lead + town + newline + rest


def _split_first(text: str) -> tuple[str, str, str]:
    """Split an address without postcode at its first comma or line break."""
    match = re.search(r"\s*[,\n]\s*", text)
    if not match:
        return text, "", ""
    return text[: match.start()], match.group(), text[match.end() :]


def _street(rng: random.Random, model: str) -> str:
    """A fake street line shaped like `model`: with or without number and comma, same case."""
    if not model:
        return ""
    name = _with_faker(rng, lambda fake: fake.street_name())
    if model[:1].isalpha() and model[:1].isupper():
        name = name[:1].upper() + name[1:]
    number = _STREET_NUMBER.match(model)
    if number:
        name = f"{rng.randrange(1, 200)}{number.group(1)}{name}"
    return _case_like(model, name)
