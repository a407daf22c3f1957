"""Opening hours as data: parsing and validation, Dutch display, public holidays and "nu open".

Partners write hours per weekday in their YAML file:

    openingstijden:
      ma: 9.00-17.00
      di: 9.00-12.00, 13.00-17.00
      za: gesloten
      feestdagen: gesloten          # default; 'open' = normal hours on public holidays
      uitzonderingen:
        - van: 2026-12-24
          tot: 2027-01-01           # inclusive; leave out for one day
          reden: Kerstsluiting
        - van: 2026-12-31
          tijden: 9.00-12.00        # other hours that day instead of closed
          reden: Oudejaarsdag
        - van: 2026-05-05
          gesloten: nee             # open as usual, even though it is a public holiday
          reden: Bevrijdingsdag gewoon open

Hours that are not every week, e.g. a café on the first Monday evening of the month:

    inloop:
      ma: 19.00-20.30
      in_de_maand: [eerste]         # or [eerste, derde], [laatste]; applies to every day written here

Times may be written as 9.00, 9:00 or 09.00; ranges with '-' or '–'; several ranges with ','.
A day runs from 0.00 to 24.00: hours over midnight are written as two days (22.00-24.00 and
0.00-2.00 the next day); "nu open" shows such hours as one continuous stretch.

"Nu open" is computed in two places that must agree to the letter: `status_op()` here (used by
tests and anything server-side) and generator/assets/js/nu-open.js in the browser. Both work on
the same JSON form (`to_json()`) and the same list of public holidays (`feestdagen_json()`);
tests/test_nu_open_js.py checks that they produce identical strings.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Literal, Optional
from zoneinfo import ZoneInfo

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator

from .fields import JaNee, Regel, fout
from .vocabulary import IN_DE_MAAND

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


def _parse_range(part: str) -> Range:
    match = _RANGE_RE.match(part)
    if not match:
        raise fout(f"'{part}' is geen tijd; schrijf bijvoorbeeld {VOORBEELD}.")
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


# --- models ----------------------------------------------------------------------------------


class Uitzondering(BaseModel):
    """A day or period with other hours: closed (default), other `tijden`, or `gesloten: nee` = as usual."""

    model_config = ConfigDict(extra="forbid")

    van: dt.date = Field(description="Eerste dag van de uitzondering (jjjj-mm-dd).", examples=["2026-12-24"])
    tot: Optional[dt.date] = Field(None, description="Laatste dag (jjjj-mm-dd), die telt mee. Laat weg als het om één dag gaat.")
    gesloten: JaNee = Field(True, description="Dicht op deze dag(en)? Schrijf 'nee' met 'tijden' voor andere tijden, of 'nee' zonder tijden voor gewoon open (ook op een feestdag).")
    tijden: Optional[Dagtijden] = Field(None, description="Andere tijden op deze dag(en), bijvoorbeeld 9.00-12.00.")
    reden: Regel = Field(description="Waarom, in een paar woorden. Inwoners zien dit, bijvoorbeeld 'Kerstsluiting'.")

    @field_validator("tot")
    @classmethod
    def _tot_na_van(cls, tot: Optional[dt.date], info: ValidationInfo) -> Optional[dt.date]:
        van = info.data.get("van")
        if tot is not None and isinstance(van, dt.date) and tot < van:
            raise fout(
                f"De einddatum ({tot.isoformat()}) ligt vóór de begindatum ({van.isoformat()}). "
                "Zet bij 'tot' de laatste dag van de uitzondering, of haal 'tot' weg als het om één dag gaat."
            )
        return tot

    @model_validator(mode="after")
    def _gesloten_of_tijden(self) -> "Uitzondering":
        if self.tijden is None:
            return self
        if self.tijden == "gesloten":
            raise fout("Is het die dag dicht? Haal dan 'tijden' weg: een uitzondering is vanzelf gesloten.")
        if "gesloten" in self.model_fields_set and self.gesloten:
            raise fout(
                "Er staat 'gesloten: ja' en ook 'tijden'. Ben je die dag op andere tijden open? "
                "Schrijf dan 'gesloten: nee'. Ben je dicht? Haal dan 'tijden' weg."
            )
        self.gesloten = False  # other hours imply open
        return self

    @property
    def laatste(self) -> dt.date:
        return self.tot or self.van

    def geldt_op(self, day: dt.date) -> bool:
        return self.van <= day <= self.laatste

    def ranges(self) -> list[Range]:
        return list(parse_tijden(self.tijden)) if self.tijden else []


class Openingstijden(BaseModel):
    """Weekly hours plus holidays and exceptions. Days left out are closed (and not shown)."""

    model_config = ConfigDict(extra="forbid")

    ma: Optional[Dagtijden] = Field(None, description="Maandag, bijvoorbeeld 9.00-17.00 of 9.00-12.00, 13.00-17.00 of gesloten.")
    di: Optional[Dagtijden] = Field(None, description="Dinsdag.")
    wo: Optional[Dagtijden] = Field(None, description="Woensdag.")
    do: Optional[Dagtijden] = Field(None, description="Donderdag.")
    vr: Optional[Dagtijden] = Field(None, description="Vrijdag.")
    za: Optional[Dagtijden] = Field(None, description="Zaterdag.")
    zo: Optional[Dagtijden] = Field(None, description="Zondag.")
    dag_en_nacht: JaNee = Field(False, description="Altijd bereikbaar, 24 uur per dag en 7 dagen per week? Schrijf dan 'ja' en geen tijden per dag.")
    feestdagen: Literal["gesloten", "open"] = Field("gesloten", description="Op feestdagen gesloten (standaard) of gewoon open.")
    in_de_maand: list[MaandWeek] = Field(
        default_factory=list,
        description=(
            "Niet elke week open, maar alleen op bepaalde weekdagen van de maand? Schrijf welke: [eerste] "
            "bij 'ma' betekent alleen de eerste maandag van de maand; [eerste, derde] de eerste en de derde; "
            "[laatste] de laatste. Dit geldt voor alle dagen die je hier invult. Laat weg als het elke week is."
        ),
        examples=[["eerste"], ["eerste", "derde"], ["laatste"]],
        json_schema_extra={"minItems": 1, "uniqueItems": True},  # as the validator below, for editors
    )
    uitzonderingen: list[Uitzondering] = Field(default_factory=list, description="Dagen of periodes met andere tijden, bijvoorbeeld een kerstsluiting.")
    toelichting: Optional[Regel] = Field(None, description="Korte extra uitleg, bijvoorbeeld 'Bellen kan ook buiten deze tijden'.")

    @field_validator("uitzonderingen")
    @classmethod
    def _niet_dubbel(cls, uitzonderingen: list[Uitzondering]) -> list[Uitzondering]:
        ordered = sorted(uitzonderingen, key=lambda u: u.van)
        for first, second in zip(ordered, ordered[1:]):
            if second.van <= first.laatste:
                raise fout(
                    f"De uitzonderingen '{first.reden}' en '{second.reden}' gaan allebei over "
                    f"{datum(second.van)}. Zorg dat elke dag maar in één uitzondering staat."
                )
        return uitzonderingen

    @field_validator("in_de_maand")
    @classmethod
    def _maandweken(cls, weken: list[str]) -> list[str]:
        if not weken:
            raise fout(
                "Bij 'in_de_maand' staat niets. Haal de regel weg als het elke week is, of schrijf welke "
                "weekdagen van de maand, bijvoorbeeld 'in_de_maand: [eerste]'."
            )
        dubbel = sorted({week for week in weken if weken.count(week) > 1}, key=list(IN_DE_MAAND).index)
        if dubbel:
            raise fout(f"Bij 'in_de_maand' staat '{dubbel[0]}' twee keer. Schrijf elke week maar één keer.")
        return sorted(weken, key=list(IN_DE_MAAND).index)

    @model_validator(mode="after")
    def _samenhang(self) -> "Openingstijden":
        days = [day for day in DAGEN if getattr(self, day) is not None]
        if self.dag_en_nacht and self.in_de_maand:
            raise fout(
                "Er staat 'dag_en_nacht: ja' en ook 'in_de_maand'. Dag en nacht bereikbaar is elke dag; "
                "haal 'in_de_maand' weg, of zet dag_en_nacht op nee en schrijf de tijden per dag."
            )
        if self.dag_en_nacht:
            if days:
                raise fout(
                    f"Er staat 'dag_en_nacht: ja' en ook tijden per dag ({', '.join(days)}). "
                    "Haal de tijden per dag weg als je altijd bereikbaar bent, of zet dag_en_nacht op nee."
                )
            if "feestdagen" in self.model_fields_set and self.feestdagen == "gesloten":
                raise fout(
                    "Er staat 'dag_en_nacht: ja' en 'feestdagen: gesloten'. Dag en nacht bereikbaar "
                    "betekent ook op feestdagen; haal 'feestdagen: gesloten' weg."
                )
        elif not any(self.ranges(day) for day in DAGEN):
            raise fout(
                "Er staan geen tijden in de openingstijden. Schrijf per dag wanneer je open bent, "
                f"bijvoorbeeld 'ma: {VOORBEELD}', of 'dag_en_nacht: ja' als je altijd bereikbaar bent."
            )
        return self

    def ranges(self, day: str | int) -> list[Range]:
        """The ranges of a weekday ('ma'..'zo' or 0 = Monday .. 6 = Sunday), in minutes, sorted."""
        key = DAGEN[day] if isinstance(day, int) else day
        if key not in DAGEN:
            raise KeyError(day)
        if self.dag_en_nacht:
            return [(0, HELE_DAG)]
        text = getattr(self, key)
        return list(parse_tijden(text)) if text else []

    def week(self) -> list[list[Range]]:
        """Ranges for Monday .. Sunday."""
        return [self.ranges(day) for day in DAGEN]

    @property
    def feestdagen_gesloten(self) -> bool:
        return self.feestdagen == "gesloten" and not self.dag_en_nacht


# --- display ---------------------------------------------------------------------------------


def _opsomming(items: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def _dagen_tekst(indices: list[int]) -> str:
    """[0, 1, 2, 3, 4] -> 'ma t/m vr'; [1, 3] -> 'di en do'; [0, 1, 2, 4] -> 'ma t/m wo en vr'."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    items: list[str] = []
    for run in runs:
        if len(run) >= 3:
            items.append(f"{DAGEN[run[0]]} t/m {DAGEN[run[-1]]}")
        else:
            items.extend(DAGEN[i] for i in run)
    return _opsomming(items)


def tijden_tekst(ranges: list[Range] | tuple[Range, ...]) -> str:
    """'9.00–12.00 en 13.00–16.00 uur' (or 'gesloten')."""
    if not ranges:
        return "gesloten"
    return _opsomming([f"{tijd(s)}–{tijd(e)}" for s, e in ranges]) + " uur"


def _maand_tekst(weken: list[str], day: int) -> str:
    """(['eerste', 'derde'], 1) -> 'Elke eerste en derde dinsdag van de maand'."""
    return f"Elke {_opsomming(weken)} {DAGNAMEN[day]} van de maand"


def _dag_lines(tijden: Openingstijden) -> list[str]:
    """The lines for the weekdays: days with the same hours grouped; in_de_maand days one line each."""
    groups: dict[tuple[Range, ...], list[int]] = {}
    monthly: list[str] = []
    for index, day in enumerate(DAGEN):
        if getattr(tijden, day) is None:
            continue
        ranges = tuple(tijden.ranges(day))
        if tijden.in_de_maand and ranges:
            monthly.append(f"{_maand_tekst(tijden.in_de_maand, index)} {tijden_tekst(ranges)}")
        else:
            groups.setdefault(ranges, []).append(index)
    return monthly + [f"{_dagen_tekst(days)} {tijden_tekst(ranges)}" for ranges, days in groups.items()]


def display_lines(tijden: Openingstijden) -> list[str]:
    """Dutch lines for a page: days with the same hours grouped, then holidays and the toelichting.

    ['ma t/m vr 9.00–17.00 uur', 'za en zo gesloten', 'Op feestdagen gesloten'];
    with in_de_maand: ['Elke eerste en derde dinsdag van de maand 9.00–11.00 uur', 'Op feestdagen gesloten'].
    Days the partner left out are not shown; days written as 'gesloten' are.
    """
    if tijden.dag_en_nacht:
        lines = ["24 uur per dag, 7 dagen per week bereikbaar"]
    else:
        lines = _dag_lines(tijden)
        lines.append("Op feestdagen gesloten" if tijden.feestdagen_gesloten else "Op feestdagen open")
    if tijden.toelichting:
        lines.append(tijden.toelichting)
    return lines


def _periode(u: Uitzondering) -> str:
    if u.laatste == u.van:
        return f"op {datum(u.van)}"
    if (u.van.year, u.van.month) == (u.laatste.year, u.laatste.month):
        return f"van {u.van.day} t/m {datum(u.laatste)}"
    return f"van {datum(u.van, jaar=u.van.year != u.laatste.year)} t/m {datum(u.laatste)}"


def uitzondering_lines(tijden: Openingstijden, vanaf: dt.date) -> list[str]:
    """Dutch lines for the exceptions that are not over on `vanaf` (usually the build date), in date order.

    'Gesloten op 24 december 2026 (Kerstavond)', 'Gesloten van 20 juli t/m 14 augustus 2026 (Zomer)',
    'Op 31 december 2026 open 9.00–12.00 uur (Oudejaarsdag)', 'Op 5 mei 2026 gewoon open (...)'.
    """
    lines = []
    for u in sorted(tijden.uitzonderingen, key=lambda u: u.van):
        if u.laatste < vanaf:
            continue
        periode = _periode(u)
        if u.tijden:
            text = f"{periode[0].upper()}{periode[1:]} open {tijden_tekst(u.ranges())}"
        elif u.gesloten:
            text = f"Gesloten {periode}"
        else:
            text = f"{periode[0].upper()}{periode[1:]} gewoon open"
        lines.append(f"{text} ({u.reden.rstrip('.')})")
    return lines


# --- public holidays -------------------------------------------------------------------------


def pasen(year: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def _feestdagen(year: int) -> tuple[tuple[dt.date, str], ...]:
    easter = pasen(year)
    koningsdag = dt.date(year, 4, 27)
    if koningsdag.weekday() == 6:  # on a Sunday it moves to Saturday the 26th
        koningsdag = dt.date(year, 4, 26)
    days = [
        (dt.date(year, 1, 1), "Nieuwjaarsdag"),
        (easter - dt.timedelta(days=2), "Goede Vrijdag"),
        (easter, "Eerste Paasdag"),
        (easter + dt.timedelta(days=1), "Tweede Paasdag"),
        (koningsdag, "Koningsdag"),
        # Bevrijdingsdag is a national holiday every year. Not every employer gives the day off,
        # but municipal and public services in this region are closed, so we count it every year.
        (dt.date(year, 5, 5), "Bevrijdingsdag"),
        (easter + dt.timedelta(days=39), "Hemelvaartsdag"),
        (easter + dt.timedelta(days=49), "Eerste Pinksterdag"),
        (easter + dt.timedelta(days=50), "Tweede Pinksterdag"),
        (dt.date(year, 12, 25), "Eerste Kerstdag"),
        (dt.date(year, 12, 26), "Tweede Kerstdag"),
    ]
    return tuple(sorted(days))


def feestdagen(year: int) -> dict[dt.date, str]:
    """Dutch public holidays of `year` (Koningsdag rules as since 2014)."""
    return dict(_feestdagen(year))


def feestdag(day: dt.date) -> Optional[str]:
    """The name of the public holiday on `day`, or None."""
    return feestdagen(day.year).get(day)


def feestdagen_json(first_year: int, last_year: int) -> dict[str, str]:
    """{'2026-01-01': 'Nieuwjaarsdag', ...} for first_year..last_year inclusive, for the browser."""
    return {d.isoformat(): name for year in range(first_year, last_year + 1) for d, name in _feestdagen(year)}


# --- JSON form for the browser ---------------------------------------------------------------


def to_json(tijden: Openingstijden) -> dict:
    """The compact form nu-open.js works on (and `status_op` too, so both agree).

    {"dagen": [[[540, 1020]], ...7 lists, Monday first; minutes, end may be 1440],
     "dag_en_nacht": bool,
     "feestdagen": "gesloten" | "open"   (always "open" for dag_en_nacht),
     "uitzonderingen": [{"van": "2026-12-24", "tot": "2027-01-01", "gesloten": bool,
                         "tijden": [[540, 720]] | null, "reden": "Kerstsluiting"}],
     "in_de_maand": [1, 3]               (only when set: the weekday hours hold only on the 1st, 3rd, ...
                                          of that weekday in its month; -1 = the last one)}
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


def _dag(plan: dict, day: dt.date) -> _Dag:
    """Effective hours on one date: exception first, then holiday, then the weekday (if its week of the month).

    Mirrored line by line by `dag()` in nu-open.js.
    """
    iso = day.isoformat()
    weken = plan.get("in_de_maand")
    normal = [tuple(r) for r in plan["dagen"][day.weekday()]] if not weken or _in_de_maand(weken, day) else []
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


__all__ = [
    "AMSTERDAM", "DAGEN", "Dagtijden", "MaandWeek", "Openingstijden", "Status", "Uitzondering",
    "display_lines", "feestdag", "feestdagen", "feestdagen_json", "nu_open_json", "parse_tijden",
    "pasen", "status_op", "tijd", "tijden_tekst", "to_json", "uitzondering_lines",
]
