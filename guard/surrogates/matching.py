"""Finding surrogates again in an AI's answer, however it rewrote them, and restoring the originals.

`surrogate_pattern()` matches one surrogate as AI models rewrite it (case, accents, spacing,
line breaks, `+33` for `0`); `SurrogateMatcher` joins a session's surrogates into one scanner,
longest first and whole words only ("Martin" never inside "Martine"), and restores a text at
once or as a stream (`matcher.restorer()`, whose output joined equals `restore()`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from .contact import _URL
from .drawing import _alnum

_NAME_TYPES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "CLIENT_TERM"})
_NUMBER_TYPES = frozenset({
    "IBAN_CODE", "BIC", "CREDIT_CARD", "FR_NIR", "FR_SIREN", "FR_SIRET", "FR_TVA", "FR_RIB",
    "FR_TAX_ID", "FR_PASSPORT", "FR_CNI", "FR_LICENSE_PLATE",
})  # fmt: skip
# Between two characters of a number, what AI models write: nothing, a space, a dot, a dash.
# `\s` covers NBSP and narrow NBSP, and a line break where the AI wrapped a long number. (Listing
# those characters one by one makes the class far slower to compile, and every drawn candidate's
# pattern is compiled once.)
_SEPARATOR = r"[\s.\-]"
_NUMBER_GAP = _SEPARATOR + "?"


def surrogate_pattern(entity_type: str, surrogate: str) -> str:
    """A regex that finds `surrogate` however an AI rewrote it, as a whole word.

    Names, places and terms: any case, accents dropped, spaces as line breaks or NBSP.
    Addresses also commas for line breaks. E-mails and URLs: any case (URLs without scheme or
    `www.`). Phones: any grouping, `+33`/`0033`/`(0)` for the leading 0. Identifiers: any case,
    spaces, dots or dashes between characters. Dates: any of `/ . -`. Secrets: exactly.
    """
    if entity_type in _NAME_TYPES or entity_type == "ADDRESS":
        atoms = _text_atoms(surrogate, address=entity_type == "ADDRESS")
    elif entity_type in ("EMAIL_ADDRESS", "IP_ADDRESS"):
        atoms = [_letter(ch) for ch in surrogate.strip()]
    elif entity_type == "URL":
        atoms = _url_atoms(surrogate)
    elif entity_type == "PHONE_NUMBER":
        atoms = _phone_atoms(surrogate)
    elif entity_type in _NUMBER_TYPES:
        atoms = [_letter(ch) for ch in _alnum(surrogate)]
        atoms[1:] = [_NUMBER_GAP + atom for atom in atoms[1:]]
    elif entity_type == "DATE_OF_BIRTH":
        atoms = _text_atoms(surrogate, address=False, date=True)
    elif entity_type == "SECRET":
        atoms = [re.escape(ch) for ch in surrogate.strip()]
    else:
        atoms = _text_atoms(surrogate, address=False)
    return _bounded(surrogate, atoms, entity_type)


_ONE_CHARACTER = re.compile(r"\\?.|\[[^\]]+\]", re.S)


def _bounded(surrogate: str, atoms: list[str], entity_type: str) -> str:
    """Whole words only: no letter or digit glued before or after (nor a dot in an e-mail or URL).

    The look-behind goes after the first character when it can: a scanner joining many patterns
    then skips, in C, every alternative whose first character does not fit.
    """
    web = entity_type in ("EMAIL_ADDRESS", "URL")
    glued = r"[\w.+\-/@]" if web else r"\w"
    after = r"(?![\w\-/@]|\.\w)" if web else r"(?!\w)"
    if entity_type in _NUMBER_TYPES or entity_type == "PHONE_NUMBER":
        after = rf"(?!\w|{_SEPARATOR}\d)"  # not the head of a longer number
    if entity_type == "IP_ADDRESS":
        after = r"(?![\w:]|\.\d)"
    stripped = surrogate.strip()
    tail = after if stripped[-1:].isalnum() or web else ""
    if not (stripped[:1].isalnum() or web or entity_type == "PHONE_NUMBER"):
        return "".join(atoms) + tail
    if _ONE_CHARACTER.fullmatch(atoms[0]):
        return atoms[0] + rf"(?<!{glued}[\s\S])" + "".join(atoms[1:]) + tail
    return rf"(?<!{glued})" + "".join(atoms) + tail


def _text_atoms(text: str, *, address: bool, date: bool = False) -> list[str]:
    """Character by character: case and accents free, spacing and hyphenation free."""
    out = []
    for match in re.finditer(r"[\s,]+|[-\u2010\u2011]|['’]|[/.]|.", text.strip(), re.S):
        piece = match.group()
        if date and piece in ("/", ".", "-"):
            out.append(r"[/.\-]")
        elif piece.isspace() or (address and piece.strip(" \t\n\u00a0\u202f") == ","):
            out.append(r"[\s,]{1,4}" if address else r"\s{1,3}")
        elif piece.strip().startswith(","):
            out.append(r"\s?,\s{0,2}")
        elif piece in "-\u2010\u2011":
            out.append(r"(?:\s?[-\u2010\u2011]\s?|\s{1,3})")
        elif piece in "'’":
            out.append("['’]")
        else:
            out.append(_letter(piece))
    return out


def _letter(ch: str) -> str:
    """A character in any case, and a letter with or without its accent ("é" matches "E").

    Spelt out as a class rather than left to `(?i)`: compiling case-folded classes costs
    milliseconds per pattern, and every drawn candidate is compiled once.
    """
    if not ch.isalpha():
        return re.escape(ch)
    base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
    forms = {ch, ch.lower(), ch.upper()} | ({base.lower(), base.upper()} if len(base) == 1 else set())
    forms = {form for form in forms if len(form) == 1}
    return re.escape(ch) if len(forms) == 1 else "[" + "".join(sorted(forms)) + "]"


def _url_atoms(surrogate: str) -> list[str]:
    match = _URL.match(surrogate.strip())
    if not match:
        return [_letter(ch) for ch in surrogate.strip()]
    scheme = r"(?:[A-Za-z][A-Za-z0-9+.-]{0,20}://)?" if match.group("scheme") else ""
    www = r"(?:[Ww]{3}\.)?" if match.group("www") else ""
    rest = match.group("host") + (match.group("port") or "") + match.group("rest").rstrip("/")
    return [prefix for prefix in (scheme + www,) if prefix] + [_letter(ch) for ch in rest] + ["/?"]


def _phone_atoms(surrogate: str) -> list[str]:
    """The national number with any grouping, after a 0 or the country code (+33, 0033, (0))."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(surrogate, "FR")
    except phonenumbers.NumberParseException:
        return [_NUMBER_GAP.join(re.escape(ch) for ch in surrogate if ch.isdigit())]
    national = _NUMBER_GAP.join(phonenumbers.national_significant_number(parsed))
    gap = _SEPARATOR + "{0,2}"
    code = rf"{gap}{parsed.country_code}{gap}(?:\(0\){gap})?"
    if parsed.country_code != 33:  # abroad the trunk 0 is optional
        return [rf"(?:(?:\+|00){code}|0)?{gap}{national}"]
    # "+", "00" or "0" first, as one character class: see _bounded.
    return ["[+0]", rf"(?:(?<=\+){code}|(?<=0)0{code}|(?<=0)){gap}{national}"]


@dataclass(frozen=True)
class SurrogateMatch:
    """A surrogate found in text: where, and the original it stands for (left out of `repr`)."""

    start: int
    end: int
    original: str = ""

    def __repr__(self) -> str:
        return f"SurrogateMatch(start={self.start}, end={self.end})"


class SurrogateMatcher:
    """Finds a session's surrogates in text, however the AI rewrote them, and maps each back.

        matcher = SurrogateMatcher({("PERSON", "Luc Martin"): "Jean Dupont"})
        matcher.restore("Bonjour LUC MARTIN,")        # 'Bonjour Jean Dupont,'
        r = matcher.restorer(); "".join(r.feed(c) for c in chunks) + r.flush()
    """

    def __init__(self, originals: Mapping[tuple[str, str], str]) -> None:
        # Longest first: at one position "Luc Martin" wins over the surname "Martin" alone.
        entries = sorted(originals.items(), key=lambda item: (-len(item[0][1]), item[0]))
        self._originals = [original for _, original in entries]
        # The group that names the surrogate comes last and empty: each alternative then starts
        # with its first character, which the regex engine checks before trying the rest.
        patterns = [f"(?:{surrogate_pattern(t, s)})(?P<s{i}>)" for i, ((t, s), _) in enumerate(entries)]
        self._regex = re.compile("|".join(patterns)) if patterns else None
        #: Longest text one match can span, plus its look-around: a stream holds this much back
        #: until more text or the end decides it. No tolerant form spans more than four
        #: characters per character of the surrogate (a space becomes at most `[\s,]{1,4}`),
        #: nor more than 23 extra ones (a URL's scheme, a phone's `0033 (0)`).
        self.horizon = max((4 * len(s) + 24 for (_, s) in originals), default=0)

    def find(self, text: str, pos: int = 0, endpos: int | None = None) -> list[SurrogateMatch]:
        """Every surrogate in `text[pos:endpos]`, left to right, never overlapping."""
        if self._regex is None:
            return []
        end = len(text) if endpos is None else endpos
        return [
            SurrogateMatch(m.start(), m.end(), self._originals[int(m.lastgroup[1:])])  # type: ignore[index]
            for m in self._regex.finditer(text, pos, end)
        ]

    def restore(self, text: str) -> str:
        """`text` with every surrogate replaced by its original."""
        return _splice(text, self.find(text), 0, len(text))

    def restorer(self) -> SurrogateRestorer:
        """A streaming restorer: feed chunks, then flush; joined, the output equals `restore()`."""
        return SurrogateRestorer(self)


def _splice(text: str, matches: list[SurrogateMatch], start: int, end: int) -> str:
    pieces, cursor = [], start
    for match in matches:
        pieces += [text[cursor : match.start], match.original]
        cursor = match.end
    pieces.append(text[cursor:end])
    return "".join(pieces)


# Characters of emitted text kept so that the next scan sees what precedes it (look-behind).
_LOOKBEHIND = 2


class SurrogateRestorer:
    """Restores a stream chunk by chunk, holding back only what a surrogate could still span."""

    def __init__(self, matcher: SurrogateMatcher) -> None:
        self._matcher = matcher
        self._buffer = ""
        self._done = 0  # characters of the buffer already emitted (kept as context)

    def feed(self, chunk: str) -> str:
        """Add a chunk; return the restored text that no later chunk can change."""
        self._buffer += chunk
        return self._emit(len(self._buffer) - self._matcher.horizon, final=False)

    def flush(self) -> str:
        """Return the rest, the stream being over."""
        return self._emit(len(self._buffer), final=True)

    def _emit(self, limit: int, *, final: bool) -> str:
        if limit <= self._done and not final:
            return ""
        # A match starting before `limit` has all the text it could span: it is final.
        matches = [m for m in self._matcher.find(self._buffer, self._done) if final or m.start < limit]
        stop = len(self._buffer) if final else max([limit] + [m.end for m in matches])
        out = _splice(self._buffer, matches, self._done, stop)
        keep = max(0, stop - _LOOKBEHIND)
        self._buffer, self._done = self._buffer[keep:], stop - keep
        return out


def restore_surrogates(text: str, originals: Mapping[tuple[str, str], str]) -> str:
    """`text` with each surrogate restored; `originals` maps (type, surrogate) to the original."""
    return SurrogateMatcher(originals).restore(text)
