"""Fixtures for tests that run the real French model (marked `model`)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from guard import Guard, Vault


@pytest.fixture
def guard_memory() -> Guard:
    """A Guard over an in-memory vault; the analyzer itself is loaded once per process."""
    return Guard(vault=Vault.in_memory())


@pytest.fixture
def guard_file() -> Guard:
    """A Guard over the real SQLite vault in this test's CLIENTGUARD_HOME."""
    return Guard()


@pytest.fixture(scope="module")
def display():
    """A private virtual X display for this module's tests."""
    if not (shutil.which("Xvfb") and shutil.which("xclip")):
        pytest.fail("Xvfb and xclip are required (the README's test command installs them).")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)
