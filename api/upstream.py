"""The upstream AI API the proxy forwards to: one shared httpx client, and its failures as `UpstreamError`.

    upstream = Upstream(settings)                       # base URL, bearer key, timeout from ApiSettings
    answer = await upstream.post_json("/chat/completions", redacted_body)
    async with upstream.stream("/chat/completions", redacted_body) as events:
        async for event in events: ...                  # httpx_sse.ServerSentEvent
    await upstream.aclose()

Whatever goes wrong upstream (error status, timeout, refused connection, a body that is not the
OpenAI shape) becomes an `UpstreamError` with the status the proxy should answer. Its message names
the upstream's status and, at most, its short machine-readable error code: never the upstream's own
message, which may quote what it was sent.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
from httpx_sse import ServerSentEvent, SSEError, aconnect_sse

from guard.api.deps import ApiSettings

logger = logging.getLogger("guard.api")

_CONNECT_TIMEOUT = 10.0
# An upstream's error code is relayed only when it looks like one ("model_not_found").
_CODE = re.compile(r"[A-Za-z0-9_.-]{1,64}")


class UpstreamError(Exception):
    """The upstream failed or is not configured; `status`, `code` and `message` make the proxy's answer."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class Upstream:
    """An OpenAI-compatible API at `settings.upstream_url`, called with `settings.upstream_key`."""

    def __init__(self, settings: ApiSettings) -> None:
        self.configured = settings.upstream_url is not None
        headers = {"Authorization": f"Bearer {settings.upstream_key}"} if settings.upstream_key else {}
        self._client = httpx.AsyncClient(
            base_url=(settings.upstream_url or "http://upstream.invalid") + "/",
            headers=headers,
            timeout=httpx.Timeout(settings.upstream_timeout, connect=min(_CONNECT_TIMEOUT, settings.upstream_timeout)),
            trust_env=False,  # a proxy or netrc in the environment must not see client traffic
        )

    async def aclose(self) -> None:
        """Close the connections kept open to the upstream."""
        await self._client.aclose()

    async def get_json(self, path: str) -> dict[str, Any]:
        """GET `path` and return its JSON object."""
        self.require_configured()
        with _translated():
            response = await self._client.get(path.lstrip("/"))
        return _json_object(response)

    async def post_json(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST `body` as JSON to `path` and return the JSON object answered."""
        self.require_configured()
        with _translated():
            response = await self._client.post(path.lstrip("/"), json=body)
        return _json_object(response)

    @asynccontextmanager
    async def stream(self, path: str, body: dict[str, Any]) -> AsyncIterator[AsyncIterator[ServerSentEvent]]:
        """POST `body` to `path` and give its server-sent events; UpstreamError before or while streaming."""
        self.require_configured()
        with _translated():
            async with aconnect_sse(self._client, "POST", path.lstrip("/"), json=body) as source:
                response = source.response
                if response.is_error:
                    await response.aread()
                    raise _status_error(response)
                if response.headers.get("content-type", "").split(";")[0].strip() != "text/event-stream":
                    raise _invalid("a body that is not server-sent events")
                yield _events(source.aiter_sse())

    def require_configured(self) -> None:
        """UpstreamError (503) when no upstream URL is configured."""
        if not self.configured:
            raise UpstreamError(
                503, "upstream_not_configured",
                "No upstream AI API is configured for the proxy. Set CLIENTGUARD_UPSTREAM_URL to an "
                "OpenAI-compatible base URL (e.g. https://api.mistral.ai/v1, or http://127.0.0.1:11434/v1 for "
                "Ollama) and CLIENTGUARD_UPSTREAM_KEY to its key, then restart the server.",
            )


async def _events(source: AsyncIterator[ServerSentEvent]) -> AsyncIterator[ServerSentEvent]:
    """The events of a stream, with transport errors and a non-SSE body translated on the way."""
    with _translated():
        async for event in source:
            yield event


@contextmanager
def _translated() -> Iterator[None]:
    """Turn httpx and SSE failures into UpstreamError; anything else passes unchanged."""
    try:
        yield
    except (httpx.HTTPError, SSEError) as exc:
        translated = _translate(exc)
        logger.warning("Upstream call failed: %s (%s)", translated.code, type(exc).__name__)
        raise translated from None


def _translate(exc: Exception) -> UpstreamError:
    if isinstance(exc, httpx.TimeoutException):
        return UpstreamError(
            504, "upstream_timeout",
            "The upstream AI API did not answer in time. Try again, or raise CLIENTGUARD_UPSTREAM_TIMEOUT.",
        )
    if isinstance(exc, httpx.TransportError):
        return UpstreamError(
            502, "upstream_unreachable",
            "Could not reach the upstream AI API (connection refused or dropped). Check CLIENTGUARD_UPSTREAM_URL "
            "and that the upstream is running.",
        )
    if isinstance(exc, SSEError):
        return _invalid("a stream that is not server-sent events")
    return _invalid("a body that could not be read")


def _json_object(response: httpx.Response) -> dict[str, Any]:
    if response.is_error:
        raise _status_error(response)
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _invalid("a body that is not JSON") from None
    if not isinstance(body, dict):
        raise _invalid("JSON that is not an object")
    return body


def _invalid(what: str) -> UpstreamError:
    logger.warning("Upstream answered %s", what)
    return UpstreamError(
        502, "upstream_invalid_response",
        f"The upstream AI API answered {what}. Check that CLIENTGUARD_UPSTREAM_URL is an OpenAI-compatible "
        "base URL (it usually ends in /v1).",
    )


def _status_error(response: httpx.Response) -> UpstreamError:
    """The proxy's answer to an upstream error status: its 4xx passed on, its key problems and 5xx as 502."""
    status = response.status_code
    code = _upstream_code(response)
    named = f" ({code})" if code else ""
    logger.warning("Upstream answered HTTP %d%s", status, named)
    if status in (401, 403):
        return UpstreamError(
            502, "upstream_unauthorized",
            f"The upstream AI API refused clientguard's key (HTTP {status}{named}). Check CLIENTGUARD_UPSTREAM_KEY.",
        )
    if 400 <= status < 500:
        return UpstreamError(
            status, code or "upstream_rejected",
            f"The upstream AI API refused the request (HTTP {status}{named}). Its own message is not relayed, "
            "because it may quote the request; check the model name and parameters.",
        )
    return UpstreamError(502, "upstream_error", f"The upstream AI API failed (HTTP {status}{named}). Try again later.")


def _upstream_code(response: httpx.Response) -> str:
    """The upstream's machine-readable error code or type, when it gives a short one."""
    try:
        error = response.json().get("error")
    except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
        return ""
    if not isinstance(error, dict):
        return ""
    for key in ("code", "type"):
        value = error.get(key)
        if isinstance(value, str) and _CODE.fullmatch(value):
            return value
    return ""
