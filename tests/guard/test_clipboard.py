"""`guard clip` / `guard unclip` on a real X clipboard (Xvfb + xclip), in real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

GUARD = str(Path(sys.executable).with_name("guard"))
EMAIL = "Bonjour,\nJean Dupont — jean.dupont@acme.fr — 06 12 34 56 78\nIBAN FR76 3000 6000 0112 3456 7890 189 (5 000 €)\n"
VALUES = ["Jean Dupont", "jean.dupont@acme.fr", "06 12 34 56 78", "FR76 3000 6000 0112 3456 7890 189"]


def _env(display: str) -> dict[str, str]:
    return {**os.environ, "DISPLAY": display}


def set_clipboard(display: str, text: str) -> None:
    subprocess.run(["xclip", "-selection", "clipboard", "-i"], input=text.encode(), env=_env(display), check=True)


def get_clipboard(display: str) -> str:
    out = subprocess.run(["xclip", "-selection", "clipboard", "-o"], capture_output=True, env=_env(display), check=True)
    return out.stdout.decode()


def test_clip_redacts_the_clipboard_in_place_and_unclip_restores_it(display):
    set_clipboard(display, EMAIL)
    clip = subprocess.run([GUARD, "clip"], capture_output=True, env=_env(display), timeout=120)
    assert clip.returncode == 0, clip.stderr
    redacted = get_clipboard(display)
    assert [v for v in VALUES if v in redacted] == [] and "[IBAN_CODE_1]" in redacted
    assert "5 000 €" in redacted and "—" in redacted  # UTF-8 survives the clipboard
    answer = "Réponse à [person_1] : je note \\[IBAN\\_CODE\\_1\\]."
    set_clipboard(display, answer)
    unclip = subprocess.run([GUARD, "unclip"], capture_output=True, env=_env(display), timeout=120)
    assert unclip.returncode == 0, unclip.stderr
    assert get_clipboard(display) == "Réponse à Jean Dupont : je note FR76 3000 6000 0112 3456 7890 189."


def test_unclip_of_the_redacted_clipboard_gives_back_the_original(display):
    set_clipboard(display, EMAIL)
    subprocess.run([GUARD, "clip"], capture_output=True, env=_env(display), timeout=120, check=True)
    subprocess.run([GUARD, "unclip"], capture_output=True, env=_env(display), timeout=120, check=True)
    assert get_clipboard(display) == EMAIL


def test_missing_clipboard_tool_says_what_to_install(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PATH"] = str(Path(sys.executable).parent)  # no xclip, xsel or wl-copy reachable
    result = subprocess.run([GUARD, "clip"], capture_output=True, env=env, timeout=120)
    assert result.returncode == 2
    assert b"apt install xclip" in result.stderr and b"Traceback" not in result.stderr
