"""Everyday words and numbers that look like nothing to redact, whatever recognizer reads them."""

from __future__ import annotations

import pytest

# fmt: off
PLAIN = [
    pytest.param("Bonjour", id="greeting"),
    pytest.param("Cordialement", id="closing"),
    pytest.param("SIRET", id="siret label"),
    pytest.param("IBAN", id="iban label"),
    pytest.param("Visa", id="card brand"),
    pytest.param("Total : 1 234,56 €", id="price"),
    pytest.param("Total\u00a0: 1\u202f234,56\u00a0€", id="price with no-break spaces"),
    pytest.param("Réunion le 14 février 2024 à 10h", id="french date"),
    pytest.param("Livraison prévue le 14/02/2024.", id="numeric date"),
    pytest.param("Version v2.3.1 publiée", id="version"),
    pytest.param("Référence 1.2.3.4.5", id="dotted numbers"),
    pytest.param("BONJOUR MARKETING CORDIALEMENT", id="upper-case words"),
    pytest.param("Merci de m'envoyer votre RIB, votre BIC et votre numéro de TVA.", id="labels"),
    pytest.param("Le mot de passe est dans le coffre.", id="password label in prose"),
    pytest.param("Lancez python setup.py puis lisez README.md.", id="file names"),
    pytest.param("print(user.id) et self.name", id="attribute access"),
]
# fmt: on


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_not_redacted(findings, text):
    assert findings(text) == []
