"""The `guard` command: redact and restore files, pipes and the clipboard.

Text goes to stdout, messages to stderr. Exit status: 0 done, 1 findings (`scan`), 2 usage or
input error, 3 blocked by policy.
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
from typing import TYPE_CHECKING, Any, Optional, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from guard.clipboard import read_clipboard, write_clipboard
from guard.current_session import clear_current_session, read_current_session, write_current_session
from guard.errors import BlockedError, ConfigError, GuardError, InputError, SessionError

if TYPE_CHECKING:
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
terms_app = typer.Typer(help="Your confidential terms (clients, brands, code names): add, list, remove.",
                        no_args_is_help=True)
app.add_typer(terms_app, name="terms")
config_app = typer.Typer(help="The effective configuration and where each value comes from.", no_args_is_help=True)
app.add_typer(config_app, name="config")
daemon_app = typer.Typer(help="The resident service that keeps the model loaded: start, stop, status.",
                         no_args_is_help=True)
app.add_typer(daemon_app, name="daemon")

stderr = Console(stderr=True, highlight=False, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])
EXIT_FINDINGS = 1
EXIT_INPUT_ERROR = 2
EXIT_BLOCKED = 3


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


@app.callback()
def options(
    ctx: typer.Context,
    client: Optional[str] = typer.Option(
        None, "--client", envvar="CLIENTGUARD_CLIENT", help="Client profile: its own sessions and values."
    ),
    no_daemon: bool = typer.Option(
        False, "--no-daemon", envvar="CLIENTGUARD_NO_DAEMON", help="Detect in this process, without the resident service."
    ),
) -> None:
    """Protect client data before pasting text into an AI tool, and restore it in the answer."""
    ctx.obj = client
    ctx.meta["no_daemon"] = no_daemon


SessionOption = typer.Option(None, "--session", help="Session (conversation) id; default: the current one.")
PolicyOption = typer.Option(
    None, "--policy", metavar="TYPE=ACTION", help="What to do with a type: redact, mask, block or allow (repeatable)."
)
StyleOption = typer.Option(None, "--style", help="Placeholders: 'tags' ([PERSON_1]) or 'surrogate' (fake values).")
SourceArgument = typer.Argument(None, help="File to read; '-' or nothing reads standard input.")
JsonOption = typer.Option(False, "--json", help="Machine-readable output.")


@app.command()
@friendly
def redact(
    ctx: typer.Context, source: Optional[str] = SourceArgument, session: Optional[str] = SessionOption,
    as_json: bool = JsonOption, policy: Optional[list[str]] = PolicyOption, style: Optional[str] = StyleOption,
) -> None:
    """Replace client data in FILE (or stdin) with placeholders; print the safe text."""
    guard = open_guard(ctx, policy, style)
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
    guard = _guard(client=ctx.obj)
    result = guard.restore_with_report(read_input(source), session or _required_session(guard))
    if as_json:
        _print_json({"text": result.text, "unknown_placeholders": list(result.unknown_placeholders)})
    else:
        sys.stdout.write(result.text)
        _report_unknown(result.unknown_placeholders)


@app.command()
@friendly
def clip(
    ctx: typer.Context, session: Optional[str] = SessionOption, policy: Optional[list[str]] = PolicyOption,
    style: Optional[str] = StyleOption,
) -> None:
    """Redact the clipboard in place: copy, run 'guard clip', paste into the AI tool."""
    guard = open_guard(ctx, policy, style)
    red = guard.redact(read_clipboard(), session_id=session or _live_current_session(guard))
    write_clipboard(red.text)
    write_current_session(red.session_id, guard.client)
    _report(red)


@app.command()
@friendly
def unclip(ctx: typer.Context, session: Optional[str] = SessionOption) -> None:
    """Restore the clipboard in place: copy the AI's answer, run 'guard unclip', paste."""
    guard = _guard(client=ctx.obj)
    result = guard.restore_with_report(read_clipboard(), session or _required_session(guard))
    write_clipboard(result.text)
    stderr.print("Clipboard restored.")
    _report_unknown(result.unknown_placeholders)


@app.command()
@friendly
def scan(
    ctx: typer.Context,
    files: list[Path] = typer.Argument(..., help="Files to check, e.g. from a pre-commit hook."),
    as_json: bool = JsonOption,
) -> None:
    """Report client data found in FILES (type and position, never the value); exit 1 if any."""
    guard = open_guard(ctx, None, None)
    findings = []
    for path in files:
        text = read_input(str(path))
        for entity in guard.analyze(text):
            line = text.count("\n", 0, entity.start) + 1
            column = entity.start - (text.rfind("\n", 0, entity.start) + 1) + 1
            findings.append({"file": str(path), "line": line, "column": column, "type": entity.type,
                             "score": round(entity.score, 2)})
    if as_json:
        _print_json(findings)
    else:
        for f in findings:
            print(f"{f['file']}:{f['line']}:{f['column']}: {f['type']} (score {f['score']})")
        stderr.print(f"{len(findings)} finding(s) in {len(files)} file(s).")
    if findings:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
@friendly
def demo() -> None:
    """Redact a bundled French client e-mail, then restore an AI-style answer to it."""
    from guard.demo import ai_style_answer

    sample = resources.files("guard").joinpath("samples", "email_client.txt").read_text(encoding="utf-8")
    guard = _guard()
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


@app.command()
@friendly
def ui(
    port: int = typer.Option(8765, "--port", help="Port of the local server."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Only make sure the server runs; print the address."),
) -> None:
    """Open the web page in your browser, starting the local server first if none is running."""
    from guard.ui import open_ui

    shown = open_ui(port=port, open_browser=not no_browser)
    if shown.started_pid is not None:
        stderr.print(f"Started the clientguard server (pid {shown.started_pid}, log {shown.log_path}); "
                     f"stop it with: kill {shown.started_pid}")
    if not no_browser and not shown.opened:
        stderr.print("No web browser could be opened from here: open this address in yours.")
    typer.echo(shown.url)


@session_app.command("new")
@friendly
def session_new(ctx: typer.Context) -> None:
    """Start a new conversation and make it current; print its id."""
    guard = _guard(client=ctx.obj)
    session_id = guard.new_session()
    write_current_session(session_id, guard.client)
    print(session_id)


@session_app.command("list")
@friendly
def session_list(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """List live conversations, most recent first."""
    guard = _guard(client=ctx.obj)
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
    guard = _guard(client=ctx.obj)
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


vault_app = typer.Typer(help="Manage the encrypted vault: rotate its key.", no_args_is_help=True)
app.add_typer(vault_app, name="vault")


@vault_app.command("rotate-key")
@friendly
def vault_rotate_key() -> None:
    """Re-encrypt the whole vault under a new random key; stop servers using it first."""
    import base64
    import os
    import secrets

    guard = _guard()
    new_key = secrets.token_bytes(32)
    encoded = base64.urlsafe_b64encode(new_key)
    if os.environ.get("CLIENTGUARD_KEY"):
        guard.vault.rotate_key(new_key)
        print(encoded.decode())
        stderr.print("Vault re-encrypted. Set CLIENTGUARD_KEY to the key printed above: the old one opens nothing now.")
        return
    # The new key is on disk before the vault needs it, and replaces the old file only once the vault is re-encrypted.
    staged = guard.settings.key_path.with_name(guard.settings.key_path.name + ".new")
    staged.unlink(missing_ok=True)
    with os.fdopen(os.open(staged, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as handle:
        handle.write(encoded + b"\n")
        handle.flush()
        os.fsync(handle.fileno())
    guard.vault.rotate_key(new_key)
    os.replace(staged, guard.settings.key_path)
    stderr.print(f"Vault re-encrypted under a new key, now in {guard.settings.key_path}.")


@terms_app.command("add")
@friendly
def terms_add(
    ctx: typer.Context,
    value: str = typer.Argument(..., help="The term, e.g. \"Projet Phénix\"."),
    alias: Optional[list[str]] = typer.Option(None, "--alias", help="Another way of writing it (repeatable)."),
    entity_type: str = typer.Option("CLIENT_TERM", "--type", help="Type of its placeholder, e.g. ORGANIZATION."),
) -> None:
    """Add a confidential term to your configuration (or to the --client profile's)."""
    from guard.config_file import add_term
    from guard.terms import parse_terms

    [term] = parse_terms([{"value": value, "aliases": alias or [], "type": entity_type.upper()}], "the command line")
    path = add_term(term, ctx.obj)
    where = f"client profile '{ctx.obj}'" if ctx.obj else "your terms"
    stderr.print(f"Added to {where} in {path} ({len(term.aliases)} alias(es), type {term.type}).")


@terms_app.command("list")
@friendly
def terms_list(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """List the terms in force: your own, the project's and the --client profile's."""
    from guard.config import Settings

    terms = Settings.load().for_client(ctx.obj).terms
    if as_json:
        _print_json([{"value": t.value, "aliases": list(t.aliases), "type": t.type} for t in terms])
        return
    table = Table("term", "aliases", "type")
    for term in terms:
        table.add_row(term.value, ", ".join(term.aliases), term.type)
    Console().print(table)


@terms_app.command("remove")
@friendly
def terms_remove(ctx: typer.Context, value: str = typer.Argument(..., help="The term or one of its aliases.")) -> None:
    """Remove a term from your configuration (or from the --client profile's)."""
    from guard.config_file import remove_term, user_config_path

    if not remove_term(value, ctx.obj):
        raise InputError(f"No such term in {user_config_path()} (a project file's terms are edited there).")
    stderr.print("Term removed.")


@config_app.command("show")
@friendly
def config_show(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """Print the effective configuration and where each value came from."""
    from guard.config import Settings, config_files

    settings = Settings.load().for_client(ctx.obj)
    rows = [
        {"setting": name, "value": _shown(getattr(settings, name)), "origin": settings.origins.get(name, "default")}
        for name in sorted(f for f in vars(settings) if f != "origins")
    ]
    if as_json:
        _print_json({"client": ctx.obj, "files": [str(p) for p in config_files()], "settings": rows})
        return
    table = Table("setting", "value", "from")
    for row in rows:
        table.add_row(row["setting"], json.dumps(row["value"], ensure_ascii=False), row["origin"])
    Console(soft_wrap=True).print(table)
    user_file, project_file = config_files()
    stderr.print(f"Files: {user_file} (user), {project_file} (project); client profile: {ctx.obj or 'none'}.")


def _shown(value: Any) -> Any:
    """A setting as JSON-friendly data."""
    from dataclasses import asdict, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        return _shown(asdict(value))
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _shown(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_shown(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


@daemon_app.command("start")
@friendly
def daemon_start() -> None:
    """Start the resident service in the background (it exits after the idle time)."""
    from guard import daemon
    from guard.paths import socket_path

    if not daemon.start():
        raise GuardError("The resident service did not start; commands still work without it (--no-daemon).")
    stderr.print(f"Service running on {socket_path()}.")


@daemon_app.command("stop")
@friendly
def daemon_stop() -> None:
    """Stop the resident service."""
    from guard import daemon

    stderr.print("Service stopped." if daemon.stop() else "No service was running.")


@daemon_app.command("status")
@friendly
def daemon_status(as_json: bool = JsonOption) -> None:
    """Whether the resident service runs; its pid, uptime and requests served. Exit 1 if not."""
    from guard import daemon

    state = daemon.status()
    if as_json:
        _print_json(state)
    elif state:
        print(f"running: pid {state['pid']}, up {state['uptime_s']:.0f} s, {state['requests']} request(s), "
              f"socket {state['socket']}")
    else:
        print("not running")
    if not state:
        raise typer.Exit(1)


def _guard(**options: Any) -> Guard:
    """A Guard built here; the pipeline is imported on first use, so `guard --help` stays instant."""
    from guard.pipeline import Guard

    return Guard(**options)


def open_guard(ctx: typer.Context, policy: list[str] | None = None, style: str | None = None) -> Guard:
    """The Guard a command works with: the `--client` profile, plus the command's own options.

    Detection goes through the resident service (`guard daemon`) when it runs; the `guard`
    command starts it on first use unless `--no-daemon` or the `daemon` setting says no.
    """
    from guard.daemon import resident_guard

    options = {"client": ctx.obj, "policy": parse_policy(policy or []), "placeholder_style": style}
    return resident_guard(options, allowed=not ctx.meta.get("no_daemon"), auto_start=_AUTO_START_DAEMON)


#: Only the `guard` command run from a terminal starts the service; scripts, hooks and the app
#: embedded elsewhere use it when it runs but never leave a background process behind.
_AUTO_START_DAEMON = False


def parse_policy(items: list[str]) -> dict[str, str]:
    """`--policy SECRET=block` options as a policy table, checked like the configuration's."""
    from guard.config import coerce_policy

    table: dict[str, str] = {}
    for item in items:
        entity_type, equals, action = item.partition("=")
        if not equals:
            raise ConfigError(f"--policy takes TYPE=ACTION, e.g. --policy SECRET=block; got {item!r}.")
        table[entity_type.strip().upper()] = action.strip().lower()
    return coerce_policy(table, "--policy")


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
    global _AUTO_START_DAEMON
    _AUTO_START_DAEMON = sys.stderr.isatty()  # a person at a terminal; scripts and hooks start nothing
    app()
