from __future__ import annotations

import pytest

# fmt: off
FOUND = [
    pytest.param("Écrivez à jean.dupont@exemple.fr.", "jean.dupont@exemple.fr",
                 id="final full stop is punctuation"),
    pytest.param("Mail : jean.dupont+factures@compta.exemple.fr",
                 "jean.dupont+factures@compta.exemple.fr", id="plus addressing and subdomain"),
    pytest.param("(contact : marie-claire_2@mon-entreprise.co.uk)",
                 "marie-claire_2@mon-entreprise.co.uk", id="hyphens and underscore in parentheses"),
    pytest.param("Courriel: Support@Exemple.COM, merci", "Support@Exemple.COM", id="capitals"),
    pytest.param("<a.b@c.io>", "a.b@c.io", id="angle brackets"),
    pytest.param("email user@xn--80ak6aa92e.com", "user@xn--80ak6aa92e.com", id="punycode domain"),
    pytest.param("email a@xn--d1acufc.xn--p1ai", "a@xn--d1acufc.xn--p1ai", id="punycode tld"),
    pytest.param("Inscriptions : contact@crèche-lespetits.fr", "contact@crèche-lespetits.fr",
                 id="accented domain"),
    pytest.param("Cc : andré.lefèvre@exemple.fr", "andré.lefèvre@exemple.fr",
                 id="accented local part"),
    pytest.param("De : jean..dupont@exemple.fr", "dupont@exemple.fr", id="invalid double dot"),
    pytest.param("mailto:jean.dupont@exemple.fr", "jean.dupont@exemple.fr", id="mailto"),
    pytest.param("Mail:jean.dupont@exemple.fr", "jean.dupont@exemple.fr", id="glued label"),
    pytest.param("Écrivez à contact@www.exemple.fr", "contact@www.exemple.fr",
                 id="www domain is no url"),
]

NOT_FOUND = [
    pytest.param("Donnez-moi votre email ou votre adresse e-mail.", [], id="the bare words"),
    pytest.param("Connectez-vous à admin@localhost", [], id="no top-level domain"),
    pytest.param("Suivez @clientguard sur les réseaux", [], id="a handle"),
    pytest.param("Le prix est de 10 @ 5 euros", [], id="an at sign in prose"),
    pytest.param("jean.dupont@exemple", [], id="no dot in domain"),
    pytest.param("https://admin:hunter2@intranet.exemple.fr/console",
                 [("URL", "https://admin:hunter2@intranet.exemple.fr/console")],
                 id="password of a url"),
    pytest.param("https://jp@exemple.fr/profil", [("URL", "https://jp@exemple.fr/profil")],
                 id="user of a url"),
    pytest.param("postgres://app:S3cr3t@db.exemple.fr:5432/prod",
                 [("SECRET", "postgres://app:S3cr3t@db.exemple.fr:5432/prod")],
                 id="password of a connection string"),
]
# fmt: on


@pytest.mark.parametrize(("text", "email"), FOUND)
def test_email_address_is_redacted(findings, text, email):
    assert findings(text) == [("EMAIL_ADDRESS", email)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_email_lookalike_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
