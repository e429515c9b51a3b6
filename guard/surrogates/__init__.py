"""Surrogates: realistic, format-valid fake values shown to the AI instead of `[TYPE_N]` tags.

With `placeholder_style = "surrogate"`, "Jean Dupont, 06 12 34 56 78" reaches the AI as
"Luc Martin, 06 39 98 41 07": the text reads naturally, and the answer is restored by finding
the surrogates again.

Safe where the world reserves ranges: phones in ARCEP's blocks for fiction, IP addresses in the
documentation networks (RFC 5737, RFC 3849), e-mail and web domains under `.example`, a TLD that
never resolves (RFC 2606), so an AI agent can never write to or call a real person; cards under
the networks' published test IINs. Every checksum comes from python-stdnum.

`generator` draws a session's surrogates through one maker module per kind of value (`names`,
`places`, `contact`, `identifiers`, `dates`, `tokens`, sharing `drawing`); `matching` finds them
again in the AI's answer. The names below are the public surface; the modules are internal.
"""

from __future__ import annotations

from .generator import SurrogateGenerator, new_seed
from .matching import (
    SurrogateMatch,
    SurrogateMatcher,
    SurrogateRestorer,
    restore_surrogates,
    surrogate_pattern,
)

__all__ = [
    "SurrogateGenerator",
    "SurrogateMatch",
    "SurrogateMatcher",
    "SurrogateRestorer",
    "new_seed",
    "restore_surrogates",
    "surrogate_pattern",
]
