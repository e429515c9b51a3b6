"""Rebuild models/mostly_proper_nouns.txt: gazetteer words that French text writes capitalised.

    python scripts/build_proper_nouns.py

The lemmatizer tables behind models/common_words_fr.txt list "guillaume", "isabelle" or
"limoges" as word forms, so a first name or a town typed in lower case in a chat ("rappeler
guillaume", "je suis à limoges") looked like a common word and stayed in clear. The vectors of
fr_core_news_md keep their keys in order of frequency in the model's training text, cased: a
word whose lower-case form is much rarer there than its capitalised form ("guillaume" ranks
64,619th, "Guillaume" 2,805th) is mostly a proper noun, while "rose" (2,127th against 3,953rd)
or "marine" stay common words. Only gazetteer entries (first names, last names, towns) that are
also in common_words_fr.txt are listed: elsewhere the question does not arise.
"""

from __future__ import annotations

from pathlib import Path

import spacy

MODELS = Path(__file__).resolve().parent.parent / "models"
# The lower-case form ranks at least this many times further down than the capitalised one.
RATIO = 3.0


def _entries(name: str) -> set[str]:
    lines = (MODELS / name).read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def main() -> None:
    nlp = spacy.load("fr_core_news_md", exclude=["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler",
                                                 "lemmatizer", "ner"])
    strings = nlp.vocab.strings
    rank = {strings[key]: position for position, key in enumerate(nlp.vocab.vectors.key2row)}
    common = _entries("common_words_fr.txt")
    gazetteers = _entries("first_names.txt") | _entries("last_names.txt") | _entries("fr_towns.txt")
    words = set()
    for entry in gazetteers:
        lower = entry.lower()
        if lower not in common or entry not in rank:
            continue
        if rank.get(lower, len(rank)) >= RATIO * rank[entry]:
            words.add(lower)
    header = (
        "# Gazetteer words (first names, last names, towns) that are also in common_words_fr.txt but that\n"
        "# fr_core_news_md's vectors (Explosion, LGPL-LR) see mostly capitalised: proper nouns first.\n"
        "# Rebuilt by scripts/build_proper_nouns.py.\n"
    )
    (MODELS / "mostly_proper_nouns.txt").write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words")


if __name__ == "__main__":
    main()
