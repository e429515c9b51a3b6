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

HEX32 = "0123456789abcdef" + "fedcba9876543210"

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
    pytest.param("glptt-" + BODY[:40], id="gitlab pipeline trigger token"),
    pytest.param("xoxb-" + "1234567890-1234567890123-" + BODY[:24], id="slack bot token"),
    pytest.param("xapp-" + "1-A0123456789-" + BODY[:30], id="slack app token"),
    pytest.param("sk_" + "live_" + BODY[:24], id="stripe live key"),
    pytest.param("rk_" + "live_" + BODY[:24], id="stripe restricted key"),
    pytest.param("sk_" + "test_" + BODY[:24], id="stripe test key"),
    pytest.param("AIza" + "Sy" + BODY[:33], id="google api key"),
    pytest.param("ya29" + ".a0AfH6SM" + BODY[:60], id="google oauth access token"),
    pytest.param("SG" + "." + BODY[:22] + "." + BODY[30:73], id="sendgrid key"),
    pytest.param("SK" + HEX32, id="twilio api key"),
    pytest.param("npm_" + BODY[:36], id="npm token"),
    pytest.param("pypi-" + "AgEIcHlwaS5vcmc" + BODY[:70], id="pypi token"),
    pytest.param("hf_" + BODY[:34], id="hugging face token"),
    pytest.param("dop_" + "v1_" + HEX32 + HEX32, id="digitalocean token"),
    pytest.param("shpat_" + HEX32, id="shopify access token"),
    pytest.param("123456789:" + "AA" + BODY[:33], id="telegram bot token"),
    pytest.param(HEX32 + "-us21", id="mailchimp key"),
    pytest.param("PMAK-" + HEX32[:24] + "-" + HEX32 + "ab", id="postman key"),
    pytest.param("dapi" + HEX32, id="databricks token"),
    pytest.param("ATATT3" + BODY[:150], id="atlassian token"),
    pytest.param("ntn_" + BODY[:46], id="notion token"),
    pytest.param("lin_" + "api_" + BODY[:40], id="linear key"),
    pytest.param("gsk_" + BODY[:52], id="groq key"),
    pytest.param("sk-" + "or-v1-" + HEX32 + HEX32, id="openrouter key"),
    pytest.param("pplx-" + BODY[:48], id="perplexity key"),
    pytest.param("xai-" + BODY[:80], id="xai key"),
    pytest.param("r8_" + BODY[:37], id="replicate token"),
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
    pytest.param("SG" + "." + BODY[:22], id="sendgrid prefix without its second part"),
    pytest.param("Voir le SG.2024.compte-rendu-de-la-reunion-du-bureau", id="sg. in prose"),
    pytest.param("SK" + HEX32[:30], id="twilio prefix, too short"),
    pytest.param("SK" + HEX32.upper(), id="twilio prefix, upper-case hex"),
    pytest.param("npm_" + BODY[:20], id="npm prefix, too short"),
    pytest.param("hf_" + "model_card", id="hf_ in an identifier"),
    pytest.param("dop_" + "v1_" + BODY[:64], id="digitalocean prefix, not hex"),
    pytest.param("shpat_" + "xyz", id="shopify prefix, too short"),
    pytest.param("Réunion à 10:30:00 et 12345678:AA", id="clock times and a colon"),
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
    ],
)
def test_fragment_that_only_looks_like_a_mistral_key_is_not_a_candidate(text):
    assert SecretRecognizer().analyze(text, ["SECRET"]) == []


HEX_KEY = "0123456789abcdef" + "fedcba9876543210"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Clé Azure : " + HEX_KEY, id="prose"),
        pytest.param("Ocp-Apim-Subscription-Key " + HEX_KEY, id="http header"),
    ],
)
def test_hex_key_is_redacted_when_the_text_names_it(findings, text):
    assert findings(text) == [("SECRET", HEX_KEY)]


def test_hex_key_is_only_a_candidate_below_the_threshold(findings):
    # The shape of an MD5 too: without a key word nearby, it stays in clear.
    text = "Empreinte MD5 d41d8cd98f00b204e9800998ecf8427e"
    assert [r.score for r in SecretRecognizer().analyze(text, ["SECRET"])] == [pytest.approx(0.1)]
    assert findings(text) == []


# fmt: off
PASSWORDS = [
    pytest.param("Mot de passe : Soleil2024!", "Soleil2024!", id="french label"),
    pytest.param("Mot de passe\u00a0: Soleil2024!.", "Soleil2024!", id="no-break space, final dot"),
    pytest.param("Le mot de passe Wi-Fi : Box-9F3A-77", "Box-9F3A-77", id="words before the colon"),
    pytest.param("identifiant jp, mdp=hunter2", "hunter2", id="mdp"),
    pytest.param("MDP: P@ssword", "P@ssword", id="symbol inside"),
    pytest.param("password: correctHorseBattery", "correctHorseBattery", id="capitals inside"),
    pytest.param("DB_PASSWORD=S3cr3t-Pr0d", "S3cr3t-Pr0d", id="env file"),
    pytest.param('{"pwd": "x9!Tq2"}', "x9!Tq2", id="json"),
    pytest.param("passwd = 'azerty123'", "azerty123", id="quoted"),
    pytest.param("le mot de passe c'est bonjour98", "bonjour98", id="c'est"),
    pytest.param("tu as le mdp du wifi ? c'est pas bonjour98 ?", "bonjour98", id="chat question"),
    pytest.param("le mdp c'est dDF@p*K!A7lX2s9KTA", "dDF@p*K!A7lX2s9KTA", id="chat, symbols"),
    pytest.param("Le mot de passe de la box est « Soleil2024 ».", "Soleil2024",
                 id="words before est, french quotes"),
    pytest.param("The VPN password is hunter22.", "hunter22", id="english sentence"),
    pytest.param("mdp : bonjour98", "bonjour98", id="mdp colon, lower case and digits"),
]

NOT_PASSWORDS = [
    pytest.param("Mot de passe : oublié.", id="a word"),
    pytest.param("Mot de passe : à changer", id="words"),
    pytest.param("password: ${DB_PASSWORD}", id="environment reference"),
    pytest.param("password: {{ vault_password }}", id="template"),
    pytest.param("password = self.password", id="attribute"),
    pytest.param("pwd = get_password()", id="function call"),
    pytest.param("password: ********", id="masked"),
    pytest.param("password: null", id="null"),
    pytest.param("password_file=/run/secrets/db", id="another setting"),
    pytest.param("Le mot de passe est dans le coffre.", id="prose"),
    pytest.param("Le mot de passe est valable 90 jours.", id="prose with a number after"),
    pytest.param("Le mot de passe c'est pas le bon.", id="chat prose"),
    pytest.param("Le mot de passe est 2FA", id="three characters"),
    pytest.param("Le mot de passe est expiré depuis le 12/03.", id="a participle"),
    pytest.param("The password is ${DB_PASSWORD}", id="sentence, environment reference"),
]

CONNECTION_STRINGS = [
    pytest.param("postgres://admin:S3cr3t@db.exemple.fr:5432/prod", id="postgres"),
    pytest.param("postgresql+psycopg2://app:pw@localhost/app", id="sqlalchemy driver"),
    pytest.param("mysql://root:toor@10.0.0.5:3306/crm", id="mysql"),
    pytest.param("mongodb+srv://app:Pa55w0rd@cluster0.ab1cd.mongodb.net/test?retryWrites=true",
                 id="mongodb srv"),
    pytest.param("redis://:motdepasse42@cache.interne:6379/0", id="redis without user"),
    pytest.param("amqp://guest:guest@localhost:5672/", id="amqp"),
]

NOT_CONNECTION_STRINGS = [
    pytest.param("postgres://db.exemple.fr:5432/prod", id="no credentials"),
    pytest.param("redis://cache.interne:6379/0", id="port only"),
    pytest.param("mongodb://app@cluster0.exemple.net/test", id="user without password"),
]

ASSIGNED = [
    pytest.param("API_KEY=" + BODY[:24], BODY[:24], id="env file"),
    pytest.param('export GITHUB_TOKEN="' + BODY[:30] + '"', BODY[:30], id="shell export"),
    pytest.param('{"client_secret": "' + BODY[:24] + '"}', BODY[:24], id="json"),
    pytest.param("  token: " + BODY[:20], BODY[:20], id="yaml"),
    pytest.param("apiKey: '" + BODY[:16] + "',", BODY[:16], id="javascript"),
    pytest.param('headers = {"Authorization": "Bearer ' + BODY[:40] + '"}', BODY[:40],
                 id="bearer header"),
    pytest.param('SECRET_KEY = "django-insecure-8f14e45fceea167a5a36dedd4bea2543"',
                 "django-insecure-8f14e45fceea167a5a36dedd4bea2543", id="django"),
]

NOT_ASSIGNED = [
    pytest.param("token: aaaaaaaaaaaaaaaaaaaa1", id="low entropy"),
    pytest.param("token: my_token_name", id="no digit"),
    pytest.param("API_KEY=abc123", id="too short"),
    pytest.param("primary_key: id", id="a column name"),
    pytest.param("api_key = os.environ['API_KEY']", id="environment lookup"),
    pytest.param("sort_key=1234567890123456", id="digits only"),
]
# fmt: on


@pytest.mark.parametrize(("text", "password"), PASSWORDS)
def test_password_after_its_label_is_redacted_without_the_label(findings, text, password):
    assert findings(text) == [("SECRET", password)]


@pytest.mark.parametrize("text", NOT_PASSWORDS)
def test_password_label_without_a_password_is_not_redacted(findings, text):
    assert findings(text) == []


@pytest.mark.parametrize("url", CONNECTION_STRINGS)
def test_connection_string_with_credentials_is_redacted_whole(findings, url):
    # An IP host ("…@10.0.0.5:3306") is found too; the pipeline merges the two spans. The
    # "password@host" part is no e-mail address.
    found = findings(f"DATABASE_URL={url}\n")
    assert [f for f in found if f[0] != "IP_ADDRESS"] == [("SECRET", url)]


@pytest.mark.parametrize("url", NOT_CONNECTION_STRINGS)
def test_connection_string_without_password_is_not_a_secret(findings, url):
    assert [f for f in findings(f"DATABASE_URL={url}") if f[0] == "SECRET"] == []


@pytest.mark.parametrize(("text", "value"), ASSIGNED)
def test_random_value_assigned_to_a_key_name_is_redacted(findings, text, value):
    assert findings(text) == [("SECRET", value)]


@pytest.mark.parametrize("text", NOT_ASSIGNED)
def test_regular_value_assigned_to_a_key_name_is_not_redacted(findings, text):
    assert findings(text) == []


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://us02web.zoom.us/j/85012345678?pwd=" + BODY[:32], id="zoom pwd"),
        pytest.param("https://exemple.fr/login?user=jp&password=Soleil2024", id="password"),
        pytest.param("exemple.fr/export?token=" + BODY[:24], id="bare domain, token"),
    ],
)
def test_credential_in_a_url_query_is_left_to_the_url(findings, url):
    assert findings(f"Le lien : {url}") == [("URL", url)]
