"""The `guard` command's entry point: hands the command to the resident service when one runs.

Python starts in a few tens of milliseconds; typer, rich, cryptography and the pipeline take a
quarter of a second more to import, and the model seconds to load. When the resident service
(`guard daemon`) answers on its socket, this module — standard library and platformdirs only —
sends it the command line, the working directory and the environment the command depends on,
passes standard input when the command asks for it, and prints what the command printed:
`guard redact` then costs one round trip. Otherwise, and for the commands that belong to this
terminal (`daemon`, `serve`, `ui`, `--help`, `--no-daemon`), the full CLI runs in this process.

Protocol (one JSON line each way, on the 0600 socket): the request is
``{"method": "cli", "argv": [...], "cwd": ..., "env": {...}, "build": ...}``; the service may
answer ``{"need": "stdin"}`` (the launcher replies ``{"stdin": base64}``) before its final
``{"result": {"exit": N, "stdout": base64, "stderr": base64}}``, or ``{"result": {"local": true}}``
when the command must run here after all (the caller's settings say `daemon = false`, or the
service runs another build of clientguard).
"""

from __future__ import annotations

import base64
import io
import json
import os
import socket
import sys
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

#: Commands that run in the caller's process: they manage the service, serve, or open a browser.
LOCAL_COMMANDS = frozenset({"daemon", "serve", "ui"})
#: Global options that take a value (so that value is not read as the command).
VALUE_OPTIONS = frozenset({"--client"})
#: Besides CLIENTGUARD_*, what a command run in the service needs from the caller's environment:
#: the desktop session for the clipboard, and how the caller likes its output.
FORWARDED_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY", "XDG_RUNTIME_DIR", "NO_COLOR", "COLUMNS")
#: How long the launcher waits for the service's answer (the first may include loading the model).
ANSWER_TIMEOUT_S = 300.0
_MAX_LINE = 64 * 1024 * 1024


class NoService(Exception):
    """No service answered, or it asked to run the command here; `stdin`: what it was sent."""

    def __init__(self, stdin: bytes | None = None) -> None:
        super().__init__("no service")
        self.stdin = stdin


def main() -> NoReturn:
    """Console entry point: forward to the service when possible, else run the CLI here."""
    argv = sys.argv[1:]
    if not runs_here(argv, os.environ):
        try:
            sys.exit(forward(argv))
        except NoService as exc:
            if exc.stdin is not None:  # already read for the service: the command here reads it again
                sys.stdin = io.TextIOWrapper(io.BytesIO(exc.stdin), encoding="utf-8")
    from guard.cli import main as run_here

    run_here()
    sys.exit(0)


def runs_here(argv: list[str], environ: Any) -> bool:
    """Whether the command must run in this process whatever the service."""
    if environ.get("CLIENTGUARD_NO_DAEMON", "").strip().lower() not in ("", "0", "false", "no", "off"):
        return True
    command = _command(argv)
    return command is None or command in LOCAL_COMMANDS or any(
        arg in ("--no-daemon", "--help", "-h") for arg in argv
    )


#: The modules that define the commands: editing any of them makes a new build.
CLI_MODULES = ("cli.py", "cli_common.py", "cli_manage.py")


def build_id() -> str:
    """This installation of clientguard: a service started from another one does not serve it."""
    here = Path(__file__).resolve()
    stamps = ",".join(str(here.with_name(name).stat().st_mtime_ns) for name in CLI_MODULES)
    return f"{sys.executable}|{here.parent}|{stamps}"


def forward(argv: list[str]) -> int:
    """Run the command in the service; its exit status. NoService when it must run here."""
    from guard.paths import socket_path

    request = {
        "method": "cli",
        "argv": argv,
        "cwd": os.getcwd(),
        "env": {k: v for k, v in os.environ.items() if k.startswith("CLIENTGUARD_") or k in FORWARDED_VARIABLES},
        "build": build_id(),
    }
    sent: list[bytes] = []
    try:
        path = str(socket_path())
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2.0)
            sock.connect(path)
            sock.settimeout(ANSWER_TIMEOUT_S)
            sock.sendall(json.dumps(request).encode() + b"\n")
            with sock.makefile("rb") as answers:
                result = _conversation(sock, answers, sent)
    except (OSError, ValueError):
        raise NoService(sent[0] if sent else None) from None
    if result.get("local"):
        raise NoService(sent[0] if sent else None)
    sys.stderr.buffer.write(base64.b64decode(result.get("stderr", "")))
    sys.stderr.flush()
    sys.stdout.buffer.write(base64.b64decode(result.get("stdout", "")))
    sys.stdout.flush()
    return int(result.get("exit", 1))


def _conversation(sock: socket.socket, answers: BinaryIO, sent: list[bytes]) -> dict[str, Any]:
    """Answer the service's requests for standard input (kept in `sent`) until its final answer."""
    while True:
        line = answers.readline(_MAX_LINE)
        if not line:
            raise ConnectionError("the service closed the connection")
        message: dict[str, Any] = json.loads(line)
        if message.get("need") == "stdin":
            if sys.stdin.isatty():
                sys.stderr.write("Reading from standard input; end with Ctrl-D.\n")
                sys.stderr.flush()
            data = sent[0] if sent else sys.stdin.buffer.read() if sys.stdin is not None else b""
            sent[:] = [data]
            sock.sendall(json.dumps({"stdin": base64.b64encode(data).decode()}).encode() + b"\n")
            continue
        if "result" not in message:
            raise ConnectionError("the service failed")
        result: dict[str, Any] = message["result"]
        return result


def _command(argv: list[str]) -> str | None:
    """The command word of a `guard` command line (`redact` in `guard --client acme redact x`)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


if __name__ == "__main__":
    main()
