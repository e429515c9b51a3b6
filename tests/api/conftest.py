"""Fixtures for the REST API tests: one app per module, over a Guard that needs no model.

`RegexGuard` finds e-mail addresses with a regular expression instead of the French model, so the
routes, errors and vault behaviour are tested in milliseconds; the real pipeline is exercised by
test_server.py (marked `model`) through a real uvicorn process.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from guard import Entity, Guard, Settings, Vault
from guard.api import ApiSettings, create_app

API_KEY = "test-key-0123456789abcdef"
LOCAL = "http://127.0.0.1:8765"  # without a key the API serves only requests addressed to loopback

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class RegexGuard(Guard):
    """A Guard whose analyzer is one regular expression (e-mail addresses): no model to load."""

    def _detect(self, text: str, settings: Settings) -> list[Entity]:
        return [Entity("EMAIL_ADDRESS", m.start(), m.end(), 1.0, m.group()) for m in _EMAIL.finditer(text)]


def isolated_settings(home: Path) -> Settings:
    """Settings whose files all live in `home` (module fixtures run before the per-test home is set)."""
    return Settings(vault_path=home / "vault.db", key_path=home / "vault.key")


@pytest.fixture(scope="module")
def module_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A CLIENTGUARD_HOME for module-scoped fixtures, with no other CLIENTGUARD_* variable set."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("CLIENTGUARD_"):
                patch.delenv(name)
        patch.setenv("CLIENTGUARD_HOME", str(home))
        yield home


@pytest.fixture(scope="module")
def regex_guard(module_home: Path) -> RegexGuard:
    """One model-free Guard over an in-memory vault, shared by the module's apps."""
    return RegexGuard(settings=isolated_settings(module_home), vault=Vault.in_memory())


@pytest.fixture(scope="module")
def client(regex_guard: RegexGuard) -> Iterator[TestClient]:
    """The API with no key, as served on loopback; lifespan run once for the module."""
    with TestClient(create_app(regex_guard, settings=ApiSettings()), base_url=LOCAL) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def api_key() -> str:
    """The key `keyed_client`'s app requires."""
    return API_KEY


@pytest.fixture(scope="module")
def keyed_client(regex_guard: RegexGuard) -> Iterator[TestClient]:
    """The API with an API key configured; requests carry no key unless a test adds it."""
    with TestClient(create_app(regex_guard, settings=ApiSettings(api_key=API_KEY))) as test_client:
        yield test_client
