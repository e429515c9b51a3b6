from __future__ import annotations

import guard.recognizers
from guard.entities import ENTITY_TYPES
from guard.recognizers import default_recognizers


def test_default_recognizers_give_one_recognizer_per_entity_type():
    entities = [e for r in default_recognizers() for e in r.supported_entities]
    assert sorted(entities) == sorted(set(entities))
    assert set(entities) <= set(ENTITY_TYPES)


def test_default_recognizers_serve_the_requested_language():
    assert {r.supported_language for r in default_recognizers("en")} == {"en"}


def test_every_exported_recognizer_is_in_the_defaults():
    exported = set(guard.recognizers.__all__) - {"default_recognizers"}
    assert {type(r).__name__ for r in default_recognizers()} == exported
    assert guard.recognizers.__all__ == sorted(guard.recognizers.__all__)
