"""Every failure becomes `{"error": {"code", "message"}}` with its HTTP status, and never echoes the request.

    400 malformed            the body is not JSON (or not UTF-8, or not sent as application/json)
    401 unauthorized         the API key is missing or wrong
    404 session_not_found    SessionError: unknown, expired, purged, or another profile's session
    404 not_found, 405 method_not_allowed
    413 too_large            the body is over ApiSettings.max_body_bytes (see middleware.py)
    422 invalid              a field is missing or wrong, or InputError (text too long, not Unicode)
    422 blocked              BlockedError: the policy blocks a type found; `types` and `findings`
                             (type, start, end) say which and where, never the values
    500 vault_error, config_error, internal; 503 model_not_installed

FastAPI's own 422 answer copies the offending input into the response; ours names fields and
rules only. Messages from the library name types, counts and offsets, never values; the few that
name paths or settings (vault, config, model) are logged for the operator and answered generically.

The OpenAI-compatible routes (proxy.py) answer the same errors in OpenAI's shape,
`{"error": {"message", "type", "code"}}`, plus the upstream's failures (UpstreamError): its 4xx
passed on, 502 failed or refused our key or unreadable, 503 not configured, 504 too slow.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from guard.api.proxy import OPENAI_PATHS
from guard.api.upstream import UpstreamError
from guard.errors import BlockedError, ConfigError, GuardError, InputError, ModelNotInstalledError, SessionError, VaultError

logger = logging.getLogger("guard.api")

_OPENAI_TYPES = {401: "authentication_error", 403: "permission_error",
                 429: "rate_limit_error"}

_SESSION_NOT_FOUND = (
    "No such session: it may have expired or been purged, or belong to another client profile. "
    "Redact without session_id to start a new one."
)
_HTTP_CODES = {400: "malformed", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large"}
_HTTP_MESSAGES = {
    400: "The body is not valid JSON in UTF-8.",
    404: "No such route. The API is described at /docs.",
    405: "This route does not accept that method. The API is described at /docs.",
}
# The request fields a message may name; any other key a client sent is only "an unknown field".
_FIELDS = {"text", "session_id", "client"}
# ... and those of the OpenAI-compatible routes (see openai_schemas.py), headers included.
_FIELDS |= {"model", "messages", "role", "content", "type", "tool_calls", "function_call", "function", "arguments",
            "name", "id", "stream", "x-clientguard-session", "x-clientguard-client"}
# pydantic error types whose message states a rule, never the input (value_error, json_invalid and
# others can quote what was sent).
_SAFE_MESSAGES = {
    "missing", "extra_forbidden", "string_type", "string_too_short", "string_too_long",
    "string_pattern_mismatch", "model_attributes_type", "dict_type", "model_type", "list_type",
    "int_type", "float_type", "bool_type", "string_unicode",
}


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The API's error body with its status."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def add_error_handlers(app: FastAPI) -> None:
    """Map GuardError, validation errors and HTTP errors to the API's error shape."""

    @app.exception_handler(GuardError)
    async def guard_error(request: Request, exc: GuardError) -> JSONResponse:
        return _openai_shaped(request, _guard_error_response(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _openai_shaped(request, _validation_response(request, exc.errors()))

    @app.exception_handler(UpstreamError)
    async def upstream_error(request: Request, exc: UpstreamError) -> JSONResponse:
        return openai_error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "internal" if exc.status_code >= 500 else "invalid")
        message = _HTTP_MESSAGES.get(exc.status_code) or str(exc.detail)
        return _openai_shaped(request, error_response(exc.status_code, code, message, exc.headers))


def openai_error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """OpenAI's error body, `{"error": {"message", "type", "code"}}`, for the proxy's routes."""
    error = {"message": message, "type": _OPENAI_TYPES.get(status, "server_error" if status >= 500 else
             "invalid_request_error"), "code": code}
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def _openai_shaped(request: Request, response: JSONResponse) -> JSONResponse:
    """On the OpenAI-compatible routes, the same error in OpenAI's shape (OpenAI clients read `type`)."""
    if request.url.path not in OPENAI_PATHS:
        return response
    error = json.loads(bytes(response.body))["error"]
    headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-type")}
    return openai_error_response(response.status_code, error["code"], error["message"], headers)


def _guard_error_response(exc: GuardError) -> JSONResponse:
    if isinstance(exc, BlockedError):
        findings = [{"type": kind, "start": start, "end": end} for kind, start, end in exc.findings]
        body = {"error": {"code": "blocked", "message": str(exc), "types": list(exc.types), "findings": findings}}
        return JSONResponse(body, status_code=422)
    if isinstance(exc, InputError):
        return error_response(422, "invalid", str(exc))
    if isinstance(exc, SessionError):
        # The library's message quotes the start of the id sent; the answer quotes nothing.
        return error_response(404, "session_not_found", _SESSION_NOT_FOUND)
    logger.error("%s: %s", type(exc).__name__, exc)  # paths and settings, for the operator
    if isinstance(exc, VaultError):
        return error_response(500, "vault_error", "The vault could not be read or written; the server log says why.")
    if isinstance(exc, ConfigError):
        return error_response(500, "config_error", "The server's configuration is invalid; the server log says why.")
    if isinstance(exc, ModelNotInstalledError):
        return error_response(503, "model_not_installed", "The detection model is not installed on the server.")
    return error_response(500, "internal", "The request failed on the server; the server log says why.")


def _validation_response(request: Request, errors: Sequence[Any]) -> JSONResponse:
    if any(error.get("type") == "json_invalid" for error in errors):
        return error_response(400, "malformed", "The body is not valid JSON.")
    in_body = any(tuple(error.get("loc", ()))[:1] == ("body",) for error in errors)
    if in_body and not _is_json(request.headers.get("content-type", "")):
        return error_response(400, "malformed", "Send the body as JSON, with 'Content-Type: application/json'.")
    described = "; ".join(dict.fromkeys(_describe(error) for error in errors[:10]))
    return error_response(422, "invalid", f"Invalid request: {described}.")


def _describe(error: Any) -> str:
    """`field: rule` from a pydantic error, built from the field names we know and safe messages only."""
    parts = [str(p) if isinstance(p, int) or p in _FIELDS else "an unknown field" for p in error.get("loc", ())[1:]]
    where = ".".join(parts) or "the body"
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return f"{where} is not accepted (the fields of each route are listed at /docs)"
    rule = str(error.get("msg", "")) if kind in _SAFE_MESSAGES else "invalid value"
    return f"{where}: {rule}"


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))
