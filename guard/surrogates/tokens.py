"""Fake opaque values: code names (CLIENT_TERM), keys (SECRET), same-shape text for other types.

These values mean nothing by themselves, so their surrogates only keep what a reader uses: a
leading "Projet" or "Opération" before a code name, a vendor prefix or PEM armour around a key,
and otherwise the shape of the characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from guard.lexicons import lexicon

from .drawing import _WIDEN_AFTER, _case_like, _Draw, _random_like


def _token(draw: _Draw, value: str) -> str:
    """Any other type: a random value of the same shape."""
    return _random_like(draw.rng, value)


# fmt: off
_TERM_LEADS = frozenset({
    "projet", "project", "opération", "operation", "programme", "program", "dossier", "produit",
    "product", "mission", "chantier", "offre", "code", "plan", "contrat", "client", "marque",
    "initiative", "affaire", "gamme", "prototype",
})
_GREEK = (
    "Alpha", "Bêta", "Gamma", "Delta", "Epsilon", "Zêta", "Êta", "Thêta", "Iota", "Kappa",
    "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rhô", "Sigma", "Tau", "Upsilon", "Phi", "Chi",
    "Psi", "Oméga",
)
# fmt: on


@lru_cache(maxsize=1)
def _code_names() -> tuple[str, ...]:
    return tuple(sorted(lexicon("code_names.txt")))


def _client_term(draw: _Draw, value: str) -> str:
    """A neutral code name ("Projet Orion"), keeping a leading "Projet", "Opération"…"""
    value = value.strip()
    lead = re.match(r"(\S+)(\s+)(?=\S)", value)
    if lead and lead.group(1).casefold() in _TERM_LEADS:
        prefix, body = lead.group(), value[lead.end() :]
    else:
        prefix, body = "", value
    name = draw.rng.choice(_code_names())
    if draw.attempt >= _WIDEN_AFTER:
        name += " " + draw.rng.choice(_GREEK)
    if draw.attempt >= 4 * _WIDEN_AFTER:
        name += f" {draw.rng.randrange(2, 100)}"
    return prefix + _case_like(body, name)


# fmt: off
# Vendor prefixes, kept: the AI (and the reader) still see which service a key belongs to.
_SECRET_PREFIXES = tuple(sorted((
    "sk-ant-api03-", "sk-ant-", "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-or-v1-", "sk-",
    "sk_live_", "sk_test_", "rk_live_", "rk_test_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_",
    "github_pat_", "glpat-", "glptt-", "gldt-", "glrt-", "glsoat-", "glcbt-", "xoxa-", "xoxb-",
    "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xapp-", "AKIA", "ASIA", "AIza", "SG.", "npm_",
    "pypi-AgE", "hf_", "dop_v1_", "doo_v1_", "dor_v1_", "shpat_", "shpca_", "shppa_", "shpss_",
    "PMAK-", "dapi", "ATATT3", "ntn_", "secret_", "lin_api_", "gsk_", "pplx-", "xai-", "r8_",
    "ya29.", "eyJ",
), key=len, reverse=True))
# fmt: on
_SECRET_FRAME = re.compile(r"-----(?:BEGIN|END)[A-Z0-9 ]*-----|^[a-z][a-z0-9+.-]{1,20}://")


def _secret(draw: _Draw, value: str) -> str:
    """Same vendor prefix, PEM armour or URL scheme; a random body of the same characters."""
    kept = [m.span() for m in _SECRET_FRAME.finditer(value)]
    prefix = next((p for p in _SECRET_PREFIXES if value.startswith(p)), "")
    kept.append((0, len(prefix)))
    out, cursor = [], 0
    for start, end in sorted(kept):
        if start < cursor:
            continue
        out += [_random_like(draw.rng, value[cursor:start]), value[start:end]]
        cursor = end
    out.append(_random_like(draw.rng, value[cursor:]))
    return "".join(out)
