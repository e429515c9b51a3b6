"""Schemathesis against the OpenAPI document: generated requests, valid and invalid, on every route
(the proxy forwarding to the stand-in upstream) never get a 500; the proxy's answers are also
checked against its documented statuses and schemas.

Bounded: a few dozen examples per operation, derandomised so a run is repeatable (about 30 s).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from guard.api import ApiSettings, create_app

API_KEY = "schema-key-9f1e2d3c"
EXAMPLES = 100  # over all operations, per generation mode
CHAT_EXAMPLES = 100  # for the proxy's chat route alone
PROXY_PATHS = {"/v1/chat/completions", "/v1/models"}


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
def api_schema(regex_guard: Any, upstream: Any) -> Any:
    settings_ = ApiSettings(api_key=API_KEY, upstream_url=upstream.url, upstream_timeout=1.0)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(regex_guard, settings=settings_))


# Driven through Hypothesis directly: Schemathesis' pytest plugin does not load under pytest 9.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_gets_a_500(api_schema: Any, mode: GenerationMode) -> None:
    @given(case=api_schema.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        response = case.call(headers={"Authorization": f"Bearer {API_KEY}"})
        assert response.status_code != 500, (case.method, case.path, response.text[:300])
        if case.path in PROXY_PATHS:  # the proxy's answers also match what its document promises
            case.validate_response(response)

    check()


def test_generated_chat_requests_are_answered_as_documented(api_schema: Any, upstream: Any) -> None:
    before = len(upstream.received)

    @given(case=api_schema["/v1/chat/completions"]["POST"].as_strategy(GenerationMode.POSITIVE))
    @settings(max_examples=CHAT_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        response = case.call(headers={"Authorization": f"Bearer {API_KEY}"})
        assert response.status_code != 500, response.text[:300]
        case.validate_response(response)

    check()
    assert len(upstream.received) - before >= CHAT_EXAMPLES // 10  # the generated requests did reach the upstream
