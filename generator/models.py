"""The data model of the kaart: one pydantic model per record type.

These models are the single source of truth for the YAML format. The JSON Schema
for editors (`schema/*.json`) is generated from them (`kaart schema`), and the
field descriptions below are what partners see in their editor.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .fields import MAX_LIJST, Account, Email, Getal, Id, JaNee, Naam, Postcode, Postcodecijfers, Regel, Telefoon, Tekst, Url, fout
from .openingstijden import Openingstijden, deel_uitzonderingen
from .vocabulary import (
    DOELGROEPEN,
    INGANG_SOORTEN,
    KOSTEN,
    ORGANISATIE_SOORTEN,
    STATUS,
    THEMAS,
    TOEGANG,
    VINDPLAATS_SOORTEN,
    WETTEN,
)

# Literal types built from the vocabulary, so the lists live in one place.
ThemaId = Literal[tuple(THEMAS)]  # type: ignore[valid-type]
Doelgroep = Literal[tuple(DOELGROEPEN)]  # type: ignore[valid-type]
Toegang = Literal[tuple(TOEGANG)]  # type: ignore[valid-type]
KostenSoort = Literal[tuple(KOSTEN)]  # type: ignore[valid-type]
Status = Literal[tuple(STATUS)]  # type: ignore[valid-type]
OrganisatieSoort = Literal[tuple(ORGANISATIE_SOORTEN)]  # type: ignore[valid-type]
IngangSoort = Literal[tuple(INGANG_SOORTEN)]  # type: ignore[valid-type]
VindplaatsSoort = Literal[tuple(VINDPLAATS_SOORTEN)]  # type: ignore[valid-type]
Wet = Literal[tuple(WETTEN)]  # type: ignore[valid-type]


def field_of(model: BaseModel, name: str, default=None):
    """getattr(model, name, default) for a field name, without pydantic's slow way to a name the model lacks
    (a voorziening has no 'kern'): the cross-record checks ask this of every record."""
    return getattr(model, name) if name in type(model).model_fields else default


def _talen_eenmaal(talen: list[str]) -> list[str]:
    seen: set[str] = set()
    for taal in talen:
        if taal.casefold() in seen:
            raise fout(f"De taal '{taal}' staat twee keer in de lijst. Haal er één weg.")
        seen.add(taal.casefold())
    return talen


Talen = Annotated[list[Regel], AfterValidator(_talen_eenmaal)]


def _ja_schema(schema: dict) -> None:
    """JSON Schema for a field that must be 'ja' (the model reads 'ja' as True)."""
    schema.pop("const", None)
    schema.pop("type", None)
    schema["enum"] = [True, "ja"]


class Strict(BaseModel):
    """Base for every part of the data: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)

    @model_validator(mode="before")
    @classmethod
    def _lijsten_begrensd(cls, data: object) -> object:
        """No list in a record holds more than MAX_LIJST items (a page must stay readable and small)."""
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, list) and len(value) > MAX_LIJST:
                    raise fout(f"De lijst '{key}' heeft {len(value)} waarden; er mogen er hoogstens {MAX_LIJST} in. Kies de belangrijkste.", veld=key)
        return data


# --- parts ---------------------------------------------------------------------------


class Contact(Strict):
    telefoon: Optional[Telefoon] = Field(None, description="Telefoonnummer voor inwoners, met netnummer.", examples=["0523 123 456"])
    telefoon_toelichting: Optional[Regel] = Field(None, description="Waarvoor je belt of wat het kost, bijvoorbeeld 'gratis' of 'vraag naar de consulent'. De tijden horen bij 'telefoon_tijden'.", examples=["gratis, ook anoniem"])
    telefoon_tijden: Optional[Openingstijden] = Field(None, description="Wanneer het telefoonnummer wordt opgenomen. Los van de openingstijden en de inloop: 'nu open' naast het nummer gaat alleen hierover.")
    whatsapp: Optional[Telefoon] = Field(None, description="Nummer voor WhatsApp, als je dat gebruikt.", examples=["06 1234 5678"])
    email: Optional[Email] = Field(None, description="E-mailadres voor inwoners.", examples=["info@organisatie.nl"])
    website: Optional[Url] = Field(None, description="Webadres met meer informatie, begint met https://.", examples=["https://www.organisatie.nl"])


class Leeftijd(Strict):
    van: Optional[Getal] = Field(None, ge=0, le=120, description="Vanaf deze leeftijd (in jaren).", examples=[18])
    tot: Optional[Getal] = Field(None, ge=0, le=120, description="Tot deze leeftijd (in jaren, niet meer voor wie zo oud is).", examples=[27])

    @model_validator(mode="after")
    def _van_voor_tot(self) -> "Leeftijd":
        if self.van is not None and self.tot is not None and self.tot <= self.van:
            raise fout(f"De leeftijd 'tot' ({self.tot}) moet hoger zijn dan 'van' ({self.van}).")
        return self


class Kosten(Strict):
    soort: KostenSoort = Field(description="Wat het kost: gratis, eigen bijdrage of marktprijs.", examples=["gratis"])
    toelichting: Optional[Regel] = Field(None, description="Uitleg over de kosten, bijvoorbeeld '€ 2,50 per keer, met de Vechtdalpas gratis'. Verplicht als het niet gratis is.", examples=["€ 2,50 per keer"])

    @model_validator(mode="after")
    def _toelichting_als_betaald(self) -> "Kosten":
        if self.soort != "gratis" and not self.toelichting:
            raise fout(f"Bij kosten '{self.soort}' hoort een toelichting: schrijf wat het kost, bijvoorbeeld 'toelichting: € 5 per maand'.")
        return self


class Coordinaten(Strict):
    lat: float = Field(ge=50.7, le=53.6, description="Breedtegraad (Nederland ligt tussen 50,7 en 53,6).", examples=[52.571])
    lon: float = Field(ge=3.3, le=7.3, description="Lengtegraad (Nederland ligt tussen 3,3 en 7,3).", examples=[6.617])


class Adres(Strict):
    straat: Regel = Field(description="Straat en huisnummer.", examples=["Kerkstraat 12"])
    postcode: Postcode = Field(description="Postcode: vier cijfers en twee letters.", examples=["7771 AB"])
    plaats: Regel = Field(description="De plaats, zoals in het adres.", examples=["Brummerveen"])


class Locatie(Strict):
    naam: Optional[Regel] = Field(None, description="Naam van de plek, bijvoorbeeld 'Buurthuis De Spil'.", examples=["Buurthuis De Spil"])
    adres: Adres = Field(description="Het adres waar inwoners naartoe gaan.")
    kern: Id = Field(description="De kern (dorp of wijk) waar de plek ligt; een id uit gebieden.yaml.", examples=["brummerveen"])
    coordinaten: Optional[Coordinaten] = Field(None, description="Waar de plek op de kaart ligt. Niet nodig als het adres klopt.")
    rolstoeltoegankelijk: Optional[JaNee] = Field(None, description="Kun je er met een rolstoel naar binnen? ja of nee.", examples=["ja"])
    openingstijden: Optional[Openingstijden] = Field(None, description="Wanneer de plek open is.")
    inloop: Optional[Openingstijden] = Field(None, description="Tijden waarop je zonder afspraak kunt binnenlopen (inloop of spreekuur).")

    @model_validator(mode="after")
    def _sluiting_voor_alle_tijden(self) -> "Locatie":
        _deel_sluitingen(self)
        return self


def _deel_sluitingen(record: object) -> None:
    """A closure applies to all hours of the place (openingstijden, inloop, phone) unless it says otherwise."""
    contact = getattr(record, "contact", None)
    gedeeld = deel_uitzonderingen({
        "openingstijden": getattr(record, "openingstijden", None),
        "inloop": getattr(record, "inloop", None),
        "telefoon": contact.telefoon_tijden if contact is not None else None,
    })
    record.openingstijden = gedeeld["openingstijden"]  # type: ignore[attr-defined]
    record.inloop = gedeeld["inloop"]  # type: ignore[attr-defined]
    if contact is not None:
        contact.telefoon_tijden = gedeeld["telefoon"]


class Kcc(Strict):
    antwoord: Tekst = Field(description="Het korte antwoord dat de medewerker van het KCC aan de telefoon geeft.", examples=["Loop op woensdagmiddag binnen bij de bibliotheek; een vrijwilliger helpt je met je formulieren."])
    doorverwijzen: Optional[Tekst] = Field(None, description="Wanneer de medewerker de beller warm overdraagt aan het sociaal team.", examples=["Als er ook schulden of zorgen over de gezondheid zijn."])


class Overdracht(Strict):
    naar: Id = Field(description="De ingang (id) waaraan deze vindplaats signalen doorgeeft, meestal het sociaal team.", examples=["sociaal-team-noord"])
    hoe: Tekst = Field(description="Hoe de overdracht gaat: welke rol belt of mailt wie. Noem nooit de naam van een persoon.", examples=["De intern begeleider belt het sociaal team, met toestemming van de ouders."])


# --- records ---------------------------------------------------------------------------


class Record(Strict):
    """Fields every record type shares."""

    id: Id = Field(description="Unieke naam van dit record; gelijk aan de bestandsnaam zonder .yaml. Alleen kleine letters, cijfers en streepjes.", examples=["buurthuis-de-spil"])
    naam: Naam = Field(description="De naam zoals inwoners die kennen.", examples=["Buurthuis De Spil"])
    laatst_gecontroleerd: dt.date = Field(description="Datum waarop iemand de gegevens voor het laatst heeft nagekeken (jjjj-mm-dd).", examples=["2026-10-01"])


class Organisatie(Record):
    soort: OrganisatieSoort = Field(description="Wat voor organisatie dit is. De gemeente beslist over maatwerk; cliëntondersteuning mag daarom niet van de gemeente zijn.", examples=["welzijn"])
    samenvatting: Optional[Regel] = Field(None, description="Eén of twee zinnen over de organisatie.", examples=["Welzijnsorganisatie voor alle dorpen van de gemeente."])
    contact: Contact = Field(default_factory=Contact, description="Hoe inwoners de organisatie bereiken: telefoon, e-mail, website.")
    beheerders: list[Account] = Field(default_factory=list, description="GitHub-accounts die de gegevens van deze organisatie mogen aanpassen.", examples=[["buurthuis-de-spil"]])


class Voorziening(Record):
    organisatie: Id = Field(description="De organisatie (id) die dit aanbiedt.", examples=["welzijn-egelstede"])
    samenvatting: Regel = Field(description="Eén of twee gewone zinnen: wat is het en voor wie.", examples=["Een vrijwilliger helpt je met formulieren en brieven."])
    beschrijving: Optional[Tekst] = Field(None, description="Meer uitleg. Je mag eenvoudige opmaak (Markdown) gebruiken: **vet**, lijstjes en links.", examples=["Neem je brieven mee. De hulp is **gratis**."])
    themas: list[ThemaId] = Field(min_length=1, description="Eén of meer thema's uit de vaste lijst.", examples=[["formulieren-en-juridisch"]])
    doelgroepen: list[Doelgroep] = Field(min_length=1, description="Voor wie het is.", examples=[["iedereen"]])
    leeftijd: Optional[Leeftijd] = Field(None, description="Voor welke leeftijd het is. Laat weg als het voor alle leeftijden is.")
    toegang: Toegang = Field(description="Hoe je er gebruik van maakt: vrij, aanmelden, verwijzing of beschikking.", examples=["vrij"])
    aanmelden: Regel = Field(description="Wat je moet doen om er gebruik van te maken, in één zin.", examples=["Loop binnen tijdens de inloop of bel voor een afspraak."])
    kosten: Kosten = Field(description="Wat het de inwoner kost.")
    werkgebied: list[Id] = Field(min_length=1, description="Waar het voor is: de id van de gemeente, van gebieden of van kernen.", examples=[["egelstede"]])
    locaties: list[Locatie] = Field(default_factory=list, description="De plekken waar inwoners naartoe kunnen, met adres en tijden.")
    contact: Contact = Field(default_factory=Contact, description="Hoe inwoners je bereiken: telefoon, e-mail, website.")
    talen: Talen = Field(default_factory=lambda: ["Nederlands"], description="Talen waarin je geholpen kunt worden. Staat er niets, dan Nederlands.", examples=[["Nederlands", "Engels"]])
    trefwoorden: list[Regel] = Field(default_factory=list, description="Woorden die inwoners zelf gebruiken, bijvoorbeeld 'poetshulp' of 'geldzorgen'.", examples=[["brieven", "DigiD"]])
    kcc: Optional[Kcc] = Field(None, description="Voor de medewerkers van het klantcontactcentrum (KCC) van de gemeente: wat zeg je aan de telefoon?")
    status: Status = Field("actief", description="actief, tijdelijk gesloten of gestopt. Staat er niets, dan is het actief.", examples=["actief"])

    @model_validator(mode="after")
    def _bereikbaar(self) -> "Voorziening":
        if not self.locaties and not (self.contact.telefoon or self.contact.email or self.contact.website):
            raise fout("Vertel hoe inwoners je bereiken: vul een locatie of contact (telefoon, e-mail of website) in.")
        return self


class Vindplaats(Record):
    soort: VindplaatsSoort = Field(description="Wat voor plek dit is, bijvoorbeeld school, huisarts of buurthuis.", examples=["buurthuis"])
    organisatie: Optional[Id] = Field(None, description="De organisatie (id) waar deze plek bij hoort, als die in de kaart staat.", examples=["welzijn-egelstede"])
    kern: Id = Field(description="De kern waar de vindplaats is.", examples=["brummerveen"])
    samenvatting: Regel = Field(description="Eén of twee gewone zinnen over deze plek.", examples=["Buurthuis in het centrum van Brummerveen."])
    wat_kun_je_vragen: Tekst = Field(description="Waarmee inwoners hier terechtkunnen.", examples=["Bij de koffie-inloop kun je vragen stellen over geld, zorg en meedoen."])
    signaalrol: Tekst = Field(description="Wat deze plek doet als er zorgen zijn over iemand.", examples=["De beheerder let op bezoekers die wegblijven of het moeilijk hebben."])
    overdracht: Overdracht = Field(description="Aan wie deze plek zorgen doorgeeft, en hoe.")
    adres: Optional[Adres] = Field(None, description="Het adres waar inwoners naartoe gaan.")
    openingstijden: Optional[Openingstijden] = Field(None, description="Wanneer de plek open is.")
    inloop: Optional[Openingstijden] = Field(None, description="Tijden waarop je zonder afspraak kunt binnenlopen (inloop of spreekuur).")
    contact: Contact = Field(default_factory=Contact, description="Hoe inwoners de plek bereiken: telefoon, e-mail, website.")
    themas: list[ThemaId] = Field(default_factory=list, description="De thema's waarover je hier iets kunt vragen, uit de vaste lijst.", examples=[["meedoen-en-ontmoeten"]])

    @model_validator(mode="after")
    def _sluiting_voor_alle_tijden(self) -> "Vindplaats":
        _deel_sluitingen(self)
        return self


class Clientondersteuner(Record):
    organisatie: Id = Field(description="De onafhankelijke organisatie (id) die de cliëntondersteuning geeft.", examples=["welzijn-egelstede"])
    samenvatting: Regel = Field(description="Eén of twee gewone zinnen: wat doet de cliëntondersteuner voor je.", examples=["Gratis hulp bij het gesprek met de gemeente over zorg of ondersteuning."])
    beschrijving: Optional[Tekst] = Field(None, description="Meer uitleg. Je mag eenvoudige opmaak (Markdown) gebruiken: **vet**, lijstjes en links.", examples=["Neem je brieven mee. De hulp is **gratis**."])
    wetten: list[Wet] = Field(min_length=1, description="Voor welke wetten je hier hulp krijgt: wmo, jeugdwet, participatiewet, wlz.", examples=[["wmo", "jeugdwet"]])
    doelgroepen: list[Doelgroep] = Field(min_length=1, description="Voor wie de ondersteuning is.", examples=[["iedereen"]])
    gratis: Literal[True] = Field(description="Cliëntondersteuning is altijd gratis: schrijf 'gratis: ja'.", examples=["ja"], json_schema_extra=_ja_schema)
    onafhankelijk: Literal[True] = Field(description="Cliëntondersteuning is onafhankelijk van wie over de hulp beslist: schrijf 'onafhankelijk: ja'.", examples=["ja"], json_schema_extra=_ja_schema)
    onafhankelijkheid: Tekst = Field(description="Leg uit waarom de ondersteuning onafhankelijk is van de gemeente die beslist.", examples=["De ondersteuners werken bij de welzijnsstichting en beslissen niet over hulp of geld van de gemeente."])
    ervaringsdeskundigen: JaNee = Field(False, description="Zijn er ervaringsdeskundigen beschikbaar? ja of nee. Staat er niets, dan nee.", examples=["ja"])
    werkgebied: list[Id] = Field(min_length=1, description="Waar de ondersteuning voor is: de id van de gemeente, van gebieden of van kernen.", examples=[["egelstede"]])
    talen: Talen = Field(default_factory=lambda: ["Nederlands"], description="Talen waarin je geholpen kunt worden. Staat er niets, dan Nederlands.", examples=[["Nederlands", "Arabisch"]])
    contact: Contact = Field(description="Hoe inwoners een cliëntondersteuner bereiken: telefoon, e-mail, website.")
    locaties: list[Locatie] = Field(default_factory=list, description="De plekken waar inwoners naartoe kunnen, met adres en tijden.")
    trefwoorden: list[Regel] = Field(default_factory=list, description="Woorden die inwoners zelf gebruiken, bijvoorbeeld 'hulp bij gesprek' of 'keukentafelgesprek'.", examples=[["keukentafelgesprek"]])
    kcc: Optional[Kcc] = Field(None, description="Voor de medewerkers van het klantcontactcentrum (KCC) van de gemeente: wat zeg je aan de telefoon?")

    @model_validator(mode="before")
    @classmethod
    def _ja_als_true(cls, data: object) -> object:
        if isinstance(data, dict):
            for key in ("gratis", "onafhankelijk"):
                value = data.get(key)
                if isinstance(value, str) and value.strip().lower() in ("ja", "true"):
                    data = {**data, key: True}  # a copy: the file's data stays as it was read
                elif key in data and value is not True:
                    raise fout(
                        f"Cliëntondersteuning is altijd {key}. Staat hier 'nee'? Dan is het geen "
                        "cliëntondersteuning in de zin van de wet; neem het op als voorziening."
                    )
        return data


class Ingang(Record):
    soort: IngangSoort = Field(description="Wat voor ingang dit is, bijvoorbeeld sociaal-team, wmo-loket of cjg.", examples=["sociaal-team"])
    organisatie: Id = Field(description="De organisatie (id) waar deze ingang bij hoort.", examples=["gemeente-egelstede"])
    samenvatting: Regel = Field(description="Eén of twee gewone zinnen: waarvoor kun je hier terecht.", examples=["Voor alle vragen over zorg, geld, opvoeden en meedoen."])
    beschrijving: Optional[Tekst] = Field(None, description="Meer uitleg. Je mag eenvoudige opmaak (Markdown) gebruiken: **vet**, lijstjes en links.", examples=["Neem je brieven mee. De hulp is **gratis**."])
    wat_gebeurt_er: Tekst = Field(description="Wat er gebeurt als je belt of binnenloopt, in gewone woorden.", examples=["Een generalist belt je terug en maakt een afspraak voor een gesprek bij je thuis."])
    werkgebied: list[Id] = Field(min_length=1, description="Voor welke gemeente, gebieden of kernen deze ingang er is.", examples=[["noord"]])
    themas: list[ThemaId] = Field(default_factory=list, description="De thema's waarvoor je hier terechtkunt, uit de vaste lijst.", examples=[["zorg-en-gezondheid"]])
    contact: Contact = Field(description="Hoe inwoners de ingang bereiken. Een telefoonnummer is verplicht.")
    adres: Optional[Adres] = Field(None, description="Het adres waar inwoners naartoe gaan.")
    openingstijden: Optional[Openingstijden] = Field(None, description="Wanneer het gebouw open is. Wanneer je kunt bellen staat bij 'contact: telefoon_tijden'.")
    inloop: Optional[Openingstijden] = Field(None, description="Tijden waarop je zonder afspraak kunt binnenlopen (inloop of spreekuur).")
    kcc: Optional[Kcc] = Field(None, description="Voor de medewerkers van het klantcontactcentrum (KCC) van de gemeente: wat zeg je aan de telefoon?")

    @model_validator(mode="after")
    def _bereikbaar(self) -> "Ingang":
        if not self.contact.telefoon:
            raise fout("Een ingang moet een telefoonnummer hebben: vul 'contact: telefoon:' in.")
        _deel_sluitingen(self)
        return self

    @property
    def dag_en_nacht(self) -> bool:
        tijden = self.contact.telefoon_tijden
        return bool(tijden and tijden.dag_en_nacht)


# --- areas ---------------------------------------------------------------------------


class Kern(Strict):
    id: Id = Field(description="Korte naam van de kern: kleine letters, cijfers en streepjes.", examples=["brummerveen"])
    naam: Regel = Field(description="De naam van het dorp of de wijk.", examples=["Brummerveen"])
    postcodes: list[Postcodecijfers] = Field(default_factory=list, description="De vier cijfers van de postcodes in deze kern, bijvoorbeeld '7771'. Inwoners kunnen hun postcode intypen in plaats van hun kern te kiezen; een postcode mag bij meer kernen horen, dan kiest de inwoner.", examples=[["7771"]])
    coordinaten: Optional[Coordinaten] = Field(None, description="Het midden van de kern. Daarmee staan plekken dicht bij de inwoner bovenaan; plekken zonder eigen coördinaten krijgen die van hun kern.")


class Gebied(Strict):
    id: Id = Field(description="Korte naam van het gebied: kleine letters, cijfers en streepjes.", examples=["noord"])
    naam: Regel = Field(description="De naam van het gebied, zoals inwoners die kennen.", examples=["Noord"])
    kernen: list[Kern] = Field(min_length=1, description="De kernen (dorpen en wijken) in dit gebied.")


class Gemeente(Strict):
    id: Id = Field(description="Korte naam van de gemeente: kleine letters, cijfers en streepjes.", examples=["egelstede"])
    naam: Regel = Field(description="De naam van de gemeente.", examples=["Gemeente Egelstede"])
    provincie: Optional[Regel] = Field(None, description="De provincie waarin de gemeente ligt, bijvoorbeeld Overijssel. Staat in de adressen van de open data.", examples=["Overijssel"])
    organisatie: Optional[Id] = Field(None, description=(
        "De organisatie van deze gemeente (met 'soort: gemeente') in kaart/organisaties/. Verplicht als de kaart meer "
        "gemeenten heeft: alleen de sociaal teams en het KCC van deze organisatie mogen de kernen van deze gemeente bedienen."),
        examples=["gemeente-egelstede"])
    gebieden: list[Gebied] = Field(min_length=1, description="De gebieden van de gemeente; elk gebied heeft een eigen sociaal team.")


class Gebieden(Strict):
    """kaart/gebieden.yaml: the region, its gemeenten, gebieden and kernen."""

    regio: Regel = Field(description="Naam van de regio of gemeente, zoals die bovenaan de site staat.")
    voorbeelddata: JaNee = Field(False, description="Zet op 'ja' zolang de kaart voorbeeldgegevens bevat; elke pagina zegt dat dan.")
    gemeenten: list[Gemeente] = Field(min_length=1, description="De gemeenten in de kaart, met hun gebieden en kernen. Het telefoonnummer van elke gemeente staat in haar ingang met 'soort: kcc'.")


class ToegestaanNummer(Strict):
    nummer: Telefoon = Field(description="Het betaalnummer, buitenlandse nummer of nummer van een loket van de gemeente dat toch mag.", examples=["0900 8020"])
    organisatie: Id = Field(description="De organisatie (id) wier records dit nummer mogen tonen.", examples=["juridisch-loket"])
    reden: Regel = Field(description="Waarom dit nummer nodig is: de dienst is niet anders bereikbaar, of je meldt je echt bij dat loket aan.", examples=["Het landelijke nummer van het Juridisch Loket; er is geen gratis nummer."])
    beoordeeld: dt.date = Field(description="Wanneer de gemeente deze uitzondering heeft beoordeeld (jjjj-mm-dd).", examples=["2026-10-01"])


class ToegestaneNummers(Strict):
    """kaart/toegestane-nummers.yaml: reviewed exceptions to the rules 'no premium-rate or foreign numbers' and
    'a partner shows no number of the gemeente's ingangen' (trust.py).
    Only the gemeente may change it (generator/ownership.py)."""

    nummers: list[ToegestaanNummer] = Field(default_factory=list, description="De nummers die toch op de kaart mogen, elk met organisatie en reden.")


RECORD_MODELS: dict[str, type[Record]] = {
    "voorziening": Voorziening,
    "vindplaats": Vindplaats,
    "clientondersteuner": Clientondersteuner,
    "ingang": Ingang,
    "organisatie": Organisatie,
}
