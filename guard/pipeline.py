"""The `Guard`: detection, placeholders and restore over one loaded pipeline and one vault."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from guard.config import Settings
from guard.detection import detect
from guard.entities import Entity, cut_around
from guard.errors import InputError
from guard.placeholders import find_placeholders, normalise
from guard.restore import RestoreResult, StreamingRestorer, restore_text
from guard.vault import Assignment, Vault, decode_key, load_or_create_key

if TYPE_CHECKING:
    from presidio_anonymizer import AnonymizerEngine


@dataclass(frozen=True)
class Redaction:
    """The redacted text, the session that can restore it, and what was replaced.

    `repr` shows counts only: the original text must not end up in a log by accident.
    """

    text: str = field(repr=False)
    session_id: str
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class Restoration:
    """Restored text, and the placeholder-like tokens the session did not know (left as is)."""

    text: str = field(repr=False)
    unknown_placeholders: tuple[str, ...]


class Guard:
    """Finds client data in text, swaps it for placeholders, and puts it back in answers.

    Usage:
        guard = Guard()
        red = guard.redact("Jean Dupont, jean.dupont@acme.fr")      # red.text: "[PERSON_1], [EMAIL_ADDRESS_1]"
        guard.restore("Bien reçu, [PERSON_1].", session_id=red.session_id)
    """

    def __init__(
        self, *, client: str | None = None, settings: Settings | None = None, vault: Vault | None = None
    ) -> None:
        self.client = client
        self.settings = settings if settings is not None else Settings.load()
        self._vault = vault
        self._vault_lock = threading.Lock()

    @property
    def vault(self) -> Vault:
        """The vault, opened on first use (the file vault unless one was given)."""
        with self._vault_lock:
            if self._vault is None:
                self._vault = Vault.open(
                    self.settings.vault_path, _vault_key(self.settings), self.settings.session_ttl_days * 86400
                )
            return self._vault

    def analyze(self, text: str) -> list[Entity]:
        """Every finding in `text`, as disjoint spans with the most specific type."""
        self._check(text)
        if not text.strip():
            return []
        return detect(text, self.settings)

    def redact(self, text: str, session_id: str | None = None) -> Redaction:
        """Replace every finding with its session placeholder; a new session unless one is given.

        Usage:
            red = guard.redact(email)
            more = guard.redact(follow_up, session_id=red.session_id)  # same placeholders
        """
        entities = self.analyze(text)
        if session_id is None:
            session_id = self.vault.create_session(self.client)
        else:
            self.vault.session(session_id, self.client)
        # Tokens the user wrote that restore would read as placeholders: never values, and kept
        # out of the numbering so restore gives them back exactly as written.
        tokens = find_placeholders(text)
        spans = [(t.start, t.end) for t in tokens]
        entities = [piece for e in entities for piece in cut_around(e, spans, text)]
        requests = [Assignment(e.type, normalise(e.type, e.text), e.text) for e in entities]
        requests += [
            Assignment(t.type, "\x00token\x00" + text[t.start : t.end], text[t.start : t.end], (t.type, t.number))
            for t in tokens
        ]
        placeholders = self.vault.assign(session_id, requests)
        replaced = [replace(e, placeholder=p) for e, p in zip(entities, placeholders[: len(entities)], strict=True)]
        renumbered = [
            Entity(t.type, t.start, t.end, 1.0, text[t.start : t.end], p)
            for t, p in zip(tokens, placeholders[len(entities) :], strict=True)
            if p is not None
        ]
        return Redaction(_anonymize(text, replaced, renumbered), session_id, tuple(replaced))

    def restore(self, text: str, session_id: str) -> str:
        """Put the session's original values back in place of its placeholders.

        Usage:
            answer = guard.restore(ai_answer, session_id=red.session_id)
        """
        return self.restore_with_report(text, session_id).text

    def restore_with_report(self, text: str, session_id: str) -> Restoration:
        """Like `restore`, and also list placeholders the session does not know (left as is)."""
        self._check(text)
        table = self.vault.table(session_id, self.client)
        result: RestoreResult = restore_text(text, lambda t, n: table.get((t, n)))
        return Restoration(result.text, tuple(dict.fromkeys(result.unknown)))

    def restorer(self, session_id: str) -> StreamingRestorer:
        """A streaming restorer: `feed(chunk)` returns what is ready, `flush()` the rest."""
        table = self.vault.table(session_id, self.client)
        return StreamingRestorer(lambda t, n: table.get((t, n)))

    def new_session(self) -> str:
        """Start an empty session (one conversation) and return its id."""
        return self.vault.create_session(self.client)

    @contextmanager
    def session(self, session_id: str | None = None, *, keep: bool = False) -> Iterator[Session]:
        """A conversation as a context manager; a session it creates is purged on exit unless `keep`.

        Usage:
            with guard.session() as s:
                print(s.restore(ask_ai(s.redact(brief).text)))
        """
        created = session_id is None
        current = Session(self, session_id or self.new_session())
        try:
            yield current
        finally:
            if created and not keep:
                self.vault.purge(current.id)

    def _check(self, text: str) -> None:
        if not isinstance(text, str):
            raise InputError(f"Expected text (str), got {type(text).__name__}.")
        if len(text) > self.settings.max_chars:
            raise InputError(
                f"The text has {len(text):,} characters; the limit is {self.settings.max_chars:,} "
                f"(setting max_chars). Split it, or raise the limit."
            )
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(
                f"The text is not valid Unicode (unpaired surrogate at offset {exc.start}); "
                f"was it decoded from bytes that are not UTF-8?"
            ) from None


@dataclass(frozen=True)
class Session:
    """One conversation with an AI tool: every redaction in it shares one placeholder table."""

    guard: Guard = field(repr=False)
    id: str

    def redact(self, text: str) -> Redaction:
        """Redact `text` within this conversation."""
        return self.guard.redact(text, session_id=self.id)

    def restore(self, text: str) -> str:
        """Restore an answer within this conversation."""
        return self.guard.restore(text, session_id=self.id)

    def restorer(self) -> StreamingRestorer:
        """A streaming restorer for this conversation."""
        return self.guard.restorer(self.id)


def _vault_key(settings: Settings) -> bytes:
    encoded = os.environ.get("CLIENTGUARD_KEY")
    return decode_key(encoded) if encoded else load_or_create_key(settings.key_path)


def _anonymize(text: str, entities: list[Entity], renumbered: list[Entity]) -> str:
    """Swap each span for its placeholder through presidio-anonymizer's engine."""
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    from guard.operator import VaultOperator

    spans = [(e, e.type) for e in entities] + [(t, _TOKEN) for t in renumbered]
    if not spans:
        return text
    tables: dict[str, dict[str, str]] = {}
    for entity, kind in spans:
        tables.setdefault(kind, {})[entity.text] = entity.placeholder or ""
    results = [RecognizerResult(kind, e.start, e.end, e.score) for e, kind in spans]
    operators = {kind: OperatorConfig(VaultOperator.NAME, {"placeholders": table}) for kind, table in tables.items()}
    engine = _anonymizer()
    return engine.anonymize(text, results, operators, merge_entities_with_spaces=False).text


_TOKEN = "_USER_TOKEN"  # anonymizer-internal kind for user-written tokens that were renumbered


@lru_cache(maxsize=1)
def _anonymizer() -> AnonymizerEngine:
    from presidio_anonymizer import AnonymizerEngine

    from guard.operator import VaultOperator

    engine = AnonymizerEngine()  # type: ignore[no-untyped-call]
    engine.add_anonymizer(VaultOperator)
    return engine
