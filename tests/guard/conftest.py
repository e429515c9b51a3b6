"""Fixtures for tests that run the real French model (marked `model`)."""

from __future__ import annotations

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
