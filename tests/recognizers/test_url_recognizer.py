from __future__ import annotations

import pytest

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

NOT_FOUND = [
    pytest.param("Voir https://fr.wikipedia.org/wiki/Paris et https://github.com/org/repo", [],
                 id="public"),
    pytest.param("Lien : https://www.exemple.fr/offres/promo-2024?utm_source=mail", [],
                 id="campaign"),
    pytest.param("https://exemple.fr/search?key=name&sort=asc", [], id="key with a word value"),
    pytest.param("https://api.exemple.fr/v1?api_key=YOUR_API_KEY", [],
                 id="documentation placeholder"),
    pytest.param("https://api.exemple.fr/v1?token={token}", [], id="template placeholder"),
    pytest.param("https://api.exemple.fr/v1?token=", [], id="empty token"),
    pytest.param("https://exemple.fr/blog/token/comment-securiser-vos-cles", [],
                 id="slug after /token/"),
    pytest.param("https://docs.google.com/document/d/" + TOKEN + TOKEN + "/edit", [],
                 id="shared document"),
    pytest.param("https://jp@exemple.fr/profil", [("EMAIL_ADDRESS", "jp@exemple.fr")],
                 id="user name without password"),
    pytest.param("Le site www.exemple.fr est en ligne.", [], id="no scheme"),
]
# fmt: on


@pytest.mark.parametrize(("text", "url"), FOUND)
def test_url_carrying_a_token_is_redacted_whole(findings, text, url):
    assert ("URL", url) in findings(text)
    assert [kind for kind, _ in findings(text)] in (["URL"], ["URL", "SECRET"])


@pytest.mark.parametrize(("text", "url"), CREDENTIALS)
def test_url_with_credentials_is_redacted_whole(findings, text, url):
    # "password@host" also reads as an e-mail address; the pipeline merges the two spans.
    assert [f for f in findings(text) if f[0] != "EMAIL_ADDRESS"] == [("URL", url)]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND)
def test_plain_url_is_not_redacted(findings, text, expected):
    assert findings(text) == expected
