"""clientguard: redact client data before it reaches an AI tool, restore it in the answer.

    from guard import Guard
    guard = Guard()
    red = guard.redact(text)
    answer = guard.restore(ai_answer, session_id=red.session_id)

Importing this package is cheap: each name loads on first use, spaCy and Presidio on the first
analysis.
"""

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from guard.config import ClientProfile, Settings
    from guard.entities import ENTITY_TYPES, Entity
    from guard.errors import (
        BlockedError,
        ClipboardError,
        ConfigError,
        GuardError,
        InputError,
        ModelNotInstalledError,
        SessionError,
        VaultError,
        VaultKeyError,
    )
    from guard.pipeline import Guard, Redaction, Restoration, Session
    from guard.restore import StreamingRestorer
    from guard.terms import Term
    from guard.vault import Vault

#: Where each public name lives: imported on first use, so that `import guard` (and the `guard`
#: launcher, which lives in this package) costs nothing until something is used.
_HOMES = {
    "ClientProfile": "guard.config",
    "Settings": "guard.config",
    "ENTITY_TYPES": "guard.entities",
    "Entity": "guard.entities",
    **dict.fromkeys(
        ("BlockedError", "ClipboardError", "ConfigError", "GuardError", "InputError", "ModelNotInstalledError",
         "SessionError", "VaultError", "VaultKeyError"),
        "guard.errors",
    ),
    **dict.fromkeys(("Guard", "Redaction", "Restoration", "Session"), "guard.pipeline"),
    "StreamingRestorer": "guard.restore",
    "Term": "guard.terms",
    "Vault": "guard.vault",
}


def __getattr__(name: str) -> _typing.Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'guard' has no attribute {name!r}")
    value = getattr(_importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "BlockedError",
    "ClientProfile",
    "ClipboardError",
    "ConfigError",
    "ENTITY_TYPES",
    "Entity",
    "Guard",
    "GuardError",
    "InputError",
    "ModelNotInstalledError",
    "Redaction",
    "Restoration",
    "Session",
    "SessionError",
    "Settings",
    "StreamingRestorer",
    "Term",
    "Vault",
    "VaultError",
    "VaultKeyError",
]
