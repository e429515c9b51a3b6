"""The REST API: `create_app()` builds the FastAPI application, `server.serve()` runs it under uvicorn."""

from guard.api.app import create_app
from guard.api.deps import ApiSettings

__all__ = ["ApiSettings", "create_app"]
