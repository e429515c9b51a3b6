"""The web page: `GET /`, its static files, and `GET /v1/profiles` for its client-profile chooser.

The page is plain HTML, CSS and JavaScript shipped in the package (api/static/), for people who never
open a terminal. It loads nothing from anywhere but this server, and its Content-Security-Policy
makes the browser refuse anything else, so the page works offline and cannot leak what is pasted.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.responses import Response

from guard.api.deps import get_guard, require_api_key
from guard.api.routes import clientguard_version
from guard.pipeline import Guard

_STATIC = resources.files("guard.api").joinpath("static")
#: The files the page loads, served under /static/ (and the only static paths an access log names).
STATIC_FILES = tuple(sorted(item.name for item in _STATIC.iterdir() if item.is_file() and item.name != "index.html"))
STATIC_PATHS = frozenset(f"/static/{name}" for name in STATIC_FILES)

# Only this server, no inline script, no framing: pasted text can neither leave nor be injected.
PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
# Revalidated on each load (a 304 from this machine costs nothing): an upgrade never runs stale scripts.
ASSET_HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}

page = APIRouter(include_in_schema=False)
profiles = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)], tags=["web"])


class Profiles(BaseModel):
    """The client profiles configured on the server, for the page's chooser."""

    profiles: list[str] = Field(description="Profile names, sorted; empty when none is configured.",
                                examples=[["acme", "globex"]])


@page.get("/", response_class=HTMLResponse)
async def index() -> HTMLResponse:
    """The web page: paste, copy the safe version, paste the AI's answer back, copy the restored one."""
    return HTMLResponse(_index_html(), headers=PAGE_HEADERS)


@profiles.get("/profiles", response_model=Profiles, summary="List client profiles")
def list_profiles(guard: Guard = Depends(get_guard)) -> Profiles:
    """The names of the configured client profiles (each keeps its own sessions and values)."""
    clients = getattr(guard.settings, "clients", None) or {}
    return Profiles(profiles=sorted(clients))


def add_web_page(app: FastAPI) -> None:
    """Serve the page at `/`, its files at `/static/`, and the profile list at `/v1/profiles`."""
    app.include_router(page)
    app.include_router(profiles)
    app.mount("/static", _PageFiles(packages=[("guard.api", "static")]), name="static")


class _PageFiles(StaticFiles):
    """The page's files, with ASSET_HEADERS."""

    def file_response(self, *args: Any, **kwargs: Any) -> Response:
        response = super().file_response(*args, **kwargs)
        response.headers.update(ASSET_HEADERS)
        return response


@lru_cache(maxsize=1)
def _index_html() -> str:
    """index.html with the version in its asset URLs, so an upgrade is never served stale files."""
    html = _STATIC.joinpath("index.html").read_text(encoding="utf-8")
    return html.replace("{{version}}", clientguard_version())
