"""Detection: the French model's NER and clientguard's Presidio recognizers, run near the NER floor.

Presidio's `AnalyzerEngine` spends more time around the model than in it: it walks every token
from the start of the text for each finding to score context words, and deep-copies every
result. The `Detector` here runs the same recognizers and gives the same scores with less: the
NER (spaCy, `ner` + `senter` only) reads the text in bounded chunks, batched with `nlp.pipe`
when there are many texts; the recognizers run once over the whole text; context words are
scored from flat token arrays (`guard.context`). Its raw findings are then cleaned: NER guesses
that are labels or common words go, overlaps merge. The model reads inside a spaCy memory zone,
so that a long-running service does not keep every word it ever read.

The NER's matrix products run on one BLAS thread (`threadpoolctl`): a second one saves a tenth
of its time for twice the processor, which a busy service's other requests need more.

The detector (and the spaCy model in it) is built once per process and shared by every `Guard`,
whatever its client profile: loading it is the expensive part.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Any

from guard.chunks import Chunk, chunk_text, paragraph_blocks
from guard.config import Settings
from guard.entities import Entity, cut_around, resolve_overlaps, strip_labels
from guard.lexicons import is_label
from guard.ner import plausible_guess
from guard.textnorm import fold_for_detection, unfold_entities

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer, RecognizerResult
    from spacy.language import Language
    from spacy.tokens import Doc

    from guard.context import ContextScorer, TokenIndex

LANGUAGE = "fr"
NER_ENTITIES = ["PERSON", "ORGANIZATION", "LOCATION"]
#: The name NER findings carry, as Presidio's spaCy recognizer names them.
NER_SOURCE = "SpacyRecognizer"
#: Characters the NER reads at once when short texts are batched: most of the batching gain
#: (about a sixth faster than one text at a time) for some 15 MiB of working memory.
BATCH_CHARS = 16_000
#: A piece longer than this (a chunk of a long text) is read alone: batching gains little there,
#: and four chunks read at once held 15 MiB more at the peak of a 1 MB text than one.
ALONE_CHARS = 2_000
#: Characters detected at once in a long text (`detect_many`): past this, memory would grow with
#: the text (a 1 MB text cost 44 MiB more than a 10 KB one), with no gain in speed.
BLOCK_CHARS = 50_000


def detect(text: str, settings: Settings) -> list[Entity]:
    """Every finding in `text` above its type's threshold, as disjoint spans."""
    return detect_many([text], settings)[0]


def detect_many(texts: Iterable[str], settings: Settings, *, batch_chars: int = BATCH_CHARS) -> list[list[Entity]]:
    """`detect` for many texts at once: the NER reads them in batches, which is faster.

    A long text is detected block of paragraphs by block (`BLOCK_CHARS`): what detection holds
    at once (results, token index) stays that of one block, so memory stays flat with the size.
    """
    with _ONE_AT_A_TIME:
        return _detect_all(list(texts), settings, batch_chars)


#: Detection holds the GIL most of its time: threads detecting at once (a web server's requests)
#: only slow each other down and make every answer late. One at a time per process, the others
#: wait their turn. Measured behind FastAPI at concurrency 8 (one worker, 2 cores): 25 -> 37 requests/s,
#: p99 478 -> 280 ms. Re-entrant: `Detector.analyze_many` takes it too, since spaCy's memory zone
#: is process-wide state that must never be entered twice at once.
_ONE_AT_A_TIME = threading.RLock()


def _detect_all(originals: list[str], settings: Settings, batch_chars: int) -> list[list[Entity]]:
    blocks = [(number, start, end) for number, text in enumerate(originals) for start, end in paragraph_blocks(text, BLOCK_CHARS)]
    found: list[list[Entity]] = [[] for _ in originals]
    for group in _groups(blocks, BLOCK_CHARS):
        pieces = [originals[number][start:end] for number, start, end in group]
        for (number, start, _), entities in zip(group, _detect_pieces(pieces, settings, batch_chars), strict=True):
            found[number].extend(replace(e, start=e.start + start, end=e.end + start) if start else e for e in entities)
    return found


def _groups(blocks: list[tuple[int, int, int]], budget: int) -> Iterator[list[tuple[int, int, int]]]:
    """Consecutive blocks (text, start, end) grouped up to `budget` characters: detected at once."""
    group: list[tuple[int, int, int]] = []
    size = 0
    for block in blocks:
        length = block[2] - block[1]
        if group and size + length > budget:
            yield group
            group, size = [], 0
        group.append(block)
        size += length
    if group:
        yield group


def _detect_pieces(texts: list[str], settings: Settings, batch_chars: int) -> list[list[Entity]]:
    """The findings of each text."""
    folds = [fold_for_detection(text) for text in texts]  # zero-width, no-break, full-width hide nothing
    floor = min([settings.score_threshold, *settings.thresholds.values()])
    analyzed = detector().analyze_many([f.text for f in folds], floor, batch_chars=batch_chars)
    found = []
    for fold, original, results in zip(folds, texts, analyzed, strict=True):
        entities = _cleaned(fold.text, results, settings)
        found.append(unfold_entities(entities, fold, original) if fold.changed else entities)
    return found


def _cleaned(text: str, results: list[RecognizerResult], settings: Settings) -> list[Entity]:
    """Findings above their type's threshold, NER guesses checked, overlaps resolved."""
    found = [
        entity
        for r in results
        if r.score >= settings.threshold(r.entity_type)
        for entity in _checked(Entity(r.entity_type, r.start, r.end, r.score, text[r.start : r.end]), text, _source(r))
    ]
    return resolve_overlaps(found, text, is_label=is_label, is_plausible=lambda e: plausible_guess(text, e.start, e.end))


def _checked(entity: Entity, text: str, source: str) -> list[Entity]:
    """The entity; for an NER guess, its lines that are not only labels or common words."""
    if source != NER_SOURCE:
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


class Detector:
    """The NER and the recognizers over one text or many, with Presidio's scores and results."""

    def __init__(self, nlp: Language, recognizers: Sequence[EntityRecognizer]) -> None:
        from guard.context import ContextScorer
        from guard.nlp import ner_labels

        self.nlp = nlp
        self.recognizers = list(recognizers)
        labels = ner_labels()
        self._mapping = dict(labels.model_to_presidio_entity_mapping or {})
        self._ignored = set(labels.labels_to_ignore or ())
        self._ner_score = float(labels.default_score or 0.85)
        self._entities = sorted({*NER_ENTITIES, *(e for r in self.recognizers for e in r.supported_entities)})
        self._by_id = {r.id: r for r in self.recognizers}
        strings = nlp.vocab.strings
        self._context: ContextScorer = ContextScorer(
            lambda h: strings[h], lambda w: bool(nlp.vocab[w].is_stop or nlp.vocab[w].is_punct)
        )
        self._blas = _blas_controller()
        self._warm: Callable[[str], None] = getattr(nlp.tokenizer, "warm", lambda text: None)

    def analyze(self, text: str, score_threshold: float) -> list[RecognizerResult]:
        """Every result at or above `score_threshold`, duplicates and contained ones removed."""
        return self.analyze_many([text], score_threshold)[0]

    def analyze_many(
        self, texts: Sequence[str], score_threshold: float, *, batch_chars: int = BATCH_CHARS
    ) -> list[list[RecognizerResult]]:
        """`analyze` for each text; the NER reads the chunks of all of them in batches.

        The model reads inside a memory zone: the words of these texts that spaCy did not know
        are forgotten afterwards, so a long-running service's vocabulary does not grow with every
        invoice number and e-mail address it ever read (measured: 40 MiB per thousand invoices
        without the zone). Its tokenizer's cache is warmed first, outside the zone. A zone is the
        whole vocabulary's state: one at a time per process, whoever calls.
        """
        pieces = [(text[chunk.start : chunk.end], (number, chunk)) for number, text in enumerate(texts) for chunk in chunk_text(text)]
        with _ONE_AT_A_TIME:
            for piece, _ in pieces:
                self._warm(piece)
            return self._analyze_in_zone(texts, pieces, score_threshold, batch_chars)

    def _analyze_in_zone(
        self, texts: Sequence[str], pieces: list[tuple[str, Any]], score_threshold: float, batch_chars: int
    ) -> list[list[RecognizerResult]]:
        with self.nlp.memory_zone():
            docs = (doc for batch in _batches(pieces, batch_chars) for doc in self._pipe(batch))
            found: list[list[RecognizerResult]] = []
            for number, group in groupby(docs, key=lambda item: item[1][0]):
                text = texts[number]
                ner, tokens = self._read_ner(text, ((doc, chunk) for doc, (_, chunk) in group))
                found.append(self._recognized(text, ner, tokens, score_threshold))
            return found

    def _pipe(self, batch: list[tuple[str, Any]]) -> list[tuple[Doc, Any]]:
        """The NER over one batch of pieces, its matrix products on one BLAS thread."""
        with self._blas.limit(limits=1, user_api="blas"):
            return list(self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))

    def _read_ner(self, text: str, docs: Iterable[tuple[Doc, Chunk]]) -> tuple[list[RecognizerResult], TokenIndex]:
        """NER findings of a text's chunks at the text's offsets, and the text's tokens."""
        from presidio_analyzer import RecognizerResult

        from guard.context import TokenIndex

        tokens = TokenIndex()
        results: list[RecognizerResult] = []
        for doc, chunk in docs:
            tokens.add(doc, chunk.start, limit=chunk.cut)
            for ent in doc.ents:
                label = self._mapping.get(ent.label_, ent.label_)
                start = chunk.start + ent.start_char
                if ent.label_ in self._ignored or label in self._ignored or label not in NER_ENTITIES or start >= chunk.cut:
                    continue
                metadata = {"recognizer_name": NER_SOURCE, "recognizer_identifier": NER_SOURCE}
                results.append(RecognizerResult(label, start, chunk.start + ent.end_char, self._ner_score, None, metadata))  # type: ignore[arg-type]
        return results, tokens.finish()

    def _recognized(
        self, text: str, ner: list[RecognizerResult], tokens: TokenIndex, score_threshold: float
    ) -> list[RecognizerResult]:
        """The NER findings plus every recognizer's, context-scored, thresholded, deduplicated."""
        from presidio_analyzer import EntityRecognizer

        grouped: list[tuple[Any, list[Any]]] = [(None, ner)]
        for recognizer in self.recognizers:
            grouped.append((recognizer, _run(recognizer, text, self._entities)))
        for index, (recognizer, found) in enumerate(grouped):
            if recognizer is not None and found and _enhances_itself(recognizer):
                others = [r for i, (_, rs) in enumerate(grouped) if i != index for r in rs]
                grouped[index] = (recognizer, recognizer.enhance_using_context(text, found, others, None, None))
        results = [r for _, found in grouped for r in found]
        self._context.enhance(results, self._by_id, tokens)
        return EntityRecognizer.remove_duplicates([r for r in results if r.score >= score_threshold])


def _run(recognizer: Any, text: str, entities: list[str]) -> list[Any]:
    """One recognizer's results, named after it, without Presidio's decision process."""
    if not recognizer.is_loaded:
        recognizer.load()
        recognizer.is_loaded = True
    found: list[Any] = recognizer.analyze(text=text, entities=entities, nlp_artifacts=None) or []
    for result in found:
        result.analysis_explanation = None  # not kept, as Presidio's analyzer does by default
        metadata = result.recognition_metadata = result.recognition_metadata or {}
        metadata.setdefault("recognizer_name", recognizer.name)
        metadata.setdefault("recognizer_identifier", recognizer.id)
    return found


def _batches(pieces: Iterable[tuple[str, Any]], budget: int) -> Iterator[list[tuple[str, Any]]]:
    """Consecutive short pieces grouped up to `budget` characters; a long piece alone."""
    batch: list[tuple[str, Any]] = []
    size = 0
    for piece in pieces:
        if batch and (size + len(piece[0]) > budget or len(piece[0]) > ALONE_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[0])
        if len(piece[0]) > ALONE_CHARS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _enhances_itself(recognizer: Any) -> bool:
    """Whether a recognizer scores its own context (only those are asked to)."""
    from presidio_analyzer import EntityRecognizer

    return type(recognizer).enhance_using_context is not EntityRecognizer.enhance_using_context


_DETECTOR_LOCK = threading.Lock()


def _blas_controller() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def detector() -> Detector:
    """The process's detector, built on first use."""
    with _DETECTOR_LOCK:
        return _build_detector()


@lru_cache(maxsize=1)
def _build_detector() -> Detector:
    """The French model and our recognizers: once per process."""
    from guard.nlp import load_detection_model

    nlp = load_detection_model()  # first: it compiles spaCy's French rules the fast way (guard.nlp)
    from guard.recognizers import default_recognizers

    return Detector(nlp, default_recognizers(LANGUAGE))
