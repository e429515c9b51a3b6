from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from presidio_analyzer import Pattern, PatternRecognizer

ENTITY = "URL"

# Query or fragment parameters whose value is a credential (compared in lower case).
# fmt: off
_SECRET_PARAMS = frozenset({
    "token", "access_token", "refresh_token", "id_token", "auth_token", "private_token",
    "session_token", "sessiontoken", "api_key", "apikey", "api-key", "key", "access_key",
    "secret", "client_secret", "password", "passwd", "pwd", "sig", "signature", "auth", "jwt",
    "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature",
    "x-goog-credential",
})
_SECRET_PARAM_SUFFIXES = ("token", "_key", "-key", "secret", "password", "signature")

# Path segments after which a random-looking segment is a capability (reset links, webhooks).
_SECRET_PATH_MARKERS = frozenset({
    "token", "tokens", "reset", "reset-password", "password-reset", "reset_password", "invite",
    "invitation", "invitations", "magic", "magic-link", "verify", "verification", "confirm",
    "confirmation", "activate", "activation", "auth", "oauth", "secret", "secrets", "key", "keys",
    "apikey", "api-key", "webhook", "webhooks", "hooks", "unsubscribe",
})
# fmt: on

# A slug ("offre-speciale-2024") has long runs of lower-case letters; a token does not.
_RANDOM_SEGMENT = re.compile(r"(?=.*\d)(?=.*[A-Za-z])(?!.*[a-z]{9})[A-Za-z0-9_~.=-]{16,}")
_PLACEHOLDER = re.compile(r"[A-Z_]+|[a-z_-]+|(.)\1*|[{<$%\[].*")


class UrlRecognizer(PatternRecognizer):
    """Find URLs that carry credentials or tokens; plain public links are left alone."""

    PATTERNS = [
        Pattern(
            "url",
            # Up to the first space or quote, without the sentence's final punctuation.
            r"(?<![\w@.+-])(?:https?|ftps?|wss?)://[^\s<>\"'`]{1,4096}(?<![.,;:!?)\]}»])",
            0.1,
        ),
    ]

    # The decision rests on the URL itself (validate_result), not on the words around it.
    CONTEXT: list[str] = []

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

    def validate_result(self, pattern_text: str) -> bool:
        """Keep the URL if it has a password, a secret parameter, or a token in its path."""
        try:
            parts = urlsplit(pattern_text)
            username, password = parts.username, parts.password
        except ValueError:  # a malformed port or IPv6 host
            return False
        if password or (username and _RANDOM_SEGMENT.fullmatch(username)):
            return True
        params = parse_qsl(parts.query) + parse_qsl(parts.fragment)
        if any(_is_secret_param(name, value) for name, value in params):
            return True
        segments = [s for s in parts.path.split("/") if s]
        # Slack's incoming webhooks (hooks.slack.com/services/T…/B…/…) hold a token in the path.
        marked = 0 if (parts.hostname or "").startswith("hooks.") else None
        for i, segment in enumerate(segments):
            if marked is None and segment.lower() in _SECRET_PATH_MARKERS:
                marked = i
            elif marked is not None and _RANDOM_SEGMENT.fullmatch(segment):
                return True
        return False


def _is_secret_param(name: str, value: str) -> bool:
    """Whether a query parameter carries a credential rather than a documentation placeholder."""
    name = name.lower()
    if name not in _SECRET_PARAMS and not name.endswith(_SECRET_PARAM_SUFFIXES):
        return False
    return len(value) >= 6 and not _PLACEHOLDER.fullmatch(value)
