"""Who may change where a kern's residents are sent: the part of the pull-request check that compares doors.

The file rules in ownership.py decide who may edit which file. They cannot see what an allowed edit does to
the routing: a gemeente in a region may edit the shared wegwijzer, and a partner may widen its own record's
werkgebied; either can turn the door of an outcome, a kern's sociaal team or its KCC into another one for
kernen that are not theirs. So the check loads the proposal and compares, for every kern, the doors before
and after (the same `deuren` the site shows and the KCC reads). For a kern of a gemeente the account does not
administer, a proposal may take nobody else's door away and may not make the account's own place the door
there. Giving up one's own door (closing a place, narrowing a werkgebied) stays allowed: the kern falls back
to its own gemeente's door. A new independent client supporter joins a list without replacing anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .problems import Problemen
from .validate import GEBIEDEN_FILE, Kaart

TEAM, KCC = "sociaal team", "KCC"


@dataclass(frozen=True)
class DoorChange:
    what: str  # the outcome's id, or TEAM / KCC
    kern_id: str
    before: tuple[str, ...]
    after: tuple[str, ...]


def doors_per_kern(kaart: Kaart) -> dict[tuple[str, str], tuple[str, ...]]:
    """(outcome id or TEAM / KCC, kern id) → the ids of the door(s) a resident of that kern is sent to."""
    from .wegwijzer.deur import deuren

    doors: dict[tuple[str, str], tuple[str, ...]] = {}
    wegwijzer = kaart.extras.get("wegwijzer")
    for kern_id in kaart.kernen:
        team, kcc = kaart.sociaal_team_voor(kern_id), kaart.kcc_voor(kern_id)
        doors[(TEAM, kern_id)] = (team.id,) if team else ()
        doors[(KCC, kern_id)] = (kcc.id,) if kcc else ()
        for uitkomst in (wegwijzer.uitkomsten.values() if wegwijzer else ()):
            doors[(uitkomst.id, kern_id)] = tuple(sorted(d.id for d in deuren(kaart, uitkomst, kern_id)))
    return doors


def changed_doors(base: Kaart, head: Kaart) -> list[DoorChange]:
    before, after = doors_per_kern(base), doors_per_kern(head)
    return [DoorChange(what, kern_id, before.get((what, kern_id), ()), after.get((what, kern_id), ()))
            for (what, kern_id) in sorted(set(before) | set(after))
            if before.get((what, kern_id), ()) != after.get((what, kern_id), ())]


def _is_list_of_supporters(kaart: Kaart, what: str) -> bool:
    from .wegwijzer.model import CLIENTONDERSTEUNING

    wegwijzer = kaart.extras.get("wegwijzer")
    uitkomst = wegwijzer.uitkomsten.get(what) if wegwijzer else None
    return uitkomst is not None and uitkomst.ingang == CLIENTONDERSTEUNING


def _organisatie_of(kaart: Kaart, record_id: str) -> str | None:
    for records in kaart.records.values():
        if record_id in records:
            return getattr(records[record_id], "organisatie", None)
    return None


def _administers(kaart: Kaart, account_orgs: set[str], kern_id: str) -> bool:
    """The account is a beheerder of the kern's gemeente (its organisation in gebieden.yaml, or, when the
    gemeente names none, of any organisation with 'soort: gemeente')."""
    gemeente = kaart.gemeente_van_kern.get(kern_id)
    if gemeente is not None and gemeente.organisatie:
        return gemeente.organisatie in account_orgs
    return any(kaart.organisaties[o].soort == "gemeente" for o in account_orgs if o in kaart.organisaties)


def is_takeover(change: DoorChange, base: Kaart, head: Kaart, account_orgs: set[str]) -> bool:
    removed = set(change.before) - set(change.after)
    added = set(change.after) - set(change.before)
    others_lost = any(_organisatie_of(base, door) not in account_orgs for door in removed)
    own_gained = any(_organisatie_of(head, door) in account_orgs for door in added)
    if not removed and _is_list_of_supporters(head, change.what):
        return False  # one more independent client supporter next to the others
    return others_lost or own_gained


def door_refusals(account_orgs: set[str], who: str, base: Kaart, head: Kaart, changed_files: Iterable[Path]) -> Problemen:
    """Every door this account may not change, one message per replaced door (with its kernen and outcomes),
    at the line that changed it."""
    problems = Problemen()
    per_door: dict[tuple[tuple[str, ...], tuple[str, ...]], list[DoorChange]] = {}
    for change in changed_doors(base, head):
        if not _administers(base, account_orgs, change.kern_id) and is_takeover(change, base, head, account_orgs):
            per_door.setdefault((change.before, change.after), []).append(change)
    files = {Path(f).resolve() for f in changed_files}
    for (before, after), changes in per_door.items():
        problems.add(*_where(head, changes, files), _message(base, head, who, before, after, changes))
    return problems


def _names(kaart: Kaart, ids: Iterable[str]) -> str:
    names = []
    for record_id in ids:
        record = next((records[record_id] for records in kaart.records.values() if record_id in records), None)
        names.append(f"'{record.naam}'" if record is not None else f"'{record_id}'")
    return " en ".join(names) or "nergens"


def _listed(names: list[str], most: int) -> str:
    return ", ".join(names[:most]) + (f" en nog {len(names) - most}" if len(names) > most else "")


def _what_named(base: Kaart, head: Kaart, what: str) -> str:
    if what in (TEAM, KCC):
        return f"het {what}"
    wegwijzer = head.extras.get("wegwijzer") or base.extras.get("wegwijzer")
    uitkomst = wegwijzer.uitkomsten.get(what) if wegwijzer else None
    return f"'{uitkomst.titel if uitkomst else what}'"


def _message(base: Kaart, head: Kaart, who: str, before: tuple[str, ...], after: tuple[str, ...], changes: list[DoorChange]) -> str:
    kernen = list(dict.fromkeys(base.kernen[c.kern_id].naam for c in changes if c.kern_id in base.kernen))
    whats = list(dict.fromkeys(_what_named(base, head, c.what) for c in changes))
    gemeenten = sorted({base.gemeente_van_kern[c.kern_id].naam for c in changes if c.kern_id in base.gemeente_van_kern})
    return (f"{who} mag niet bepalen waar inwoners van een andere gemeente of organisatie heen gestuurd worden. Door dit voorstel "
            f"gaan inwoners van {_listed(kernen, 5)} naar {_names(head, after)} in plaats van {_names(base, before)} "
            f"(bij {_listed(whats, 3)}). Dat beslist {' en '.join(gemeenten)}: vraag de beheerders van die gemeente om deze "
            "wijziging (een beheerder van elke gemeente die het raakt kan het voorstel indienen), of laat het werkgebied en de "
            "wegwijzer zo dat deze kernen hun eigen plek houden.")


def _where(head: Kaart, changes: list[DoorChange], files: set[Path]) -> tuple[Any, int, int]:
    """The changed file that made the change: the new door's record (its werkgebied), the outcome, gebieden.yaml,
    else the first changed file."""
    for change in changes:
        for door in change.after:
            for (soort, record_id), source in head.sources.items():
                if record_id == door and Path(source.path).resolve() in files:
                    return head.where(soort, record_id, "werkgebied")
    wegwijzer = head.extras.get("wegwijzer")
    for what in dict.fromkeys(c.what for c in changes):
        if wegwijzer is not None and what in wegwijzer.uitkomsten:
            path, line, column = wegwijzer.bronnen.where("uitkomst", what, "ingang")
            if Path(path).resolve() in files:
                return path, line, column
    gebieden = Path(head.folder) / GEBIEDEN_FILE
    if gebieden.resolve() in files:
        return gebieden, 1, 1
    first = sorted(files)[0] if files else Path(head.folder)
    return first, 1, 1
