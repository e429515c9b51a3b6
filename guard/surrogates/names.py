"""Fake people and companies: French names in the real name's shape, for PERSON and ORGANIZATION.

A person's name carries its order, titles, initials, capitals and gender, and a company's its
legal form and trade words; the AI reasons about all of these, so the fake name keeps them.
Reading a name's parts (which word is a first name, a surname, a title) is most of the work,
and the generator also uses it to give other mentions of one person or company the same fake
name ("M. Dupont" → "M. Martin").
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

from guard.lexicons import lexicon

from .drawing import _WIDEN_AFTER, _case_like, _Draw, _fill, _loose

# Locales whose first names tell a gender, French first: those of the name gazetteer.
_GENDER_LOCALES = (
    ("fr_FR", "fr_BE", "fr_CH", "fr_CA", "fr_QC"),
    ("en_GB", "en_IE", "es_ES", "it_IT", "de_DE", "pt_PT", "pt_BR", "nl_NL", "pl_PL", "ro_RO",
     "ar_AA", "tr_TR"),
)  # fmt: skip

# fmt: off
_TITLES: dict[str, str | None] = {
    "m": "M", "mr": "M", "monsieur": "M", "messieurs": "M", "sir": "M",
    "mme": "F", "madame": "F", "mlle": "F", "mademoiselle": "F", "mrs": "F", "ms": "F", "miss": "F",
    "dr": None, "docteur": None, "me": None, "maître": None, "maitre": None, "pr": None,
    "professeur": None, "prof": None,
}
_PARTICLES = frozenset({
    "de", "du", "des", "d'", "d’", "le", "la", "van", "von", "der", "den", "da", "das", "do",
    "dos", "di", "del", "della", "ben", "el", "al",
})
# fmt: on


@lru_cache(maxsize=1)
def _french_names() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Faker fr_FR's male first names, female first names and last names."""
    from faker.providers.person.fr_FR import Provider

    return tuple(Provider.first_names_male), tuple(Provider.first_names_female), tuple(Provider.last_names)


@lru_cache(maxsize=1)
def _genders() -> dict[str, str | None]:
    """First name → "M", "F", or None when the name is given to both (Camille, Dominique).

    French locales decide first; the others only name what the French lists do not know.
    """
    import importlib

    table: dict[str, str | None] = {}
    for locales in _GENDER_LOCALES:
        found: dict[str, set[str]] = {}
        for locale in locales:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
            for gender, attribute in (("M", "first_names_male"), ("F", "first_names_female")):
                for name in getattr(provider, attribute, ()):
                    found.setdefault(name, set()).add(gender)
        for name, genders in found.items():
            if name not in table:
                table[name] = genders.pop() if len(genders) == 1 else None
    return table


def _gender_of(word: str) -> str | None:
    """The gender a first name tells ("M" or "F"), None when unknown or given to both."""
    first = word.split("-")[0].strip(".")
    return _genders().get(first[:1].upper() + first[1:].lower())


def _is_first_name(word: str) -> bool:
    return word.split("-")[0].strip(".").capitalize() in _genders()


def _fake_first(rng: random.Random, gender: str, *, compound: bool = False) -> str:
    male, female, _ = _french_names()
    names = male if gender == "M" else female
    first = rng.choice(names)
    return f"{first}-{rng.choice([n for n in names if n != first])}" if compound else first


def _fake_last(rng: random.Random, attempt: int) -> str:
    last_names = _french_names()[2]
    first = rng.choice(last_names)
    # Faker has 400 French surnames: a crowded session moves on to double-barrelled ones.
    return f"{first}-{rng.choice(last_names)}" if attempt >= _WIDEN_AFTER else first


def _is_initial(word: str) -> bool:
    return re.fullmatch(r"[A-ZÀ-Þ]\.?(?:-[A-ZÀ-Þ]\.?)?", word) is not None


def _name_roles(words: list[str]) -> list[str]:
    """The role of each word of a person's name: title, first, initial, or last (surname)."""
    roles: list[str] = []
    while len(roles) < len(words) - 1 and words[len(roles)].casefold().rstrip(".") in _TITLES:
        roles.append("title")
    rest = words[len(roles) :]
    caps = [w.isupper() and len(w.strip(".")) > 1 for w in rest]
    if any(caps) and not all(caps):
        # French custom: the surname in capitals, wherever it stands ("DUPONT Jean").
        return roles + ["last" if c else "initial" if _is_initial(w) else "first" for w, c in zip(rest, caps)]
    if len(rest) == 1:
        word = rest[0]
        alone_first = not roles and _gender_of(word) is not None and not _is_last_name(word)
        return roles + ["initial" if _is_initial(word) else "first" if alone_first else "last"]
    if len(rest) == 2 and not _is_first_name(rest[0]) and _is_first_name(rest[1]):
        return roles + ["last", "first"]  # "Dupont Jean"
    tail = len(rest) - 1
    while tail > 0 and rest[tail - 1].casefold() in _PARTICLES:
        tail -= 1
    head = ["initial" if _is_initial(w) else "first" for w in rest[:tail]]
    return roles + head + ["last"] * (len(rest) - tail)


def _is_last_name(word: str) -> bool:
    return "-".join(p.capitalize() for p in word.split("-")) in lexicon("last_names.txt")


class _FakePerson:
    """The fake first names and surname that one person's mentions share, drawn when first needed."""

    def __init__(self, rng: random.Random, gender: str, attempt: int) -> None:
        self.rng, self.gender, self.attempt = rng, gender, attempt
        self.firsts: list[str] = []
        self.surname: str | None = None

    def first(self, position: int, *, compound: bool = False) -> str:
        while len(self.firsts) <= position:
            self.firsts.append(_fake_first(self.rng, self.gender, compound=compound))
        return self.firsts[position]

    def last(self) -> str:
        if self.surname is None:
            self.surname = _fake_last(self.rng, self.attempt)
        return self.surname


def _name_parts(value: str) -> tuple[list[str], list[str], list[str]]:
    """A name's words, the spacing before each word, and each word's role."""
    pieces = re.split(r"(\s+)", value.strip())
    words = pieces[::2]
    return words, [""] + pieces[1::2], _name_roles(words)


def _person(draw: _Draw, value: str) -> str:
    """A French name of the same shape: same order, titles, initials, capitals and gender."""
    words, gaps, roles = _name_parts(value)
    gender = _person_gender(words, roles) or draw.rng.choice("MF")
    return _render_name(words, gaps, roles, _FakePerson(draw.rng, gender, draw.attempt))


def _render_name(
    words: list[str], gaps: list[str], roles: list[str], fake: _FakePerson, slots: list[int] | None = None
) -> str:
    """Write a name's shape with the fake person's names: titles kept, capitals and initials alike.

    `slots` says which of the person's first names each word stands for (in order by default).
    """
    out: list[str] = []
    count = 0
    for i, (word, role) in enumerate(zip(words, roles)):
        position = slots[i] if slots is not None else count
        if role == "last" and i > 0 and roles[i - 1] == "last":
            continue  # one fake surname stands for the whole group ("de La Fontaine")
        out.append(gaps[i])
        if role == "title":
            out.append(word)
        elif role == "first":
            out.append(_case_like(word, fake.first(position, compound="-" in word)))
            count += 1
        elif role == "initial":
            letters = sum(ch.isalpha() for ch in word)
            name = fake.first(position, compound=letters > 1)
            out.append(_fill(word, "".join(part[0] for part in name.split("-")).ljust(letters, name[0])[:letters]))
            count += 1
        else:
            group_end = i
            while group_end + 1 < len(roles) and roles[group_end + 1] == "last":
                group_end += 1
            out.append(_case_like(words[group_end], fake.last()))
    return "".join(out)


def _roles_like(
    words: list[str], roles: list[str], full_words: list[str], full_roles: list[str]
) -> tuple[list[str], list[int]]:
    """A mention's roles and first-name slots, read from the full name where their words match.

    "Jean" alone reads as a surname too ("Jean" is one); after "Jean Dupont" it is the first name.
    """
    firsts = [_loose(w) for w, r in zip(full_words, full_roles) if r in ("first", "initial")]
    lasts = {_loose(w) for w, r in zip(full_words, full_roles) if r == "last"}
    new_roles, slots, unused = [], [], 0
    for word, role in zip(words, roles):
        folded = _loose(word)
        if role != "title" and folded in lasts:
            role = "last"
        elif role != "title" and folded in firsts:
            role = "first"
        elif role == "initial":
            firsts_by_letter = [i for i, f in enumerate(firsts) if f[:1] == folded[:1]]
            unused = firsts_by_letter[0] if firsts_by_letter else unused
        new_roles.append(role)
        slots.append(firsts.index(folded) if role == "first" and folded in firsts else unused)
        if role in ("first", "initial"):
            unused = max(unused, slots[-1]) + 1
    return new_roles, slots


def _person_gender(words: list[str], roles: list[str]) -> str | None:
    """The gender the real name tells: its title, else its first first name."""
    for word, role in zip(words, roles):
        if role == "title" and _TITLES.get(word.casefold().rstrip(".")):
            return _TITLES[word.casefold().rstrip(".")]
    for word, role in zip(words, roles):
        if role == "first":
            return _gender_of(word)
    return None


# ---------------------------------------------------------------------------------------------
# Companies

# fmt: off
_LEGAL_FORMS = frozenset(f.casefold() for f in (
    "SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCI", "SCOP", "SCP", "SCM", "SELARL", "SELAS",
    "SEL", "GIE", "EI", "EIRL", "SE", "SCA", "SCS", "S.A.", "S.A.S.", "S.A.S.U.", "S.A.R.L.",
    "E.U.R.L.", "Sàrl", "GmbH", "AG", "Ltd", "Ltd.", "Limited", "LLC", "Inc", "Inc.", "PLC", "BV",
    "NV", "SpA", "SL", "SRL", "Cie", "Cie.",
))
# Words that say what a company does, not which one it is: kept around the fake name so that
# the AI still knows it talks about a law firm or a bakery.
_SECTOR_WORDS = frozenset({
    "&", "et", "and", "cabinet", "groupe", "group", "société", "societe", "sté", "ste",
    "laboratoires", "laboratoire", "agence", "atelier", "ateliers", "association", "fondation",
    "banque", "mutuelle", "hôtel", "hotel", "restaurant", "garage", "pharmacie", "clinique",
    "institut", "studio", "studios", "boulangerie", "transports", "conseil", "conseils",
    "consulting", "industries", "industrie", "services", "solutions", "technologies",
    "informatique", "immobilier", "assurances", "finance", "partners", "associés", "associes",
    "fils", "digital", "systèmes", "systemes", "systems", "logistique", "distribution",
    "international", "france", "holding", "établissements", "ets", "compagnie", "imprimerie",
    "menuiserie", "avocats", "architectes", "expertise", "audit", "formation", "communication",
    "éditions", "editions", "productions", "énergie", "energie", "santé", "sante", "software",
    "design", "lab", "labs", "tech",
})
# fmt: on


def _is_kept_company_word(word: str) -> bool:
    folded = word.casefold().strip("(),")
    return folded in _LEGAL_FORMS or folded in _SECTOR_WORDS


def _company_body(value: str) -> tuple[list[str], int, int]:
    """A company name's pieces (words and spacing) and the word range that names it."""
    pieces = re.split(r"(\s+)", value.strip())
    words = pieces[::2]
    start, end = 0, len(words)
    while start < end and _is_kept_company_word(words[start]):
        start += 1
    while end > start and _is_kept_company_word(words[end - 1]):
        end -= 1
    if start == end:  # nothing but trade words ("Groupe Conseil"): all of it names the company
        start, end = 0, len(words)
    return pieces, start, end


def _with_body(pieces: list[str], start: int, end: int, body: str) -> str:
    """The company name with its naming words replaced by `body`, in their case."""
    naming = " ".join(pieces[2 * start : 2 * end - 1 : 2])
    return "".join(pieces[: 2 * start]) + _case_like(naming, body) + "".join(pieces[2 * end - 1 :])


def _organization(draw: _Draw, value: str) -> str:
    """French surnames as a company name, keeping the real one's legal form and trade words."""
    pieces, start, end = _company_body(value)
    first = _fake_last(draw.rng, draw.attempt)
    return _with_body(pieces, start, end, first if end - start == 1 else f"{first} {_fake_last(draw.rng, 0)}")


def _organization_mention(mention: str, surrogate: str) -> str:
    """A short or long name of a company, with the naming words of its surrogate."""
    known, start, end = _company_body(surrogate)
    return _with_body(*_company_body(mention), " ".join(known[2 * start : 2 * end - 1 : 2]))
