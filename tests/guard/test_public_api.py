"""The public surface: what `from guard import …` offers is exactly what `__all__` lists."""

import subprocess
import sys

import guard


def test_all_lists_exactly_the_public_names():
    public = {name for name in vars(guard) if not name.startswith("_")}
    modules = {name for name, value in vars(guard).items() if type(value).__name__ == "module"}
    assert set(guard.__all__) == public - modules


def test_all_is_sorted():
    assert guard.__all__ == sorted(guard.__all__)


def test_every_public_name_has_a_docstring():
    missing = [name for name in guard.__all__ if not getattr(guard, name).__doc__ and name != "ENTITY_TYPES"]
    assert missing == []


def test_importing_guard_loads_neither_spacy_nor_presidio():
    code = "import sys, guard; print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'presidio_analyzer', 'presidio_anonymizer', 'thinc'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
