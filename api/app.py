"""The application factory: `create_app()` gives the REST API over one `Guard`.

    from guard.api.app import create_app
    app = create_app()                       # the Guard is built (and warmed up) at startup
    uvicorn.run(app, host="127.0.0.1", port=8765)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from guard.api.conversations import Conversations
from guard.api.deps import ApiSettings
from guard.api.errors import add_error_handlers
from guard.api.middleware import BodyLimitMiddleware, LastResortMiddleware
from guard.api.proxy import CLIENT_HEADER, SESSION_HEADER, proxy
from guard.api.routes import clientguard_version, health, v1
from guard.api.upstream import Upstream
from guard.api.web import add_web_page
from guard.pipeline import Guard

DESCRIPTION = """\
Redact client data before it reaches an AI tool, and restore it in the answer.

`POST /v1/redact` replaces each finding with a placeholder (`[PERSON_1]`) and returns a session id;
`POST /v1/restore` puts the values back in the AI's answer. Errors are
`{"error": {"code": "...", "message": "..."}}`; no message ever repeats a value you sent.

`POST /v1/chat/completions` is an OpenAI-compatible proxy: point an OpenAI client at `/v1` and
every message is redacted before it reaches the upstream AI API (CLIENTGUARD_UPSTREAM_URL), and
every answer restored, streaming included.
"""


def create_app(guard: Guard | None = None, *, settings: ApiSettings | None = None) -> FastAPI:
    """The FastAPI application; without `guard`, one is built from the user's configuration at startup.

    Usage:
        app = create_app(Guard(vault=Vault.in_memory()), settings=ApiSettings(api_key="s3cret"))
    """
    api_settings = settings if settings is not None else ApiSettings.from_environment()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        ready = guard if guard is not None else await run_in_threadpool(Guard)
        await run_in_threadpool(_warm_up, ready)
        app.state.guard = ready
        app.state.upstream = Upstream(api_settings)
        app.state.conversations = Conversations()
        try:
            yield
        finally:
            await app.state.upstream.aclose()
            if guard is None:
                ready.vault.close()  # ours to close; a Guard we were given belongs to the caller

    # FastAPIOffline: /docs and /redoc load their scripts from this server, never from a CDN.
    app = FastAPIOffline(title="clientguard", version=clientguard_version(), description=DESCRIPTION, lifespan=lifespan)
    app.state.api_settings = api_settings
    app.include_router(health)
    app.include_router(v1)
    add_web_page(app)
    app.include_router(proxy)
    add_error_handlers(app)
    # Added innermost first: CORS (only when configured) wraps the limit, so even a 413 is readable.
    app.add_middleware(LastResortMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=api_settings.max_body_bytes)
    if api_settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=list(api_settings.cors_origins), allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", SESSION_HEADER, CLIENT_HEADER],
            expose_headers=[SESSION_HEADER],
        )
    return app


def _warm_up(guard: Guard) -> None:
    """Load the analyzer and open the vault now, so the first request is not the slow one."""
    guard.analyze("warm up")
    _ = guard.vault
