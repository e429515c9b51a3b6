"""The system clipboard, through pyperclip; the only module that touches it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pyperclip

from guard.errors import ClipboardError

_INSTALL_HINT = (
    "No clipboard tool is available. On Linux install one: 'sudo apt install xclip' (X11) or "
    "'sudo apt install wl-clipboard' (Wayland); a desktop session (DISPLAY or WAYLAND_DISPLAY) "
    "is needed. Without a clipboard, use 'guard redact' and 'guard restore' with files or pipes."
)


def read_clipboard() -> str:
    """The clipboard's text."""
    try:
        return str(pyperclip.paste())
    except pyperclip.PyperclipException:
        raise ClipboardError(_INSTALL_HINT) from None


def write_clipboard(text: str) -> None:
    """Replace the clipboard's content with `text`."""
    try:
        with _standard_streams_detached():
            pyperclip.copy(text)
    except pyperclip.PyperclipException:
        raise ClipboardError(_INSTALL_HINT) from None


@contextmanager
def _standard_streams_detached() -> Iterator[None]:
    """Point fds 1 and 2 at /dev/null while the copy tool starts.

    xclip and xsel stay alive after a copy to serve the clipboard, and they inherit our
    stdout and stderr: whoever reads our output (`guard clip | tee`, a test) would wait for
    them forever. They must not hold our streams.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, null):
            os.close(fd)
