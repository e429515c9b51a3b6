"""The `guard` command, driven as users drive it: CliRunner for options, real processes for state."""

from __future__ import annotations

import json
from importlib import resources
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from guard.cli import app

pytestmark = pytest.mark.model

GUARD = str(Path(sys.executable).with_name("guard"))
SAMPLE = "Jean Dupont, jean.dupont@acme.fr, 06 12 34 56 78, SIRET 732 829 320 00074"
VALUES = ["Jean Dupont", "jean.dupont@acme.fr", "06 12 34 56 78", "732 829 320 00074"]
runner = CliRunner()


def run_guard(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([GUARD, *args], input=stdin, capture_output=True, env=env or os.environ.copy(), timeout=120)


def test_redact_in_one_process_and_restore_in_another(tmp_path):
    red = run_guard("redact", stdin=SAMPLE.encode())
    assert red.returncode == 0, red.stderr
    assert [v for v in VALUES if v.encode() in red.stdout] == []
    assert b"value(s) replaced" in red.stderr  # messages go to stderr, text to stdout
    (tmp_path / "answer.txt").write_bytes(red.stdout)
    back = run_guard("restore", str(tmp_path / "answer.txt"))
    assert back.returncode == 0, back.stderr
    assert back.stdout.decode() == SAMPLE


def test_guard_runs_from_any_directory(tmp_path):
    result = subprocess.run([GUARD, "redact", "-"], input=b"jean.dupont@acme.fr", capture_output=True, cwd="/")
    assert result.stdout == b"[EMAIL_ADDRESS_1]"


def test_successive_redactions_share_the_current_session():
    first = runner.invoke(app, ["redact"], input="Écrire à jean.dupont@acme.fr")
    second = runner.invoke(app, ["redact"], input="Relancer jean.dupont@acme.fr et paul@acme.fr")
    assert first.stdout == "Écrire à [EMAIL_ADDRESS_1]"
    assert second.stdout == "Relancer [EMAIL_ADDRESS_1] et [EMAIL_ADDRESS_2]"


def test_session_new_starts_fresh_numbering_and_purge_forgets():
    runner.invoke(app, ["redact"], input="paul@acme.fr")
    new = runner.invoke(app, ["session", "new"])
    assert new.exit_code == 0 and len(new.stdout.strip()) >= 32
    red = runner.invoke(app, ["redact"], input="jean.dupont@acme.fr")
    assert red.stdout == "[EMAIL_ADDRESS_1]"
    listed = json.loads(runner.invoke(app, ["session", "list", "--json"]).stdout)
    assert [s["current"] for s in listed].count(True) == 1 and len(listed) == 2
    assert runner.invoke(app, ["session", "purge"]).exit_code == 0
    restored = runner.invoke(app, ["restore", "--session", new.stdout.strip()], input=red.stdout)
    assert restored.exit_code == 2 and "jean.dupont" not in restored.output


def test_json_output_lists_entities_with_placeholders():
    result = runner.invoke(app, ["redact", "--json"], input="Mail : jean.dupont@acme.fr")
    data = json.loads(result.stdout)
    assert data["text"] == "Mail : [EMAIL_ADDRESS_1]"
    assert data["entities"] == [{"type": "EMAIL_ADDRESS", "start": 7, "end": 26, "placeholder": "[EMAIL_ADDRESS_1]"}]


def test_restore_reports_unknown_placeholders_on_stderr():
    runner.invoke(app, ["redact"], input="jean.dupont@acme.fr")
    result = run_guard("restore", stdin=b"[EMAIL_ADDRESS_1] [PERSON_9]")
    assert result.stdout == b"jean.dupont@acme.fr [PERSON_9]"
    assert b"[PERSON_9]" in result.stderr


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["redact"], b"caf\xe9 latin-1", b"not UTF-8"),
        (["redact", "/no/such/file.txt"], b"", b"No such file"),
        (["redact", "/"], b"", b"is a directory"),
        (["restore"], b"[PERSON_1]", b"No current session"),
        (["restore", "--session", "forged-id"], b"[PERSON_1]", b"No session"),
    ],
)
def test_user_mistakes_exit_2_with_a_message_and_no_traceback(args, stdin, message):
    result = run_guard(*args, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert b"Traceback" not in result.stderr and result.stdout == b""


def test_corrupted_vault_is_a_clear_error_and_is_left_untouched(isolated_home):
    vault = isolated_home / "vault.db"
    vault.write_bytes(b"\x00garbage" * 512)
    result = run_guard("redact", stdin=b"jean.dupont@acme.fr")
    assert result.returncode == 2 and b"not a readable clientguard vault" in result.stderr
    assert b"Traceback" not in result.stderr
    assert vault.read_bytes() == b"\x00garbage" * 512


def test_demo_prints_a_redacted_sample_and_its_restoration():
    result = run_guard("demo")
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr
    redacted = out.split("Redacted (safe to paste)")[1].split("AI answer, as received")[0]
    restored = out.split("AI answer, restored")[1]
    assert "jp.martin@atelier-martin.fr" not in redacted and "[EMAIL_ADDRESS_1]" in redacted
    assert "jp.martin@atelier-martin.fr" in restored and "\\[EMAIL" not in restored
    sample = resources.files("guard").joinpath("samples", "email_client.txt").read_text(encoding="utf-8")
    assert sample.rstrip("\n") in out  # printed verbatim, never re-wrapped to the terminal width


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _commands(get_command(app))], ids=" ".join)
def test_every_command_has_help(path):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    command = dict(_commands(get_command(app)))[path]
    assert command.help and len(command.help) > 20
