"""The vault: per session, which placeholder stands for which original value, encrypted at rest.

One SQLite file (WAL mode) holds every session. Values are encrypted with AES-GCM, bound to
their session and placeholder (so a row copied into another session does not decrypt), and
looked up by an HMAC fingerprint of their normalised form, so equal values find their
placeholder without the vault ever holding a value in clear. `Vault.in_memory()` gives the same
vault without a file, for tests and one-shot scripts.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from guard.errors import SessionError, VaultError, VaultKeyError
from guard.placeholders import format_placeholder
from guard.restore import LITERAL

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
_CORRUPT = (
    "The file at {path} is not a readable clientguard vault (corrupted or truncated?). "
    "Nothing was changed: move it aside and a new vault will be created."
)
_KEY_CHECK = b"clientguard vault key check"
_CHAIN_AAD = b"clientguard fingerprint keys of earlier rotations"
_SESSION_ID_BYTES = 24  # 192 bits


@dataclass(frozen=True)
class SessionInfo:
    """A session's public facts: never its values."""

    id: str
    client: str | None
    created: float
    last_used: float
    entries: int


@dataclass(frozen=True)
class Assignment:
    """A request for a placeholder: the value, its type, and the key equal values share.

    `token` is set for a placeholder-like token the user wrote, e.g. ("PERSON", 1) for
    "[PERSON_1]": that number is reserved and the token left as written, unless the session
    already gave the number to a real value; then the token gets a fresh placeholder.
    `link` names the entity a new value is another mention of, e.g. ("PERSON", 1) for
    "M. Dupont" once "Jean Dupont" is [PERSON_1]: it gets `[PERSON_1.2]`.
    """

    type: str
    key: str
    value: str = field(repr=False)
    token: tuple[str, int] | None = None
    link: tuple[str, int] | None = None


class Vault:
    """Maps (session, placeholder) to original values; thread-safe, multi-process safe.

    Usage:
        vault = Vault.open(path, key)
        sid = vault.create_session()
        [ph] = vault.assign(sid, [Assignment("PERSON", "jean dupont", "Jean Dupont")])
    """

    def __init__(self, connection: sqlite3.Connection, key: bytes, ttl_seconds: float) -> None:
        self._db = connection
        self._lock = threading.Lock()
        self._ttl = ttl_seconds
        self._aead = AESGCM(_derive(key, b"clientguard values"))
        self._mac_key = _derive(key, b"clientguard fingerprints")
        try:
            self._initialise()
        except VaultError:
            connection.close()
            raise

    @classmethod
    def open(cls, path: Path, key: bytes, ttl_seconds: float = 30 * 86400) -> Vault:
        """Open (or create) the vault file at `path`, readable by its owner only."""
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
            raise VaultError(_CORRUPT.format(path=path)) from None
        except OSError as exc:
            raise VaultError(
                f"Cannot open the vault at {path} ({exc.strerror}). Check that the "
                f"directory is writable, or set CLIENTGUARD_HOME to another directory."
            ) from None
        return cls(connection, key, ttl_seconds)

    @classmethod
    def in_memory(cls, ttl_seconds: float = 30 * 86400) -> Vault:
        """A vault that lives only as long as this object: nothing touches the disk."""
        connection = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        return cls(connection, secrets.token_bytes(32), ttl_seconds)

    def _initialise(self) -> None:
        try:
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA secure_delete=ON")  # purged values are overwritten on disk
            with self._transaction() as db:
                for statement in _SCHEMA.split(";"):
                    db.execute(statement)
                row = db.execute("SELECT value FROM meta WHERE name='key_check'").fetchone()
                if row is None:
                    check = self._encrypt(_KEY_CHECK, b"key")
                    db.execute("INSERT INTO meta VALUES ('key_check', ?)", (check,))
                elif self._decrypt(row[0], b"key") != _KEY_CHECK:
                    raise VaultKeyError("key check mismatch")
                self._load_rotation_state(db)
        except sqlite3.DatabaseError:
            raise VaultError(_CORRUPT.format(path="this vault")) from None
        except VaultKeyError:
            raise VaultKeyError(
                "The key does not open this vault: CLIENTGUARD_KEY or the key file differs from "
                "the one the vault was created with. Restore the original key, or move the vault "
                "aside to start a new one."
            ) from None

    def close(self) -> None:
        """Close the database connection; the vault cannot be used afterwards."""
        with self._lock:
            self._db.close()

    # -- sessions -------------------------------------------------------------------------

    def create_session(self, client: str | None = None) -> str:
        """Start a new session and return its id (an unguessable 192-bit token)."""
        session_id = secrets.token_urlsafe(_SESSION_ID_BYTES)
        now = time.time()
        encrypted_client = None if client is None else self._encrypt(client.encode(), session_id.encode())
        with self._transaction() as db:
            db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)", (session_id, encrypted_client, now, now))
        return session_id

    def stable_session(self, client: str | None = None) -> str:
        """The one session all of a profile's conversations share when it wants stable placeholders.

        Found by an HMAC of the profile name (never the name in clear); a new one is started when
        it expired or was purged.
        """
        name = "stable:" + hmac.new(self._mac_key, (client or "").encode(), hashlib.sha256).hexdigest()
        with self._transaction() as db:
            self._expire(db)
            row = db.execute(
                "SELECT s.id FROM meta m JOIN sessions s ON s.id = CAST(m.value AS TEXT) WHERE m.name=?", (name,)
            ).fetchone()
            if row is not None:
                return str(row[0])
        session_id = self.create_session(client)
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, session_id))
        return session_id

    def session(self, session_id: str, client: str | None = None) -> SessionInfo:
        """Facts of a live session that belongs to `client`; SessionError otherwise."""
        with self._transaction() as db:
            info = self._live_session(db, session_id)
            if info.client != client:
                raise SessionError(
                    f"Session {_short(session_id)} belongs to another client profile: its values "
                    f"can only be restored with that profile."
                )
            db.execute("UPDATE sessions SET last_used=? WHERE id=?", (time.time(), session_id))
        return info

    def sessions(self) -> list[SessionInfo]:
        """Every live session, most recently used first."""
        with self._transaction() as db:
            self._expire(db)
            rows = db.execute(
                "SELECT s.id, s.client, s.created, s.last_used, COUNT(e.number) FROM sessions s "
                "LEFT JOIN entries e ON e.session_id = s.id GROUP BY s.id ORDER BY s.last_used DESC"
            ).fetchall()
        return [self._info(row) for row in rows]

    def purge(self, session_id: str) -> None:
        """Delete a session and every value it holds."""
        with self._transaction() as db:
            deleted = db.execute("DELETE FROM sessions WHERE id=?", (session_id,)).rowcount
        if not deleted:
            raise SessionError(f"No session {_short(session_id)} in this vault: nothing to purge.")
        self._checkpoint()

    def purge_all(self) -> int:
        """Delete every session; return how many there were."""
        with self._transaction() as db:
            count = db.execute("DELETE FROM sessions").rowcount
        self._checkpoint()
        return count

    # -- values ---------------------------------------------------------------------------

    def assign(self, session_id: str, requests: Sequence[Assignment]) -> list[str | None]:
        """Placeholders for `requests`, in order: existing ones for known values, new ones else.

        None means "leave as written" (a user's token whose number was free). One transaction:
        two processes assigning at once never give one value two placeholders.
        """
        with self._transaction() as db:
            self._live_session(db, session_id)
            reserved = [r for r in requests if r.token is not None and self._reserve(db, session_id, r.token)]
            return [
                None if request in reserved else self._assign_one(db, session_id, request)
                for request in requests
            ]

    @staticmethod
    def _reserve(db: sqlite3.Connection, session_id: str, token: tuple[str, int]) -> bool:
        """Reserve a user's token number; False when a real value already holds it."""
        row = db.execute(
            "SELECT value FROM entries WHERE session_id=? AND type=? AND number=?", (session_id, *token)
        ).fetchone()
        if row is None:
            db.execute("INSERT INTO entries VALUES (?, ?, ?, NULL, NULL)", (session_id, *token))
            return True
        return row[0] is None

    def _assign_one(self, db: sqlite3.Connection, session_id: str, request: Assignment) -> str:
        fingerprint = self._fingerprint(session_id, request.type, request.key)
        row = db.execute(
            "SELECT type, number FROM entries WHERE session_id=? AND fingerprint=?", (session_id, fingerprint)
        ).fetchone()
        if row is not None:
            return format_placeholder(row[0], row[1])
        row = db.execute(
            "SELECT type, number, variant FROM mentions WHERE session_id=? AND fingerprint=?", (session_id, fingerprint)
        ).fetchone()
        if row is not None:
            return format_placeholder(row[0], row[1], row[2])
        if request.link is not None:
            return self._add_mention(db, session_id, request, fingerprint)
        taken = {n for (n,) in db.execute("SELECT number FROM entries WHERE session_id=? AND type=?", (session_id, request.type))}
        number = next(n for n in range(1, len(taken) + 2) if n not in taken)
        aad = _aad(session_id, request.type, number)
        db.execute(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?)",
            (session_id, request.type, number, fingerprint, self._encrypt(request.value.encode(), aad)),
        )
        return format_placeholder(request.type, number)

    def _add_mention(self, db: sqlite3.Connection, session_id: str, request: Assignment, fingerprint: bytes) -> str:
        """Record another way of writing an existing entity; its placeholder is `[TYPE_N.V]`, V >= 2."""
        assert request.link is not None
        entity_type, number = request.link
        (last,) = db.execute(
            "SELECT MAX(variant) FROM mentions WHERE session_id=? AND type=? AND number=?", (session_id, entity_type, number)
        ).fetchone()
        variant = max(last or 1, 1) + 1
        aad = _aad(session_id, entity_type, number, variant)
        db.execute(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, entity_type, number, variant, fingerprint, self._encrypt(request.value.encode(), aad)),
        )
        return format_placeholder(entity_type, number, variant)

    def table(self, session_id: str, client: str | None = None) -> dict[tuple[str, int, int], str | object]:
        """Everything restore needs for a session: (type, number, variant) → value, or LITERAL.

        Variant 0 is the entity's own placeholder `[TYPE_N]`; V >= 2 its other mentions `[TYPE_N.V]`.
        """
        self.session(session_id, client)
        with self._transaction() as db:
            rows = db.execute("SELECT type, number, 0, value FROM entries WHERE session_id=?", (session_id,)).fetchall()
            rows += db.execute(
                "SELECT type, number, variant, value FROM mentions WHERE session_id=?", (session_id,)
            ).fetchall()
        return {
            (kind, number, variant): LITERAL
            if blob is None
            else self._decrypt(blob, _aad(session_id, kind, number, variant)).decode()
            for kind, number, variant, blob in rows
        }

    def surrogates(self, session_id: str, client: str | None = None) -> dict[tuple[str, int, int], str]:
        """The session's surrogates: (type, number, variant) → the fake value shown for it."""
        self.session(session_id, client)
        with self._transaction() as db:
            rows = db.execute(
                "SELECT type, number, variant, value FROM surrogates WHERE session_id=?", (session_id,)
            ).fetchall()
        return {
            (kind, number, variant): self._decrypt(blob, b"surrogate\x00" + _aad(session_id, kind, number, variant)).decode()
            for kind, number, variant, blob in rows
        }

    def add_surrogates(
        self, session_id: str, proposed: Mapping[tuple[str, int, int], str]
    ) -> dict[tuple[str, int, int], str]:
        """Record surrogates not yet recorded; return the session's surrogates for those keys.

        When two processes draw a surrogate for one value at once, the first one stored wins and
        both get it back, so a value never shows two different fakes.
        """
        with self._transaction() as db:
            self._live_session(db, session_id)
            for (kind, number, variant), fake in proposed.items():
                aad = b"surrogate\x00" + _aad(session_id, kind, number, variant)
                db.execute(
                    "INSERT OR IGNORE INTO surrogates VALUES (?, ?, ?, ?, ?)",
                    (session_id, kind, number, variant, self._encrypt(fake.encode(), aad)),
                )
        stored = self.surrogates(session_id, self._client_of(session_id))
        return {key: stored[key] for key in proposed}

    def _client_of(self, session_id: str) -> str | None:
        with self._transaction() as db:
            return self._live_session(db, session_id).client

    # -- internals ------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise VaultError(f"The vault is not writable ({exc}). Check disk space and permissions.") from None
            try:
                self._refuse_a_rotated_key(self._db)
                yield self._db
            except SessionError:
                try:
                    self._db.execute("COMMIT")  # sessions found expired on the way stay deleted
                except sqlite3.OperationalError:
                    self._rollback()  # they will be deleted next time; the session error is the news
                raise
            except sqlite3.OperationalError as exc:  # a full disk fails a statement, not only the commit
                self._rollback()
                raise VaultError(f"The vault could not save ({exc}). Check disk space and permissions.") from None
            except BaseException:
                self._rollback()
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self._rollback()
                raise VaultError(f"The vault could not save ({exc}). Check disk space and permissions.") from None

    def _rollback(self) -> None:
        # SQLite may have rolled back already (SQLITE_FULL does): a second ROLLBACK would raise.
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def _live_session(self, db: sqlite3.Connection, session_id: str) -> SessionInfo:
        self._expire(db)
        row = db.execute(
            "SELECT s.id, s.client, s.created, s.last_used, COUNT(e.number) FROM sessions s "
            "LEFT JOIN entries e ON e.session_id = s.id WHERE s.id=? GROUP BY s.id",
            (session_id,),
        ).fetchone()
        if row is None:
            raise SessionError(
                f"No session {_short(session_id)} in this vault: it may have expired (sessions "
                f"last {self._ttl / 86400:g} days after their last use) or been purged. "
                f"Start a new one with 'guard session new'."
            )
        return self._info(row)

    def _expire(self, db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM sessions WHERE last_used < ?", (time.time() - self._ttl,))

    def _info(self, row: tuple[str, bytes | None, float, float, int]) -> SessionInfo:
        session_id, client, created, last_used, entries = row
        name = None if client is None else self._decrypt(client, session_id.encode()).decode()
        return SessionInfo(session_id, name, created, last_used, entries)

    def _checkpoint(self) -> None:
        # Purged pages must not linger in the write-ahead log either.
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _encrypt(self, plaintext: bytes, aad: bytes) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + self._aead.encrypt(nonce, plaintext, aad)

    def _decrypt(self, blob: bytes, aad: bytes) -> bytes:
        try:
            return self._aead.decrypt(blob[:12], blob[12:], aad)
        except InvalidTag:
            raise VaultKeyError(
                "A vault entry does not decrypt with this key (wrong key, or the file was "
                "altered). Nothing was changed."
            ) from None

    def _fingerprint(self, session_id: str, entity_type: str, key: str) -> bytes:
        digest = "\x00".join((session_id, entity_type, key)).encode()
        for mac_key in (*self._previous_mac_keys, self._mac_key):  # one key unless rotated: see rotate_key
            digest = hmac.new(mac_key, digest, hashlib.sha256).digest()
        return digest

    # -- key rotation ---------------------------------------------------------------------

    _previous_mac_keys: tuple[bytes, ...] = ()
    _key_check: bytes | None = None

    def rotate_key(self, new_key: bytes) -> None:
        """Re-encrypt every value, client name and fingerprint under `new_key`: all or nothing.

        Fingerprints cannot be recomputed (the vault never holds the normalised forms they hash),
        so each is hashed once more under the new key, and the earlier fingerprint keys are kept,
        encrypted under the new key, to rebuild the chain on lookup. The old key alone then opens
        nothing and tests no guess. The file is vacuumed and its WAL truncated so that no page
        written under the old key lingers; another process still holding the old key gets a
        VaultKeyError on its next use instead of writing values nobody could read.
        """
        if len(new_key) != 32:
            raise VaultKeyError(f"A vault key is 32 bytes; the new key has {len(new_key)}. Nothing was changed.")
        aead, mac_key = AESGCM(_derive(new_key, b"clientguard values")), _derive(new_key, b"clientguard fingerprints")
        chain = (*self._previous_mac_keys, self._mac_key)
        before = (self._aead, self._mac_key, self._previous_mac_keys, self._key_check)

        def again(blob: bytes | None, aad: bytes) -> bytes | None:
            if blob is None:
                return None
            nonce = secrets.token_bytes(12)
            return nonce + aead.encrypt(nonce, self._decrypt(blob, aad), aad)

        def rehash(fingerprint: bytes | None) -> bytes | None:
            return None if fingerprint is None else hmac.new(mac_key, fingerprint, hashlib.sha256).digest()

        try:
            with self._transaction() as db:
                stable = db.execute(
                    "SELECT m.name, s.id, s.client FROM meta m JOIN sessions s ON s.id = CAST(m.value AS TEXT) "
                    "WHERE m.name LIKE 'stable:%'"
                ).fetchall()
                for name, sid, client in stable:  # a profile's shared session, found by the new key's HMAC
                    profile = b"" if client is None else self._decrypt(client, sid.encode())
                    db.execute("DELETE FROM meta WHERE name=?", (name,))
                    renamed = "stable:" + hmac.new(mac_key, profile, hashlib.sha256).hexdigest()
                    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (renamed, sid))
                for sid, client in db.execute("SELECT id, client FROM sessions").fetchall():
                    db.execute("UPDATE sessions SET client=? WHERE id=?", (again(client, sid.encode()), sid))
                for sid, kind, number, fingerprint, value in db.execute(
                    "SELECT session_id, type, number, fingerprint, value FROM entries"
                ).fetchall():
                    db.execute(
                        "UPDATE entries SET fingerprint=?, value=? WHERE session_id=? AND type=? AND number=?",
                        (rehash(fingerprint), again(value, _aad(sid, kind, number)), sid, kind, number),
                    )
                for sid, kind, number, variant, fingerprint, value in db.execute(
                    "SELECT session_id, type, number, variant, fingerprint, value FROM mentions"
                ).fetchall():
                    db.execute(
                        "UPDATE mentions SET fingerprint=?, value=? WHERE session_id=? AND type=? AND number=? AND variant=?",
                        (rehash(fingerprint), again(value, _aad(sid, kind, number, variant)), sid, kind, number, variant),
                    )
                for sid, kind, number, variant, value in db.execute(
                    "SELECT session_id, type, number, variant, value FROM surrogates"
                ).fetchall():
                    aad = b"surrogate\x00" + _aad(sid, kind, number, variant)
                    db.execute(
                        "UPDATE surrogates SET value=? WHERE session_id=? AND type=? AND number=? AND variant=?",
                        (again(value, aad), sid, kind, number, variant),
                    )
                check = again(self._encrypt(_KEY_CHECK, b"key"), b"key")
                wrapped = again(self._encrypt(b"".join(chain), _CHAIN_AAD), _CHAIN_AAD)
                db.execute("UPDATE meta SET value=? WHERE name='key_check'", (check,))
                db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint_chain', ?)", (wrapped,))
                self._aead, self._mac_key, self._previous_mac_keys, self._key_check = aead, mac_key, chain, check
        except BaseException:
            self._aead, self._mac_key, self._previous_mac_keys, self._key_check = before
            raise
        self._compact()

    def _compact(self) -> None:
        """Rewrite the file without free pages and empty the WAL: old ciphertext leaves the disk."""
        try:
            with self._lock:
                self._db.execute("VACUUM")
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:
            raise VaultError(
                f"The key was rotated, but the vault could not be compacted ({exc}): free some disk space "
                f"and rotate again to wipe pages written under the old key."
            ) from None

    def _load_rotation_state(self, db: sqlite3.Connection) -> None:
        """Remember the key check as this process saw it, and the fingerprint keys of earlier rotations."""
        self._key_check = db.execute("SELECT value FROM meta WHERE name='key_check'").fetchone()[0]
        row = db.execute("SELECT value FROM meta WHERE name='fingerprint_chain'").fetchone()
        chain = b"" if row is None else self._decrypt(row[0], _CHAIN_AAD)
        self._previous_mac_keys = tuple(chain[i : i + 32] for i in range(0, len(chain), 32))

    def _refuse_a_rotated_key(self, db: sqlite3.Connection) -> None:
        if self._key_check is None:
            return  # still opening
        row = db.execute("SELECT value FROM meta WHERE name='key_check'").fetchone()
        if row is None or row[0] != self._key_check:
            raise VaultKeyError(
                "The vault key was rotated by another process ('guard vault rotate-key'): this process "
                "still holds the old key. Restart it so that it reads the new key; nothing was written."
            )


def _derive(key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(key)


def _aad(session_id: str, entity_type: str, number: int, variant: int = 0) -> bytes:
    mention = f"\x00{variant}" if variant else ""
    return f"{session_id}\x00{entity_type}\x00{number}{mention}".encode()


def _short(session_id: str) -> str:
    """Enough of a session id to recognise it in a message, not enough to use it."""
    return f"'{session_id[:6]}…'"


def decode_key(text: str) -> bytes:
    """A 32-byte key from its base64 form (how CLIENTGUARD_KEY and the key file hold it)."""
    try:
        key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except ValueError:
        key = b""
    if len(key) != 32:
        raise VaultKeyError(
            "The vault key must be 32 random bytes in base64 (44 characters), e.g. the output "
            "of: python -c \"import secrets,base64;print(base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())\""
        )
    return key


def load_or_create_key(path: Path) -> bytes:
    """The key in `path`, created (mode 0600) with 32 random bytes when absent."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        encoded = base64.urlsafe_b64encode(secrets.token_bytes(32))
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            pass  # another process created it first: read theirs
        except OSError as exc:
            raise VaultError(f"Cannot create the vault key file {path}: {exc.strerror}.") from None
        else:
            with os.fdopen(fd, "wb") as handle:
                handle.write(encoded + b"\n")
    try:
        return decode_key(path.read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError):
        raise VaultKeyError(f"Cannot read the vault key file {path}.") from None
