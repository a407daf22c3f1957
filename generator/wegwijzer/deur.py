"""The door of an outcome: the one place (or, for a crisis, the lines) a resident or the KCC is sent to.

One function decides it for every channel: the outcome page, the call script, /kcc/ and the routing
check (routing.py), so what is checked is what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..build.urls import record_url
from ..models import Adres, Contact, Gemeente, Kern
from ..openingstijden import Openingstijden
from ..validate import Kaart
from .model import CLIENTONDERSTEUNING, CRISIS, SOCIAAL_TEAM, Uitkomst
from .validate import CRISIS_SOORTEN

KCC_SOORT = "kcc"


@dataclass(frozen=True)
class Deur:
    soort: str  # "ingang", "voorziening" or "clientondersteuner": the record type
    record: Any
    adres: Optional[Adres]
    openingstijden: Optional[Openingstijden]
    inloop: Optional[Openingstijden]

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def naam(self) -> str:
        return self.record.naam

    @property
    def url(self) -> str:
        return record_url(self.soort, self.record.id)

    @property
    def contact(self) -> Contact:
        return self.record.contact

    @property
    def telefoon(self) -> Optional[str]:
        return self.record.contact.telefoon

    @property
    def telefoon_tijden(self) -> Optional[Openingstijden]:
        """When the number answers. Only the phone hours: the walk-in or opening hours say nothing about the phone."""
        return self.record.contact.telefoon_tijden

    @property
    def dag_en_nacht(self) -> bool:
        tijden = self.telefoon_tijden
        return bool(tijden and tijden.dag_en_nacht)

    @property
    def is_kcc(self) -> bool:
        return self.soort == "ingang" and self.record.soort == KCC_SOORT

    @property
    def samenvatting(self) -> str:
        return self.record.samenvatting

    @property
    def wat_gebeurt_er(self) -> Optional[str]:
        if self.soort == "ingang":
            return self.record.wat_gebeurt_er
        if self.soort == "voorziening":
            return self.record.aanmelden
        return None

    @property
    def themas(self) -> list[str]:
        return list(getattr(self.record, "themas", []) or [])


def deur_van(soort: str, record: Any) -> Deur:
    if soort == "ingang":
        return Deur(soort, record, record.adres, record.openingstijden, record.inloop)
    locatie = record.locaties[0] if getattr(record, "locaties", None) else None
    return Deur(soort, record, locatie.adres if locatie else None, locatie.openingstijden if locatie else None, locatie.inloop if locatie else None)


def hulplijnen(kaart: Kaart, uitkomst: Uitkomst) -> list[Any]:
    if uitkomst.hulplijnen:
        return [kaart.ingangen[i] for i in uitkomst.hulplijnen if i in kaart.ingangen]
    lines = [i for i in kaart.ingangen.values() if i.soort in CRISIS_SOORTEN]
    return sorted(lines, key=lambda i: (CRISIS_SOORTEN.index(i.soort), i.naam.casefold()))


def clientondersteuners_voor_kern(kaart: Kaart, kern_id: str, wetten: list[str] | None = None) -> list[Any]:
    """The independent client supporters that serve this kern (for these laws when given), by name."""
    found = [c for c in kaart.clientondersteuners.values()
             if kern_id in kaart.kernen_in(c.werkgebied) and (not wetten or set(c.wetten) & set(wetten))]
    return sorted(found, key=lambda c: (c.naam.casefold(), c.id))


def is_vaste_deur(uitkomst: Uitkomst) -> bool:
    """True when the door is the same for every kern (one ingang or voorziening)."""
    return uitkomst.ingang not in (SOCIAAL_TEAM, CRISIS, CLIENTONDERSTEUNING)


def vaste_deur(kaart: Kaart, uitkomst: Uitkomst) -> Deur | None:
    """The one ingang or voorziening an outcome names, or None (sociaal team, crisis, cliëntondersteuning, unknown)."""
    return record_deur(kaart, uitkomst.ingang) if is_vaste_deur(uitkomst) else None


def deuren(kaart: Kaart, uitkomst: Uitkomst, kern_id: str) -> list[Deur]:
    """Where this outcome sends someone from this kern; empty when there is no such place."""
    if uitkomst.ingang == CRISIS:
        return [deur_van("ingang", lijn) for lijn in hulplijnen(kaart, uitkomst)]
    if uitkomst.ingang == SOCIAAL_TEAM:
        team = kaart.sociaal_team_voor(kern_id)
        return [deur_van("ingang", team)] if team else []
    if uitkomst.ingang == CLIENTONDERSTEUNING:
        return [deur_van("clientondersteuner", c) for c in clientondersteuners_voor_kern(kaart, kern_id, uitkomst.clientondersteuning)]
    deur = vaste_deur(kaart, uitkomst)
    if deur is None:
        return []
    if not open_voor(kaart, deur, kern_id):
        return [elders] if (elders := deur_elders(kaart, uitkomst, deur, kern_id)) else []
    return [deur]


def record_deur(kaart: Kaart, record_id: str) -> Deur | None:
    """The ingang or voorziening with this id as a door (ingangen first), or None."""
    if record_id in kaart.ingangen:
        return deur_van("ingang", kaart.ingangen[record_id])
    if record_id in kaart.voorzieningen:
        return deur_van("voorziening", kaart.voorzieningen[record_id])
    return None


def werkt_in(kaart: Kaart, deur: Deur, kern_id: str) -> bool:
    return not deur.record.werkgebied or kern_id in kaart.kernen_in(deur.record.werkgebied)


def is_open(deur: Deur) -> bool:
    """Not closed, for now or for good ('tijdelijk gesloten', 'gestopt'): a closed place is nobody's door."""
    return getattr(deur.record, "status", "actief") == "actief"


def open_voor(kaart: Kaart, deur: Deur, kern_id: str) -> bool:
    """Whether the door takes people from this kern now: open, and working there."""
    return is_open(deur) and werkt_in(kaart, deur, kern_id)


def deur_elders(kaart: Kaart, uitkomst: Uitkomst, deur: Deur, kern_id: str) -> Deur | None:
    """The door for a kern outside a fixed door's werkgebied, or for every kern while it is closed: the first of
    the outcome's `ingang_elders` that is open and works there, else the ingang of the same soort that serves the kern (another gemeente's KCC or loket),
    else the kern's sociaal team (never nowhere). 'sociaal-team' in `ingang_elders` goes to the team at once."""
    for record_id in uitkomst.ingang_elders:
        if record_id == SOCIAAL_TEAM:
            break
        elders = record_deur(kaart, record_id)
        if elders is not None and open_voor(kaart, elders, kern_id):
            return elders
    return eigen_deur(kaart, deur, kern_id, zelfde_soort=SOCIAAL_TEAM not in uitkomst.ingang_elders)


def eigen_deur(kaart: Kaart, deur: Deur, kern_id: str, zelfde_soort: bool = True) -> Deur | None:
    """For a kern a door does not take people from: the ingang of the same soort that serves the kern (another
    gemeente's KCC or loket), else the kern's sociaal team; None for a kern without a team. Also the search's
    official door per kern (search/index.door_for_kern)."""
    if zelfde_soort and deur.soort == "ingang":
        counterpart = kaart.ingang_per_kern(deur.record.soort).get(kern_id)
        if counterpart is not None:
            return deur_van("ingang", counterpart)
    team = kaart.sociaal_team_voor(kern_id)
    return deur_van("ingang", team) if team else None


@dataclass(frozen=True)
class DeurGroep:
    """Kernen that share the same door(s), with those doors."""
    deuren: tuple[Deur, ...]
    kernen: tuple[Kern, ...]

    @property
    def is_sociaal_team(self) -> bool:
        return all(d.soort == "ingang" and d.record.soort == "sociaal-team" for d in self.deuren)


def deur_groepen(kaart: Kaart, uitkomst: Uitkomst) -> list[DeurGroep]:
    """The outcome's doors for every kern, as groups of kernen with the same door(s), in the order of
    gebieden.yaml. One group: the door is the same wherever someone lives. Worked out once per outcome:
    the residents' page and the call script both show them."""
    # keyed by the object (kept alive in the value, so its id is never reused): a changed copy is a new outcome
    per_uitkomst = kaart.extras.setdefault("deur_groepen", {})
    if id(uitkomst) not in per_uitkomst:
        per_uitkomst[id(uitkomst)] = (uitkomst, _groepeer_deuren(kaart, uitkomst))
    return per_uitkomst[id(uitkomst)][1]


def _groepeer_deuren(kaart: Kaart, uitkomst: Uitkomst) -> list[DeurGroep]:
    groepen: dict[tuple[str, ...], tuple[list[Deur], list[Kern]]] = {}
    for kern_id, kern in kaart.kernen.items():
        found = deuren(kaart, uitkomst, kern_id)
        if found:
            groepen.setdefault(tuple(d.id for d in found), (found, []))[1].append(kern)
    return [DeurGroep(tuple(found), tuple(kernen)) for found, kernen in groepen.values()]


def terugval(kaart: Kaart, uitkomst: Uitkomst, groepen: list[DeurGroep]) -> list[tuple[Gemeente, Deur]]:
    """The general number of each gemeente (its KCC) for a resident who has not chosen a kern yet, when
    the door depends on where someone lives: the KCC knows every kern's door and puts the call through.
    For the residents' pages only: in the call script the caller is already at the KCC, and an outcome's
    own door is never the KCC (routing.py). Never for independent client support: that is the point of
    it not being the gemeente (the list of supporters, each with the places it serves, is the door)."""
    if len(groepen) < 2 or uitkomst.ingang == CLIENTONDERSTEUNING:
        return []
    return [(gemeente, deur_van("ingang", kcc)) for gemeente, kcc in kaart.kcc_per_gemeente()]
