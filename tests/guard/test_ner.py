"""The NER post-filter: spaCy's guesses that are evidently labels or common words are dropped."""

from __future__ import annotations

import pytest

from guard.ner import plausible_guess


def guess(text: str, span: str) -> bool:
    start = text.index(span)
    return plausible_guess(text, start, start + len(span))


# fmt: off
DROPPED = [
    pytest.param("Bonne fin de semaine,\nPaul", "Bonne", id="common word opening a sentence"),
    pytest.param("Bailleur : Monsieur X", "Bailleur", id="field label at line start"),
    pytest.param("Ligne directe : 01 07 28 97 72", "Ligne directe", id="two-word field label"),
    pytest.param("la carte a été declined hier", "declined", id="lower case"),
    pytest.param("L'IBAN FR76 1695 est faux", "FR76", id="identifier fragment"),
    pytest.param("conforme au règlement (UE) 2016/679", "UE", id="abbreviation"),
    pytest.param("Sarah Brown | Head of Operations", "Head of Operations", id="a role"),
]
KEPT = [
    pytest.param("[09:12] Hugo Lambert : salut", "Hugo Lambert", id="chat name before a colon"),
    pytest.param("Dupont a signé le devis.", "Dupont", id="surname opening a sentence"),
    pytest.param("Frais de déplacement à Amiens : 86 €", "Amiens", id="city before a colon mid-line"),
    pytest.param("Nous travaillons avec Kerlys depuis 2020.", "Kerlys", id="unknown word mid-sentence"),
]
# fmt: on


@pytest.mark.parametrize(("text", "span"), DROPPED)
def test_implausible_guesses_are_dropped(text, span):
    assert not guess(text, span)


@pytest.mark.parametrize(("text", "span"), KEPT)
def test_plausible_guesses_are_kept(text, span):
    assert guess(text, span)
