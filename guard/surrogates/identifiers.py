"""Fake identifiers with valid checksums: bank and card numbers, French state and company numbers.

IBAN, BIC, cards, RIB, NIR, SIREN, SIRET, TVA, tax id, plates, CNI and passports. A number that
fails its checksum reads as a typo to the AI (and to the reader), so each surrogate is valid in
its own scheme, its key computed by python-stdnum, and written with the real one's grouping;
cards use the networks' published test IINs, so no real card is named.
"""

from __future__ import annotations

import random
import re

from stdnum import bic, iban, luhn
from stdnum.fr import nif, nir, siren
from stdnum.iso7064 import mod_97_10

from .drawing import _UPPER, _alnum, _digits, _Draw, _fill, _fill_digits, _random_like
from .places import _DEPARTMENTS


def _fr_rib(rng: random.Random) -> str:
    """Bank, branch and account numbers, then the RIB key that makes the whole a multiple of 97."""
    body = str(rng.randrange(10000, 100000)) + _digits(rng, 5) + _digits(rng, 11)
    key = next(f"{k:02d}" for k in range(1, 98) if mod_97_10.checksum(body + f"{k:02d}") == 0)
    return body + key


def _fr_rib_value(draw: _Draw, value: str) -> str:
    if len(_alnum(value)) != 23:
        return _random_like(draw.rng, value)
    return _fill(value, _fr_rib(draw.rng))


def _iban(draw: _Draw, value: str) -> str:
    """Same country and grouping; French ones carry a valid RIB key, all a valid IBAN key."""
    compact = _alnum(value)
    if len(compact) < 15 or not compact[:2].isalpha():
        return _random_like(draw.rng, value)
    country = compact[:2]
    number = compact
    for _ in range(2000):  # a random national check (Belgium, Spain…) passes once in a hundred
        bban = _fr_rib(draw.rng) if country == "FR" and len(compact) == 27 else _random_like(draw.rng, compact[4:])
        number = country + iban.calc_check_digits(country + "00" + bban) + bban
        if iban.is_valid(number):
            break
    return _fill(value, number)


def _bic(draw: _Draw, value: str) -> str:
    """A random bank code in the same country, "XXX" kept for a head office."""
    compact = _alnum(value)
    if len(compact) not in (8, 11):
        return _random_like(draw.rng, value)
    rng = draw.rng
    number = compact
    for _ in range(20):
        bank = "".join(rng.choice(_UPPER) for _ in range(4))
        location = _random_like(rng, compact[6:8])
        branch = compact[8:] if compact[8:] in ("", "XXX") else _random_like(rng, compact[8:])
        number = bank + compact[4:6] + location + branch
        if bic.is_valid(number):
            break
    return _fill(value, number)


# The IINs of the test cards the networks publish (Visa 4242…, Mastercard 5555…), by brand prefix.
_TEST_IINS = (
    ("34", "378282"), ("37", "378282"), ("35", "353011"), ("30", "305693"), ("36", "305693"),
    ("38", "305693"), ("4", "424242"), ("5", "555555"), ("2", "222300"), ("6", "601111"),
)  # fmt: skip


def _credit_card(draw: _Draw, value: str) -> str:
    """Same brand, length and spacing, under a test IIN, with a valid Luhn digit."""
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) < 12:
        return _random_like(draw.rng, value)
    iin = next((iin for brand, iin in _TEST_IINS if digits.startswith(brand)), digits[:1])
    body = iin + _digits(draw.rng, len(digits) - len(iin) - 1)
    return _fill_digits(value, body + luhn.calc_check_digit(body))


def _fr_nir(draw: _Draw, value: str) -> str:
    """Same sex digit; a plausible birth year and month, department, commune and key."""
    compact = _alnum(value)
    if len(compact) not in (13, 15):
        return _random_like(draw.rng, value)
    rng = draw.rng
    sex = compact[0] if compact[0] in "12378" else rng.choice("12")
    body = (
        sex + f"{rng.randrange(40, 106) % 100:02d}" + f"{rng.randrange(1, 13):02d}"
        + rng.choice(_DEPARTMENTS) + f"{rng.randrange(1, 990):03d}" + f"{rng.randrange(1, 1000):03d}"
    )
    number = body + nir.calc_check_digits(body) if len(compact) == 15 else body
    return _fill(value, number)


def _fake_siren(rng: random.Random) -> str:
    body = str(rng.randrange(10_000_000, 100_000_000))
    return body + luhn.calc_check_digit(body)


def _fr_siren(draw: _Draw, value: str) -> str:
    if len(_alnum(value)) != 9:
        return _random_like(draw.rng, value)
    return _fill(value, _fake_siren(draw.rng))


def _fr_siret(draw: _Draw, value: str) -> str:
    """A valid SIREN, then an establishment number (NIC) with its Luhn digit."""
    if len(_alnum(value)) != 14:
        return _random_like(draw.rng, value)
    body = _fake_siren(draw.rng) + "000" + str(draw.rng.randrange(1, 10))
    return _fill(value, body + luhn.calc_check_digit(body))


def _fr_tva(draw: _Draw, value: str) -> str:
    """FR, the key over a fake SIREN, the SIREN."""
    compact = _alnum(value)
    if len(compact) not in (11, 13):
        return _random_like(draw.rng, value)
    number = "FR" + siren.to_tva(_fake_siren(draw.rng))
    return _fill(value, number[-len(compact) :])


def _fr_tax_id(draw: _Draw, value: str) -> str:
    """Thirteen digits starting 0 to 3, the last three the mod-511 key."""
    if len(_alnum(value)) != 13:
        return _random_like(draw.rng, value)
    body = str(draw.rng.randrange(0, 4)) + _digits(draw.rng, 9)
    return _fill(value, body + nif.calc_check_digits(body))


# SIV letters: never I, O or U, nor the pair SS.
_PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"


def _plate_pair(rng: random.Random) -> str:
    while (pair := rng.choice(_PLATE_LETTERS) + rng.choice(_PLATE_LETTERS)) == "SS":
        pass
    return pair


def _fr_license_plate(draw: _Draw, value: str) -> str:
    """A SIV plate (AB-123-CD) or an older FNI one (1234 AB 56), as the real one is written."""
    compact, rng = _alnum(value), draw.rng
    if re.fullmatch(r"[A-Z]{2}\d{3}[A-Z]{2}", compact):
        return _fill(value, _plate_pair(rng) + f"{rng.randrange(1, 1000):03d}" + _plate_pair(rng))
    fni = re.fullmatch(r"(\d{1,4})([A-Z]{1,3})(\d{2,3}|2[AB])", compact)
    if not fni:
        return _random_like(rng, value)
    department = fni.group(3)
    if department.isdigit():
        department = rng.choice(_DEPARTMENTS) if len(department) == 2 else f"97{rng.randrange(1, 7)}"
    number = str(rng.randrange(10 ** (len(fni.group(1)) - 1), 10 ** len(fni.group(1))))
    letters = "".join(rng.choice(_PLATE_LETTERS) for _ in fni.group(2))
    return _fill(value, number + letters + department)


def _fr_cni(draw: _Draw, value: str) -> str:
    """An identity card number: the 12-digit format before 2021, 9 letters and digits since."""
    compact, rng = _alnum(value), draw.rng
    if re.fullmatch(r"\d{12}", compact):
        number = (
            f"{rng.randrange(90, 121) % 100:02d}{rng.randrange(1, 13):02d}"
            + rng.choice(_DEPARTMENTS) + str(rng.randrange(1, 10)) + _digits(rng, 5)
        )
        return _fill(value, number)
    if len(compact) != 9:
        return _random_like(rng, value)
    while True:  # both letters and digits, and never a passport's shape
        number = "".join(rng.choice(_UPPER + "0123456789") for _ in range(9))
        if re.search(r"\d", number) and re.search("[A-Z]", number) and not re.fullmatch(r"\d\d[A-Z]{2}\d{5}", number):
            return _fill(value, number)


def _fr_passport(draw: _Draw, value: str) -> str:
    """Two digits, two letters, five digits."""
    if not re.fullmatch(r"\d\d[A-Z]{2}\d{5}", _alnum(value)):
        return _random_like(draw.rng, value)
    rng = draw.rng
    return _fill(value, _digits(rng, 2) + rng.choice(_UPPER) + rng.choice(_UPPER) + _digits(rng, 5))
