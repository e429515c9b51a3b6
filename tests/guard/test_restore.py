"""Restore, whole and streaming: values back in place, unknown tokens untouched and reported."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guard.placeholders import MAX_SURFACE_LENGTH
from guard.restore import LITERAL, StreamingRestorer, restore_text

TABLE: dict[tuple[str, int], object] = {
    ("PERSON", 1): "Jean Dupont",
    ("PERSON", 2): "Hélène Martin",
    ("EMAIL_ADDRESS", 1): "jean.dupont@acme.fr",
    ("FR_SIRET", 1): "732 829 320 00074",
    ("FR_SIREN", 1): "732 829 320",
    ("FR_LICENSE_PLATE", 3): "AB-123-CD",
    ("PERSON", 7): LITERAL,  # a token the user wrote: it stays as written
    ("PERSON", 1, 2): "Dupont",  # another mention of PERSON_1, restored as it was written
}


def lookup(entity_type: str, number: int, variant: int) -> object:
    return TABLE.get((entity_type, number) if variant == 0 else (entity_type, number, variant))


def knows_nothing(entity_type: str, number: int, variant: int) -> None:
    return None


def stream(chunks: list[str], restorer: StreamingRestorer) -> str:
    return "".join(restorer.feed(chunk) for chunk in chunks) + restorer.flush()


@pytest.mark.parametrize(
    "answer, restored",
    [
        ("Bonjour [PERSON_1],", "Bonjour Jean Dupont,"),
        ("Bonjour PERSON_1,", "Bonjour Jean Dupont,"),
        ("Bonjour [person_1],", "Bonjour Jean Dupont,"),
        ("Bonjour \\[PERSON\\_1\\],", "Bonjour Jean Dupont,"),
        ("Bonjour <PERSON_1>,", "Bonjour Jean Dupont,"),
        ("Bonjour {PERSON_1},", "Bonjour Jean Dupont,"),
        ("Bonjour [ PERSON_1 ],", "Bonjour Jean Dupont,"),
        ("Bonjour [[PERSON_1]],", "Bonjour [Jean Dupont],"),  # one pair taken, the user's kept
        ("Jean Dupont <[EMAIL_ADDRESS_1]>", "Jean Dupont <jean.dupont@acme.fr>"),
        ("Voir \\[PERSON_1]", "Voir \\Jean Dupont"),
        ("Bonjour [PERSON_1>,", "Bonjour [Jean Dupont>,"),
        ("SIRET [FR_SIRET_1], SIREN [FR_SIREN_1]", "SIRET 732 829 320 00074, SIREN 732 829 320"),
        ("Plaque FR_LICENSE_PLATE_3.", "Plaque AB-123-CD."),
        ("[PERSON_2] écrit à <EMAIL_ADDRESS_1>", "Hélène Martin écrit à jean.dupont@acme.fr"),
        ("[PERSON_1][PERSON_1]", "Jean DupontJean Dupont"),
        ("url_1 = person_1 + PERSON_1x", "url_1 = person_1 + PERSON_1x"),
        ("", ""),
        # Another mention of PERSON_1 ("Dupont" after "Jean Dupont"), in the forms AIs write it.
        ("Merci M. [PERSON_1.2].", "Merci M. Dupont."),
        ("Merci M. PERSON_1.2, et [person_1.2]", "Merci M. Dupont, et Dupont"),
        ("Merci M. \\[PERSON\\_1.2\\]", "Merci M. Dupont"),
        ("Merci [PERSON_1.1] et PERSON_1.", "Merci Jean Dupont et Jean Dupont."),  # `.1` is the entity itself
    ],
)
def test_known_placeholders_are_restored_in_every_tolerated_form(answer, restored):
    result = restore_text(answer, lookup)
    assert (result.text, result.unknown) == (restored, [])


@pytest.mark.parametrize(
    "answer, reported",
    [
        ("Bonjour [PERSON_9].", ["[PERSON_9]"]),
        ("Bonjour <person_9>.", ["[PERSON_9]"]),
        ("Bonjour \\[PHONE\\_NUMBER\\_1\\].", ["[PHONE_NUMBER_1]"]),
        ("[PERSON_9] et [ IBAN_CODE_2 ] et [PERSON_9]", ["[PERSON_9]", "[IBAN_CODE_2]", "[PERSON_9]"]),
        ("Bonjour [PERSON_1.5].", ["[PERSON_1.5]"]),  # a mention never written is not guessed
    ],
)
def test_unknown_placeholders_are_left_as_written_and_reported(answer, reported):
    result = restore_text(answer, lookup)
    assert (result.text, result.unknown) == (answer, reported)


def test_unknown_and_known_placeholders_mix():
    result = restore_text("[PERSON_1] appelle [PERSON_3]", lookup)
    assert (result.text, result.unknown) == ("Jean Dupont appelle [PERSON_3]", ["[PERSON_3]"])


@pytest.mark.parametrize("answer", ["Le modèle [PERSON_7]", "Le modèle <person_7>", "Le modèle PERSON_7."])
def test_literal_tokens_are_left_as_written_and_not_reported(answer):
    result = restore_text(answer, lookup)
    assert (result.text, result.unknown) == (answer, [])


def test_streaming_reports_unknown_placeholders_like_whole_restore():
    restorer = StreamingRestorer(lookup)
    out = stream(["[PERS", "ON_9] et [PERSON_", "7] et [PERSON_1", "]"], restorer)
    assert out == "[PERSON_9] et [PERSON_7] et Jean Dupont"
    assert restorer.unknown == ["[PERSON_9]"]


def test_flush_of_an_unfinished_placeholder_returns_it_as_written():
    restorer = StreamingRestorer(lookup)
    assert stream(["Bonjour [PERSON_"], restorer) == "Bonjour [PERSON_"


# -- properties ---------------------------------------------------------------------------------

FRAGMENTS = [
    "[", "]", "<", ">", "{", "}", "\\", "_", " ", "  ", "\t", "\n",
    "PERSON_1", "person_2", "EMAIL_ADDRESS_1", "PERSON", "_1", "FR_SIRE", "T_1", "N_1",
    "FR_LICENSE_PLATE_3", "PERSON_12345", "PERSON_7",
    "0", "1", "2", "3", "9", "a", "x", "P", "E", "é", "ß", "🙂", ".",
]
RICH_TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


@st.composite
def text_and_chunks(draw: st.DrawFn, text_strategy: st.SearchStrategy[str] = RICH_TEXT) -> tuple[str, list[str]]:
    """A text and one way of cutting it into consecutive chunks, empty chunks included."""
    text = draw(text_strategy)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    bounds = [0, *cuts, len(text)]
    return text, [text[a:b] for a, b in zip(bounds, bounds[1:])]


@settings(max_examples=400, deadline=None)
@given(text_and_chunks())
def test_streaming_in_any_chunks_equals_restoring_the_whole(case):
    text, chunks = case
    restorer = StreamingRestorer(lookup)
    whole = restore_text(text, lookup)
    assert stream(chunks, restorer) == whole.text
    assert restorer.unknown == whole.unknown


@settings(max_examples=200, deadline=None)
@given(text_and_chunks())
def test_streaming_one_character_at_a_time_equals_restoring_the_whole(case):
    text, _ = case
    restorer = StreamingRestorer(lookup)
    whole = restore_text(text, lookup)
    assert stream(list(text), restorer) == whole.text
    assert restorer.unknown == whole.unknown


SURFACES = [
    "[PERSON_1]", "PERSON_1", "[person_1]", "\\[PERSON\\_1\\]", "<PERSON_1>", "{PERSON_1}",
    "[ PERSON_1 ]", "[\tPERSON_1  ]", "{ person_1 }", "\\< PERSON\\_1 \\>",
]
# Text around the placeholder that cannot glue to it (no letter, digit, bracket or underscore).
SURROUNDINGS = st.text(alphabet=" .,;:!?-'\n", max_size=20)


@settings(max_examples=300, deadline=None)
@given(
    before=SURROUNDINGS.map(lambda s: s + " "),
    surface=st.sampled_from(SURFACES),
    after=SURROUNDINGS.map(lambda s: " " + s),
    data=st.data(),
)
def test_a_placeholder_split_across_chunks_comes_out_whole(before, surface, after, data):
    text = before + surface + after
    cut = data.draw(st.integers(len(before) + 1, len(before) + len(surface) - 1), label="cut")
    restorer = StreamingRestorer(lookup)
    assert stream([text[:cut], text[cut:]], restorer) == before + "Jean Dupont" + after
    assert restorer.unknown == []


PLAIN_TEXT = st.text(alphabet="ghjkmnqrtvwxyz GHJKMQRTWXYZ.,;:!?'-\nàéèçô0123456789", max_size=400)
# One placeholder, plus what may still follow it and change it: digits, spaces, a (markdown-
# escaped) closer and a mention's ".V" (restore.py's settling margin), plus two.
BOUND = MAX_SURFACE_LENGTH + 3 + 2 + 1 + 4 + 2


@settings(max_examples=200, deadline=None)
@given(text_and_chunks(PLAIN_TEXT))
def test_plain_text_is_never_held_back_more_than_one_placeholder_length(case):
    text, chunks = case
    restorer = StreamingRestorer(lookup)
    fed = emitted = 0
    for chunk in chunks:
        fed += len(chunk)
        emitted += len(restorer.feed(chunk))
        assert fed - emitted <= BOUND
    assert emitted + len(restorer.flush()) == len(text)


@settings(max_examples=300, deadline=None)
@given(text_and_chunks(st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join)))
def test_placeholder_fragments_are_never_held_back_more_than_one_placeholder_length(case):
    # With a session that knows nothing every token stays as written, so the emitted text is
    # exactly a prefix of the fed text and lengths compare directly.
    text, chunks = case
    restorer = StreamingRestorer(knows_nothing)
    fed, emitted = "", ""
    for chunk in chunks:
        fed += chunk
        emitted += restorer.feed(chunk)
        assert fed.startswith(emitted)
        assert len(fed) - len(emitted) <= BOUND
    assert emitted + restorer.flush() == text
