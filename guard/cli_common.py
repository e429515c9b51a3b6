"""What every `guard` command shares: error handling, exit status, input, sessions and JSON output.

Kept free of the pipeline (imported on first use) so that `guard --help` stays instant.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from guard.current_session import read_current_session
from guard.errors import BlockedError, GuardError, InputError, SessionError

if TYPE_CHECKING:
    from guard.pipeline import Guard

stderr = Console(stderr=True, highlight=False, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])
EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
EXIT_BLOCKED = 3

JsonOption = typer.Option(False, "--json", help="Machine-readable output.")


def friendly(command: F) -> F:
    """Turn a GuardError into a one-line message and exit status 2, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BlockedError as exc:
            stderr.print(f"[bold red]{escape(str(exc))}[/]", markup=True)
            raise typer.Exit(EXIT_BLOCKED) from None
        except GuardError as exc:
            stderr.print(f"[bold red]Error:[/] {escape(str(exc))}", markup=True)
            raise typer.Exit(EXIT_INPUT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def local_guard(**options: Any) -> Guard:
    """A Guard built here; the pipeline is imported on first use, so `guard --help` stays instant."""
    from guard.pipeline import Guard

    return Guard(**options)


def read_input(source: str | None) -> str:
    """The UTF-8 text of a file, or of stdin for None or '-'."""
    name = "standard input" if source in (None, "-") else source
    try:
        if source in (None, "-"):
            if sys.stdin.isatty():
                stderr.print("Reading from standard input; end with Ctrl-D.")
            data = sys.stdin.buffer.read()
        else:
            data = Path(source).read_bytes()
    except FileNotFoundError:
        raise InputError(f"No such file: {name}.") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory; give a text file.") from None
    except OSError as exc:
        raise InputError(f"Cannot read {name}: {exc.strerror}.") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (invalid byte at offset {exc.start}). Convert it first, "
            f"e.g. 'iconv -f latin1 -t utf-8'."
        ) from None


def live_current_session(guard: Guard) -> str | None:
    """The current session if it is still alive; None starts a new one."""
    current = read_current_session(guard.client)
    if current is None:
        return None
    try:
        guard.vault.session(current, guard.client)
    except SessionError:
        stderr.print("The previous session has expired; starting a new one.")
        return None
    return current


def required_session(guard: Guard) -> str:
    """The current session; SessionError when there is none to restore from or purge."""
    current = read_current_session(guard.client)
    if current is None:
        raise SessionError("No current session: redact something first, or pass --session ID.")
    return current


def print_json(data: Any) -> None:
    """`--json` output: indented, non-ASCII kept readable."""
    print(json.dumps(data, ensure_ascii=False, indent=2))
