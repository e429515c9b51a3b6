"""The CLI side of terms, profiles, policy, scan and `config show`, in real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guard.cli import app

pytestmark = pytest.mark.model

GUARD = str(Path(sys.executable).with_name("guard"))
KEY = "sk-proj-" + "Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ3"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def guard(*args: str, stdin: str = "", cwd: Path | None = None) -> Run:
    """`guard ARGS` in this process (the model loads once for the module), from `cwd` if given."""
    previous = Path.cwd()
    os.chdir(cwd or previous)
    try:
        result = CliRunner().invoke(app, list(args), input=stdin)
    finally:
        os.chdir(previous)
    return Run(result.exit_code, result.stdout, result.stderr)


def test_a_blocked_secret_exits_3_and_prints_nothing_in_a_real_process():
    result = subprocess.run(
        [GUARD, "redact", "--policy", "SECRET=block"], input=f"clé : {KEY}", capture_output=True, text=True,
        env=os.environ.copy(), timeout=120,
    )
    assert (result.returncode, result.stdout) == (3, "")


def test_a_blocked_secret_exits_3_names_type_and_position_and_prints_no_text():
    result = guard("redact", "--policy", "SECRET=block", stdin=f"Bonjour,\nclé : {KEY}\n")
    assert result.returncode == 3
    assert result.stdout == ""
    assert "SECRET" in result.stderr and "line 2" in result.stderr and KEY not in result.stderr


def test_a_bad_policy_option_is_a_usage_error_listing_the_actions():
    result = guard("redact", "--policy", "SECRET=shred", stdin="x")
    assert result.returncode == 2 and "redact, mask, block, allow" in result.stderr


def test_terms_added_on_the_command_line_are_redacted_then_removed(isolated_home):
    added = guard("terms", "add", "Projet Phénix", "--alias", "Phenix")
    assert added.returncode == 0, added.stderr
    assert (isolated_home / "config.toml").stat().st_mode & 0o077 == 0  # client names: owner only
    listed = json.loads(guard("terms", "list", "--json").stdout)
    assert listed == [{"value": "Projet Phénix", "aliases": ["Phenix"], "type": "CLIENT_TERM"}]
    red = guard("redact", stdin="Le projet phénix, dit Phenix.")
    assert red.stdout == "Le [CLIENT_TERM_1], dit [CLIENT_TERM_1]."
    assert guard("terms", "remove", "phenix").returncode == 0  # by alias, any case
    assert json.loads(guard("terms", "list", "--json").stdout) == []
    missing = guard("terms", "remove", "Phenix")
    assert missing.returncode == 2 and "No such term" in missing.stderr


def test_a_client_profile_gets_its_own_terms_and_sessions(isolated_home):
    assert guard("--client", "acme", "terms", "add", "Orion").returncode == 0
    text = "Le code Orion."
    assert guard("--client", "acme", "redact", stdin=text).stdout == "Le code [CLIENT_TERM_1]."
    assert "Orion" in guard("--client", "globex", "redact", stdin=text).stdout
    restored = guard("--client", "globex", "restore", stdin="[CLIENT_TERM_1]")
    assert "Orion" not in restored.stdout


def test_config_show_says_where_each_value_comes_from(isolated_home, tmp_path):
    (isolated_home / "config.toml").write_text("session_ttl_days = 7\n[policy]\nSECRET = 'block'\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / ".clientguard.toml").write_text("[policy]\nCREDIT_CARD = 'mask'\n", encoding="utf-8")
    shown = json.loads(guard("config", "show", "--json", cwd=project).stdout)
    rows = {row["setting"]: row for row in shown["settings"]}
    assert rows["session_ttl_days"]["value"] == 7.0
    assert rows["session_ttl_days"]["origin"] == str(isolated_home / "config.toml")
    assert rows["policy"]["value"] == {"SECRET": "block", "CREDIT_CARD": "mask"}
    assert rows["policy"]["origin"] == f"{isolated_home / 'config.toml'} + {project / '.clientguard.toml'}"
    assert rows["max_chars"]["origin"] == "default"


def test_a_malformed_configuration_names_the_file_the_line_and_the_key(isolated_home):
    path = isolated_home / "config.toml"
    path.write_text("# mine\nsession_ttl_days = 7\nmax_chars = 'many'\n", encoding="utf-8")
    result = guard("config", "show")
    assert result.returncode == 2
    assert f"{path}, line 3" in result.stderr and "max_chars" in result.stderr
    path.write_text("session_ttl_days = = 7\n", encoding="utf-8")
    broken = guard("redact", stdin="x")
    assert broken.returncode == 2 and str(path) in broken.stderr and "line 1" in broken.stderr


def test_scan_reports_types_and_positions_never_values_and_exits_1(tmp_path):
    dirty, clean = tmp_path / "dirty.txt", tmp_path / "clean.txt"
    dirty.write_text("ok\nmail: jean.dupont@acme.fr\n", encoding="utf-8")
    clean.write_text("Rien à signaler ici.\n", encoding="utf-8")
    result = guard("scan", str(dirty), str(clean))
    assert result.returncode == 1
    assert f"{dirty}:2:7: EMAIL_ADDRESS" in result.stdout and "jean.dupont" not in result.stdout + result.stderr
    assert guard("scan", str(clean)).returncode == 0
