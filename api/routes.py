"""The REST routes: each parses, calls the `Guard`, and shapes the answer; nothing else.

Endpoints that detect or touch the vault are plain `def`: FastAPI runs them in its threadpool,
so a slow analysis never blocks the event loop.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import APIRouter, Depends, Path, Response

from guard.api.deps import get_guard, guard_for, require_api_key
from guard.api.schemas import (
    SESSION_ID_PATTERN,
    AnalyzeRequest,
    AnalyzeResponse,
    ErrorResponse,
    Finding,
    Health,
    RedactRequest,
    RedactResponse,
    Replacement,
    RestoreRequest,
    RestoreResponse,
)
from guard.pipeline import Guard


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "The body is not JSON in UTF-8.",
        401: "The API key is missing or wrong.",
        404: "No such session for this client profile (unknown, expired or purged).",
        413: "The body is over the size limit.",
        422: "A field is missing or invalid, the text cannot be processed, or the policy blocks a type found "
        "(code `blocked`, with the types and offsets in `findings`).",
        500: "The vault or the server's configuration failed.",
    }
    return {status: {"model": ErrorResponse, "description": descriptions[status]} for status in statuses}


v1 = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)], responses=_errors(400, 401, 413, 422, 500))
health = APIRouter()


@v1.post("/analyze", response_model=AnalyzeResponse, tags=["detection"], summary="Find client data")
def analyze(body: AnalyzeRequest, guard: Guard = Depends(get_guard)) -> AnalyzeResponse:
    """List the client data found in the text: types and offsets, never the values."""
    entities = guard_for(guard, body.client).analyze(body.text, terms=body.terms, allow=body.allow)
    return AnalyzeResponse(entities=[Finding(type=e.type, start=e.start, end=e.end, score=e.score) for e in entities])


@v1.post(
    "/redact", response_model=RedactResponse, tags=["detection"], summary="Replace client data with placeholders",
    responses=_errors(404),
)
def redact(body: RedactRequest, guard: Guard = Depends(get_guard)) -> RedactResponse:
    """Replace each finding with a placeholder such as `[PERSON_1]`, in a new session or the one given."""
    red = guard_for(guard, body.client).redact(
        body.text, session_id=body.session_id, terms=body.terms, allow=body.allow, style=body.style
    )
    entities = [
        Replacement(type=e.type, start=e.start, end=e.end, placeholder=e.placeholder or "") for e in red.entities
    ]
    return RedactResponse(text=red.text, session_id=red.session_id, entities=entities)


@v1.post(
    "/restore", response_model=RestoreResponse, tags=["detection"], summary="Put the original values back",
    responses=_errors(404),
)
def restore(body: RestoreRequest, guard: Guard = Depends(get_guard)) -> RestoreResponse:
    """Replace the session's placeholders in an AI answer with the original values; report unknown ones."""
    result = guard_for(guard, body.client).restore_with_report(body.text, body.session_id)
    return RestoreResponse(text=result.text, unknown_placeholders=list(result.unknown_placeholders))


@v1.delete(
    "/sessions/{session_id}", status_code=204, response_class=Response, tags=["sessions"],
    summary="Purge a session", responses=_errors(404),
)
def purge_session(
    session_id: str = Path(pattern=SESSION_ID_PATTERN, description="The session to delete, with all its values."),
    guard: Guard = Depends(get_guard),
) -> Response:
    """Delete the session and every value it holds; its placeholders can no longer be restored."""
    guard.vault.purge(session_id)
    return Response(status_code=204)


@health.get("/healthz", response_model=Health, tags=["service"], summary="Liveness")
async def healthz() -> Health:
    """Answer ok: the server is up and its analyzer is loaded (the server starts answering only then)."""
    return Health(status="ok", version=clientguard_version())


def clientguard_version() -> str:
    """The installed clientguard version ("unknown" when run from an uninstalled checkout)."""
    try:
        return version("clientguard")
    except PackageNotFoundError:
        return "unknown"
