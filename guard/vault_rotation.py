"""Key rotation: moving a whole vault to a new key, and refusing processes still on the old one.

Kept apart from `guard.vault` because it runs rarely and reads every row. Fingerprints cannot
be recomputed (the vault never holds the normalised forms they hash), so each is hashed once
more under the new key, and the earlier fingerprint keys are kept, encrypted under the new key,
to rebuild the chain on lookup. The old key alone then opens nothing and tests no guess.
`Vault.rotate_key` runs these inside one transaction: all or nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from collections.abc import Callable

from guard.errors import VaultError, VaultKeyError
from guard.vault_keys import KEY_CHECK, KeyRing, surrogate_aad, value_aad

_CHAIN_AAD = b"clientguard fingerprint keys of earlier rotations"

Decrypt = Callable[[bytes, bytes], bytes]


def reencrypt(db: sqlite3.Connection, decrypt: Decrypt, rotated: KeyRing) -> bytes:
    """Move every row under `rotated` (`decrypt` opens them under the old key); return the new key check."""

    def seal(plaintext: bytes, aad: bytes) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + rotated.aead.encrypt(nonce, plaintext, aad)

    def again(blob: bytes | None, aad: bytes) -> bytes | None:
        return None if blob is None else seal(decrypt(blob, aad), aad)

    def rehash(fingerprint: bytes | None) -> bytes | None:
        return None if fingerprint is None else hmac.new(rotated.mac_key, fingerprint, hashlib.sha256).digest()

    stable = db.execute(
        "SELECT m.name, s.id, s.client FROM meta m JOIN sessions s ON s.id = CAST(m.value AS TEXT) "
        "WHERE m.name LIKE 'stable:%'"
    ).fetchall()
    for name, sid, client in stable:  # a profile's shared session, found by the new key's HMAC
        profile = b"" if client is None else decrypt(client, sid.encode())
        db.execute("DELETE FROM meta WHERE name=?", (name,))
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (rotated.stable_session_name(profile), sid))
    for sid, client in db.execute("SELECT id, client FROM sessions").fetchall():
        db.execute("UPDATE sessions SET client=? WHERE id=?", (again(client, sid.encode()), sid))
    for sid, kind, number, fingerprint, value in db.execute(
        "SELECT session_id, type, number, fingerprint, value FROM entries"
    ).fetchall():
        db.execute(
            "UPDATE entries SET fingerprint=?, value=? WHERE session_id=? AND type=? AND number=?",
            (rehash(fingerprint), again(value, value_aad(sid, kind, number)), sid, kind, number),
        )
    for sid, kind, number, variant, fingerprint, value in db.execute(
        "SELECT session_id, type, number, variant, fingerprint, value FROM mentions"
    ).fetchall():
        db.execute(
            "UPDATE mentions SET fingerprint=?, value=? WHERE session_id=? AND type=? AND number=? AND variant=?",
            (rehash(fingerprint), again(value, value_aad(sid, kind, number, variant)), sid, kind, number, variant),
        )
    for sid, kind, number, variant, value in db.execute(
        "SELECT session_id, type, number, variant, value FROM surrogates"
    ).fetchall():
        db.execute(
            "UPDATE surrogates SET value=? WHERE session_id=? AND type=? AND number=? AND variant=?",
            (again(value, surrogate_aad(sid, kind, number, variant)), sid, kind, number, variant),
        )
    check = seal(KEY_CHECK, b"key")
    db.execute("UPDATE meta SET value=? WHERE name='key_check'", (check,))
    wrapped = seal(b"".join(rotated.mac_keys[:-1]), _CHAIN_AAD)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint_chain', ?)", (wrapped,))
    return check


def compact(db: sqlite3.Connection) -> None:
    """Rewrite the file without free pages and empty the WAL: old ciphertext leaves the disk."""
    try:
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.OperationalError as exc:
        raise VaultError(
            f"The key was rotated, but the vault could not be compacted ({exc}): free some disk space "
            f"and rotate again to wipe pages written under the old key."
        ) from None


def load_rotation_state(db: sqlite3.Connection, decrypt: Decrypt) -> tuple[bytes, tuple[bytes, ...]]:
    """The key check as this process sees it, and the fingerprint keys of earlier rotations."""
    key_check: bytes = db.execute("SELECT value FROM meta WHERE name='key_check'").fetchone()[0]
    row = db.execute("SELECT value FROM meta WHERE name='fingerprint_chain'").fetchone()
    chain = b"" if row is None else decrypt(row[0], _CHAIN_AAD)
    return key_check, tuple(chain[i : i + 32] for i in range(0, len(chain), 32))


def refuse_a_rotated_key(db: sqlite3.Connection, key_check: bytes | None) -> None:
    """Fail before writing anything when another process rotated the key since this one read it."""
    if key_check is None:
        return  # still opening
    row = db.execute("SELECT value FROM meta WHERE name='key_check'").fetchone()
    if row is None or row[0] != key_check:
        raise VaultKeyError(
            "The vault key was rotated by another process ('guard vault rotate-key'): this process "
            "still holds the old key. Restart it so that it reads the new key; nothing was written."
        )
