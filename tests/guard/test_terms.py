"""Client terms: whole words, forgiving the way French text writes them, one automaton for all."""

from __future__ import annotations

import pytest

from guard.errors import ConfigError
from guard.recognizers.client_terms_recognizer import ClientTermsRecognizer
from guard.terms import Term, TermMatcher, fold, parse_terms

PHENIX = Term("Projet Phénix", ("Phenix",))
ACME = Term("Acme", (), "ORGANIZATION")


def found(text: str, *terms: Term) -> list[str]:
    return [text[m.start : m.end] for m in TermMatcher(terms or (PHENIX, ACME)).find(text)]


# fmt: off
@pytest.mark.parametrize(("text", "spans"), [
    ("Le Projet Phénix démarre.", ["Projet Phénix"]),
    ("le projet phenix, LE PROJET PHÉNIX", ["projet phenix", "PROJET PHÉNIX"]),
    ("Le projet\nPhénix et le projet   phénix", ["projet\nPhénix", "projet   phénix"]),   # line break, spaces
    ("Le projet\u00a0Phénix", ["projet\u00a0Phénix"]),                                   # non-breaking space
    ("d'Acme, l'Acme, qu'Acme, jusqu’à Acme", ["Acme", "Acme", "Acme", "Acme"]),         # elision
    ("les Acmes et Acme's offer", ["Acmes", "Acme"]),                                     # plural, possessive
    ("Phénix's roadmap; phénix.", ["Phénix", "phénix"]),                                  # an alias
    ("(Acme)", ["Acme"]),
])
# fmt: on
def test_every_written_form_of_a_term_is_found(text, spans):
    assert found(text) == spans


@pytest.mark.parametrize("text", ["Acmeville", "SuperAcme", "acme-like", "Phénixologie", "projet", "acm e"])
def test_a_term_inside_another_word_is_not_found(text):
    assert found(text) == []


def test_the_longest_term_wins_where_two_start_together():
    terms = (Term("Acme"), Term("Acme Industries"))
    assert found("Chez Acme Industries et Acme.", *terms) == ["Acme Industries", "Acme"]


def test_fold_maps_every_folded_character_back_to_the_original():
    text = "Projet  Phénix\n"
    folded, origin = fold(text)
    assert folded == "projet phenix "
    assert origin == [0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14]  # the second space folds away


@pytest.mark.parametrize(("value", "message"), [
    ("Acme", "must be a list"),
    ([{"value": ""}], "non-empty 'value'"),
    ([{"value": "Acme", "type": "CLIENT"}], "Known: PERSON"),
    ([{"value": "Acme", "aliases": "ACME"}], "list of non-empty strings"),
    ([{"value": "Acme", "colour": "red"}], "Unknown key colour"),
])
def test_a_bad_term_in_the_configuration_is_a_clear_error(value, message):
    with pytest.raises(ConfigError, match=message):
        parse_terms(value, "config.toml")


def test_terms_are_parsed_from_strings_and_tables():
    assert parse_terms(["Acme", {"value": "Projet Phénix", "aliases": ["Phenix"]}], "f") == (
        Term("Acme"), Term("Projet Phénix", ("Phenix",)),
    )


def test_the_recognizer_reports_each_term_with_its_type_and_full_confidence():
    results = ClientTermsRecognizer([PHENIX, ACME]).analyze("Acme lance le projet Phénix.", [])
    assert [(r.entity_type, r.start, r.end, r.score) for r in results] == [
        ("ORGANIZATION", 0, 4, 1.0), ("CLIENT_TERM", 14, 27, 1.0),
    ]


def test_a_term_never_shows_in_its_repr():
    assert "Phénix" not in repr(PHENIX) and "Phenix" not in repr(PHENIX)
