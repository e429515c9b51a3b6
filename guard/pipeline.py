"""The `Guard`: detection, placeholders and restore over one loaded pipeline and one vault."""

from __future__ import annotations

import os
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from guard.config import Settings
from guard.detection import detect, detect_many
from guard.entities import Entity, cut_around, resolve_overlaps
from guard.errors import InputError
from guard.lexicons import is_label
from guard.ner import plausible_guess
from guard.placeholders import find_placeholders, normalise
from guard.policy import MASK, decide, without_allowed
from guard.mentions import LINKED_TYPES, plan_links
from guard.restore import LITERAL, Lookup, RestoreResult, StreamingRestorer, restore_text
from guard.terms import Term, TermMatcher, as_terms, matcher_for
from guard.vault import Assignment, Vault, decode_key, load_or_create_key

if TYPE_CHECKING:
    from presidio_anonymizer import AnonymizerEngine

    from guard.surrogates import SurrogateMatcher


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
        self,
        *,
        client: str | None = None,
        settings: Settings | None = None,
        vault: Vault | None = None,
        terms: Iterable[str | Term] = (),
        allow: Iterable[str] = (),
        policy: Mapping[str, str] | None = None,
        placeholder_style: str | None = None,
    ) -> None:
        self.client = client
        base = (settings if settings is not None else Settings.load()).for_client(client)
        extras: dict[str, Any] = {"terms": as_terms(terms), "allow": tuple(allow), "policy": dict(policy or {})}
        if placeholder_style is not None:
            extras["placeholder_style"] = placeholder_style
        given = {name: value for name, value in extras.items() if value}
        self.settings = base._merged(given, source="arguments") if given else base
        self._vault = vault
        self._vault_lock = threading.Lock()
        self._matcher: TermMatcher | None = None

    @property
    def vault(self) -> Vault:
        """The vault, opened on first use (the file vault unless one was given)."""
        with self._vault_lock:
            if self._vault is None:
                self._vault = Vault.open(
                    self.settings.vault_path, _vault_key(self.settings), self.settings.session_ttl_days * 86400
                )
            return self._vault

    def analyze(self, text: str, *, terms: Iterable[str | Term] = (), allow: Iterable[str] = ()) -> list[Entity]:
        """Every finding in `text` that the policy does not allow, as disjoint spans.

        `terms` and `allow` add client terms and allow-listed values for this call only.
        """
        self._check(text)
        return self._findings(text, self._effective(terms, allow))[0]

    def analyze_many(
        self, texts: Iterable[str], *, terms: Iterable[str | Term] = (), allow: Iterable[str] = ()
    ) -> list[list[Entity]]:
        """`analyze` for each of many texts; the model reads them in batches, which is faster
        than one call per text (about a sixth for short texts).

        Usage:
            for entities in guard.analyze_many(tickets): ...
        """
        texts = list(texts)
        for text in texts:
            self._check(text)
        settings = self._effective(terms, allow)
        detected = self._detect_many([text for text in texts if text.strip()], settings)
        found = iter(detected)
        return [self._findings(text, settings, next(found))[0] if text.strip() else [] for text in texts]

    def redact(
        self,
        text: str,
        session_id: str | None = None,
        *,
        terms: Iterable[str | Term] = (),
        allow: Iterable[str] = (),
        style: str | None = None,
    ) -> Redaction:
        """Replace every finding with its session placeholder; a new session unless one is given.

        `style="surrogate"` shows realistic fake values instead of `[TYPE_N]` tags (default: the
        `placeholder_style` setting); restore puts the originals back either way.

        Raises BlockedError, before anything is stored, when the policy blocks a type found.

        Usage:
            red = guard.redact(email)
            more = guard.redact(follow_up, session_id=red.session_id)  # same placeholders
        """
        self._check(text)
        settings = self._effective(terms, allow)
        if style is not None:
            settings = settings._merged({"placeholder_style": style}, source="arguments")
        found, term_keys = self._findings(text, settings)
        decision = decide(found, text, settings)
        if session_id is None:
            session_id = self.new_session()
        else:
            self.vault.session(session_id, self.client)
        # Tokens the user wrote that restore would read as placeholders: never values, and kept
        # out of the numbering so restore gives them back exactly as written.
        tokens = find_placeholders(text)
        spans = [(t.start, t.end) for t in tokens]
        entities = [piece for e in decision.redact for piece in cut_around(e, spans, text)]
        masked = [replace(piece, placeholder=MASK) for e in decision.mask for piece in cut_around(e, spans, text)]
        requests = [Assignment(e.type, term_keys.get((e.start, e.end)) or _key(e), e.text) for e in entities]
        requests += [
            Assignment(t.type, "\x00token\x00" + text[t.start : t.end], text[t.start : t.end], (t.type, t.number))
            for t in tokens
        ]
        linkable = [i for i, e in enumerate(entities) if e.type in LINKED_TYPES and (e.start, e.end) not in term_keys]
        placeholders = self._assign_linked(session_id, requests, linkable)
        replaced = [replace(e, placeholder=p) for e, p in zip(entities, placeholders[: len(entities)], strict=True)]
        renumbered = [
            Entity(t.type, t.start, t.end, 1.0, text[t.start : t.end], p)
            for t, p in zip(tokens, placeholders[len(entities) :], strict=True)
            if p is not None
        ]
        if settings.placeholder_style == "surrogate":
            replaced = self._with_surrogates(session_id, text, replaced)
        shown = tuple(sorted(replaced + masked, key=lambda e: e.start))
        return Redaction(_anonymize(text, [*replaced, *masked], renumbered), session_id, shown)

    def _assign_linked(self, session_id: str, requests: list[Assignment], linkable: list[int]) -> list[str | None]:
        """Placeholders for `requests`, other mentions of one person or company sharing its number.

        Mentions of a known entity are linked at once; mentions of an entity named more fully in
        this same text wait for that entity's placeholder, then link to it.
        """
        if not linkable:
            return self.vault.assign(session_id, requests)
        table = self.vault.table(session_id, self.client)
        known = {(t, n): v for (t, n, variant), v in table.items() if not variant and isinstance(v, str)}
        plan = plan_links([(requests[i].type, requests[i].value) for i in linkable], known)
        waiting: dict[int, int] = {}  # request index -> index of the request naming its entity
        for position, link in zip(linkable, plan, strict=True):
            if link is not None and link.entity is not None:
                requests[position] = replace(requests[position], link=link.entity)
            elif link is not None and link.index is not None:
                waiting[position] = linkable[link.index]
        first = [i for i in range(len(requests)) if i not in waiting]
        placeholders: list[str | None] = [None] * len(requests)
        for i, placeholder in zip(first, self.vault.assign(session_id, [requests[i] for i in first]), strict=True):
            placeholders[i] = placeholder
        if waiting:
            later = list(waiting)
            linked = [replace(requests[i], link=_entity_of(placeholders[waiting[i]])) for i in later]
            for i, placeholder in zip(later, self.vault.assign(session_id, linked), strict=True):
                placeholders[i] = placeholder
        return placeholders

    def _with_surrogates(self, session_id: str, text: str, entities: list[Entity]) -> list[Entity]:
        """The entities with a realistic fake value instead of their tag, the same fake for the same
        placeholder in the whole session, never a real value of the session or a word of `text`."""
        from guard.surrogates import SurrogateGenerator, new_seed

        known = self.vault.surrogates(session_id, self.client)
        table = self.vault.table(session_id, self.client)
        taken = {v for v in table.values() if isinstance(v, str)} | set(known.values())
        taken |= {normalise(kind, v) for (kind, _, _), v in [*table.items(), *known.items()] if isinstance(v, str)}
        generator = SurrogateGenerator(new_seed())
        keys = [_key_of(e.placeholder) for e in entities]
        drawn: dict[tuple[str, int, int], str] = {}
        for (kind, number, variant), entity in sorted(zip(keys, entities), key=lambda pair: pair[0][2]):
            key = (kind, number, variant)
            if key in known or key in drawn:
                continue
            base = known.get((kind, number, 0)) or drawn.get((kind, number, 0))
            full = table.get((kind, number, 0))
            fake = (
                generator.mention(kind, entity.text, full, base)
                if variant and base and isinstance(full, str)
                else None
            )
            if fake is None or fake in taken or normalise(kind, fake) in taken:
                fake = generator.surrogate(kind, entity.text, number * 1000 + variant, taken, text=text)
            drawn[key] = fake
            taken |= {fake, normalise(kind, fake)}
        if drawn:
            known.update(self.vault.add_surrogates(session_id, drawn))
        return [replace(e, placeholder=known[key]) for e, key in zip(entities, keys, strict=True)]

    def _term_matcher(self, terms: tuple[Term, ...]) -> TermMatcher:
        """The automaton of this Guard's terms, built once; a call's extra terms get their own."""
        if terms is not self.settings.terms:
            return matcher_for(terms)
        if self._matcher is None:
            self._matcher = matcher_for(terms)  # hashing 10,000 terms per call would cost more than matching
        return self._matcher

    def _detect(self, text: str, settings: Settings) -> list[Entity]:
        """What the detection pipeline finds; a subclass may stand in a cheaper detector (tests)."""
        return detect(text, settings)

    def _detect_many(self, texts: list[str], settings: Settings) -> list[list[Entity]]:
        """`_detect` for many texts, batched (a subclass that replaced `_detect` is used one by one)."""
        if type(self)._detect is not Guard._detect:
            return [self._detect(text, settings) for text in texts]
        return detect_many(texts, settings)

    def _effective(self, terms: Iterable[str | Term], allow: Iterable[str]) -> Settings:
        """The settings for one call: this Guard's, plus the call's own terms and allow-list."""
        extra_terms, extra_allow = as_terms(terms), tuple(allow)
        if not extra_terms and not extra_allow:
            return self.settings
        return replace(self.settings, terms=self.settings.terms + extra_terms, allow=self.settings.allow + extra_allow)

    def _findings(
        self, text: str, settings: Settings, detected: list[Entity] | None = None
    ) -> tuple[list[Entity], dict[tuple[int, int], str]]:
        """Detected values (`detected`, when already known) plus client terms, minus what the policy
        allows; and each term finding's key, so that every form of a term shares one placeholder."""
        if not text.strip():
            return [], {}
        if detected is None:
            detected = self._detect(text, settings)
        matches = self._term_matcher(settings.terms).find(text) if settings.terms else []
        found = [Entity(m.term.type, m.start, m.end, 1.0, text[m.start : m.end]) for m in matches]
        if found:
            detected = resolve_overlaps(
                detected + found, text, is_label=is_label, is_plausible=lambda e: plausible_guess(text, e.start, e.end)
            )
        keys = {(m.start, m.end): normalise(m.term.type, m.term.value) for m in matches}
        return without_allowed(detected, text, settings), keys

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
        matcher = self._surrogate_matcher(session_id, table)
        if matcher is not None:
            text = matcher.restore(text)
        result: RestoreResult = restore_text(text, _lookup(table))
        return Restoration(result.text, tuple(dict.fromkeys(result.unknown)))

    def restorer(self, session_id: str, *, escape: Callable[[str], str] | None = None) -> StreamingRestorer:
        """A streaming restorer: `feed(chunk)` returns what is ready, `flush()` the rest.

        `escape` transforms each original value before it is inserted, e.g. JSON string escaping
        when the stream is a tool call's JSON arguments.
        """
        table = self.vault.table(session_id, self.client)
        if escape is not None:
            table = {key: escape(value) if isinstance(value, str) else value for key, value in table.items()}
        matcher = self._surrogate_matcher(session_id, table)
        return StreamingRestorer(_lookup(table), before=matcher.restorer() if matcher is not None else None)

    def _surrogate_matcher(
        self, session_id: str, table: Mapping[tuple[str, int, int], str | object]
    ) -> SurrogateMatcher | None:
        """The scanner that finds this session's surrogates in an answer; None if it has none."""
        fakes = self.vault.surrogates(session_id, self.client)
        if not fakes:
            return None
        originals = tuple(
            sorted(((key[0], fake), value) for key, fake in fakes.items() if isinstance(value := table.get(key), str))
        )
        return _matcher(originals)

    def new_session(self) -> str:
        """Start an empty session (one conversation) and return its id.

        With `stable_placeholders`, every conversation of the profile shares one session instead,
        so the same value keeps the same placeholder from one conversation to the next.
        """
        if self.settings.stable_placeholders:
            return self.vault.stable_session(self.client)
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


def _lookup(table: Mapping[tuple[str, int, int], str | object]) -> Lookup:
    """Restore's view of a session table; a mention of a token the user wrote is theirs too."""

    def lookup(entity_type: str, number: int, variant: int) -> str | object | None:
        value = table.get((entity_type, number, variant))
        if value is None and variant and table.get((entity_type, number, 0)) is LITERAL:
            return LITERAL
        return value

    return lookup


def _key(entity: Entity) -> str:
    """The vault key of a value. Names and companies keep their case: "JEAN DUPONT" after "Jean
    Dupont" is another mention of the same person ([PERSON_1.2]), so each restores as written."""
    if entity.type in LINKED_TYPES:
        return " ".join(unicodedata.normalize("NFC", entity.text).split())
    return normalise(entity.type, entity.text)


@lru_cache(maxsize=16)
def _matcher(originals: tuple[tuple[tuple[str, str], str], ...]) -> SurrogateMatcher:
    """A session's surrogate scanner, kept while the session's surrogates do not change."""
    from guard.surrogates import SurrogateMatcher

    return SurrogateMatcher(dict(originals))


def _key_of(placeholder: str | None) -> tuple[str, int, int]:
    """(type, number, variant) of a tag placeholder the vault just gave."""
    [match] = find_placeholders(placeholder or "")
    return match.type, match.number, match.variant


def _entity_of(placeholder: str | None) -> tuple[str, int]:
    """(type, number) of a placeholder the vault just gave."""
    [match] = find_placeholders(placeholder or "")
    return match.type, match.number


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
