"""One chat conversation = one session: the proxy recognises a conversation from the messages sent back.

A chat client sends the whole conversation every turn: its own messages as written, and the
proxy's earlier answers as the proxy gave them (restored). After each answer the proxy records a
fingerprint of the conversation so far, that answer included, pointing to the session; the next
turn starts with the same messages, so it finds the session and its placeholders stay stable.
Ending on an answer only the caller received makes the fingerprint hard to forge: a second caller
who types the same first message starts a session of its own.

For each message it redacted (or received redacted from the upstream) the proxy also remembers the
redacted texts, so the history goes upstream exactly as before rather than redacted again: a value
restored into an answer, whose wording NER might not recognise, never reaches the upstream in clear.

Fingerprints are HMACs under a key that lives only in this process, never plain hashes of client
text. Everything is in memory, bounded in size and expiring. With several server workers, a turn
may reach another worker and start a new session; the `X-Clientguard-Session` header avoids that.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from collections.abc import Mapping, Sequence
from typing import Any

from cachetools import TTLCache

#: A message's redactable texts, in a fixed order: its content (a string, or each text part), then
#: each tool call's arguments, then a legacy function call's arguments. `json` texts are JSON strings.
TextSlot = tuple[str, str]  # (kind: "text" | "json", text)

DEFAULT_TTL_SECONDS = 24 * 3600.0
_MAX_CONVERSATIONS = 100_000  # prefix fingerprints kept (about 100 bytes each)
_MAX_REDACTED_CHARS = 64 * 1024 * 1024  # redacted message texts kept, in characters


class Conversations:
    """Maps conversations (by keyed fingerprint) to sessions, and messages to their redacted texts."""

    def __init__(self, ttl_seconds: float = DEFAULT_TTL_SECONDS) -> None:
        self._key = secrets.token_bytes(32)
        self._lock = threading.Lock()
        self._sessions: TTLCache[bytes, str] = TTLCache(_MAX_CONVERSATIONS, ttl_seconds)
        self._redacted: TTLCache[tuple[str, bytes], tuple[str, ...]] = TTLCache(
            _MAX_REDACTED_CHARS, ttl_seconds, getsizeof=lambda texts: 1 + sum(len(t) for t in texts)
        )

    def find(self, messages: Sequence[Mapping[str, Any]], client: str | None) -> str | None:
        """The session of the longest recorded conversation that `messages` continue, if any."""
        prints = self._prefix_prints(messages, client)
        with self._lock:
            for fingerprint in reversed(prints):
                session_id = self._sessions.get(fingerprint)
                if session_id is not None:
                    return session_id
        return None

    def record(self, messages: Sequence[Mapping[str, Any]], client: str | None, session_id: str) -> None:
        """Remember that the conversation `messages` (ending with the answer given) is `session_id`."""
        if not messages:
            return
        fingerprint = self._prefix_prints(messages, client)[-1]
        with self._lock:
            self._sessions[fingerprint] = session_id

    def forget(self, session_id: str) -> None:
        """Drop every conversation pointing to a session that no longer exists (purged or expired)."""
        with self._lock:
            for fingerprint in [f for f, s in self._sessions.items() if s == session_id]:
                del self._sessions[fingerprint]
            for key in [k for k in self._redacted if k[0] == session_id]:
                del self._redacted[key]

    def remember(self, session_id: str, message: Mapping[str, Any], redacted: Sequence[str]) -> None:
        """Remember the redacted texts (in `text_slots` order) of a message of this session."""
        with self._lock:
            self._redacted[(session_id, self._message_print(message))] = tuple(redacted)

    def redacted(self, session_id: str, message: Mapping[str, Any]) -> tuple[str, ...] | None:
        """The redacted texts remembered for this message in this session, if any."""
        with self._lock:
            return self._redacted.get((session_id, self._message_print(message)))

    def _message_print(self, message: Mapping[str, Any]) -> bytes:
        return hmac.new(self._key, _canonical(message), hashlib.sha256).digest()

    def _prefix_prints(self, messages: Sequence[Mapping[str, Any]], client: str | None) -> list[bytes]:
        """The fingerprint of each prefix of `messages`, chained so each costs one message's HMAC."""
        previous = hmac.new(self._key, (client or "").encode(), hashlib.sha256).digest()
        prints = []
        for message in messages:
            previous = hmac.new(self._key, previous + _canonical(message), hashlib.sha256).digest()
            prints.append(previous)
        return prints


def text_slots(message: Mapping[str, Any]) -> list[TextSlot]:
    """The texts of a message the proxy redacts on the way out and restores on the way back."""
    slots: list[TextSlot] = []
    content = message.get("content")
    if isinstance(content, str):
        slots.append(("text", content))
    elif isinstance(content, list):
        slots += [("text", part["text"]) for part in content if _is_text_part(part)]
    for call in message.get("tool_calls") or []:
        arguments = _arguments(call.get("function") if isinstance(call, dict) else None)
        if arguments is not None:
            slots.append(("json", arguments))
    arguments = _arguments(message.get("function_call"))
    if arguments is not None:
        slots.append(("json", arguments))
    return slots


def with_texts(message: Mapping[str, Any], texts: Sequence[str]) -> dict[str, Any]:
    """A copy of `message` whose `text_slots` are replaced, in order, by `texts`."""
    replacements = iter(texts)
    copy = dict(message)
    content = copy.get("content")
    if isinstance(content, str):
        copy["content"] = next(replacements)
    elif isinstance(content, list):
        copy["content"] = [{**part, "text": next(replacements)} if _is_text_part(part) else part for part in content]
    if isinstance(copy.get("tool_calls"), list):
        copy["tool_calls"] = [_with_arguments(call, replacements) for call in copy["tool_calls"]]
    if _arguments(copy.get("function_call")) is not None:
        copy["function_call"] = {**copy["function_call"], "arguments": next(replacements)}
    return copy


def _with_arguments(call: Any, replacements: Any) -> Any:
    if not isinstance(call, dict) or _arguments(call.get("function")) is None:
        return call
    return {**call, "function": {**call["function"], "arguments": next(replacements)}}


def _is_text_part(part: Any) -> bool:
    return isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)


def _arguments(function: Any) -> str | None:
    if isinstance(function, dict) and isinstance(function.get("arguments"), str):
        arguments: str = function["arguments"]
        return arguments
    return None


def _canonical(message: Mapping[str, Any]) -> bytes:
    """What identifies a message as a client sends it back: role, texts, tool calls; not spacing or ids.

    Clients trim answers, re-serialise tool-call arguments and add empty fields (refusal: null…);
    none of that makes it another message.
    """
    content = message.get("content")
    if isinstance(content, list):
        parts = [p["text"].strip() if _is_text_part(p) else json.dumps(p, sort_keys=True) for p in content]
        text = "\n".join(parts)
    else:
        text = content.strip() if isinstance(content, str) else ""
    calls = [
        [_function(call.get("function")) if isinstance(call, dict) else None]
        for call in message.get("tool_calls") or []
    ]
    shape = [message.get("role"), text, calls, _function(message.get("function_call")), message.get("tool_call_id")]
    return json.dumps(shape, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")


def _function(function: Any) -> list[Any] | None:
    if not isinstance(function, dict):
        return None
    arguments = function.get("arguments")
    if isinstance(arguments, str):
        try:
            arguments = json.loads(arguments)
        except json.JSONDecodeError:
            arguments = arguments.strip()
    return [function.get("name"), arguments]
