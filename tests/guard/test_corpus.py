"""The 34 realistic French documents of `corpus/`: exact round trip, and no planted value leaks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

CORPUS = Path(__file__).with_name("corpus")
PLANTED: dict[str, list[dict[str, str]]] = json.loads((CORPUS / "planted.json").read_text(encoding="utf-8"))
# Types the pipeline detects by pattern and checksum: not one planted value may leak. Names,
# organisations, addresses and the rest of the French pack are measured by the accuracy benchmark.
STRICT_TYPES = {
    "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "FR_SIREN", "FR_SIRET", "FR_NIR", "CREDIT_CARD", "SECRET",
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_document_restores_exactly(guard_memory, name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    red = guard_memory.redact(text)
    assert guard_memory.restore(red.text, red.session_id) == text


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_no_planted_identifier_leaks(guard_memory, name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    redacted = guard_memory.redact(text).text
    leaked = [(v["type"], i) for i, v in enumerate(PLANTED[name]) if v["type"] in STRICT_TYPES and v["value"] in redacted]
    assert leaked == []  # (type, index in planted.json): never the value itself


def test_corpus_is_large_enough_to_mean_something():
    assert len(PLANTED) >= 30
    assert sum(len(v) for v in PLANTED.values()) >= 300
