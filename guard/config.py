"""Settings: where clientguard keeps its files and how detection behaves.

Precedence, highest first: explicit argument > `CLIENTGUARD_*` environment variable >
project file `./.clientguard.toml` > user file `config.toml` > default.
`CLIENTGUARD_HOME` moves every file (config, vault, key, current session) into one directory,
so a test or a second identity never touches the real user's files.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from collections.abc import Mapping
from typing import Any

from guard.entities import ENTITY_TYPES
from guard.errors import ConfigError
from guard.paths import config_dir, user_dir
from guard.terms import Term, parse_terms

PROJECT_FILE = ".clientguard.toml"


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
    #: The user's confidential terms (clients, brands, code names), always redacted.
    terms: tuple[Term, ...] = ()
    #: Values never redacted: the user's own name and company, public bodies, false alarms.
    allow: tuple[str, ...] = ()
    #: What happens to each type (`[policy]` table): redact (default), mask, block or allow.
    policy: Mapping[str, str] = field(default_factory=dict)
    #: `tags` ([PERSON_1]) or `surrogate` (realistic fake values).
    placeholder_style: str = "tags"
    #: One placeholder table for all conversations of a profile: "Acme" is [CLIENT_TERM_1] every time.
    stable_placeholders: bool = False
    #: Whether the CLI uses (and starts) the resident service that keeps the model loaded.
    daemon: bool = True
    #: Minutes without a request after which the resident service exits.
    daemon_idle_minutes: float = 15.0
    #: Client profiles (`[clients.NAME]` tables): terms, allow-list, policy and thresholds of their own.
    clients: Mapping[str, ClientProfile] = field(default_factory=dict)
    #: Where each setting's value came from (default, a file, environment, arguments).
    origins: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def threshold(self, entity_type: str) -> float:
        """The minimum score a finding of `entity_type` needs to be redacted."""
        return self.thresholds.get(entity_type, self.score_threshold)

    def action(self, entity_type: str) -> str:
        """What to do with a finding of `entity_type`: redact, mask, block or allow."""
        return self.policy.get(entity_type, DEFAULT_POLICY.get(entity_type, "redact"))

    def for_client(self, client: str | None) -> Settings:
        """These settings with a client profile's terms, allow-list, policy and thresholds on top.

        A client without a `[clients.NAME]` table is still a profile: its own vault namespace.
        """
        profile = self.clients.get(client) if client else None
        if profile is None:
            return self
        origins = {
            **self.origins,
            **{name: f"{self.origins.get(name, 'default')} + [clients.{client}]" for name in _ADDITIVE - {"clients"}},
        }
        return replace(
            self,
            origins=origins,
            terms=self.terms + profile.terms,
            allow=self.allow + profile.allow,
            policy={**self.policy, **profile.policy},
            thresholds={**self.thresholds, **profile.thresholds},
            stable_placeholders=self.stable_placeholders
            if profile.stable_placeholders is None
            else profile.stable_placeholders,
        )

    @classmethod
    def load(cls, *, cwd: Path | None = None, **overrides: Any) -> Settings:
        """Settings from defaults, the user and project files, the environment, then `overrides`.

        `cwd` is the directory whose `.clientguard.toml` applies (default: the current one).
        """
        settings = cls()
        for path in config_files(cwd):
            settings = settings._merged(_read_toml(path), source=str(path))
        settings = settings._merged(_from_environment(), source="environment")
        return settings._merged(overrides, source="arguments")

    def _merged(self, values: Mapping[str, Any], source: str) -> Settings:
        """These settings with `values` on top: tables (terms, allow, policy…) add up, others replace."""
        known = sorted(f.name for f in fields(self) if f.name != "origins")
        changes: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(f"Unknown setting '{name}' in {source}. Known: {', '.join(known)}.")
            changes[name] = self._combined(name, value, _locate(source, name))
        origins = dict(self.origins)
        for name in changes:  # tables add up, so their origin does too
            origins[name] = f"{origins[name]} + {source}" if name in _ADDITIVE and name in origins else source
        return replace(self, **changes, origins=origins)

    def _combined(self, name: str, value: Any, source: str) -> Any:
        if name == "thresholds":
            return {**self.thresholds, **_coerce_thresholds(value, source)}
        if name == "terms":
            return self.terms + (value if _is_terms(value) else parse_terms(value, source))
        if name == "allow":
            return self.allow + _coerce_allow(value, source)
        if name == "policy":
            return {**self.policy, **coerce_policy(value, source)}
        if name == "placeholder_style":
            if value not in PLACEHOLDER_STYLES:
                raise ConfigError(
                    f"Setting 'placeholder_style' in {source} must be one of {', '.join(PLACEHOLDER_STYLES)}, "
                    f"got {value!r}."
                )
            return value
        if name == "clients":
            return {**self.clients, **_coerce_clients(value, source)}
        return _coerce(name, value, getattr(self, name), source)


def config_files(cwd: Path | None = None) -> tuple[Path, Path]:
    """The user's file then the project's file, lowest precedence first."""
    return config_dir() / "config.toml", (cwd or Path.cwd()) / PROJECT_FILE


@dataclass(frozen=True)
class ClientProfile:
    """A client's own terms, allow-list, policy and thresholds, on top of the global ones."""

    terms: tuple[Term, ...] = ()
    allow: tuple[str, ...] = field(default=(), repr=False)
    policy: Mapping[str, str] = field(default_factory=dict)
    thresholds: Mapping[str, float] = field(default_factory=dict)
    stable_placeholders: bool | None = None


#: Actions of the policy: `redact` swaps the value for a placeholder kept in the vault, `mask`
#: for `****` with nothing kept, `block` refuses the whole text, `allow` leaves the value.
POLICY_ACTIONS = ("redact", "mask", "block", "allow")
#: Every type is redacted unless the user says otherwise: restore is the point of the product,
#: and only a placeholder can be restored (README, "Policy", explains the choice).
DEFAULT_POLICY: Mapping[str, str] = {}
PLACEHOLDER_STYLES = ("tags", "surrogate")
_ADDITIVE = frozenset({"terms", "allow", "policy", "thresholds", "clients"})


def coerce_policy(value: Any, source: str) -> dict[str, str]:
    """A `[policy]` table (TYPE = action) checked against the known types and actions."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"'policy' in {source} must be a table: [policy] then TYPE = \"redact\"|\"mask\"|…")
    unknown = sorted(set(value) - set(ENTITY_TYPES))
    if unknown:
        raise ConfigError(
            f"Unknown entity type {', '.join(unknown)} in [policy] of {source}. Known: {', '.join(ENTITY_TYPES)}."
        )
    for entity_type, action in value.items():
        if action not in POLICY_ACTIONS:
            raise ConfigError(
                f"Unknown action {action!r} for {entity_type} in [policy] of {source}. "
                f"Known: {', '.join(POLICY_ACTIONS)}."
            )
    return dict(value)


def _is_terms(value: Any) -> bool:
    return isinstance(value, tuple) and all(isinstance(t, Term) for t in value)


def _coerce_allow(value: Any, source: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)) or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise ConfigError(f"'allow' in {source} must be a list of non-empty strings.")
    return tuple(v.strip() for v in value)


def _coerce_clients(value: Any, source: str) -> dict[str, ClientProfile]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"'clients' in {source} must be tables: [clients.NAME] then terms, allow, policy.")
    profiles: dict[str, ClientProfile] = {}
    for name, table in value.items():
        where = f"[clients.{name}] of {source}"
        if isinstance(table, ClientProfile):
            profiles[name] = table
            continue
        if not isinstance(table, Mapping):
            raise ConfigError(f"{where} must be a table.")
        unknown = sorted(set(table) - {"terms", "allow", "policy", "thresholds", "stable_placeholders"})
        if unknown:
            raise ConfigError(
                f"Unknown key {', '.join(unknown)} in {where}. "
                f"Known: allow, policy, stable_placeholders, terms, thresholds."
            )
        stable = table.get("stable_placeholders")
        if stable is not None and not isinstance(stable, bool):
            raise ConfigError(f"'stable_placeholders' in {where} must be true or false.")
        profiles[name] = ClientProfile(
            terms=parse_terms(table.get("terms", []), where),
            allow=_coerce_allow(table.get("allow", []), where),
            policy=coerce_policy(table.get("policy", {}), where),
            thresholds=_coerce_thresholds(table.get("thresholds", {}), where),
            stable_placeholders=stable,
        )
    return profiles


def _locate(source: str, name: str) -> str:
    """`source`, with the line where `name` is set when the source is a file: "file, line 3"."""
    path = Path(source)
    if not path.is_file():
        return source
    pattern = re.compile(rf"^\s*(\[\[?\s*{re.escape(name)}\b|{re.escape(name)}\s*=)")
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if pattern.match(line):
            return f"{source}, line {number}"
    return source


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
