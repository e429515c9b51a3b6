from __future__ import annotations

from collections.abc import Iterable

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guard.terms import Term, matcher_for

NAME = "ClientTermsRecognizer"


class ClientTermsRecognizer(EntityRecognizer):
    """Find the user's own confidential terms (clients, brands, code names) and their aliases.

    No model knows these names; the user declares them. Each finding has score 1.0 (the user said
    so) and the type of its term, CLIENT_TERM unless the term was declared as another type.
    """

    def __init__(self, terms: Iterable[Term], *, supported_language: str = "fr") -> None:
        self.terms = tuple(terms)
        entities = sorted({term.type for term in self.terms}) or ["CLIENT_TERM"]
        super().__init__(supported_entities=entities, supported_language=supported_language, name=NAME)

    def load(self) -> None:
        """Build the Aho-Corasick automaton now rather than on the first text."""
        matcher_for(self.terms)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Every occurrence of a term in `text`, whole words only."""
        wanted = set(entities) if entities else set(self.supported_entities)
        return [
            RecognizerResult(
                m.term.type, m.start, m.end, 1.0,
                analysis_explanation=AnalysisExplanation(NAME, 1.0, textual_explanation="client term"),
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: NAME},
            )
            for m in matcher_for(self.terms).find(text)
            if m.term.type in wanted
        ]
