"""The `guard` management commands: sessions, terms, configuration, the resident service, the vault.

Each sub-app is registered on the main `app` by `guard.cli`, in the order `guard --help` lists them.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from guard.cli_common import JsonOption, friendly, local_guard, print_json, required_session, stderr
from guard.current_session import clear_current_session, read_current_session, write_current_session
from guard.errors import GuardError, InputError

session_app = typer.Typer(help="Manage conversations (sessions): new, list, purge.", no_args_is_help=True)
terms_app = typer.Typer(help="Your confidential terms (clients, brands, code names): add, list, remove.",
                        no_args_is_help=True)
config_app = typer.Typer(help="The effective configuration and where each value comes from.", no_args_is_help=True)
daemon_app = typer.Typer(help="The resident service that keeps the model loaded: start, stop, status.",
                         no_args_is_help=True)
vault_app = typer.Typer(help="Manage the encrypted vault: rotate its key.", no_args_is_help=True)


@session_app.command("new")
@friendly
def session_new(ctx: typer.Context) -> None:
    """Start a new conversation and make it current; print its id."""
    guard = local_guard(client=ctx.obj)
    session_id = guard.new_session()
    write_current_session(session_id, guard.client)
    print(session_id)


@session_app.command("list")
@friendly
def session_list(ctx: typer.Context, as_json: bool = JsonOption) -> None:
    """List live conversations, most recent first."""
    guard = local_guard(client=ctx.obj)
    current = read_current_session(guard.client)
    sessions = guard.vault.sessions()
    if as_json:
        print_json([{**vars(s), "current": s.id == current} for s in sessions])
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
    guard = local_guard(client=ctx.obj)
    if purge_all:
        count = guard.vault.purge_all()
        clear_current_session(guard.client)
        stderr.print(f"Purged {count} session(s).")
        return
    target = session_id or required_session(guard)
    guard.vault.purge(target)
    if target == read_current_session(guard.client):
        clear_current_session(guard.client)
    stderr.print("Session purged.")


@vault_app.command("rotate-key")
@friendly
def vault_rotate_key() -> None:
    """Re-encrypt the whole vault under a new random key; stop servers using it first."""
    import base64
    import os
    import secrets

    guard = local_guard()
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
        print_json([{"value": t.value, "aliases": list(t.aliases), "type": t.type} for t in terms])
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
        print_json({"client": ctx.obj, "files": [str(p) for p in config_files()], "settings": rows})
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
        print_json(state)
    elif state:
        print(f"running: pid {state['pid']}, up {state['uptime_s']:.0f} s, {state['requests']} request(s), "
              f"socket {state['socket']}")
    else:
        print("not running")
    if not state:
        raise typer.Exit(1)
