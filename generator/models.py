"""The data model of the kaart: one pydantic model per record type.

These models are the single source of truth for the YAML format. The JSON Schema
for editors (`schema/*.json`) is generated from them (`kaart schema`), and the
field descriptions below are what partners see in their editor.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fields import Email, Id, JaNee, Postcode, Regel, Telefoon, Tekst, Url, fout
from .openingstijden import Openingstijden
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


class Strict(BaseModel):
    """Base for every part of the data: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


# --- parts ---------------------------------------------------------------------------


class Contact(Strict):
    telefoon: Optional[Telefoon] = Field(None, description="Telefoonnummer voor inwoners, met netnummer.", examples=["0523 123 456"])
    telefoon_toelichting: Optional[Regel] = Field(None, description="Wanneer of waarvoor je belt, bijvoorbeeld 'ma t/m vr van 9.00 tot 12.00 uur'.")
    whatsapp: Optional[Telefoon] = Field(None, description="Nummer voor WhatsApp, als je dat gebruikt.")
    email: Optional[Email] = Field(None, description="E-mailadres voor inwoners.", examples=["info@organisatie.nl"])
    website: Optional[Url] = Field(None, description="Webadres met meer informatie, begint met https://.", examples=["https://www.organisatie.nl"])


class Leeftijd(Strict):
    van: Optional[int] = Field(None, ge=0, le=120, description="Vanaf deze leeftijd (in jaren).", examples=[18])
    tot: Optional[int] = Field(None, ge=0, le=120, description="Tot deze leeftijd (in jaren, niet meer voor wie zo oud is).", examples=[27])

    @model_validator(mode="after")
    def _van_voor_tot(self) -> "Leeftijd":
        if self.van is not None and self.tot is not None and self.tot <= self.van:
            raise fout(f"De leeftijd 'tot' ({self.tot}) moet hoger zijn dan 'van' ({self.van}).")
        return self


class Kosten(Strict):
    soort: KostenSoort = Field(description="Wat het kost: gratis, eigen bijdrage of marktprijs.", examples=["gratis"])
    toelichting: Optional[Regel] = Field(None, description="Uitleg over de kosten, bijvoorbeeld '€ 2,50 per keer, met de Vechtdalpas gratis'.")

    @model_validator(mode="after")
    def _toelichting_als_betaald(self) -> "Kosten":
        if self.soort != "gratis" and not self.toelichting:
            raise fout(f"Bij kosten '{self.soort}' hoort een toelichting: schrijf wat het kost, bijvoorbeeld 'toelichting: € 5 per maand'.")
        return self


class Coordinaten(Strict):
    lat: float = Field(ge=50.7, le=53.6, description="Breedtegraad (Nederland ligt tussen 50,7 en 53,6).")
    lon: float = Field(ge=3.3, le=7.3, description="Lengtegraad (Nederland ligt tussen 3,3 en 7,3).")


class Adres(Strict):
    straat: Regel = Field(description="Straat en huisnummer.", examples=["Kerkstraat 12"])
    postcode: Postcode = Field(examples=["7771 AB"])
    plaats: Regel = Field(examples=["Esveld"])


class Locatie(Strict):
    naam: Optional[Regel] = Field(None, description="Naam van de plek, bijvoorbeeld 'Buurthuis De Spil'.")
    adres: Adres
    kern: Id = Field(description="De kern (dorp of wijk) waar de plek ligt; een id uit gebieden.yaml.")
    coordinaten: Optional[Coordinaten] = None
    rolstoeltoegankelijk: Optional[JaNee] = Field(None, description="Kun je er met een rolstoel naar binnen? ja of nee.")
    openingstijden: Optional[Openingstijden] = Field(None, description="Wanneer de plek open is.")
    inloop: Optional[Openingstijden] = Field(None, description="Tijden waarop je zonder afspraak kunt binnenlopen (inloop of spreekuur).")


class Kcc(Strict):
    antwoord: Tekst = Field(description="Het korte antwoord dat de medewerker van het KCC aan de telefoon geeft.")
    doorverwijzen: Optional[Tekst] = Field(None, description="Wanneer de medewerker de beller warm overdraagt aan het sociaal team.")


class Overdracht(Strict):
    naar: Id = Field(description="De ingang (id) waaraan deze vindplaats signalen doorgeeft, meestal het sociaal team.")
    hoe: Tekst = Field(description="Hoe de overdracht gaat: welke rol belt of mailt wie. Noem nooit de naam van een persoon.")


# --- records ---------------------------------------------------------------------------


class Record(Strict):
    """Fields every record type shares."""

    id: Id = Field(description="Unieke naam van dit record; gelijk aan de bestandsnaam zonder .yaml.")
    naam: Regel = Field(description="De naam zoals inwoners die kennen.")
    laatst_gecontroleerd: dt.date = Field(description="Datum waarop iemand de gegevens voor het laatst heeft nagekeken (jjjj-mm-dd).", examples=["2026-10-01"])


class Organisatie(Record):
    soort: OrganisatieSoort = Field(description="Wat voor organisatie dit is. De gemeente beslist over maatwerk; cliëntondersteuning mag daarom niet van de gemeente zijn.")
    samenvatting: Optional[Regel] = Field(None, description="Eén of twee zinnen over de organisatie.")
    contact: Contact = Field(default_factory=Contact)
    beheerders: list[Regel] = Field(default_factory=list, description="GitHub-accounts die de gegevens van deze organisatie mogen aanpassen.", examples=[["buurthuis-de-spil"]])


class Voorziening(Record):
    organisatie: Id = Field(description="De organisatie (id) die dit aanbiedt.")
    samenvatting: Regel = Field(description="Eén of twee gewone zinnen: wat is het en voor wie.")
    beschrijving: Optional[Tekst] = Field(None, description="Meer uitleg. Je mag eenvoudige opmaak (Markdown) gebruiken: **vet**, lijstjes en links.")
    themas: list[ThemaId] = Field(min_length=1, description="Eén of meer thema's uit de vaste lijst.")
    doelgroepen: list[Doelgroep] = Field(min_length=1, description="Voor wie het is.")
    leeftijd: Optional[Leeftijd] = None
    toegang: Toegang = Field(description="Hoe je er gebruik van maakt: vrij, aanmelden, verwijzing of beschikking.")
    aanmelden: Regel = Field(description="Wat je moet doen om er gebruik van te maken, in één zin.", examples=["Loop binnen tijdens de inloop of bel voor een afspraak."])
    kosten: Kosten
    werkgebied: list[Id] = Field(min_length=1, description="Waar het voor is: de id van de gemeente, van gebieden of van kernen.")
    locaties: list[Locatie] = Field(default_factory=list)
    contact: Contact = Field(default_factory=Contact)
    talen: list[Regel] = Field(default_factory=lambda: ["Nederlands"], description="Talen waarin je geholpen kunt worden.")
    trefwoorden: list[Regel] = Field(default_factory=list, description="Woorden die inwoners zelf gebruiken, bijvoorbeeld 'poetshulp' of 'geldzorgen'.")
    kcc: Optional[Kcc] = None
    status: Status = "actief"

    @model_validator(mode="after")
    def _bereikbaar(self) -> "Voorziening":
        if not self.locaties and not (self.contact.telefoon or self.contact.email or self.contact.website):
            raise fout("Vertel hoe inwoners je bereiken: vul een locatie of contact (telefoon, e-mail of website) in.")
        return self


class Vindplaats(Record):
    soort: VindplaatsSoort
    organisatie: Optional[Id] = None
    kern: Id = Field(description="De kern waar de vindplaats is.")
    samenvatting: Regel
    wat_kun_je_vragen: Tekst = Field(description="Waarmee inwoners hier terechtkunnen.")
    signaalrol: Tekst = Field(description="Wat deze plek doet als er zorgen zijn over iemand.")
    overdracht: Overdracht
    adres: Optional[Adres] = None
    openingstijden: Optional[Openingstijden] = None
    inloop: Optional[Openingstijden] = None
    contact: Contact = Field(default_factory=Contact)
    themas: list[ThemaId] = Field(default_factory=list)


class Clientondersteuner(Record):
    organisatie: Id
    samenvatting: Regel
    beschrijving: Optional[Tekst] = None
    wetten: list[Wet] = Field(min_length=1, description="Voor welke wetten je hier hulp krijgt: wmo, jeugdwet, participatiewet, wlz.")
    doelgroepen: list[Doelgroep] = Field(min_length=1)
    gratis: Literal[True] = Field(description="Cliëntondersteuning is altijd gratis: schrijf 'gratis: ja'.")
    onafhankelijk: Literal[True] = Field(description="Cliëntondersteuning is onafhankelijk van wie over de hulp beslist: schrijf 'onafhankelijk: ja'.")
    onafhankelijkheid: Tekst = Field(description="Leg uit waarom de ondersteuning onafhankelijk is van de gemeente die beslist.")
    ervaringsdeskundigen: JaNee = Field(False, description="Zijn er ervaringsdeskundigen beschikbaar?")
    werkgebied: list[Id] = Field(min_length=1)
    talen: list[Regel] = Field(default_factory=lambda: ["Nederlands"])
    contact: Contact
    locaties: list[Locatie] = Field(default_factory=list)
    trefwoorden: list[Regel] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _ja_als_true(cls, data: object) -> object:
        if isinstance(data, dict):
            for key in ("gratis", "onafhankelijk"):
                value = data.get(key)
                if isinstance(value, str) and value.strip().lower() in ("ja", "true"):
                    data[key] = True
                elif key in data and value is not True:
                    raise fout(
                        f"Cliëntondersteuning is altijd {key}. Staat hier 'nee'? Dan is het geen "
                        "cliëntondersteuning in de zin van de wet; neem het op als voorziening."
                    )
        return data


class Ingang(Record):
    soort: IngangSoort
    organisatie: Id
    samenvatting: Regel
    beschrijving: Optional[Tekst] = None
    wat_gebeurt_er: Tekst = Field(description="Wat er gebeurt als je belt of binnenloopt, in gewone woorden.")
    werkgebied: list[Id] = Field(min_length=1, description="Voor welke gemeente, gebieden of kernen deze ingang er is.")
    themas: list[ThemaId] = Field(default_factory=list)
    contact: Contact
    adres: Optional[Adres] = None
    openingstijden: Optional[Openingstijden] = None
    inloop: Optional[Openingstijden] = None
    kcc: Optional[Kcc] = None

    @model_validator(mode="after")
    def _bereikbaar(self) -> "Ingang":
        if not self.contact.telefoon:
            raise fout("Een ingang moet een telefoonnummer hebben: vul 'contact: telefoon:' in.")
        return self

    @property
    def dag_en_nacht(self) -> bool:
        return bool(self.openingstijden and self.openingstijden.dag_en_nacht)


# --- areas ---------------------------------------------------------------------------


class Kern(Strict):
    id: Id
    naam: Regel
    postcodes: list[Regel] = Field(default_factory=list, description="Postcodecijfers van deze kern, bijvoorbeeld '7771'.")


class Gebied(Strict):
    id: Id
    naam: Regel
    kernen: list[Kern] = Field(min_length=1)


class Gemeente(Strict):
    id: Id
    naam: Regel
    gebieden: list[Gebied] = Field(min_length=1)


class Gebieden(Strict):
    """kaart/gebieden.yaml: the region, its gemeenten, gebieden and kernen."""

    regio: Regel = Field(description="Naam van de regio of gemeente, zoals die bovenaan de site staat.")
    voorbeelddata: JaNee = Field(False, description="Zet op 'ja' zolang de kaart voorbeeldgegevens bevat; elke pagina zegt dat dan.")
    kcc_telefoon: Optional[Telefoon] = Field(None, description="Het algemene nummer van de gemeente (KCC), bijvoorbeeld 14 0523.")
    gemeenten: list[Gemeente] = Field(min_length=1)


RECORD_MODELS: dict[str, type[Record]] = {
    "voorziening": Voorziening,
    "vindplaats": Vindplaats,
    "clientondersteuner": Clientondersteuner,
    "ingang": Ingang,
    "organisatie": Organisatie,
}
