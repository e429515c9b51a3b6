"""Every error clientguard raises on purpose. Messages name types, counts and offsets, never values.

    GuardError
    ├── ConfigError            a configuration file or option is invalid
    ├── InputError             the text given cannot be processed (not UTF-8, too large…)
    ├── BlockedError           the policy refuses the text (a `block` type was found)
    ├── ModelNotInstalledError the spaCy model is missing from the environment
    ├── SessionError           no such session, or it has expired
    ├── VaultError             the vault cannot be opened, read or written
    │   └── VaultKeyError      the key does not open this vault
    └── ClipboardError         no clipboard tool is available
"""

from __future__ import annotations


class GuardError(Exception):
    """Base class of every error clientguard raises on purpose."""


class ConfigError(GuardError):
    """A configuration file or option is invalid."""


class InputError(GuardError):
    """The text given cannot be processed."""


class BlockedError(GuardError):
    """The policy blocks a type found in the text: nothing was redacted, nothing may be sent.

    `findings` lists (type, start, end) of each blocking finding; never the values.
    """

    def __init__(self, findings: tuple[tuple[str, int, int], ...], text: str) -> None:
        self.findings = findings
        self.types = tuple(dict.fromkeys(kind for kind, _, _ in findings))
        where = ", ".join(f"{kind} at {_line_column(text, start)}" for kind, start, _ in findings[:10])
        more = f" and {len(findings) - 10} more" if len(findings) > 10 else ""
        super().__init__(
            f"Blocked by policy: {where}{more}. Remove these values, or change the policy of "
            f"{', '.join(self.types)} (e.g. --policy {self.types[0]}=redact)."
        )


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


class ModelNotInstalledError(GuardError):
    """The spaCy model named in models/ is not installed."""


class SessionError(GuardError):
    """The session does not exist, has expired, or was purged."""


class VaultError(GuardError):
    """The vault cannot be opened, read or written."""


class VaultKeyError(VaultError):
    """The key given does not decrypt this vault."""


class ClipboardError(GuardError):
    """No clipboard is reachable."""
