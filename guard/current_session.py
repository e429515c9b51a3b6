"""The CLI's current session: which conversation `guard redact` and `guard restore` share.

One small file per client profile in the user directory, readable by its owner only.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from guard.paths import user_dir


def _pointer(client: str | None) -> Path:
    suffix = "" if client is None else "." + re.sub(r"[^A-Za-z0-9_-]", "_", client)
    return user_dir() / f"current_session{suffix}"


def read_current_session(client: str | None = None) -> str | None:
    """The current session id for `client`, or None when there is none."""
    try:
        return _pointer(client).read_text(encoding="ascii").strip() or None
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def write_current_session(session_id: str, client: str | None = None) -> None:
    """Make `session_id` the current session for `client`."""
    path = _pointer(client)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(session_id + "\n")


def clear_current_session(client: str | None = None) -> None:
    """Forget the current session for `client`."""
    _pointer(client).unlink(missing_ok=True)
