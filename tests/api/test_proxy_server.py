"""The proxy as users run it: `serve()` in a real uvicorn process with the French model, driven by the
official OpenAI Python SDK, forwarding to the stand-in upstream on 127.0.0.1.

One server for the module (the model takes seconds to load); it is stopped by its pid.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

pytestmark = pytest.mark.model

API_KEY = "proxy-server-key-3e8b0c"
UPSTREAM_KEY = "upstream-key-5d2a"
PLANTED = "zorglub7f3a@example.org"
MARKER = "zorglub7f3a"
SAMPLE = f"Bonjour, je suis Jean Dupont ({PLANTED}), 06 12 34 56 78, SIRET 732 829 320 00074."
VALUES = ["Jean Dupont", "Dupont", MARKER, "06 12 34 56 78", "732 829 320 00074"]


def _load(name: str) -> Any:
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


@pytest.fixture(scope="module")
def upstream() -> Iterator[Any]:
    server = _load("standin_upstream").StandinUpstream().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def proxy_server(upstream: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`serve()` on a free loopback port, forwarding to the stand-in; yields its base URL and log file."""
    home = tmp_path_factory.mktemp("proxy-home")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {name: value for name, value in os.environ.items() if not name.startswith("CLIENTGUARD_")}
    env |= {
        "CLIENTGUARD_HOME": str(home), "CLIENTGUARD_API_KEY": API_KEY, "PYTHONUNBUFFERED": "1",
        "CLIENTGUARD_UPSTREAM_URL": upstream.url, "CLIENTGUARD_UPSTREAM_KEY": UPSTREAM_KEY,
        "CLIENTGUARD_UPSTREAM_TIMEOUT": "2",
    }
    log = home / "server.log"
    code = f"from guard.api.server import serve; serve(host='127.0.0.1', port={port})"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=out, stderr=subprocess.STDOUT, cwd=home)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not start:\n{log.read_text(errors='replace')}")
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url, log
    finally:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def sdk(proxy_server: tuple[str, Path]) -> Iterator[openai.OpenAI]:
    """The OpenAI SDK pointed at the proxy, as a user would: base_url=http://127.0.0.1:PORT/v1."""
    with openai.OpenAI(base_url=f"{proxy_server[0]}/v1", api_key=API_KEY, max_retries=0, timeout=60) as client:
        yield client


def assert_upstream_saw_no_value(upstream: Any) -> None:
    seen = upstream.seen()
    assert [value for value in VALUES if value in seen] == []


def test_the_sdk_gets_the_restored_answer_and_the_upstream_only_placeholders(sdk: openai.OpenAI, upstream: Any) -> None:
    completion = sdk.chat.completions.create(model="echo", messages=[{"role": "user", "content": SAMPLE}])
    assert completion.choices[0].message.content == f"Bien reçu : {SAMPLE}"
    heard = upstream.received[-1]["messages"][0]["content"]
    assert "[PERSON_1]" in heard and "[EMAIL_ADDRESS_1]" in heard and "[FR_SIRET_1]" in heard
    assert_upstream_saw_no_value(upstream)
    assert upstream.authorizations[-1] == f"Bearer {UPSTREAM_KEY}"


@pytest.mark.parametrize("model", ["echo", "echo-1char"])
def test_the_sdk_streams_restored_text(sdk: openai.OpenAI, upstream: Any, model: str) -> None:
    stream = sdk.chat.completions.create(model=model, messages=[{"role": "user", "content": SAMPLE}], stream=True)
    pieces = [chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices]
    assert "".join(pieces) == f"Bien reçu : {SAMPLE}"
    assert any(PLANTED in piece for piece in pieces)  # the value arrives whole
    assert_upstream_saw_no_value(upstream)


def test_a_conversation_keeps_its_placeholders_over_turns_with_the_sdk(sdk: openai.OpenAI, upstream: Any) -> None:
    messages: list[Any] = [{"role": "user", "content": SAMPLE}]
    first = sdk.chat.completions.with_raw_response.create(model="echo", messages=messages)
    messages.append(first.parse().choices[0].message)  # the SDK's own message object, sent back as is
    turn1 = upstream.received[-1]["messages"]
    follow_up = "Merci. Peux-tu écrire à Jean Dupont et à marie.curie@exemple.fr ?"
    messages.append({"role": "user", "content": follow_up})
    second = sdk.chat.completions.with_raw_response.create(model="echo", messages=messages)
    assert second.headers["x-clientguard-session"] == first.headers["x-clientguard-session"]
    turn2 = upstream.received[-1]["messages"]
    assert turn2[0] == turn1[0] and "[PERSON_1]" in turn2[1]["content"]
    # The same person keeps number 1 (a mention may carry a variant, [PERSON_1.2]); the new e-mail is 2.
    assert "[PERSON_1" in turn2[2]["content"] and "[EMAIL_ADDRESS_2]" in turn2[2]["content"]
    assert second.parse().choices[0].message.content == f"Bien reçu : {follow_up}"
    assert_upstream_saw_no_value(upstream)


@pytest.mark.parametrize("stream", [False, True])
def test_the_sdk_gets_tool_call_arguments_restored(sdk: openai.OpenAI, upstream: Any, stream: bool) -> None:
    request: dict[str, Any] = {"model": "tool", "messages": [{"role": "user", "content": SAMPLE}]}
    if stream:
        arguments = ""
        for chunk in sdk.chat.completions.create(**request, stream=True):
            for call in (chunk.choices[0].delta.tool_calls or []) if chunk.choices else []:
                arguments += call.function.arguments or "" if call.function else ""
    else:
        calls = sdk.chat.completions.create(**request).choices[0].message.tool_calls
        assert calls is not None
        arguments = calls[0].function.arguments  # type: ignore[union-attr]
    assert json.loads(arguments) == {"to": SAMPLE, "subject": "Relance"}
    assert_upstream_saw_no_value(upstream)


@pytest.mark.parametrize(
    ("model", "error", "status"),
    [("error-429", openai.RateLimitError, 429), ("error-400", openai.BadRequestError, 400),
     ("slow", openai.InternalServerError, 504), ("garbage", openai.InternalServerError, 502)],
)
def test_upstream_failures_reach_the_sdk_as_its_errors(
    sdk: openai.OpenAI, model: str, error: type[openai.APIStatusError], status: int
) -> None:
    with pytest.raises(error) as caught:
        sdk.chat.completions.create(model=model, messages=[{"role": "user", "content": SAMPLE}])
    assert caught.value.status_code == status
    assert all(value not in str(caught.value.body) for value in VALUES)


def test_a_stream_failing_midway_raises_in_the_sdk(sdk: openai.OpenAI) -> None:
    with pytest.raises(openai.APIError):
        for _ in sdk.chat.completions.create(model="error-mid", messages=[{"role": "user", "content": SAMPLE}],
                                             stream=True):
            pass


def test_the_sdk_lists_the_upstream_models(sdk: openai.OpenAI) -> None:
    assert "echo" in [model.id for model in sdk.models.list()]


def test_a_wrong_key_is_refused_to_the_sdk(proxy_server: tuple[str, Path]) -> None:
    with openai.OpenAI(base_url=f"{proxy_server[0]}/v1", api_key="wrong", max_retries=0) as intruder:
        with pytest.raises(openai.AuthenticationError):
            intruder.chat.completions.create(model="echo", messages=[{"role": "user", "content": SAMPLE}])


def test_the_server_log_shows_no_value(sdk: openai.OpenAI, proxy_server: tuple[str, Path]) -> None:
    for model in ("echo", "error-400", "garbage"):
        try:
            sdk.chat.completions.create(model=model, messages=[{"role": "user", "content": SAMPLE}])
        except openai.APIStatusError:
            pass
    time.sleep(0.5)  # let the last access lines land
    log = proxy_server[1].read_text(errors="replace")
    assert '"POST /v1/chat/completions HTTP/1.1" 200' in log and "Upstream answered HTTP 400" in log
    assert [value for value in VALUES if value in log] == []
