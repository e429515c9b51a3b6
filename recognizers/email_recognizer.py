from __future__ import annotations

from collections.abc import Iterator

import regex
from presidio_analyzer import Pattern

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer, everywhere, find_all, matches_at

ENTITY = "EMAIL_ADDRESS"
# The characters of a local part, read backwards from an "@": as far as the longest one.
_LOCAL_PART_BEFORE = regex.compile(r"(?r)[\w%+.-]{0,1100}")


class EmailRecognizer(WindowedPatternRecognizer):
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

    def matcher(self, text: str) -> Matcher:
        """The e-mail regex tried only at the starts of the local parts before each "@"."""
        own = self.PATTERNS[0].regex
        return lambda pattern, compiled: (
            matches_at(compiled, text, _local_part_starts(text)) if pattern.regex == own else everywhere(compiled, text)
        )


def _local_part_starts(text: str) -> Iterator[int]:
    """Where an address can start: at the start of the local-part characters before an "@", or after a dot.

    The regex reads the local part up to the first "@" after it, and never starts one after a
    word character, "%", "+" or "-".
    """
    for at in find_all(text, "@"):
        run = _LOCAL_PART_BEFORE.match(text, 0, at)
        start = run.start() if run is not None else at
        yield start
        yield from (i + 1 for i in range(start, at - 1) if text[i] == ".")
