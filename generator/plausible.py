"""Stage 2, plausibility: values that are valid on their own but cannot be right in the kaart.

- dates: not before 2000 and not more than a few years ahead; `laatst_gecontroleerd` not in the
  future (a check that has not happened yet would keep a record from ever counting as old);
- closures (uitzonderingen that close a place) at most a year: longer means the place is gone
  (`status: gestopt`) or the date is a typing error (9999);
- an address's postcode belongs to its kern, when gebieden.yaml lists the kern's postcodes;
- a name does not say a word twice in a row (fields.doubled_words: a name pasted where it already stood);
- no record is a copy of another under a new id (same name and address or summary, or the same long text: a warning);
- a website with http:// gets a warning: use https://.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
from functools import lru_cache
from typing import Annotated, Any, Iterator, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .fields import doubled_words
from .problems import Problemen
from .trust import _words

EARLIEST_YEAR = 2000
YEARS_AHEAD = 3
MAX_CLOSURE_DAYS = 366


CHECKED_MODELS = ("Uitzondering", "Adres")  # the models check_plausible looks at, besides dates


def walk(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value inside a model that can be or hold a date, an Uitzondering or an Adres, with its
    path (as the loader records positions), parents first. Fields whose type holds none of those are
    skipped (_fields_to_walk): at 10,000 records walking every text cost more than the checks.
    A loop with its own stack: nested generators cost more still."""
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, BaseModel):
            stack.extend((path + (name,), getattr(value, name)) for name in reversed(_fields_to_walk(type(value))))
        elif isinstance(value, list):
            stack.extend((path + (index,), value[index]) for index in range(len(value) - 1, -1, -1))


@lru_cache(maxsize=None)
def _fields_to_walk(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(name for name, info in model.model_fields.items() if _may_hold_checked(info.annotation))


def _may_hold_checked(annotation: Any) -> bool:
    """Whether a value of this type can be, or hold, a date or a checked model; True when unsure."""
    if isinstance(annotation, type):
        if issubclass(annotation, dt.date):
            return True
        if issubclass(annotation, BaseModel):
            return annotation.__name__ in CHECKED_MODELS or bool(_fields_to_walk(annotation))
        return not (issubclass(annotation, (str, int, float, bool, enum.Enum)) or annotation is type(None)) and annotation is not dict
    origin = get_origin(annotation)
    if origin is Literal:
        return False
    if origin is Annotated:
        return _may_hold_checked(get_args(annotation)[0])
    if origin in (list, Union, types.UnionType):
        return any(_may_hold_checked(arg) for arg in get_args(annotation))
    return True  # Any, a forward reference, a dict, …: walk it


def checked_values(record) -> list[tuple[tuple, Any]]:
    """(path, value) of every date, Uitzondering and Adres in a record: what check_plausible looks at. Worked out
    where the record is read (validate._read_one, on either core): walking the records was most of the check."""
    return [(path, value) for path, value in walk(record) if isinstance(value, dt.date) or type(value).__name__ in CHECKED_MODELS]


def check_plausible(kaart, problems: Problemen, today: dt.date | None = None) -> None:
    today = today or dt.date.today()
    warnings = kaart.extras.setdefault("waarschuwingen", Problemen())  # printed by 'kaart check', which still succeeds
    copies = Copies(kaart)
    for soort, records in kaart.records.items():
        for record in records.values():
            where = lambda *path: kaart.where(soort, record.id, *path)  # noqa: E731
            facts = kaart.facts.get((soort, record.id))
            copies.check(soort, record, "".join(facts.trust.words if facts is not None else _words(record.naam)), warnings)
            website = getattr(getattr(record, "contact", None), "website", None)
            if website and website.lower().startswith("http://"):
                warnings.add(*where("contact", "website"), (
                    f"'{website}' begint met http://: zo'n verbinding is niet versleuteld. Werkt de website ook met https://? "
                    f"Schrijf dan 'https://{website[7:]}'."))
            if (twice := doubled_words(record.naam)) is not None:
                # a short word said twice is often the name itself ('Tam Tam', 'Bam Bam'): asked, not refused
                reduplicated = " " not in twice and len(twice) <= 4
                (warnings if reduplicated else problems).add(*where("naam"), (
                    f"In de naam staat '{twice}' twee keer achter elkaar. " +
                    (f"Is dat een vergissing? Haal dan het tweede '{twice}' weg." if reduplicated else f"Haal het tweede '{twice}' weg.")))
            for path, value in checked_values(record) if facts is None else facts.checked:
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


MIN_COPIED_TEXT = 80  # a shared text shorter than this may be a stock phrase ('Gratis, zonder afspraak.')


class Copies:
    """Records that are one offer twice, under two ids: the offer would show twice in every list and search. The same
    name with the same address or the same summary is a copy; the same long text under another name is probably one.
    Warnings ('kaart check' prints them and still succeeds: a chain may have two offers of one name at one address),
    on both files: either may be the new one. Per record type: a place and its offer may share a name."""

    def __init__(self, kaart) -> None:
        self.kaart = kaart
        self.seen: dict[tuple, str] = {}  # key → the id of the first record with it

    def check(self, soort: str, record, naam: str, warnings: Problemen) -> None:
        """`naam`: the record's name by its skeleton (the folded words of trust.trust_facts), as the trust rules compare names."""
        if getattr(record, "status", "actief") == "gestopt":
            return  # a stopped offer and the one that replaced it may share a name and an address
        samenvatting = _plain(getattr(record, "samenvatting", None))
        adressen = [getattr(record, "adres", None)] + [locatie.adres for locatie in getattr(record, "locaties", None) or []]
        keys = [(soort, naam, "adres", "".join(adres.straat.split()).casefold(), adres.postcode.replace(" ", ""))
                for adres in adressen if adres is not None]
        keys += [(soort, naam, "samenvatting", samenvatting)] if samenvatting else []
        texts = [(field, (soort, "tekst", text)) for field in ("samenvatting", "beschrijving")
                 if len(text := _plain(getattr(record, field, None))) >= MIN_COPIED_TEXT]
        for key in keys:
            if key in self.seen:
                what = "hetzelfde adres" if key[2] == "adres" else "dezelfde samenvatting"
                for here, there in ((record.id, self.seen[key]), (self.seen[key], record.id)):
                    warnings.add(*self.kaart.where(soort, here, "naam"), (
                        f"Dit record lijkt een kopie van '{there}': dezelfde naam en {what}. Dan staat het aanbod twee keer in elke "
                        f"lijst en zoekopdracht. Is dit het nieuwe record? Pas dan '{there}' aan in plaats van een tweede te maken, "
                        "of geef dit record een eigen naam."))
                return
        for field, key in texts:
            if key in self.seen:
                warnings.add(*self.kaart.where(soort, record.id, field), (
                    f"Deze tekst staat ook bij '{self.seen[key]}'. Is dit hetzelfde aanbod? Pas dan dat record aan in plaats van "
                    "een tweede te maken. Is het ander aanbod? Schrijf dan wat dit aanbod anders maakt."))
                break
        for key in keys + [key for _, key in texts]:
            self.seen.setdefault(key, record.id)


def _plain(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


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
