"""Key material for the vault: the 32-byte key, and the cipher and fingerprint keys it derives.

Kept apart from `guard.vault` because none of it touches the database: reading or creating the
key file, deriving one key per purpose, and binding each ciphertext to where it belongs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from guard.errors import VaultError, VaultKeyError

#: Encrypted under the key when a vault is created: decrypting it back proves the key is right.
KEY_CHECK = b"clientguard vault key check"


@dataclass(frozen=True)
class KeyRing:
    """The cipher for values and the fingerprint keys one vault key derives, never shown in a repr.

    `mac_keys` ends with the current fingerprint key; the ones before it come from earlier
    rotations, whose fingerprints are hashed again under each later key (see `Vault.rotate_key`).
    """

    aead: AESGCM = field(repr=False)
    mac_keys: tuple[bytes, ...] = field(repr=False)

    @classmethod
    def derive(cls, key: bytes, earlier_mac_keys: tuple[bytes, ...] = ()) -> KeyRing:
        """The key ring of `key`, after the fingerprint keys of earlier rotations."""
        fingerprint_key = _derive(key, b"clientguard fingerprints")
        return cls(AESGCM(_derive(key, b"clientguard values")), (*earlier_mac_keys, fingerprint_key))

    @property
    def mac_key(self) -> bytes:
        """The current fingerprint key."""
        return self.mac_keys[-1]

    def fingerprint(self, session_id: str, entity_type: str, key: str) -> bytes:
        """The HMAC equal values share within a session, chained through every rotation's key."""
        digest = "\x00".join((session_id, entity_type, key)).encode()
        for mac_key in self.mac_keys:
            digest = hmac.new(mac_key, digest, hashlib.sha256).digest()
        return digest

    def stable_session_name(self, profile: bytes) -> str:
        """Where a profile's shared session is recorded: an HMAC, so the name is never in clear."""
        return "stable:" + hmac.new(self.mac_key, profile, hashlib.sha256).hexdigest()


def value_aad(session_id: str, entity_type: str, number: int, variant: int = 0) -> bytes:
    """What a value is bound to, so that a row copied to another session or placeholder fails to decrypt."""
    mention = f"\x00{variant}" if variant else ""
    return f"{session_id}\x00{entity_type}\x00{number}{mention}".encode()


def surrogate_aad(session_id: str, entity_type: str, number: int, variant: int) -> bytes:
    """What a surrogate is bound to: its placeholder, and never a real value's slot."""
    return b"surrogate\x00" + value_aad(session_id, entity_type, number, variant)


def _derive(key: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(key)


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
