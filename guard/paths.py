"""Where clientguard keeps its files: the user data and config directories, the service's socket.

Standard library and platformdirs only: the `guard` launcher needs the socket's path before
anything heavy is imported.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "clientguard"


def user_dir() -> Path:
    """The directory holding the vault, its key and the CLI's current session."""
    home = os.environ.get("CLIENTGUARD_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """The directory holding the user's `config.toml`."""
    home = os.environ.get("CLIENTGUARD_HOME")
    return Path(home) if home else Path(platformdirs.user_config_dir(APP_NAME))


def socket_path() -> Path:
    """Where the resident service listens: in the user data directory, or a short per-directory
    name in the temporary directory when that path is too long for a Unix socket (108 bytes)."""
    path = user_dir() / "daemon.sock"
    if len(os.fsencode(path)) < 100:
        return path
    digest = hashlib.sha256(os.fsencode(user_dir().resolve())).hexdigest()[:16]
    private = Path(tempfile.gettempdir()) / f"clientguard-{os.getuid()}"
    private.mkdir(mode=0o700, exist_ok=True)
    info = private.lstat()
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{private} is not a private directory of this user; not using it.")
    return private / f"{digest}.sock"
