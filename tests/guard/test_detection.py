"""Detection near the NER floor: same findings and scores as Presidio's analyzer, long texts in
bounded chunks, many texts in batches."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from guard import Settings
from guard.chunks import CHUNK_CHARS, OVERLAP_CHARS, chunk_text
from guard.detection import LANGUAGE, NER_ENTITIES, detect, detect_many, detector
from guard.entities import NER_TYPES

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*.txt"))
SAMPLE = resources.files("guard").joinpath("samples", "email_client.txt").read_text(encoding="utf-8")


def _key(results: list) -> list[tuple]:
    return sorted(
        (r.entity_type, r.start, r.end, round(r.score, 9), r.recognition_metadata["recognizer_name"]) for r in results
    )


@pytest.fixture(scope="module")
def presidio_analyzer():
    """Presidio's own AnalyzerEngine over the same model configuration and recognizers."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    from guard.nlp import DetectionNlpEngine
    from guard.recognizers import default_recognizers

    engine = DetectionNlpEngine()
    engine.load()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    registry.add_recognizer(SpacyRecognizer(supported_language=LANGUAGE, supported_entities=NER_ENTITIES))
    for recognizer in default_recognizers(LANGUAGE):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=[LANGUAGE])


@pytest.mark.model
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_findings_and_scores_equal_presidio_analyzer(presidio_analyzer, path):
    text = path.read_text(encoding="utf-8")
    theirs = presidio_analyzer.analyze(text=text, language=LANGUAGE, score_threshold=0.4)
    ours = detector().analyze(text, 0.4)
    assert _key(ours) == _key(theirs)


@pytest.mark.model
def test_context_word_raises_a_score_as_presidio_does(presidio_analyzer):
    # A plate is only a likely plate with its context word in the five words before it.
    text = "La plaque AB-123-CD est à jour.\nRéférence interne XY-456-ZT, sans rapport."
    ours = _key(detector().analyze(text, 0.0))
    assert ours == _key(presidio_analyzer.analyze(text=text, language=LANGUAGE, score_threshold=0.0))
    plates = {text[start:end]: score for kind, start, end, score, _ in ours if kind == "FR_LICENSE_PLATE"}
    assert plates["AB-123-CD"] > plates["XY-456-ZT"]


def test_chunks_cover_the_text_in_order_and_stay_bounded():
    paragraphs = [f"Paragraphe {i}. " + "Une phrase de plus. " * (i % 40 + 1) for i in range(300)]
    text = "\n\n".join(paragraphs)
    chunks = chunk_text(text)
    assert chunks[0].start == 0 and chunks[-1].cut == len(text)
    assert all(a.cut == b.start for a, b in zip(chunks, chunks[1:]))
    assert all(c.cut - c.start <= CHUNK_CHARS for c in chunks)
    # Paragraph breaks exist everywhere: every cut is just after one, so no chunk reads past its cut.
    assert all(text[c.cut - 2 : c.cut] == "\n\n" and c.end == c.cut for c in chunks[:-1])


def test_a_long_line_is_cut_at_a_sentence_end_else_at_a_space_with_overlap():
    sentences = "Une phrase courte. " * 1000
    cut = chunk_text(sentences)[0]
    assert sentences[cut.cut - 2 : cut.cut] == ". " and cut.end == cut.cut
    words = "mot " * 3000
    cut = chunk_text(words)[0]
    assert words[cut.cut - 1] == " " and cut.cut < cut.end <= cut.cut + OVERLAP_CHARS + 4
    assert len(chunk_text("x" * 10_000)) == 3  # one endless word is still cut


@pytest.mark.model
def test_a_long_text_redacts_what_each_of_its_paragraphs_redacts():
    paragraphs = [p.read_text(encoding="utf-8").strip() for p in CORPUS] * 3
    text = "\n\n".join(paragraphs)
    assert len(text) > 3 * CHUNK_CHARS
    settings = Settings()
    whole = detect(text, settings)
    offset, alone = 0, []
    for paragraph, found in zip(paragraphs, detect_many(paragraphs, settings)):
        alone += [(e.type, e.start + offset, e.end + offset) for e in found]
        offset += len(paragraph) + 2
    # Identifiers are found exactly alike; the NER, reading neighbouring paragraphs, may type a
    # name differently, but leaves nothing in clear that it redacts in a paragraph alone.
    assert {(e.type, e.start, e.end) for e in whole if e.type not in NER_TYPES} == {
        x for x in alone if x[0] not in NER_TYPES
    }
    covered = {i for e in whole for i in range(e.start, e.end)}
    assert [x for x in alone if not covered.issuperset(range(x[1], x[2]))] == []


@pytest.mark.model
def test_a_name_across_a_forced_cut_is_found_whole():
    filler = "nous avons bien reçu votre dossier et nous vous en remercions "
    head = filler * (CHUNK_CHARS // len(filler))
    text = head + "Le dossier de Jean-Baptiste Lefebvre " + filler * 20
    cut = chunk_text(text)[0].cut
    assert text.index("Jean-Baptiste") < cut < text.index("Lefebvre") + len("Lefebvre")  # the cut splits the name
    persons = [e.text for e in detect(text, Settings()) if e.type == "PERSON"]
    assert persons == ["Jean-Baptiste Lefebvre"]


@pytest.mark.model
def test_detect_many_equals_detect_one_at_a_time():
    texts = [p.read_text(encoding="utf-8") for p in CORPUS[:6]] + ["", "   ", SAMPLE]
    settings = Settings()
    assert detect_many(texts, settings) == [detect(t, settings) for t in texts]


@pytest.mark.model
def test_ner_on_numpy_blas_finds_exactly_what_it_finds_on_blis():
    """The NER's matrix products run on numpy's BLAS for speed: same entities at the same offsets."""
    from thinc.api import NumpyOps

    from guard.nlp import BlasOps

    nlp = detector().nlp
    texts = [path.read_text(encoding="utf-8") for path in CORPUS]
    nodes = [node for _, component in nlp.pipeline for node in component.model.walk()]
    assert nodes and all(isinstance(node.ops, BlasOps) for node in nodes)

    def entities() -> list[list[tuple[int, int, str]]]:
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]

    on_blas = entities()
    try:
        for node in nodes:
            node.ops = NumpyOps()
        on_blis = entities()
    finally:
        for node in nodes:
            node.ops = BlasOps()
    assert on_blas == on_blis
    assert sum(map(len, on_blas)) > 20


@pytest.mark.model
def test_memoized_charsets_compile_the_french_tokenizer_to_the_same_code():
    """Loading memoizes `re`'s character-set optimisation: the compiled programs must be identical."""
    import re._compiler as compiler

    from guard.nlp import _memoized_charsets

    tokenizer = detector().nlp.tokenizer
    patterns = [
        function.__self__
        for function in (tokenizer.token_match, tokenizer.url_match, tokenizer.prefix_search,
                         tokenizer.suffix_search, tokenizer.infix_finditer)
        if function is not None
    ]
    assert len(patterns) == 5 and max(len(p.pattern) for p in patterns) > 10_000
    for pattern in patterns:
        plain = compiler.compile(pattern.pattern, pattern.flags)
        with _memoized_charsets():
            memoized = compiler.compile(pattern.pattern, pattern.flags)
            again = compiler.compile(pattern.pattern, pattern.flags)  # from the memo this time
        assert plain == memoized == again  # same flags, same pattern, same compiled code


@pytest.mark.model
def test_the_model_without_its_string_table_reads_texts_exactly_as_with_it():
    """Detection loads the model without the vocabulary's 713,000 strings (150 MiB): same tokens,
    same lower-case forms (context words), same entities as the model loaded whole."""
    import spacy

    from guard.nlp import load_nlp_config

    config = load_nlp_config()["models"][0]
    assert "strings" in config["exclude"]
    whole = spacy.load(config["model_name"], exclude=[c for c in config["exclude"] if c != "strings"])
    for component in config.get("enable", []):
        whole.enable_pipe(component)
    ours = detector().nlp
    assert len(ours.vocab.strings) < 100_000 < len(whole.vocab.strings)
    texts = [path.read_text(encoding="utf-8") for path in CORPUS] + [SAMPLE]

    def read(nlp) -> list:
        return [([t.lower_ for t in doc], [(e.start_char, e.end_char, e.label_) for e in doc.ents]) for doc in nlp.pipe(texts)]

    assert read(ours) == read(whole)


@pytest.mark.model
def test_a_long_text_read_block_by_block_gives_what_it_gives_whole(monkeypatch):
    """Long texts are detected in blocks of paragraphs so memory stays flat: same findings."""
    from guard import detection
    from guard.chunks import paragraph_blocks

    text = "\n\n".join(path.read_text(encoding="utf-8") for path in CORPUS) * 2
    settings = Settings()
    monkeypatch.setattr(detection, "BLOCK_CHARS", 6_000)
    blocks = paragraph_blocks(text, 6_000)
    assert len(blocks) >= 3 and blocks[0][0] == 0 and blocks[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(blocks, blocks[1:]))
    by_block = detect(text, settings)
    monkeypatch.setattr(detection, "BLOCK_CHARS", 10 * len(text))
    assert by_block == detect(text, settings)
    assert len(by_block) > 50


@pytest.mark.model
def test_detection_forgets_the_words_it_read_so_a_service_does_not_grow():
    """A service reads invoice numbers and e-mail addresses by the thousand, each new to spaCy:
    their words are forgotten after each call (a memory zone), and what is found is the same."""
    nlp = detector().nlp
    settings = Settings()
    invoice = "Facture FA-{n} du 12/03/2026, réglée par Mme Claire Dubois (claire.dubois{n}@exemple.fr)."
    expected = [(e.type, e.text) for e in detect(invoice.format(n=1), settings)]
    assert ("EMAIL_ADDRESS", "claire.dubois1@exemple.fr") in expected and ("PERSON", "Claire Dubois") in expected
    detect(invoice.format(n=2), settings)  # the words invoices share are now warmed, for good
    known = len(nlp.vocab.strings)
    for n in range(70_001, 70_101):
        found = [(e.type, e.text) for e in detect(invoice.format(n=n), settings)]
        assert found == [(t, v.replace("1@", f"{n}@")) for t, v in expected]
    assert len(nlp.vocab.strings) == known
    assert "FA-70100" not in nlp.vocab.strings


def test_importing_the_recognizers_leaves_spacys_french_rules_to_the_model_load():
    """spaCy's French tokenizer rules take seconds to compile unless `guard.nlp` loads them:
    the recognizers must not import them first (it cost 3.5 s of a 5.6 s cold start)."""
    import subprocess
    import sys

    code = "import sys, guard.recognizers; print('spacy.lang.fr' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.model
def test_threads_detecting_at_once_each_get_their_own_findings():
    """A web server's threads share one detector, one detection at a time: same answers as alone."""
    from concurrent.futures import ThreadPoolExecutor

    settings = Settings()
    texts = [path.read_text(encoding="utf-8") for path in CORPUS][:6]
    alone = [detect(text, settings) for text in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda text: detect(text, settings), texts * 2))
    assert together == alone * 2


@pytest.mark.model
def test_threads_calling_the_detector_itself_at_once_never_share_a_memory_zone():
    """The detector reads inside spaCy's memory zone, process-wide state: threads calling it
    directly (not through `detect`) still get, each, what they get alone."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [path.read_text(encoding="utf-8") for path in CORPUS][:8]
    alone = [_key(detector().analyze(text, 0.4)) for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda text: _key(detector().analyze(text, 0.4)), texts * 3))
    assert together == alone * 3
