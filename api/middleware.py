"""ASGI middleware: the body-size limit, and a last resort for errors nobody expected.

Both are plain ASGI so that they act before FastAPI reads or parses anything.
"""

from __future__ import annotations

import logging
import traceback

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from guard.api.errors import error_response

logger = logging.getLogger("guard.api")


class BodyLimitMiddleware:
    """Answer 413 when a body is over `max_bytes`: from Content-Length, or while reading a chunked body.

    The body is read here, before routing and parsing, and handed on in one piece; a 413 closes
    the connection, so a client still sending is not left waiting for the server to read the rest.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(scope, receive, send, malformed=not declared.isdigit())
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(b"".join(chunks), receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, *, malformed: bool = False) -> None:
        close = {"Connection": "close"}
        if malformed:
            response = error_response(400, "malformed", "The Content-Length header is not a number.", close)
        else:
            response = error_response(
                413, "too_large", f"The body is over the limit of {self.max_bytes:,} bytes: send less text per "
                "request, or raise ApiSettings.max_body_bytes.", close,
            )
        await response(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives the whole body once, then whatever the server sends next (disconnect)."""
    pending = True

    async def replayed() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


class LastResortMiddleware:
    """Answer 500 for an unexpected exception, and log its type and stack only.

    An exception's message may quote the text being processed; Starlette's own handler would let
    the server log it in full, so the exception stops here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched_send)
        except Exception as exc:
            stack = "".join(traceback.format_tb(exc.__traceback__))
            logger.error("Unexpected %s while serving %s %s\n%s", type(exc).__name__, scope["method"], _route(scope), stack)
            if started:
                raise RuntimeError("The response was interrupted by an unexpected error.") from None
            response = error_response(500, "internal", "The request failed on the server; the server log says why.")
            await response(scope, receive, send)


def _route(scope: Scope) -> str:
    """The route template matched (e.g. /v1/sessions/{session_id}), never the path sent."""
    route = scope.get("route")
    return str(getattr(route, "path", "(no route)"))
