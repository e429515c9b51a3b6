"""A stand-in for an OpenAI-compatible AI API, served by uvicorn on 127.0.0.1 in a thread.

It answers like the real thing and keeps every request it received, so tests can check that no
client value ever reached it. The request's `model` picks the behaviour:

    echo           "Bien reçu : <the last user message as received>"; streamed in 7-character chunks
    echo-1char     the same, streamed one character per event
    tool           a call to send_email whose JSON arguments quote the last user message
    error-<status> that HTTP status with an OpenAI error body quoting the request
    slow           answers after SLOW_SECONDS
    garbage        a body that is neither JSON nor server-sent events
    garbage-mid    a stream whose second event is not JSON
    error-mid      a stream that reports an error event after its first chunk
    no-done        a stream that ends without [DONE]
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

SLOW_SECONDS = 3.0
MODELS = ["echo", "echo-1char", "tool", "slow", "garbage", "garbage-mid", "error-mid", "no-done"]


class StandinUpstream:
    """The stand-in server: `url` is its base URL (ending in /v1), `received` the JSON bodies it got."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.authorizations: list[str | None] = []
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/v1"
        app = Starlette(routes=[
            Route("/v1/chat/completions", self._chat, methods=["POST"]),
            Route("/v1/models", self._models, methods=["GET"]),
        ])
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]}, daemon=True)

    def start(self) -> StandinUpstream:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the stand-in upstream did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()

    def seen(self) -> str:
        """Everything the stand-in received, as one string to search."""
        return json.dumps(self.received, ensure_ascii=False)

    async def _models(self, request: Request) -> Response:
        self.authorizations.append(request.headers.get("authorization"))
        return JSONResponse({"object": "list", "data": [{"id": m, "object": "model"} for m in MODELS]})

    async def _chat(self, request: Request) -> Response:
        self.authorizations.append(request.headers.get("authorization"))
        body = await request.json()
        self.received.append(body)
        model = body.get("model", "echo")
        heard = _last_user_text(body)
        if model.startswith("error-") and model[6:].isdigit():
            error = {"message": f"Cannot process: {heard}", "type": "invalid_request_error", "code": "standin_refused"}
            return JSONResponse({"error": error}, status_code=int(model[6:]))
        if model == "slow":
            await asyncio.sleep(SLOW_SECONDS)
        if model == "garbage":
            return PlainTextResponse("<html>502 Bad Gateway</html>")
        if model == "tool":
            arguments = json.dumps({"to": heard, "subject": "Relance"}, ensure_ascii=False)
            if body.get("stream"):
                return _sse(_tool_stream(arguments))
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": "send_email", "arguments": arguments}}]}
            return JSONResponse(_completion(model, message, "tool_calls"))
        answer = f"Bien reçu : {heard}"
        if body.get("stream"):
            return _sse(_text_stream(model, answer, 1 if model == "echo-1char" else 7))
        message = {"role": "assistant", "content": answer, "refusal": None, "annotations": []}
        return JSONResponse(_completion(model, message, "stop"))


def _last_user_text(body: dict[str, Any]) -> str:
    for message in reversed(body.get("messages", [])):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):
                return " ".join(p.get("text", "") for p in content if p.get("type") == "text")
            return str(content)
    return ""


def _completion(model: str, message: dict[str, Any], finish: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-standin", "object": "chat.completion", "created": 1_700_000_000, "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _chunk(model: str, delta: dict[str, Any], finish: str | None = None) -> str:
    chunk = {"id": "chatcmpl-standin", "object": "chat.completion.chunk", "created": 1_700_000_000, "model": model,
             "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"


async def _text_stream(model: str, answer: str, size: int) -> AsyncIterator[str]:
    yield _chunk(model, {"role": "assistant", "content": ""})
    for n, start in enumerate(range(0, len(answer), size)):
        if model == "garbage-mid" and n == 1:
            yield "data: {this is not json\n\n"
            return
        if model == "error-mid" and n == 1:
            yield 'data: {"error": {"message": "overloaded while answering", "code": "overloaded"}}\n\n'
            return
        yield _chunk(model, {"content": answer[start : start + size]})
        await asyncio.sleep(0)
    yield _chunk(model, {}, "stop")
    if model != "no-done":
        yield "data: [DONE]\n\n"


async def _tool_stream(arguments: str) -> AsyncIterator[str]:
    first = {"role": "assistant", "content": None, "tool_calls": [
        {"index": 0, "id": "call_1", "type": "function", "function": {"name": "send_email", "arguments": ""}}]}
    yield _chunk("tool", first)
    for start in range(0, len(arguments), 5):
        yield _chunk("tool", {"tool_calls": [{"index": 0, "function": {"arguments": arguments[start : start + 5]}}]})
    yield _chunk("tool", {}, "tool_calls")
    yield "data: [DONE]\n\n"


def _sse(events: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(events, media_type="text/event-stream")
