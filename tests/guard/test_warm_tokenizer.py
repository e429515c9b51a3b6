"""The warmed tokenizer gives exactly spaCy's tokens (only faster): texts of every shape."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from guard.detection import detector
from guard.warm_tokenizer import WarmTokenizer

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt"))

#: Pieces that make spaCy's tokenizer take its special paths: line breaks and space runs, tabs,
#: no-break spaces (a special case with its own norm), elisions and abbreviations, URLs, e-mails,
#: punctuation glued to words, numbers with separators.
PIECES = [
    "Bonjour", "bonjour", "Mme", "M.", "Dr.", "aujourd'hui", "l'avion", "d'Orléans", "qu'il", "J'ai",
    "Jean-Pierre", "Saint-Étienne", "c'est-à-dire", "rendez-vous", "etc.", "p.ex.", "n°", "12,50", "1 200",
    "€", "%", "(voir", "annexe)", "«", "»", "guillemets", "—", "–", "!", "?", "...", ";", ":", ",", ".",
    "https://www.atelier-martin.fr/devis?id=42.", "jp.martin@atelier-martin.fr,", "FR76 3000 6000 0112",
    "06 12 34 56 78", "2026-11-23", "12/03/1985", "SIRET", "12345678900012", "Lefèvre", "Dupont",
    "SARL", "Martin", "à", "Paris", "75011", "rue", "de", "la", "Roquette", "\u00a0", "\u202f",
]
SPACES = [" ", " ", " ", " ", "\n", "\n\n", "  ", "\t", " \n", "\n ", "   ", "\u00a0", "\r\n"]


def _texts() -> list[str]:
    rng = random.Random(2026)
    texts = [path.read_text(encoding="utf-8") for path in CORPUS]
    for _ in range(300):
        words = [rng.choice(PIECES) for _ in range(rng.randint(1, 60))]
        texts.append("".join(w + rng.choice(SPACES) for w in words)[: rng.randint(1, 400)])
    texts += ["", " ", "\n", "  x", "x  ", "\n\nx\n", " \u00a0 ", "x\u00a0y"]
    return texts


def _tokens(doc) -> list[tuple]:
    """Everything the NER reads of a token: text and place, and the features it embeds."""
    return [(t.idx, t.text, t.whitespace_, t.norm, t.prefix, t.suffix, t.shape, t.is_sent_start) for t in doc]


@pytest.mark.model
def test_the_warmed_tokenizer_splits_every_text_exactly_as_spacys_own():
    from spacy.tokenizer import Tokenizer

    nlp = detector().nlp
    assert isinstance(nlp.tokenizer, WarmTokenizer)
    # A tokenizer of the same rules with its own, cold cache: what spaCy alone gives.
    fresh = Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.tokenizer.to_bytes())
    texts = _texts()
    for text in texts + texts:  # the second pass reads every span from the warmed cache
        assert _tokens(nlp.tokenizer(text)) == _tokens(fresh(text)), text


@pytest.mark.model
def test_the_warmed_tokenizer_stops_warming_once_spacys_cache_is_full():
    from spacy.tokenizer import Tokenizer

    nlp = detector().nlp
    spacy_tokenizer = Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.tokenizer.to_bytes())
    spacy_tokenizer.max_cache_size = 100
    tokenizer = WarmTokenizer(spacy_tokenizer)
    for number in range(1_000):
        for _ in range(2):  # met in two texts: worth a place in the cache
            doc = tokenizer(f"mot{number} encore\nun")
            assert [t.text for t in doc] == [f"mot{number}", "encore", "\n", "un"]
    assert len(tokenizer._warm) == 100


@pytest.mark.model
def test_a_span_met_in_one_text_only_takes_no_place_in_the_cache():
    """An invoice number or an address met once must not fill spaCy's cache (nor, for good, its
    vocabulary): only what two texts share is warmed."""
    from spacy.tokenizer import Tokenizer

    nlp = detector().nlp
    tokenizer = WarmTokenizer(Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.tokenizer.to_bytes()))
    for number in range(200):
        tokenizer(f"Facture FA-{number}-ZQX réglée\npar virement")
    assert "réglée" in tokenizer._warm and "Facture" in tokenizer._warm
    assert not any("FA-" in span for span in tokenizer._warm)


@pytest.mark.model
def test_the_warmed_tokenizer_warms_nothing_inside_a_memory_zone():
    nlp = detector().nlp
    with nlp.memory_zone():
        doc = nlp.tokenizer("zonexyzzy123 plugh456")
    assert "zonexyzzy123" not in nlp.tokenizer._warm
    assert "zonexyzzy123" not in nlp.vocab.strings
    del doc
