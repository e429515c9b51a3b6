"""Fixtures shared by the whole suite: no test ever reads or writes the real user's files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """CLIENTGUARD_HOME is this test's tmp_path, and no other CLIENTGUARD_* variable is set.

    Everything clientguard writes (config, vault, key, current session) lands in the returned
    directory; a key, API key or vault path set in the developer's shell never leaks into a test.
    """
    for name in list(os.environ):
        if name.startswith("CLIENTGUARD_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("CLIENTGUARD_HOME", str(tmp_path))
    return tmp_path
