"""Detection: Presidio's analyzer over the French model and clientguard's recognizers.

The analyzer (and the spaCy model under it) is built once per process and shared by every
`Guard`, whatever its client profile: loading it is the expensive part. Its raw findings are
then cleaned: NER guesses that are labels or common words go, overlaps merge.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from guard.config import Settings
from guard.entities import Entity, cut_around, resolve_overlaps, strip_labels
from guard.lexicons import is_label
from guard.ner import plausible_guess

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine

LANGUAGE = "fr"
NER_ENTITIES = ["PERSON", "ORGANIZATION", "LOCATION"]


def detect(text: str, settings: Settings) -> list[Entity]:
    """Every finding in `text` above its type's threshold, as disjoint spans."""
    floor = min([settings.score_threshold, *settings.thresholds.values()])
    results = _analyzer().analyze(text=text, language=LANGUAGE, score_threshold=floor)
    found = [
        entity
        for r in results
        if r.score >= settings.threshold(r.entity_type)
        for entity in _checked(Entity(r.entity_type, r.start, r.end, r.score, text[r.start : r.end]), text, _source(r))
    ]
    return resolve_overlaps(found, text, is_label=is_label, is_plausible=lambda e: plausible_guess(text, e.start, e.end))


_ENGINE_LOCK = threading.Lock()


def _checked(entity: Entity, text: str, source: str) -> list[Entity]:
    """The entity; for an NER guess, its lines that are not only labels or common words."""
    if source != "SpacyRecognizer":
        return [entity]
    lines = cut_around(entity, [(m.start(), m.end()) for m in _NEWLINES.finditer(text, entity.start, entity.end)], text)
    return [
        stripped
        for line in lines
        if (stripped := strip_labels(line, text, is_label)) is not None
        and plausible_guess(text, stripped.start, stripped.end)
    ]


_NEWLINES = re.compile(r"\n")


def _source(result: Any) -> str:
    """The name of the recognizer that produced a Presidio result."""
    metadata = getattr(result, "recognition_metadata", None) or {}
    return str(metadata.get("recognizer_name", ""))


def _analyzer() -> AnalyzerEngine:
    with _ENGINE_LOCK:
        return _build_analyzer()


@lru_cache(maxsize=1)
def _build_analyzer() -> AnalyzerEngine:
    """Presidio's analyzer over the French model and our recognizers: once per process."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    from guard.nlp import DetectionNlpEngine
    from guard.recognizers import default_recognizers

    nlp_engine = DetectionNlpEngine()
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    registry.add_recognizer(SpacyRecognizer(supported_language=LANGUAGE, supported_entities=NER_ENTITIES))
    for recognizer in default_recognizers(LANGUAGE):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE])
