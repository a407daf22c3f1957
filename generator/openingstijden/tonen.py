"""Opening hours in plain Dutch: "ma t/m vr 9.00–17.00 uur", exceptions that are not over yet."""

from __future__ import annotations

import datetime as dt

from .model import Openingstijden, Uitzondering
from .tijden import DAGEN, DAGNAMEN, Range, datum, tijd


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


def _weken_tekst(weken: str, day: int) -> str:
    """('oneven', 1) -> 'Dinsdag in oneven weken'."""
    return f"{DAGNAMEN[day].capitalize()} in {weken} weken"


def _niet_elke_week(tijden: Openingstijden, day: int) -> str | None:
    """'Elke eerste dinsdag van de maand' / 'Dinsdag in oneven weken', or None for weekly hours."""
    if tijden.in_de_maand:
        return _maand_tekst(tijden.in_de_maand, day)
    if tijden.weken:
        return _weken_tekst(tijden.weken, day)
    return None


def _dag_lines(tijden: Openingstijden) -> list[str]:
    """The lines for the weekdays: weekly days with the same hours grouped; other days one line each."""
    groups: dict[tuple[Range, ...], list[int]] = {}
    apart: list[str] = []
    for index, day in enumerate(DAGEN):
        if getattr(tijden, day) is None:
            continue
        ranges = tuple(tijden.ranges(day))
        wanneer = _niet_elke_week(tijden, index) if ranges else None
        if wanneer:
            apart.append(f"{wanneer} {tijden_tekst(ranges)}")
        else:
            groups.setdefault(ranges, []).append(index)
    return apart + [f"{_dagen_tekst(days)} {tijden_tekst(ranges)}" for ranges, days in groups.items()]


def display_lines(tijden: Openingstijden) -> list[str]:
    """Dutch lines for a page: days with the same hours grouped, then holidays and the toelichting.

    ['ma t/m vr 9.00–17.00 uur', 'za en zo gesloten', 'Op feestdagen gesloten'];
    with in_de_maand: ['Elke eerste en derde dinsdag van de maand 9.00–11.00 uur', 'Op feestdagen gesloten'];
    with weken: ['Dinsdag in oneven weken 10.00–12.00 uur', 'Op feestdagen gesloten'].
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
