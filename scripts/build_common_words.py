"""Rebuild models/common_words_fr.txt: French word forms known to the model's lemmatizer.

    python scripts/build_common_words.py

The NER post-filter uses it to tell a capitalised common word at a sentence start ("Bonne
fin de semaine", "Rappel :") from a name. The forms come from the lemmatizer tables shipped in
fr_core_news_md (from spacy-lookups-data, MIT licence); loading those tables at run time takes
two seconds, this list a few milliseconds.
"""

from __future__ import annotations

from pathlib import Path

import spacy.util
from spacy.lookups import Lookups

MODELS = Path(__file__).resolve().parent.parent / "models"


def main() -> None:
    package = spacy.util.get_package_path("fr_core_news_md")
    lookups = Lookups().from_disk(next(package.glob("*/lemmatizer/lookups")))
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    words = {w for pos in index.keys() for w in index[pos]} | {w for pos in exceptions.keys() for w in exceptions[pos]}
    words = sorted(w for w in words if len(w) >= 2 and w.isalpha() and w.islower())
    header = "# French word forms from fr_core_news_md's lemmatizer tables (spacy-lookups-data, MIT).\n"
    (MODELS / "common_words_fr.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words")


if __name__ == "__main__":
    main()
