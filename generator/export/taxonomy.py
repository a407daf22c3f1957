"""Our fixed lists (generator/vocabulary.py) as HSDS taxonomies, and attributes that link a service to a term."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from .. import vocabulary
from ..build.urls import thema_url

RECORD_SOORTEN = {soort: label for soort, (_, label, _) in vocabulary.SOORTEN.items() if soort != "organisatie"}


@dataclass(frozen=True)
class Taxonomie:
    sleutel: str  # used in ids and in the profile's anchors
    naam: str
    beschrijving: str
    link_type: str  # what the term says about a service (HSDS attribute.link_type)
    termen: dict[str, str]  # code -> Dutch name
    uitleg: dict[str, str] = field(default_factory=dict)  # code -> description, when there is more to say


TAXONOMIEEN: dict[str, Taxonomie] = {
    t.sleutel: t
    for t in (
        Taxonomie("themas", "Thema's", "De vaste lijst van thema's van de sociale kaart; elke voorziening heeft er één of meer.", "category", vocabulary.THEMAS, vocabulary.THEMA_UITLEG),
        Taxonomie("doelgroepen", "Doelgroepen", "Voor wie een voorziening of cliëntondersteuning bedoeld is.", "audience", vocabulary.DOELGROEPEN),
        Taxonomie("soorten", "Soorten records", "Wat voor record dit in de sociale kaart is: voorziening, vindplaats, cliëntondersteuner of ingang.", "record_type", RECORD_SOORTEN),
        Taxonomie("ingang-soorten", "Soorten ingangen", "Wat voor ingang (toegang tot hulp) dit is, bijvoorbeeld het sociaal team of het Wmo-loket.", "service_type", vocabulary.INGANG_SOORTEN),
        Taxonomie("vindplaats-soorten", "Soorten vindplaatsen", "Wat voor plek een vindplaats is, bijvoorbeeld een school of de huisarts.", "service_type", vocabulary.VINDPLAATS_SOORTEN),
        Taxonomie("toegang", "Toegang", "Hoe je gebruik maakt van een voorziening: vrij, eerst aanmelden, met een verwijzing of met een beschikking.", "access", vocabulary.TOEGANG),
        Taxonomie("wetten", "Wetten", "Voor welke wetten een cliëntondersteuner helpt.", "eligibility", vocabulary.WETTEN),
    )
}


class Taxonomy:
    """HSDS taxonomy, taxonomy_term and attribute objects for one kaart."""

    def __init__(self, ids: Callable[..., str], site_url: Optional[str]) -> None:
        self.ids = ids
        self.site_url = site_url
        self._terms_in_attributes: dict[tuple[str, str], dict] = {}  # the same few dozen terms in every service

    def taxonomy(self, sleutel: str) -> dict:
        t = TAXONOMIEEN[sleutel]
        result = {"id": self.ids("taxonomy", sleutel), "name": t.naam, "description": t.beschrijving}
        if self.site_url:
            result["uri"] = f"{self.site_url}open-data/profiel/#taxonomie-{sleutel}"
        return result

    def term(self, sleutel: str, code: str, detail: bool = True) -> dict:
        """A term; `detail` nests the whole taxonomy (taxonomy_terms.json). Inside a service's attributes
        it is left out: `taxonomy_id` names it, and repeating it in every attribute doubled services.json."""
        t = TAXONOMIEEN[sleutel]
        result = {
            "id": self.ids("taxonomy_term", sleutel, code),
            "code": code,
            "name": t.termen[code],
            "description": t.uitleg.get(code, t.termen[code]),
            "taxonomy": t.naam,
        }
        if detail:
            result["taxonomy_detail"] = self.taxonomy(sleutel)
        result |= {"language": "nl", "taxonomy_id": self.ids("taxonomy", sleutel)}
        if self.site_url and sleutel == "themas":
            result["term_uri"] = self.site_url + thema_url(code)
        return result

    def attribute(self, sleutel: str, code: str, link_id: str, link_entity: str = "service") -> dict:
        term = self._terms_in_attributes.get((sleutel, code))
        if term is None:
            term = self._terms_in_attributes[sleutel, code] = self.term(sleutel, code, detail=False)
        return {
            "id": self.ids("attribute", link_entity, link_id, sleutel, code),
            "link_id": link_id,
            "taxonomy_term_id": term["id"],
            "link_type": TAXONOMIEEN[sleutel].link_type,
            "link_entity": link_entity,
            "value": code,
            "taxonomy_term": term,
        }

    def taxonomies(self) -> list[dict]:
        return [self.taxonomy(sleutel) for sleutel in TAXONOMIEEN]

    def terms(self) -> list[dict]:
        return [self.term(sleutel, code) for sleutel, t in TAXONOMIEEN.items() for code in t.termen]
