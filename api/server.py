"""`serve()`: run the REST API under uvicorn, refusing to expose it beyond loopback without a key.

    from guard.api.server import serve
    serve()                                          # http://127.0.0.1:8765, no key needed
    serve(host="0.0.0.0", api_key="long-random-key") # reachable from the network: key required
"""

from __future__ import annotations

import copy
import logging
import os
from typing import Any

from guard.api.deps import ApiSettings, is_loopback
from guard.api.web import STATIC_PATHS
from guard.errors import ConfigError

APP_FACTORY = "guard.api.app:create_app"

# The only paths an access log line may show; anything else a client sends could be client data.
LOGGED_PATHS = frozenset(
    {"/", "/healthz", "/docs", "/docs/oauth2-redirect", "/redoc", "/openapi.json",
     "/v1/analyze", "/v1/redact", "/v1/restore", "/v1/profiles", "/v1/chat/completions", "/v1/models",
     "/static-offline-docs/swagger-ui-bundle.js", "/static-offline-docs/swagger-ui.css",
     "/static-offline-docs/redoc.standalone.js", "/static-offline-docs/favicon.png"}
) | STATIC_PATHS
SESSION_PATH = "/v1/sessions/"


def serve(host: str = "127.0.0.1", port: int = 8765, workers: int = 1, api_key: str | None = None) -> None:
    """Serve the API until interrupted; ConfigError when `host` is not loopback and there is no key.

    The key is `api_key`, else CLIENTGUARD_API_KEY. Each worker process loads its own analyzer.
    """
    settings = ApiSettings(api_key=api_key) if api_key else ApiSettings.from_environment()
    if settings.api_key is None and not is_loopback(host):
        raise ConfigError(
            f"Refusing to listen on {host} without an API key: anyone who can reach this address could "
            f"read and restore client data. Set CLIENTGUARD_API_KEY to a long random secret (clients send it "
            f"as 'Authorization: Bearer <key>'), or listen on 127.0.0.1."
        )
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}.")
    if not 0 <= port <= 65535:
        raise ConfigError(f"port must be between 0 and 65535, got {port}.")
    if settings.api_key is not None:
        os.environ["CLIENTGUARD_API_KEY"] = settings.api_key  # every worker builds its app from the environment

    import uvicorn

    uvicorn.run(
        APP_FACTORY, factory=True, host=host, port=port, workers=workers, log_config=log_config(),
        server_header=False,
    )


def log_config() -> dict[str, Any]:
    """uvicorn's logging set-up, with access lines cleaned by `AccessLogFilter` and our logger shown."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["paths"] = {"()": f"{__name__}.AccessLogFilter"}
    config["loggers"]["uvicorn.access"]["filters"] = ["paths"]
    config["loggers"]["guard"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


class AccessLogFilter(logging.Filter):
    """Rewrite uvicorn's access lines so they never show a query string, a session id or an unknown path."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5:
            record.args = (args[0], args[1], loggable_path(str(args[2])), args[3], args[4])
        return True


def loggable_path(path: str) -> str:
    """The path as an access log may show it: known routes only, session ids hidden, no query string."""
    path = path.split("?", 1)[0]
    if path.startswith(SESSION_PATH):
        return SESSION_PATH + "{session_id}"
    return path if path in LOGGED_PATHS else "(other path)"
