"""Every error clientguard raises on purpose. Messages name types, counts and offsets, never values.

    GuardError
    ├── ConfigError            a configuration file or option is invalid
    ├── InputError             the text given cannot be processed (not UTF-8, too large…)
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
