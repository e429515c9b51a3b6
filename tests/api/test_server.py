"""The API as users run it: `serve()` in a real uvicorn process with the French model, over HTTP.

One server for the whole module (loading the model takes seconds); it is stopped by its pid.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.model

API_KEY = "server-test-key-5f0c1e9a7b"
PLANTED = "zorglub7f3a@example.org"  # a client value: only the legitimate restore may give it back
MARKER = "zorglub7f3a"
SAMPLE = f"Bonjour, je suis Jean Dupont ({PLANTED}), 06 12 34 56 78, SIRET 732 829 320 00074."
VALUES = ["Jean Dupont", PLANTED, "06 12 34 56 78", "732 829 320 00074"]


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    logs: list[Path]

    def client(self, key: str | None = API_KEY) -> httpx.Client:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)

    def log_text(self) -> str:
        return "".join(path.read_text(encoding="utf-8", errors="replace") for path in self.logs)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`serve()` on 127.0.0.1 with an API key, its own CLIENTGUARD_HOME, stdout and stderr in files."""
    home = tmp_path_factory.mktemp("server-home")
    env = {name: value for name, value in os.environ.items() if not name.startswith("CLIENTGUARD_")}
    env |= {"CLIENTGUARD_HOME": str(home), "CLIENTGUARD_API_KEY": API_KEY, "PYTHONUNBUFFERED": "1"}
    port = free_port()
    logs = [home / "stdout.log", home / "stderr.log"]
    code = f"from guard.api.server import serve; serve(host='127.0.0.1', port={port})"
    with logs[0].open("wb") as out, logs[1].open("wb") as err:
        process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=out, stderr=err, cwd=home)
    running = Server(f"http://127.0.0.1:{port}", process, logs)
    try:
        _wait_until_healthy(running)
        yield running
    finally:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


def _wait_until_healthy(server: Server) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited with {server.process.returncode}:\n{server.log_text()}")
        try:
            if httpx.get(f"{server.url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the server did not answer /healthz within 120 s:\n{server.log_text()}")


def test_redact_then_restore_round_trip_over_http(server: Server) -> None:
    with server.client() as http:
        red = http.post("/v1/redact", json={"text": SAMPLE})
        assert red.status_code == 200, red.text
        body = red.json()
        assert [v for v in VALUES if v in red.text] == []
        assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "FR_SIRET"} <= {e["type"] for e in body["entities"]}
        restored = http.post("/v1/restore", json={"text": body["text"], "session_id": body["session_id"]})
        assert restored.json() == {"text": SAMPLE, "unknown_placeholders": []}
        assert http.delete(f"/v1/sessions/{body['session_id']}").status_code == 204


def test_analyze_over_http_gives_types_and_offsets(server: Server) -> None:
    with server.client() as http:
        found = http.post("/v1/analyze", json={"text": SAMPLE}).json()["entities"]
    assert {SAMPLE[e["start"] : e["end"]] for e in found} >= set(VALUES)
    assert MARKER not in str(found)


def test_a_two_megabyte_body_is_refused_with_413(server: Server) -> None:
    big = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    with server.client() as http:
        response = http.post("/v1/redact", content=big, headers={"Content-Type": "application/json"})
        assert response.status_code == 413
        assert response.json()["error"]["code"] == "too_large"
        chunked = http.post(
            "/v1/redact", content=iter([big[i : i + 65536] for i in range(0, len(big), 65536)]),
            headers={"Content-Type": "application/json"},
        )
        assert chunked.status_code == 413 and "content-length" not in chunked.request.headers
        assert http.get("/healthz").status_code == 200  # the server is fine afterwards


def test_invalid_utf8_is_400(server: Server) -> None:
    with server.client() as http:
        response = http.post("/v1/redact", content=b'{"text": "caf\xe9"}', headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and response.json()["error"]["code"] == "malformed"


def test_the_key_is_required_when_the_server_has_one(server: Server) -> None:
    for key in (None, "wrong-key"):
        with server.client(key=key) as http:
            response = http.post("/v1/redact", json={"text": SAMPLE})
        assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"
        assert MARKER not in response.text


def test_two_sessions_never_mix_even_concurrently(server: Server) -> None:
    people = [(f"Contact : client{n}.nom@exemple{n}.fr", f"client{n}.nom@exemple{n}.fr") for n in range(8)]

    def round_trip(text_and_value: tuple[str, str]) -> tuple[str, str, str]:
        text, value = text_and_value
        with server.client() as http:
            red = http.post("/v1/redact", json={"text": text}).json()
            assert red["text"] == "Contact : [EMAIL_ADDRESS_1]"
            back = http.post("/v1/restore", json={"text": "[EMAIL_ADDRESS_1]", "session_id": red["session_id"]})
            return red["session_id"], value, back.json()["text"]

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(round_trip, people))
    assert [restored for _, _, restored in results] == [value for _, value in people]
    assert len({session for session, _, _ in results}) == len(people)


def test_a_client_profile_session_is_refused_to_another_profile(server: Server) -> None:
    with server.client() as http:
        red = http.post("/v1/redact", json={"text": SAMPLE, "client": "acme"}).json()
        ask = {"text": "[EMAIL_ADDRESS_1]", "session_id": red["session_id"]}
        assert http.post("/v1/restore", json=ask).status_code == 404
        assert http.post("/v1/restore", json={**ask, "client": "globex"}).status_code == 404
        assert http.post("/v1/restore", json={**ask, "client": "acme"}).json()["text"] == PLANTED


def test_no_response_or_server_log_shows_a_planted_value_except_the_restore(server: Server) -> None:
    json_headers = {"Content-Type": "application/json"}
    with server.client() as http, server.client(key=MARKER) as intruder:
        red = http.post("/v1/redact", json={"text": SAMPLE})
        responses = [
            red,
            http.post("/v1/analyze", json={"text": SAMPLE}),
            http.post("/v1/redact", params={"q": PLANTED}, json={"text": PLANTED}),
            http.post("/v1/redact", content=f'{{"text": "{PLANTED}"'.encode(), headers=json_headers),
            http.post("/v1/redact", content=f'{{"text": "{PLANTED}\xff"}}'.encode("latin-1"), headers=json_headers),
            http.post("/v1/redact", content=f'{{"text": "{PLANTED}"}}'.encode(), headers={"Content-Type": "text/plain"}),
            http.post("/v1/redact", json={"text": [PLANTED]}),
            http.post("/v1/redact", json={"text": "x", PLANTED: PLANTED}),
            http.post("/v1/restore", json={"text": PLANTED, "session_id": PLANTED}),
            http.post("/v1/restore", json={"text": PLANTED, "session_id": MARKER}),
            http.delete(f"/v1/sessions/{MARKER}"),
            http.get(f"/{PLANTED}"),
            http.post("/v1/redact", json={"text": PLANTED * 60_000}),
            intruder.post("/v1/redact", json={"text": PLANTED}),
        ]
        for response in responses:
            assert MARKER not in response.text and MARKER not in str(response.headers), response.request.url
        restored = http.post("/v1/restore", json={"text": red.json()["text"], "session_id": red.json()["session_id"]})
        assert PLANTED in restored.text  # the one legitimate way back
    time.sleep(0.5)  # let the access log lines of the last requests land
    logs = server.log_text()
    assert '"POST /v1/redact HTTP/1.1" 200' in logs and "(other path)" in logs  # the capture works
    assert MARKER not in logs
