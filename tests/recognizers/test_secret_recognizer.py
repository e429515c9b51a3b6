from __future__ import annotations

import pytest

from guard.recognizers import SecretRecognizer

# Tokens are assembled from pieces so that secret scanners do not flag this file.
BODY = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY" * 8
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY"  # AWS's documentation example
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwi"
    "aWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
PEM = (
    "-----BEGIN " + "RSA PRIVATE KEY-----\n"
    "MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
    "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n"
    "-----END " + "RSA PRIVATE KEY-----"
)
# jwt.io's published RS256 sample public key.
PUBLIC_KEY = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n"
    "4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u\n"
    "+qKhbwKfBstIs+bMY2Zkp18gnTxKLxoS2tFczGkPLPgizskuemMghRniWaoLcyeh\n"
    "kd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ\n"
    "0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdg\n"
    "cKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbc\n"
    "mwIDAQAB\n"
    "-----END PUBLIC KEY-----"
)

# fmt: off
FOUND = [
    pytest.param("sk-" + "proj-" + BODY[:80], id="openai project key"),
    pytest.param("sk-" + BODY[:48], id="openai legacy key"),
    pytest.param("sk-" + "ant-api03-" + BODY[:93], id="anthropic key"),
    pytest.param("AKIA" + "IOSFODNN7EXAMPLE", id="aws access key id"),
    pytest.param("ASIA" + "IOSFODNN7EXAMPLE", id="aws temporary access key id"),
    pytest.param("ghp_" + BODY[:36], id="github personal token"),
    pytest.param("gho_" + BODY[:36], id="github oauth token"),
    pytest.param("github_pat_" + "11ABCDE0Y0_" + BODY[:59], id="github fine-grained token"),
    pytest.param("glpat-" + BODY[:20], id="gitlab token"),
    pytest.param("xoxb-" + "1234567890-1234567890123-" + BODY[:24], id="slack bot token"),
    pytest.param("xapp-" + "1-A0123456789-" + BODY[:30], id="slack app token"),
    pytest.param("sk_" + "live_" + BODY[:24], id="stripe live key"),
    pytest.param("rk_" + "live_" + BODY[:24], id="stripe restricted key"),
    pytest.param("sk_" + "test_" + BODY[:24], id="stripe test key"),
    pytest.param("AIza" + "Sy" + BODY[:33], id="google api key"),
    pytest.param(JWT, id="jwt"),
    pytest.param(PEM, id="pem private key"),
]

LABELLED = [
    pytest.param("AWS_SECRET_ACCESS_KEY=" + AWS_SECRET, id="env file"),
    pytest.param("  aws_secret_access_key: " + AWS_SECRET, id="yaml"),
    pytest.param('{"SecretAccessKey": "' + AWS_SECRET + '"}', id="json"),
]

NOT_FOUND = [
    pytest.param("Plan risk-management-framework-version-2024-final", id="sk- inside words"),
    pytest.param("Le préfixe sk-abc ne suffit pas", id="short sk- word"),
    pytest.param("akia" + "iosfodnn7example", id="aws prefix in lower case"),
    pytest.param("pk_" + "live_" + BODY[:24], id="stripe publishable key"),
    pytest.param("La clé API est dans le coffre.", id="the bare words"),
    pytest.param("Empreinte MD5 d41d8cd98f00b204e9800998ecf8427e", id="a hash"),
    pytest.param("Clé du commit 3f786850e387550fdab836ed7e6dc881de23001b", id="a git hash"),
    pytest.param("Identifiant : " + BODY[:32], id="32 characters without context"),
    pytest.param(PUBLIC_KEY, id="a public key"),
    pytest.param("-----BEGIN " + "RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34Gkx",
                 id="pem without end"),
]
# fmt: on


@pytest.mark.parametrize("secret", FOUND)
def test_known_token_format_is_redacted(findings, secret):
    text = f"Voici la clé, ne la partage pas :\n{secret}\nMerci !"
    assert findings(text) == [("SECRET", secret)]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_token_lookalike_is_not_redacted(findings, text):
    assert findings(text) == []


@pytest.mark.parametrize("text", LABELLED)
def test_aws_secret_key_after_its_label_is_redacted(findings, text):
    assert findings(text) == [("SECRET", AWS_SECRET)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ma clé Mistral : " + BODY[:32], id="prose"),
        pytest.param("MISTRAL_API_KEY=" + BODY[:32], id="env file"),
    ],
)
def test_mistral_key_is_redacted_when_the_text_names_it(findings, text):
    assert findings(text) == [("SECRET", BODY[:32])]


def test_aws_secret_key_is_redacted_when_the_text_names_it(findings):
    assert findings(f"Et la clé secrète AWS : {AWS_SECRET}.") == [("SECRET", AWS_SECRET)]


@pytest.mark.parametrize("key", [BODY[:32], AWS_SECRET], ids=["mistral", "aws secret"])
def test_unprefixed_key_is_only_a_candidate_below_the_threshold(key):
    results = SecretRecognizer().analyze(f"Identifiant : {key}.", ["SECRET"])
    assert [r.score for r in results] == [pytest.approx(0.1)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Bearer abc/" + BODY[:32] + "/def==", id="slice of base64"),
        pytest.param("https://exemple.fr/partage/" + BODY[:32], id="url path"),
        pytest.param("d41d8cd98f00b204e9800998ecf8427e", id="lower-case hash"),
    ],
)
def test_fragment_that_only_looks_like_a_mistral_key_is_not_a_candidate(text):
    assert SecretRecognizer().analyze(text, ["SECRET"]) == []
