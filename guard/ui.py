"""`guard ui`: open the web page in the default browser, starting the local server first if needed.

For people who never open a terminal twice: one command (or a desktop shortcut to it) gives the
page, whether or not `guard serve` is already running.

    from guard.ui import open_ui
    shown = open_ui()            # http://127.0.0.1:8765/ in the browser; shown.started_pid if we started it
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guard.paths import user_dir
from guard.errors import ConfigError

HOST = "127.0.0.1"  # the page is for the person at this computer: never served beyond loopback here
START_TIMEOUT = 180.0  # loading the French model takes seconds, more on a busy machine
LOG_NAME = "ui-server.log"


@dataclass(frozen=True)
class ShownPage:
    """The page's address, the server process `open_ui` started (None: one was running), and whether
    a browser was opened."""

    url: str
    started_pid: int | None
    log_path: Path | None
    opened: bool


def open_ui(
    port: int = 8765, *, open_browser: bool = True, opener: Callable[[str], bool] = webbrowser.open
) -> ShownPage:
    """Make sure a clientguard server answers on 127.0.0.1:`port`, then open its page with `opener`.

    Raises ConfigError when the port is taken by another program or the server cannot start.
    """
    if not 0 < port <= 65535:
        raise ConfigError(f"port must be between 1 and 65535, got {port}.")
    url = f"http://{HOST}:{port}/"
    started: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    if not is_serving(url):
        if _port_in_use(port):
            raise ConfigError(
                f"Port {port} is used by another program that is not clientguard. "
                f"Choose a free one: guard ui --port 8766."
            )
        log_path = user_dir() / LOG_NAME
        started = start_server(port, log_path)
        _wait_until_serving(url, started, log_path)
    opened = opener(url) if open_browser else False
    return ShownPage(url, started.pid if started else None, log_path, opened)


def is_serving(url: str, timeout: float = 2.0) -> bool:
    """True when a clientguard server answers its health check at `url`."""
    try:
        with urllib.request.urlopen(url + "healthz", timeout=timeout) as response:
            body = json.loads(response.read(4096) or b"{}")
    except (OSError, ValueError):
        return False
    return isinstance(body, dict) and body.get("status") == "ok"


def start_server(port: int, log_path: Path) -> subprocess.Popen[bytes]:
    """`guard serve` on 127.0.0.1:`port` in its own process session, so it outlives this command."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    code = f"from guard.api.server import serve; serve(host={HOST!r}, port={port})"
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
        )


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ConfigError(f"The clientguard server stopped at start-up (exit {process.returncode}); see {log_path}.")
        if is_serving(url):
            return
        time.sleep(0.25)
    process.terminate()
    raise ConfigError(f"The clientguard server did not answer within {START_TIMEOUT:.0f} s; see {log_path}.")


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: TIME_WAIT is not "in use"
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False
