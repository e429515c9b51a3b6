from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

ENTITY = "SECRET"


def _token(body: str) -> str:
    """Wrap a token regex: case-sensitive, and never glued to other token characters."""
    # Vendor prefixes are exact ("akia…" is prose), and "risk-management-…" holds no "sk-" key.
    return rf"(?-i:(?<![A-Za-z0-9_-]){body}(?![A-Za-z0-9_-]))"


class SecretRecognizer(PatternRecognizer):
    """Find API keys, tokens and private keys by their vendors' published formats."""

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
        Pattern("gitlab", _token(r"glpat-[A-Za-z0-9_-]{20,64}"), 0.95),
        Pattern("slack", _token(r"(?:xox[abposr]-|xapp-\d-)[A-Za-z0-9-]{10,255}"), 0.95),
        Pattern("stripe", _token(r"(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,255}"), 0.95),
        Pattern("google api key", _token(r"AIza[A-Za-z0-9_-]{35}"), 0.9),
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
    ]

    CONTEXT = [
        "mistral", "aws", "token", "secret", "clé", "key", "apikey", "bearer", "password",
        "authorization", "jeton",
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
