"""No leak, as a property: realistic French texts full of planted values, hidden every way we know.

Each example builds a text from parts — names after a title or a greeting, identifiers with valid
checksums (python-stdnum) in every spacing, e-mails, phones, cards, IBANs, API keys — surrounded by
prose, markdown, code, emoji, right-to-left text, and hides the values with zero-width characters,
no-break spaces, combining accents or full-width digits. The redacted text must hold no planted value
in any spacing or case, and restoring it must give the input back exactly.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st
from stdnum import iban, luhn
from stdnum.fr import nir

from guard import Guard

pytestmark = pytest.mark.model

# fmt: off
FIRST_NAMES = ["Jean", "Hélène", "François", "Chloé", "Jérôme", "Émilie", "Benoît", "Amélie", "Gaëlle", "Mathieu",
               "Sophie", "Nicolas", "Camille", "Thierry", "Inès", "Loïc"]
LAST_NAMES = ["Dupont", "Lefèvre", "Moreau", "Girard", "Lemaître", "Fontaine", "Rousseau", "Chevalier", "Gauthier",
              "Mercier", "Bérenger", "Delacroix", "Marchand", "Perrin"]
TITLES = ["M.", "Mme", "Maître", "Docteur", "Madame", "Monsieur"]
PROSE = [
    "Suite à notre échange de ce matin,", "merci de bien vouloir vérifier le dossier.", "Voici les éléments demandés :",
    "Le contrat est prêt à être signé.", "Pouvez-vous confirmer la date de livraison ?", "Cordialement,",
    "Je reste à votre disposition.", "Le devis joint reprend les conditions habituelles.", "À bientôt !",
]
DECOR = ["😀", "🚀", "✅", "👍🏽", "👨\u200d👩\u200d👧", "مرحبا بكم", "שלום עולם", "\u200f", "\u202b", "—", "…", "« »",
         "**important**", "> citation", "- puce", "```", "`code`", "| col | col |", "\n\n", "\t"]
# fmt: on
SEPARATORS = [" ", "\u00a0", "\u202f", ".", "-", ""]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=n, max_size=n)


def grouped(number: str, sizes: list[int], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(number[i : i + size])
        i += size
    return sep.join(parts)


@st.composite
def siren_number(draw: st.DrawFn) -> str:
    body = draw(st.text("123456789", min_size=1, max_size=1)) + draw(digits(7))
    return body + luhn.calc_check_digit(body)


@st.composite
def planted_siren(draw: st.DrawFn) -> tuple[str, str]:
    return "SIREN", grouped(draw(siren_number()), [3, 3, 3], draw(st.sampled_from(SEPARATORS)))


@st.composite
def planted_siret(draw: st.DrawFn) -> tuple[str, str]:
    body = draw(siren_number()) + draw(digits(4))
    number = body + luhn.calc_check_digit(body)
    return "SIRET", grouped(number, [3, 3, 3, 5], draw(st.sampled_from(SEPARATORS)))


@st.composite
def planted_tva(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(siren_number())
    key = f"{int(number + '12') % 97:02d}"
    return "TVA intracommunautaire", draw(st.sampled_from([f"FR{key}{number}", f"FR {key} {number}", f"FR{key} {grouped(number, [3, 3, 3], ' ')}"]))


@st.composite
def planted_nir(draw: st.DrawFn) -> tuple[str, str]:
    sex = draw(st.sampled_from("12"))
    year, month = draw(digits(2)), f"{draw(st.integers(1, 12)):02d}"
    department, commune, order = f"{draw(st.integers(1, 95)):02d}", draw(digits(3)), f"{draw(st.integers(1, 999)):03d}"
    body = sex + year + month + department + commune + order
    number = body + nir.calc_check_digits(body)
    sep = draw(st.sampled_from([" ", "\u00a0", ""]))
    return "numéro de sécurité sociale", grouped(number, [1, 2, 2, 2, 3, 3, 2], sep)


@st.composite
def planted_iban(draw: st.DrawFn) -> tuple[str, str]:
    bank, branch, account = draw(digits(5)), draw(digits(5)), draw(digits(11))
    key = f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97:02d}"
    bban = bank + branch + account + key
    number = "FR" + iban.calc_check_digits("FR00" + bban) + bban
    sep = draw(st.sampled_from([" ", "\u00a0", ""]))
    return "IBAN", sep.join(number[i : i + 4] for i in range(0, len(number), 4))


@st.composite
def planted_card(draw: st.DrawFn) -> tuple[str, str]:
    body = "4" + draw(digits(14))
    number = body + luhn.calc_check_digit(body)
    return "carte bancaire", grouped(number, [4, 4, 4, 4], draw(st.sampled_from([" ", "\u00a0", "-", ""])))


@st.composite
def planted_phone(draw: st.DrawFn) -> tuple[str, str]:
    number = draw(
        st.builds(lambda prefix, rest: prefix + rest, st.sampled_from(["06", "07"]), digits(8)).filter(_is_valid_phone)
    )
    style = draw(st.sampled_from(["pairs", "plus", "plain"]))
    sep = draw(st.sampled_from([" ", "\u00a0", ".", "-"]))
    if style == "plus":
        return "Tél", "+33 " + grouped(number[1:], [1, 2, 2, 2, 2], sep)
    return "Tél", grouped(number, [2, 2, 2, 2, 2], sep) if style == "pairs" else number


@st.composite
def planted_email(draw: st.DrawFn) -> tuple[str, str]:
    first = _ascii(draw(st.sampled_from(FIRST_NAMES))).lower()
    last = _ascii(draw(st.sampled_from(LAST_NAMES))).lower()
    domain = draw(st.sampled_from(["acme-industries.fr", "cabinet-avocats.com", "mairie-lyon.fr", "example.org"]))
    return "e-mail", f"{first}.{last}{draw(st.integers(1, 99))}@{domain}"


@st.composite
def planted_secret(draw: st.DrawFn) -> tuple[str, str]:
    body = draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", min_size=48, max_size=48))
    return "OPENAI_API_KEY=", "sk-proj-" + body


@st.composite
def planted_person(draw: st.DrawFn) -> tuple[str, str]:
    name = f"{draw(st.sampled_from(FIRST_NAMES))} {draw(st.sampled_from(LAST_NAMES))}"
    return draw(st.sampled_from(TITLES)), name


PLANTED = st.one_of(
    planted_siren(), planted_siret(), planted_tva(), planted_nir(), planted_iban(), planted_card(),
    planted_phone(), planted_email(), planted_secret(), planted_person(),
)


def _is_valid_phone(number: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(number, "FR"))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@st.composite
def hidden(draw: st.DrawFn, value: str) -> str:
    """The value as a hostile or careless writer may type it: the characters change, not what a reader sees."""
    how = draw(st.sampled_from(["plain", "invisible", "full-width", "decomposed", "no-break"]))
    if how == "invisible" and len(value) > 2:
        at = draw(st.integers(1, len(value) - 1))
        return value[:at] + draw(st.sampled_from(INVISIBLE)) + value[at:]
    if how == "full-width":
        return "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() else ch for ch in value)
    if how == "decomposed":
        return unicodedata.normalize("NFD", value)
    if how == "no-break":
        return value.replace(" ", "\u00a0")
    return value


@st.composite
def document(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A short French text with 1 to 4 planted values, each after its label, amid prose and decoration."""
    parts: list[str] = []
    values: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        label, value = draw(PLANTED)
        if any(same_value(value) == same_value(v) for v in values):
            continue  # one value, one placeholder: a second spelling would come back as the first
        shown = draw(hidden(value))
        parts.append(draw(st.sampled_from(PROSE)))
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(DECOR)))
        joiner = "" if label.endswith("=") else draw(st.sampled_from([" ", " : ", "\u00a0: "]))
        parts.append(f"{label}{joiner}{shown}")
        parts.append(draw(st.sampled_from([".", ",", " ;", "\n", " " + draw(st.sampled_from(DECOR))])))
        values.append(shown)  # as written: what must not survive, and what the baseline must not count
    return " ".join(parts), values


def same_value(value: str) -> str:
    """What makes two spellings one value for the vault (so one placeholder): "+33 6…" is "06…"."""
    key = squashed(value)
    return "0" + key[2:] if len(key) == 11 and key.startswith("33") and key.isdigit() else key


_PLACEHOLDER = re.compile(r"\[[A-Z_]+_\d+\]")


def squashed(text: str) -> str:
    """Letters and digits only, compatibility-folded and case-folded: the value 'in any spacing or case'."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKD", folded) if ch.isalnum())


def leaked_fragments(redacted: str, value: str, original: str, values: list[str]) -> list[str]:
    """Pieces of six letters or digits of `value` readable in `redacted` more often than the input's
    own words hold them ("Maître" holds "maitre", as does "jean.lemaitre1@…"); placeholders aside."""
    rest = squashed(_PLACEHOLDER.sub(" ", redacted))
    words = original
    for planted in values:
        words = words.replace(planted, " ")
    baseline = squashed(words)
    key = squashed(value)
    width = min(6, len(key))
    windows = {key[i : i + width] for i in range(len(key) - width + 1)}
    return sorted(w for w in windows if rest.count(w) > baseline.count(w))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(document())
def test_no_planted_value_survives_redaction_in_any_spacing_or_case(real_guard: Guard, doc: tuple[str, list[str]]) -> None:
    text, values = doc
    red = real_guard.redact(text)
    note(f"input: {text!r}\nredacted: {red.text!r}")
    assert {value: leaked_fragments(red.text, value, text, values) for value in values} == {value: [] for value in values}
    assert real_guard.restore(red.text, red.session_id) == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(document(), min_size=2, max_size=3))
def test_one_conversation_of_several_hostile_messages_round_trips_each_exactly(real_guard: Guard, docs: list[tuple[str, list[str]]]) -> None:
    session = real_guard.new_session()
    seen = [same_value(v) for _, values in docs for v in values]
    assume(len(seen) == len(set(seen)))  # one value, one placeholder: see document()
    for text, values in docs:
        red = real_guard.redact(text, session_id=session)
        note(f"input: {text!r}\nredacted: {red.text!r}")
        assert [v for v in values if leaked_fragments(red.text, v, text, values)] == []
        assert real_guard.restore(red.text, session) == text


@pytest.mark.parametrize(
    "text, value",
    [
        ("Appelez-moi au 06\u200b12 34 56 78 demain.", "06\u200b12 34 56 78"),
        ("Tél\u00a0: 06\u00a012\u00a034\u00a056\u00a078.", "06\u00a012\u00a034\u00a056\u00a078"),
        ("SIRET ７３２ ８２９ ３２０ ０００７４ au registre.", "７３２ ８２９ ３２０ ０００７４"),
        ("Écrire à jean.dupont@acme\u2060.fr avant lundi.", "jean.dupont@acme\u2060.fr"),
        ("IBAN FR76\u00ad3000 6000 0112 3456 7890 189 pour le virement.", "FR76\u00ad3000 6000 0112 3456 7890 189"),
        ("Rendez-vous avec Mme He\u0301le\u0300ne Lefe\u0300vre jeudi.", "He\u0301le\u0300ne Lefe\u0300vre"),
        ("Clé : \u202bsk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f\u202c fin.", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f"),
    ],
)
def test_a_value_with_hidden_characters_inside_is_found_whole_with_original_offsets(real_guard: Guard, text: str, value: str) -> None:
    found = [e for e in real_guard.analyze(text) if value in e.text or e.text in value]
    assert [(text[e.start : e.end], e.text) for e in found] == [(value, value)] or [e.text for e in found] == [text[text.index(value) - 1 : text.index(value) + len(value) + 1].strip("\u202b\u202c ")]
    red = real_guard.redact(text)
    assert leaked_fragments(red.text, value, text, [value]) == []
    assert real_guard.restore(red.text, red.session_id) == text
