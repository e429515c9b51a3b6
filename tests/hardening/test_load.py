"""Load and faults against a real `guard serve` on 127.0.0.1: the bounded CI form of benchmarks/load.py.

20 clients for about 20 s, each with its own conversations and values, check every round trip
exactly (so a value from another session would show); then the server is killed with SIGKILL while
clients write, restarted on the same vault, and every message whose redaction had been answered
must still restore. LOAD_CLIENTS and LOAD_SECONDS scale it up.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import statistics
import sys
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.model

CLIENTS = int(os.environ.get("LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "20"))


def _load_benchmark() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "load.py"
    spec = importlib.util.spec_from_file_location("load_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


load = _load_benchmark()


@pytest.fixture(scope="module")
def server(server_factory):  # type: ignore[no-untyped-def]
    server = server_factory("load-home")
    load.run_load(server.url, 2, 3)  # warm-up: first requests build caches, not leaks
    return server


def test_many_clients_at_once_get_every_round_trip_exact_with_flat_memory(server) -> None:  # type: ignore[no-untyped-def]
    tally, samples = load.run_load(server.url, CLIENTS, SECONDS, server.rss_bytes)
    assert tally.errors == []
    assert tally.mixed == 0
    assert len(tally.committed) >= CLIENTS  # every client got through at least once
    third = max(1, len(samples) // 3)
    early, late = statistics.median(samples[:third]), statistics.median(samples[-third:])
    assert late - early < 64 * 2**20, f"RSS {early / 2**20:.0f} MiB -> {late / 2**20:.0f} MiB"


def test_a_server_killed_mid_load_loses_no_committed_mapping(server) -> None:  # type: ignore[no-untyped-def]
    committed, lost, errors_before = load.kill_mid_load(
        server.start, lambda: server.stop(signal.SIGKILL), server.url, CLIENTS, min(8.0, SECONDS / 2)
    )
    assert errors_before == 0
    assert committed > 0 and lost == 0
    assert "Traceback" not in server.log_text()
