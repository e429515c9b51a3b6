"""The public surface: what `from guard import …` offers is exactly what `__all__` lists."""

import subprocess
import sys

import pytest

import guard


def test_all_lists_exactly_the_public_names():
    # Names load on first use (PEP 562): dir() lists what `from guard import …` offers.
    public = {name for name in dir(guard) if not name.startswith("_")}
    modules = {name for name in public if type(getattr(guard, name)).__name__ == "module"}
    assert set(guard.__all__) == public - modules


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Gaurd'"):
        guard.Gaurd  # noqa: B018


def test_all_is_sorted():
    assert guard.__all__ == sorted(guard.__all__)


def test_every_public_name_has_a_docstring():
    missing = [name for name in guard.__all__ if not getattr(guard, name).__doc__ and name != "ENTITY_TYPES"]
    assert missing == []


def test_importing_guard_loads_neither_spacy_nor_presidio():
    code = "import sys, guard; print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'presidio_analyzer', 'presidio_anonymizer', 'thinc'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
