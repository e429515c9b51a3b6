"""The placeholder grammar: the written form, the tolerant reading, and the value keys."""

from __future__ import annotations

import unicodedata

import pytest

from guard.entities import ENTITY_TYPES
from guard.placeholders import find_placeholders, format_placeholder, normalise


def found(text: str, pos: int = 0) -> list[tuple[str, str, int]]:
    """(matched surface, type, number) of every placeholder read in `text`."""
    return [(text[m.start : m.end], m.type, m.number) for m in find_placeholders(text, pos)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[PERSON_1]", [("[PERSON_1]", "PERSON", 1)]),
        ("PERSON_1", [("PERSON_1", "PERSON", 1)]),
        ("[person_1]", [("[person_1]", "PERSON", 1)]),
        ("[Person_1]", [("[Person_1]", "PERSON", 1)]),
        ("\\[PERSON\\_1\\]", [("\\[PERSON\\_1\\]", "PERSON", 1)]),
        ("\\[FR\\_SIRET\\_2\\]", [("\\[FR\\_SIRET\\_2\\]", "FR_SIRET", 2)]),
        ("<PERSON_1>", [("<PERSON_1>", "PERSON", 1)]),
        ("{PERSON_1}", [("{PERSON_1}", "PERSON", 1)]),
        ("[ PERSON_1 ]", [("[ PERSON_1 ]", "PERSON", 1)]),
        ("[PERSON_1 ]", [("[PERSON_1 ]", "PERSON", 1)]),
        ("[[PERSON_1]]", [("[PERSON_1]", "PERSON", 1)]),  # one level: the outer pair is the user's
        ("\\<PERSON_1\\>", [("\\<PERSON_1\\>", "PERSON", 1)]),
        ("[FR_SIRET_2]", [("[FR_SIRET_2]", "FR_SIRET", 2)]),
        ("[FR_SIREN_2]", [("[FR_SIREN_2]", "FR_SIREN", 2)]),
        ("FR_LICENSE_PLATE_3", [("FR_LICENSE_PLATE_3", "FR_LICENSE_PLATE", 3)]),
        ("[fr_license_plate_3]", [("[fr_license_plate_3]", "FR_LICENSE_PLATE", 3)]),
        ("EMAIL_ADDRESS_1", [("EMAIL_ADDRESS_1", "EMAIL_ADDRESS", 1)]),
        ("[CLIENT_TERM_12]", [("[CLIENT_TERM_12]", "CLIENT_TERM", 12)]),
        ("PERSON_123456", [("PERSON_123456", "PERSON", 123456)]),
        ("Voir [PERSON_1], puis PERSON_2.", [("[PERSON_1]", "PERSON", 1), ("PERSON_2", "PERSON", 2)]),
        ("[PERSON_1][PERSON_2]", [("[PERSON_1]", "PERSON", 1), ("[PERSON_2]", "PERSON", 2)]),
        ("(PERSON_1)", [("PERSON_1", "PERSON", 1)]),
        ("«PERSON_1»", [("PERSON_1", "PERSON", 1)]),
    ],
)
def test_every_tolerated_form_is_read_as_its_placeholder(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "person_1",  # lower case without brackets: an identifier in code, not ours
        "url_1 = fetch(url)",
        "PERSON_1x",
        "PERSON_1_",
        "xPERSON_1",
        "MY_PERSON_1",
        "9PERSON_1",
        "\\PERSON_1",
        "FOO_1",
        "[FOO_1]",
        "[SIRET_1]",
        "PERSON_0",
        "[PERSON_0]",
        "PERSON_01",
        "PERSON_1234567",
        "[PERSON_12345678]",
        "PERSON_",
        "[PERSON]",
        "PERSON 1",
        "PERSON-1",
        "[person_1>",  # mismatched brackets and lower case: nothing is left to read
    ],
)
def test_lookalikes_are_not_placeholders(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, core",
    [
        ("[PERSON_1>", "PERSON_1"),
        ("<PERSON_1]", "PERSON_1"),
        ("{PERSON_1]", "PERSON_1"),
        ("[PERSON_1", "PERSON_1"),
        ("PERSON_1]", "PERSON_1"),
        ("[PERSON_1}}", "PERSON_1"),
        ("[PERSON_1\\]", "PERSON_1"),  # plain opener, escaped closer
    ],
)
def test_mismatched_brackets_leave_only_the_bare_core(text, core):
    [(surface, entity_type, number)] = found(text)
    assert (surface, entity_type, number) == (core, "PERSON", 1)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("[[PERSON_1]]", "[PERSON_1]"),
        ("[[[PERSON_1]]]", "[PERSON_1]"),
        ("{[PERSON_1]}", "[PERSON_1]"),
        ("<[EMAIL_ADDRESS_1]>", "[EMAIL_ADDRESS_1]"),
        ("\\[PERSON_1]", "[PERSON_1]"),  # an escaped opener needs an escaped closer
        ("[ [PERSON_1] ]", "[PERSON_1]"),
    ],
)
def test_only_one_pair_of_delimiters_is_taken_and_the_users_own_survive(text, surface):
    [match] = find_placeholders(text)
    assert text[match.start : match.end] == surface


def test_more_than_three_inner_spaces_leave_the_brackets_out():
    assert found("[    PERSON_1    ]") == [("PERSON_1", "PERSON", 1)]


def test_an_entity_type_inside_a_longer_one_is_not_read_separately():
    # ADDRESS_1 inside EMAIL_ADDRESS_1, PLATE_3 inside FR_LICENSE_PLATE_3 (not a type anyway).
    assert found("EMAIL_ADDRESS_1 FR_LICENSE_PLATE_3") == [
        ("EMAIL_ADDRESS_1", "EMAIL_ADDRESS", 1),
        ("FR_LICENSE_PLATE_3", "FR_LICENSE_PLATE", 3),
    ]


def test_text_before_pos_is_context_but_is_never_consumed():
    assert found("xPERSON_1", pos=1) == []  # the letter before still forbids a match
    assert found("[PERSON_1]", pos=1) == [("PERSON_1", "PERSON", 1)]  # the opener is not taken


def test_matches_come_left_to_right_and_never_overlap():
    text = "[PERSON_2] et <EMAIL_ADDRESS_1>, {FR_SIRET_3} puis PERSON_2."
    matches = find_placeholders(text)
    assert [(m.type, m.number) for m in matches] == [
        ("PERSON", 2), ("EMAIL_ADDRESS", 1), ("FR_SIRET", 3), ("PERSON", 2),
    ]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


@pytest.mark.parametrize(
    "entity_type, number, written",
    [("PERSON", 1, "[PERSON_1]"), ("FR_SIRET", 2, "[FR_SIRET_2]"), ("FR_LICENSE_PLATE", 10, "[FR_LICENSE_PLATE_10]")],
)
def test_format_placeholder_writes_type_and_number_in_brackets(entity_type, number, written):
    assert format_placeholder(entity_type, number) == written


@pytest.mark.parametrize("entity_type", ENTITY_TYPES)
def test_every_written_placeholder_reads_back_as_itself(entity_type):
    for number in (1, 7, 42, 999999):
        written = format_placeholder(entity_type, number)
        assert found(written) == [(written, entity_type, number)]
        assert found(written.lower()) == [(written.lower(), entity_type, number)]


# -- normalise: which writings of a value share one placeholder --------------------------------

NFD_HELENE = unicodedata.normalize("NFD", "Hélène Martin")


@pytest.mark.parametrize(
    "entity_type, first, second",
    [
        ("PERSON", "Jean Dupont", "jean dupont"),
        ("PERSON", "Jean Dupont", "  JEAN   Dupont "),
        ("PERSON", "Jean\u00a0Dupont", "Jean\nDupont"),
        ("PERSON", "Hélène Martin", NFD_HELENE),
        ("ORGANIZATION", "Société Générale", "SOCIÉTÉ GÉNÉRALE"),
        ("CLIENT_TERM", "Projet Phénix", "projet  phénix"),
        ("FR_SIRET", "732 829 320 00074", "73282932000074"),
        ("FR_SIREN", "732 829 320", "732.829.320"),
        ("IBAN_CODE", "FR76 3000 6000 0112 3456 7890 189", "fr7630006000011234567890189"),
        ("PHONE_NUMBER", "06 12 34 56 78", "+33 6 12 34 56 78"),
        ("PHONE_NUMBER", "06 12 34 56 78", "0612345678"),
        ("PHONE_NUMBER", "+33 6 12 34 56 78", "06.12.34.56.78"),
        ("EMAIL_ADDRESS", "Jean.Dupont@Acme.FR", "jean.dupont@acme.fr"),
        ("SECRET", "sk-AbC123xyz", "sk-AbC123xyz"),
    ],
)
def test_writings_of_one_value_share_a_key(entity_type, first, second):
    assert normalise(entity_type, first) == normalise(entity_type, second)


@pytest.mark.parametrize(
    "entity_type, first, second",
    [
        ("PERSON", "Jean Dupont", "Jean Dupond"),
        ("PERSON", "Hélène Martin", "Helene Martin"),
        ("FR_SIRET", "732 829 320 00074", "732 829 320 00075"),
        ("PHONE_NUMBER", "06 12 34 56 78", "06 12 34 56 79"),
        ("PHONE_NUMBER", "+33 6 12 34 56 78", "+44 6 12 34 56 78"),
        ("EMAIL_ADDRESS", "jean.dupont@acme.fr", "jean.dupond@acme.fr"),
        ("SECRET", "sk-AbC123xyz", "sk-abc123xyz"),
        ("SECRET", "sk-AbC123xyz", "sk-AbC123xyz "),
    ],
)
def test_different_values_keep_different_keys(entity_type, first, second):
    assert normalise(entity_type, first) != normalise(entity_type, second)
