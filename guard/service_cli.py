"""A `guard` command line run inside the resident service, for the launcher (`guard.launcher`).

The command runs as it would in the caller's process: in the caller's working directory, with
the caller's `CLIENTGUARD_*` variables and desktop session (for the clipboard), reading the
caller's standard input only if it asks for it; what it prints is captured and sent back with its
exit status. The service runs one request at a time (its lock), which makes swapping the process's
directory, environment and standard streams for one command safe.
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from guard.errors import GuardError
from guard.launcher import FORWARDED_VARIABLES, build_id

#: A command line starts here with this option so that the CLI inside the service never calls
#: the service (itself) back.
_IN_THIS_PROCESS = "--no-daemon"


def run_command(message: dict[str, Any], read_caller_stdin: Callable[[], bytes]) -> dict[str, Any]:
    """Run the command line of a launcher request; its exit status and output, or `local`."""
    if message.get("build") != build_id():
        return {"local": True}  # another installation of clientguard: let the caller's run it
    argv = [str(arg) for arg in message.get("argv", [])]
    with caller_environment(message.get("env", {})), _working_directory(message.get("cwd")):
        if not _service_allowed():
            return {"local": True}
        with _standard_streams(read_caller_stdin) as (stdout, stderr):
            status = _run_cli(argv)
        return {
            "exit": status,
            "stdout": base64.b64encode(stdout.getvalue()).decode(),
            "stderr": base64.b64encode(stderr.getvalue()).decode(),
        }


def _run_cli(argv: list[str]) -> int:
    """The CLI's exit status for `argv`, as `guard` would end."""
    from guard.cli import app

    try:
        app(args=[_IN_THIS_PROCESS, *argv], prog_name="guard")
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        sys.stderr.write(f"{code}\n")
        return 1
    return 0


def _service_allowed() -> bool:
    """Whether the caller's settings let the service run its commands (`daemon = false` says no;
    a configuration error is reported by the command run in the caller's process)."""
    from guard.config import Settings

    try:
        return Settings.load().daemon
    except GuardError:
        return False


@contextlib.contextmanager
def caller_environment(env: dict[str, Any]) -> Iterator[None]:
    """The caller's CLIENTGUARD_* variables and desktop session in place of the service's."""

    def ours(name: str) -> bool:
        return name.startswith("CLIENTGUARD_") or name in FORWARDED_VARIABLES

    saved = {k: v for k, v in os.environ.items() if ours(k)}
    for name in saved:
        del os.environ[name]
    os.environ.update({k: str(v) for k, v in env.items() if ours(k)})
    try:
        yield
    finally:
        for name in [k for k in os.environ if ours(k)]:
            del os.environ[name]
        os.environ.update(saved)


@contextlib.contextmanager
def _working_directory(cwd: str | None) -> Iterator[None]:
    previous = os.getcwd()
    if cwd:
        os.chdir(Path(cwd))
    try:
        yield
    finally:
        os.chdir(previous)


class _StdinOnDemand(io.RawIOBase):
    """Standard input fetched from the caller on the first read (most commands never read it)."""

    def __init__(self, fetch: Callable[[], bytes]) -> None:
        self._fetch = fetch
        self._data: bytes | None = None
        self._position = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._data is None:
            self._data = self._fetch()
        view = memoryview(buffer).cast("B")
        chunk = self._data[self._position : self._position + len(view)]
        view[: len(chunk)] = chunk
        self._position += len(chunk)
        return len(chunk)


@contextlib.contextmanager
def _standard_streams(fetch_stdin: Callable[[], bytes]) -> Iterator[tuple[io.BytesIO, io.BytesIO]]:
    """stdin read from the caller on demand; stdout and stderr captured as UTF-8 bytes."""
    saved = sys.stdin, sys.stdout, sys.stderr
    stdout, stderr = io.BytesIO(), io.BytesIO()
    sys.stdin = io.TextIOWrapper(io.BufferedReader(_StdinOnDemand(fetch_stdin)), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(stdout, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(stderr, encoding="utf-8", write_through=True)
    try:
        yield stdout, stderr
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
            stream.detach()  # keep the BytesIO open for the caller's answer
        sys.stdin, sys.stdout, sys.stderr = saved
