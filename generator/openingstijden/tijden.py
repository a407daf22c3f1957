"""Times and days: the constants, parsing "9.00-12.00, 13.00-17.00", and Dutch dates."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator, WithJsonSchema

from ..fields import fout
from ..vocabulary import IN_DE_MAAND, WEKEN


AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAGEN = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
VOORUIT = 14  # days ahead in which a coming closing of a day-and-night range is mentioned (as in nu-open.js)
ZOEK_OPENING = 35  # days ahead to look for the next opening: five weeks reach every monthly session (as in nu-open.js)
HELE_DAG = 24 * 60
VOORBEELD = "9.00-17.00"

MaandWeek = Literal[tuple(IN_DE_MAAND)]  # type: ignore[valid-type]
EvenOneven = Literal[tuple(WEKEN)]  # type: ignore[valid-type]

Range = tuple[int, int]  # minutes since 0.00 local time, start inclusive, end exclusive; end may be 1440

# --- parsing ---------------------------------------------------------------------------------

_TIME = r"(\d{1,2})\s*[.:]\s*(\d{2})"
_RANGE_RE = re.compile(rf"^{_TIME}\s*[-–—]\s*{_TIME}(?:\s*uur)?$")
_SPLIT_RE = re.compile(r"\s*(?:,|;|\ben\b)\s*")
_RANGE_PATTERN = r"\d{1,2}\s*[.:]\s*\d{2}\s*[-–—]\s*\d{1,2}\s*[.:]\s*\d{2}(\s*uur)?"
_PATTERN = rf"^\s*([Gg]esloten|{_RANGE_PATTERN}(\s*(,|;|\sen\s)\s*{_RANGE_PATTERN})*)\s*,?\s*$"  # for editors (JSON Schema)


def tijd(minutes: int) -> str:
    """Minutes since midnight as a Dutch time: 540 -> '9.00', 1440 -> '24.00'."""
    return f"{minutes // 60}.{minutes % 60:02d}"


def _minutes(hour: str, minute: str, text: str) -> int:
    h, m = int(hour), int(minute)
    if m > 59:
        raise fout(
            f"'{text}' is geen bestaande tijd: een uur heeft 60 minuten, dus na {h}.59 komt {h + 1}.00. "
            f"Schrijf de minuten als 00 tot en met 59, bijvoorbeeld {h}.45."
        )
    if h > 24 or (h == 24 and m > 0):
        raise fout(
            f"'{text}' is geen bestaande tijd: een dag loopt van 0.00 tot 24.00. "
            f"Schrijf bijvoorbeeld {VOORBEELD}."
        )
    return h * 60 + m


_HOURS_RE = re.compile(r"^(?:van\s+)?(\d{1,2})\s*(?:u|uur)?\s*(?:[-–—]|tot)\s*(\d{1,2})\s*(?:u|uur)?$", re.IGNORECASE)
_TWO_RANGES_RE = re.compile(rf"^({_RANGE_PATTERN})\s+({_RANGE_PATTERN})$")


def _not_a_time(part: str) -> str:
    """Why `part` is no time, with the likely fix: hours without minutes, or two blocks without a comma."""
    hours = _HOURS_RE.match(part)
    if hours and int(hours.group(1)) <= 24 and int(hours.group(2)) <= 24:
        return f"'{part}' is geen tijd. Schrijf de minuten erbij: {int(hours.group(1))}.00-{int(hours.group(2))}.00."
    two = _TWO_RANGES_RE.match(part)
    if two:
        return f"'{part}' is geen tijd. Zijn het twee blokken? Zet er een komma tussen: {two.group(1)}, {two.group(3)}."
    return f"'{part}' is geen tijd; schrijf bijvoorbeeld {VOORBEELD}."


def _parse_range(part: str) -> Range:
    match = _RANGE_RE.match(part)
    if not match:
        raise fout(_not_a_time(part))
    sh, sm, eh, em = match.groups()
    start = _minutes(sh, sm, f"{sh}.{sm}")
    end = _minutes(eh, em, f"{eh}.{em}")
    shown = f"{tijd(start)}-{tijd(end)}"
    if start == HELE_DAG:
        raise fout(f"In '{shown}' begint de tijd om 24.00, dat is het einde van de dag. Schrijf 0.00 voor het begin van de dag.")
    if end == start:
        raise fout(f"In '{shown}' zijn begin en einde gelijk. Schrijf een eindtijd na de begintijd, bijvoorbeeld {VOORBEELD}.")
    if end < start:
        raise fout(
            f"In '{shown}' is de eindtijd eerder dan de begintijd. Loopt het door na middernacht? "
            f"Schrijf het dan als twee dagen: {tijd(start)}-24.00 op de eerste dag en 0.00-{tijd(end)} "
            "op de dag erna."
        )
    return start, end


@lru_cache(maxsize=4096)
def parse_tijden(text: str) -> tuple[Range, ...]:
    """Parse '9.00-12.00, 13.00-17.00' or 'gesloten' into sorted, non-overlapping ranges.

    Raises `fout(...)` with a Dutch message when the text is wrong. Touching ranges
    (9.00-12.00, 12.00-17.00) are joined into one.
    """
    value = " ".join(text.split())
    if not value:
        raise fout(f"Hier staan geen tijden. Schrijf bijvoorbeeld {VOORBEELD}, of 'gesloten'.")
    if value.lower() == "gesloten":
        return ()
    parts = [part for part in _SPLIT_RE.split(value) if part]
    if any(part.lower() == "gesloten" for part in parts):
        raise fout(f"Schrijf 'gesloten' of tijden, niet allebei. Bijvoorbeeld: {VOORBEELD}.")
    ranges = sorted(_parse_range(part) for part in parts)
    joined: list[Range] = []
    for start, end in ranges:
        if joined and start < joined[-1][1]:
            prev = joined[-1]
            raise fout(
                f"De tijden '{tijd(prev[0])}-{tijd(prev[1])}' en '{tijd(start)}-{tijd(end)}' overlappen elkaar. "
                f"Schrijf elke tijd maar één keer, bijvoorbeeld {tijd(prev[0])}-{tijd(max(end, prev[1]))}."
            )
        if joined and start == joined[-1][1]:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return tuple(joined)


@lru_cache(maxsize=4096)
def _format_tijden(ranges: tuple[Range, ...]) -> str:
    return ", ".join(f"{tijd(s)}-{tijd(e)}" for s, e in ranges) if ranges else "gesloten"


def _check_dagtijden(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise fout(f"Schrijf hier tijden, bijvoorbeeld {VOORBEELD}, of 'gesloten'.")
    if not isinstance(value, str):
        raise fout(f"'{value}' is geen tijd; schrijf een begin- en eindtijd, bijvoorbeeld {VOORBEELD}.")
    return _format_tijden(parse_tijden(value))


# Stored normalised: '9.00-12.00, 13.00-17.00' or 'gesloten'.
Dagtijden = Annotated[
    str,
    BeforeValidator(_check_dagtijden),
    WithJsonSchema({"type": "string", "pattern": _PATTERN, "examples": ["9.00-17.00", "9.00-12.00, 13.00-17.00", "gesloten"]}),
]


def datum(value: dt.date, *, jaar: bool = True) -> str:
    """'24 december 2026' (or '24 december' without the year)."""
    text = f"{value.day} {MAANDEN[value.month - 1]}"
    return f"{text} {value.year}" if jaar else text
