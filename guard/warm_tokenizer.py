"""spaCy's tokenizer with its cache warmed: the same tokens, about ten times faster on real texts.

spaCy's tokenizer remembers how it split each whitespace-separated span of text, but it stops
remembering for the rest of a text as soon as it meets a special case (a line break, a double
space, a tab, "aujourd'hui"...): one flag, set for the whole text, never cleared. In a French
e-mail every line starts after a line break, so most spans were split again, affix rule by affix
rule, on every call: 1.7 ms of a 1 KB text, for 0.2 ms once warm.

`WarmTokenizer` first tokenizes on its own each span not yet cached (see below for which),
which lets spaCy cache it, then tokenizes the text with spaCy's tokenizer as before. The tokens are spaCy's own,
from the same code and rules: only its cache is fuller.

spaCy's cache holds at most `max_cache_size` spans (10,000) and never forgets one, and it
caches nothing inside a memory zone (`Language.memory_zone`, where detection reads texts so
that their words are forgotten afterwards). So warming happens before the zone (`warm`), only
for spans met in two texts already: an invoice number or an e-mail address met once never
takes a place in the cache (nor its words a place in the vocabulary, for good), the words
texts share do. Once the cache is full, warming stops; the rest is split as spaCy splits it.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

#: Spans of text as spaCy's tokenizer cuts them: runs of non-space, runs of space.
_SPANS = re.compile(r"\S+|\s+")
#: How many spans met in one text only are remembered, waiting for a second: a bound on memory.
SEEN_ONCE = 20_000


class WarmTokenizer:
    """A spaCy tokenizer whose cache is filled span by span before each text."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._warm: set[str] = set()
        self._seen_once: set[str] = set()

    def warm(self, text: str) -> None:
        """Let spaCy cache each span of `text` met in an earlier text too, while its cache has room.

        Call it outside a memory zone: the spans' words become part of the vocabulary for good
        (at most `max_cache_size` spans' worth).
        """
        warm, seen_once = self._warm, self._seen_once
        room = self.tokenizer.max_cache_size
        for span in set(_SPANS.findall(text)) - warm:
            if span not in seen_once:
                if len(seen_once) >= SEEN_ONCE:
                    seen_once.clear()
                seen_once.add(span)
                continue
            if len(warm) >= room:
                return
            seen_once.discard(span)
            warm.add(span)
            self.tokenizer(span)  # alone, the span meets no earlier special case: spaCy caches it
            if span[0] == " " and len(span) > 1:
                self.tokenizer(span[1:])  # after a word, spaCy's span starts past the first space

    def __call__(self, text: str) -> Doc:
        if not self.tokenizer.vocab.in_memory_zone:
            self.warm(text)
        doc: Doc = self.tokenizer(text)
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)
