"""Fake contact data: e-mail addresses, phone numbers, URLs and IP addresses nobody can reach.

An AI agent may act on contact data (send a mail, call, fetch a page), so these surrogates stay
inside ranges the world reserves: phones in ARCEP's blocks for fiction, IP addresses in the
documentation networks (RFC 5737, RFC 3849), e-mail and web domains under `.example` (RFC 2606).
They keep the real value's format; a domain shared by an e-mail and a URL gets one surrogate.
"""

from __future__ import annotations

import ipaddress
import random
import re

from .drawing import (
    _WIDEN_AFTER,
    _case_like,
    _digits,
    _Draw,
    _fill_digits,
    _random_like,
    _slug,
    _with_faker,
)
from .names import _fake_first, _fake_last, _gender_of, _is_first_name

# fmt: off
# Mailbox names that say a role, not a person: kept as they are.
_ROLE_MAILBOXES = frozenset({
    "contact", "info", "infos", "bonjour", "hello", "admin", "support", "compta", "comptabilite",
    "facturation", "factures", "rh", "recrutement", "direction", "commercial", "sales", "noreply",
    "accueil", "secretariat", "service", "team", "equipe", "office", "jobs", "presse", "marketing",
})
# ARCEP's blocks reserved for fiction, by the first digit of the national number: never
# allocated, so no real subscriber can be reached. No block exists for 07, 08 or 09.
_FICTION_BLOCKS = {"1": "19900", "2": "26191", "3": "35301", "4": "46571", "5": "53649", "6": "63998"}
_MOBILE_FICTION = "63998"
# fmt: on


def _domain(draw: _Draw, domain: str) -> str:
    """A fake domain under `.example`, the same for every value of the same real domain."""
    real = domain.casefold().removeprefix("www.")
    rng = draw.derive(f"domain:{real}")
    name = _slug(_fake_last(rng, 0))
    if rng.random() < 0.5:  # doubled names widen the space: two clients rarely share a domain
        name += "-" + _slug(_fake_last(rng, 0))
    return f"{name}.example"


def _email(draw: _Draw, value: str) -> str:
    """first.last@name.example in the real address's shape (initials, digits, role mailboxes)."""
    local, at, domain = value.strip().rpartition("@")
    if not at or not local:
        return _random_like(draw.rng, value)
    parts = re.split(r"([._+-]|\d+)", local)
    for i in range(1, len(parts), 2):
        if parts[i].isdigit():  # "marie75": digits stay digits, never the real ones
            parts[i] = _digits(draw.rng, len(parts[i]))
    words = parts[::2]
    named = [i for i, w in enumerate(words) if w.isalpha() and w.casefold() not in _ROLE_MAILBOXES]
    gender = _gender_of(words[named[0]]) if named else None
    first = _slug(_fake_first(draw.rng, gender or draw.rng.choice("MF")))
    last = _slug(_fake_last(draw.rng, draw.attempt))
    for i, word in enumerate(words):
        if i not in named:
            words[i] = word if word.isalpha() or not word else _random_like(draw.rng, word)
            continue
        if len(named) == 1:
            new = first if _is_first_name(word) else last
        elif i == named[-1]:
            new = last
        else:
            new = first[:1] if len(word) == 1 else first
        words[i] = _case_like(word, new)
    parts[::2] = words
    new_local = "".join(parts)
    if draw.attempt >= _WIDEN_AFTER:
        new_local += _digits(draw.rng, 2)
    return f"{new_local}@{_case_like(domain, _domain(draw, domain))}"


def _phone(draw: _Draw, value: str) -> str:
    """A number of ARCEP's fiction blocks in the real one's format (+33, spacing, dots)."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return _random_like(draw.rng, value)
    national = phonenumbers.national_significant_number(parsed)
    slots = sum(ch.isdigit() for ch in value)
    if parsed.country_code == 33 and len(national) == 9:
        fake = _FICTION_BLOCKS.get(national[0], _MOBILE_FICTION if national[0] == "7" else "19900")
        fake += _digits(draw.rng, 4)
    else:
        fake = _foreign_national(draw.rng, parsed.country_code or 0, national)
    if slots < len(fake):
        return _random_like(draw.rng, value)
    digits = "".join(ch for ch in value if ch.isdigit())
    return _fill_digits(value, digits[: slots - len(fake)] + fake)


def _foreign_national(rng: random.Random, country_code: int, national: str) -> str:
    """A valid national number of another country, same length and first digit (its kind)."""
    import phonenumbers

    candidate = national
    for _ in range(30):
        candidate = national[:1] + _digits(rng, len(national) - 1)
        if phonenumbers.is_valid_number(phonenumbers.parse(f"+{country_code}{candidate}")):
            break
    return candidate


def _ip_address(draw: _Draw, value: str) -> str:
    """An address of the documentation networks: 192.0.2.0/24… for IPv4, 2001:db8::/32 for IPv6."""
    # The address, then what follows it as written (a port, a prefix length: "10.0.0.1:8080").
    match = re.match(r"\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*", value.strip())
    address, rest = (match.group(), value.strip()[match.end() :]) if match else ("", value)
    try:
        version = ipaddress.ip_address(address).version
    except ValueError:
        return _random_like(draw.rng, value)
    rng = draw.rng
    if version == 6:
        fake = str(ipaddress.IPv6Address((0x20010DB8 << 96) | rng.getrandbits(64)))
        return (fake.upper() if address.isupper() else fake) + rest
    if draw.attempt < _WIDEN_AFTER * 3:  # the three TEST-NETs hold 762 hosts
        network = rng.choice(("192.0.2", "198.51.100", "203.0.113"))
        return f"{network}.{rng.randrange(1, 255)}{rest}"
    # A crowded session: the benchmarking network (RFC 2544), never routed on the internet.
    return f"198.{rng.randrange(18, 20)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}{rest}"


_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)?(?P<www>www\.)?(?P<host>[^/?#:\s]+)(?P<port>:\d+)?(?P<rest>.*)$", re.S)


def _url(draw: _Draw, value: str) -> str:
    """Same scheme and path depth on a `.example` host; path words become French words."""
    match = _URL.match(value.strip())
    if not match:
        return _random_like(draw.rng, value)
    host = _domain(draw, match.group("host"))
    rest = re.sub(r"[^/?#&=.]+", lambda m: _url_word(draw.rng, m.group()), match.group("rest"))
    return f"{match.group('scheme') or ''}{match.group('www') or ''}{host}{match.group('port') or ''}{rest}"


def _url_word(rng: random.Random, word: str) -> str:
    """A path or query word: digits stay digits, file extensions stay, words become French words."""
    if word.isdigit() or not word.isalnum():
        return _random_like(rng, word)
    if word.casefold() in {"html", "htm", "php", "pdf", "aspx", "jsp", "json", "xml", "fr", "en"}:
        return word
    return _case_like(word, _slug(_with_faker(rng, lambda fake: fake.word())))
