"""The product as users run it — the `guard` command and `guard serve` — on one data directory.

After real use (redact, restore, errors, hostile input) no planted value is readable in any file
the product wrote: vault, -wal, -shm, key, current-session pointer, config, server logs, temp files.
The CLI and the server writing into one session at once agree on one placeholder per value.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pytest

from guard.vault import Vault, load_or_create_key

pytestmark = pytest.mark.model

PLANTED = {
    "Thibault Quenardel": "PERSON",
    "quenardel.t42@atelier-vosges.fr": "EMAIL_ADDRESS",
    "06 71 84 29 53": "PHONE_NUMBER",
    "418 396 206 00017": "FR_SIRET",
    "FR76 3000 4028 3798 7654 3210 976": "IBAN_CODE",
}
LETTER = (
    "Bonjour,\nM. Thibault Quenardel (quenardel.t42@atelier-vosges.fr, tél 06 71 84 29 53) dirige la société, "
    "SIRET 418 396 206 00017. Virement sur l'IBAN FR76 3000 4028 3798 7654 3210 976.\n"
)
API_PLANTED = ["Gwendoline Parmentier", "parmentier.g@cabinet-lune.fr", "07 58 12 93 46"]
HOSTILE_NAME = "Sidonie Grandcourt"
API_LETTER = "Bonjour Mme Gwendoline Parmentier, écrivez à parmentier.g@cabinet-lune.fr ou au 07 58 12 93 46."


def forms(value: str) -> list[bytes]:
    """Ways a value could sit in a file: UTF-8, UTF-16 (both orders), its digits alone, lower case."""
    digits = "".join(ch for ch in value if ch.isdigit())
    found = [value, value.lower(), value.replace(" ", "")] + ([digits] if len(digits) >= 8 else [])
    return [f.encode(enc) for f in dict.fromkeys(found) for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def readable_values(home: Path, values: list[str]) -> dict[str, list[str]]:
    """For every file under `home`, the planted values readable in it (none is the promise)."""
    hits: dict[str, list[str]] = {}
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found = [v for v in values if any(form in data for form in forms(v))]
        if found:
            hits[str(path.relative_to(home))] = found
    return hits


@pytest.fixture(scope="module")
def server(server_factory):  # type: ignore[no-untyped-def]
    """One `guard serve` for the module, its home shared with the CLI runs."""
    return server_factory("product-home")


def test_the_cli_and_the_server_writing_one_session_at_once_agree_on_every_placeholder(run_guard, server) -> None:  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=server.url, timeout=120) as http:
        session_id = http.post("/v1/redact", json={"text": "Début de conversation."}).json()["session_id"]
    results: dict[str, dict[str, str]] = {}
    errors: list[str] = []

    def through_cli(name: str) -> None:
        done = run_guard(["redact", "--json", "--session", session_id], server.home, LETTER.encode())
        if done.returncode:
            errors.append(done.stderr.decode())
            return
        body = json.loads(done.stdout)
        results[name] = {LETTER[e["start"] : e["end"]]: e["placeholder"] for e in body["entities"]}

    def through_api(name: str) -> None:
        with httpx.Client(base_url=server.url, timeout=120) as http:
            for round_ in range(6):
                body = http.post("/v1/redact", json={"text": LETTER, "session_id": session_id}).json()
                results[f"{name}-{round_}"] = {LETTER[e["start"] : e["end"]]: e["placeholder"] for e in body["entities"]}

    workers = [threading.Thread(target=through_cli, args=(f"cli-{i}",)) for i in range(2)]
    workers += [threading.Thread(target=through_api, args=(f"api-{i}",)) for i in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert errors == []
    assert len(results) == 2 + 2 * 6
    first = next(iter(results.values()))
    assert all(r == first for r in results.values())  # one value, one placeholder, whoever wrote first
    assert len(set(first.values())) == len(first)
    # Nobody wrote a second, unseen entry for a value either: the vault holds each value once.
    vault = Vault.open(server.home / "vault.db", load_or_create_key(server.home / "vault.key"))
    stored = [v for v in vault.table(session_id).values() if isinstance(v, str)]
    vault.close()
    assert sorted(stored) == sorted(first)


# -- hostile input through the CLI and the API ------------------------------------------------------


def test_binary_and_invalid_utf8_input_is_a_clear_cli_error(run_guard, tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 64)
    for args, stdin in ((["redact", str(binary)], b""), (["redact"], b"Jean \xff\xfe Dupont"), (["restore", "-"], b"\xc3\x28")):
        done = run_guard(args, tmp_path, stdin, timeout=60)
        assert done.returncode == 2, done.stderr
        assert b"not UTF-8" in done.stderr and b"Traceback" not in done.stderr and done.stdout == b""


def test_empty_input_redacts_to_nothing(run_guard, tmp_path: Path) -> None:
    done = run_guard(["redact"], tmp_path, b"", timeout=60)
    assert (done.returncode, done.stdout) == (0, b""), done.stderr


def test_a_50_megabyte_file_is_refused_clearly_by_the_cli(run_guard, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"Jean Dupont, 06 12 34 56 78. " * (50 * 1024 * 1024 // 29))
    done = run_guard(["redact", str(big)], tmp_path, timeout=120)
    assert done.returncode == 2
    assert b"limit" in done.stderr and b"max_chars" in done.stderr and b"Traceback" not in done.stderr
    assert b"Jean Dupont" not in done.stderr and done.stdout == b""


def test_hostile_bodies_get_clear_api_errors_and_the_server_stays_up(server) -> None:  # type: ignore[no-untyped-def]
    fifty_mb = b'{"text": "' + b"06 12 34 56 78 " * (50 * 1024 * 1024 // 15) + b'"}'
    with httpx.Client(base_url=server.url, timeout=120) as http:
        cases = {
            "50 MB": http.post("/v1/redact", content=fifty_mb, headers={"Content-Type": "application/json"}),
            "50 MB chunked": http.post(
                "/v1/redact", content=iter([fifty_mb[i : i + 1 << 20] for i in range(0, len(fifty_mb), 1 << 20)]),
                headers={"Content-Type": "application/json"},
            ),
            "binary": http.post("/v1/redact", content=bytes(range(256)) * 16, headers={"Content-Type": "application/json"}),
            "invalid UTF-8": http.post("/v1/redact", content=b'{"text": "Jean \xff Dupont"}', headers={"Content-Type": "application/json"}),
            "lone surrogate": http.post("/v1/redact", content=b'{"text": "Jean \\ud800 Dupont"}', headers={"Content-Type": "application/json"}),
            "not an object": http.post("/v1/redact", json=["Jean Dupont"]),
            "empty body": http.post("/v1/redact", content=b"", headers={"Content-Type": "application/json"}),
        }
        statuses = {name: r.status_code for name, r in cases.items()}
        assert statuses == {"50 MB": 413, "50 MB chunked": 413, "binary": 400, "invalid UTF-8": 400,
                            "lone surrogate": 422, "not an object": 422, "empty body": 422}
        assert all(set(r.json()) == {"error"} and r.json()["error"]["message"] for r in cases.values())
        empty = http.post("/v1/redact", json={"text": ""}).json()
        assert (empty["text"], empty["entities"]) == ("", [])
        nul = f"M. {HOSTILE_NAME}\x00\x01\x7f\u2028 fin"
        red = http.post("/v1/redact", json={"text": nul}).json()
        assert http.post("/v1/restore", json={"text": red["text"], "session_id": red["session_id"]}).json()["text"] == nul
        assert http.get("/healthz").status_code == 200
    assert "Traceback" not in server.log_text()


# -- every file the product wrote ---------------------------------------------------------------------


def test_no_value_is_readable_in_any_file_after_cli_and_server_use(run_guard, server) -> None:  # type: ignore[no-untyped-def]
    # Last in this module on purpose: the server is stopped at the end, and every value the tests
    # before it sent (the letter, the hostile bodies) must be unreadable in the files too.
    home = server.home
    # The CLI, on the same data directory as the running server.
    redacted = run_guard(["redact", "--json"], home, LETTER.encode())
    assert redacted.returncode == 0, redacted.stderr.decode()
    body = json.loads(redacted.stdout)
    assert {e["type"] for e in body["entities"]} >= set(PLANTED.values())
    restored = run_guard(["restore"], home, body["text"].encode())
    assert restored.stdout.decode() == LETTER
    assert run_guard(["session", "list"], home).returncode == 0
    # The API: a round trip, then requests made to fail with values inside them.
    with httpx.Client(base_url=server.url, timeout=60) as http:
        red = http.post("/v1/redact", json={"text": API_LETTER}).json()
        assert http.post("/v1/restore", json={"text": red["text"], "session_id": red["session_id"]}).json()["text"] == API_LETTER
        failures = [
            http.post("/v1/restore", json={"text": API_LETTER, "session_id": "x" * 32}),
            http.post("/v1/redact", content=API_LETTER.encode(), headers={"Content-Type": "application/json"}),
            http.post("/v1/redact", json={"text": API_LETTER, "session_id": 12}),
            http.post("/v1/redact", json={"text": API_LETTER, "client": ["no"]}),
            http.get(f"/v1/{API_PLANTED[1]}"),
        ]
        assert [r.status_code for r in failures] == [404, 400, 422, 422, 404]
        assert [v for r in failures for v in API_PLANTED if v in r.text] == []
    values = list(PLANTED) + API_PLANTED + [HOSTILE_NAME]
    assert readable_values(home, values) == {}  # while the server runs: -wal and -shm are there
    assert {p.name for p in home.iterdir()} >= {"vault.db", "vault.db-wal", "vault.key", "current_session"}
    server.stop()
    assert readable_values(home, values) == {}
