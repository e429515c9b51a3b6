"""What every surrogate maker draws with: the draw itself and the helpers that copy a value's shape.

Each kind of value has its own maker module (`names`, `places`, `contact`, `identifiers`,
`dates`, `tokens`); they all write random characters into the real value's shape (its case,
separators, digit and letter slots) and some read Faker's French data, so those helpers live
here, once, shared by the makers and the generator that calls them.
"""

from __future__ import annotations

import random
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from faker import Faker

# Attempts after which a kind of value widens its space (compound surnames, Greek letters…).
_WIDEN_AFTER = 10


@dataclass(frozen=True)
class _Draw:
    """What a maker draws from: this attempt's generator, the attempt number, and per-label ones."""

    rng: random.Random
    attempt: int
    # A generator keyed by the session seed and a label only, so that two values sharing a part
    # (jean@acme.fr, https://acme.fr) share its surrogate too.
    derive: Callable[[str], random.Random]


Maker = Callable[[_Draw, str], str]


def _loose(text: str) -> str:
    """Letters and digits only, lower case, no accents: what every tolerant form keeps."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in plain.casefold() if ch.isalnum())


def _case_like(model: str, word: str) -> str:
    """`word` in the case of `model`: all capitals, all lower case, or as `word` is written."""
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if letters and all(c.islower() for c in letters):
        return word.lower()
    return word


def _fill(template: str, chars: str) -> str:
    """Write `chars` into the letter and digit slots of `template`, keeping its separators and case."""
    slots = iter(chars)
    out = []
    for ch in template:
        if ch.isalnum():
            new = next(slots)
            out.append(new.lower() if ch.islower() else new)
        else:
            out.append(ch)
    return "".join(out)


def _alnum(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _random_like(rng: random.Random, model: str) -> str:
    """A random string of `model`'s shape: digits for digits, letters of the same case for letters.

    A body written in hexadecimal (a key, a hash) stays hexadecimal.
    """
    body = [ch for ch in model if ch.isalnum()]
    letters = [ch for ch in body if ch.isalpha()]
    hex_lower = bool(letters) and all(ch in "0123456789abcdef" for ch in body)
    hex_upper = bool(letters) and all(ch in "0123456789ABCDEF" for ch in body)
    out = []
    for ch in model:
        if not ch.isalnum():
            out.append(ch)
        elif hex_lower or hex_upper:
            out.append(rng.choice("0123456789abcdef" if hex_lower else "0123456789ABCDEF"))
        elif ch.isdigit():
            out.append(rng.choice("0123456789"))
        else:
            letter = rng.choice(_UPPER)
            out.append(letter.lower() if ch.islower() else letter)
    return "".join(out)


def _slug(name: str) -> str:
    """A name as an e-mail or domain label: no accents, lower case, dashes between words."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


_FAKER_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _faker() -> Faker:
    """The one French Faker instance: built once, it reads only data shipped in the package."""
    from faker import Faker

    return Faker("fr_FR")


def _with_faker(rng: random.Random, make: Callable[[Faker], str]) -> str:
    """Run a Faker provider from `rng`'s state; the shared instance is reseeded under a lock."""
    fake = _faker()
    with _FAKER_LOCK:
        fake.seed_instance(rng.getrandbits(64))
        return make(fake)


def _fill_digits(template: str, digits: str) -> str:
    """Write `digits` into the digit slots of `template`, leaving every other character."""
    slots = iter(digits)
    return "".join(next(slots) if ch.isdigit() else ch for ch in template)
