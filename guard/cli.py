"""The `guard` command: redact and restore files, pipes and the clipboard.

Text goes to stdout, messages to stderr. Exit status: 0 done, 2 usage or input error.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, Optional, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from guard.clipboard import read_clipboard, write_clipboard
from guard.current_session import clear_current_session, read_current_session, write_current_session
from guard.errors import GuardError, InputError, SessionError
from guard.pipeline import Guard, Redaction

app = typer.Typer(
    help="Protect client data before pasting text into an AI tool, and restore it in the answer.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
session_app = typer.Typer(help="Manage conversations (sessions): new, list, purge.", no_args_is_help=True)
app.add_typer(session_app, name="session")

stderr = Console(stderr=True, highlight=False, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])
EXIT_INPUT_ERROR = 2


def friendly(command: F) -> F:
    """Turn a GuardError into a one-line message and exit status 2, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except GuardError as exc:
            stderr.print(f"[bold red]Error:[/] {exc}", markup=True)
            raise typer.Exit(EXIT_INPUT_ERROR) from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def options(
    ctx: typer.Context,
    client: Optional[str] = typer.Option(
        None, "--client", envvar="CLIENTGUARD_CLIENT", help="Client profile: its own sessions and values."
    ),
) -> None:
    """Protect client data before pasting text into an AI tool, and restore it in the answer."""
    ctx.obj = client


SessionOption = typer.Option(None, "--session", help="Session (conversation) id; default: the current one.")
SourceArgument = typer.Argument(None, help="File to read; '-' or nothing reads standard input.")
JsonOption = typer.Option(False, "--json", help="Machine-readable output.")


@app.command()
@friendly
def redact(
    ctx: typer.Context, source: Optional[str] = SourceArgument, session: Optional[str] = SessionOption,
    as_json: bool = JsonOption,
) -> None:
    """Replace client data in FILE (or stdin) with placeholders; print the safe text."""
    guard = Guard(client=ctx.obj)
    red = guard.redact(read_input(source), session_id=session or _live_current_session(guard))
    write_current_session(red.session_id, guard.client)
    if as_json:
        _print_json(_redaction_json(red))
    else:
        sys.stdout.write(red.text)
        _report(red)


@app.command()
@friendly
def restore(
    ctx: typer.Context, source: Optional[str] = SourceArgument, session: Optional[str] = SessionOption,
    as_json: bool = JsonOption,
) -> None:
    """Put the original values back into an AI answer read from FILE (or stdin)."""
    guard = Guard(client=ctx.obj)
    result = guard.restore_with_report(read_input(source), session or _required_session(guard))
    if as_json:
        _print_json({"text": result.text, "unknown_placeholders": list(result.unknown_placeholders)})
    else:
        sys.stdout.write(result.text)
        _report_unknown(result.unknown_placeholders)


@app.command()
@friendly
def clip(ctx: typer.Context, session: Optional[str] = SessionOption) -> None:
    """Redact the clipboard in place: copy, run 'guard clip', paste into the AI tool."""
    guard = Guard(client=ctx.obj)
    red = guard.redact(read_clipboard(), session_id=session or _live_current_session(guard))
    write_clipboard(red.text)
    write_current_session(red.session_id, guard.client)
    _report(red)


@app.command()
@friendly
def unclip(ctx: typer.Context, session: Optional[str] = SessionOption) -> None:
    """Restore the clipboard in place: copy the AI's answer, run 'guard unclip', paste."""
    guard = Guard(client=ctx.obj)
    result = guard.restore_with_report(read_clipboard(), session or _required_session(guard))
    write_clipboard(result.text)
    stderr.print("Clipboard restored.")
    _report_unknown(result.unknown_placeholders)


@app.command()
@friendly
def demo() -> None:
    """Redact a bundled French client e-mail, then restore an AI-style answer to it."""
    from guard.demo import ai_style_answer

    sample = resources.files("guard").joinpath("samples", "email_client.txt").read_text(encoding="utf-8")
    guard = Guard()
    with guard.session() as conversation:
        red = conversation.redact(sample)
        answer = ai_style_answer(red)
        restored = conversation.restore(answer)
    out = Console(highlight=False, soft_wrap=True)
    for title, body in (("Original", sample), ("Redacted (safe to paste)", red.text),
                        ("AI answer, as received", answer), ("AI answer, restored", restored)):
        out.rule(title)
        out.print(body.rstrip("\n"), markup=False)
    _report(red)


@app.command()
@friendly
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; anything but loopback needs CLIENTGUARD_API_KEY."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes; each loads its own model."),
) -> None:
    """Run the REST API on http://HOST:PORT (OpenAPI document at /openapi.json) until interrupted."""
    from guard.api.server import serve as run_server

    run_server(host=host, port=port, workers=workers)


@session_app.command("new")
@friendly
def session_new(ctx: typer.Context) -> None:
    """Start a new conversation and make it current; print its id."""
    guard = Guard(client=ctx.obj)
    session_id = guard.new_session()
    write_current_session(session_id, guard.client)
    print(session_id)


@session_app.command("list")
@friendly
def session_list(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """List live conversations, most recent first."""
    guard = Guard(client=ctx.obj)
    current = read_current_session(guard.client)
    sessions = guard.vault.sessions()
    if as_json:
        _print_json([{**vars(s), "current": s.id == current} for s in sessions])
        return
    table = Table("", "session", "client", "values", "last used")
    for s in sessions:
        last = datetime.fromtimestamp(s.last_used).strftime("%Y-%m-%d %H:%M")
        table.add_row("*" if s.id == current else "", s.id, s.client or "-", str(s.entries), last)
    Console().print(table)


@session_app.command("purge")
@friendly
def session_purge(
    ctx: typer.Context,
    session_id: Optional[str] = typer.Argument(None, help="Session to purge; default: the current one."),
    purge_all: bool = typer.Option(False, "--all", help="Purge every session of the vault."),
) -> None:
    """Delete a conversation's values from the vault (or all of them with --all)."""
    guard = Guard(client=ctx.obj)
    if purge_all:
        count = guard.vault.purge_all()
        clear_current_session(guard.client)
        stderr.print(f"Purged {count} session(s).")
        return
    target = session_id or _required_session(guard)
    guard.vault.purge(target)
    if target == read_current_session(guard.client):
        clear_current_session(guard.client)
    stderr.print("Session purged.")


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


def _live_current_session(guard: Guard) -> str | None:
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


def _required_session(guard: Guard) -> str:
    current = read_current_session(guard.client)
    if current is None:
        raise SessionError("No current session: redact something first, or pass --session ID.")
    return current


def _redaction_json(red: Redaction) -> dict[str, Any]:
    entities = [{"type": e.type, "start": e.start, "end": e.end, "placeholder": e.placeholder} for e in red.entities]
    return {"text": red.text, "session_id": red.session_id, "entities": entities}


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _report(red: Redaction) -> None:
    counts = Counter(e.type for e in red.entities)
    found = ", ".join(f"{t} ×{n}" for t, n in counts.most_common()) or "nothing to redact"
    stderr.print(f"{len(red.entities)} value(s) replaced ({found}); session {red.session_id[:6]}….")


def _report_unknown(unknown: tuple[str, ...]) -> None:
    if unknown:
        stderr.print(f"Left as is, unknown to this session: {', '.join(unknown)}.")


def main() -> None:
    """Console entry point."""
    app()
