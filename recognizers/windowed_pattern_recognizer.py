"""A Presidio PatternRecognizer that tries a costly pattern only where a match can start.

Presidio runs every regex from every position of the text, and the `regex` module is slow at
that (some 0.1 µs a character for each pattern) unless the pattern opens with a literal. Most of
our slow patterns need a word or a shape the text seldom holds ("mot de passe", "@", a year): a
subclass's `matcher` finds those with fast searches and tries the pattern only around them. The
results are PatternRecognizer's, the same spans, scores and explanations; only the time changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

logger = logging.getLogger("presidio-analyzer")

# A match tried from Python costs as much as the regex's scan of some 2 to 8 characters: past
# one start every 8 characters (and a few hundred in all, a window or two), the scan is taken.
_DENSEST = 8
_FEW = 256
#: Finds one pattern's matches in a text, given the pattern and its compiled regex.
Matcher = Callable[[Pattern, "regex.Pattern[str]"], Iterable["regex.Match[str]"]]


class WindowedPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer whose subclasses may say where each pattern can match."""

    # Presidio leaves these untyped.
    name: str
    patterns: list[Pattern]

    def matcher(self, text: str) -> Matcher:
        """How each pattern's matches are found in `text`: by default, from every position."""
        return lambda pattern, compiled: everywhere(compiled, text)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio's pattern step (PatternRecognizer.__analyze_patterns), matches from `matcher`."""
        flags = regex_flags or self.global_regex_flags or 0
        # A subclass's windows hold for the flags its patterns were written for.
        matches = self.matcher(text) if flags == self.global_regex_flags else WindowedPatternRecognizer.matcher(self, text)
        results: list[RecognizerResult] = []
        for pattern in self.patterns:
            try:
                for match in matches(pattern, _compiled(pattern.regex, flags)):
                    start, end = match.span()
                    if start == end:
                        continue
                    results.extend(self._result(pattern, text[start:end], start, end, flags))
            except TimeoutError:
                logger.warning("Regex pattern '%s' timed out, skipping.", pattern.name, exc_info=True)
        return EntityRecognizer.remove_duplicates(results)

    def _result(self, pattern: Pattern, found: str, start: int, end: int, flags: int) -> list[RecognizerResult]:
        """The result Presidio makes of one match, scored by validation (none at score 0)."""
        validation = self.validate_result(found)
        explanation = self.build_regex_explanation(
            self.name, pattern.name, pattern.regex, pattern.score, validation, flags  # type: ignore[arg-type]
        )
        result = RecognizerResult(
            entity_type=self.supported_entities[0],
            start=start,
            end=end,
            score=pattern.score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
            },
        )
        if validation is not None:
            result.score = EntityRecognizer.MAX_SCORE if validation else EntityRecognizer.MIN_SCORE
        if self.invalidate_result(found):
            result.score = EntityRecognizer.MIN_SCORE
        explanation.score = result.score
        return [result] if result.score > EntityRecognizer.MIN_SCORE else []


def everywhere(compiled: regex.Pattern[str], text: str) -> Iterator[regex.Match[str]]:
    """Presidio's own scan: the matches from every position of `text`, under its timeout."""
    return compiled.finditer(text, timeout=REGEX_TIMEOUT_SECONDS)


_CACHE: dict[tuple[str, int], regex.Pattern[str]] = {}


def _compiled(pattern: str, flags: int) -> regex.Pattern[str]:
    """The pattern compiled with these flags, once per process."""
    key = (pattern, int(flags))  # an int hashes faster than a RegexFlag
    if key not in _CACHE:
        _CACHE[key] = regex.compile(pattern, flags=flags)
    return _CACHE[key]


def matches_at(compiled: regex.Pattern[str], text: str, starts: Iterable[int]) -> Iterable[regex.Match[str]]:
    """`compiled.finditer(text)` when every match starts at one of `starts` (windows in ascending order).

    Like finditer, a match is tried at each start from the end of the previous match on; each
    position is tried once, so overlapping windows may repeat starts. The pattern must not match
    an empty string there (finditer would then try a longer match at the same place). When the
    starts are many (text built to hold the anchors everywhere), the plain scan is faster.
    """
    budget = len(text) // _DENSEST + _FEW
    tries = list(islice(starts, budget + 1))
    if len(tries) > budget:
        return everywhere(compiled, text)
    return _matches_from(compiled, text, tries)


def _matches_from(compiled: regex.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[regex.Match[str]]:
    """The matches of `matches_at`, trying each start not inside a previous match."""
    floor = 0
    for start in starts:
        if start < floor:
            continue
        match = compiled.match(text, start)
        if match is not None and match.end() > start:
            floor = match.end()
            yield match
        else:
            floor = start + 1


def matches_within(
    compiled: regex.Pattern[str], text: str, spans: Iterable[tuple[int, int]], reach: int
) -> Iterator[regex.Match[str]]:
    """`compiled.finditer(text)` when every match lies inside one of `spans` (in order).

    Each span is searched up to `reach` characters past its end, as far as the pattern reads
    after a match, so that the text cut there looks the same to it.
    """
    for start, end in spans:
        stop = min(len(text), end + reach)
        match = compiled.search(text, start, stop)
        while match is not None and match.start() < end:
            yield match
            match = compiled.search(text, match.end(), stop) if match.end() > match.start() else None


def windows(anchors: Iterable[int], before: int, after: int, size: int) -> Iterator[int]:
    """Every position from `before` characters before each anchor to `after` after it.

    The windows come in ascending order of their first position, as `matches_at` needs.
    """
    for anchor in sorted(anchors):
        yield from range(max(0, anchor - before), min(size, anchor + after + 1))


def folded(text: str) -> str:
    """`text` in lower case, position for position, where ASCII words can be found with str.find.

    Case-insensitive, the `regex` module also matches "İ" to "i", "ſ" to "s" and the Kelvin sign
    to "k"; str.lower() keeps the last two apart and makes "İ" two characters.
    """
    return text.replace("İ", "i").replace("ſ", "s").lower()


def find_all(haystack: str, word: str) -> Iterator[int]:
    """Every position where `word` starts in `haystack`, overlapping ones included."""
    at = haystack.find(word)
    while at >= 0:
        yield at
        at = haystack.find(word, at + 1)
