"""Settings: where clientguard keeps its files and how detection behaves.

Precedence, highest first: explicit argument > `CLIENTGUARD_*` environment variable >
project file `./.clientguard.toml` > user file `config.toml` > default.
`CLIENTGUARD_HOME` moves every file (config, vault, key, current session) into one directory,
so a test or a second identity never touches the real user's files.
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from collections.abc import Mapping
from typing import Any

import platformdirs

from guard.entities import ENTITY_TYPES
from guard.errors import ConfigError

APP_NAME = "clientguard"
PROJECT_FILE = ".clientguard.toml"


def user_dir() -> Path:
    """The directory holding the vault, its key and the CLI's current session."""
    home = os.environ.get("CLIENTGUARD_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """The directory holding the user's `config.toml`."""
    home = os.environ.get("CLIENTGUARD_HOME")
    return Path(home) if home else Path(platformdirs.user_config_dir(APP_NAME))


@dataclass(frozen=True)
class Settings:
    """Effective configuration, read once; see the module docstring for precedence."""

    vault_path: Path = field(default_factory=lambda: user_dir() / "vault.db")
    key_path: Path = field(default_factory=lambda: user_dir() / "vault.key")
    session_ttl_days: float = 30.0
    score_threshold: float = 0.4
    max_chars: int = 1_000_000
    #: Per-type score thresholds (`[thresholds]` table), over `score_threshold` for those types.
    thresholds: Mapping[str, float] = field(default_factory=dict)

    def threshold(self, entity_type: str) -> float:
        """The minimum score a finding of `entity_type` needs to be redacted."""
        return self.thresholds.get(entity_type, self.score_threshold)

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Settings from defaults, the user and project files, the environment, then `overrides`."""
        settings = cls()
        for path in (config_dir() / "config.toml", Path.cwd() / PROJECT_FILE):
            settings = settings._merged(_read_toml(path), source=str(path))
        settings = settings._merged(_from_environment(), source="environment")
        return settings._merged(overrides, source="arguments")

    def _merged(self, values: dict[str, Any], source: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(
                    f"Unknown setting '{name}' in {source}. Known: {', '.join(sorted(known))}."
                )
            if name == "thresholds":
                changes[name] = {**self.thresholds, **_coerce_thresholds(value, source)}
            else:
                changes[name] = _coerce(name, value, getattr(self, name), source)
        return replace(self, **changes)


def _read_toml(path: Path) -> dict[str, Any]:
    """The settings of a config file; {} when the file does not exist."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}. Fix the line named.") from None
    except OSError as exc:
        raise ConfigError(f"Cannot read {path}: {exc.strerror}.") from None
    return data


def _from_environment() -> dict[str, Any]:
    names = {"CLIENTGUARD_VAULT_PATH": "vault_path", "CLIENTGUARD_SESSION_TTL_DAYS": "session_ttl_days"}
    return {setting: os.environ[var] for var, setting in names.items() if var in os.environ}


def _coerce_thresholds(value: Any, source: str) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"'thresholds' in {source} must be a table: [thresholds] then TYPE = score.")
    unknown = sorted(set(value) - set(ENTITY_TYPES))
    if unknown:
        raise ConfigError(
            f"Unknown entity type {', '.join(unknown)} in [thresholds] of {source}. "
            f"Known: {', '.join(ENTITY_TYPES)}."
        )
    return {name: _coerce("score_threshold", score, 0.0, f"[thresholds].{name} of {source}") for name, score in value.items()}


def _coerce(name: str, value: Any, current: Any, source: str) -> Any:
    try:
        if isinstance(current, Path):
            return Path(value).expanduser()
        if isinstance(current, bool) or not isinstance(current, (int, float)):
            return value
        if isinstance(value, bool):
            raise TypeError(value)  # TOML `true` is not the number 1
        number = type(current)(value)
        if not math.isfinite(number) or (isinstance(value, float) and number != value):
            raise ValueError(value)  # nan/inf, or 1.9 silently truncated to an int
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(
            f"Setting '{name}' in {source} must be a {type(current).__name__}, got {value!r}."
        ) from None
    if number <= 0:
        raise ConfigError(f"Setting '{name}' in {source} must be positive.")
    if name == "score_threshold" and number > 1:
        raise ConfigError(f"Setting 'score_threshold' in {source} is a score: between 0 and 1.")
    return number
