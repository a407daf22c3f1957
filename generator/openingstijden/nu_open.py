"""The "nu open" status: the JSON plan the browser gets, and the status at a moment (twin of nu-open.js)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Optional

from ..vocabulary import IN_DE_MAAND, WEKEN
from .feestdagen import feestdag
from .model import Openingstijden
from .tijden import AMSTERDAM, DAGNAMEN, HELE_DAG, VOORUIT, ZOEK_OPENING, Range, datum, tijd


def to_json(tijden: Openingstijden) -> dict:
    """The compact form nu-open.js works on (and `status_op` too, so both agree).

    {"dagen": [[[540, 1020]], ...7 lists, Monday first; minutes, end may be 1440],
     "dag_en_nacht": bool,
     "feestdagen": "gesloten" | "open"   (always "open" for dag_en_nacht),
     "uitzonderingen": [{"van": "2026-12-24", "tot": "2027-01-01", "gesloten": bool,
                         "tijden": [[540, 720]] | null, "reden": "Kerstsluiting"}],
     "in_de_maand": [1, 3]               (only when set: the weekday hours hold only on the 1st, 3rd, ...
                                          of that weekday in its month; -1 = the last one),
     "weken": "even" | "oneven"          (only when set: the weekday hours hold only in even or odd
                                          ISO weeks)}
    An uitzondering with gesloten false and tijden null means: normal hours, even on a holiday.
    """
    plan = {
        "dagen": [[[s, e] for s, e in day] for day in tijden.week()],
        "dag_en_nacht": tijden.dag_en_nacht,
        "feestdagen": "gesloten" if tijden.feestdagen_gesloten else "open",
        "uitzonderingen": [
            {
                "van": u.van.isoformat(),
                "tot": u.laatste.isoformat(),
                "gesloten": u.gesloten,
                "tijden": [[s, e] for s, e in u.ranges()] if u.tijden else None,
                "reden": u.reden,
            }
            for u in sorted(tijden.uitzonderingen, key=lambda u: u.van)
        ],
    }
    if tijden.in_de_maand:  # left out otherwise: every byte counts in pages with many hours
        plan["in_de_maand"] = [IN_DE_MAAND[week] for week in tijden.in_de_maand]
    if tijden.weken:
        plan["weken"] = tijden.weken
    return plan


def nu_open_json(tijden: Openingstijden) -> str:
    """`to_json()` as a compact JSON string, for the data-nu-open attribute (let Jinja escape it)."""
    return json.dumps(to_json(tijden), ensure_ascii=False, separators=(",", ":"))


# --- "nu open" -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    open: bool
    tekst: str


@dataclass(frozen=True)
class _Dag:
    ranges: list[Range]
    reden: Optional[str] = None  # text for the status when closed because of this day


def _in_de_maand(weken: list[int], day: dt.date) -> bool:
    """Whether `day` is, e.g., the first (1) or the last (-1) of its weekday in its month. Mirrors `inDeMaand()`."""
    keer = (day.day - 1) // 7 + 1
    laatste = (day + dt.timedelta(days=7)).month != day.month
    return any(week == keer or (week == -1 and laatste) for week in weken)


def _in_weken(weken: str, day: dt.date) -> bool:
    """Whether `day` lies in an even or odd ('even' / 'oneven') ISO week. Mirrors `inWeken()`."""
    return day.isocalendar().week % 2 == WEKEN[weken]


def _telt(plan: dict, day: dt.date) -> bool:
    """Whether the weekday hours hold on `day` (in_de_maand, weken). Mirrors `telt()`."""
    maand = plan.get("in_de_maand")
    if maand and not _in_de_maand(maand, day):
        return False
    return not plan.get("weken") or _in_weken(plan["weken"], day)


def _dag(plan: dict, day: dt.date) -> _Dag:
    """Effective hours on one date: exception first, then holiday, then the weekday (if its week counts).

    Mirrored line by line by `dag()` in nu-open.js.
    """
    iso = day.isoformat()
    normal = [tuple(r) for r in plan["dagen"][day.weekday()]] if _telt(plan, day) else []
    for u in plan["uitzonderingen"]:
        if u["van"] <= iso <= u["tot"]:
            if u["tijden"] is not None:
                return _Dag([tuple(r) for r in u["tijden"]])
            if u["gesloten"]:
                return _Dag([], f"Tijdelijk gesloten: {u['reden'].rstrip('.')}")
            return _Dag(normal)
    if plan["feestdagen"] == "gesloten":
        name = feestdag(day)
        if name:
            return _Dag([], f"Gesloten vanwege {name}" if normal else None)
    return _Dag(normal)


def weekdag_telt(plan: dict, day: dt.date) -> bool:
    """Whether the regular weekday hours of `plan` (to_json) hold on `day`: its month week and week parity."""
    return _telt(plan, day)


def tijden_op(plan: dict, day: dt.date) -> list[Range]:
    """The hours that really hold on `day` (exception, holiday, weekday), for `plan` = to_json(tijden)."""
    return _dag(plan, day).ranges


def _wanneer(k: int, day: dt.date) -> str:
    """How to name the day k days from today: 'vandaag', 'morgen', 'maandag', 'maandag 4 januari'."""
    if k == 0:
        return "vandaag"
    if k == 1:
        return "morgen"
    name = DAGNAMEN[day.weekday()]
    return name if k < 7 else f"{name} {datum(day, jaar=False)}"


def _status(plan: dict, today: dt.date, now: int) -> Status:
    """Status at local date `today`, `now` minutes after local midnight. Mirrors `status()` in nu-open.js."""
    vandaag = _dag(plan, today)
    for start, end in vandaag.ranges:
        if start <= now < end:
            k = 0
            while end == HELE_DAG:  # a range to 24.00 continues when the next day starts at 0.00
                if k >= VOORUIT:
                    return Status(True, "24 uur per dag bereikbaar" if plan["dag_en_nacht"] else "Nu open")
                following = _dag(plan, today + dt.timedelta(days=k + 1)).ranges
                if not following or following[0][0] != 0:
                    break
                k += 1
                end = following[0][1]
            when = "" if k == 0 else _wanneer(k, today + dt.timedelta(days=k)) + " "
            return Status(True, f"Nu open, tot {when}{tijd(end)} uur")
    prefix = vandaag.reden or "Gesloten"
    for k in range(ZOEK_OPENING + 1):
        day = today + dt.timedelta(days=k)
        ranges = vandaag.ranges if k == 0 else _dag(plan, day).ranges
        for start, _end in ranges:
            if k > 0 or start > now:
                return Status(False, f"{prefix}, opent {_wanneer(k, day)} om {tijd(start)} uur")
    return Status(False, prefix)


def status_op(tijden: Openingstijden, moment: dt.datetime) -> Status:
    """Is it open at `moment` (timezone-aware), and the Dutch text to show.

    The moment is converted to Europe/Amsterdam wall-clock time; hours are wall-clock hours,
    so 9.00 stays 9.00 across daylight-saving changes. Seconds are ignored.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("status_op needs a timezone-aware datetime")
    local = moment.astimezone(AMSTERDAM)
    return _status(to_json(tijden), local.date(), local.hour * 60 + local.minute)
