"""clientguard: redact client data before it reaches an AI tool, restore it in the answer.

    from guard import Guard
    guard = Guard()
    red = guard.redact(text)
    answer = guard.restore(ai_answer, session_id=red.session_id)

Importing this package is cheap: spaCy and Presidio load on the first analysis.
"""

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
