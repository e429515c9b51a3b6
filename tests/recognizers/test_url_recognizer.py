from __future__ import annotations

import socket

import pytest

from guard.recognizers import UrlRecognizer
from guard.recognizers.url_recognizer import _suffixes

# Tokens are assembled from pieces so that secret scanners do not flag this file.
TOKEN = "Zx81kLm0" + "QpR7sT2u"
HEX = "8f14e45fceea167a" + "5a36dedd4bea2543"

# fmt: off
FOUND = [
    pytest.param("Voir https://api.exemple.fr/v1/data?format=json&apikey=" + TOKEN + ".",
                 "https://api.exemple.fr/v1/data?format=json&apikey=" + TOKEN,
                 id="apikey parameter"),
    pytest.param("Le lien https://exemple.fr/export?access_token=" + TOKEN + " expire demain",
                 "https://exemple.fr/export?access_token=" + TOKEN, id="access_token parameter"),
    pytest.param("(https://cdn.exemple.fr/f.pdf?sv=2022&sig=" + TOKEN + "%3D)",
                 "https://cdn.exemple.fr/f.pdf?sv=2022&sig=" + TOKEN + "%3D",
                 id="azure sas signature"),
    pytest.param("https://b.s3.amazonaws.com/f.pdf?X-Amz-Signature=" + HEX,
                 "https://b.s3.amazonaws.com/f.pdf?X-Amz-Signature=" + HEX, id="aws presigned url"),
    pytest.param("https://app.exemple.fr/callback#id_token=" + TOKEN,
                 "https://app.exemple.fr/callback#id_token=" + TOKEN, id="token in the fragment"),
    pytest.param("http://exemple.fr/login?user=jp&password=Soleil2024",
                 "http://exemple.fr/login?user=jp&password=Soleil2024", id="password parameter"),
    pytest.param("Réinitialisez ici : https://app.exemple.fr/reset/" + HEX,
                 "https://app.exemple.fr/reset/" + HEX, id="reset link"),
    pytest.param("https://exemple.fr/invitation/" + TOKEN + "/accepter",
                 "https://exemple.fr/invitation/" + TOKEN + "/accepter", id="invitation link"),
    pytest.param("Webhook : https://discord.com/api/webhooks/123456789/" + TOKEN + TOKEN,
                 "https://discord.com/api/webhooks/123456789/" + TOKEN + TOKEN,
                 id="discord webhook"),
    pytest.param("https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/" + TOKEN + "abcDEF12",
                 "https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/" + TOKEN + "abcDEF12",
                 id="slack webhook"),
]

CREDENTIALS = [
    pytest.param("L'admin : https://admin:hunter2@intranet.exemple.fr/console.",
                 "https://admin:hunter2@intranet.exemple.fr/console", id="user and password"),
    pytest.param("ftp://jp:S3cr3t@ftp.exemple.fr/depot", "ftp://jp:S3cr3t@ftp.exemple.fr/depot",
                 id="ftp"),
    pytest.param("Clone https://" + TOKEN + TOKEN + "@github.com/org/repo.git",
                 "https://" + TOKEN + TOKEN + "@github.com/org/repo.git", id="token as user name"),
]

PLAIN = [
    pytest.param("Voir https://fr.wikipedia.org/wiki/Paris et https://github.com/org/repo",
                 ["https://fr.wikipedia.org/wiki/Paris", "https://github.com/org/repo"],
                 id="two links"),
    pytest.param("Lien : https://www.exemple.fr/offres/promo-2024?utm_source=mail",
                 ["https://www.exemple.fr/offres/promo-2024?utm_source=mail"], id="campaign"),
    pytest.param("https://exemple.fr/search?key=name&sort=asc",
                 ["https://exemple.fr/search?key=name&sort=asc"], id="key with a word value"),
    pytest.param("https://api.exemple.fr/v1?api_key=YOUR_API_KEY",
                 ["https://api.exemple.fr/v1?api_key=YOUR_API_KEY"],
                 id="documentation placeholder"),
    pytest.param("https://exemple.fr/blog/token/comment-securiser-vos-cles",
                 ["https://exemple.fr/blog/token/comment-securiser-vos-cles"],
                 id="slug after /token/"),
    pytest.param("https://docs.google.com/document/d/" + TOKEN + TOKEN + "/edit",
                 ["https://docs.google.com/document/d/" + TOKEN + TOKEN + "/edit"],
                 id="shared document"),
    pytest.param("https://jp@exemple.fr/profil", ["https://jp@exemple.fr/profil"],
                 id="user name without password, no e-mail address inside"),
    pytest.param("Site : https://www.veloria.fr", ["https://www.veloria.fr"], id="company site"),
    pytest.param("Le site www.exemple.fr est en ligne.", ["www.exemple.fr"], id="www, no scheme"),
    pytest.param("LinkedIn : linkedin.com/in/amina-dubois", ["linkedin.com/in/amina-dubois"],
                 id="bare domain with a path"),
    pytest.param("Profil : https://fr.linkedin.com/in/amina-dubois-12abff.",
                 ["https://fr.linkedin.com/in/amina-dubois-12abff"], id="linkedin, final dot"),
    pytest.param("code sur github.com/adubois.", ["github.com/adubois"],
                 id="bare domain with a path, final dot"),
    pytest.param("server: veloria.io, request: GET", ["veloria.io"], id="bare host in a log"),
    pytest.param("hôte : ftp.veloria.fr", ["ftp.veloria.fr"], id="ftp host"),
    pytest.param("Intranet : intranet.veloria.fr:8443/rh", ["intranet.veloria.fr:8443/rh"],
                 id="bare host with a port"),
    pytest.param("(voir https://www.exemple.fr/a), merci", ["https://www.exemple.fr/a"],
                 id="closing parenthesis outside"),
    pytest.param("[le lien](https://exemple.fr/page)", ["https://exemple.fr/page"],
                 id="markdown link"),
    pytest.param("https://fr.wikipedia.org/wiki/Paris_(ville), dit-il",
                 ["https://fr.wikipedia.org/wiki/Paris_(ville)"], id="parentheses inside"),
    pytest.param("« https://www.exemple.fr/contact »", ["https://www.exemple.fr/contact"],
                 id="french quotes"),
    pytest.param("«https://www.exemple.fr/contact»", ["https://www.exemple.fr/contact"],
                 id="french quotes glued"),
    pytest.param("Voir https://exemple.fr/a; puis https://exemple.fr/b!",
                 ["https://exemple.fr/a", "https://exemple.fr/b"], id="semicolon and exclamation"),
    pytest.param('"https://presidio.dataprivacystack.org/"',
                 ["https://presidio.dataprivacystack.org/"], id="double quotes"),
    pytest.param("https://api.exemple.fr/v1?token={token}", ["https://api.exemple.fr/v1?token="],
                 id="template placeholder stays outside"),
    pytest.param("my domains: microsoft.com google.co.il", ["microsoft.com", "google.co.il"],
                 id="bare domains, one under a two-label suffix"),
    pytest.param("Portail : impots.gouv.fr", ["impots.gouv.fr"], id="gouv.fr"),
    pytest.param("Dev : http://localhost:8000/api", ["http://localhost:8000/api"], id="localhost"),
    pytest.param("http://microsoft.vlaanderen", ["http://microsoft.vlaanderen"],
                 id="new top-level domain with a scheme"),
    pytest.param("Sites : veloria.fr et www.crèche-lespetits.fr.",
                 ["veloria.fr", "www.crèche-lespetits.fr"], id="accented domain"),
]

NOT_FOUND = [
    pytest.param("Écrivez à jean.dupont@veloria.fr.",
                 [("EMAIL_ADDRESS", "jean.dupont@veloria.fr")],
                 id="the domain of an e-mail address"),
    pytest.param("Écrivez à contact@www.veloria.fr",
                 [("EMAIL_ADDRESS", "contact@www.veloria.fr")],
                 id="a www domain of an e-mail address"),
    pytest.param("Écrivez à contact.info@veloria.fr",
                 [("EMAIL_ADDRESS", "contact.info@veloria.fr")],
                 id="a local part ending like a tld"),
    pytest.param("Lancez python setup.py puis lisez README.md.", [], id="file names"),
    pytest.param("Le fichier rapport.pdf et data.csv", [], id="file names, not tlds"),
    pytest.param("print(user.id) et self.name", [], id="attribute access"),
    pytest.param("Appelez logger.info puis flask.app et redux.store", [],
                 id="attributes named like new top-level domains"),
    pytest.param("model.to(device)", [], id="method call"),
    pytest.param("C'est la fin.Et puis 12 av.de la gare", [], id="missing spaces in prose"),
    pytest.param("Voir le dossier /srv/www/veloria.fr/logs", [], id="inside a file path"),
    pytest.param("Version 1.2.3 publiée", [], id="a version"),
    pytest.param("Expert ASP.NET, VB.NET et Socket.IO", [], id="product names in capitals"),
    pytest.param("ok c'est bon.ca marche", [], id="missing space before ca"),
    pytest.param("Voir https:// ou http://.", [], id="a scheme alone"),
    pytest.param("Le domaine exemple.foobar/x", [], id="unknown top-level domain"),
    pytest.param("https://{host}/api et http://<serveur>/", [], id="placeholders"),
    pytest.param("redis://cache.interne:6379/0", [], id="a broker url without credentials"),
    pytest.param("www.microsoft", [], id="www and a top-level domain alone"),
    pytest.param("'www.microsoft'", [], id="www and a top-level domain alone, quoted"),
    pytest.param("http://microsoft", [], id="a word after a scheme"),
    pytest.param("Rendez-vous à 12 av.de la Gare", [], id="an abbreviation before de"),
]
# fmt: on


@pytest.mark.parametrize(("text", "url"), FOUND)
def test_url_carrying_a_token_is_redacted_whole(findings, text, url):
    assert ("URL", url) in findings(text)
    assert [kind for kind, _ in findings(text)] in (["URL"], ["URL", "SECRET"])


@pytest.mark.parametrize(("text", "url"), CREDENTIALS)
def test_url_with_credentials_is_redacted_whole_without_an_email_inside(findings, text, url):
    assert findings(text) == [("URL", url)]


@pytest.mark.parametrize(("text", "urls"), PLAIN)
def test_every_url_is_redacted(findings, text, urls):
    assert findings(text) == [("URL", url) for url in urls]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_url_lookalike_is_not_redacted_as_a_url(findings, text, expected):
    assert findings(text) == expected


@pytest.mark.parametrize(
    ("url", "score"),
    [
        pytest.param("https://www.veloria.fr/contact", 0.6, id="plain"),
        pytest.param("https://admin:hunter2@intranet.exemple.fr/console", 1.0, id="password"),
        pytest.param("https://exemple.fr/export?access_token=" + TOKEN, 1.0, id="token"),
    ],
)
def test_url_with_credentials_scores_above_a_plain_url(url, score):
    results = UrlRecognizer().analyze(f"Voir {url}", ["URL"])
    assert [r.score for r in results] == [pytest.approx(score)]


def test_top_level_domains_are_read_offline(monkeypatch):
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("tldextract tried the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    _suffixes.cache_clear()
    try:
        results = UrlRecognizer().analyze("Profil : linkedin.com/in/amina-dubois", ["URL"])
    finally:
        _suffixes.cache_clear()
    assert len(results) == 1
