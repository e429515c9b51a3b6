"""The vault: per session, which placeholder stands for which original value, encrypted at rest.

One SQLite file (WAL mode) holds every session. Values are encrypted with AES-GCM, bound to
their session and placeholder (so a row copied into another session does not decrypt), and
looked up by an HMAC fingerprint of their normalised form, so equal values find their
placeholder without the vault ever holding a value in clear. `Vault.in_memory()` gives the same
vault without a file, for tests and one-shot scripts. Its siblings hold the rest: the file and
its tables (`vault_file`), key material (`vault_keys`) and key rotation (`vault_rotation`).
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag

from guard.errors import SessionError, VaultError, VaultKeyError
from guard.placeholders import format_placeholder
from guard.restore import LITERAL
from guard.vault_file import CORRUPT, connect, create_tables
from guard.vault_keys import KEY_CHECK, KeyRing, decode_key, load_or_create_key, surrogate_aad, value_aad
from guard.vault_rotation import compact, load_rotation_state, reencrypt, refuse_a_rotated_key

__all__ = ["Assignment", "SessionInfo", "Vault", "decode_key", "load_or_create_key"]

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
        self._keys = KeyRing.derive(key)
        self._key_check: bytes | None = None  # set once open: see refuse_a_rotated_key
        try:
            self._initialise()
        except VaultError:
            connection.close()
            raise

    @classmethod
    def open(cls, path: Path, key: bytes, ttl_seconds: float = 30 * 86400) -> Vault:
        """Open (or create) the vault file at `path`, readable by its owner only."""
        return cls(connect(path), key, ttl_seconds)

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
                create_tables(db)
                row = db.execute("SELECT value FROM meta WHERE name='key_check'").fetchone()
                if row is None:
                    check = self._encrypt(KEY_CHECK, b"key")
                    db.execute("INSERT INTO meta VALUES ('key_check', ?)", (check,))
                elif self._decrypt(row[0], b"key") != KEY_CHECK:
                    raise VaultKeyError("key check mismatch")
                self._key_check, earlier = load_rotation_state(db, self._decrypt)
                self._keys = KeyRing(self._keys.aead, (*earlier, self._keys.mac_key))  # see vault_rotation
        except sqlite3.DatabaseError:
            raise VaultError(CORRUPT.format(path="this vault")) from None
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
        name = self._keys.stable_session_name((client or "").encode())
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
        fingerprint = self._keys.fingerprint(session_id, request.type, request.key)
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
        aad = value_aad(session_id, request.type, number)
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
        aad = value_aad(session_id, entity_type, number, variant)
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
            else self._decrypt(blob, value_aad(session_id, kind, number, variant)).decode()
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
            (kind, number, variant): self._decrypt(blob, surrogate_aad(session_id, kind, number, variant)).decode()
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
                aad = surrogate_aad(session_id, kind, number, variant)
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
                refuse_a_rotated_key(self._db, self._key_check)
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
        return nonce + self._keys.aead.encrypt(nonce, plaintext, aad)

    def _decrypt(self, blob: bytes, aad: bytes) -> bytes:
        try:
            return self._keys.aead.decrypt(blob[:12], blob[12:], aad)
        except InvalidTag:
            raise VaultKeyError(
                "A vault entry does not decrypt with this key (wrong key, or the file was "
                "altered). Nothing was changed."
            ) from None

    # -- key rotation ---------------------------------------------------------------------

    def rotate_key(self, new_key: bytes) -> None:
        """Re-encrypt every value, client name and fingerprint under `new_key`: all or nothing.

        Why the old key then opens nothing: see `guard.vault_rotation`. The file is vacuumed and
        its WAL truncated so that no page written under the old key lingers; another process
        still holding the old key gets a VaultKeyError on its next use instead of writing values
        nobody could read.
        """
        if len(new_key) != 32:
            raise VaultKeyError(f"A vault key is 32 bytes; the new key has {len(new_key)}. Nothing was changed.")
        rotated = KeyRing.derive(new_key, self._keys.mac_keys)
        before = (self._keys, self._key_check)
        try:
            with self._transaction() as db:
                check = reencrypt(db, self._decrypt, rotated)
                # Swapped under the lock: no other thread of this process sees the new check with old keys.
                self._keys, self._key_check = rotated, check
        except BaseException:
            self._keys, self._key_check = before
            raise
        with self._lock:
            compact(self._db)


def _short(session_id: str) -> str:
    """Enough of a session id to recognise it in a message, not enough to use it."""
    return f"'{session_id[:6]}…'"
