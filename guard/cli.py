"""The `guard` command: redact and restore files, pipes and the clipboard.

Text goes to stdout, messages to stderr. Exit status: 0 done, 1 findings (`scan`), 2 usage or
input error, 3 blocked by policy. The management sub-commands live in `guard.cli_manage`, what
all commands share in `guard.cli_common`.
"""

from __future__ import annotations

import sys
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.console import Console

from guard.cli_common import (
    EXIT_FINDINGS,
    JsonOption,
    friendly,
    live_current_session,
    local_guard,
    print_json,
    read_input,
    required_session,
    stderr,
)
from guard.cli_manage import config_app, daemon_app, session_app, terms_app, vault_app
from guard.clipboard import read_clipboard, write_clipboard
from guard.current_session import write_current_session
from guard.errors import ConfigError

if TYPE_CHECKING:
    from guard.pipeline import Guard, Redaction

app = typer.Typer(
    help="Protect client data before pasting text into an AI tool, and restore it in the answer.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
# Registered in the order `guard --help` lists them, after the commands below.
app.add_typer(session_app, name="session")
app.add_typer(terms_app, name="terms")
app.add_typer(config_app, name="config")
app.add_typer(daemon_app, name="daemon")
app.add_typer(vault_app, name="vault")


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


@app.command()
@friendly
def redact(
    ctx: typer.Context, source: Optional[str] = SourceArgument, session: Optional[str] = SessionOption,
    as_json: bool = JsonOption, policy: Optional[list[str]] = PolicyOption, style: Optional[str] = StyleOption,
) -> None:
    """Replace client data in FILE (or stdin) with placeholders; print the safe text."""
    guard = open_guard(ctx, policy, style)
    red = guard.redact(read_input(source), session_id=session or live_current_session(guard))
    write_current_session(red.session_id, guard.client)
    if as_json:
        print_json(_redaction_json(red))
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
    guard = local_guard(client=ctx.obj)
    result = guard.restore_with_report(read_input(source), session or required_session(guard))
    if as_json:
        print_json({"text": result.text, "unknown_placeholders": list(result.unknown_placeholders)})
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
    red = guard.redact(read_clipboard(), session_id=session or live_current_session(guard))
    write_clipboard(red.text)
    write_current_session(red.session_id, guard.client)
    _report(red)


@app.command()
@friendly
def unclip(ctx: typer.Context, session: Optional[str] = SessionOption) -> None:
    """Restore the clipboard in place: copy the AI's answer, run 'guard unclip', paste."""
    guard = local_guard(client=ctx.obj)
    result = guard.restore_with_report(read_clipboard(), session or required_session(guard))
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
        print_json(findings)
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
    guard = local_guard()
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


def _redaction_json(red: Redaction) -> dict[str, Any]:
    entities = [{"type": e.type, "start": e.start, "end": e.end, "placeholder": e.placeholder} for e in red.entities]
    return {"text": red.text, "session_id": red.session_id, "entities": entities}


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
