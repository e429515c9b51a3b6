"""The resident local service: one process keeps the model loaded so that `guard` is instant.

It listens on a Unix socket in the user data directory, mode 0600, so no other local user can
reach it. The protocol is one JSON line per request and one per answer:

    {"method": "redact", "args": {"text": ..., "session_id": ...}, "guard": {"client": ..., "policy": ...},
     "cwd": "/where/the/caller/runs", "env": {"CLIENTGUARD_KEY": ...}}
    {"result": {...}}  or  {"error": {"type": "InputError", "message": ..., "findings": [...]}}

Each request is answered with the caller's configuration (its directory's `.clientguard.toml`
and its `CLIENTGUARD_*` environment), one request at a time. `analyze` and `redact` serve
`RemoteGuard` (a CLI already running in its own process); `cli` runs a whole `guard` command
line for the launcher (`guard.launcher`, `guard.service_cli`), so that the command never pays
for Python's imports either. The service exits after an idle time.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import socketserver
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from guard import errors
from guard.config import Settings
from guard.entities import Entity
from guard.errors import BlockedError, GuardError
from guard.paths import socket_path
from guard.pipeline import Guard, Redaction
from guard.service_cli import caller_environment, run_command

#: Methods the service answers: the ones that need the loaded model.
METHODS = ("analyze", "redact")
DEFAULT_IDLE_MINUTES = 15.0
#: How long a client waits for an answer (the first one includes loading the model).
ANSWER_TIMEOUT_S = 300.0
_MAX_LINE = 64 * 1024 * 1024  # a 1 MB text is a few MB once JSON-escaped


# ============================================================ client side
def request(method: str, args: dict[str, Any], guard_options: dict[str, Any], *, timeout: float = ANSWER_TIMEOUT_S) -> Any:
    """Send one request to the running service; OSError when there is none."""
    message = {
        "method": method,
        "args": args,
        "guard": guard_options,
        "cwd": os.getcwd(),
        "env": {k: v for k, v in os.environ.items() if k.startswith("CLIENTGUARD_")},
    }
    try:
        payload = json.dumps(message).encode() + b"\n"
    except TypeError as exc:  # options that cannot travel (objects): the caller works in-process
        raise ValueError(str(exc)) from None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.connect(str(socket_path()))
        sock.sendall(payload)
        with sock.makefile("rb") as answer:
            line = answer.readline(_MAX_LINE)
    if not line:
        raise ConnectionError("The clientguard service closed the connection without answering.")
    reply: dict[str, Any] = json.loads(line)
    if "error" in reply:
        raise _error(reply["error"], args.get("text", ""))
    return reply["result"]


def is_running() -> bool:
    """Whether a service answers on this user's socket."""
    try:
        return bool(request("ping", {}, {}, timeout=2.0))
    except (OSError, ValueError):
        return False


def start(wait_s: float = 10.0) -> bool:
    """Start the service in the background (detached from this terminal); True once it answers."""
    if is_running():
        return True
    # -P and cwd "/": the service runs the installed clientguard, never a `guard/` folder that
    # happens to be in the caller's directory (the launcher would refuse it as another build).
    subprocess.Popen(
        [sys.executable, "-P", "-m", "guard.daemon"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True, close_fds=True, cwd="/",
    )
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if is_running():
            return True
        time.sleep(0.05)
    return False


def stop() -> bool:
    """Ask the running service to exit; False when none was running."""
    try:
        request("stop", {}, {}, timeout=5.0)
    except (OSError, ValueError):
        return False
    return True


def status() -> dict[str, Any] | None:
    """The running service's pid, uptime and requests served; None when none runs."""
    try:
        answer: dict[str, Any] = request("status", {}, {}, timeout=2.0)
    except (OSError, ValueError):
        return None
    return answer


class RemoteGuard(Guard):
    """A `Guard` whose detection runs in the resident service; everything else stays in-process.

    When the service fails mid-way (killed, restarted), the call is made in-process instead.
    """

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._options = {k: v for k, v in options.items() if k in _FORWARDED_OPTIONS}

    def analyze(self, text: str, **kwargs: Any) -> list[Entity]:
        """`Guard.analyze`, in the service."""
        try:
            found = request("analyze", {"text": text, **kwargs}, self._options)
        except (OSError, ValueError):
            return super().analyze(text, **kwargs)
        return [Entity(**e) for e in found]

    def redact(self, text: str, session_id: str | None = None, **kwargs: Any) -> Redaction:
        """`Guard.redact`, in the service."""
        try:
            red = request("redact", {"text": text, "session_id": session_id, **kwargs}, self._options)
        except (OSError, ValueError):
            return super().redact(text, session_id, **kwargs)
        return Redaction(red["text"], red["session_id"], tuple(Entity(**e) for e in red["entities"]))


_FORWARDED_OPTIONS = ("client", "terms", "allow", "policy", "placeholder_style")
_FAILURE = "ServiceFailure"


def forwardable(options: dict[str, Any]) -> bool:
    """Whether `Guard` options can travel as JSON (terms given as objects cannot)."""
    try:
        json.dumps({k: v for k, v in options.items() if k in _FORWARDED_OPTIONS})
    except TypeError:
        return False
    return set(options) <= set(_FORWARDED_OPTIONS)


def resident_guard(options: dict[str, Any], *, allowed: bool = True, auto_start: bool = False) -> Guard:
    """The Guard the CLI works with: through the running service when there is one (started in
    the background first when `auto_start`), in-process when the service is not allowed, by the
    argument or by the `daemon` setting, or cannot start."""
    local = Guard(**options)
    if not allowed or not local.settings.daemon or not forwardable(options):
        return local
    if is_running() or (auto_start and start()):
        return RemoteGuard(**options)
    return local


def _error(error: dict[str, Any], text: str) -> Exception:
    """The GuardError the service reported, rebuilt on the caller's side."""
    if error.get("type") == _FAILURE:
        return ConnectionError(error.get("message"))  # the caller falls back to in-process
    if error.get("type") == "BlockedError":
        return BlockedError(tuple(tuple(f) for f in error.get("findings", [])), text)
    kind = getattr(errors, str(error.get("type")), GuardError)
    if not (isinstance(kind, type) and issubclass(kind, GuardError)):
        kind = GuardError
    return kind(str(error.get("message", "The clientguard service failed.")))


# ============================================================ service side
class _Service(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, idle_s: float) -> None:
        self.idle_s = idle_s
        self.last_used = time.monotonic()
        self.started = time.time()
        self.served = 0
        self.lock = threading.Lock()  # one request at a time: the caller's environment is applied
        super().__init__(str(path), _Handler)


class _Handler(socketserver.StreamRequestHandler):
    server: _Service

    def handle(self) -> None:
        line = self.rfile.readline(_MAX_LINE)
        if not line:
            return
        try:
            message = json.loads(line)
            if message.get("method") == "cli":
                with self.server.lock:
                    self.server.served += 1
                    reply = {"result": run_command(message, self._caller_stdin)}
            else:
                reply = {"result": _answer(self.server, message)}
        except GuardError as exc:
            reply = {"error": {"type": type(exc).__name__, "message": str(exc),
                               "findings": list(getattr(exc, "findings", []))}}
        except Exception as exc:  # noqa: BLE001 - the caller falls back; the service stays up
            reply = {"error": {"type": _FAILURE, "message": f"The clientguard service failed ({type(exc).__name__})."}}
        self.wfile.write(json.dumps(reply).encode() + b"\n")
        self.server.last_used = time.monotonic()


    def _caller_stdin(self) -> bytes:
        """Ask the launcher for its standard input (a command run here reads it)."""
        self.wfile.write(b'{"need": "stdin"}\n')
        self.wfile.flush()
        line = self.rfile.readline(_MAX_LINE)
        if not line:
            raise ConnectionError("the caller went away")
        return base64.b64decode(json.loads(line)["stdin"])


def _answer(server: _Service, message: dict[str, Any]) -> Any:
    method = message.get("method")
    if method == "ping":
        return True
    if method == "status":
        return {"pid": os.getpid(), "uptime_s": round(time.time() - server.started, 1), "requests": server.served,
                "socket": str(socket_path()), "idle_exit_s": server.idle_s}
    if method == "stop":
        threading.Thread(target=server.shutdown, daemon=True).start()
        return True
    if method not in METHODS:
        raise GuardError(f"Unknown service method {method!r}. Known: {', '.join(METHODS)}.")
    with server.lock, caller_environment(message.get("env", {})):
        settings = Settings.load(cwd=Path(message["cwd"]) if message.get("cwd") else None)
        guard = Guard(settings=settings, **{k: v for k, v in message.get("guard", {}).items() if k in _FORWARDED_OPTIONS})
        try:
            server.served += 1
            if method == "analyze":
                return [asdict(e) for e in guard.analyze(**message["args"])]
            red = guard.redact(**message["args"])
            return {"text": red.text, "session_id": red.session_id, "entities": [asdict(e) for e in red.entities]}
        finally:
            with contextlib.suppress(GuardError):
                guard.vault.close()


def serve(idle_minutes: float | None = None) -> None:
    """Run the service until stopped or idle; replaces a stale socket, refuses to run twice."""
    path = socket_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() or path.is_symlink():
        if is_running():
            raise GuardError(f"A clientguard service already runs on {path}.")
        path.unlink()  # stale: left by a service that was killed
    idle = (idle_minutes if idle_minutes is not None else Settings.load().daemon_idle_minutes) * 60
    previous = os.umask(0o177)  # the socket is created 0600: no other local user can connect
    try:
        service = _Service(path, idle)
    finally:
        os.umask(previous)
    os.chmod(path, 0o600)
    threading.Thread(target=_preload, daemon=True).start()
    threading.Thread(target=_exit_when_idle, args=(service,), daemon=True).start()
    try:
        service.serve_forever(poll_interval=0.5)
    finally:
        service.server_close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _preload() -> None:
    """Load the model now, so the first request does not wait for it."""
    from guard.detection import detector

    with contextlib.suppress(GuardError):
        detector()


def _exit_when_idle(service: _Service) -> None:
    while time.monotonic() - service.last_used < service.idle_s:
        time.sleep(min(5.0, service.idle_s / 4))
    service.shutdown()


if __name__ == "__main__":
    serve()
