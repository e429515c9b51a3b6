from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

ENTITY = "EMAIL_ADDRESS"


class EmailRecognizer(PatternRecognizer):
    """Find e-mail addresses offline, since presidio's own recognizer downloads a suffix list."""

    # fmt: off
    PATTERNS = [
        Pattern(
            "email",
            # Local part with dots only between characters, then 1 to 8 domain labels and a
            # TLD of letters, so that a final "." stays the sentence's punctuation. Accented
            # letters are accepted: refusing them would leave "andré.dupont@…" whole in clear.
            # Never the user or password of a URL ("https://jp@…", "postgres://u:pass@…"):
            # that whole URL is the URL or secret recognizer's.
            r"(?i)(?<![\w%+-]|//(?:[^\s/?#@]{0,256}:)?)[\w%+-]{1,64}(?:\.[\w%+-]{1,64}){0,15}"
            r"@(?:[\w-]{1,63}\.){1,8}(?:xn--[a-z0-9-]{1,59}|[^\W\d_]{2,24})",
            0.9,
        ),
    ]
    # fmt: on

    CONTEXT = ["mail", "email", "e-mail", "courriel", "adresse", "écrire", "ecrire", "contact"]

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
