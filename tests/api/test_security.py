"""Who may call the API: the bearer key, loopback and Host checks, CORS, and what never leaks."""

from __future__ import annotations

import hmac

import httpx
import pytest
from fastapi.testclient import TestClient

from guard import Guard
from guard.api import ApiSettings, create_app

PLANTED = "zorglub7f3a@example.org"  # a client value: only the legitimate restore may give it back
MARKER = "zorglub7f3a"  # the part of it that survives JSON and URL encoding
LOCAL = "http://127.0.0.1:8765"  # without a key the API serves only requests addressed to loopback


def error(response: httpx.Response) -> dict[str, str]:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    detail: dict[str, str] = body["error"]
    return detail


def test_with_a_key_every_v1_route_requires_it(keyed_client: TestClient, api_key: str) -> None:
    calls = [
        ("POST", "/v1/analyze", {"text": "x"}),
        ("POST", "/v1/redact", {"text": "x"}),
        ("POST", "/v1/restore", {"text": "x", "session_id": "abc"}),
        ("DELETE", "/v1/sessions/abc", None),
    ]
    for method, path, body in calls:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": api_key}, {"Authorization": f"Basic {api_key}"}):
            response = keyed_client.request(method, path, json=body, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert error(response)["code"] == "unauthorized"
            assert response.headers["WWW-Authenticate"] == "Bearer"
    good = {"Authorization": f"Bearer {api_key}"}
    assert keyed_client.post("/v1/redact", json={"text": "x"}, headers=good).status_code == 200
    assert keyed_client.get("/healthz").status_code == 200  # liveness needs no key


def test_the_key_is_compared_in_constant_time(keyed_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    original = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return original(a, b)

    monkeypatch.setattr("guard.api.deps.hmac.compare_digest", spy)
    keyed_client.post("/v1/analyze", json={"text": "x"}, headers={"Authorization": "Bearer nope"})
    assert compared == [(b"nope", b"test-key-0123456789abcdef")]


def test_the_key_comes_from_the_environment(regex_guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIENTGUARD_API_KEY", "from-env-key")
    with TestClient(create_app(regex_guard)) as env_client:
        assert env_client.post("/v1/analyze", json={"text": "x"}).status_code == 401
        ok = env_client.post("/v1/analyze", json={"text": "x"}, headers={"Authorization": "Bearer from-env-key"})
        assert ok.status_code == 200
    monkeypatch.setenv("CLIENTGUARD_API_KEY", "")
    assert ApiSettings.from_environment().api_key is None  # empty is no key, never "any key"


def test_without_a_key_requests_arriving_beyond_loopback_are_refused(regex_guard: Guard) -> None:
    app = create_app(regex_guard, settings=ApiSettings())
    with TestClient(app, base_url="http://192.168.1.20") as lan:
        refused = lan.post("/v1/analyze", json={"text": "x"})
        assert refused.status_code == 401 and "CLIENTGUARD_API_KEY" in error(refused)["message"]


@pytest.mark.parametrize("host", ["localhost:8765", "127.0.0.1:8765", "127.0.0.1", "[::1]:8765", "LOCALHOST"])
def test_without_a_key_loopback_host_names_are_served(client: TestClient, host: str) -> None:
    assert client.post("/v1/analyze", json={"text": "x"}, headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example", "[::1", "", "10.0.0.1"])
def test_without_a_key_other_host_names_are_refused_against_dns_rebinding(client: TestClient, host: str) -> None:
    response = client.post("/v1/analyze", json={"text": "x"}, headers={"Host": host})
    assert response.status_code == 401 and error(response)["code"] == "unauthorized"
    assert client.get("/healthz", headers={"Host": host}).status_code == 200


def test_with_a_key_any_host_name_is_served(keyed_client: TestClient, api_key: str) -> None:
    headers = {"Host": "guard.internal:8765", "Authorization": f"Bearer {api_key}"}
    assert keyed_client.post("/v1/analyze", json={"text": "x"}, headers=headers).status_code == 200


def test_cors_is_closed_unless_origins_are_configured(client: TestClient, regex_guard: Guard) -> None:
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    assert "access-control-allow-origin" not in client.options("/v1/redact", headers=preflight).headers
    assert "access-control-allow-origin" not in client.post("/v1/analyze", json={"text": "x"}, headers=preflight).headers
    app = create_app(regex_guard, settings=ApiSettings(cors_origins=("https://app.example",)))
    with TestClient(app, base_url=LOCAL) as open_client:
        allowed = open_client.options("/v1/redact", headers={**preflight, "Origin": "https://app.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://app.example"
        other = open_client.options("/v1/redact", headers=preflight)
        assert "access-control-allow-origin" not in other.headers


def test_settings_repr_hides_the_key() -> None:
    assert "s3cret" not in repr(ApiSettings(api_key="s3cret"))


def test_nothing_sent_comes_back_or_reaches_a_log_except_through_restore(
    client: TestClient, keyed_client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    json_headers = {"Content-Type": "application/json"}
    responses = [
        client.post("/v1/analyze", json={"text": f"Écrire à {PLANTED}"}),
        red := client.post("/v1/redact", json={"text": f"Écrire à {PLANTED}", "client": MARKER}),
        client.post(f"/v1/redact?q={PLANTED}", json={"text": PLANTED}),
        client.post("/v1/redact", content=f'{{"text": "{PLANTED}"'.encode(), headers=json_headers),
        client.post("/v1/redact", content=f'{{"text": "{PLANTED}\xff"}}'.encode("latin-1"), headers=json_headers),
        client.post("/v1/redact", json={"text": [PLANTED]}),
        client.post("/v1/redact", json={"text": "x", PLANTED: PLANTED}),
        client.post("/v1/restore", json={"text": PLANTED, "session_id": PLANTED}),
        client.post("/v1/restore", json={"text": PLANTED, "session_id": MARKER}),
        client.delete(f"/v1/sessions/{MARKER}"),
        client.get(f"/{PLANTED}"),
        client.post("/v1/redact", json={"text": PLANTED * 100_000}),
        keyed_client.post("/v1/redact", json={"text": PLANTED}, headers={"Authorization": f"Bearer {MARKER}"}),
    ]
    for response in responses:
        assert MARKER not in response.text and MARKER not in str(response.headers), response.request.url.path
    assert red.status_code == 200
    restored = client.post(
        "/v1/restore", json={"text": red.json()["text"], "session_id": red.json()["session_id"], "client": MARKER}
    )
    assert restored.json()["text"] == f"Écrire à {PLANTED}"
    # httpx logs the URLs the *test* requested; what matters is what the server side logs.
    server_side = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert all(MARKER not in r.getMessage() for r in server_side)
