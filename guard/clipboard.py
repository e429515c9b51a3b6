"""The system clipboard, through pyperclip; the only module that touches it."""

from __future__ import annotations

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
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        raise ClipboardError(_INSTALL_HINT) from None
