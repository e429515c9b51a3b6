"""The vault, on real SQLite files: stable numbering, encryption at rest, sessions, failures."""

from __future__ import annotations

import base64
import multiprocessing
import os
import random
import secrets
import sqlite3
import stat
import string
from pathlib import Path
from types import SimpleNamespace

import pytest

import guard.vault as vault_module
from guard.errors import SessionError, VaultError, VaultKeyError
from guard.placeholders import normalise
from guard.restore import LITERAL
from guard.vault import Assignment, Vault, decode_key, load_or_create_key

DAY = 86400.0


def person(value: str) -> Assignment:
    return Assignment("PERSON", normalise("PERSON", value), value)


def of_type(entity_type: str, value: str) -> Assignment:
    return Assignment(entity_type, normalise(entity_type, value), value)


def token(entity_type: str, number: int) -> Assignment:
    """The request for a placeholder-like token the user wrote, e.g. `[PERSON_1]`."""
    written = f"[{entity_type}_{number}]"
    return Assignment(entity_type, written, written, token=(entity_type, number))


def files_bytes(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in directory.iterdir() if p.is_file()}


def ciphertexts(path: Path, session_id: str) -> list[bytes]:
    """The encrypted value blobs a session holds, read straight from the file."""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT value FROM entries WHERE session_id=? AND value IS NOT NULL", (session_id,))
        blobs = [blob for (blob,) in rows]
    db.close()
    return blobs


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def vault_path(isolated_home: Path) -> Path:
    return isolated_home / "vault.db"


@pytest.fixture
def vault(vault_path: Path, key: bytes) -> Vault:
    return Vault.open(vault_path, key)


# -- numbering ----------------------------------------------------------------------------------


def test_the_same_value_gets_the_same_placeholder(vault):
    sid = vault.create_session()
    first = vault.assign(sid, [person("Jean Dupont")])
    again = vault.assign(sid, [person("JEAN  dupont"), person("Jean Dupont")])
    assert first == ["[PERSON_1]"]
    assert again == ["[PERSON_1]", "[PERSON_1]"]


def test_the_same_value_survives_reopening_the_file(vault_path, key):
    sid = Vault.open(vault_path, key).create_session()
    Vault.open(vault_path, key).assign(sid, [person("Jean Dupont")])
    assert Vault.open(vault_path, key).assign(sid, [person("Jean Dupont"), person("Marie Curie")]) == [
        "[PERSON_1]",
        "[PERSON_2]",
    ]


def test_numbering_counts_per_type_from_one(vault):
    sid = vault.create_session()
    placeholders = vault.assign(
        sid,
        [
            person("Jean Dupont"),
            of_type("EMAIL_ADDRESS", "jean@acme.fr"),
            person("Marie Curie"),
            of_type("FR_SIRET", "732 829 320 00074"),
            of_type("EMAIL_ADDRESS", "marie@acme.fr"),
            person("Jean Dupont"),
        ],
    )
    assert placeholders == [
        "[PERSON_1]", "[EMAIL_ADDRESS_1]", "[PERSON_2]", "[FR_SIRET_1]", "[EMAIL_ADDRESS_2]", "[PERSON_1]",
    ]


def test_each_session_numbers_from_one(vault):
    first, second = vault.create_session(), vault.create_session()
    vault.assign(first, [person("Jean Dupont"), person("Marie Curie")])
    assert vault.assign(second, [person("Marie Curie")]) == ["[PERSON_1]"]


def test_reserved_token_numbers_are_skipped_and_restore_as_written(vault):
    sid = vault.create_session()
    assert vault.assign(sid, [token("PERSON", 1), person("Jean Dupont"), token("PERSON", 3)]) == [
        None, "[PERSON_2]", None,
    ]
    assert vault.assign(sid, [person("Marie Curie")]) == ["[PERSON_4]"]
    table = vault.table(sid)
    assert table[("PERSON", 1, 0)] is LITERAL and table[("PERSON", 3, 0)] is LITERAL
    assert (table[("PERSON", 2, 0)], table[("PERSON", 4, 0)]) == ("Jean Dupont", "Marie Curie")


def test_a_token_written_again_stays_reserved(vault):
    sid = vault.create_session()
    vault.assign(sid, [token("PERSON", 1)])
    assert vault.assign(sid, [token("PERSON", 1), person("Jean Dupont")]) == [None, "[PERSON_2]"]


def test_a_token_whose_number_a_value_holds_gets_a_fresh_placeholder(vault):
    sid = vault.create_session()
    vault.assign(sid, [person("Jean Dupont")])
    [fresh] = vault.assign(sid, [token("PERSON", 1)])
    assert fresh == "[PERSON_2]"
    assert vault.table(sid) == {("PERSON", 1, 0): "Jean Dupont", ("PERSON", 2, 0): "[PERSON_1]"}


# -- encryption at rest and file permissions ------------------------------------------------------

PLANTED = [
    "Jean Dupont",
    "Hélène Müller-Lefèvre",
    "Société Générale Île-de-France",
    "jean.dupont@acme.fr",
    "732 829 320 00074",
    "FR7630006000011234567890189",
    "sk-live-9f8e7d6c5b4a39281706",
]


def test_values_never_appear_in_clear_in_any_file_of_the_vault_directory(vault_path, key):
    vault = Vault.open(vault_path, key)
    sid = vault.create_session(client="Acme Ingénierie")
    types = ["PERSON", "PERSON", "ORGANIZATION", "EMAIL_ADDRESS", "FR_SIRET", "IBAN_CODE", "SECRET"]
    vault.assign(sid, [of_type(t, v) for t, v in zip(types, PLANTED)])
    assert vault.table(sid, client="Acme Ingénierie")  # values are really there
    files = files_bytes(vault_path.parent)
    assert {"vault.db", "vault.db-wal"} <= files.keys()
    needles = [*PLANTED, "Acme Ingénierie", normalise("PERSON", PLANTED[1]), normalise("ORGANIZATION", PLANTED[2])]
    leaks = [
        (name, needle)
        for name, data in files.items()
        for needle in needles
        for encoded in (needle.encode("utf-8"), needle.encode("utf-16-le"))
        if encoded in data
    ]
    assert leaks == []


def test_key_file_and_vault_file_are_readable_by_their_owner_only(isolated_home):
    key = load_or_create_key(isolated_home / "vault.key")
    vault = Vault.open(isolated_home / "vault.db", key)
    vault.assign(vault.create_session(), [person("Jean Dupont")])
    for name in ("vault.key", "vault.db"):
        assert stat.S_IMODE((isolated_home / name).stat().st_mode) == 0o600, name


def test_a_wrong_key_is_refused_without_naming_any_value(vault_path, key):
    vault = Vault.open(vault_path, key)
    vault.assign(vault.create_session(), [person(v) for v in PLANTED])
    with pytest.raises(VaultKeyError) as caught:
        Vault.open(vault_path, secrets.token_bytes(32))
    message = str(caught.value)
    assert "key" in message
    assert [v for v in PLANTED if v in message] == []


def test_a_row_copied_into_another_session_does_not_decrypt(vault_path, key):
    vault = Vault.open(vault_path, key)
    victim, thief = vault.create_session(), vault.create_session()
    vault.assign(victim, [person("Jean Dupont")])
    with sqlite3.connect(vault_path) as db:
        db.execute(
            "INSERT INTO entries SELECT ?, type, number + 10, NULL, value FROM entries WHERE session_id=?",
            (thief, victim),
        )
    db.close()
    with pytest.raises(VaultKeyError) as caught:
        vault.table(thief)
    assert "Jean Dupont" not in str(caught.value)


# -- sessions -----------------------------------------------------------------------------------

URLSAFE = set(string.ascii_letters + string.digits + "-_")


def test_session_ids_carry_at_least_128_random_bits():
    vault = Vault.in_memory()
    ids = [vault.create_session() for _ in range(50)]
    assert all(set(sid) <= URLSAFE and len(sid) * 6 >= 128 for sid in ids)
    assert all(len(sid) >= len(secrets.token_urlsafe(24)) for sid in ids)  # 32 characters, 192 bits
    assert len(set(ids)) == len(ids)


def test_a_session_table_never_holds_another_sessions_values(vault):
    first, second = vault.create_session(), vault.create_session()
    vault.assign(first, [person("Jean Dupont"), of_type("EMAIL_ADDRESS", "jean@acme.fr")])
    vault.assign(second, [person("Marie Curie"), person("Jean Dupont")])
    assert set(vault.table(first).values()) == {"Jean Dupont", "jean@acme.fr"}
    assert vault.table(second) == {("PERSON", 1, 0): "Marie Curie", ("PERSON", 2, 0): "Jean Dupont"}


def test_a_session_belongs_to_its_client_profile(vault):
    sid = vault.create_session(client="acme")
    vault.assign(sid, [person("Jean Dupont")])
    assert vault.table(sid, client="acme") == {("PERSON", 1, 0): "Jean Dupont"}
    for other in (None, "globex"):
        with pytest.raises(SessionError):
            vault.table(sid, client=other)


UNKNOWN_ID = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0"


@pytest.mark.parametrize(
    "call",
    [
        lambda v: v.table(UNKNOWN_ID),
        lambda v: v.session(UNKNOWN_ID),
        lambda v: v.assign(UNKNOWN_ID, [person("Jean Dupont")]),
        lambda v: v.purge(UNKNOWN_ID),
    ],
    ids=["table", "session", "assign", "purge"],
)
def test_an_unknown_session_is_an_error_that_does_not_repeat_the_whole_id(vault, call):
    vault.create_session()
    with pytest.raises(SessionError) as caught:
        call(vault)
    assert UNKNOWN_ID not in str(caught.value)
    assert UNKNOWN_ID[:6] in str(caught.value)  # enough to recognise it


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """The vault's clock, moved by hand: `clock.now += DAY`."""
    fake = SimpleNamespace(now=1_800_000_000.0)
    monkeypatch.setattr(vault_module, "time", SimpleNamespace(time=lambda: fake.now))
    return fake


def test_a_session_expires_after_its_ttl_without_use(vault_path, key, clock):
    vault = Vault.open(vault_path, key, ttl_seconds=30 * DAY)
    sid = vault.create_session()
    vault.assign(sid, [person("Jean Dupont")])
    clock.now += 29 * DAY
    assert vault.table(sid) == {("PERSON", 1, 0): "Jean Dupont"}  # use renews the session
    clock.now += 29 * DAY
    assert vault.table(sid) == {("PERSON", 1, 0): "Jean Dupont"}
    clock.now += 30 * DAY + 1
    with pytest.raises(SessionError):
        vault.table(sid)
    with pytest.raises(SessionError):
        vault.assign(sid, [person("Jean Dupont")])
    assert [s.id for s in vault.sessions()] == []


def test_a_tiny_ttl_expires_a_session_at_the_next_tick(clock):
    vault = Vault.in_memory(ttl_seconds=0.001)
    sid = vault.create_session()
    clock.now += 0.01
    with pytest.raises(SessionError):
        vault.table(sid)


def test_purge_forgets_a_session_and_wipes_its_ciphertext_from_the_files(vault_path, key):
    vault = Vault.open(vault_path, key)
    kept, purged = vault.create_session(), vault.create_session()
    vault.assign(kept, [person("Marie Curie")])
    vault.assign(purged, [person(v) for v in PLANTED])
    blobs = ciphertexts(vault_path, purged)
    assert len(blobs) == len(PLANTED)
    assert any(blob in data for blob in blobs for data in files_bytes(vault_path.parent).values())

    vault.purge(purged)

    with pytest.raises(SessionError):
        vault.table(purged)
    assert vault.table(kept) == {("PERSON", 1, 0): "Marie Curie"}
    left = [(name, i) for name, data in files_bytes(vault_path.parent).items() for i, blob in enumerate(blobs) if blob in data]
    assert left == []


def test_purge_all_forgets_every_session(vault):
    sids = [vault.create_session() for _ in range(3)]
    vault.assign(sids[0], [person("Jean Dupont")])
    assert vault.purge_all() == 3
    assert vault.sessions() == []
    with pytest.raises(SessionError):
        vault.table(sids[0])


def test_sessions_lists_live_sessions_with_counts_and_no_values(vault):
    sid = vault.create_session(client="acme")
    vault.assign(sid, [person("Jean Dupont"), person("Marie Curie")])
    [info] = vault.sessions()
    assert (info.id, info.client, info.entries) == (sid, "acme", 2)
    assert "Jean Dupont" not in repr(info)


# -- damaged files --------------------------------------------------------------------------------


def test_a_random_file_is_a_vault_error_and_is_left_untouched(vault_path, key):
    garbage = random.Random(7).randbytes(16384)
    vault_path.write_bytes(garbage)
    with pytest.raises(VaultError) as caught:
        Vault.open(vault_path, key)
    assert type(caught.value) is VaultError
    assert str(vault_path) in str(caught.value)
    assert vault_path.read_bytes() == garbage


def test_a_truncated_vault_is_a_vault_error_and_is_left_untouched(isolated_home, key):
    original = isolated_home / "original.db"
    vault = Vault.open(original, key)
    vault.assign(vault.create_session(), [person(f"Personne {i}") for i in range(200)])
    with sqlite3.connect(original) as db:  # fold the write-ahead log into the file
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    whole = original.read_bytes()
    truncated = isolated_home / "vault.db"
    truncated.write_bytes(whole[: len(whole) // 2])
    before = truncated.read_bytes()
    with pytest.raises(VaultError) as caught:
        opened = Vault.open(truncated, key)
        opened.table(opened.sessions()[0].id)
    assert "not a readable clientguard vault" in str(caught.value)
    assert truncated.read_bytes() == before


def test_an_unwritable_directory_is_a_vault_error(tmp_path, key):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    with pytest.raises(VaultError):
        Vault.open(blocker / "vault.db", key)


# -- in memory ----------------------------------------------------------------------------------


def test_in_memory_vault_works_and_writes_no_file(isolated_home, tmp_path, monkeypatch):
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    vault = Vault.in_memory()
    sid = vault.create_session()
    assert vault.assign(sid, [person("Jean Dupont")]) == ["[PERSON_1]"]
    assert vault.assign(sid, [token("PERSON", 1)]) == ["[PERSON_2]"]
    assert vault.table(sid) == {("PERSON", 1, 0): "Jean Dupont", ("PERSON", 2, 0): "[PERSON_1]"}
    vault.purge(sid)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_two_in_memory_vaults_share_nothing():
    first, second = Vault.in_memory(), Vault.in_memory()
    sid = first.create_session()
    with pytest.raises(SessionError):
        second.table(sid)


# -- concurrency --------------------------------------------------------------------------------

CONCURRENT_VALUES = [f"Personne Numéro {i}" for i in range(50)]


def _assign_concurrently(path: str, key: bytes, session_id: str, seed: int, barrier, results) -> None:
    """One process: open the vault, wait for the others, assign every value one by one."""
    vault = Vault.open(Path(path), key)
    values = CONCURRENT_VALUES[:]
    random.Random(seed).shuffle(values)
    barrier.wait(timeout=60)
    got = {value: vault.assign(session_id, [person(value)])[0] for value in values}
    results.put(got)


def test_processes_assigning_at_once_agree_on_one_placeholder_per_value(vault_path, key, monkeypatch, request):
    # Spawned children import this module by name: make the checkout importable for them.
    monkeypatch.syspath_prepend(str(request.config.rootpath))
    sid = Vault.open(vault_path, key).create_session()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(4), context.Queue()
    workers = [
        context.Process(target=_assign_concurrently, args=(str(vault_path), key, sid, seed, barrier, results))
        for seed in range(4)
    ]
    for worker in workers:
        worker.start()
    answers = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0, 0, 0]
    assert all(answer == answers[0] for answer in answers)
    assert sorted(answers[0]) == sorted(CONCURRENT_VALUES)
    assert sorted(answers[0].values()) == sorted(f"[PERSON_{n}]" for n in range(1, 51))
    table = Vault.open(vault_path, key).table(sid)
    assert {f"[PERSON_{n}]": v for (_, n, _variant), v in table.items()} == {p: v for v, p in answers[0].items()}


# -- keys ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        base64.urlsafe_b64encode(secrets.token_bytes(16)).decode(),
        base64.urlsafe_b64encode(secrets.token_bytes(31)).decode(),
        base64.urlsafe_b64encode(secrets.token_bytes(33)).decode(),
        "not base64 at all !!!",
    ],
)
def test_decode_key_rejects_anything_but_32_bytes(text):
    with pytest.raises(VaultKeyError):
        decode_key(text)


def test_decode_key_accepts_base64_with_or_without_padding_and_spaces():
    raw = secrets.token_bytes(32)
    encoded = base64.urlsafe_b64encode(raw).decode()
    assert decode_key(encoded) == raw
    assert decode_key(encoded.rstrip("=")) == raw
    assert decode_key(f"  {encoded}\n") == raw


def test_load_or_create_key_creates_the_file_once_and_returns_the_same_key(isolated_home):
    path = isolated_home / "keys" / "vault.key"
    first = load_or_create_key(path)
    written = path.read_bytes()
    assert len(first) == 32
    assert load_or_create_key(path) == first
    assert path.read_bytes() == written
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_load_or_create_key_gives_different_keys_in_different_homes(tmp_path):
    assert load_or_create_key(tmp_path / "a" / "vault.key") != load_or_create_key(tmp_path / "b" / "vault.key")


def test_a_key_file_that_was_tampered_with_is_a_key_error(isolated_home):
    path = isolated_home / "vault.key"
    path.write_text("too short\n")
    os.chmod(path, 0o600)
    with pytest.raises(VaultKeyError):
        load_or_create_key(path)


def test_other_mentions_of_an_entity_get_variants_and_decrypt_only_where_they_belong():
    vault = Vault.in_memory()
    sid = vault.create_session()
    [full] = vault.assign(sid, [person("Jean Dupont")])
    short = Assignment("PERSON", "dupont", "Dupont", link=("PERSON", 1))
    initial = Assignment("PERSON", "j. dupont", "J. Dupont", link=("PERSON", 1))
    assert vault.assign(sid, [short, initial, short]) == ["[PERSON_1.2]", "[PERSON_1.3]", "[PERSON_1.2]"]
    assert full == "[PERSON_1]"
    assert vault.table(sid) == {
        ("PERSON", 1, 0): "Jean Dupont", ("PERSON", 1, 2): "Dupont", ("PERSON", 1, 3): "J. Dupont",
    }
    vault.purge(sid)
    with pytest.raises(SessionError):
        vault.table(sid)


def test_rotating_the_key_keeps_surrogates_and_a_profiles_stable_session(tmp_path):
    vault = Vault.open(tmp_path / "vault.db", bytes(32))
    stable = vault.stable_session("acme")
    vault.assign(stable, [person("Jean Dupont")])
    vault.add_surrogates(stable, {("PERSON", 1, 0): "Luc Martin"})
    vault.rotate_key(bytes([7]) * 32)
    assert vault.stable_session("acme") == stable
    assert vault.surrogates(stable, "acme") == {("PERSON", 1, 0): "Luc Martin"}
    assert vault.table(stable, "acme") == {("PERSON", 1, 0): "Jean Dupont"}
