"""Folding for detection: what each hidden or look-alike character becomes, and the way back."""

from __future__ import annotations

import pytest

from guard.entities import Entity
from guard.textnorm import fold_for_detection, unfold_entities


@pytest.mark.parametrize(
    "text, folded",
    [
        ("06\u200b12\u200c34\u200d56\u206078", "0612345678"),  # zero-width space, non-joiner, joiner, word joiner
        ("\ufeffJean\u00adDupont", "JeanDupont"),  # byte-order mark, soft hyphen
        ("Jean\u00a0Dupont\u202fet\u2007Cie\u3000!", "Jean Dupont et Cie !"),  # no-break, narrow, figure, ideographic
        ("７３２ ８２９ ３２０", "732 829 320"),  # full-width digits
        ("ｊｅａｎ＠ａｃｍｅ．ｆｒ", "jean@acme.fr"),  # full-width letters and signs
        ("٠٦ ١٢ ۳۴", "06 12 34"),  # Arabic-Indic and Persian digits
        ("He\u0301le\u0300ne", "Hélène"),  # combining accents composed
        ("e\u200b\u0301", "é"),  # an invisible character between a letter and its accent
        ("\u202eenoD naeJ\u202c", "enoD naeJ"),  # bidirectional override
        ("06\ufe0f12", "0612"),  # variation selector
        ("Jean Dupont, 06 12 34 56 78", "Jean Dupont, 06 12 34 56 78"),  # nothing to fold
        ("\U00010d40\U00010d41", "\U00010d40\U00010d41"),  # regression: digits Python's Unicode 14 does not know
    ],
)
def test_hidden_and_look_alike_characters_fold_to_what_a_reader_sees(text: str, folded: str) -> None:
    assert fold_for_detection(text).text == folded


def test_plain_text_is_not_marked_changed_so_detection_takes_the_direct_path() -> None:
    assert not fold_for_detection("Bonjour Jean Dupont, 06 12 34 56 78 ; café, élève.").changed


def test_a_span_found_in_the_folded_text_covers_the_original_characters_hidden_inside() -> None:
    text = "Tél : 06\u200b12 34\u2060 56 78 !"
    folded = fold_for_detection(text)
    start = folded.text.index("06")
    span = folded.original_span(start, start + len("0612 34 56 78"))
    assert text[span[0] : span[1]] == "06\u200b12 34\u2060 56 78"


def test_entities_come_back_with_original_offsets_text_and_no_split_letter() -> None:
    text = "Mme He\u0301le\u0300ne Martin"
    folded = fold_for_detection(text)
    found = [Entity("PERSON", 4, 17, 0.9, folded.text[4:17])]
    [entity] = unfold_entities(found, folded, text)
    assert (entity.start, entity.end, entity.text) == (4, len(text), "He\u0301le\u0300ne Martin")
    # Two findings ending and starting inside one composed letter merge rather than overlap.
    halves = [Entity("PERSON", 4, 6, 0.5, ""), Entity("LOCATION", 5, 17, 0.8, "")]
    merged = unfold_entities(halves, folded, text)
    assert [(e.type, e.start, e.end) for e in merged] == [("PERSON", 4, len(text))]
