"""`serve()`: when it refuses to start, what it hands uvicorn, and what its access log may show."""

from __future__ import annotations

import logging
import os
from typing import Any

import pytest

from guard import ConfigError, GuardError
from guard.api.deps import is_loopback
from guard.api.server import LOGGED_PATHS, AccessLogFilter, log_config, loggable_path, serve


@pytest.fixture
def uvicorn_runs(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Calls to uvicorn.run, recorded instead of serving."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    return calls


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.org", False), ("", False)],
)
def test_loopback_hosts_are_recognised(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "myhost.lan"])
def test_serve_refuses_a_network_address_without_a_key(host: str, uvicorn_runs: list[dict[str, Any]]) -> None:
    with pytest.raises(ConfigError, match="CLIENTGUARD_API_KEY") as caught:
        serve(host=host)
    assert isinstance(caught.value, GuardError) and "without an API key" in str(caught.value)
    assert uvicorn_runs == []


def test_serve_accepts_a_network_address_with_a_key(
    monkeypatch: pytest.MonkeyPatch, uvicorn_runs: list[dict[str, Any]]
) -> None:
    monkeypatch.setenv("CLIENTGUARD_API_KEY", "")  # so that the key serve() exports is undone after the test
    serve(host="0.0.0.0", port=9000, workers=2, api_key="a-long-random-key")
    [call] = uvicorn_runs
    assert call["app"] == "guard.api.app:create_app" and call["factory"] is True
    assert (call["host"], call["port"], call["workers"]) == ("0.0.0.0", 9000, 2)
    assert os.environ["CLIENTGUARD_API_KEY"] == "a-long-random-key"  # every worker's app reads it


def test_serve_takes_the_key_from_the_environment(monkeypatch: pytest.MonkeyPatch, uvicorn_runs: list[dict[str, Any]]) -> None:
    monkeypatch.setenv("CLIENTGUARD_API_KEY", "from-env-key")
    serve(host="0.0.0.0")
    assert len(uvicorn_runs) == 1


def test_serve_on_loopback_needs_no_key_and_defaults_to_8765(uvicorn_runs: list[dict[str, Any]]) -> None:
    serve()
    assert (uvicorn_runs[0]["host"], uvicorn_runs[0]["port"], uvicorn_runs[0]["workers"]) == ("127.0.0.1", 8765, 1)
    assert "CLIENTGUARD_API_KEY" not in os.environ


@pytest.mark.parametrize("kwargs", [{"workers": 0}, {"port": 70000}])
def test_serve_refuses_impossible_options(kwargs: dict[str, int], uvicorn_runs: list[dict[str, Any]]) -> None:
    with pytest.raises(ConfigError):
        serve(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/v1/redact", "/v1/redact"),
        ("/v1/redact?text=Jean%20Dupont", "/v1/redact"),
        ("/v1/sessions/q8mJ0c1bWk3X9vZ2rT5yH7nP4sL6dF0a", "/v1/sessions/{session_id}"),
        ("/jean.dupont%40acme.fr", "(other path)"),
        ("/healthz", "/healthz"),
    ],
)
def test_access_log_paths_never_carry_request_values(path: str, logged: str) -> None:
    assert loggable_path(path) == logged


def test_access_log_filter_rewrites_uvicorn_access_records() -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "DELETE", "/v1/sessions/secret-id", "1.1", 204), None,
    )
    assert AccessLogFilter().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "DELETE /v1/sessions/{session_id} HTTP/1.1" 204'
    config = log_config()
    assert config["loggers"]["uvicorn.access"]["filters"] == ["paths"]


def test_every_route_of_the_app_is_logged_by_name(client: Any) -> None:
    from starlette.routing import Route

    document = client.get("/openapi.json").json()
    paths = set(document["paths"]) | {r.path for r in client.app.routes if isinstance(r, Route)}
    for path in paths:
        assert path in LOGGED_PATHS or path.startswith("/v1/sessions/"), path
