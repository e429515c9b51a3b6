"""Everything works with no network: import, model load, analyze, redact, restore."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

GUARD = str(Path(sys.executable).with_name("guard"))
TEXT = "Jean Dupont (jean.dupont@acme.fr, https://acme.fr/contact) : SIRET 732 829 320 00074."

NO_NETWORK = textwrap.dedent(
    """
    import socket
    attempts = []
    def refuse(*args, **kwargs):
        attempts.append(args[:1])
        raise OSError("network disabled by the test")
    socket.socket.connect = socket.socket.connect_ex = refuse
    socket.create_connection = socket.getaddrinfo = refuse
    """
)


def test_whole_pipeline_makes_no_network_attempt(tmp_path):
    script = NO_NETWORK + textwrap.dedent(
        f"""
        from guard import Guard
        guard = Guard()
        red = guard.redact({TEXT!r})
        assert "jean.dupont@acme.fr" not in red.text and "732 829 320" not in red.text
        assert guard.restore(red.text, red.session_id) == {TEXT!r}
        print("network attempts:", len(attempts))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "network attempts: 0" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not shutil.which("unshare") or os.geteuid() != 0, reason="needs root for a network namespace")
def test_cli_round_trip_in_a_namespace_without_network(isolated_home):
    env = os.environ.copy()
    redact = subprocess.run(["unshare", "-n", GUARD, "redact"], input=TEXT.encode(), capture_output=True, env=env, timeout=300)
    assert redact.returncode == 0, redact.stderr
    assert b"Traceback" not in redact.stderr and b"jean.dupont" not in redact.stdout
    restore = subprocess.run(["unshare", "-n", GUARD, "restore"], input=redact.stdout, capture_output=True, env=env, timeout=300)
    assert restore.stdout.decode() == TEXT
