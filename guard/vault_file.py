"""The vault's file: its tables, and opening it so that only its owner can read it.

Kept apart from `guard.vault` so that the storage layout reads in one place; `guard.vault` says
what goes into these tables and `guard.vault_rotation` how a key change rewrites them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from guard.errors import VaultError

# sessions.client: the encrypted profile name (NULL: default profile). entries.fingerprint: an
# HMAC of the normalised value; entries.value: AES-GCM nonce + ciphertext. Both are NULL for a
# reserved token (a placeholder-like token the user wrote, which restore leaves as written).
# mentions: other ways of writing an entry's entity ("M. Dupont" for "Jean Dupont"), `[TYPE_N.V]`.
# surrogates: in surrogate style, the fake value shown instead of `[TYPE_N.V]` (encrypted too: it
# is linked to the real value).
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    client BLOB,
    created REAL NOT NULL,
    last_used REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS entries (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    number INTEGER NOT NULL,
    fingerprint BLOB,
    value BLOB,
    PRIMARY KEY (session_id, type, number),
    UNIQUE (session_id, fingerprint)
);
CREATE TABLE IF NOT EXISTS mentions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    number INTEGER NOT NULL,
    variant INTEGER NOT NULL,
    fingerprint BLOB NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (session_id, type, number, variant),
    UNIQUE (session_id, fingerprint)
);
CREATE TABLE IF NOT EXISTS surrogates (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    number INTEGER NOT NULL,
    variant INTEGER NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (session_id, type, number, variant)
);
"""
#: Shown when the file is not a vault; `path` is filled in by the caller.
CORRUPT = (
    "The file at {path} is not a readable clientguard vault (corrupted or truncated?). "
    "Nothing was changed: move it aside and a new vault will be created."
)


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the vault file at `path` (WAL mode), creating the file with mode 0600 if absent."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        connection = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            raise VaultError(
                f"Cannot open the vault at {path} ({exc}). Check that the directory is "
                f"writable, or set CLIENTGUARD_HOME to another directory."
            ) from None
        raise VaultError(CORRUPT.format(path=path)) from None
    except OSError as exc:
        raise VaultError(
            f"Cannot open the vault at {path} ({exc.strerror}). Check that the "
            f"directory is writable, or set CLIENTGUARD_HOME to another directory."
        ) from None
    return connection


def create_tables(db: sqlite3.Connection) -> None:
    """Create whichever of the vault's tables do not exist yet."""
    for statement in _SCHEMA.split(";"):
        db.execute(statement)
