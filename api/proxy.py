"""The OpenAI-compatible proxy: redact the conversation, call the upstream AI API, restore its answer.

    POST /v1/chat/completions   messages redacted (content, text parts, tool-call arguments), answer
                                restored (content and tool-call arguments), `stream: true` included
    GET  /v1/models             the upstream's list, passed through

Point any OpenAI client at `http://127.0.0.1:8765/v1`. One conversation is one session (see
conversations.py); the answer carries it in the `X-Clientguard-Session` header, and a request may
name it in the same header. Errors come in OpenAI's shape, `{"error": {"message", "type", "code"}}`.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any

import anyio
from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import JSONResponse, StreamingResponse
from httpx_sse import ServerSentEvent
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from guard.api.conversations import Conversations, text_slots, with_texts
from guard.api.deps import get_guard, guard_for, require_api_key
from guard.api.openai_schemas import ChatCompletion, ChatCompletionRequest, OpenAIError
from guard.api.schemas import SESSION_ID_PATTERN
from guard.api.upstream import Upstream, UpstreamError
from guard.errors import SessionError
from guard.pipeline import Guard
from guard.restore import StreamingRestorer

logger = logging.getLogger("guard.api")

SESSION_HEADER = "X-Clientguard-Session"
CLIENT_HEADER = "X-Clientguard-Client"
#: The routes whose errors use OpenAI's shape.
OPENAI_PATHS = frozenset({"/v1/chat/completions", "/v1/models"})

def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "The body is not JSON in UTF-8.",
        401: "The API key is missing or wrong.",
        404: "The session named in X-Clientguard-Session is unknown or expired.",
        413: "The body is over the size limit.",
        422: "A field is missing or invalid, or the upstream refused the request (its 4xx is passed on).",
        502: "The upstream failed, refused clientguard's key, or answered something that is not OpenAI's shape.",
        503: "No upstream is configured (CLIENTGUARD_UPSTREAM_URL).",
        504: "The upstream did not answer in time.",
    }
    return {status: {"model": OpenAIError, "description": descriptions[status]} for status in statuses}


proxy = APIRouter(
    prefix="/v1", dependencies=[Depends(require_api_key)], tags=["OpenAI-compatible proxy"],
    responses=_errors(400, 401, 413, 422, 502, 503, 504),
)


async def get_upstream(request: Request) -> Upstream:
    """The application's upstream client, opened in the lifespan."""
    upstream: Upstream = request.app.state.upstream
    return upstream


async def get_conversations(request: Request) -> Conversations:
    """The application's conversation → session map."""
    conversations: Conversations = request.app.state.conversations
    return conversations


@proxy.post(
    "/chat/completions", summary="Chat through the proxy (redacted on the way out, restored on the way back)",
    response_model=None, responses={
        200: {"model": ChatCompletion, "description": "The upstream's answer, restored; with `stream: true`, "
              "server-sent events (`text/event-stream`) restored on the fly, ending with `data: [DONE]`.",
              "content": {"text/event-stream": {}}},
        **_errors(404),
    },
)
async def chat_completions(
    body: ChatCompletionRequest,
    guard: Guard = Depends(get_guard),
    upstream: Upstream = Depends(get_upstream),
    conversations: Conversations = Depends(get_conversations),
    session_id: str | None = Header(
        default=None, alias=SESSION_HEADER, pattern=SESSION_ID_PATTERN,
        description="Continue this session. Omitted: the conversation's own session, or a new one.",
    ),
    client: str | None = Header(
        default=None, alias=CLIENT_HEADER, min_length=1, max_length=200,
        description="Client profile whose terms and sessions apply. Omitted: the server's default profile.",
    ),
) -> Response:
    """Redact every message, forward to the upstream, restore the answer; the session is in X-Clientguard-Session."""
    upstream.require_configured()
    guard = guard_for(guard, client)
    payload = body.model_dump(exclude_unset=True)
    turn = await run_in_threadpool(_redact_turn, guard, conversations, payload["messages"], session_id)
    headers = {SESSION_HEADER: turn.session_id}
    outgoing = {**payload, "messages": turn.redacted}
    if payload.get("stream"):
        stack = AsyncExitStack()
        events = await stack.enter_async_context(upstream.stream("chat/completions", outgoing))
        relay = _StreamRelay(turn, conversations, guard.client)
        return StreamingResponse(
            relay.run(events, stack), media_type="text/event-stream",
            headers={**headers, "Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    answer = await upstream.post_json("chat/completions", outgoing)
    _restore_answer(answer, turn, conversations, guard.client)
    return JSONResponse(answer, headers=headers)


@proxy.get("/models", summary="The upstream's models, passed through", response_model=None,
           responses={200: {"description": "The upstream's answer to GET /models, unchanged."}})
async def models(upstream: Upstream = Depends(get_upstream)) -> JSONResponse:
    """List the models of the upstream AI API, as it answers."""
    return JSONResponse(await upstream.get_json("models"))


# -- the way out ------------------------------------------------------------------------------


@dataclass
class _Turn:
    """One request: its session, its messages as the client sent them and as the upstream gets them."""

    guard: Guard
    session_id: str
    messages: list[dict[str, Any]] = field(repr=False)
    redacted: list[dict[str, Any]] = field(repr=False)

    def restorer(self, kind: str) -> StreamingRestorer:
        """A restorer of the session; in JSON (tool-call arguments) the values come escaped as JSON."""
        if kind != "json":
            return self.guard.restorer(self.session_id)
        # Each value escaped: a quote or a line break in a value must not break the arguments' JSON.
        return self.guard.restorer(self.session_id, escape=_json_escaped)


def _redact_turn(
    guard: Guard, conversations: Conversations, messages: list[dict[str, Any]], session_id: str | None
) -> _Turn:
    """Redact each message in the conversation's session; history the proxy has seen goes out as before."""
    if session_id is not None:
        guard.vault.session(session_id, guard.client)  # SessionError (404) when unknown or expired
    else:
        session_id = conversations.find(messages, guard.client)
        if session_id is not None and not _is_alive(guard, session_id):
            conversations.forget(session_id)
            session_id = None
        if session_id is None:
            session_id = guard.new_session()
    redacted = []
    for message in messages:
        slots = text_slots(message)
        texts = conversations.redacted(session_id, message)
        if texts is None or len(texts) != len(slots):
            texts = tuple(guard.redact(text, session_id=session_id).text for _, text in slots)
            conversations.remember(session_id, message, texts)
        redacted.append(with_texts(message, texts))
    return _Turn(guard, session_id, messages, redacted)


def _is_alive(guard: Guard, session_id: str) -> bool:
    try:
        guard.vault.session(session_id, guard.client)
    except SessionError:
        return False
    return True


# -- the way back -----------------------------------------------------------------------------


def _json_escaped(value: str) -> str:
    """A value as it must appear inside a JSON string: quotes, backslashes and newlines escaped."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _restore_answer(answer: dict[str, Any], turn: _Turn, conversations: Conversations, client: str | None) -> None:
    """Restore each choice's message in place, and record the conversation it continues."""
    choices = answer.get("choices")
    if not isinstance(choices, list) or not all(isinstance(c, dict) for c in choices):
        raise UpstreamError(
            502, "upstream_invalid_response",
            "The upstream AI API answered without a list of choices: is CLIENTGUARD_UPSTREAM_URL an "
            "OpenAI-compatible base URL?",
        )
    for choice in choices:
        message = choice.get("message")
        if not isinstance(message, dict):
            continue
        slots = text_slots(message)
        restored = [_restore_all(turn.restorer(kind), text) for kind, text in slots]
        choice["message"] = with_texts(message, restored)
        _record(conversations, turn, client, choice["message"], [text for _, text in slots])


def _restore_all(restorer: StreamingRestorer, text: str) -> str:
    return restorer.feed(text) + restorer.flush()


def _record(
    conversations: Conversations, turn: _Turn, client: str | None, answer: dict[str, Any], redacted: list[str]
) -> None:
    """The client will send `answer` back next turn: map it to what the upstream wrote, and to the session."""
    conversations.remember(turn.session_id, answer, redacted)
    conversations.record([*turn.messages, answer], client, turn.session_id)


# -- streaming --------------------------------------------------------------------------------


@dataclass
class _Part:
    """One restored stream (a choice's content, or one tool call's arguments) and what passed through it."""

    restorer: StreamingRestorer
    redacted: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    flushed: bool = False

    def feed(self, text: str) -> str:
        self.redacted.append(text)
        out = self.restorer.feed(text)
        self.restored.append(out)
        return out

    def flush(self) -> str:
        if self.flushed:
            return ""
        self.flushed = True
        out = self.restorer.flush()
        self.restored.append(out)
        return out


@dataclass
class _ChoiceStream:
    """What is known of one choice while its chunks arrive."""

    content: _Part | None = None
    calls: dict[int, _Part] = field(default_factory=dict)
    call_info: dict[int, dict[str, Any]] = field(default_factory=dict)


class _StreamRelay:
    """Relays the upstream's chat-completion chunks with each choice's text restored on the fly.

    A restorer holds back only a tail that could still be a placeholder; what it holds is sent,
    restored, in a chunk of its own just before the chunk that ends the choice (or before [DONE]).
    """

    def __init__(self, turn: _Turn, conversations: Conversations, client: str | None) -> None:
        self._turn = turn
        self._conversations = conversations
        self._client = client
        self._choices: dict[int, _ChoiceStream] = {}
        self._meta: dict[str, Any] = {}

    async def run(self, events: AsyncIterator[ServerSentEvent], stack: AsyncExitStack) -> AsyncIterator[bytes]:
        """The restored event stream; an upstream failure midway ends it with an error event."""
        completed = False
        try:
            async for event in events:
                if event.data.strip() == "[DONE]":
                    for chunk in self._flush_all():
                        yield _sse(chunk)
                    yield b"data: [DONE]\n\n"
                    completed = True
                    break
                if not event.data.strip():
                    continue
                for chunk in self._restore(_parse_chunk(event.data)):
                    yield _sse(chunk)
            else:
                for chunk in self._flush_all():  # an upstream that ends without [DONE]
                    yield _sse(chunk)
                completed = True
        except UpstreamError as exc:
            yield _sse({"error": {"message": exc.message, "type": "server_error", "code": exc.code}})
        except Exception as exc:  # the status is sent already: say it in the stream, log type and stack only
            frames = "".join(traceback.format_tb(exc.__traceback__))
            logger.error("Unexpected %s while relaying a stream\n%s", type(exc).__name__, frames)
            message = "The answer was interrupted by an error on the server; the server log says why."
            yield _sse({"error": {"message": message, "type": "server_error", "code": "internal"}})
        finally:
            with anyio.CancelScope(shield=True):
                await stack.aclose()
        if completed:
            self._record()

    def _restore(self, chunk: dict[str, Any]) -> list[dict[str, Any]]:
        """The chunks to send for one upstream chunk: the chunk restored, after any flush it calls for."""
        self._meta = {k: chunk[k] for k in ("id", "object", "created", "model", "system_fingerprint") if k in chunk}
        before: list[dict[str, Any]] = []
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict):
                continue
            index = choice.get("index", 0)
            state = self._choices.setdefault(index if isinstance(index, int) else 0, _ChoiceStream())
            delta = choice.get("delta")
            if isinstance(delta, dict):
                self._restore_delta(state, delta)
            if choice.get("finish_reason") is not None:
                before += self._flush(index, state)
        return [*before, chunk]

    def _restore_delta(self, state: _ChoiceStream, delta: dict[str, Any]) -> None:
        content = delta.get("content")
        if isinstance(content, str):
            state.content = state.content or _Part(self._turn.restorer("text"))
            delta["content"] = state.content.feed(content)
        for call in delta.get("tool_calls") or []:
            if not isinstance(call, dict):
                continue
            index = call.get("index", 0) if isinstance(call.get("index", 0), int) else 0
            info = state.call_info.setdefault(index, {"type": "function", "function": {}})
            info.update({k: call[k] for k in ("id", "type") if isinstance(call.get(k), str)})
            function = call.get("function")
            if not isinstance(function, dict):
                continue
            if isinstance(function.get("name"), str):
                info["function"]["name"] = info["function"].get("name", "") + function["name"]
            if isinstance(function.get("arguments"), str):
                part = state.calls.setdefault(index, _Part(self._turn.restorer("json")))
                function["arguments"] = part.feed(function["arguments"])

    def _flush(self, index: int, state: _ChoiceStream) -> list[dict[str, Any]]:
        """Chunks carrying whatever the choice's restorers still hold."""
        chunks = []
        if state.content is not None and (held := state.content.flush()):
            chunks.append(self._chunk(index, {"content": held}))
        for call_index, part in sorted(state.calls.items()):
            if held := part.flush():
                chunks.append(self._chunk(index, {"tool_calls": [{"index": call_index, "function": {"arguments": held}}]}))
        return chunks

    def _flush_all(self) -> list[dict[str, Any]]:
        return [chunk for index, state in sorted(self._choices.items()) for chunk in self._flush(index, state)]

    def _chunk(self, index: int, delta: dict[str, Any]) -> dict[str, Any]:
        return {**self._meta, "choices": [{"index": index, "delta": delta, "finish_reason": None}]}

    def _record(self) -> None:
        """Record each streamed answer as the client will send it back, as non-streamed answers are."""
        for _, state in sorted(self._choices.items()):
            message: dict[str, Any] = {"role": "assistant", "content": None}
            redacted: list[str] = []
            if state.content is not None:
                message["content"] = "".join(state.content.restored)
                redacted.append("".join(state.content.redacted))
            calls = []
            for index, info in sorted(state.call_info.items()):
                part = state.calls.get(index)
                function = {**info["function"], "arguments": "".join(part.restored) if part else ""}
                calls.append({**info, "function": function})
                redacted.append("".join(part.redacted) if part else "")
            if calls:
                message["tool_calls"] = calls
            _record(self._conversations, self._turn, self._client, message, redacted)


def _parse_chunk(data: str) -> dict[str, Any]:
    try:
        chunk = json.loads(data)
    except json.JSONDecodeError:
        chunk = None
    if not isinstance(chunk, dict):
        raise UpstreamError(
            502, "upstream_invalid_response",
            "The upstream AI API sent a stream event that is not a JSON object; the answer is incomplete.",
        )
    if "error" in chunk:
        code = chunk["error"].get("code") if isinstance(chunk["error"], dict) else None
        raise UpstreamError(
            502, "upstream_error",
            "The upstream AI API reported an error in the middle of the answer"
            + (f" ({code})." if isinstance(code, str) and code.isidentifier() and len(code) <= 64 else ".")
            + " Its own message is not relayed, because it may quote the request.",
        )
    return chunk


def _sse(chunk: dict[str, Any]) -> bytes:
    return b"data: " + json.dumps(chunk, ensure_ascii=False, separators=(",", ":")).encode() + b"\n\n"

