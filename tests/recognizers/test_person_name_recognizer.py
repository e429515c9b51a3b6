from __future__ import annotations

import pytest

from guard.recognizers import PersonNameRecognizer

recognizer = PersonNameRecognizer()


def names(text: str) -> list[str]:
    found = {(r.start, r.end) for r in recognizer.analyze(text, ["PERSON"])}
    # Keep the longest span where spans overlap, as the pipeline does.
    return sorted(text[s:e] for s, e in found if not any(o != (s, e) and o[0] <= s and e <= o[1] for o in found))


# fmt: off
FOUND = [
    pytest.param("Bonjour Thomas,\nJe vous écris", ["Thomas"], id="greeting"),
    pytest.param("Hi Camille, welcome aboard!", ["Camille"], id="english greeting"),
    pytest.param("représentée par M. Jean DUPONT, gérant", ["Jean DUPONT"], id="title outside, all-caps surname"),
    pytest.param("À l'attention de Maître Olivier Masson", ["Olivier Masson"], id="maître"),
    pytest.param("Mme Nguyen a validé", ["Nguyen"], id="title + surname alone"),
    pytest.param("DUPONT Jean signe le PV", ["DUPONT Jean"], id="surname first"),
    pytest.param("avec Pierre-Louis et Anne-Sophie de La Tour", ["Anne-Sophie de La Tour", "Pierre-Louis"], id="hyphens and particles"),
    pytest.param("As discussed with Javier Ortega last Friday", ["Javier Ortega"], id="gazetteer pair"),
    pytest.param("fduplessis  19:01\nle serveur répond", ["fduplessis"], id="slack author"),
    pytest.param("16:02 - Thi Lan: ok pour moi", ["Thi Lan"], id="whatsapp author"),
    pytest.param("tu as le mdp @ines.legoff ?", ["ines.legoff"], id="mention"),
    pytest.param("# TODO(julien) : sortir les clés", ["julien"], id="code comment owner"),
    pytest.param("CURRICULUM VITAE\nNom : LE MEUR\n", ["LE MEUR"], id="form field, all caps"),
    pytest.param("Rappel demandé par laure ouedraogo (3 appels)", ["laure ouedraogo"], id="lower-case first and last name"),
    pytest.param("salut benoît, tu peux rappeler bruno ?", ["benoît", "bruno"], id="lower-case chat names"),
]

NOT_FOUND = [
    pytest.param("Bonjour Madame, Monsieur,", id="titles only"),
    pytest.param("Bonjour à tous,", id="greeting to everyone"),
    pytest.param("La France et Paris accueillent le salon.", id="places that are also first names"),
    pytest.param("Objet : Refonte du site", id="label"),
    pytest.param("la couleur isabelle et le pierre de taille", id="lower-case names that are French words"),
    pytest.param("the grace period ends, guy", id="lower-case names that are English words"),
    pytest.param("écrire à contact@atelier.fr", id="e-mail is not a mention"),
    pytest.param("Nom du projet : refonte", id="a field that is not a name"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_names_are_found_without_titles_or_greetings(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", NOT_FOUND)
def test_words_that_are_not_names_are_left_alone(text):
    assert names(text) == []


def test_a_first_name_alone_scores_lower_than_a_full_name():
    scores = {text: max(r.score for r in recognizer.analyze(text, ["PERSON"])) for text in ("voir Antoine.", "voir Antoine Girard.")}
    assert scores["voir Antoine."] < scores["voir Antoine Girard."]


# Lower-case names stand where only a person fits; names that are also words need that place.
# fmt: off
LOWER_CASE_IN_A_PERSON_SLOT = [
    pytest.param("la fille de rose cherche un stage", ["rose"], id="kinship noun + de, name that is a word"),
    pytest.param("qqn a le numéro de claire ?", ["claire"], id="numéro de"),
    pytest.param("trop bien, bravo à violette pour la démo", ["violette"], id="bravo à"),
    pytest.param("tu peux rappeler mamadou demain ?", ["mamadou"], id="verb taking a person, name missing from the gazetteer"),
    pytest.param("salut yaëlle, ça va ?", ["yaëlle"], id="french greeting, unknown word"),
    pytest.param("09:12 - Hugo: kadiatou dit que c'est réglé", ["Hugo", "kadiatou"], id="message head + speech verb"),
    pytest.param("abernard  13:34\nfatoumata : c'est bon j'ai envoyé", ["abernard", "fatoumata"], id="message head + colon and a sentence"),
    pytest.param("le colis pour marc-olivier part ce soir", ["marc-olivier"], id="hyphenated lower-case first name"),
    pytest.param("numéro de sécu de gustave : 1 76 01", ["gustave"], id="identifier + de"),
    pytest.param("Merci pour votre retour.\n\njérémie", ["jérémie"], id="signature line in lower case"),
]

NOT_A_LOWER_CASE_NAME = [
    pytest.param("le client trouve la palette rose trop terne", id="colour after a noun"),
    pytest.param("un mur en pierre et un toit de pierre", id="material after en / de"),
    pytest.param("officier de marine, bleu marine", id="word after a noun"),
    pytest.param("une rose blanche et un petit vin blanc", id="determiner before a first name + surname pair"),
    pytest.param("l'Insee rappelle que les données", id="function word after a person-taking verb"),
    pytest.param("rdv : demain 10h", id="abbreviation without vowels at a line head"),
    pytest.param("login : jdupont\nhost: db.local", id="field keys at a line head"),
    pytest.param("todo : corriger le bug du formulaire", id="note keyword before a sentence"),
    pytest.param("salut tout le monde", id="greeting to everyone"),
    pytest.param("hello world", id="english greeting, unknown word"),
    pytest.param("Article : Lampe « Rose », 12 €", id="first name in quotes: a product"),
    pytest.param("Lot 1 : 300 €\nLot 2 : 120 €", id="common word numbering an item"),
    pytest.param("Date:   Tue Mar 12 14:03:11 2024", id="days and months"),
    pytest.param("conn = connect(url)", id="variable in code"),
]

CASE_HEADERS_AND_TABLES = [
    pytest.param("Affaire : BERNIER / SCI LES PINS\nCher Confrère,", ["BERNIER"], id="case header, party before a slash"),
    pytest.param("Dossier : MARCHAND Odile c/ SARL ALPHA\n", ["MARCHAND Odile"], id="case header, c/"),
    pytest.param("| GARNIER | Hélène | 2 85 03 75 |", ["GARNIER", "Hélène"], id="table row, surname cell then first-name cell"),
]

NOT_A_PARTY = [
    pytest.param("Affaire : SCI LES PINS c/ BERNIER\n", id="case header opening with a legal form"),
    pytest.param("| TOTAL | Montant |", id="table header"),
    pytest.param("Veuillez agréer, Cher Confrère, l'expression", id="salutation to a colleague"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), LOWER_CASE_IN_A_PERSON_SLOT)
def test_lower_case_names_are_found_by_where_they_stand(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", NOT_A_LOWER_CASE_NAME)
def test_words_in_the_same_places_are_left_alone(text):
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), CASE_HEADERS_AND_TABLES)
def test_parties_and_table_rows_are_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", NOT_A_PARTY)
def test_legal_forms_headers_and_salutations_are_not_names(text):
    assert names(text) == []


# fmt: off
PRODUCT_ATTRIBUTES = [
    pytest.param("Fauteuil, finition Noyer, coloris Rose", id="first name after a colour word"),
    pytest.param("Teintes disponibles : Sable, Camille et Prune.", id="first name in a list of shades"),
    pytest.param("peinture Marine, carrelage Olive", id="first name after a material word"),
]
# fmt: on


@pytest.mark.parametrize("text", PRODUCT_ATTRIBUTES)
def test_first_names_naming_a_product_attribute_are_not_people(text):
    assert names(text) == []


def test_a_full_name_in_a_list_after_an_attribute_word_is_still_a_name():
    assert names("Collection : Claire Dupont, Marie Petit") == ["Claire Dupont", "Marie Petit"]
