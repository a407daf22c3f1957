"""Dutch public holidays, for "nu open" (here and, as JSON, in the browser)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional


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


@lru_cache(maxsize=64)
def _per_dag(year: int) -> dict[dt.date, str]:
    return dict(_feestdagen(year))


def feestdag(day: dt.date) -> Optional[str]:
    """The name of the public holiday on `day`, or None."""
    return _per_dag(day.year).get(day)


def feestdagen_json(first_year: int, last_year: int) -> dict[str, str]:
    """{'2026-01-01': 'Nieuwjaarsdag', ...} for first_year..last_year inclusive, for the browser."""
    return {d.isoformat(): name for year in range(first_year, last_year + 1) for d, name in _feestdagen(year)}
