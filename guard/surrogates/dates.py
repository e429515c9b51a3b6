"""Fake dates of birth: another date in the same age class, written as the real one was.

The AI may reason about a minor, an adult or a retiree, so the fake date stays in the real
one's age class; reading a date written in French or English, with month names, abbreviations
or ordinals, and writing another one the same way takes a module of its own.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from .drawing import _case_like, _Draw, _random_like

# fmt: off
_MONTH_STYLES: tuple[tuple[str, ...], ...] = (
    ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"),
    ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
     "octobre", "novembre", "decembre"),
    ("janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"),
    ("janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"),
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"),
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
)
# fmt: on
_FULL_MONTHS = frozenset(_MONTH_STYLES[0] + _MONTH_STYLES[1] + _MONTH_STYLES[4])
_DATE_TOKEN = re.compile(r"\d+(?:er|st|nd|rd|th)?|[^\W\d_]+")
# Age classes a fake birth date stays in: the AI may reason about minors, adults and retirees.
_AGE_CLASSES = ((0, 17), (18, 64), (65, 95))


def _date_of_birth(draw: _Draw, value: str) -> str:
    """Another date in the same age class (minor, adult, 65+), written in the same format."""
    tokens = list(_DATE_TOKEN.finditer(value))
    read = _read_date(tokens)
    if read is None:
        return _random_like(draw.rng, value)
    real, roles = read
    fake = _draw_birth_date(draw.rng, real)
    out, cursor = [], 0
    for i, token in enumerate(tokens):
        role = roles.get(i)
        if role is None:
            continue
        out.append(value[cursor : token.start()])
        word = _render_date_part(role, token.group(), fake)
        cursor = token.end()
        if role == "month" and word.casefold() in _FULL_MONTHS and value[cursor : cursor + 1] == ".":
            cursor += 1  # "janv." became "mars": no abbreviation dot
        out.append(word)
    out.append(value[cursor:])
    return "".join(out)


def _read_date(tokens: list[re.Match[str]]) -> tuple[dt.date, dict[int, str]] | None:
    """The date the tokens name and which token is the day, month or year; None if none."""
    roles: dict[int, str] = {}
    numbers: list[tuple[int, int]] = []  # (token index, value) of the day and numeric month
    year = month = day = 0
    for i, token in enumerate(tokens):
        text = token.group()
        digits = text[: len(text) - len(text.lstrip("0123456789"))]
        if len(digits) == 4 and digits == text:
            year, roles[i] = int(text), "year"
        elif digits:
            numbers.append((i, int(digits)))
        elif (found := _month_of(text)) is not None:
            month, roles[i] = found, "month"
    if month == 0 and len(numbers) == 2:
        first, second = numbers
        # Day first, as in French, unless the year leads (ISO) or only month-first can be a date.
        day_first = roles.get(0) != "year" and not second[1] > 12 >= first[1]
        (day_at, day), (month_at, month) = (first, second) if day_first else (second, first)
        roles[day_at], roles[month_at] = "day", "month"
    elif month and len(numbers) == 1:
        day_at, day = numbers[0]
        roles[day_at] = "day"
    else:
        return None
    try:
        return dt.date(year, month, day), roles
    except ValueError:
        return None


def _month_of(word: str) -> int | None:
    folded = word.casefold()
    for style in _MONTH_STYLES:
        if folded in style:
            return style.index(folded) + 1
    return None


def _draw_birth_date(rng: random.Random, real: dt.date) -> dt.date:
    """A date in the real one's age class, counted in whole years so that it holds all year."""
    this_year = dt.date.today().year
    age = this_year - real.year
    youngest, oldest = next((lo, hi) for lo, hi in _AGE_CLASSES if age <= hi) if age <= 95 else (65, 95)
    first, last = dt.date(this_year - oldest, 1, 1), dt.date(this_year - youngest - 1, 12, 31)
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _render_date_part(role: str, model: str, date: dt.date) -> str:
    if role == "year":
        return f"{date.year:04d}"
    if role == "day":
        suffix = model.lstrip("0123456789")
        if suffix == "er":
            return "1er" if date.day == 1 else str(date.day)
        if suffix:
            return str(date.day) + _ordinal_suffix(date.day)
        return f"{date.day:0{len(model)}d}"
    if model.isdigit():
        return f"{date.month:0{len(model)}d}"
    style = next(s for s in _MONTH_STYLES if model.casefold() in s)
    name = style[date.month - 1]
    return _case_like(model, name.capitalize() if model[:1].isupper() else name)


def _ordinal_suffix(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
