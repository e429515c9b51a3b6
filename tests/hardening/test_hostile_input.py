"""Hostile input in linear time: every recognizer and restore, on inputs built to make regexes backtrack.

The inputs are benchmarks/hostile.py's (long digit runs, repeated separators, near-miss identifiers,
endless e-mails and URLs, half-written placeholders). A linear matcher takes about 8 times as long on
16 KB as on 2 KB; catastrophic backtracking takes 64 times (quadratic) or never ends. The benchmark
itself measures time per MB from 10 KB to 10 MB; this is its bounded CI form.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest


def _load_benchmark() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "hostile.py"
    spec = importlib.util.spec_from_file_location("hostile_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


hostile = _load_benchmark()
RUNNERS = {**hostile.recognizer_runners(), **hostile.restore_runners()}
SMALL, LARGE = 2_000, 16_000
# Linear is 8x; allow 3x that for a loaded machine, plus a fixed 30 ms for scheduler noise.
SLACK, NOISE = 3.0, 0.03


def _seconds(run, text: str) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    run(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("runner", sorted(RUNNERS))
def test_time_grows_linearly_on_every_hostile_input(runner: str) -> None:
    run = RUNNERS[runner]
    superlinear = {}
    for label, unit in hostile.HOSTILE_INPUTS.items():
        small = min(_seconds(run, hostile.hostile(unit, SMALL)) for _ in range(2))
        bound = SLACK * (LARGE / SMALL) * small + NOISE
        large = _seconds(run, hostile.hostile(unit, LARGE))
        if large > bound:
            large = min(large, _seconds(run, hostile.hostile(unit, LARGE)))  # one retry: a pause is not a trend
        if large > bound:
            superlinear[label] = f"{small * 1000:.1f} ms at 2 KB, {large * 1000:.1f} ms at 16 KB"
    assert superlinear == {}
