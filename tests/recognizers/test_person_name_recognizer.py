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
