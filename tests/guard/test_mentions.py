"""Linked mentions: one person or company, however the text names it."""

from __future__ import annotations

import pytest

from guard.mentions import Link, is_mention_of, plan_links, words


# fmt: off
@pytest.mark.parametrize(("short", "full", "linked"), [
    ("Dupont", "Jean Dupont", True),
    ("J. Dupont", "Jean Dupont", True),
    ("DUPONT Jean", "Jean Dupont", True),
    ("Jean", "Jean Dupont", True),
    ("JEAN DUPONT", "Jean Dupont", False),      # the same words in the same order: not a mention, the same
    ("Marie Dupont", "Jean Dupont", False),
    ("J. D.", "Jean Dupont", False),             # initials alone are too weak
    ("Durand", "Jean Dupont", False),
    ("Jean-Pierre Dupont", "Jean Dupont", False),
])
# fmt: on
def test_person_mentions(short, full, linked):
    assert is_mention_of(words("PERSON", short), words("PERSON", full)) is linked


def test_company_mentions_ignore_legal_forms():
    assert is_mention_of(words("ORGANIZATION", "Acme"), words("ORGANIZATION", "Acme Industries SAS"))
    assert words("ORGANIZATION", "ACME SAS") == words("ORGANIZATION", "Acme")


def test_mentions_of_a_known_entity_link_to_it():
    known = {("PERSON", 1): "Jean Dupont", ("PERSON", 2): "Marie Curie"}
    plan = plan_links([("PERSON", "M. Dupont"), ("PERSON", "Curie"), ("PERSON", "Paul Durand")], known)
    assert plan == [Link(entity=("PERSON", 1)), Link(entity=("PERSON", 2)), None]


def test_an_ambiguous_mention_stays_its_own_entity():
    known = {("PERSON", 1): "Jean Dupont", ("PERSON", 2): "Marie Dupont"}
    assert plan_links([("PERSON", "Dupont")], known) == [None]


def test_within_one_text_the_fullest_form_names_the_entity():
    requests = [("PERSON", "Dupont"), ("PERSON", "Jean Dupont"), ("ORGANIZATION", "Dupont")]
    assert plan_links(requests, {}) == [Link(index=1), None, None]  # types never mix


def test_types_are_linked_only_for_people_and_companies():
    assert plan_links([("LOCATION", "Paris"), ("LOCATION", "Paris 15e")], {}) == [None, None]
