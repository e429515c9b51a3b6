"""The 34 realistic French documents of `corpus/`: exact round trip, and no planted value leaks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

CORPUS = Path(__file__).with_name("corpus")
PLANTED: dict[str, list[dict[str, str]]] = json.loads((CORPUS / "planted.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_document_restores_exactly(guard_memory, name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    red = guard_memory.redact(text)
    assert guard_memory.restore(red.text, red.session_id) == text


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_no_planted_value_leaks(guard_memory, name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    redacted = guard_memory.redact(text).text
    leaked = [(v["type"], i) for i, v in enumerate(PLANTED[name]) if v["value"] in redacted]
    assert leaked == []  # (type, index in planted.json): never the value itself


def test_corpus_is_large_enough_to_mean_something():
    assert len(PLANTED) >= 30
    assert sum(len(v) for v in PLANTED.values()) >= 300
