"""The OpenAI-compatible proxy through TestClient, against the stand-in upstream on 127.0.0.1 (no model).

The Guard finds e-mail addresses only (conftest.RegexGuard); the upstream is a real HTTP server that
keeps every request, so each test can check that no planted value ever reached it.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from guard import Entity, Vault
from guard.api import ApiSettings, create_app


def _load(name: str) -> Any:
    """A helper module beside this file (tests are imported without packages)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


StandinUpstream = _load("standin_upstream").StandinUpstream

PLANTED = "zorglub7f3a@example.org"
MARKER = "zorglub7f3a"
OTHER = "quixote42b@example.net"
LOCAL = "http://127.0.0.1:8765"
UPSTREAM_KEY = "upstream-key-7c1d"
SESSION = "X-Clientguard-Session"


@pytest.fixture(scope="module")
def upstream() -> Iterator[Any]:
    server = StandinUpstream().start()
    yield server
    server.stop()


def settings_for(upstream: Any, **overrides: Any) -> ApiSettings:
    return ApiSettings(**{"upstream_url": upstream.url, "upstream_key": UPSTREAM_KEY, "upstream_timeout": 1.0,
                          **overrides})


@pytest.fixture(scope="module")
def proxy_client(regex_guard: Any, upstream: Any) -> Iterator[TestClient]:
    with TestClient(create_app(regex_guard, settings=settings_for(upstream)), base_url=LOCAL) as client:
        yield client


def chat(client: TestClient, messages: list[dict[str, Any]], model: str = "echo", **extra: Any) -> httpx.Response:
    headers = extra.pop("headers", {})
    return client.post("/v1/chat/completions", json={"model": model, "messages": messages, **extra}, headers=headers)


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def stream_events(response: httpx.Response) -> list[Any]:
    """The `data:` payloads of an SSE body, JSON-decoded except [DONE]."""
    assert response.headers["content-type"].startswith("text/event-stream")
    events = [line[6:] for line in response.text.split("\n") if line.startswith("data: ")]
    return [event if event == "[DONE]" else json.loads(event) for event in events]


def streamed_content(events: list[Any]) -> list[str]:
    return [e["choices"][0]["delta"].get("content") or "" for e in events if isinstance(e, dict) and e.get("choices")]


def openai_error(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"} and {"message", "type", "code"} <= set(body["error"]), body
    error: dict[str, Any] = body["error"]
    return error


# -- the way out and back ---------------------------------------------------------------------


def test_the_answer_is_restored_and_the_upstream_only_saw_placeholders(proxy_client: TestClient, upstream: Any) -> None:
    response = chat(proxy_client, [user(f"Écrire à {PLANTED} demain.")])
    assert response.status_code == 200, response.text
    assert response.json()["choices"][0]["message"]["content"] == f"Bien reçu : Écrire à {PLANTED} demain."
    sent = upstream.received[-1]
    assert sent["messages"] == [{"role": "user", "content": "Écrire à [EMAIL_ADDRESS_1] demain."}]
    assert MARKER not in upstream.seen()
    assert upstream.authorizations[-1] == f"Bearer {UPSTREAM_KEY}"
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", response.headers[SESSION])


def test_every_kind_of_message_text_is_redacted_and_other_fields_pass_unchanged(
    proxy_client: TestClient, upstream: Any
) -> None:
    image = {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}}
    tools = [{"type": "function", "function": {"name": "send_email", "parameters": {"type": "object"}}}]
    messages = [
        {"role": "system", "content": f"Tu écris pour {PLANTED}."},
        {"role": "user", "content": [{"type": "text", "text": f"Contact : {PLANTED}"}, image]},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_9", "type": "function", "function": {"name": "send_email", "arguments": json.dumps({"to": PLANTED})}}]},
        {"role": "tool", "tool_call_id": "call_9", "content": f"Envoyé à {PLANTED}"},
        {"role": "user", "content": f"Et {OTHER} ?", "name": "alice"},
    ]
    response = chat(proxy_client, messages, temperature=0.2, tools=tools, response_format={"type": "text"})
    assert response.status_code == 200, response.text
    sent = upstream.received[-1]
    assert MARKER not in upstream.seen() and "quixote42b" not in upstream.seen()
    assert sent["messages"][0]["content"] == "Tu écris pour [EMAIL_ADDRESS_1]."
    assert sent["messages"][1]["content"] == [{"type": "text", "text": "Contact : [EMAIL_ADDRESS_1]"}, image]
    assert json.loads(sent["messages"][2]["tool_calls"][0]["function"]["arguments"]) == {"to": "[EMAIL_ADDRESS_1]"}
    assert sent["messages"][3] == {"role": "tool", "tool_call_id": "call_9", "content": "Envoyé à [EMAIL_ADDRESS_1]"}
    assert sent["messages"][4] == {"role": "user", "content": "Et [EMAIL_ADDRESS_2] ?", "name": "alice"}
    assert (sent["temperature"], sent["tools"], sent["response_format"]) == (0.2, tools, {"type": "text"})
    assert "stream" not in sent  # nothing the client did not send is added
    assert response.json()["choices"][0]["message"]["content"] == f"Bien reçu : Et {OTHER} ?"


def test_tool_call_arguments_in_the_answer_are_restored(proxy_client: TestClient, upstream: Any) -> None:
    response = chat(proxy_client, [user(f"Relance {PLANTED}")], model="tool")
    assert response.status_code == 200, response.text
    call = response.json()["choices"][0]["message"]["tool_calls"][0]
    assert call["function"]["name"] == "send_email" and call["id"] == "call_1"
    assert json.loads(call["function"]["arguments"]) == {"to": f"Relance {PLANTED}", "subject": "Relance"}
    assert MARKER not in upstream.seen()


QUOTED = 'Zorg "le grand" \\ Glub\nBis'  # a value full of JSON's special characters


@pytest.fixture(scope="module")
def quoting_client(upstream: Any, regex_guard: Any) -> Iterator[TestClient]:
    """The proxy over a Guard that finds QUOTED as a PERSON, to check that restored JSON stays valid."""

    class QuotingGuard(type(regex_guard)):  # type: ignore[misc]
        def analyze(self, text: str) -> list[Entity]:
            start = text.find(QUOTED)
            return [] if start < 0 else [Entity("PERSON", start, start + len(QUOTED), 1.0, QUOTED)]

    guard = QuotingGuard(settings=regex_guard.settings, vault=Vault.in_memory())
    with TestClient(create_app(guard, settings=settings_for(upstream)), base_url=LOCAL) as client:
        yield client


@pytest.mark.parametrize("stream", [False, True])
def test_restored_tool_arguments_stay_valid_json_whatever_the_value(quoting_client: TestClient, stream: bool) -> None:
    response = chat(quoting_client, [user(QUOTED)], model="tool", stream=stream)
    assert response.status_code == 200, response.text
    if stream:
        deltas = [e["choices"][0]["delta"] for e in stream_events(response) if isinstance(e, dict) and e["choices"]]
        arguments = "".join(c["function"].get("arguments", "") for d in deltas for c in d.get("tool_calls") or [])
    else:
        arguments = response.json()["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
    assert json.loads(arguments)["to"] == QUOTED


# -- streaming --------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["echo", "echo-1char"])
def test_a_stream_is_restored_chunk_by_chunk_and_ends_with_done(
    proxy_client: TestClient, upstream: Any, model: str
) -> None:
    text = f"Écrire à {PLANTED} ou à {OTHER}, merci."
    response = chat(proxy_client, [user(text)], model=model, stream=True)
    assert response.status_code == 200
    events = stream_events(response)
    assert events[-1] == "[DONE]"
    assert "".join(streamed_content(events)) == f"Bien reçu : {text}"
    assert [e["choices"][0]["finish_reason"] for e in events[:-1]].count("stop") == 1
    assert events[-2]["choices"][0]["finish_reason"] == "stop"  # the held-back tail came before the end
    assert MARKER not in upstream.seen() and "quixote42b" not in upstream.seen()
    assert response.headers[SESSION]


def test_a_placeholder_split_across_one_character_chunks_comes_out_whole_and_text_is_not_held(
    proxy_client: TestClient,
) -> None:
    text = f"Une phrase assez longue avant l'adresse {PLANTED} et une suite."
    contents = streamed_content(stream_events(chat(proxy_client, [user(text)], model="echo-1char", stream=True)))
    assert sum(PLANTED in piece for piece in contents) == 1  # whole, in one chunk
    assert not any(MARKER in piece and PLANTED not in piece for piece in contents)  # never in pieces
    # Text goes out as it comes: the upstream's ~50 one-character chunks before the placeholder give
    # non-empty chunks before it, each held back at most a placeholder's length.
    first_value = next(i for i, piece in enumerate(contents) if PLANTED in piece)
    assert sum(1 for piece in contents[:first_value] if piece) >= 30


def test_streamed_tool_call_arguments_are_restored(proxy_client: TestClient, upstream: Any) -> None:
    events = stream_events(chat(proxy_client, [user(f"Relance {PLANTED}")], model="tool", stream=True))
    deltas = [e["choices"][0]["delta"] for e in events if isinstance(e, dict) and e["choices"]]
    arguments = "".join(c["function"].get("arguments", "") for d in deltas for c in d.get("tool_calls") or [])
    assert json.loads(arguments) == {"to": f"Relance {PLANTED}", "subject": "Relance"}
    assert events[-1] == "[DONE]" and MARKER not in upstream.seen()


def test_a_stream_that_ends_without_done_still_gives_everything(proxy_client: TestClient) -> None:
    events = stream_events(chat(proxy_client, [user(f"À {PLANTED}")], model="no-done", stream=True))
    assert "[DONE]" not in events
    assert "".join(streamed_content(events)) == f"Bien reçu : À {PLANTED}"


# -- one conversation, one session ------------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True])
def test_turn_two_reuses_turn_one_placeholders_and_session(
    proxy_client: TestClient, upstream: Any, stream: bool
) -> None:
    first = [{"role": "system", "content": "Tu es un assistant."}, user(f"Écris à {PLANTED}.")]
    turn1 = chat(proxy_client, first, stream=stream)
    if stream:
        answer = "".join(streamed_content(stream_events(turn1)))
    else:
        answer = turn1.json()["choices"][0]["message"]["content"]
    assert answer == f"Bien reçu : Écris à {PLANTED}."
    seen_turn1 = upstream.received[-1]["messages"]
    second = [*first, {"role": "assistant", "content": answer}, user(f"Puis à {OTHER}, en copie de {PLANTED}.")]
    turn2 = chat(proxy_client, second, stream=stream)
    assert turn2.headers[SESSION] == turn1.headers[SESSION]
    seen_turn2 = upstream.received[-1]["messages"]
    assert seen_turn2[:2] == seen_turn1
    assert seen_turn2[2] == {"role": "assistant", "content": "Bien reçu : Écris à [EMAIL_ADDRESS_1]."}
    assert seen_turn2[3]["content"] == "Puis à [EMAIL_ADDRESS_2], en copie de [EMAIL_ADDRESS_1]."
    assert MARKER not in upstream.seen() and "quixote42b" not in upstream.seen()


def test_the_answer_sent_back_as_the_sdk_dumps_it_still_continues_the_conversation(
    proxy_client: TestClient, upstream: Any
) -> None:
    first = [user(f"Écris à {PLANTED}.")]
    turn1 = chat(proxy_client, first)
    message = turn1.json()["choices"][0]["message"]  # with refusal, annotations...
    sent_back = {**message, "content": "  " + message["content"] + "\n", "audio": None, "function_call": None}
    turn2 = chat(proxy_client, [*first, sent_back, user("Merci.")])
    assert turn2.headers[SESSION] == turn1.headers[SESSION]
    assert "[EMAIL_ADDRESS_1]" in upstream.received[-1]["messages"][1]["content"]


def test_another_caller_sending_the_same_first_message_gets_its_own_session(proxy_client: TestClient) -> None:
    messages = [user(f"Bonjour, je suis {PLANTED}.")]
    a = chat(proxy_client, messages)
    b = chat(proxy_client, messages)
    assert a.headers[SESSION] != b.headers[SESSION]


def test_an_edited_history_starts_a_new_session(proxy_client: TestClient) -> None:
    first = [user(f"Écris à {PLANTED}.")]
    turn1 = chat(proxy_client, first)
    edited = {"role": "assistant", "content": "Une autre réponse."}
    turn2 = chat(proxy_client, [*first, edited, user("Et ensuite ?")])
    assert turn2.status_code == 200 and turn2.headers[SESSION] != turn1.headers[SESSION]


def test_the_session_header_continues_a_session_opened_by_redact(proxy_client: TestClient, upstream: Any) -> None:
    red = proxy_client.post("/v1/redact", json={"text": f"{OTHER} puis {PLANTED}"}).json()
    response = chat(proxy_client, [user(f"Écris à {PLANTED}.")], headers={SESSION: red["session_id"]})
    assert response.headers[SESSION] == red["session_id"]
    assert upstream.received[-1]["messages"][0]["content"] == "Écris à [EMAIL_ADDRESS_2]."
    assert response.json()["choices"][0]["message"]["content"] == f"Bien reçu : Écris à {PLANTED}."


def test_an_unknown_session_header_is_404_and_quotes_nothing(proxy_client: TestClient) -> None:
    response = chat(proxy_client, [user(PLANTED)], headers={SESSION: "Qw3rTy" + "x" * 26})
    assert response.status_code == 404
    assert openai_error(response)["code"] == "session_not_found"
    assert "Qw3rTy" not in response.text and MARKER not in response.text


def test_a_purged_session_is_not_revived_by_its_conversation(proxy_client: TestClient) -> None:
    first = [user(f"Écris à {PLANTED}.")]
    turn1 = chat(proxy_client, first)
    assert proxy_client.delete(f"/v1/sessions/{turn1.headers[SESSION]}").status_code == 204
    answer = turn1.json()["choices"][0]["message"]["content"]
    turn2 = chat(proxy_client, [*first, {"role": "assistant", "content": answer}, user("Et ensuite ?")])
    assert turn2.status_code == 200 and turn2.headers[SESSION] != turn1.headers[SESSION]


def test_conversations_expire() -> None:
    import time

    from guard.api.conversations import Conversations

    conversations = Conversations(ttl_seconds=0.2)
    messages = [user("a"), {"role": "assistant", "content": "b"}]
    conversations.record(messages, None, "session-1")
    assert conversations.find([*messages, user("c")], None) == "session-1"
    assert conversations.find([*messages, user("c")], "acme") is None  # another profile's conversation
    time.sleep(0.3)
    assert conversations.find([*messages, user("c")], None) is None


# -- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "status", "code"),
    [
        ("error-400", 400, "standin_refused"),
        ("error-429", 429, "standin_refused"),
        ("error-404", 404, "standin_refused"),
        ("error-401", 502, "upstream_unauthorized"),
        ("error-500", 502, "upstream_error"),
        ("slow", 504, "upstream_timeout"),
        ("garbage", 502, "upstream_invalid_response"),
    ],
)
@pytest.mark.parametrize("stream", [False, True])
def test_upstream_failures_come_back_in_openai_shape_without_request_values(
    proxy_client: TestClient, model: str, status: int, code: str, stream: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    response = chat(proxy_client, [user(f"Écrire à {PLANTED}, affaire Zorglub.")], model=model, stream=stream)
    assert response.status_code == status
    error = openai_error(response)
    assert error["code"] == code
    assert error["type"] == ("server_error" if status >= 500 else "invalid_request_error"
                             if status != 429 else "rate_limit_error")
    assert "Cannot process" not in response.text and "Zorglub" not in response.text  # upstream's message not relayed
    assert MARKER not in response.text
    assert all("Zorglub" not in r.getMessage() and MARKER not in r.getMessage() for r in caplog.records
               if not r.name.startswith(("httpx", "httpcore")))


@pytest.mark.parametrize(("model", "code"), [("garbage-mid", "upstream_invalid_response"), ("error-mid", "upstream_error")])
def test_a_stream_failing_midway_ends_with_an_error_event(proxy_client: TestClient, model: str, code: str) -> None:
    response = chat(proxy_client, [user(f"Écrire à {PLANTED}")], model=model, stream=True)
    events = stream_events(response)
    assert events[-1]["error"]["code"] == code and events[-1]["error"]["type"] == "server_error"
    assert "overloaded while" not in response.text


def test_an_unreachable_upstream_is_502(regex_guard: Any) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed when the block ends: nothing listens there
    settings = ApiSettings(upstream_url=f"http://127.0.0.1:{port}/v1")
    with TestClient(create_app(regex_guard, settings=settings), base_url=LOCAL) as client:
        for stream in (False, True):
            response = chat(client, [user(PLANTED)], stream=stream)
            assert response.status_code == 502 and openai_error(response)["code"] == "upstream_unreachable"
        assert client.get("/v1/models").status_code == 502


def test_without_an_upstream_the_proxy_says_how_to_configure_one(regex_guard: Any) -> None:
    with TestClient(create_app(regex_guard, settings=ApiSettings()), base_url=LOCAL) as client:
        for response in (chat(client, [user(PLANTED)]), client.get("/v1/models")):
            assert response.status_code == 503
            error = openai_error(response)
            assert error["code"] == "upstream_not_configured" and "CLIENTGUARD_UPSTREAM_URL" in error["message"]
            assert MARKER not in response.text


def test_upstream_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from guard import ConfigError

    monkeypatch.setenv("CLIENTGUARD_UPSTREAM_URL", "https://api.mistral.ai/v1/")
    monkeypatch.setenv("CLIENTGUARD_UPSTREAM_KEY", "sk-upstream-secret")
    monkeypatch.setenv("CLIENTGUARD_UPSTREAM_TIMEOUT", "30")
    settings = ApiSettings.from_environment()
    assert (settings.upstream_url, settings.upstream_key, settings.upstream_timeout) == (
        "https://api.mistral.ai/v1", "sk-upstream-secret", 30.0)
    assert "sk-upstream-secret" not in repr(settings)
    monkeypatch.setenv("CLIENTGUARD_UPSTREAM_URL", "ftp://example.org")
    with pytest.raises(ConfigError, match="http"):
        ApiSettings.from_environment()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"messages": [{"role": "user", "content": PLANTED}]}, 422),  # no model
        ({"model": "echo", "messages": []}, 422),
        ({"model": "echo", "messages": [{"content": PLANTED}]}, 422),
        ({"model": "echo", "messages": [{"role": "user", "content": [{"type": "text"}]}]}, 422),
        ({"model": "echo", "messages": [{"role": "user", "content": 42}]}, 422),
        ({"model": "echo", "messages": PLANTED}, 422),
    ],
)
def test_invalid_chat_requests_are_openai_errors_naming_fields_not_values(
    proxy_client: TestClient, upstream: Any, body: dict[str, Any], status: int
) -> None:
    before = len(upstream.received)
    response = proxy_client.post("/v1/chat/completions", json=body)
    assert response.status_code == status
    error = openai_error(response)
    assert error["type"] == "invalid_request_error" and error["code"] == "invalid"
    assert MARKER not in response.text
    assert len(upstream.received) == before


def test_malformed_json_is_400_in_openai_shape(proxy_client: TestClient) -> None:
    response = proxy_client.post("/v1/chat/completions", content=f'{{"model": "{PLANTED}"'.encode(),
                                 headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and openai_error(response)["code"] == "malformed"
    assert MARKER not in response.text


def test_the_proxy_requires_the_api_key_when_the_server_has_one(regex_guard: Any, upstream: Any) -> None:
    app = create_app(regex_guard, settings=settings_for(upstream, api_key="proxy-key-0123456789"))
    with TestClient(app) as client:
        refused = chat(client, [user(PLANTED)], headers={"Authorization": "Bearer wrong"})
        assert refused.status_code == 401 and openai_error(refused)["type"] == "authentication_error"
        accepted = chat(client, [user(PLANTED)], headers={"Authorization": "Bearer proxy-key-0123456789"})
        assert accepted.status_code == 200


def test_models_are_passed_through(proxy_client: TestClient, upstream: Any) -> None:
    response = proxy_client.get("/v1/models")
    assert response.status_code == 200
    assert "echo" in [m["id"] for m in response.json()["data"]]
    assert upstream.authorizations[-1] == f"Bearer {UPSTREAM_KEY}"


# -- documentation, offline -------------------------------------------------------------------


@pytest.mark.parametrize(("page", "script"), [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")])
def test_the_api_docs_load_their_assets_from_this_server(proxy_client: TestClient, page: str, script: str) -> None:
    html = proxy_client.get(page).text
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(src.startswith("/") for src in sources), sources  # nothing from a CDN
    assert f"/static-offline-docs/{script}" in sources
    for src in sources:
        assert proxy_client.get(src).status_code == 200, src
    document = proxy_client.get("/openapi.json").json()
    assert {"/v1/chat/completions", "/v1/models"} <= set(document["paths"])


def test_a_client_profile_header_keeps_the_conversation_in_that_profile(proxy_client: TestClient) -> None:
    first = [user(f"Écris à {PLANTED}.")]
    turn1 = chat(proxy_client, first, headers={"X-Clientguard-Client": "acme"})
    session = turn1.headers[SESSION]
    restore = {"text": "[EMAIL_ADDRESS_1]", "session_id": session}
    assert proxy_client.post("/v1/restore", json=restore).status_code == 404  # not the default profile's
    assert proxy_client.post("/v1/restore", json={**restore, "client": "acme"}).json()["text"] == PLANTED
    answer = {"role": "assistant", "content": turn1.json()["choices"][0]["message"]["content"]}
    again = [*first, answer, user("Et ensuite ?")]
    assert chat(proxy_client, again, headers={"X-Clientguard-Client": "acme"}).headers[SESSION] == session
    assert chat(proxy_client, again).headers[SESSION] != session  # another profile never continues it


@pytest.mark.parametrize("stream", [False, True])
def test_an_unexpected_error_while_restoring_is_reported_without_its_message(
    regex_guard: Any, upstream: Any, stream: bool, caplog: pytest.LogCaptureFixture
) -> None:
    class BrokenGuard(type(regex_guard)):  # type: ignore[misc]
        def restorer(self, session_id: str) -> Any:
            raise RuntimeError(f"bug near {PLANTED}")

    guard = BrokenGuard(settings=regex_guard.settings, vault=Vault.in_memory())
    with TestClient(create_app(guard, settings=settings_for(upstream)), base_url=LOCAL, raise_server_exceptions=False) as client:
        response = chat(client, [user(f"Écrire à {PLANTED}")], stream=stream)
    if stream:
        assert response.status_code == 200 and stream_events(response)[-1]["error"]["code"] == "internal"
    else:
        assert response.status_code == 500
    assert MARKER not in response.text
    assert all(MARKER not in r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore")))
