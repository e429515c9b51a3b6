from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from presidio_analyzer import Pattern

from .windowed_pattern_recognizer import Matcher, WindowedPatternRecognizer, everywhere, find_all, matches_at, windows

ENTITY = "IP_ADDRESS"


class IpAddressRecognizer(WindowedPatternRecognizer):
    """Find IPv4 and IPv6 addresses that the standard library's ipaddress module accepts."""

    PATTERNS = [
        Pattern(
            "ipv4",
            # Exactly four parts: "1.2.3" is a version, "1.2.3.4.5" neither, and "v1.2.3.4" or
            # "version 4.2.1.0" a release. A CIDR prefix length is part of it (10.0.0.0/8); an
            # impossible one (/33) is left out. The host of a URL ("http://10.0.0.1/…") is part
            # of that URL.
            r"(?<!\w|\d\.|(?i:version|build|release|\bv)[ \u00a0]?|://)"
            r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?:/(?:3[0-2]|[12]?\d)(?![\d/]))?(?!\w|\.\d)",
            0.3,
        ),
        Pattern(
            "ipv6",
            # Hex groups and colons, two colons at least, maybe an IPv4 tail (::ffff:192.0.2.1)
            # and a prefix length (2001:db8::/32); ipaddress then refuses clock times
            # (12:30:45) and MAC addresses. Not a subscript ("a[::1]"), nor a URL's host.
            r"(?<![\w:.]|\w\[|://\[)(?=[0-9a-f]{0,4}:[0-9a-f]{0,4}:)[0-9a-f:]{2,39}"
            r"(?:(?<=:)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})?"
            r"(?:/(?:12[0-8]|1[01]\d|[1-9]?\d)(?![\d/]))?(?![\w:]|\.\d)",
            0.3,
        ),
    ]

    CONTEXT = ["ip", "ipv4", "ipv6", "adresse", "serveur", "server", "host", "hôte", "address"]

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
        """IPv6 addresses tried only just before two colons close together."""
        ipv6 = self.PATTERNS[1].regex
        return lambda pattern, compiled: (
            matches_at(compiled, text, windows(_close_colons(text), 4, 0, len(text)))
            if pattern.regex == ipv6
            else everywhere(compiled, text)
        )

    def validate_result(self, pattern_text: str) -> bool:
        """Parse the address (and prefix length); refuse "::" and most compressed short forms."""
        try:
            network = ipaddress.ip_interface(pattern_text)
        except ValueError:
            return False
        address = pattern_text.split("/", 1)[0]
        # "a[1::2]" is a Python slice and "::" alone says nothing; the loopback "::1" is an
        # address people write, so it is the one short form kept.
        if network.version == 6 and len(re.sub(r"[^0-9a-fA-F]", "", address)) < 4:
            return address == "::1"
        return True


def _close_colons(text: str) -> Iterator[int]:
    """Colons with another within five characters after them.

    The IPv6 regex's lookahead ("[0-9a-f]{0,4}:[0-9a-f]{0,4}:") needs such a colon at most four
    characters after the start of the match.
    """
    for colon in find_all(text, ":"):
        if text.find(":", colon + 1, colon + 6) != -1:
            yield colon
