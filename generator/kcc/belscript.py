"""The wegwijzer as a compact call script for the phone desk, built from the wegwijzer data.

Questions in the order a call meets them (breadth-first from the start question), numbered V1,
V2, …; each answer links to the anchor of the next question (on the same page) or of an outcome
(on the outcomes page). Outcomes follow in
the order the questions reach them, addressed to the employee: what to do (the outcome's `kcc` line),
the door with its number and "nu open" (wegwijzer/deur.py: one ingang or voorziening, the sociaal team of
the caller's kern, the kern's cliëntondersteuners, or the crisis lines), the sociaal team of the
caller's kern on every outcome, and whether to offer an independent cliëntondersteuner.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ..build.pagination import Pager, paginate
from typing import Any

from ..models import Ingang
from ..validate import Kaart
from ..wegwijzer.deur import Deur, deur_groepen, hulplijnen, vaste_deur
from ..wegwijzer.model import Antwoord, Uitkomst, Vraag, Wegwijzer
from ..wegwijzer.pages import clientondersteuners_voor, plaatsen_tekst


BELSCRIPT_URL = "kcc/belscript/"  # the questions
UITKOMSTEN_URL = "kcc/belscript/uitkomsten/"  # the outcomes; more than one page: uitkomsten/2/, … (build/pagination.py)
UITKOMSTEN_PER_PAGINA = 12  # each outcome carries its door with hours (up to 1.6 KB): every page stays under 40 KB


def vraag_anker(vraag_id: str) -> str:
    return f"v-{vraag_id}"


def uitkomst_anker(uitkomst_id: str) -> str:
    return f"u-{uitkomst_id}"


@dataclass
class ScriptAntwoord:
    antwoord: Antwoord
    doel: str  # where the answer leads: site-relative URL with the anchor of a question or an outcome
    naar: str  # "V3" or the outcome's title

    @property
    def naar_vraag(self) -> bool:
        """The next question: on the questions page itself, so the link is just '#anchor'."""
        return self.doel.startswith(f"{BELSCRIPT_URL}#")

    @property
    def anker(self) -> str:
        return self.doel.partition("#")[2]


@dataclass
class ScriptVraag:
    vraag: Vraag
    nummer: int
    antwoorden: list[ScriptAntwoord] = field(default_factory=list)

    @property
    def anker(self) -> str:
        return vraag_anker(self.vraag.id)


@dataclass
class ScriptUitkomst:
    uitkomst: Uitkomst
    deur: Deur | None  # the one ingang or voorziening; None for the sociaal team, cliëntondersteuning or crisis
    hulplijnen: list[Ingang] = field(default_factory=list)  # for a crisis outcome
    ondersteuners: list[Any] = field(default_factory=list)  # for 'ingang: clientondersteuning', filtered per kern by kcc.js
    pagina_url: str = UITKOMSTEN_URL  # the outcomes page it is on
    elders: list[tuple[Deur, str, list[str]]] = field(default_factory=list)  # a fixed door that differs per kern:
    # (door, "voor" places, kern ids) per group, the same doors as the residents' page (deur.deur_groepen)

    @property
    def anker(self) -> str:
        return uitkomst_anker(self.uitkomst.id)

    @property
    def url(self) -> str:
        return f"{self.pagina_url}#{self.anker}"


@dataclass
class Belscript:
    vragen: list[ScriptVraag]
    delen: list[tuple[Pager, list[ScriptUitkomst]]]  # the outcomes, per page (at least one page)

    @property
    def uitkomsten(self) -> list[ScriptUitkomst]:
        return [uitkomst for _, deel in self.delen for uitkomst in deel]


def vragen_in_volgorde(wegwijzer: Wegwijzer) -> list[Vraag]:
    """Breadth-first from the start question; questions no path reaches (none after validation) last."""
    order: list[str] = []
    queue = deque([wegwijzer.info.start])
    while queue:
        vraag_id = queue.popleft()
        if vraag_id in order:
            continue
        order.append(vraag_id)
        queue.extend(a.vraag for a in wegwijzer.vragen[vraag_id].antwoorden if a.vraag)
    order += [vraag_id for vraag_id in wegwijzer.vragen if vraag_id not in order]
    return [wegwijzer.vragen[vraag_id] for vraag_id in order]


def uitkomsten_in_volgorde(wegwijzer: Wegwijzer, vragen: list[Vraag]) -> list[Uitkomst]:
    reached = [a.uitkomst for vraag in vragen for a in vraag.antwoorden if a.uitkomst]
    order = dict.fromkeys(reached + list(wegwijzer.uitkomsten))  # first time reached; each outcome once
    return [wegwijzer.uitkomsten[uitkomst_id] for uitkomst_id in order]


def script_uitkomst(kaart: Kaart, uitkomst: Uitkomst, pagina_url: str) -> ScriptUitkomst:
    ondersteuners = clientondersteuners_voor(kaart, uitkomst.clientondersteuning or ["wmo"]) if uitkomst.via_clientondersteuning else []
    lijnen = hulplijnen(kaart, uitkomst) if uitkomst.is_crisis else []
    deur = vaste_deur(kaart, uitkomst)
    groepen = deur_groepen(kaart, uitkomst) if deur is not None else []
    elders = [(groep.deuren[0], plaatsen_tekst(kaart, list(groep.kernen)), sorted(k.id for k in groep.kernen))
              for groep in groepen] if len(groepen) > 1 else []
    if len(groepen) == 1:
        deur = groepen[0].deuren[0]  # the same door for every kern: not the fixed place itself while it is closed
    return ScriptUitkomst(uitkomst, deur, lijnen, ondersteuners, pagina_url, elders)


def belscript(kaart: Kaart, wegwijzer: Wegwijzer) -> Belscript:
    vragen = vragen_in_volgorde(wegwijzer)
    nummers = {vraag.id: n for n, vraag in enumerate(vragen, start=1)}
    delen = []
    for pager, deel in paginate(UITKOMSTEN_URL, uitkomsten_in_volgorde(wegwijzer, vragen), UITKOMSTEN_PER_PAGINA):
        delen.append((pager, [script_uitkomst(kaart, u, pager.url) for u in deel]))
    script_uitkomsten = {s.uitkomst.id: s for _, deel in delen for s in deel}
    script_vragen = []
    for vraag in vragen:
        antwoorden = []
        for antwoord in vraag.antwoorden:
            if antwoord.vraag:
                antwoorden.append(ScriptAntwoord(antwoord, f"{BELSCRIPT_URL}#{vraag_anker(antwoord.vraag)}", f"V{nummers[antwoord.vraag]}"))
            else:
                doel = script_uitkomsten[antwoord.uitkomst]  # type: ignore[index]
                antwoorden.append(ScriptAntwoord(antwoord, doel.url, doel.uitkomst.titel))
        script_vragen.append(ScriptVraag(vraag, nummers[vraag.id], antwoorden))
    return Belscript(script_vragen, delen)
