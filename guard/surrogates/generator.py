"""The surrogate generator: one session's fake values, drawn reproducibly from its secret seed.

A surrogate comes from a random generator keyed by the session's secret seed, the type, the
value's normalised key, its index and an attempt number: the session re-derives the same
surrogate (for one Faker and data version, so store it rather than re-derive it after an
upgrade), and nobody without the seed can link a surrogate to its value. A candidate is skipped
when it equals the real value, a value already taken in the session, or text the user wrote
(restore would turn the user's own words into a vault value). Each entity type's maker lives
with its kind of value; `_MAKERS` below maps the types to them.
"""

from __future__ import annotations

import hashlib
import random
import re
import secrets
from collections.abc import Container
from functools import lru_cache

from guard.errors import GuardError
from guard.placeholders import normalise

from .contact import _URL, _email, _ip_address, _phone, _url
from .dates import _date_of_birth
from .drawing import Maker, _alnum, _Draw, _loose
from .identifiers import (
    _bic,
    _credit_card,
    _fr_cni,
    _fr_license_plate,
    _fr_nir,
    _fr_passport,
    _fr_rib_value,
    _fr_siren,
    _fr_siret,
    _fr_tax_id,
    _fr_tva,
    _iban,
)
from .matching import surrogate_pattern
from .names import (
    _FakePerson,
    _name_parts,
    _organization,
    _organization_mention,
    _person,
    _person_gender,
    _render_name,
    _roles_like,
)
from .places import _address, _location
from .tokens import _client_term, _secret, _token

# A session with thousands of values of one type still finds a free candidate well before this.
_MAX_ATTEMPTS = 100


def new_seed() -> str:
    """A fresh secret seed for one session's surrogates (128 bits, hex); keep it in the vault."""
    return secrets.token_hex(16)


class SurrogateGenerator:
    """Draws the surrogates of one session, reproducibly from the session's secret seed.

        generator = SurrogateGenerator(seed=new_seed())
        generator.surrogate("PERSON", "Jean Dupont", 1, taken={"jean dupont"})  # 'Luc Martin'
        generator.surrogate("PHONE_NUMBER", "06 12 34 56 78", 1, taken=set())   # '06 39 98 …'
    """

    def __init__(self, seed: str | bytes) -> None:
        raw = seed.encode("utf-8") if isinstance(seed, str) else bytes(seed)
        if not raw:
            raise GuardError("The surrogate seed is empty. Give each session a seed from new_seed().")
        self._key = hashlib.blake2b(raw, digest_size=32).digest()

    def __repr__(self) -> str:
        return "SurrogateGenerator(seed=<hidden>)"

    def surrogate(
        self,
        entity_type: str,
        value: str,
        index: int,
        taken: Container[str] = frozenset(),
        *,
        text: str = "",
    ) -> str:
        """A fake value of `entity_type` standing for `value`, free in `taken` and absent from `text`.

        `index` is the value's number in the session (its placeholder number). `taken` holds the
        session's values, real and surrogate, as written or as `normalise()` keys. `text`, when
        given, is the user's text: a candidate found in it is skipped.
        """
        if not value.strip():
            raise GuardError(f"Cannot draw a surrogate for an empty {entity_type} value.")
        key = normalise(entity_type, value)
        make = _MAKERS.get(entity_type, _token)
        for attempt in range(_MAX_ATTEMPTS):
            draw = _Draw(self._rng(entity_type, key, str(index), str(attempt)), attempt, self._derive)
            candidate = make(draw, value)
            if _is_free(entity_type, candidate, value, key, taken, text):
                return candidate
        raise GuardError(
            f"No free {entity_type} surrogate after {_MAX_ATTEMPTS} attempts: the session already "
            f"holds too many values of this type. Use --style tags for this text."
        )

    def mention(self, entity_type: str, mention: str, full: str, surrogate: str) -> str:
        """The surrogate of another mention of an entity whose fullest form `full` became `surrogate`.

        Linked mentions stay one entity for the AI: after "Jean Dupont" → "Luc Martin", the
        mentions "M. Dupont", "J. Dupont", "Jean" and "DUPONT Jean" become "M. Martin",
        "L. Martin", "Luc" and "MARTIN Luc"; after "Acme Industries SAS" → "Fabre Industries
        SAS", "Acme" becomes "Fabre". Other types keep `surrogate`. The caller checks that the
        result is free in the session, as for `surrogate()`.
        """
        if entity_type == "ORGANIZATION":
            return _organization_mention(mention, surrogate)
        if entity_type != "PERSON":
            return surrogate
        words, gaps, roles = _name_parts(mention)
        roles, slots = _roles_like(words, roles, *_name_parts(full)[::2])
        known_words, _, known_roles = _name_parts(surrogate)
        gender = (
            _person_gender(words, roles) or _person_gender(known_words, known_roles)
            or self._derive(f"gender:{surrogate}").choice("MF")
        )  # fmt: skip
        fake = _FakePerson(self._derive(f"mention:{surrogate}"), gender, 0)
        fake.firsts = [w for w, r in zip(known_words, known_roles) if r == "first"]
        surname = [w for w, r in zip(known_words, known_roles) if r == "last"]
        fake.surname = " ".join(surname) or None
        return _render_name(words, gaps, roles, fake, slots)

    def _rng(self, *parts: str) -> random.Random:
        digest = hashlib.blake2b(key=self._key, digest_size=16)
        for part in parts:
            digest.update(part.encode("utf-8") + b"\x00")
        return random.Random(int.from_bytes(digest.digest(), "big"))

    def _derive(self, label: str) -> random.Random:
        return self._rng("derived", label)


def _is_free(
    entity_type: str, candidate: str, value: str, key: str, taken: Container[str], text: str
) -> bool:
    """Whether a candidate differs from the real value, the session's values and the user's text."""
    candidate_key = normalise(entity_type, candidate)
    if candidate_key == key or candidate in taken or candidate_key in taken:
        return False
    # Restore must never read the real value, or words the user wrote, as this surrogate. Every
    # form the pattern accepts keeps the candidate's letters and digits, so a substring test on
    # those rules most texts out before the pattern is compiled.
    core = _loose(_core(entity_type, candidate))
    suspects = [hay for hay in (value, text) if hay and core in _loose_cached(hay)]
    if not suspects:
        return True
    found = re.compile(surrogate_pattern(entity_type, candidate))
    return all(found.search(hay) is None for hay in suspects)


@lru_cache(maxsize=32)
def _loose_cached(text: str) -> str:
    return _loose(text)


def _core(entity_type: str, surrogate: str) -> str:
    """The part of a surrogate that every form restore accepts keeps (no URL scheme, no 0 or +33)."""
    if entity_type == "URL" and (match := _URL.match(surrogate)):
        return match.group("host") + match.group("rest")
    if entity_type == "PHONE_NUMBER":
        return _alnum(surrogate)[-9:]
    return surrogate


_MAKERS: dict[str, Maker] = {
    "PERSON": _person,
    "ORGANIZATION": _organization,
    "LOCATION": _location,
    "ADDRESS": _address,
    "EMAIL_ADDRESS": _email,
    "PHONE_NUMBER": _phone,
    "IBAN_CODE": _iban,
    "BIC": _bic,
    "CREDIT_CARD": _credit_card,
    "IP_ADDRESS": _ip_address,
    "URL": _url,
    "DATE_OF_BIRTH": _date_of_birth,
    "SECRET": _secret,
    "FR_NIR": _fr_nir,
    "FR_SIREN": _fr_siren,
    "FR_SIRET": _fr_siret,
    "FR_TVA": _fr_tva,
    "FR_RIB": _fr_rib_value,
    "FR_TAX_ID": _fr_tax_id,
    "FR_PASSPORT": _fr_passport,
    "FR_CNI": _fr_cni,
    "FR_LICENSE_PLATE": _fr_license_plate,
    "CLIENT_TERM": _client_term,
}
