"""Context scoring: raise a finding's score when a context word of its recognizer is near it.

Presidio's `LemmaContextAwareEnhancer` does this by walking the spaCy tokens from the start of
the text for every finding and deep-copying every result; on a 3 KB text that cost as much as
the NER itself. This scorer gives the same scores (same window: the five keywords before the
finding and the first one from it on; same substring test; same boost) from flat token arrays
and a binary search, so it costs next to nothing and works across chunks of a long text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from spacy.tokens import Doc

#: Presidio's defaults (`LemmaContextAwareEnhancer`), which the recognizers were tuned with.
SIMILARITY_FACTOR = 0.35
MIN_SCORE_WITH_CONTEXT = 0.4
PREFIX_WORDS = 5
SUFFIX_WORDS = 0

_SCORE_ENHANCED = "is_score_enhanced_by_context"
_RECOGNIZER_ID = "recognizer_identifier"


class TokenIndex:
    """Where the tokens of a text start and end, and their lower-case forms (as string ids).

    Built chunk by chunk from spaCy docs; only these flat arrays are kept, not the docs.
    """

    def __init__(self) -> None:
        self._parts: list[np.ndarray] = []
        self.ends: np.ndarray = np.zeros(0, dtype=np.int64)
        self.lowers: np.ndarray = np.zeros(0, dtype=np.uint64)

    def add(self, doc: Doc, offset: int, limit: int | None = None) -> None:
        """Add the tokens of `doc`, a piece of the text starting at `offset`, up to `limit`."""
        array = doc.to_array(["IDX", "LENGTH", "LOWER"])
        array[:, 0] += np.uint64(offset)
        if limit is not None:
            array = array[array[:, 0] < np.uint64(limit)]
        self._parts.append(array)

    def finish(self) -> TokenIndex:
        """Freeze the index once every chunk was added."""
        array = np.concatenate(self._parts) if self._parts else np.zeros((0, 3), dtype=np.uint64)
        self._parts = []
        self.ends = array[:, 0].astype(np.int64) + array[:, 1].astype(np.int64)
        self.lowers = array[:, 2].copy()
        return self

    def __len__(self) -> int:
        return len(self.lowers)


#: Distinct tokens whose context-word pieces are remembered: texts repeat their words; a bound
#: keeps a long-running service's memory flat (like the word caches of `guard.lexicons`).
_PIECES_REMEMBERED = 20_000


class ContextScorer:
    """Presidio's lemma context scoring over a `TokenIndex`, lower-cased tokens standing for lemmas."""

    def __init__(self, strings: Callable[[int], str], is_filtered: Callable[[str], bool]) -> None:
        self._strings = strings
        self._is_filtered = is_filtered  # stop words and punctuation are never context
        self._pieces: dict[int, tuple[str, ...]] = {}

    def enhance(self, results: Iterable[Any], recognizers: dict[str, Any], tokens: TokenIndex) -> None:
        """Boost, in place, each result whose recognizer has a context word in its window."""
        candidates = [
            (r, rec)
            for r in results
            if (rec := recognizers.get(_recognizer_id(r))) is not None
            and rec.context
            and not r.recognition_metadata.get(_SCORE_ENHANCED)
        ]
        if not candidates or not len(tokens):
            return
        keywords = self._keyword_positions(tokens)
        # The token each finding starts in: the first whose end is past the finding's start.
        starts = np.array([r.start for r, _ in candidates], dtype=np.int64)
        indices = np.minimum(np.searchsorted(tokens.ends, starts, side="right"), len(tokens) - 1)
        before = np.searchsorted(keywords, indices, side="right")
        after = np.searchsorted(keywords, indices, side="left")
        for (result, recognizer), first, last, following in zip(candidates, before - PREFIX_WORDS - 1, before, after):
            positions = [*keywords[max(0, first) : last], *keywords[following : following + SUFFIX_WORDS + 1]]
            word = _supportive_word({self._strings(int(tokens.lowers[p])) for p in positions}, recognizer.context)
            if word:
                result.score = min(max(result.score + SIMILARITY_FACTOR, MIN_SCORE_WITH_CONTEXT), 1.0)
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_supportive_context_word(word)
                    result.analysis_explanation.set_improved_score(result.score)

    def _keyword_positions(self, tokens: TokenIndex) -> np.ndarray:
        """Positions of the tokens that count as context words in this text (Presidio's keywords)."""
        unique, inverse = np.unique(tokens.lowers, return_inverse=True)
        pieces = [self._keyword_pieces(int(h)) for h in unique]
        keywords = {piece for token_pieces in pieces for piece in token_pieces}
        is_keyword = np.array([self._strings(int(h)) in keywords for h in unique], dtype=bool)
        return np.flatnonzero(is_keyword[inverse])

    def _keyword_pieces(self, lower: int) -> tuple[str, ...]:
        """What a token adds to the keywords: nothing for stop words and punctuation, else its
        parts around ':' ("tél:06" gives "tél" and "06"), as Presidio's NlpArtifacts does."""
        pieces = self._pieces.get(lower)
        if pieces is None:
            word = self._strings(lower)
            pieces = () if self._is_filtered(word) or word in ("-pron-", "be") else tuple(word.split(":"))
            if len(self._pieces) > _PIECES_REMEMBERED:
                self._pieces.clear()  # bounded memory in a long-running service
            self._pieces[lower] = pieces
        return pieces

def _recognizer_id(result: Any) -> str:
    metadata = result.recognition_metadata or {}
    return str(metadata.get(_RECOGNIZER_ID, ""))


def _supportive_word(window: set[str], context: Sequence[str]) -> str:
    """The first context word found inside a word of the window (Presidio's substring mode)."""
    for word in context:
        lower = word.lower()
        if any(lower in keyword for keyword in window):
            return word
    return ""
