"""Edits to the user's `config.toml` (`guard terms add|remove`) that keep their comments and layout.

The file holds client names in clear, as the user wrote them: it is created readable by its owner
only, and replaced atomically so that an interrupted edit never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from guard.paths import config_dir
from guard.errors import ConfigError
from guard.terms import DEFAULT_TERM_TYPE, Term, fold


def user_config_path() -> Path:
    """The user's configuration file, which `guard terms add` writes to."""
    return config_dir() / "config.toml"


def add_term(term: Term, client: str | None = None) -> Path:
    """Add `term` to the user's file (to `[clients.NAME]` for a client); return the file's path.

    A term already there (same value, any case or accents) gets the new aliases and type.
    """
    path = user_config_path()
    document = _load(path)
    terms = _terms_array(document, client, create=True)
    entry: Any = term.value
    for index, existing in enumerate(terms):
        if _same(existing, term.value):
            aliases = [*_aliases(existing), *(a for a in term.aliases if a not in _aliases(existing))]
            entry = _entry(term.value, aliases, term.type)
            terms[index] = entry
            break
    else:
        terms.append(_entry(term.value, list(term.aliases), term.type))
    _save(path, document)
    return path


def remove_term(value: str, client: str | None = None) -> bool:
    """Remove the term whose value or alias is `value` from the user's file; False if absent."""
    path = user_config_path()
    document = _load(path)
    terms = _terms_array(document, client, create=False)
    if terms is None:
        return False
    for index, existing in enumerate(terms):
        if _same(existing, value) or any(_folded(a) == _folded(value) for a in _aliases(existing)):
            del terms[index]
            _save(path, document)
            return True
    return False


def _entry(value: str, aliases: list[str], kind: str) -> Any:
    if not aliases and kind == DEFAULT_TERM_TYPE:
        return value
    table = tomlkit.inline_table()
    table["value"] = value
    if aliases:
        table["aliases"] = aliases
    if kind != DEFAULT_TERM_TYPE:
        table["type"] = kind
    return table


def _terms_array(document: Any, client: str | None, create: bool) -> Any:
    container = document
    if client is not None:
        clients = document.get("clients")
        if clients is None:
            if not create:
                return None
            clients = document["clients"] = tomlkit.table(is_super_table=True)
        if client not in clients:
            if not create:
                return None
            clients[client] = tomlkit.table()
        container = clients[client]
    if "terms" not in container:
        if not create:
            return None
        array = tomlkit.array()
        array.multiline(True)
        container["terms"] = array
    return container["terms"]


def _same(entry: Any, value: str) -> bool:
    current = entry.get("value", "") if isinstance(entry, dict) else str(entry)
    return _folded(current) == _folded(value)


def _aliases(entry: Any) -> list[str]:
    return [str(a) for a in entry.get("aliases", [])] if isinstance(entry, dict) else []


def _folded(value: str) -> str:
    return fold(value)[0].strip()


def _load(path: Path) -> Any:
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return tomlkit.document()
    except (TOMLKitError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML ({exc}); fix it before adding terms.") from None
    except OSError as exc:
        raise ConfigError(f"Cannot read {path}: {exc.strerror}.") from None


def _save(path: Path, document: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".toml")
        with os.fdopen(handle, "w", encoding="utf-8") as out:  # mkstemp: mode 0600 already
            out.write(tomlkit.dumps(document))
        os.replace(temporary, path)
    except OSError as exc:
        raise ConfigError(f"Cannot write {path}: {exc.strerror}.") from None
