"""Every route and every error code of the REST API, through TestClient (no model needed)."""

from __future__ import annotations

import inspect
import threading
import time
from typing import Any

import anyio
import httpx
import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from guard import ConfigError, Guard, SessionError, VaultError, VaultKeyError
from guard.api import ApiSettings, create_app
from guard.api.deps import get_guard

PLANTED = "zorglub7f3a@example.org"  # a client value: only the legitimate restore may give it back
MARKER = "zorglub7f3a"  # the part of it that survives JSON and URL encoding
SESSION_ID_CHARS = 32  # secrets.token_urlsafe(24): 192 bits
LOCAL = "http://127.0.0.1:8765"  # without a key the API serves only requests addressed to loopback


def error(response: httpx.Response) -> dict[str, str]:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    detail: dict[str, str] = body["error"]
    return detail


# -- the routes -------------------------------------------------------------------------------


def test_healthz_says_ok_with_the_version(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["version"]


def test_analyze_lists_types_and_offsets_never_values(client: TestClient) -> None:
    text = f"Écrire à {PLANTED} demain."
    response = client.post("/v1/analyze", json={"text": text})
    assert response.status_code == 200
    [finding] = response.json()["entities"]
    assert finding == {"type": "EMAIL_ADDRESS", "start": 9, "end": 9 + len(PLANTED), "score": 1.0}
    assert MARKER not in response.text


def test_redact_replaces_values_and_opens_an_unguessable_session(client: TestClient) -> None:
    response = client.post("/v1/redact", json={"text": f"Écrire à {PLANTED}."})
    assert response.status_code == 200
    body = response.json()
    assert body["text"] == "Écrire à [EMAIL_ADDRESS_1]."
    assert len(body["session_id"]) == SESSION_ID_CHARS
    assert body["entities"] == [
        {"type": "EMAIL_ADDRESS", "start": 9, "end": 9 + len(PLANTED), "placeholder": "[EMAIL_ADDRESS_1]"}
    ]
    assert MARKER not in response.text


def test_redact_in_the_same_session_keeps_placeholders(client: TestClient) -> None:
    first = client.post("/v1/redact", json={"text": "a@example.org"}).json()
    second = client.post("/v1/redact", json={"text": "b@example.org, a@example.org", "session_id": first["session_id"]})
    assert second.json()["text"] == "[EMAIL_ADDRESS_2], [EMAIL_ADDRESS_1]"
    assert second.json()["session_id"] == first["session_id"]


def test_restore_gives_values_back_and_reports_unknown_placeholders(client: TestClient) -> None:
    red = client.post("/v1/redact", json={"text": f"Écrire à {PLANTED}."}).json()
    response = client.post(
        "/v1/restore", json={"text": "Réponse à [email_address_1] et [PERSON_9].", "session_id": red["session_id"]}
    )
    assert response.status_code == 200
    assert response.json() == {"text": f"Réponse à {PLANTED} et [PERSON_9].", "unknown_placeholders": ["[PERSON_9]"]}


def test_deleted_session_can_no_longer_be_restored(client: TestClient) -> None:
    session_id = client.post("/v1/redact", json={"text": PLANTED}).json()["session_id"]
    deleted = client.delete(f"/v1/sessions/{session_id}")
    assert deleted.status_code == 204 and deleted.content == b""
    restored = client.post("/v1/restore", json={"text": "[EMAIL_ADDRESS_1]", "session_id": session_id})
    assert restored.status_code == 404
    assert error(restored)["code"] == "session_not_found"
    again = client.delete(f"/v1/sessions/{session_id}")
    assert again.status_code == 404 and error(again)["code"] == "session_not_found"


def test_unknown_session_is_404_and_the_message_quotes_no_part_of_the_id(client: TestClient) -> None:
    unknown = "Qw3rTy" + "x" * 26
    for response in (
        client.post("/v1/restore", json={"text": "[PERSON_1]", "session_id": unknown}),
        client.post("/v1/redact", json={"text": "bonjour", "session_id": unknown}),
    ):
        assert response.status_code == 404
        assert error(response)["code"] == "session_not_found"
        assert "Qw3rTy" not in response.text


def test_a_client_profile_session_is_not_restored_by_another_profile(client: TestClient) -> None:
    red = client.post("/v1/redact", json={"text": PLANTED, "client": "acme"}).json()
    session_id = red["session_id"]
    for other in ({}, {"client": "globex"}):
        response = client.post("/v1/restore", json={"text": "[EMAIL_ADDRESS_1]", "session_id": session_id, **other})
        assert response.status_code == 404, other
        assert MARKER not in response.text
        refused = client.post("/v1/redact", json={"text": "x", "session_id": session_id, **other})
        assert refused.status_code == 404
    own = client.post("/v1/restore", json={"text": "[EMAIL_ADDRESS_1]", "session_id": session_id, "client": "acme"})
    assert own.json()["text"] == PLANTED


def test_a_profile_guard_shares_the_vault_and_settings_of_the_app_guard(client: TestClient) -> None:
    from guard.api.deps import guard_for

    app_guard: Guard = client.app.state.guard  # type: ignore[attr-defined]
    acme = guard_for(app_guard, "acme")
    assert acme.client == "acme" and acme.vault is app_guard.vault and acme.settings is app_guard.settings
    assert type(acme) is type(app_guard)
    assert guard_for(app_guard, None) is app_guard


def test_two_sessions_never_mix(client: TestClient) -> None:
    a = client.post("/v1/redact", json={"text": "alice@example.org"}).json()
    b = client.post("/v1/redact", json={"text": "bob@example.net"}).json()
    assert a["text"] == b["text"] == "[EMAIL_ADDRESS_1]"
    assert a["session_id"] != b["session_id"]
    for red, value in ((a, "alice@example.org"), (b, "bob@example.net")):
        restored = client.post("/v1/restore", json={"text": "[EMAIL_ADDRESS_1]", "session_id": red["session_id"]})
        assert restored.json()["text"] == value


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (b'{"text": "zorglub7f3a@example.org"', "application/json"),  # truncated JSON
        (b'{"text": "zorglub7f3a@example.org \xff\xfe"}', "application/json"),  # not UTF-8
        (b'{"text": "zorglub7f3a@example.org"}', "text/plain"),  # JSON, but not sent as JSON
        (b'{"text": "zorglub7f3a@example.org"}', None),
    ],
)
def test_a_body_that_is_not_json_in_utf8_is_400_malformed(client: TestClient, content: bytes, content_type: str | None) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v1/redact", content=content, headers=headers)
    assert response.status_code == 400
    assert error(response)["code"] == "malformed"
    assert MARKER not in response.text


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({}, "text"),
        ({"text": [PLANTED]}, "text"),
        ({"text": 42}, "text"),
        ({"text": "x", "client": ""}, "client"),
        ({"text": "x", "session_id": PLANTED}, "session_id"),
        ({"text": "x", PLANTED: 1}, "not accepted"),
        ({"text": "x", "sessionid": "abc"}, "not accepted"),
        ([PLANTED], "the body"),
    ],
)
def test_invalid_fields_are_422_and_the_answer_never_echoes_the_input(client: TestClient, body: Any, named: str) -> None:
    response = client.post("/v1/redact", json=body)
    assert response.status_code == 422
    detail = error(response)
    assert detail["code"] == "invalid" and named in detail["message"]
    assert MARKER not in response.text and "sessionid" not in response.text


def test_input_the_library_refuses_is_422_invalid(client: TestClient) -> None:
    # A lone surrogate is valid JSON but not Unicode text: the library's InputError.
    response = client.post("/v1/analyze", content=b'{"text": "abc \\ud800"}', headers={"Content-Type": "application/json"})
    assert response.status_code == 422
    assert error(response)["code"] == "invalid" and "offset 4" in error(response)["message"]


def test_a_bad_session_id_in_the_path_is_422(client: TestClient) -> None:
    response = client.delete("/v1/sessions/not%20an%20id")
    assert response.status_code == 422 and error(response)["code"] == "invalid"


def test_unknown_routes_and_methods_use_the_error_shape(client: TestClient) -> None:
    missing = client.get(f"/{MARKER}")
    assert missing.status_code == 404 and error(missing)["code"] == "not_found"
    assert MARKER not in missing.text
    wrong = client.get("/v1/redact")
    assert wrong.status_code == 405 and error(wrong)["code"] == "method_not_allowed"


def test_a_body_over_the_limit_is_413_from_content_length(regex_guard: Guard) -> None:
    with TestClient(create_app(regex_guard, settings=ApiSettings(max_body_bytes=100)), base_url=LOCAL) as small:
        response = small.post("/v1/redact", json={"text": PLANTED + "x" * 200})
        assert response.status_code == 413
        assert error(response)["code"] == "too_large" and MARKER not in response.text
        assert small.post("/v1/redact", json={"text": "x" * 50}).status_code == 200


def test_a_chunked_body_over_the_limit_is_413_while_reading() -> None:
    # Raw ASGI, because TestClient reads a whole generator before sending it: here each receive()
    # is one chunk of a body without Content-Length, as a server gives a chunked upload.
    from guard.api.middleware import BodyLimitMiddleware

    received: list[int] = []
    sent: list[dict[str, Any]] = []

    async def never_called(scope: Any, receive: Any, send: Any) -> None:
        raise AssertionError("the application must not see a body over the limit")

    async def receive() -> dict[str, Any]:
        received.append(1)
        return {"type": "http.request", "body": b"x" * 100, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/redact", "headers": [(b"content-type", b"application/json")]}
    anyio.run(BodyLimitMiddleware(never_called, max_bytes=1000), scope, receive, send)
    assert sent[0]["status"] == 413 and (b"connection", b"close") in sent[0]["headers"]
    assert b'"too_large"' in sent[1]["body"]
    assert len(received) == 11  # stopped at the first chunk over the limit


def test_the_default_body_limit_is_one_megabyte(client: TestClient) -> None:
    assert ApiSettings().max_body_bytes == 1024 * 1024
    response = client.post("/v1/redact", json={"text": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413 and error(response)["code"] == "too_large"


@pytest.mark.parametrize(
    ("exc", "status", "code"),
    [
        (VaultError(f"cannot write {PLANTED}"), 500, "vault_error"),
        (VaultKeyError(f"wrong key for {PLANTED}"), 500, "vault_error"),
        (ConfigError(f"bad setting {PLANTED}"), 500, "config_error"),
        (SessionError(f"No session {PLANTED}"), 404, "session_not_found"),
        (RuntimeError(f"bug near {PLANTED}"), 500, "internal"),
    ],
)
def test_server_side_failures_answer_without_their_message(
    regex_guard: Guard, exc: Exception, status: int, code: str, caplog: pytest.LogCaptureFixture
) -> None:
    class Failing:
        client = None

        def restore_with_report(self, text: str, session_id: str) -> None:
            raise exc

    app = create_app(regex_guard)
    app.dependency_overrides[get_guard] = Failing
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as failing:
        response = failing.post("/v1/restore", json={"text": "x", "session_id": "abc"})
    assert response.status_code == status and error(response)["code"] == code
    assert MARKER not in response.text
    if isinstance(exc, RuntimeError):
        assert "RuntimeError" in caplog.text and "/v1/restore" in caplog.text
        assert MARKER not in caplog.text  # type and stack only: the message may hold client text


# -- shape of the application -----------------------------------------------------------------


def test_detection_endpoints_run_in_the_threadpool() -> None:
    from guard.api.routes import v1

    routes = [r for r in v1.routes if isinstance(r, APIRoute)]
    assert {r.path for r in routes} == {"/v1/analyze", "/v1/redact", "/v1/restore", "/v1/sessions/{session_id}"}
    assert not any(inspect.iscoroutinefunction(r.endpoint) for r in routes)


def test_a_slow_analysis_does_not_block_other_requests(regex_guard: Guard) -> None:
    released = threading.Event()
    waited: list[bool] = []

    class SlowGuard(type(regex_guard)):  # type: ignore[misc]
        def analyze(self, text: str, **options: Any) -> list[Any]:
            if text != "warm up":
                waited.append(released.wait(timeout=10))
            return []

    app = create_app(SlowGuard(settings=regex_guard.settings, vault=regex_guard.vault))

    async def scenario() -> None:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
                async def slow() -> None:
                    assert (await http.post("/v1/analyze", json={"text": "slow"})).status_code == 200

                async with anyio.create_task_group() as tasks:
                    tasks.start_soon(slow)
                    await anyio.sleep(0.2)
                    assert (await http.get("/healthz")).status_code == 200
                    released.set()

    started = time.monotonic()
    anyio.run(scenario)
    assert waited == [True] and time.monotonic() - started < 5


def test_the_guard_is_built_and_warmed_in_the_lifespan_not_at_creation(
    regex_guard: Guard, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[Guard] = []
    analysed: list[str] = []

    class Recording(type(regex_guard)):  # type: ignore[misc]
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            built.append(self)

        def analyze(self, text: str, **options: Any) -> list[Any]:
            analysed.append(text)
            return []

    monkeypatch.setattr("guard.api.app.Guard", Recording)
    app = create_app()
    assert built == []
    with TestClient(app, base_url=LOCAL) as fresh:
        assert len(built) == 1 and analysed == ["warm up"]
        assert fresh.post("/v1/redact", json={"text": "x"}).status_code == 200  # the file vault, in tmp


def test_openapi_documents_every_route_schema_and_error(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert set(document["paths"]) == {
        "/healthz", "/v1/analyze", "/v1/redact", "/v1/restore", "/v1/sessions/{session_id}",
        "/v1/chat/completions", "/v1/models",  # the OpenAI-compatible proxy (test_proxy.py)
        "/v1/profiles",  # the web page's profile chooser (tests/web/)
    }
    schemas = document["components"]["schemas"]
    for name in ("AnalyzeRequest", "RedactRequest", "RedactResponse", "RestoreRequest", "RestoreResponse", "ErrorResponse"):
        assert schemas[name]["description"], name
        for field in schemas[name]["properties"].values():
            assert field.get("description") or "$ref" in field or "items" in field, (name, field)
    assert schemas["RedactRequest"]["properties"]["text"]["examples"]
    assert "HTTPValidationError" not in schemas  # 422 has our shape, not FastAPI's
    redact = document["paths"]["/v1/redact"]["post"]
    for status in ("200", "400", "401", "404", "413", "422"):
        assert status in redact["responses"], status
    assert redact["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")
    assert redact["security"] and document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
