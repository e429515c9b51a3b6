"""The service's dependencies are pinned with hashes: requirements.lock covers pyproject.toml exactly.

`make lock` regenerates the file (pip-compile --generate-hashes); `make audit` checks it against
known vulnerabilities (pip-audit). This test fails when a dependency is added without relocking.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)\s*\\?$")


def locked() -> dict[str, tuple[str, int]]:
    """name -> (version, number of hashes) for every package in requirements.lock."""
    pins: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if match := _PIN.match(line):
            current = canonicalize_name(match["name"])
            pins[current] = (match["version"], 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
        elif line and not line.startswith((" ", "#")):
            current = None
    return pins


def test_every_runtime_dependency_is_locked_at_a_version_it_allows() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = locked()
    problems = {}
    for spec in project["dependencies"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems[name] = "missing: run 'make lock'"
        elif not requirement.specifier.contains(pins[name][0], prereleases=True):
            problems[name] = f"locked {pins[name][0]} is outside {requirement.specifier}: run 'make lock'"
    assert problems == {}


def test_every_locked_package_carries_a_hash() -> None:
    pins = locked()
    assert len(pins) > 20
    assert {name: version for name, (version, hashes) in pins.items() if hashes == 0} == {}
