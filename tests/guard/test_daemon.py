"""The resident service: a real `guard daemon` process on a real Unix socket, used by the real CLI."""

from __future__ import annotations

import json
import os
import pty
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

GUARD = str(Path(sys.executable).with_name("guard"))
TEXT = "Bonjour, je suis Jean Dupont, tél 06 12 34 56 78, jean.dupont@acme.fr\n"

pytestmark = pytest.mark.model


def run(*args: str, env: dict[str, str], cwd: Path | None = None, stdin: bytes = TEXT.encode(), stderr=subprocess.PIPE):
    return subprocess.run(
        [GUARD, *args], input=stdin, stdout=subprocess.PIPE, stderr=stderr, env=env, cwd=cwd, timeout=300
    )


def status(env: dict[str, str]) -> dict | None:
    result = run("daemon", "status", "--json", env=env)
    return json.loads(result.stdout)


def stop_service(env: dict[str, str]) -> None:
    """Stop the service of this home, by its own pid if it does not answer."""
    state = status(env)
    run("daemon", "stop", env=env)
    if state:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and _alive(state["pid"]):
            time.sleep(0.1)
        if _alive(state["pid"]):
            os.kill(state["pid"], signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTGUARD_")}
    return {**env, "CLIENTGUARD_HOME": str(home)}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    """A service started with `guard daemon start` in its own home; stopped at the end."""
    home = tmp_path_factory.mktemp("service-home")
    env = _environment(home)
    started = run("daemon", "start", env=env)
    assert started.returncode == 0, started.stderr.decode()
    yield home, env
    stop_service(env)


def test_the_socket_is_private_to_its_user(service):
    home, env = service
    socket_file = home / "daemon.sock"
    assert stat.S_ISSOCK(socket_file.stat().st_mode)
    assert stat.S_IMODE(socket_file.stat().st_mode) == 0o600


def test_redact_goes_through_the_running_service(service):
    _, env = service
    before = status(env)["requests"]
    result = run("redact", env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == "Bonjour, je suis [PERSON_1], tél [PHONE_NUMBER_1], [EMAIL_ADDRESS_1]\n"
    assert status(env)["requests"] == before + 1
    # restore reads the vault the service wrote to
    restored = run("restore", env=env, stdin=result.stdout)
    assert restored.stdout.decode() == TEXT


def test_the_service_answers_with_the_callers_project_configuration(service, tmp_path):
    _, env = service
    (tmp_path / ".clientguard.toml").write_text('[policy]\nEMAIL_ADDRESS = "allow"\n', encoding="utf-8")
    result = run("redact", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "jean.dupont@acme.fr" in result.stdout.decode() and "Jean Dupont" not in result.stdout.decode()


def test_a_block_in_the_service_is_a_block_for_the_caller(service):
    _, env = service
    result = run("redact", "--policy", "PHONE_NUMBER=block", env=env)
    assert result.returncode == 3
    assert b"PHONE_NUMBER" in result.stderr and b"06 12" not in result.stderr
    assert result.stdout == b""


def test_without_the_service_the_cli_works_in_process(tmp_path):
    env = _environment(tmp_path)
    result = run("--no-daemon", "redact", env=env)
    assert result.returncode == 0
    assert "[PERSON_1]" in result.stdout.decode()
    assert status(env) is None


def test_a_stale_socket_is_replaced(tmp_path):
    env = _environment(tmp_path)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(tmp_path / "daemon.sock"))
    stale.close()  # the file stays, nobody listens: what a killed service leaves
    try:
        assert run("daemon", "start", env=env).returncode == 0
        assert status(env) is not None
    finally:
        stop_service(env)
    assert not (tmp_path / "daemon.sock").exists()


def test_a_killed_service_is_replaced_from_a_terminal_and_the_cli_still_answers(tmp_path):
    env = _environment(tmp_path)
    assert run("daemon", "start", env=env).returncode == 0
    os.kill(status(env)["pid"], signal.SIGKILL)
    time.sleep(0.2)
    # Without a terminal nothing is started: the command answers in-process.
    result = run("redact", env=env)
    assert result.returncode == 0 and "[PERSON_1]" in result.stdout.decode()
    assert status(env) is None
    # From a terminal, the command starts a new service in the background and uses it.
    primary, secondary = pty.openpty()
    try:
        result = run("redact", env=env, stderr=secondary)
    finally:
        os.close(secondary)
        os.close(primary)
    try:
        assert result.returncode == 0 and "[PERSON_1]" in result.stdout.decode()
        state = status(env)
        assert state is not None and state["requests"] == 1
    finally:
        stop_service(env)
