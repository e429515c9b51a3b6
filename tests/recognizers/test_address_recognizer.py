from __future__ import annotations

import pytest

from guard.recognizers import AddressRecognizer

# fmt: off
FULL = [
    pytest.param("J'habite au 12 rue de la Paix, 75002 Paris.", "12 rue de la Paix, 75002 Paris",
                 id="one line"),
    pytest.param("Livraison : 12 bis, avenue du Général-de-Gaulle 94300 Vincennes Cedex 2 merci",
                 "12 bis, avenue du Général-de-Gaulle 94300 Vincennes Cedex 2", id="bis and cedex"),
    pytest.param("Madame Martin\n12 rue de la Paix\n75002 Paris\nFrance",
                 "12 rue de la Paix\n75002 Paris", id="letter head"),
    pytest.param("M. Dupont\nBât. B, 3e étage\n4 allée des Roses\n33000 Bordeaux",
                 "Bât. B, 3e étage\n4 allée des Roses\n33000 Bordeaux", id="complement first"),
    pytest.param("12 rue des Lilas\nRésidence Les Pins, Bât C\nEscalier 2, Appt 34\n69003 Lyon",
                 "12 rue des Lilas\nRésidence Les Pins, Bât C\nEscalier 2, Appt 34\n69003 Lyon",
                 id="complements after the street"),
    pytest.param("Société X, 10 rue de Rivoli, CS 70001, 75001 Paris Cedex 01",
                 "10 rue de Rivoli, CS 70001, 75001 Paris Cedex 01", id="cs and cedex"),
    pytest.param("Écrire à : BP 123 – 75001 Paris", "BP 123 – 75001 Paris", id="postal box"),
    pytest.param("Rendez-vous Place de la Concorde, 75008 Paris",
                 "Place de la Concorde, 75008 Paris", id="no street number"),
    pytest.param("Lieu-dit La Borie, 24200 Sarlat-la-Canéda",
                 "Lieu-dit La Borie, 24200 Sarlat-la-Canéda", id="lieu-dit"),
    pytest.param("Siège : 1 rue St. Jacques, 13100 Aix-en-Provence",
                 "1 rue St. Jacques, 13100 Aix-en-Provence", id="abbreviation and hyphenated city"),
    pytest.param("10 rue du 8 Mai 1945, 69100 Villeurbanne",
                 "10 rue du 8 Mai 1945, 69100 Villeurbanne", id="date in the street name"),
    pytest.param("Au 5 bd d'Alsace 59650 Villeneuve-d'Ascq",
                 "5 bd d'Alsace 59650 Villeneuve-d'Ascq", id="elisions"),
    pytest.param("12 rue de la paix 75002 Paris", "12 rue de la paix 75002 Paris",
                 id="lower-case street name"),
    pytest.param("Envoyez à 3 impasse des Lilas, 20000 Ajaccio",
                 "3 impasse des Lilas, 20000 Ajaccio", id="impasse"),
    pytest.param("7 quai\u00a0Saint-Pierre, 97410\u00a0Saint-Pierre",
                 "7 quai\u00a0Saint-Pierre, 97410\u00a0Saint-Pierre",
                 id="overseas, no-break spaces"),
    # The longest letter head: two complements, the street, five complements, a postal box.
    pytest.param("Merci d'écrire à :\nRésidence Les Pins\nBât. B\n12 rue de la Paix\nEscalier C\n3e étage\nAppt 12\n"
                 "porte 4\nlogement 7\nBP 123\n75002 Paris\nFrance",
                 "Résidence Les Pins\nBât. B\n12 rue de la Paix\nEscalier C\n3e étage\nAppt 12\nporte 4\nlogement 7\n"
                 "BP 123\n75002 Paris", id="ten lines"),
]

STREET_ONLY = [
    pytest.param("Rendez-vous au 3 place Bellecour demain.", "3 place Bellecour", id="place"),
    pytest.param("Il habite 14 rue des Lilas et travaille à Lyon.", "14 rue des Lilas", id="rue"),
    pytest.param("Au 27 av. Jean-Jaurès, à droite.", "27 av. Jean-Jaurès", id="abbreviated avenue"),
    pytest.param("Le 2ter chemin du Moulin", "2ter chemin du Moulin", id="ter glued"),
]

NOT_FOUND = [
    pytest.param("Il reste 2 places disponibles.", [], id="places"),
    pytest.param("Nous avons 3 voies possibles et 12 routes.", [], id="plural street types"),
    pytest.param("J'ai suivi 5 cours de maths.", [], id="lower-case name without postal code"),
    pytest.param("Rue de la Paix", [], id="street without number or postal code"),
    pytest.param("75002 Paris", [], id="postal code and city alone"),
    pytest.param("La rue est fermée jusqu'au 75002.", [], id="street type without name"),
    pytest.param("Total : 1 234,56 €", [], id="a price"),
    pytest.param("Bonjour, quelle est votre adresse ?", [], id="the bare words"),
]
# fmt: on


@pytest.mark.parametrize(("text", "address"), FULL)
def test_postal_address_is_redacted_as_one_span(findings, text, address):
    assert findings(text) == [("ADDRESS", address)]


@pytest.mark.parametrize(("text", "address"), STREET_ONLY)
def test_street_without_postal_code_is_redacted(findings, text, address):
    assert findings(text) == [("ADDRESS", address)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_address_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected


def test_street_alone_scores_below_a_full_address():
    recognizer = AddressRecognizer()
    [street] = recognizer.analyze("au 12 rue de la Paix demain", ["ADDRESS"])
    [full] = recognizer.analyze("au 12 rue de la Paix, 75002 Paris", ["ADDRESS"])
    assert (street.score, full.score) == (pytest.approx(0.45), pytest.approx(0.8))


def test_address_next_to_a_phone_number_stays_separate(findings):
    text = "Cabinet Martin, 8 rue Saint-Honoré, 75001 Paris — Tél. 01 42 68 53 00"
    assert findings(text) == [
        ("ADDRESS", "8 rue Saint-Honoré, 75001 Paris"),
        ("PHONE_NUMBER", "01 42 68 53 00"),
    ]


# fmt: off
HYPHENATED_CITIES = [
    pytest.param("Atelier X\n39 allée Foch\n97110 Pointe-à-Pitre\nTél. : 05 90", "39 allée Foch\n97110 Pointe-à-Pitre",
                 id="à inside a hyphenated city"),
    pytest.param("expédié du 12 rue Neuve 69003 Lyon à Marseille", "12 rue Neuve 69003 Lyon",
                 id="à between two towns ends the city"),
]
# fmt: on


@pytest.mark.parametrize(("text", "address"), HYPHENATED_CITIES)
def test_city_names_joined_by_a_hyphenated_particle_stay_whole(text, address):
    found = [text[r.start : r.end] for r in AddressRecognizer().analyze(text, ["ADDRESS"])]
    assert address in found and not any(address in f and f != address for f in found)
