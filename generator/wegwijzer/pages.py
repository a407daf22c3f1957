"""The wegwijzer's static pages: the start, one page per question, one per outcome, and the schema for staff.

Every page works without JavaScript: answers are plain links, so the back button works and a KCC
employee can send the link of any question or outcome. generator/assets/js/wegwijzer.js adds the
summary of answers given, "wijzig" and the kern chooser on top.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..build.contact import kort
from ..build.pages import GeneratedPage, by_name
from ..models import Clientondersteuner, Gebied, Kern
from ..validate import Kaart
from .diagram import boom, paden_tabel
from ..vocabulary import URGENTIE
from .model import MAX_VRAGEN, Antwoord, Uitkomst, Vraag, Wegwijzer
from .deur import deur_groepen, hulplijnen, terugval
from .nummers import als_tekst
from .selectie import gesorteerd_per_gebied, passende_voorzieningen

START_URL = "wegwijzer/"
SCHEMA_URL = "wegwijzer/schema/"
PADEN_URL = "wegwijzer/schema/paden/"
MAX_VOORZIENINGEN = 6  # shown at once; "meer" leads to the rest (wegwijzer.js shows the chosen kern's first)
KANDIDATEN = 40  # rendered for wegwijzer.js to choose from per kern; the page stays small


def vraag_url(vraag_id: str) -> str:
    return f"{START_URL}{vraag_id}/"


def uitkomst_url(uitkomst_id: str) -> str:
    return f"{START_URL}uitkomst/{uitkomst_id}/"


def doel_url(antwoord: Antwoord) -> str:
    return vraag_url(antwoord.vraag) if antwoord.vraag else uitkomst_url(antwoord.uitkomst)  # type: ignore[arg-type]


def wegwijzer_pages(kaart: Kaart) -> Iterator[GeneratedPage]:
    wegwijzer: Wegwijzer | None = kaart.extras.get("wegwijzer")
    if wegwijzer is None:
        yield GeneratedPage(START_URL, "Wegwijzer", "wegwijzer/geen.html", description="Waar kun je terecht met je vraag?")
        return
    common = {
        "wegwijzer": wegwijzer, "vraag_url": vraag_url, "uitkomst_url": uitkomst_url, "doel_url": doel_url,
        "URGENTIE": URGENTIE, "max_vragen": MAX_VRAGEN, "aantal_paden": len(wegwijzer.paden()),
    }
    yield GeneratedPage(START_URL, "Wegwijzer", "wegwijzer/start.html", common, "Beantwoord een paar vragen en zie waar je terechtkunt.")
    for vraag in wegwijzer.vragen.values():
        yield GeneratedPage(vraag_url(vraag.id), vraag.tekst, "wegwijzer/vraag.html", common | _vraag_context(wegwijzer, vraag), "Wegwijzer: " + vraag.tekst)
    for uitkomst in wegwijzer.uitkomsten.values():
        yield GeneratedPage(uitkomst_url(uitkomst.id), uitkomst.titel, "wegwijzer/uitkomst.html", common | uitkomst_context(kaart, wegwijzer, uitkomst), als_tekst(kaart, uitkomst.samenvatting))
    overzicht = common | {"ingang_records": ingang_records(kaart, wegwijzer)}  # the staff's overviews name each outcome's door
    yield GeneratedPage(SCHEMA_URL, "Schema van de wegwijzer", "wegwijzer/schema.html", overzicht | {"boom": boom(wegwijzer)}, "De hele wegwijzer als schema, voor medewerkers.")
    yield GeneratedPage(PADEN_URL, "Alle paden door de wegwijzer", "wegwijzer/paden.html", overzicht | {"paden": paden_tabel(wegwijzer)}, "Elke route door de wegwijzer met de uitkomst, voor medewerkers.")


def ingang_records(kaart: Kaart, wegwijzer: Wegwijzer) -> dict[str, Any]:
    """The ingang or voorziening each outcome's `ingang` names, by that id. In the context, not read from
    the kaart by the template: `kaart serve` then rebuilds the overviews when such a record changes."""
    named = {uitkomst.ingang for uitkomst in wegwijzer.uitkomsten.values()}
    return {record_id: kaart.ingangen.get(record_id) or kaart.voorzieningen[record_id]
            for record_id in sorted(named) if record_id in kaart.ingangen or record_id in kaart.voorzieningen}


def _vorige(wegwijzer: Wegwijzer, node: tuple[str, str]) -> str | None:
    """The one question that leads here, or None when there are several (or none)."""
    parents = {vraag for vraag, _ in wegwijzer.ouders.get(node, [])}
    return parents.pop() if len(parents) == 1 else None


def _vraag_context(wegwijzer: Wegwijzer, vraag: Vraag) -> dict[str, Any]:
    return {"vraag": vraag, "is_start": vraag.id == wegwijzer.info.start, "vorige": _vorige(wegwijzer, ("vraag", vraag.id)),
            "over_een_ander": over_een_ander(wegwijzer, ("vraag", vraag.id))}


def over_een_ander(wegwijzer: Wegwijzer, node: tuple[str, str]) -> bool | None:
    """True when every path to this node goes through an answer about someone else, False when none does,
    None when both happen (wegwijzer.js then decides from the answers given)."""
    kinds = set()
    for steps, uitkomst_id in wegwijzer.paden_naar(node):
        kinds.add(any(wegwijzer.antwoord(v, a).over_een_ander for v, a in steps))
    return kinds.pop() if len(kinds) == 1 else None


def uitkomst_context(kaart: Kaart, wegwijzer: Wegwijzer, uitkomst: Uitkomst) -> dict[str, Any]:
    voorzieningen = gesorteerd_per_gebied(kaart, passende_voorzieningen(kaart, uitkomst.voorzieningen))
    selectie = uitkomst.voorzieningen
    return {
        "uitkomst": uitkomst,
        "vorige": _vorige(wegwijzer, ("uitkomst", uitkomst.id)),
        "over_een_ander": over_een_ander(wegwijzer, ("uitkomst", uitkomst.id)),
        "voorzieningen": voorzieningen[:KANDIDATEN],
        "max_voorzieningen": MAX_VOORZIENINGEN,
        "aantal_voorzieningen": len(voorzieningen),
        "themas_van_uitkomst": selectie.themas if selectie else [],
        **deur_context(kaart, uitkomst),
        "ingang": kaart.ingangen.get(uitkomst.ingang),
        "hulplijnen": hulplijnen(kaart, uitkomst) if uitkomst.is_crisis else [],
        "gebieden_lijst": gebieden_lijst(kaart),
        "ondersteuners": clientondersteuners_voor(kaart, uitkomst.clientondersteuning or (["wmo", "jeugdwet", "participatiewet", "wlz"] if uitkomst.via_clientondersteuning else [])),
    }


def deur_context(kaart: Kaart, uitkomst: Uitkomst) -> dict[str, Any]:
    """The door(s) as deur.py chooses them: `deur` when it is one place for every kern; else `groepen`
    (each door with the places it is for) and `terugval` (the gemeente's number until a kern is chosen)."""
    if uitkomst.is_crisis:
        return {"deur": None, "groepen": [], "terugval": []}
    groepen = deur_groepen(kaart, uitkomst)
    if len(groepen) == 1 and len(groepen[0].deuren) == 1 and not uitkomst.via_clientondersteuning:
        return {"deur": groepen[0].deuren[0], "groepen": [], "terugval": []}
    return {"deur": None, "groepen": [(groep, plaatsen_tekst(kaart, list(groep.kernen))) for groep in groepen],
            "terugval": terugval(kaart, uitkomst, groepen), "gemeente_kort": kort}


def plaatsen_tekst(kaart: Kaart, kernen: list[Kern]) -> str:
    ids = {kern.id for kern in kernen}
    gemeenten = [g for g in kaart.gebieden.gemeenten if {k.id for a in g.gebieden for k in a.kernen} <= ids]
    if gemeenten and sum(len(a.kernen) for g in gemeenten for a in g.gebieden) == len(ids):
        return " of ".join(kort(g) for g in gemeenten)
    return ", ".join(kern.naam for kern in kernen)


def gebieden_lijst(kaart: Kaart) -> list[tuple[str, Gebied]]:
    """Every gebied with the id of its gemeente, for the kern chooser."""
    return [(gemeente.id, gebied) for gemeente in kaart.gebieden.gemeenten for gebied in gemeente.gebieden]


def clientondersteuners_voor(kaart: Kaart, wetten: list[str]) -> list[Clientondersteuner]:
    """Every independent client supporter for these laws, by name (neutral order)."""
    return by_name(c for c in kaart.clientondersteuners.values() if set(c.wetten) & set(wetten)) if wetten else []
