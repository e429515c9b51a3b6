"""What the routes are given: the API settings, the shared `Guard`, and the bearer-key check."""

from __future__ import annotations

import hmac
import ipaddress
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from guard.errors import ConfigError
from guard.pipeline import Guard

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_UPSTREAM_TIMEOUT = 120.0  # AI answers can take a minute or more to start


@dataclass(frozen=True)
class ApiSettings:
    """How the REST API is exposed.

    Precedence: explicit argument > `CLIENTGUARD_API_KEY` environment variable > default (no key);
    the same for the proxy's upstream (`CLIENTGUARD_UPSTREAM_URL`, `_KEY`, `_TIMEOUT`; default: none).
    With no key the API answers only requests that reach it on a loopback address.
    """

    api_key: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    #: The OpenAI-compatible API the proxy forwards to (e.g. https://api.mistral.ai/v1), its key and
    #: how long to wait for it (seconds without a byte, for streams).
    upstream_url: str | None = None
    upstream_key: str | None = None
    upstream_timeout: float = DEFAULT_UPSTREAM_TIMEOUT

    def __post_init__(self) -> None:
        if self.api_key is not None and not self.api_key.strip():
            object.__setattr__(self, "api_key", None)  # an empty key is no key, never "any key"
        if self.max_body_bytes <= 0:
            raise ConfigError("ApiSettings.max_body_bytes must be a positive number of bytes.")
        if self.upstream_key is not None and not self.upstream_key.strip():
            object.__setattr__(self, "upstream_key", None)
        if self.upstream_url is not None:
            url = self.upstream_url.strip().rstrip("/")
            if url and urlsplit(url).scheme not in ("http", "https"):
                raise ConfigError(
                    "CLIENTGUARD_UPSTREAM_URL must be an http:// or https:// base URL, "
                    "e.g. https://api.mistral.ai/v1 or http://127.0.0.1:11434/v1 (Ollama)."
                )
            object.__setattr__(self, "upstream_url", url or None)
        if not self.upstream_timeout > 0:
            raise ConfigError("The upstream timeout (CLIENTGUARD_UPSTREAM_TIMEOUT) must be a positive number of seconds.")

    def __repr__(self) -> str:
        key = "set" if self.api_key else "none"
        upstream_key = "set" if self.upstream_key else "none"
        return (
            f"ApiSettings(api_key=<{key}>, cors_origins={self.cors_origins!r}, max_body_bytes={self.max_body_bytes}, "
            f"upstream_url={self.upstream_url!r}, upstream_key=<{upstream_key}>, "
            f"upstream_timeout={self.upstream_timeout})"
        )

    @classmethod
    def from_environment(cls) -> ApiSettings:
        """Settings from `CLIENTGUARD_API_KEY` and `CLIENTGUARD_UPSTREAM_URL`, `_KEY`, `_TIMEOUT` (unset: none)."""
        timeout = os.environ.get("CLIENTGUARD_UPSTREAM_TIMEOUT", "").strip()
        try:
            upstream_timeout = float(timeout) if timeout else DEFAULT_UPSTREAM_TIMEOUT
        except ValueError:
            raise ConfigError(
                "CLIENTGUARD_UPSTREAM_TIMEOUT must be a number of seconds, e.g. 120."
            ) from None
        return cls(
            api_key=os.environ.get("CLIENTGUARD_API_KEY"),
            upstream_url=os.environ.get("CLIENTGUARD_UPSTREAM_URL"),
            upstream_key=os.environ.get("CLIENTGUARD_UPSTREAM_KEY"),
            upstream_timeout=upstream_timeout,
        )


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1); host names otherwise count as remote."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


async def get_api_settings(request: Request) -> ApiSettings:
    """The settings the application was created with."""
    settings: ApiSettings = request.app.state.api_settings
    return settings


async def get_guard(request: Request) -> Guard:
    """The application's `Guard`, built once in the lifespan."""
    guard: Guard = request.app.state.guard
    return guard


def guard_for(guard: Guard, client: str | None) -> Guard:
    """`guard` itself, or a Guard of the same class for another client profile over the same vault.

    Guard objects are cheap: the analyzer is loaded once per process and shared by all.
    """
    if client is None or client == guard.client:
        return guard
    return type(guard)(client=client, vault=guard.vault, settings=guard.settings)


_bearer = HTTPBearer(
    auto_error=False,
    description="The API key (CLIENTGUARD_API_KEY), required when the server has one.",
)


async def require_api_key(
    request: Request,
    settings: ApiSettings = Depends(get_api_settings),
    credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
) -> None:
    """Refuse the request unless it carries the configured key (or, with none, is local: see below)."""
    if settings.api_key is None:
        _require_local(request)
        return
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), settings.api_key.encode()):
        reason = "is missing" if credentials is None else "is wrong"
        raise _unauthorized(f"The API key {reason}: send 'Authorization: Bearer <CLIENTGUARD_API_KEY>'.")


def _require_local(request: Request) -> None:
    """Without a key, only a request made to this machine, by a loopback name, is served.

    serve() refuses to listen beyond loopback without a key, but an ASGI server started by hand may:
    a request that arrived on another address is refused. The Host check stops DNS rebinding: a web
    page whose own host name resolves to 127.0.0.1 cannot drive the API from the user's browser.
    """
    server: tuple[str, int | None] | None = request.scope.get("server")
    arrived_remotely = server is not None and _is_ip(str(server[0])) and not is_loopback(str(server[0]))
    host = request.headers.get("host")
    if arrived_remotely or (host is not None and not is_loopback(_host_name(host))):
        raise _unauthorized(
            "This server has no API key, so it answers only requests made on this machine to localhost or "
            "127.0.0.1. To serve other addresses or host names, set CLIENTGUARD_API_KEY on the server and "
            "send it as 'Authorization: Bearer <key>'."
        )


def _host_name(host_header: str) -> str:
    """The host name of a Host header ("[::1]:8765" gives "::1"); "" when it cannot be parsed."""
    try:
        return urlsplit(f"//{host_header}").hostname or ""
    except ValueError:
        return ""


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status_code=401, detail=message, headers={"WWW-Authenticate": "Bearer"})


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
