"""The vault keeps its promises on real files: key rotation, corruption, a read-only or full disk, expiry.

Failures must be clear errors that leave every other session readable, never a silent fallback.
A full disk and a read-only directory are real when the test may mount a tmpfs (root, as in CI
here); otherwise they are simulated (SQLite's page limit; directory permissions).
"""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app
from guard.errors import SessionError, VaultError, VaultKeyError
from guard.placeholders import normalise
from guard.vault import Assignment, Vault, load_or_create_key

PLANTED = ["Zéphyrin Quatremain", "Bérénice Onzelieux", "Anatole Vingtrasse"]
OTHER = ["Marie Curie", "Paul Langevin"]


def person(value: str) -> Assignment:
    return Assignment("PERSON", normalise("PERSON", value), value)


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


def blobs(path: Path, table: str = "entries") -> list[bytes]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = [bytes(b) for (b,) in db.execute(f"SELECT value FROM {table} WHERE value IS NOT NULL")]
        rows += [bytes(b) for (b,) in db.execute(f"SELECT fingerprint FROM {table} WHERE fingerprint IS NOT NULL")]
    return rows


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


# -- key rotation -------------------------------------------------------------------------------


def test_rotation_re_encrypts_everything_and_keeps_every_placeholder(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "vault.db"
    vault = Vault.open(path, key)
    first, second = vault.create_session(), vault.create_session("acme")
    placeholders = vault.assign(first, [person(v) for v in PLANTED])
    vault.assign(second, [person(v) for v in OTHER])
    before = {first: vault.table(first), second: vault.table(second, "acme")}
    old_blobs = blobs(path)

    new_key = secrets.token_bytes(32)
    vault.rotate_key(new_key)

    on_disk = all_bytes(tmp_path)
    assert [b for b in old_blobs if b in on_disk] == []  # no ciphertext or fingerprint of the old key is left
    assert vault.assign(first, [person(v) for v in PLANTED]) == placeholders  # lookups still find each value
    vault.close()
    reopened = Vault.open(path, new_key)
    assert {first: reopened.table(first), second: reopened.table(second, "acme")} == before
    assert reopened.assign(first, [person("Nouvelle Personne")]) == ["[PERSON_4]"]
    assert reopened.assign(first, [person("zéphyrin  QUATREMAIN")]) == [placeholders[0]]
    with pytest.raises(VaultKeyError):
        Vault.open(path, key)


def test_rotating_twice_still_finds_values_assigned_under_each_key(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "vault.db"
    vault = Vault.open(path, key)
    sid = vault.create_session()
    [first] = vault.assign(sid, [person(PLANTED[0])])
    vault.rotate_key(key2 := secrets.token_bytes(32))
    [second] = vault.assign(sid, [person(PLANTED[1])])
    vault.rotate_key(key3 := secrets.token_bytes(32))
    vault.close()
    reopened = Vault.open(path, key3)
    assert reopened.assign(sid, [person(PLANTED[0]), person(PLANTED[1])]) == [first, second]
    for old in (key, key2):
        with pytest.raises(VaultKeyError):
            Vault.open(path, old)


def test_a_process_still_holding_the_old_key_is_stopped_not_allowed_to_write(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "vault.db"
    rotating, stale = Vault.open(path, key), Vault.open(path, key)
    sid = rotating.create_session()
    rotating.assign(sid, [person(PLANTED[0])])
    rotating.rotate_key(new_key := secrets.token_bytes(32))
    with pytest.raises(VaultKeyError, match="rotated by another process"):
        stale.assign(sid, [person(PLANTED[1])])
    stale.close()
    rotating.close()
    assert Vault.open(path, new_key).table(sid) == {("PERSON", 1, 0): PLANTED[0]}


class PowerCut(Exception):
    """Stands for the process dying half-way: raised from inside the rotation's transaction."""


def test_a_rotation_interrupted_half_way_changes_nothing(tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import guard.vault as vault_module

    path = tmp_path / "vault.db"
    vault = Vault.open(path, key)
    sid = vault.create_session()
    vault.assign(sid, [person(f"Personne Numéro {i}") for i in range(300)])
    before, file_before = vault.table(sid), blobs(path)
    calls = [0]
    real_token_bytes = vault_module.secrets.token_bytes

    def failing_nonce(n: int) -> bytes:
        calls[0] += 1
        if calls[0] > 150:  # half of the values are re-encrypted by now
            raise PowerCut()
        return real_token_bytes(n)

    monkeypatch.setattr(vault_module.secrets, "token_bytes", failing_nonce)
    with pytest.raises(PowerCut):
        vault.rotate_key(secrets.token_bytes(32))
    monkeypatch.undo()
    assert vault.table(sid) == before
    assert vault.assign(sid, [person("Personne Numéro 7")]) == ["[PERSON_8]"]
    vault.close()
    assert blobs(path) == file_before
    assert Vault.open(path, key).table(sid) == before  # the old key still opens all of it: nothing half-rotated


def test_a_rotation_on_a_full_disk_is_a_clear_error_and_changes_nothing(small_home: Path, key: bytes) -> None:
    if not CAN_MOUNT:
        pytest.skip("needs a real small filesystem (root with mount): SQLite's page cap does not limit the WAL")
    vault = Vault.open(small_home / "vault.db", key)
    sid = vault.create_session()
    vault.assign(sid, [person(f"Personne Numéro {i} " + "x" * 100) for i in range(1500)])
    before = vault.table(sid)
    with _disk_filled(small_home, vault, free=20_000):
        with pytest.raises(VaultError, match="disk space"):
            vault.rotate_key(secrets.token_bytes(32))
        assert vault.table(sid) == before
    vault.close()
    assert Vault.open(small_home / "vault.db", key).table(sid) == before


def test_a_key_of_the_wrong_size_is_refused_before_anything_changes(tmp_path: Path, key: bytes) -> None:
    vault = Vault.open(tmp_path / "vault.db", key)
    with pytest.raises(VaultKeyError, match="32 bytes"):
        vault.rotate_key(b"short")


def run_cli(args: list[str], home: Path, extra_env: dict[str, str] | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTGUARD_")} | {"CLIENTGUARD_HOME": str(home)}
    env |= extra_env or {}
    guard = Path(sys.executable).with_name("guard")
    return subprocess.run([str(guard), *args], input=stdin, capture_output=True, text=True, env=env, timeout=120, check=False)


def test_cli_rotate_key_replaces_the_key_file_and_the_old_key_opens_nothing(isolated_home: Path) -> None:
    key_path = isolated_home / "vault.key"
    vault = Vault.open(isolated_home / "vault.db", load_or_create_key(key_path))
    sid = vault.create_session()
    vault.assign(sid, [person(v) for v in PLANTED])
    vault.close()
    old_key = key_path.read_bytes()

    done = run_cli(["vault", "rotate-key"], isolated_home)

    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert key_path.read_bytes() != old_key and oct(key_path.stat().st_mode & 0o777) == "0o600"
    assert not key_path.with_name("vault.key.new").exists()
    restored = run_cli(["restore", "--session", sid], isolated_home, stdin="[PERSON_1], [PERSON_2], [PERSON_3]")
    assert restored.stdout == ", ".join(PLANTED)
    stale = run_cli(["session", "list"], isolated_home, {"CLIENTGUARD_KEY": old_key.decode().strip()})
    assert stale.returncode == 2 and "key does not open this vault" in stale.stderr and "Traceback" not in stale.stderr


def test_cli_rotate_key_with_the_key_in_the_environment_prints_the_new_key(isolated_home: Path) -> None:
    old = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    vault = Vault.open(isolated_home / "vault.db", base64.urlsafe_b64decode(old))
    sid = vault.create_session()
    vault.assign(sid, [person(PLANTED[0])])
    vault.close()

    done = run_cli(["vault", "rotate-key"], isolated_home, {"CLIENTGUARD_KEY": old})

    new = done.stdout.strip()
    assert done.returncode == 0 and len(base64.urlsafe_b64decode(new)) == 32 and new != old
    assert not (isolated_home / "vault.key").exists()  # the key lives in the environment, not on disk
    restored = run_cli(["restore", "--session", sid], isolated_home, {"CLIENTGUARD_KEY": new}, "[PERSON_1]")
    assert restored.stdout == PLANTED[0]


# -- corruption, wrong key ----------------------------------------------------------------------


def test_a_corrupted_value_fails_its_own_session_clearly_and_leaves_the_others_readable(isolated_home: Path, key: bytes) -> None:
    path = isolated_home / "vault.db"
    vault = Vault.open(path, key)
    damaged, intact = vault.create_session(), vault.create_session()
    vault.assign(damaged, [person(PLANTED[0])])
    vault.assign(intact, [person(v) for v in OTHER])
    vault.close()
    [blob] = [b for b in blobs(path)[:2] if b in _ciphertexts_of(path, damaged)]
    data = path.read_bytes()
    at = data.index(blob) + 20
    path.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :])  # one bit-rotted byte in the ciphertext

    reopened = Vault.open(path, key)
    with pytest.raises(VaultKeyError) as caught:
        reopened.table(damaged)
    assert "does not decrypt" in str(caught.value) and PLANTED[0] not in str(caught.value)
    assert reopened.table(intact) == {("PERSON", 1, 0): OTHER[0], ("PERSON", 2, 0): OTHER[1]}
    result = CliRunner().invoke(app, ["restore", "--session", damaged], input="[PERSON_1]", env={"CLIENTGUARD_KEY": _b64(key)})
    assert result.exit_code == 2 and "does not decrypt" in result.output and result.exception is not None
    assert "Traceback" not in result.output


def test_a_wrong_key_through_the_cli_is_a_clear_error_and_the_file_is_untouched(isolated_home: Path, key: bytes) -> None:
    path = isolated_home / "vault.db"
    vault = Vault.open(path, key)
    vault.assign(vault.create_session(), [person(PLANTED[0])])
    vault.close()
    before = path.read_bytes()
    result = CliRunner().invoke(app, ["session", "list"], env={"CLIENTGUARD_KEY": _b64(secrets.token_bytes(32))})
    assert result.exit_code == 2 and "key does not open this vault" in result.output
    assert path.read_bytes() == before


def _ciphertexts_of(path: Path, session_id: str) -> list[bytes]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [bytes(b) for (b,) in db.execute("SELECT value FROM entries WHERE session_id=?", (session_id,))]


def _b64(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).decode()


# -- read-only directory, full disk -------------------------------------------------------------


def _can_mount() -> bool:
    if os.geteuid() != 0:
        return False
    with tempfile.TemporaryDirectory() as probe:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], capture_output=True, check=False).returncode:
            return False
        subprocess.run(["umount", probe], check=True)
    return True


CAN_MOUNT = _can_mount()


@contextlib.contextmanager
def tmpfs(directory: Path, size: str) -> Iterator[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(directory)], check=True)
    try:
        yield directory
    finally:
        subprocess.run(["umount", "-l", str(directory)], check=True)


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[None]:
    """The directory (a tmpfs remounted read-only when root may mount, else permissions) refuses writes."""
    if CAN_MOUNT:
        subprocess.run(["mount", "-o", "remount,ro", str(directory)], check=True)
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(directory)], check=True)
    else:
        if os.geteuid() == 0:
            pytest.skip("root without mount: neither a read-only mount nor permissions can stop a write here")
        modes = {p: p.stat().st_mode for p in [directory, *directory.iterdir()]}
        for p in modes:
            p.chmod(0o500 if p.is_dir() else 0o400)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)


@pytest.fixture
def small_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data directory on its own 2 MB tmpfs when possible (a plain directory otherwise)."""
    home = tmp_path / "small-home"
    with tmpfs(home, "2m") if CAN_MOUNT else contextlib.nullcontext(home.mkdir() or home):
        monkeypatch.setenv("CLIENTGUARD_HOME", str(home))
        yield home


def test_a_read_only_data_directory_is_a_clear_error_and_loses_nothing(small_home: Path, key: bytes) -> None:
    vault = Vault.open(small_home / "vault.db", key)
    sid = vault.create_session()
    vault.assign(sid, [person(v) for v in PLANTED])
    vault.close()
    env = {"CLIENTGUARD_KEY": _b64(key), "CLIENTGUARD_HOME": str(small_home)}
    with read_only(small_home):
        for command in (["session", "new"], ["restore", "--session", sid], ["session", "list"]):
            result = CliRunner().invoke(app, command, input="[PERSON_1]", env=env)
            assert result.exit_code == 2, (command, result.output)
            assert "Error:" in result.output and "Traceback" not in result.output
            assert PLANTED[0] not in result.output
    assert Vault.open(small_home / "vault.db", key).table(sid) == {("PERSON", i + 1, 0): v for i, v in enumerate(PLANTED)}


def test_a_full_disk_is_a_clear_error_and_every_saved_session_stays_whole(small_home: Path, key: bytes) -> None:
    vault = Vault.open(small_home / "vault.db", key)
    saved = vault.create_session()
    vault.assign(saved, [person(v) for v in PLANTED])
    busy = vault.create_session()
    with _disk_filled(small_home, vault):
        with pytest.raises(VaultError) as caught:
            for i in range(5000):
                vault.assign(busy, [person(f"Personne Remplissage {i} " + "x" * 200)])
        assert "Check disk space" in str(caught.value)
        # Even a restore records the session's last use: on a full disk it fails as clearly, never half-read.
        with pytest.raises(VaultError, match="disk space"):
            vault.table(saved)
    assert vault.table(saved) == {("PERSON", n + 1, 0): v for n, v in enumerate(PLANTED)}
    # Space is back: the vault works again, and what was committed before the failure is all there.
    written = vault.table(busy)
    assert len(written) == i and all(v.startswith("Personne Remplissage") for v in written.values())
    assert vault.assign(busy, [person("Après Réparation")]) == [f"[PERSON_{i + 1}]"]
    vault.close()
    assert len(Vault.open(small_home / "vault.db", key).table(busy)) == i + 1


@contextlib.contextmanager
def _disk_filled(home: Path, vault: Vault, free: int = 100_000) -> Iterator[None]:
    """Leave ~100 KB free on the tmpfs (a filler file), or cap the vault's pages when not mounted."""
    if CAN_MOUNT:
        filler = home / "filler"
        stat = os.statvfs(home)
        filler.write_bytes(b"\0" * max(0, stat.f_bavail * stat.f_frsize - free))
        try:
            yield
        finally:
            filler.unlink()
    else:
        pages = vault._db.execute("PRAGMA page_count").fetchone()[0]
        vault._db.execute(f"PRAGMA max_page_count={pages + 20}")
        try:
            yield
        finally:
            vault._db.execute("PRAGMA max_page_count=1073741823")


# -- expiry and purge really delete --------------------------------------------------------------


def test_expired_and_purged_sessions_leave_no_byte_of_their_values_after_vacuum(tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import guard.vault as vault_module

    path = tmp_path / "vault.db"
    clock = [1_000_000.0]
    monkeypatch.setattr(vault_module.time, "time", lambda: clock[0])
    vault = Vault.open(path, key, ttl_seconds=3600)
    expiring, purged, kept = vault.create_session(), vault.create_session(), vault.create_session()
    vault.assign(expiring, [person(PLANTED[0]), person(PLANTED[1])])
    vault.assign(purged, [person(PLANTED[2])])
    gone = _ciphertexts_of(path, expiring) + _ciphertexts_of(path, purged)
    assert all(b in all_bytes(tmp_path) for b in gone)

    clock[0] += 1800
    vault.session(kept)  # kept is used; expiring is not
    clock[0] += 2000
    vault.purge(purged)
    with pytest.raises(SessionError):
        vault.table(expiring)
    vault._db.execute("VACUUM")
    vault._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    assert [b for b in gone if b in all_bytes(tmp_path)] == []
    assert vault.table(kept) == {}
