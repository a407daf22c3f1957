"""The wegwijzer as data: questions (vragen), answers and outcomes (uitkomsten).

Files in kaart/wegwijzer/:

    wegwijzer.yaml          start question and the introduction on /wegwijzer/
    vragen/<id>.yaml        one question with its answers; each answer leads to a vraag or an uitkomst
    uitkomsten/<id>.yaml    one outcome: advice, what you can do yourself, which voorzieningen to
                            show (a filter), the one ingang to contact and the offer of cliëntondersteuning

An outcome's `ingang` is its door: `sociaal-team` (the sociaal team of the resident's kern), `crisis`
(the crisis lines), `clientondersteuning` (the independent cliëntondersteuners of the kern), the id of
one ingang record, or the id of the voorziening the outcome's headline names (generator/wegwijzer/deur.py).
Phone numbers in outcome text are written as `{bel:<id>}` and filled in from the data (nummers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union

from pydantic import Field, model_validator

from ..fields import Id, JaNee, Regel, Tekst, fout
from ..models import Doelgroep, Leeftijd, Strict, ThemaId, Toegang, Wet
from ..vocabulary import CLIENTONDERSTEUNING, CRISIS, SOCIAAL_TEAM, URGENTIE
MAX_VRAGEN = 6  # no path from the start may ask more questions than this

Urgentie = Literal[tuple(URGENTIE)]  # type: ignore[valid-type]


class Antwoord(Strict):
    id: Id = Field(description="Korte naam van dit antwoord, uniek binnen de vraag, bijvoorbeeld 'ja' of 'schulden'.")
    tekst: Regel = Field(description="Het antwoord zoals de inwoner het leest, in de ik-vorm.", examples=["Ik heb schulden"])
    uitleg: Optional[Regel] = Field(None, description="Een korte toelichting onder het antwoord, bijvoorbeeld een voorbeeld.")
    vraag: Optional[Id] = Field(None, description="De volgende vraag (id). Vul 'vraag' of 'uitkomst' in, niet allebei.")
    uitkomst: Optional[Id] = Field(None, description="De uitkomst (id) waar dit antwoord naartoe leidt.")
    over_een_ander: JaNee = Field(False, description=(
        "Gaat het vanaf dit antwoord over iemand anders dan wie de vragen beantwoordt? Schrijf dan 'ja': de "
        "wegwijzer vraagt dan waar die persoon woont, in plaats van waar 'je' woont."))

    @model_validator(mode="after")
    def _een_doel(self) -> "Antwoord":
        if bool(self.vraag) == bool(self.uitkomst):
            raise fout("Een antwoord leidt naar één plek: vul 'vraag: ...' (de volgende vraag) of 'uitkomst: ...' in, niet allebei en niet geen van beide.")
        return self

    @property
    def doel(self) -> tuple[str, str]:
        """('vraag', id) or ('uitkomst', id)."""
        return ("vraag", self.vraag) if self.vraag else ("uitkomst", self.uitkomst)  # type: ignore[return-value]


class Vraag(Strict):
    id: Id = Field(description="Naam van de vraag; gelijk aan de bestandsnaam zonder .yaml. Staat ook in het webadres.")
    tekst: Regel = Field(description="De vraag, kort en in gewone woorden.", examples=["Is er nu iemand in gevaar?"])
    uitleg: Optional[Tekst] = Field(None, description="Korte uitleg onder de vraag. Eenvoudige opmaak (Markdown) mag.")
    antwoorden: list[Antwoord] = Field(min_length=2, description="De antwoorden waaruit de inwoner kiest (minstens twee).")


class Selectie(Strict):
    """Which voorzieningen an outcome shows: a filter; every part that is filled in must match."""

    themas: list[ThemaId] = Field(default_factory=list, description="Voorzieningen met minstens één van deze thema's.")
    doelgroepen: list[Doelgroep] = Field(default_factory=list, description="Voorzieningen voor minstens één van deze doelgroepen (of voor iedereen).")
    leeftijd: Optional[Leeftijd] = Field(None, description="De leeftijd van wie hulp zoekt; voorzieningen met een andere leeftijd vallen af.")
    toegang: list[Toegang] = Field(default_factory=list, description="Alleen voorzieningen met deze toegang, bijvoorbeeld [vrij, aanmelden].")
    trefwoorden: list[Regel] = Field(default_factory=list, description=(
        "Woorden die het doel van de uitkomst beschrijven. Alleen voorzieningen met minstens één van deze woorden "
        "(in naam, samenvatting of trefwoorden) passen; hoe meer woorden, hoe hoger."))
    uitgelicht: list[Id] = Field(default_factory=list, description="Voorzieningen (id) die altijd bovenaan staan.")

    @model_validator(mode="after")
    def _iets_gekozen(self) -> "Selectie":
        if not (self.themas or self.uitgelicht):
            raise fout("Kies welke voorzieningen passen: vul minstens 'themas:' of 'uitgelicht:' in.")
        return self


class Uitkomst(Strict):
    id: Id = Field(description="Naam van de uitkomst; gelijk aan de bestandsnaam zonder .yaml.")
    titel: Regel = Field(description="De kop van de uitkomst: waar kun je terecht.", examples=["Hulp bij schulden"])
    samenvatting: Regel = Field(description="Eén zin: wat is het advies.")
    advies: Tekst = Field(description="Het advies in gewone woorden (B1). Eenvoudige opmaak (Markdown) mag.")
    zelf_doen: list[Regel] = Field(default_factory=list, description="Wat je zelf kunt doen, één tip per regel.")
    netwerk: list[Regel] = Field(default_factory=list, description="Wie in je omgeving kan helpen (familie, buren, vrienden), één tip per regel.")
    voorzieningen: Optional[Selectie] = Field(None, description="Welke voorzieningen passen bij deze uitkomst.")
    ingang: Id = Field(description=(
        "De ene plek waar je contact opneemt: 'sociaal-team' (het team van je kern), 'crisis' (de crisislijnen), "
        "'clientondersteuning' (de onafhankelijke cliëntondersteuners van je kern), de id van een ingang, of de id "
        "van de voorziening die de kop noemt (bijvoorbeeld formulierenhulp)."))
    ingang_elders: list[Id] = Field(default_factory=list, description=(
        "Alleen als de plek bij 'ingang' niet in elke kern werkt: dezelfde hulp in de andere kernen (ids van "
        "voorzieningen of ingangen), bijvoorbeeld de formulierenhulp van de andere gemeente. Iedere kern krijgt de "
        "eerste plek die daar werkt. Een kern zonder zo'n plek gaat naar de ingang van dezelfde soort van zijn "
        "gemeente, anders naar zijn sociaal team. Zet 'sociaal-team' als laatste als het team daar de goede plek is."), examples=[["formulierenhulp-wolderbeek"]])
    kcc: Optional[Regel] = Field(None, description=(
        "Voor het belscript van het KCC: wat de medewerker doet, in één zin over 'de beller' (niet 'je'). "
        "Bijvoorbeeld: 'Verwijs de beller naar de formulierenhulp.' Werkt de plek niet in elke kern, noem haar dan niet bij "
        "naam: het belscript zet onder deze zin de plek voor de kern van de beller."))
    wat_gebeurt_er: Optional[Tekst] = Field(None, description="Wat er gebeurt als je contact opneemt, voor deze situatie. Leeg: de tekst van de ingang.")
    clientondersteuning: list[Wet] = Field(default_factory=list, description="Bied een onafhankelijke cliëntondersteuner aan voor deze wetten (wmo, jeugdwet, participatiewet, wlz). Leeg: niet aanbieden.")
    hulplijnen: list[Id] = Field(default_factory=list, description="Bij 'ingang: crisis': de hulplijnen (ids van ingangen) in deze volgorde. Leeg: alle crisislijnen.")
    urgentie: Urgentie = Field("gewoon", description="Hoe snel contact nodig is: nu, snel of gewoon.")

    @model_validator(mode="after")
    def _crisis_is_nu(self) -> "Uitkomst":
        if self.hulplijnen and self.ingang != CRISIS:
            raise fout("'hulplijnen' horen alleen bij een uitkomst met 'ingang: crisis'. Haal ze weg of zet 'ingang: crisis'.")
        if self.ingang_elders and self.ingang in (SOCIAAL_TEAM, CRISIS, CLIENTONDERSTEUNING):
            raise fout(f"'ingang_elders' hoort alleen bij één vaste plek. Met 'ingang: {self.ingang}' kiest de site de plek al per kern: haal 'ingang_elders' weg.")
        if self.ingang == CRISIS and self.urgentie != "nu":
            raise fout("Een crisis-uitkomst is altijd dringend: zet 'urgentie: nu'.")
        return self

    @property
    def is_crisis(self) -> bool:
        return self.ingang == CRISIS

    @property
    def via_sociaal_team(self) -> bool:
        return self.ingang == SOCIAAL_TEAM

    @property
    def via_clientondersteuning(self) -> bool:
        return self.ingang == CLIENTONDERSTEUNING


class WegwijzerInfo(Strict):
    """kaart/wegwijzer/wegwijzer.yaml."""

    start: Id = Field(description="De eerste vraag (id). Vraag altijd eerst of iemand nu in gevaar is.")
    inleiding: Tekst = Field(description="De uitleg bovenaan /wegwijzer/. Eenvoudige opmaak (Markdown) mag.")


Node = Union[Vraag, Uitkomst]

# JSON Schemas for editors (generator/schema.py): kaart/wegwijzer/wegwijzer.yaml, vragen/*.yaml, uitkomsten/*.yaml.
WEGWIJZER_MODELS = {"wegwijzer": WegwijzerInfo, "wegwijzer-vraag": Vraag, "wegwijzer-uitkomst": Uitkomst}
WEGWIJZER_TITLES = {"wegwijzer": "Wegwijzer", "wegwijzer-vraag": "Vraag in de wegwijzer", "wegwijzer-uitkomst": "Uitkomst van de wegwijzer"}


@dataclass
class Wegwijzer:
    """The validated tree, ready for the page stage: kaart.extras['wegwijzer']."""

    info: WegwijzerInfo
    vragen: dict[str, Vraag]
    uitkomsten: dict[str, Uitkomst]
    ouders: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)  # node -> [(vraag id, antwoord id)]
    bronnen: Any = field(default=None, compare=False)  # validate._Bronnen: the parsed files, for messages at the right line

    @property
    def start(self) -> Vraag:
        return self.vragen[self.info.start]

    def node(self, kind: str, node_id: str) -> Node:
        return self.vragen[node_id] if kind == "vraag" else self.uitkomsten[node_id]

    def index_parents(self) -> None:
        self.ouders = {}
        for vraag in self.vragen.values():
            for antwoord in vraag.antwoorden:
                self.ouders.setdefault(antwoord.doel, []).append((vraag.id, antwoord.id))

    def vorige_vraag(self, vraag_id: str) -> str | None:
        """The question before this one, when there is exactly one; None for the start or when it is ambiguous."""
        parents = {vraag for vraag, _ in self.ouders.get(("vraag", vraag_id), [])}
        return parents.pop() if len(parents) == 1 else None

    def paden(self) -> list[tuple[list[tuple[str, str]], str]]:
        """Every path from the start: ([(vraag id, antwoord id), ...], uitkomst id). Only for a validated, acyclic tree."""
        found: list[tuple[list[tuple[str, str]], str]] = []

        def walk(vraag_id: str, steps: list[tuple[str, str]]) -> None:
            for antwoord in self.vragen[vraag_id].antwoorden:
                step = steps + [(vraag_id, antwoord.id)]
                if antwoord.uitkomst:
                    found.append((step, antwoord.uitkomst))
                else:
                    walk(antwoord.vraag, step)  # type: ignore[arg-type]

        walk(self.info.start, [])
        return found

    def paden_naar(self, node: tuple[str, str]) -> list[tuple[list[tuple[str, str]], str]]:
        """Every path from the start to this question or outcome: the steps before it."""
        kind, node_id = node
        found = []
        for steps, uitkomst_id in self.paden():
            if kind == "uitkomst" and uitkomst_id == node_id:
                found.append((steps, uitkomst_id))
            elif kind == "vraag":
                for index, (vraag_id, _) in enumerate(steps):
                    if vraag_id == node_id:
                        found.append((steps[:index], uitkomst_id))
                        break
        return found

    def antwoord(self, vraag_id: str, antwoord_id: str) -> Antwoord:
        return next(a for a in self.vragen[vraag_id].antwoorden if a.id == antwoord_id)
