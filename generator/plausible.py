"""Stage 2, plausibility: values that are valid on their own but cannot be right in the kaart.

- dates: not before 2000 and not more than a few years ahead; `laatst_gecontroleerd` not in the
  future (a check that has not happened yet would keep a record from ever counting as old);
- closures (uitzonderingen that close a place) at most a year: longer means the place is gone
  (`status: gestopt`) or the date is a typing error (9999);
- an address's postcode belongs to its kern, when gebieden.yaml lists the kern's postcodes.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from pydantic import BaseModel

from .problems import Problemen

EARLIEST_YEAR = 2000
YEARS_AHEAD = 3
MAX_CLOSURE_DAYS = 366


def walk(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value inside a model, with its path (as the loader records positions), parents first.
    A loop with its own stack: nested generators cost more than the checks at 10,000 records."""
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, BaseModel):
            stack.extend((path + (name,), getattr(value, name)) for name in reversed(type(value).model_fields))
        elif isinstance(value, list):
            stack.extend((path + (index,), value[index]) for index in range(len(value) - 1, -1, -1))


def check_plausible(kaart, problems: Problemen, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    for soort, records in kaart.records.items():
        for record in records.values():
            where = lambda *path: kaart.where(soort, record.id, *path)  # noqa: E731
            for path, value in walk(record):
                if isinstance(value, dt.date):
                    message = _date_problem(path, value, today)
                    if message:
                        problems.add(*where(*path), message)
                elif type(value).__name__ == "Uitzondering":
                    message = _closure_problem(value)
                    if message:
                        problems.add(*where(*path, "tot"), message)
                elif type(value).__name__ == "Adres":
                    message = _postcode_problem(kaart, record, path, value)
                    if message:
                        problems.add(*where(*path, "postcode"), message)


def _date_problem(path: tuple, value: dt.date, today: dt.date) -> str | None:
    if value.year < EARLIEST_YEAR or value.year > today.year + YEARS_AHEAD:
        return f"De datum {value.isoformat()} kan niet kloppen. Controleer het jaar (schrijf jjjj-mm-dd, bijvoorbeeld {today.year}-10-01)."
    if path and path[-1] == "laatst_gecontroleerd" and value > today:
        return (f"De datum {value.isoformat()} ligt in de toekomst. Schrijf de datum waarop je de gegevens echt hebt "
                f"nagekeken (vandaag is {today.isoformat()}).")
    return None


def _closure_problem(uitzondering) -> str | None:
    if not uitzondering.gesloten or uitzondering.tot is None:
        return None
    days = (uitzondering.tot - uitzondering.van).days + 1
    if days > MAX_CLOSURE_DAYS:
        return (f"Deze sluiting duurt {days} dagen; een tijdelijke sluiting duurt hoogstens een jaar. Is de plek voorgoed "
                "dicht? Zet dan 'status: gestopt'. Anders: controleer de datum bij 'tot'.")
    return None


def _postcode_problem(kaart, record, path: tuple, adres) -> str | None:
    kern_id = getattr(record, "kern", None)
    if path and path[0] == "locaties" and len(path) >= 2:
        kern_id = record.locaties[path[1]].kern
    kern = kaart.kernen.get(kern_id or "")
    if kern is None or not kern.postcodes:
        return None
    cijfers = adres.postcode[:4]
    if cijfers in kern.postcodes:
        return None
    elders = [k.naam for k in kaart.kernen.values() if cijfers in k.postcodes]
    hint = f" Die postcode hoort bij {', '.join(elders)}." if elders else ""
    return (f"De postcode {adres.postcode} hoort niet bij kern '{kern.naam}' (postcodes daar: {', '.join(kern.postcodes)}).{hint} "
            "Controleer de postcode en de kern.")
