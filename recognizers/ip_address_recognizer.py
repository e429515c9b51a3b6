from __future__ import annotations

import ipaddress
import re

from presidio_analyzer import Pattern, PatternRecognizer

ENTITY = "IP_ADDRESS"


class IpAddressRecognizer(PatternRecognizer):
    """Find IPv4 and IPv6 addresses that the standard library's ipaddress module accepts."""

    PATTERNS = [
        Pattern(
            "ipv4",
            # Exactly four parts: "1.2.3" is a version, "1.2.3.4.5" neither, and "v1.2.3.4" or
            # "version 4.2.1.0" a release.
            r"(?<!\w|\d\.|(?i:version|build|release|\bv)[ \u00a0]?)"
            r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\w|\.\d)",
            0.3,
        ),
        Pattern(
            "ipv6",
            # Hex groups and colons, two colons at least, maybe an IPv4 tail (::ffff:192.0.2.1);
            # ipaddress then refuses clock times (12:30:45) and MAC addresses.
            r"(?<![\w:.])(?=[0-9a-f]{0,4}:[0-9a-f]{0,4}:)[0-9a-f:]{2,39}"
            r"(?:(?<=:)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})?(?![\w:]|\.\d)",
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

    def validate_result(self, pattern_text: str) -> bool:
        """Parse the address; refuse "::" alone and compressed forms with under 4 hex digits."""
        try:
            address = ipaddress.ip_address(pattern_text)
        except ValueError:
            return False
        # "a[1::2]" is a Python slice and "::1" names no one: too little to be worth redacting.
        if address.version == 6 and len(re.sub(r"[^0-9a-fA-F]", "", pattern_text)) < 4:
            return False
        return True
