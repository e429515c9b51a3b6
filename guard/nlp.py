"""The spaCy model behind detection: French, only the components detection needs.

Presidio's own `SpacyNlpEngine` loads the full pipeline (parser, lemmatizer…) and would try
`spacy download` when the model is missing; `load_detection_model` loads only what
`models/spacy_fr.yaml` names and never downloads. `DetectionNlpEngine` wraps the same
configuration as a Presidio NLP engine (used where Presidio's own analyzer runs, e.g. the
recognizer tests), feeding context scoring with lower-cased tokens instead of lemmas (context
words are written in the form they take in text), as `guard.context` does for detection.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from importlib import resources
from typing import Any

import numpy
import spacy
import yaml
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.tokens import Doc
from thinc.api import NumpyOps

from guard.errors import ModelNotInstalledError
from guard.warm_tokenizer import WarmTokenizer

# spaCy and Presidio are chatty at WARNING level about things users cannot act on.
logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

DEFAULT_NLP_CONFIG = "spacy_fr.yaml"


def load_nlp_config(name: str = DEFAULT_NLP_CONFIG) -> dict[str, Any]:
    """Read an NLP configuration shipped in `models/`."""
    text = resources.files("guard.models").joinpath(name).read_text(encoding="utf-8")
    config: dict[str, Any] = yaml.safe_load(text)
    return config


class DetectionNlpEngine(SpacyNlpEngine):
    """A Presidio NLP engine over spaCy models loaded with only the listed components."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        config = config if config is not None else load_nlp_config()
        super().__init__(
            models=config["models"],
            ner_model_configuration=NerModelConfiguration.from_dict(
                config.get("ner_model_configuration", {})
            ),
        )

    def load(self) -> None:
        """Load each configured model from the installed package; never download."""
        self.nlp = {m["lang_code"]: _load_model(m) for m in self.models}  # type: ignore[assignment]

    @classmethod
    def blank(cls, language: str = "fr") -> DetectionNlpEngine:
        """A tokenizer-only engine (no NER): for pattern recognizers alone, in tests and tools."""
        engine = cls({"models": [{"lang_code": language, "model_name": "blank"}]})
        engine.nlp = {language: spacy.blank(language)}  # type: ignore[assignment]
        return engine

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        # Context words match the lower-cased token: no lemmatizer needs to run.
        entities, scores = self._get_updated_entities(self._get_entities(doc), self._get_scores_for_entities(doc))
        artifacts = NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[token.idx for token in doc],
            lemmas=[token.lower_ for token in doc],
            nlp_engine=self,
            language=language,
            scores=scores,
        )
        # Presidio tests `word in keywords` for every token it walks: a set keeps that linear.
        artifacts.keywords = frozenset(artifacts.keywords)  # type: ignore[assignment]
        return artifacts


def load_detection_model(config: dict[str, Any] | None = None) -> spacy.language.Language:
    """The configured spaCy pipeline for detection (first model of the config), loaded once by the caller."""
    config = config if config is not None else load_nlp_config()
    return _load_model(config["models"][0])


def ner_labels(config: dict[str, Any] | None = None) -> NerModelConfiguration:
    """How the model's NER labels map to clientguard's types, which to ignore, and their score."""
    config = config if config is not None else load_nlp_config()
    return NerModelConfiguration.from_dict(config.get("ner_model_configuration", {}))


class BlasOps(NumpyOps):  # type: ignore[misc]
    """thinc's CPU operations with the matrix products on numpy's BLAS instead of blis.

    The model's layers multiply small matrices (a few hundred tokens by 300 or 480 columns);
    OpenBLAS, which numpy's wheels ship, does those faster than the blis build thinc uses: the NER
    takes about 30 % less time on one thread. Same float32 arithmetic, same entities (the accuracy
    benchmark's figures are unchanged). The transition system's own products stay on blis.
    """

    name = "numpy-blas"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        numpy.matmul(left, right, out=out)
        return out


def use_blas(nlp: spacy.language.Language) -> None:
    """Run the matrix products of every trainable component on numpy's BLAS (`BlasOps`)."""
    ops = BlasOps()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def _load_model(model: dict[str, Any]) -> spacy.language.Language:
    name = model["model_name"]
    if not spacy.util.is_package(name):
        raise ModelNotInstalledError(
            f"The spaCy model '{name}' is not installed. It is a dependency of clientguard: "
            f"reinstall with 'pip install clientguard' (never 'spacy download', which needs "
            f"the network)."
        )
    with _memoized_charsets():
        nlp = spacy.load(name, exclude=model.get("exclude", []))
    for component in model.get("enable", []):
        nlp.enable_pipe(component)
    nlp.tokenizer = WarmTokenizer(nlp.tokenizer)
    use_blas(nlp)
    return nlp


@contextlib.contextmanager
def _memoized_charsets() -> Iterator[None]:
    """Compile regular expressions with the character-set optimisation memoized, while loading.

    Loading the French model imports spaCy's French tokenizer exceptions, which compile some fifty
    patterns built from the same few huge character classes (every accented letter): Python's
    `re` optimises each class afresh, 1,700 times for 210 distinct ones, and that is half of
    the cold start (about 3.5 s of 7). The optimisation is a pure function of its arguments, so
    remembering its answers changes nothing but the time (measured: 1.3 s instead of 3.7–4.7).
    Where `re`'s internals differ (another Python), it does nothing.
    """
    compiler = getattr(re, "_compiler", None)
    original = getattr(compiler, "_optimize_charset", None)
    if compiler is None or original is None:
        yield
        return
    answers: dict[tuple[Any, ...], tuple[list[Any], bool]] = {}

    def optimize_charset(charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None) -> Any:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            hash(key)
        except TypeError:
            return original(charset, iscased, fixup, fixes)
        if key not in answers:
            answers[key] = original(charset, iscased, fixup, fixes)
        out, hascased = answers[key]
        return list(out), hascased

    compiler._optimize_charset = optimize_charset
    try:
        yield
    finally:
        compiler._optimize_charset = original
