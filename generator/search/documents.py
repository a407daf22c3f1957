"""What the site search knows about each page: searchable text per field, and a compact card.

One `SearchDocument` per search result: every record (voorziening, vindplaats,
cliëntondersteuner, ingang, organisatie), every theme and kern page, a few overview pages
(contact, A-Z, cliëntondersteuning, the wegwijzer when it exists) and the hand-written pages
in docs/. Both the MkDocs plugin and `kaart zoek` build the documents with `collect_documents`,
so the browser and the command line search the same index.

Decisions:
* Records with `status: gestopt` are left out: a resident must not land on help that no longer
  exists. Their record page stays online for old links (it says the help has stopped).
* Long texts (beschrijving, wat_gebeurt_er, the body of hand-written pages) are cut to
  `MAX_TEXT_WORDS` words: the index stays small and the build fast, and the first words of a
  description say what it is about.
* All indexed text is folded: accents removed (cliënt -> client), so residents who type without
  accents find the same. `zoeken.js` folds the query identically (see query.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..fields import format_phone
from ..validate import Kaart
from ..vocabulary import (
    DOELGROEPEN,
    INGANG_SOORTEN,
    ORGANISATIE_SOORTEN,
    SOORTEN,
    THEMA_UITLEG,
    THEMAS,
    VINDPLAATS_SOORTEN,
    WETTEN,
)
from ..build.nabij import plekken
from ..build.urls import kern_url, record_url, thema_url
from .dutch import fold

MAX_TEXT_WORDS = 60

# Generated overview pages worth finding by name ("contact", "wegwijzer"), when the site has them.
OVERVIEW_PAGES = ("contact/", "a-z/", "clientondersteuners/", "kernen/", "themas/", "wegwijzer/")
# Hand-written pages for partners and data users, not for residents: they rank after every other result
# unless their name holds every word of the question ('gegevens aanpassen').
ACHTERAAN = ("bijdragen/", "open-data/")

# Indexed fields, most important first. Boosts are whole numbers (see dutch.py). Trefwoorden
# weigh less than the name, at most MAX_TREFWOORDEN count (`kaart check` enforces it), and those
# unrelated to the record's themes weigh as plain text (trefwoorden.demote_unrelated).
MAX_TREFWOORDEN = 20
FIELDS: dict[str, int] = {
    "naam": 10,
    "trefwoorden": 5,
    "synoniemen": 4,
    "samenvatting": 3,
    "labels": 2,
    "tekst": 1,
    "woorddelen": 1,  # the head noun of a compound ('koffie' of 'Buurtkoffie'), see samenstellingen.py
}

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_SYNTAX = re.compile(r"[*_`#>|]+|^\s*[-+]\s+|^\s*\d+\.\s+", re.MULTILINE)
_HTML = re.compile(r"<[^>]*>")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_ATTR_LIST = re.compile(r"\{[:.#][^}]*\}")


def plain_text(markdown: str | None) -> str:
    """Markdown as plain words: links keep their text, markup and HTML go."""
    if not markdown:
        return ""
    text = _MARKDOWN_LINK.sub(r"\1", markdown)
    text = _HTML.sub(" ", text)
    text = _ATTR_LIST.sub(" ", text)
    text = _MARKDOWN_SYNTAX.sub(" ", text)
    return " ".join(text.split())


def first_words(text: str, limit: int = MAX_TEXT_WORDS) -> str:
    words = text.split()
    return " ".join(words[:limit])


# Letters joined by hyphens: 'koffie-ochtend', 'speel-o-theek', 'wmo-loket' (not '0523-800100').
HYPHENATED = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b", re.IGNORECASE)

@dataclass
class SearchDocument:
    """One search result: the fields lunr indexes, and the card the browser shows."""

    id: str
    soort: str  # a record type, or 'thema', 'kern', 'pagina'
    naam: str
    url: str  # site-relative directory URL, e.g. 'voorzieningen/voedselbank/'
    samenvatting: str = ""
    trefwoorden: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    tekst: str = ""
    synoniemen: list[str] = field(default_factory=list)  # filled in by synoniemen.expand
    woorddelen: list[str] = field(default_factory=list)  # filled in by samenstellingen.add_tails
    # card and filter data (see `card`)
    themas: list[str] = field(default_factory=list)
    doelgroepen: list[str] = field(default_factory=list)
    leeftijd: tuple[int | None, int | None] | None = None
    gratis: bool | None = None
    vrij: bool | None = None
    werkgebied: list[str] = field(default_factory=list)  # gemeente, gebied or kern ids
    telefoon: str | None = None
    status: str | None = None
    plekken: list[list[float]] = field(default_factory=list)  # [lat, lon] of its places (build/nabij.py)
    achteraan: bool = False  # a page for partners (ACHTERAAN): after the residents' results

    def field_pieces(self, name: str) -> list[str]:
        """A field's text as separate pieces (one per list item), folded; words written with a hyphen also
        typed together, as one more piece ('koffie-ochtend' is found by 'koffieochtend')."""
        value = getattr(self, name)
        pieces = [fold(piece) for piece in (value if isinstance(value, list) else [value]) if piece]
        joined = [match.group(0).replace("-", "") for piece in pieces if "-" in piece for match in HYPHENATED.finditer(piece)]
        return pieces + [" ".join(joined)] if joined else pieces

    def field_text(self, name: str) -> str:
        """The text lunr indexes for a field: folded, list items joined by ' , '."""
        return " , ".join(self.field_pieces(name))

    def card(self) -> dict[str, Any]:
        """The compact JSON the browser shows and filters on (empty values left out)."""
        card: dict[str, Any] = {"id": self.id, "soort": self.soort, "naam": self.naam, "url": self.url}
        optional = {
            "samenvatting": self.samenvatting,
            "themas": self.themas,
            "doelgroepen": self.doelgroepen,
            "leeftijd": list(self.leeftijd) if self.leeftijd else None,
            "gratis": self.gratis,
            "vrij": self.vrij,
            "werkgebied": self.werkgebied,
            "telefoon": self.telefoon,
            "status": self.status,
            "plekken": self.plekken,
            "achteraan": self.achteraan or None,
        }
        card.update({key: value for key, value in optional.items() if value not in (None, "", [])})
        return card


def area_names(kaart: Kaart, werkgebied: Iterable[str]) -> list[str]:
    names = []
    for area in werkgebied:
        if area in kaart.kernen:
            names.append(kaart.kernen[area].naam)
        elif area in kaart.gebieden_by_id:
            names.append(kaart.gebieden_by_id[area].naam)
        elif area in kaart.gemeenten_by_id:
            names.append(kaart.gemeenten_by_id[area].naam)
    return names


def _organisatie_naam(kaart: Kaart, organisatie_id: str | None) -> list[str]:
    organisatie = kaart.organisaties.get(organisatie_id) if organisatie_id else None
    return [organisatie.naam] if organisatie else []


def _location_labels(kaart: Kaart, locaties: list) -> list[str]:
    labels = []
    for locatie in locaties:
        if locatie.naam:
            labels.append(locatie.naam)
        labels.append(kaart.kernen[locatie.kern].naam if locatie.kern in kaart.kernen else locatie.kern)
    return labels


def _telefoon(contact) -> str | None:
    """The phone number as residents read it ('0523 806 000'); a tel: link can drop the spaces."""
    return format_phone(contact.telefoon) if contact and contact.telefoon else None


def _leeftijd(record) -> tuple[int | None, int | None] | None:
    leeftijd = getattr(record, "leeftijd", None)
    if leeftijd is None or (leeftijd.van is None and leeftijd.tot is None):
        return None
    return (leeftijd.van, leeftijd.tot)


def voorziening_document(kaart: Kaart, v) -> SearchDocument:
    labels = [THEMAS[t] for t in v.themas] + [DOELGROEPEN[d] for d in v.doelgroepen]
    labels += _organisatie_naam(kaart, v.organisatie) + area_names(kaart, v.werkgebied) + _location_labels(kaart, v.locaties)
    if v.kosten.soort == "gratis":
        labels.append("gratis")
    text = first_words(plain_text(v.beschrijving)) + " " + v.aanmelden
    return SearchDocument(
        id=v.id, soort="voorziening", naam=v.naam, url=record_url("voorziening", v.id),
        samenvatting=v.samenvatting, trefwoorden=list(v.trefwoorden[:MAX_TREFWOORDEN]), labels=labels, tekst=text,
        themas=list(v.themas), doelgroepen=list(v.doelgroepen), leeftijd=_leeftijd(v),
        gratis=v.kosten.soort == "gratis", vrij=v.toegang == "vrij", werkgebied=list(v.werkgebied),
        telefoon=_telefoon(v.contact), status=v.status if v.status != "actief" else None,
        plekken=[list(point) for point in plekken(kaart, v)],
    )


def vindplaats_document(kaart: Kaart, v) -> SearchDocument:
    labels = [VINDPLAATS_SOORTEN[v.soort]] + [THEMAS[t] for t in v.themas] + _organisatie_naam(kaart, v.organisatie)
    labels += area_names(kaart, [v.kern])
    return SearchDocument(
        id=v.id, soort="vindplaats", naam=v.naam, url=record_url("vindplaats", v.id),
        samenvatting=v.samenvatting, labels=labels, tekst=first_words(plain_text(v.wat_kun_je_vragen)),
        themas=list(v.themas), werkgebied=[vindplaats_area(kaart, v.kern)], telefoon=_telefoon(v.contact),
        plekken=[list(point) for point in plekken(kaart, v)],
    )


def vindplaats_area(kaart: Kaart, kern_id: str) -> str:
    """Where a vindplaats is a place for: the gebied of its kern (the wijkagent in Haarsloo, the school, the
    consultatiebureau serve the villages around it), so a resident of a village next door finds it as their own."""
    gebied = kaart.gebied_van_kern.get(kern_id)
    return gebied.id if gebied is not None else kern_id


def clientondersteuner_document(kaart: Kaart, c) -> SearchDocument:
    labels = ["cliëntondersteuning", "gratis", "onafhankelijk"] + [WETTEN[w] for w in c.wetten]
    labels += [DOELGROEPEN[d] for d in c.doelgroepen] + _organisatie_naam(kaart, c.organisatie) + area_names(kaart, c.werkgebied)
    return SearchDocument(
        id=c.id, soort="clientondersteuner", naam=c.naam, url=record_url("clientondersteuner", c.id),
        samenvatting=c.samenvatting, trefwoorden=list(c.trefwoorden[:MAX_TREFWOORDEN]), labels=labels,
        tekst=first_words(plain_text(c.beschrijving)), doelgroepen=list(c.doelgroepen),
        gratis=True, werkgebied=list(c.werkgebied), telefoon=_telefoon(c.contact),
        plekken=[list(point) for point in plekken(kaart, c)],
    )


def ingang_document(kaart: Kaart, i) -> SearchDocument:
    labels = [INGANG_SOORTEN[i.soort]] + [THEMAS[t] for t in i.themas] + _organisatie_naam(kaart, i.organisatie)
    labels += area_names(kaart, i.werkgebied)
    text = first_words(plain_text(i.beschrijving) + " " + plain_text(i.wat_gebeurt_er))
    return SearchDocument(
        id=i.id, soort="ingang", naam=i.naam, url=record_url("ingang", i.id),
        samenvatting=i.samenvatting, labels=labels, tekst=text, themas=list(i.themas),
        werkgebied=list(i.werkgebied), telefoon=_telefoon(i.contact),
    )


def organisatie_document(kaart: Kaart, o) -> SearchDocument:
    return SearchDocument(
        id=o.id, soort="organisatie", naam=o.naam, url=record_url("organisatie", o.id),
        samenvatting=o.samenvatting or "", labels=[ORGANISATIE_SOORTEN[o.soort]], telefoon=_telefoon(o.contact),
    )


RECORD_DOCUMENTS = {
    "voorziening": voorziening_document,
    "vindplaats": vindplaats_document,
    "clientondersteuner": clientondersteuner_document,
    "ingang": ingang_document,
    "organisatie": organisatie_document,
}


def record_documents(kaart: Kaart) -> list[SearchDocument]:
    documents = []
    for soort in SOORTEN:
        for record in sorted(kaart.records.get(soort, {}).values(), key=lambda r: (r.naam.casefold(), r.id)):
            if getattr(record, "status", "actief") == "gestopt":
                continue
            documents.append(RECORD_DOCUMENTS[soort](kaart, record))
    return documents


def thema_documents() -> list[SearchDocument]:
    return [
        SearchDocument(id=thema_id, soort="thema", naam=naam, url=thema_url(thema_id), samenvatting=THEMA_UITLEG[thema_id], themas=[thema_id])
        for thema_id, naam in THEMAS.items()
    ]


def kern_documents(kaart: Kaart) -> list[SearchDocument]:
    return [
        SearchDocument(
            id=kern_id, soort="kern", naam=kern.naam, url=kern_url(kern_id),
            samenvatting=f"Hulp en voorzieningen in {kern.naam}.", labels=[kaart.gebied_van_kern[kern_id].naam],
            werkgebied=[kern_id],
        )
        for kern_id, kern in sorted(kaart.kernen.items())
    ]


def overview_documents(generated: Iterable[Any]) -> list[SearchDocument]:
    """Overview pages from the generated pages (objects with url, title and description)."""
    by_url = {page.url: page for page in generated}
    return [
        SearchDocument(id=url.strip("/"), soort="pagina", naam=by_url[url].title, url=url, samenvatting=by_url[url].description or "")
        for url in OVERVIEW_PAGES
        if url in by_url
    ]


@dataclass
class HandWrittenPage:
    url: str  # site-relative directory URL ('' for the home page)
    source: str  # the Markdown file's text


def hand_written_documents(pages: Iterable[HandWrittenPage]) -> list[SearchDocument]:
    documents = []
    for page in sorted(pages, key=lambda p: p.url):
        document = _page_document(page)
        if document is not None:
            documents.append(document)
    return documents


def _page_document(page: HandWrittenPage) -> SearchDocument | None:
    meta, body = _split_front_matter(page.source)
    if str(meta.get("robots", "")).startswith("noindex") or meta.get("search", {}) == {"exclude": True}:
        return None
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.DOTALL)
    heading = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
    title = str(meta.get("title") or (heading.group(1) if heading else "") or page.url.strip("/") or "Home")
    if heading:
        body = body[: heading.start()] + body[heading.end():]
    paragraphs = [plain_text(p) for p in re.split(r"\n\s*\n", body)]
    paragraphs = [p for p in paragraphs if p]
    summary = str(meta.get("description") or (paragraphs[0] if paragraphs else ""))
    return SearchDocument(
        id=page.url.strip("/") or "home", soort="pagina", naam=plain_text(title), url=page.url,
        samenvatting=first_words(summary, 40), tekst=first_words(" ".join(paragraphs[1:] if not meta.get("description") else paragraphs)),
        achteraan=page.url.startswith(ACHTERAAN),
    )


def _split_front_matter(source: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), source[match.end():]


def collect_documents(kaart: Kaart, generated: Iterable[Any] = (), hand_written: Iterable[HandWrittenPage] = ()) -> list[SearchDocument]:
    """Every search document of the site, in a fixed order: records by type, each type by name
    (neutral: never by provider), then themes, kernen and pages. The order breaks ties in ranking
    and is the order of a list without a query (filters only)."""
    return record_documents(kaart) + thema_documents() + kern_documents(kaart) + overview_documents(generated) + hand_written_documents(hand_written)


def hand_written_pages_from_files(files: Iterable[Any], skip: Iterable[str] = ()) -> list[HandWrittenPage]:
    """Hand-written Markdown pages of a MkDocs `Files` collection (generated src_uris in `skip`)."""
    skipped = set(skip)
    pages = []
    for file in files:
        if not file.is_documentation_page() or file.src_uri in skipped or not file.abs_src_path:
            continue
        if file.inclusion.is_excluded():
            continue  # exclude_docs and drafts are not published
        pages.append(HandWrittenPage(file.url, Path(file.abs_src_path).read_text(encoding="utf-8")))
    return pages
