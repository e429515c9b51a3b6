"""The `guard` launcher: whole commands run in the resident service, as if run by the caller.

A real service (`guard daemon start`) in its own home, driven by the real `guard` console script
in fresh processes; the service's request count tells whether a command went through it.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from guard.launcher import runs_here

GUARD = str(Path(sys.executable).with_name("guard"))
TEXT = "Bonjour, je suis Jean Dupont, tél 06 12 34 56 78, jean.dupont@acme.fr\n"
REDACTED = "Bonjour, je suis [PERSON_1], tél [PHONE_NUMBER_1], [EMAIL_ADDRESS_1]\n"


def run(*args: str, env: dict[str, str], cwd: Path | None = None, stdin: bytes | None = TEXT.encode()):
    return subprocess.run([GUARD, *args], input=stdin, capture_output=True, env=env, cwd=cwd, timeout=300)


def served(env: dict[str, str]) -> int:
    """How many requests the service has answered (`guard daemon status` runs in-process)."""
    out = run("daemon", "status", "--json", env=env, stdin=None).stdout
    return int(json.loads(out)["requests"])


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    """A service started without a DISPLAY, in its own home; stopped (or killed) at the end."""
    home = tmp_path_factory.mktemp("launcher-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTGUARD_") and k != "DISPLAY"}
    env["CLIENTGUARD_HOME"] = str(home)
    assert run("daemon", "start", env=env).returncode == 0
    pid = json.loads(run("daemon", "status", "--json", env=env).stdout)["pid"]
    yield home, env
    run("daemon", "stop", env=env)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.mark.parametrize(
    ("argv", "here"),
    [
        (["redact"], False),
        (["--client", "daemon", "redact", "x.txt"], False),  # a profile named like a command
        (["clip"], False),
        (["daemon", "status"], True),
        (["serve"], True),
        (["ui"], True),
        (["--no-daemon", "redact"], True),
        (["redact", "--help"], True),
        ([], True),
    ],
)
def test_which_commands_stay_in_the_callers_process(argv, here):
    assert runs_here(argv, {}) is here


def test_the_no_daemon_variable_keeps_every_command_here():
    assert runs_here(["redact"], {"CLIENTGUARD_NO_DAEMON": "1"}) is True
    assert runs_here(["redact"], {"CLIENTGUARD_NO_DAEMON": "0"}) is False


def test_the_launcher_imports_nothing_heavy():
    code = "import sys, guard.launcher; print(sorted(m for m in sys.modules if m.split('.')[0] in " \
           "{'typer', 'rich', 'cryptography', 'spacy', 'presidio_analyzer', 'pydantic'} or m == 'guard.pipeline'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.model
def test_redact_and_restore_run_in_the_service(service):
    _, env = service
    before = served(env)
    redacted = run("redact", env=env)
    assert redacted.returncode == 0, redacted.stderr.decode()
    assert redacted.stdout.decode() == REDACTED
    assert b"3 value(s) replaced" in redacted.stderr
    restored = run("restore", env=env, stdin=redacted.stdout)
    assert restored.stdout.decode() == TEXT
    assert served(env) == before + 2


@pytest.mark.model
def test_a_file_is_read_from_the_callers_directory(service, tmp_path):
    _, env = service
    (tmp_path / "brief.txt").write_text(TEXT, encoding="utf-8")
    before = served(env)
    result = run("redact", "brief.txt", env=env, cwd=tmp_path, stdin=None)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode() == REDACTED
    assert served(env) == before + 1
    missing = run("redact", "absent.txt", env=env, cwd=tmp_path, stdin=None)
    assert missing.returncode == 2 and b"No such file: absent.txt" in missing.stderr


@pytest.mark.model
def test_user_mistakes_keep_their_message_and_exit_status(service):
    _, env = service
    not_utf8 = run("redact", env=env, stdin=b"caf\xe9 Jean Dupont\n")
    assert not_utf8.returncode == 2 and b"not UTF-8" in not_utf8.stderr and b"Traceback" not in not_utf8.stderr
    wrong_session = run("restore", "--session", "nope", env=env)
    assert wrong_session.returncode == 2 and b"No session" in wrong_session.stderr
    blocked = run("redact", "--policy", "PHONE_NUMBER=block", env=env)
    assert blocked.returncode == 3 and blocked.stdout == b"" and b"06 12" not in blocked.stderr
    unknown = run("bogus", env=env)
    assert unknown.returncode == 2 and b"No such command" in unknown.stderr


@pytest.mark.model
def test_a_command_that_reads_no_input_does_not_wait_for_it(service):
    """`guard session list` from a script whose standard input never closes."""
    _, env = service
    process = subprocess.Popen([GUARD, "session", "list", "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               env=env)
    try:
        assert process.wait(timeout=60) == 0
        assert isinstance(json.loads(process.stdout.read()), list)
    finally:
        process.kill()
        process.stdin.close()
        process.stdout.close()


@pytest.mark.model
def test_a_project_that_says_no_service_runs_here(service, tmp_path):
    _, env = service
    (tmp_path / ".clientguard.toml").write_text("daemon = false\n", encoding="utf-8")
    before = served(env)
    result = run("redact", env=env, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.decode() == REDACTED
    assert served(env) == before + 1  # the refusal only: the redaction ran in the caller's process


@pytest.mark.model
def test_a_service_of_another_installation_sends_the_command_back(service):
    home, _ = service
    request = {"method": "cli", "argv": ["session", "new"], "cwd": "/", "env": {"CLIENTGUARD_HOME": str(home)},
               "build": "another python|another place|0"}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(30)
        sock.connect(str(home / "daemon.sock"))
        sock.sendall(json.dumps(request).encode() + b"\n")
        answer = json.loads(sock.makefile("rb").readline())
    assert answer == {"result": {"local": True}}


@pytest.mark.model
def test_clip_in_the_service_uses_the_callers_display(service, display):
    """The service started without a DISPLAY; the caller's clipboard is the one redacted."""
    _, env = service
    caller = {**env, "DISPLAY": display}
    subprocess.run(["xclip", "-selection", "clipboard", "-i"], input=TEXT.encode(), env=caller, check=True)
    before = served(env)
    clip = run("clip", env=caller, stdin=None)
    assert clip.returncode == 0, clip.stderr.decode()
    out = subprocess.run(["xclip", "-selection", "clipboard", "-o"], capture_output=True, env=caller, check=True)
    assert out.stdout.decode() == REDACTED
    assert served(env) == before + 1


@pytest.mark.model
def test_stdin_sent_to_a_failing_service_is_not_lost(tmp_path):
    """A service that takes the input and dies: the command runs here, on the same input."""
    home = tmp_path
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIENTGUARD_")}
    env["CLIENTGUARD_HOME"] = str(home)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(home / "daemon.sock"))
    listener.listen(1)
    process = subprocess.Popen([GUARD, "redact"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
    with listener:
        connection, _ = listener.accept()
        with connection:
            connection.makefile("rb").readline()
            connection.sendall(b'{"need": "stdin"}\n')
            process.stdin.write(TEXT.encode())
            process.stdin.close()
            sent = json.loads(connection.makefile("rb").readline())
            assert base64.b64decode(sent["stdin"]) == TEXT.encode()
    assert process.wait(timeout=300) == 0, process.stderr.read().decode()
    assert process.stdout.read().decode() == REDACTED
