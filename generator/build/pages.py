"""Which pages the kaart generates, and the data each template receives.

A page producer takes the kaart and yields `GeneratedPage`s. The MkDocs plugin turns
every page into a virtual file and renders its HTML only when MkDocs needs it, so the
build stays linear in the number of records.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator

from ..validate import Kaart
from ..export.taxonomy import TAXONOMIEEN
from ..vocabulary import SOORTEN, THEMAS
from .beheer import beheer_pages
from .bijdragen import invulvoorbeeld_pages
from .contact import hele_gemeente
from .contact import kcc_nummers
from .nabij import osm_url, plek_attribuut
from .pagination import paginate
from .render import render
from .urls import kern_url, record_url, relative, src_uri_for, thema_url


@dataclass
class GeneratedPage:
    url: str  # directory URL relative to the site root, '' for the home page
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    meta: dict[str, Any] = field(default_factory=dict)  # more front matter, e.g. {"robots": "noindex"}
    # The template reads every record through something its context cannot show (the beheer report calls
    # build_report with the kaart): `kaart serve` rebuilds it whenever any record changed (build/incremental.py).
    depends_on_every_record: bool = False

    @property
    def src_uri(self) -> str:
        return src_uri_for(self.url)

    def page_meta(self) -> dict[str, Any]:
        meta = {"title": self.title}
        if self.description:
            meta["description"] = self.description
        meta.update(self.meta)
        return meta

    def front_matter(self) -> str:
        # JSON strings are valid YAML scalars; titles were checked to hold no < or >. MkDocs does not
        # parse it during a build (the plugin hands it page_meta); it is the file's text for serve and tools.
        return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in self.page_meta().items()) + "---\n"

    def render(self, site: "SiteContext") -> str:
        return render(self.template, page=self, url=lambda target: relative(self.url, target), **site.globals(), **self.context)


@dataclass
class SiteContext:
    """What every template may use: the kaart, lookups and the build date."""

    kaart: Kaart
    today: dt.date
    open_data: Any = None  # generator.export.publish.OpenData: JSON-LD and calendars on record pages
    links: Any = None  # generator.build.feedback.RecordLinks: "Deze gegevens aanpassen" and "Meld het"
    _namen: dict[tuple, str] = field(default_factory=dict, repr=False)

    @cached_property
    def kcc_lijst(self) -> list[dict[str, str]]:
        return kcc_nummers(self.kaart)

    def globals(self) -> dict[str, Any]:
        return {
            "kaart": self.kaart,
            "today": self.today,
            "open_data": self.open_data,
            "links": self.links,
            "hsds_taxonomieen": TAXONOMIEEN,
            "record_url": record_url,
            "thema_url": thema_url,
            "kern_url": kern_url,
            "kernen_namen": self.kernen_namen,
            "gebied_naam": self.gebied_naam,
            "kcc_lijst": self.kcc_lijst,
            "plek_attribuut": self.plek_attribuut,
            "osm_url": osm_url,
            "ids_per_page": IDS_PER_PAGE,
            "organisatie_ids_url": ORGANISATIE_IDS_URL,
        }

    def plek_attribuut(self, record: Any) -> str:
        return plek_attribuut(self.kaart, record)

    def kernen_namen(self, werkgebied: list[str]) -> str:
        key = tuple(werkgebied)
        if key not in self._namen:  # many records share a werkgebied; cards repeat it on every list
            self._namen[key] = ", ".join(self.gebied_naam(area) for area in werkgebied)
        return self._namen[key]

    def gebied_naam(self, area_id: str) -> str:
        kaart = self.kaart
        if area_id in kaart.kernen:
            return kaart.kernen[area_id].naam
        if area_id in kaart.gebieden_by_id:
            return kaart.gebieden_by_id[area_id].naam
        if area_id in kaart.gemeenten_by_id:
            return hele_gemeente(kaart.gemeenten_by_id[area_id])
        return area_id


PageProducer = Callable[[Kaart], Iterable[GeneratedPage]]


def by_name(records: Iterable[Any]) -> list[Any]:
    """Neutral order: alphabetical by name, never by provider."""
    return sorted(records, key=lambda record: (record.naam.casefold(), record.id))


def record_pages(kaart: Kaart) -> Iterator[GeneratedPage]:
    aanbod = aanbod_per_organisatie(kaart)
    for soort, records in kaart.records.items():
        for record in records.values():
            context = {"record": record, "aanbod": aanbod.get(record.id, {})} if soort == "organisatie" else {"record": record}
            yield GeneratedPage(record_url(soort, record.id), record.naam, f"{soort}.html", context, getattr(record, "samenvatting", "") or "")


def aanbod_per_organisatie(kaart: Kaart) -> dict[str, dict[str, list[Any]]]:
    """organisatie id → soort → its records by name; one pass over the kaart, not one per organisation."""
    aanbod: dict[str, dict[str, list[Any]]] = {}
    for soort in ("voorziening", "ingang", "clientondersteuner", "vindplaats"):
        for record in by_name(kaart.records[soort].values()):
            if record.organisatie:
                aanbod.setdefault(record.organisatie, {}).setdefault(soort, []).append(record)
    return aanbod


def voorzieningen_voor_thema(kaart: Kaart, thema: str) -> list[Any]:
    return by_name(v for v in kaart.voorzieningen.values() if thema in v.themas and v.status != "gestopt")


CARDS_PER_PAGE = 40  # a card is about 480 bytes of HTML (with its places and kern data): 40 keep a theme page near 36 KB
LINKS_PER_PAGE = 250  # an A-Z line is about 100 bytes
# A kern page has at most 20 cards (~10 KB) and 10 links per theme (13 themes, ~13 KB): under 40 KB
# with the page around it, however large the kaart.
KERN_CARDS = 20
KERN_LINKS_PER_THEMA = 10


def thema_pages(kaart: Kaart) -> Iterator[GeneratedPage]:
    yield GeneratedPage("themas/", "Thema's", "themas.html", description="Alle thema's van de sociale kaart.")
    for thema_id, naam in THEMAS.items():
        voorzieningen = voorzieningen_voor_thema(kaart, thema_id)
        ingangen = by_name(i for i in kaart.ingangen.values() if thema_id in i.themas)
        common = {
            "thema_id": thema_id,
            "aantal": len(voorzieningen),
            "ingangen": [i for i in ingangen if i.soort != "sociaal-team"],
            # The sociaal teams in one compact list; kernfilter.js puts the resident's own first.
            "teams": [(team, kernen) for team, kernen in kaart.kernen_per_team() if any(team.id == i.id for i in ingangen)],
            "vindplaatsen": by_name(v for v in kaart.vindplaatsen.values() if thema_id in v.themas),
            "gemeenten": kaart.gebieden.gemeenten,
        }
        for pager, cards in paginate(thema_url(thema_id), voorzieningen, CARDS_PER_PAGE):
            context = common | {"voorzieningen": cards, "pager": pager}
            yield GeneratedPage(pager.url, pager.title(naam), "thema.html", context, f"Hulp en voorzieningen bij {naam.lower()}.")


def kern_pages(kaart: Kaart) -> Iterator[GeneratedPage]:
    yield GeneratedPage("kernen/", "Mijn dorp of wijk", "kernen.html", description="Wat is er in jouw dorp of wijk?")
    active = by_name(v for v in kaart.voorzieningen.values() if v.status != "gestopt")  # sorted once: every list below keeps this order
    local: dict[str, list] = {kern_id: [] for kern_id in kaart.kernen}
    wider: dict[str, list] = {kern_id: [] for kern_id in kaart.kernen}
    for voorziening in active:  # each voorziening visits only the kernen it covers, not every kern
        located = {locatie.kern for locatie in voorziening.locaties}
        for kern_id in kaart.kernen_in(voorziening.werkgebied):
            (local if kern_id in located else wider)[kern_id].append(voorziening)
    for kern_id, kern in kaart.kernen.items():
        context = {
            "kern": kern,
            "gebied": kaart.gebied_van_kern[kern_id],
            "gemeente": kaart.gemeente_van_kern[kern_id],
            "team": kaart.sociaal_team_voor(kern_id),
            "kcc": kaart.kcc_voor(kern_id),
            "lokaal": local[kern_id],
            "breder_per_thema": breder_per_thema(wider[kern_id]),
            "vindplaatsen": by_name(v for v in kaart.vindplaatsen.values() if v.kern == kern_id),
            # Beyond these, the page links to the search page filtered on the kern (and theme).
            "max_kaarten": KERN_CARDS,
            "max_links": KERN_LINKS_PER_THEMA,
        }
        yield GeneratedPage(kern_url(kern_id), kern.naam, "kern.html", context, f"Hulp en voorzieningen in {kern.naam}.")


def breder_per_thema(voorzieningen: list[Any]) -> dict[str, list[Any]]:
    """Each voorziening once, under its first (main) theme: keeps kern pages small as the kaart grows.
    The lists keep the order of `voorzieningen` (by name)."""
    per_thema: dict[str, list[Any]] = {t: [] for t in THEMAS}
    for voorziening in voorzieningen:
        if voorziening.themas[0] in per_thema:
            per_thema[voorziening.themas[0]].append(voorziening)
    return per_thema


def overview_pages(kaart: Kaart) -> Iterator[GeneratedPage]:
    yield from a_z_pages(kaart)
    teams = kaart.teams_per_gebied()
    shown = {team.id for _, gebied_teams in teams for team in gebied_teams}
    context = {"teams_per_gebied": teams, "ingangen": _ingangen_by_kind(kaart, skip=shown)}
    yield GeneratedPage("contact/", "Contact", "contact.html", context, "Met wie je kunt praten: sociaal team, loketten en hulplijnen.")
    for pager, chunk in paginate("organisaties/", by_name(kaart.organisaties.values()), LINKS_PER_PAGE):
        yield GeneratedPage(pager.url, pager.title("Organisaties"), "organisaties.html", {"organisaties": chunk, "pager": pager})
    yield from organisatie_id_pages(kaart)
    yield GeneratedPage("clientondersteuners/", "Cliëntondersteuning", "clientondersteuners.html", {"ondersteuners": by_name(kaart.clientondersteuners.values())}, "Gratis en onafhankelijke hulp bij het regelen van zorg en ondersteuning.")


ORGANISATIE_IDS_URL = "bijdragen/lijsten/organisaties/"
IDS_PER_PAGE = 200  # a row of the id table is about 90 bytes


def organisatie_id_pages(kaart: Kaart) -> Iterator[GeneratedPage]:
    """The organisations' ids for partners: inline on the lists page (snippet ids.html) while they fit there,
    else on pages of their own that it links to."""
    organisaties = by_name(kaart.organisaties.values())
    if len(organisaties) <= IDS_PER_PAGE:
        return
    for pager, chunk in paginate(ORGANISATIE_IDS_URL, organisaties, IDS_PER_PAGE):
        yield GeneratedPage(pager.url, pager.title("Ids van de organisaties"), "organisatie-ids.html", {"organisaties": chunk, "pager": pager},
                            "De id van elke organisatie, voor het veld organisatie in je bestand.")


def a_z_pages(kaart: Kaart) -> Iterator[GeneratedPage]:
    """An A-Z overview of letters and one page per letter, so no page grows with the whole kaart."""
    everything = [(soort, record) for soort, records in kaart.records.items() if soort != "organisatie" for record in records.values()]
    letters: dict[str, list] = {}
    for soort, record in sorted(everything, key=lambda item: (item[1].naam.casefold(), item[1].id)):
        letter = record.naam[:1].upper()
        letters.setdefault(letter if letter.isalpha() else "0-9", []).append((soort, record))
    yield GeneratedPage("a-z/", "A-Z", "a-z.html", {"letters": letters, "letter": None}, "Alle hulp en voorzieningen van A tot Z.")
    for letter, items in letters.items():
        for pager, chunk in paginate(f"a-z/{letter.lower()}/", items, LINKS_PER_PAGE):
            context = {"letters": letters, "letter": letter, "items": chunk, "pager": pager}
            yield GeneratedPage(pager.url, pager.title(f"A-Z: {letter}"), "a-z.html", context, f"Hulp en voorzieningen met de letter {letter}.")


def _ingangen_by_kind(kaart: Kaart, skip: set[str] = frozenset()) -> dict[str, list]:
    groups: dict[str, list] = {}
    for ingang in by_name(kaart.ingangen.values()):
        if ingang.id not in skip:
            groups.setdefault(ingang.soort, []).append(ingang)
    return groups


def wegwijzer_pages(kaart: Kaart) -> Iterable[GeneratedPage]:
    from ..wegwijzer.pages import wegwijzer_pages as produce  # imported here: that module builds on GeneratedPage

    return produce(kaart)


def zoeken_pages(kaart: Kaart) -> Iterable[GeneratedPage]:
    from ..search.site import zoeken_pages as produce  # imported here: that module builds on GeneratedPage

    return produce(kaart)


def kcc_pages(kaart: Kaart) -> Iterable[GeneratedPage]:
    from ..kcc.pages import kcc_pages as produce  # imported here: that module builds on GeneratedPage

    return produce(kaart)


# The pages of the site. A later feature adds its producer here.
PAGE_PRODUCERS: list[PageProducer] = [record_pages, thema_pages, kern_pages, overview_pages, beheer_pages, invulvoorbeeld_pages, wegwijzer_pages, zoeken_pages, kcc_pages]

# Markers in hand-written pages (`<!-- kaart:naam -->`) that are replaced by a rendered snippet.
SNIPPETS: dict[str, str] = {
    "themategels": "snippets/themategels.html",
    "zoekblok": "snippets/zoekblok.html",
    "contact-per-gebied": "snippets/contact-per-gebied.html",
    "veldenlijst": "snippets/veldenlijst.html",
    "blokkenlijst": "snippets/blokkenlijst.html",
    "beheer-contact": "snippets/beheer-contact.html",
    "gids": "snippets/gids.html",
    "ids": "snippets/ids.html",
    "open-data": "snippets/open-data.html",
    "hsds-taxonomie": "snippets/hsds-taxonomie.html",
}


def generate_pages(kaart: Kaart) -> list[GeneratedPage]:
    from .snel_weg import markeer  # the quick exit on pages about violence and abuse

    return markeer([page for producer in PAGE_PRODUCERS for page in producer(kaart)])


def records_per_soort(kaart: Kaart) -> dict[str, int]:
    return {SOORTEN[soort][0]: len(records) for soort, records in kaart.records.items()}
