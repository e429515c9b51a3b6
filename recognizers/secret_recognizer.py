from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator

import regex
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from .windowed_pattern_recognizer import (
    Matcher,
    WindowedPatternRecognizer,
    everywhere,
    find_all,
    folded,
    matches_at,
    matches_within,
    windows,
)

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
# The word for a password: "mot de passe", "mdp", DB_PASSWORD.
_PASSWORD_WORD = (
    r"(?<![A-Za-z0-9])(?i:mot[ \u00a0-]de[ \u00a0-]passe|mdp|password|passwd|pwd|passphrase)"
)
# "Mot de passe : …", "mot de passe Wi-Fi : …", DB_PASSWORD=…
_PASSWORD_LABEL = _PASSWORD_WORD + r"(?:[ \u00a0][\w-]{1,20}){0,2}"
# The same word in a sentence, then a verb: "le mot de passe c'est …", "le mdp du wifi ?
# c'est pas …", "le mot de passe de la box est …", "the VPN password is …".
_PASSWORD_SENTENCE = (
    _PASSWORD_WORD + r"(?:[ \u00a0][\w'’-]{1,20}){0,4}(?:[ \u00a0]?[?:,])?[ \u00a0]{1,3}"
    r"(?i:c['’]est|ce[ \u00a0]sera|est|sera|reste|is|was)"
    r"(?:[ \u00a0](?i:pas|bien|toujours|juste|encore|maintenant|désormais|now|still|just))?"
    r"[ \u00a0]{1,3}[«\"']?[ \u00a0]?"
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
_IN_A_SENTENCE = "password in a sentence"
# Patterns that read a value after its name; inside a URL's query ("…?pwd=…&token=…") the
# URL recognizer takes the whole link instead.
_AFTER_A_NAME = frozenset({_ASSIGNED, "password after its label", _IN_A_SENTENCE})
# A word that is a URL up to a query or fragment: "https://…?", "www.….fr/…&", "x.fr/p?…#".
_URL_UP_TO_QUERY = re.compile(
    r"(?i)(?:[a-z][a-z0-9+.-]{0,20}://|www\.|(?:[\w-]{1,63}\.){1,8}[a-z]{2,24}/)[^\s\"'<>]*[?&#;]"
)
# How far back the start of the URL around a value is looked for.
_LONGEST_URL = 4096
# Bits per character under which an assigned value is too regular to be a key (detect-secrets
# uses 3.0 for hex strings).
_MIN_ENTROPY = 3.0


def _token(body: str) -> str:
    """Wrap a token regex: case-sensitive, and never glued to other token characters."""
    # Vendor prefixes are exact ("akia…" is prose), and "risk-management-…" holds no "sk-" key.
    return rf"(?-i:(?<![A-Za-z0-9_-]){body}(?![A-Za-z0-9_-]))"


class SecretRecognizer(WindowedPatternRecognizer):
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
        Pattern("sendgrid", _token(r"SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{30,64}"), 0.95),
        Pattern("twilio api key", _token(r"SK[0-9a-f]{32}"), 0.9),
        Pattern("npm", _token(r"npm_[A-Za-z0-9]{36}"), 0.95),
        Pattern("pypi", _token(r"pypi-AgE[A-Za-z0-9_-]{50,400}"), 0.95),
        Pattern("hugging face", _token(r"hf_[A-Za-z0-9]{30,40}"), 0.95),
        Pattern("digitalocean", _token(r"do[opr]_v1_[0-9a-f]{64}"), 0.95),
        Pattern("shopify", _token(r"shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}"), 0.95),
        Pattern("telegram bot", _token(r"\d{8,10}:AA[A-Za-z0-9_-]{33}"), 0.9),
        Pattern("mailchimp", _token(r"[0-9a-f]{32}-us\d{1,2}"), 0.9),
        Pattern("postman", _token(r"PMAK-[0-9a-f]{24}-[0-9a-f]{34}"), 0.95),
        Pattern("databricks", _token(r"dapi[0-9a-f]{32}(?:-\d)?"), 0.9),
        Pattern("atlassian", _token(r"ATATT3[A-Za-z0-9_=-]{100,300}"), 0.95),
        Pattern("notion", _token(r"(?:ntn_[A-Za-z0-9]{40,50}|secret_[A-Za-z0-9]{43})"), 0.9),
        Pattern("linear", _token(r"lin_api_[A-Za-z0-9]{40}"), 0.95),
        Pattern("groq", _token(r"gsk_[A-Za-z0-9]{48,56}"), 0.95),
        Pattern("openrouter", _token(r"sk-or-v1-[0-9a-f]{64}"), 0.95),
        Pattern("perplexity", _token(r"pplx-[A-Za-z0-9]{40,56}"), 0.95),
        Pattern("xai", _token(r"xai-[A-Za-z0-9]{70,90}"), 0.95),
        Pattern("replicate", _token(r"r8_[A-Za-z0-9]{37}"), 0.95),
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
            _IN_A_SENTENCE,
            # The value only, at least four characters, and never a plain word ("le mot de
            # passe est oublié", "… est dans le coffre").
            r"(?<=" + _PASSWORD_SENTENCE + r")" + _NOT_A_VALUE + _NOT_A_PLAIN_WORD
            + r"[^\s\"'`«»]{4,128}?" + r"(?=[.,;]{0,3}(?:[\s\"'`»]|\Z))",
            0.7,
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

    def matcher(self, text: str) -> Matcher:
        """Values read after a name only near that name; keys with no prefix only in long runs."""
        lower = folded(text)
        starts = {
            "aws secret access key": lambda: windows(find_all(lower, "secret"), 0, _AWS_LABEL_REACH, len(text)),
            "password after its label": lambda: windows(self._password_words(text, lower), 0, _LABEL_REACH, len(text)),
            _IN_A_SENTENCE: lambda: windows(self._password_words(text, lower), 0, _SENTENCE_REACH, len(text)),
            _ASSIGNED: lambda: windows(
                (at for word in _KEY_WORDS for at in find_all(lower, word)), 0, _KEY_NAME_REACH, len(text)
            ),
        }
        runs: list[tuple[int, int]] | None = None

        def matches(pattern: Pattern, compiled: regex.Pattern[str]) -> Iterable[regex.Match[str]]:
            nonlocal runs
            name = _OWN_PATTERNS.get(pattern.regex)
            if name in starts:
                return matches_at(compiled, text, starts[name]())
            if name in _IN_LONG_RUNS:
                if runs is None:  # the words split() gives are cheaper to measure than runs to find
                    long_word = any(len(word) >= _SHORTEST_RUN for word in text.split())
                    runs = [m.span() for m in _LONG_RUN.finditer(text)] if long_word else []
                return matches_within(compiled, text, runs, 2)
            if name in _MARKS and not any(mark in text for mark in _MARKS[name]):
                return ()
            return everywhere(compiled, text)

        return matches

    def _password_words(self, text: str, lower: str) -> Iterator[int]:
        """Where each password word ("mdp", "mot de passe", "password"…) starts."""
        for word in ("mdp", "pwd", "pass"):
            for at in find_all(lower, word):
                # "pass" may be the end of "mot de passe", seven characters after its start.
                for start in (at - 7, at) if word == "pass" and at >= 7 else (at,):
                    if _PASSWORD_WORD_AT.match(text, start):
                        yield start

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Run the patterns, then drop assigned values too regular to be keys or inside URLs."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [
            r
            for r in results
            if not _is_regular_assigned_value(r, text) and not _is_a_url_parameter(r, text)
        ]


# Where the patterns read after a name may start, counted from the start of that name: the
# longest label and assignment each pattern's lookbehind accepts, with room to spare.
_AWS_LABEL_REACH = 40  # "secret_access_key" then '" = "'
_LABEL_REACH = 80  # "mot de passe", two words of 20, '" = "'
_SENTENCE_REACH = 160  # "mot de passe", four words of 20, "?", "ce sera", "maintenant", quotes
_KEY_NAME_REACH = 48  # "authorization" or "…_key", '" = "', "Bearer "
# Every key name of _KEY_NAME holds one of these words (api_key, access-key, credentials…).
_KEY_WORDS = ("key", "secret", "token", "credential", "passphrase", "authorization")
_PASSWORD_WORD_AT = regex.compile(_PASSWORD_WORD, regex.IGNORECASE)
# Keys with no prefix are 32 or 40 letters, digits, "/" and "+" in a row: only such runs are read.
_IN_LONG_RUNS = frozenset({"mistral", "aws secret access key in prose", "hex key"})
_SHORTEST_RUN = 32
_LONG_RUN = re.compile(rf"[A-Za-z0-9/+]{{{_SHORTEST_RUN},}}")
_OWN_PATTERNS = {pattern.regex: pattern.name for pattern in SecretRecognizer.PATTERNS}
# Every match of these patterns holds one of these strings, case included: a text without any
# is not scanned for them (a scan is cheap, but the patterns are many and texts are short).
# fmt: off
_MARKS: dict[str, tuple[str, ...]] = {
    "anthropic": ("sk-ant-",), "openai": ("sk-",), "openai legacy": ("sk-",),
    "aws access key id": ("AKIA", "ASIA"), "github": ("ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
    "github fine-grained": ("github_pat_",),
    "gitlab": ("glpat-", "glptt-", "gldt-", "glrt-", "glsoat-", "glcbt-"), "slack": ("xox", "xapp-"),
    "stripe": ("_live_", "_test_"), "google api key": ("AIza",), "sendgrid": ("SG.",),
    "twilio api key": ("SK",), "npm": ("npm_",), "pypi": ("pypi-AgE",), "hugging face": ("hf_",),
    "digitalocean": ("_v1_",), "shopify": ("shp",), "telegram bot": (":AA",), "mailchimp": ("-us",),
    "postman": ("PMAK-",), "databricks": ("dapi",), "atlassian": ("ATATT3",),
    "notion": ("ntn_", "secret_"), "linear": ("lin_api_",), "groq": ("gsk_",),
    "openrouter": ("sk-or-v1-",), "perplexity": ("pplx-",), "xai": ("xai-",), "replicate": ("r8_",),
    "google oauth access token": ("ya29.",), "jwt": ("eyJ",), "pem private key": ("-----BEGIN ",),
    "connection string": ("://",),
}
# fmt: on


def _is_a_url_parameter(result: RecognizerResult, text: str) -> bool:
    """Whether a value read after its name is a parameter of the URL it is written in."""
    explanation = result.analysis_explanation
    if explanation is None or explanation.pattern_name not in _AFTER_A_NAME:
        return False
    word_start, limit = result.start, max(0, result.start - _LONGEST_URL)
    while word_start > limit and not _ends_a_word(text[word_start - 1]):
        word_start -= 1
    return _URL_UP_TO_QUERY.match(text, word_start, result.start) is not None


def _ends_a_word(char: str) -> bool:
    """Whether `char` ends the word before it: a space or a quote."""
    return char.isspace() or char in "\"'<>`"


def _is_regular_assigned_value(result: RecognizerResult, text: str) -> bool:
    """Whether a result is a key-like assignment whose value has too little entropy."""
    explanation = result.analysis_explanation
    if explanation is None or explanation.pattern_name != _ASSIGNED:
        return False
    value = text[result.start : result.end]
    counts = Counter(value).values()
    entropy = -sum(n / len(value) * math.log2(n / len(value)) for n in counts)
    return entropy < _MIN_ENTROPY
