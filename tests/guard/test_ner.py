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
    pytest.param("# settings.py\nSECRET_KEY = 'x'", "SECRET_KEY", id="code identifier"),
    pytest.param("User-Agent: Mozilla/5.0", "Mozilla/5.0", id="version string"),
    pytest.param("Le RGPD impose un registre.", "RGPD", id="abbreviation from the list"),
    pytest.param("INSERT INTO clients VALUES ('a')", "INTO", id="sql keyword"),
    pytest.param("CR COPIL newsletter mensuelle – 13 janvier", "CR COPIL newsletter mensuelle", id="abbreviations and lower case"),
    pytest.param("x\nService des ressources humaines\n", "Service des ressources humaines", id="common-word phrase"),
    pytest.param("NB : Banque / guichet / compte", "Banque / guichet", id="common words around a slash"),
    pytest.param("Nexalis\nJours facturés : 12", "Jours", id="plural common word opening a line"),
    pytest.param("AVOIR N° 25\nAnnule et remplace", "Annule", id="verb opening a line"),
    pytest.param("le client trouve la palette Ardoise trop terne", "Ardoise", id="common word after a noun"),
    pytest.param("Dear Ms Evans,\n\nJust a heads-up", "Just", id="english sentence opener"),
    pytest.param("PS: French tax identification number", "French", id="english adjective opening a sentence"),
    pytest.param("Hi, Hannah Taylor from Acme is joining the steering committee", "Hannah Taylor from Acme is joining the steering committee", id="a clause"),
    pytest.param("Dossier : GIRAUD Paul c/ NEXALIS SNC", "Paul c/ NEXALIS SNC", id="two parties"),
]
KEPT = [
    pytest.param("[09:12] Hugo Lambert : salut", "Hugo Lambert", id="chat name before a colon"),
    pytest.param("Dupont a signé le devis.", "Dupont", id="surname opening a sentence"),
    pytest.param("Frais de déplacement à Amiens : 86 €", "Amiens", id="city before a colon mid-line"),
    pytest.param("Nous travaillons avec Kerlys depuis 2020.", "Kerlys", id="unknown word mid-sentence"),
    pytest.param("tu peux rappeler bruno au 06", "bruno", id="lower-case first name in a chat"),
    pytest.param("Trail en Champagne, photographie", "Champagne", id="common word after a preposition"),
    pytest.param("Rennes, le 10/09/2024", "Rennes", id="inflected-looking town before a date"),
    pytest.param("Frais de déplacement Rodez – Ajaccio", "Rodez", id="town after a noun"),
    pytest.param("Bien à vous,\nNuage Bleu\n", "Nuage Bleu", id="company of capitalised common words"),
    pytest.param("Best,\nMay Dupont", "May Dupont", id="english word that is a name"),
    pytest.param("M. Pierre de la Fontaine", "Pierre de la Fontaine", id="name with particles"),
]
# fmt: on


@pytest.mark.parametrize(("text", "span"), DROPPED)
def test_implausible_guesses_are_dropped(text, span):
    assert not guess(text, span)


@pytest.mark.parametrize(("text", "span"), KEPT)
def test_plausible_guesses_are_kept(text, span):
    assert guess(text, span)


# fmt: off
DROPPED_BY_LAYOUT = [
    pytest.param("Article : Fauteuil « Louise », coloris Olive", "Fauteuil « Louise", id="span across a quote"),
    pytest.param("Message d'erreur : « Jeton expiré ».", "Jeton", id="word opening a quoted message"),
    pytest.param("Lot 1 : 300 €\nLot 2 : 120 €", "Lot", id="common word numbering an item"),
    pytest.param("Date:   Tue Mar 12 14:03:11 2024", "Tue Mar 12", id="days and months"),
    pytest.param("conn = connect(url)", "conn", id="lower-case variable in code"),
    pytest.param("Veuillez agréer, Cher Confrère,", "Cher", id="salutation left once the label is cut"),
    pytest.param("la palette rose est trop terne", "rose", id="lower-case first name that is a word, after a noun"),
]

KEPT_IN_LOWER_CASE = [
    pytest.param("19:10 - Jade: je suis à strasbourg jusqu'à vendredi", "strasbourg", id="lower-case town in a chat"),
    pytest.param("je suis à limoges demain", "limoges", id="lower-case town the lemmatizer lists as a verb form"),
    pytest.param("la fille de rose cherche un stage", "rose", id="name that is a word, in a person's place"),
    pytest.param("tu peux rappeler mamadou ?", "mamadou", id="name missing from the gazetteer, after a verb taking a person"),
]
# fmt: on


@pytest.mark.parametrize(("text", "span"), DROPPED_BY_LAYOUT)
def test_guesses_the_layout_rules_out_are_dropped(text, span):
    assert not guess(text, span)


@pytest.mark.parametrize(("text", "span"), KEPT_IN_LOWER_CASE)
def test_lower_case_towns_and_names_with_evidence_are_kept(text, span):
    assert guess(text, span)
