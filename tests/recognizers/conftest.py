"""One analyzer over clientguard's pattern recognizers alone, shared by the recognizer tests."""

from __future__ import annotations

from typing import Callable

import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

from guard.nlp import DetectionNlpEngine
from guard.recognizers import default_recognizers

#: The pipeline's default threshold: what scores below it is not redacted.
THRESHOLD = 0.4

Findings = Callable[[str], list[tuple[str, str]]]


@pytest.fixture(scope="session")
def analyzer() -> AnalyzerEngine:
    """Presidio with only our recognizers and a tokenizer-only French engine (no trained model)."""
    # Names, companies and places are guesses tested in their own files; here they would only add
    # noise around the structured values each table checks.
    structured = [r for r in default_recognizers() if not {"PERSON", "ORGANIZATION", "LOCATION"} & set(r.supported_entities)]
    registry = RecognizerRegistry(recognizers=structured, supported_languages=["fr"])
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=DetectionNlpEngine.blank("fr"),
        supported_languages=["fr"],
    )


@pytest.fixture(scope="session")
def findings(analyzer: AnalyzerEngine) -> Findings:
    """A function giving the (entity type, matched text) pairs that would be redacted, in order."""

    def find(text: str) -> list[tuple[str, str]]:
        results = analyzer.analyze(text, language="fr", score_threshold=THRESHOLD)
        results.sort(key=lambda r: r.start)
        return [(r.entity_type, text[r.start : r.end]) for r in results]

    return find
