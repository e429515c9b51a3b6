from __future__ import annotations

import math
from collections import Counter

from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

ENTITY = "SECRET"

# "=", ":" or a JSON colon, spaces and quotes around it: the end of a label before its value.
_ASSIGNMENT = r"[\"']?[ \t\u00a0\u202f]{0,3}[:=][ \t\u00a0\u202f]{0,3}[\"']?"
# A value ends at a space or a quote; trailing sentence punctuation is not part of it.
_VALUE_END = r"(?=[.,;]{0,3}(?:[\s\"'`]|\Z))"
# Not a value but a reference to one: ${DB_PASSWORD}, {{ secret }}, os.environ[…], get_pwd(),
# self.password, null, ****.
_NOT_A_VALUE = (
    r"(?![$%{<*]|\.\.\.|…|(?i:none|null|nil|undefined|true|false|changeme)(?![^\s\"'`])"
    r"|[\w.]{1,64}\(|[A-Za-z_]\w{0,40}(?:\.\w{1,40}){1,4}(?:[(\[\s\"'`]|\Z))"
)
# Names whose value is a key in code, .env, YAML or JSON: API_KEY=…, "client_secret": "…",
# token: …, Authorization: Bearer ….
_KEY_NAME = (
    r"(?i:api[_-]?key|secret|token|access[_-]?key|private[_-]?key|_key|credentials?|passphrase"
    r"|authorization)"
)
# "Mot de passe : …", "mot de passe Wi-Fi : …", DB_PASSWORD=…
_PASSWORD_LABEL = (
    r"(?<![A-Za-z0-9])(?i:mot[ \u00a0-]de[ \u00a0-]passe|mdp|password|passwd|pwd|passphrase)"
    r"(?:[ \u00a0][\w-]{1,20}){0,2}"
)
# A password is rarely a plain word, and a plain word after the label is prose ("mot de
# passe : oublié"): a digit, a symbol or a capital inside the value is required.
_NOT_A_PLAIN_WORD = (
    r"(?=[^\s\"'`]{0,127}?(?:\d|[^\w\s\"'`.,;!?]|(?-i:[a-z][A-Z])|[.,;!?](?=[^\s\"'`])))"
)
_DATABASE_SCHEMES = (
    r"(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle"
    r"|cockroachdb|clickhouse|neo4j(?:\+s)?|couchbases?|nats|ldaps?|smtps?)(?:\+[a-z0-9]{1,20})?"
)
_ASSIGNED = "assigned high-entropy value"
# Bits per character under which an assigned value is too regular to be a key (detect-secrets
# uses 3.0 for hex strings).
_MIN_ENTROPY = 3.0


def _token(body: str) -> str:
    """Wrap a token regex: case-sensitive, and never glued to other token characters."""
    # Vendor prefixes are exact ("akia…" is prose), and "risk-management-…" holds no "sk-" key.
    return rf"(?-i:(?<![A-Za-z0-9_-]){body}(?![A-Za-z0-9_-]))"


class SecretRecognizer(PatternRecognizer):
    """Find API keys, tokens and private keys, passwords after their label, and credentials."""

    # fmt: off
    PATTERNS = [
        Pattern("anthropic", _token(r"sk-ant-[A-Za-z0-9_-]{32,300}"), 0.95),
        Pattern("openai", _token(r"sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{32,300}"), 0.95),
        Pattern("openai legacy", _token(r"sk-[A-Za-z0-9]{32,64}"), 0.9),
        Pattern("aws access key id", _token(r"(?:AKIA|ASIA)[A-Z0-9]{16}"), 0.9),
        Pattern(
            "aws secret access key",
            # 40 base64 characters after their label: AWS_SECRET_ACCESS_KEY=…, "…": "…".
            r"(?<=(?i:secret_?access_?key)[\"']?[ \t]{0,3}[:=][ \t]{0,3}[\"']?)"
            r"(?-i:[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
            0.9,
        ),
        Pattern("github", _token(r"gh[pousr]_[A-Za-z0-9]{36,255}"), 0.95),
        Pattern("github fine-grained", _token(r"github_pat_[A-Za-z0-9_]{40,255}"), 0.95),
        Pattern("gitlab", _token(r"gl(?:pat|ptt|dt|rt|soat|cbt)-[A-Za-z0-9_-]{20,64}"), 0.95),
        Pattern("slack", _token(r"(?:xox[abposr]-|xapp-\d-)[A-Za-z0-9-]{10,255}"), 0.95),
        Pattern("stripe", _token(r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,255}"), 0.95),
        Pattern("google api key", _token(r"AIza[A-Za-z0-9_-]{35}"), 0.9),
        Pattern("google oauth access token", _token(r"ya29\.[A-Za-z0-9_-]{20,2048}"), 0.9),
        Pattern(
            "jwt",
            _token(r"eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,4096}"),
            0.9,
        ),
        Pattern(
            "pem private key",
            # The body stops at the first "-----", so a BEGIN without END costs one pass.
            r"(?-i:-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"
            r"(?:[^-]|-(?!----)){1,20000}"
            r"-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)",
            0.95,
        ),
        Pattern(
            "connection string",
            # The whole URL: postgres://user:pass@host/db, mongodb+srv://…, redis://:pass@host.
            r"(?<![\w+.-])" + _DATABASE_SCHEMES + r"://[^\s:/?#@\"'<>]{0,256}:[^\s/?#@\"'<>]{1,256}"
            r"@[^\s\"'<>]{1,2048}(?<![.,;:!?)\]}])",
            0.95,
        ),
        Pattern(
            "password after its label",
            # The value only: "Mot de passe : Soleil2024!", "mdp=hunter2", DB_PASSWORD="…".
            r"(?<=" + _PASSWORD_LABEL + _ASSIGNMENT + r")" + _NOT_A_VALUE + _NOT_A_PLAIN_WORD
            + r"[^\s\"'`]{3,128}?" + _VALUE_END,
            0.85,
        ),
        Pattern(
            _ASSIGNED,
            # A random-looking value (letters and digits, 16 characters at least) assigned to
            # a key-like name; the entropy check in analyze() drops "aaaa…1" and the like.
            r"(?<=" + _KEY_NAME + _ASSIGNMENT + r"(?i:bearer[ \t]{1,3}|token[ \t]{1,3})?)"
            + _NOT_A_VALUE
            + r"(?-i:(?=[\w+/=.~-]{0,255}\d)(?=[\w+/=.~-]{0,255}[A-Za-z])[\w+/=.~-]{16,256})"
            r"(?![\w+/=.~-])",
            0.8,
        ),
        # No prefix: Mistral keys are 32 mixed-case letters and digits, AWS secret keys 40
        # base64 characters. Alone they are only plausible, so they need a context word to
        # pass 0.4; never a slice of longer base64 or of a URL.
        Pattern(
            "mistral",
            r"(?-i:(?<![\w+/.-])"
            r"(?=[A-Za-z0-9]{0,31}\d)(?=[A-Za-z0-9]{0,31}[a-z])(?=[A-Za-z0-9]{0,31}[A-Z])"
            r"[A-Za-z0-9]{32}(?![\w+/=-]|\.\w))",
            0.1,
        ),
        Pattern(
            "aws secret access key in prose",
            r"(?-i:(?<![\w+/.-])"
            r"(?=[A-Za-z0-9/+]{0,39}\d)(?=[A-Za-z0-9/+]{0,39}[a-z])(?=[A-Za-z0-9/+]{0,39}[A-Z])"
            r"[A-Za-z0-9/+]{40}(?![\w+/=-]|\.\w))",
            0.1,
        ),
        # Azure (Cognitive Services, API Management) keys: 32 lower-case hex digits, the shape
        # of an MD5 too, so only near a key word.
        Pattern(
            "hex key",
            r"(?-i:(?<![\w+/.-])(?=[0-9a-f]{0,31}[a-f])(?=[0-9a-f]{0,31}\d)[0-9a-f]{32}"
            r"(?![\w+/=-]|\.\w))",
            0.1,
        ),
    ]

    CONTEXT = [
        "mistral", "aws", "azure", "token", "secret", "clé", "key", "apikey", "bearer", "password",
        "authorization", "jeton", "subscription", "apim",
    ]
    # fmt: on

    def __init__(
        self,
        *,
        supported_language: str = "fr",
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
    ) -> None:
        super().__init__(
            supported_entity=ENTITY,
            supported_language=supported_language,
            patterns=patterns if patterns is not None else list(self.PATTERNS),
            context=context if context is not None else list(self.CONTEXT),
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run the patterns, then drop assigned values too regular to be keys."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if not _is_regular_assigned_value(r, text)]


def _is_regular_assigned_value(result: RecognizerResult, text: str) -> bool:
    """Whether a result is a key-like assignment whose value has too little entropy."""
    explanation = result.analysis_explanation
    if explanation is None or explanation.pattern_name != _ASSIGNED:
        return False
    value = text[result.start : result.end]
    counts = Counter(value).values()
    entropy = -sum(n / len(value) * math.log2(n / len(value)) for n in counts)
    return entropy < _MIN_ENTROPY
