"""The Openingstijden and Uitzondering models: what partners write, validated."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..fields import JaNee, Regel, fout
from ..vocabulary import IN_DE_MAAND
from .tijden import DAGEN, HELE_DAG, VOORBEELD, Dagtijden, EvenOneven, MaandWeek, Range, datum, parse_tijden


TijdenSoort = Literal["openingstijden", "inloop", "telefoon"]


class Uitzondering(BaseModel):
    """A day or period with other hours: closed (default), other `tijden`, or `gesloten: nee` = as usual."""

    model_config = ConfigDict(extra="forbid")

    van: dt.date = Field(description="Eerste dag van de uitzondering (jjjj-mm-dd).", examples=["2026-12-24"])
    tot: Optional[dt.date] = Field(None, description="Laatste dag (jjjj-mm-dd), die telt mee. Laat weg als het om één dag gaat.")
    gesloten: JaNee = Field(True, description="Dicht op deze dag(en)? Schrijf 'nee' met 'tijden' voor andere tijden, of 'nee' zonder tijden voor gewoon open (ook op een feestdag).")
    tijden: Optional[Dagtijden] = Field(None, description="Andere tijden op deze dag(en), bijvoorbeeld 9.00-12.00.")
    reden: Regel = Field(description="Waarom, in een paar woorden. Inwoners zien dit, bijvoorbeeld 'Kerstsluiting'.")
    geldt_voor: Optional[list[TijdenSoort]] = Field(
        None,
        description=(
            "Voor welke tijden van deze plek de uitzondering geldt: openingstijden, inloop en/of telefoon. "
            "Laat weg: dan geldt ze voor alle tijden van de plek (een kerstsluiting sluit ook de inloop en de telefoon)."
        ),
        examples=[["inloop"]],
    )

    @field_validator("tot")
    @classmethod
    def _tot_na_van(cls, tot: Optional[dt.date], info: ValidationInfo) -> Optional[dt.date]:
        van = info.data.get("van")
        if tot is not None and isinstance(van, dt.date) and tot < van:
            raise fout(
                f"De einddatum ({tot.isoformat()}) ligt vóór de begindatum ({van.isoformat()}). "
                "Zet bij 'tot' de laatste dag van de uitzondering, of haal 'tot' weg als het om één dag gaat."
            )
        return tot

    @model_validator(mode="after")
    def _gesloten_of_tijden(self) -> "Uitzondering":
        if self.tijden is None:
            return self
        if self.tijden == "gesloten":
            raise fout("Is het die dag dicht? Haal dan 'tijden' weg: een uitzondering is vanzelf gesloten.")
        if "gesloten" in self.model_fields_set and self.gesloten:
            raise fout(
                "Er staat 'gesloten: ja' en ook 'tijden'. Ben je die dag op andere tijden open? "
                "Schrijf dan 'gesloten: nee'. Ben je dicht? Haal dan 'tijden' weg."
            )
        self.gesloten = False  # other hours imply open
        return self

    @property
    def laatste(self) -> dt.date:
        return self.tot or self.van

    def geldt_op(self, day: dt.date) -> bool:
        return self.van <= day <= self.laatste

    def ranges(self) -> list[Range]:
        return list(parse_tijden(self.tijden)) if self.tijden else []

    def geldt_voor_soort(self, soort: str) -> bool:
        return self.geldt_voor is None or soort in self.geldt_voor

    def overlapt(self, other: "Uitzondering") -> bool:
        return self.van <= other.laatste and other.van <= self.laatste


class Openingstijden(BaseModel):
    """Weekly hours plus holidays and exceptions. Days left out are closed (and not shown)."""

    model_config = ConfigDict(extra="forbid")

    ma: Optional[Dagtijden] = Field(None, description="Maandag, bijvoorbeeld 9.00-17.00 of 9.00-12.00, 13.00-17.00 of gesloten.")
    di: Optional[Dagtijden] = Field(None, description="Dinsdag.")
    wo: Optional[Dagtijden] = Field(None, description="Woensdag.")
    do: Optional[Dagtijden] = Field(None, description="Donderdag.")
    vr: Optional[Dagtijden] = Field(None, description="Vrijdag.")
    za: Optional[Dagtijden] = Field(None, description="Zaterdag.")
    zo: Optional[Dagtijden] = Field(None, description="Zondag.")
    dag_en_nacht: JaNee = Field(False, description="Altijd bereikbaar, 24 uur per dag en 7 dagen per week? Schrijf dan 'ja' en geen tijden per dag.")
    feestdagen: Literal["gesloten", "open"] = Field("gesloten", description="Op feestdagen gesloten (standaard) of gewoon open.")
    in_de_maand: list[MaandWeek] = Field(
        default_factory=list,
        description=(
            "Niet elke week open, maar alleen op bepaalde weekdagen van de maand? Schrijf welke: [eerste] "
            "bij 'ma' betekent alleen de eerste maandag van de maand; [eerste, derde] de eerste en de derde; "
            "[laatste] de laatste. Dit geldt voor alle dagen die je hier invult. Laat weg als het elke week is."
        ),
        examples=[["eerste"], ["eerste", "derde"], ["laatste"]],
        json_schema_extra={"minItems": 1, "uniqueItems": True},  # as the validator below, for editors
    )
    weken: Optional[EvenOneven] = Field(
        None,
        description=(
            "Om de week open? Schrijf 'even' of 'oneven': dan geldt het alleen in de even of oneven "
            "weken (het weeknummer in de agenda). Dit geldt voor alle dagen die je hier invult. Laat weg "
            "als het elke week is."
        ),
        examples=["even", "oneven"],
    )
    uitzonderingen: list[Uitzondering] = Field(default_factory=list, description="Dagen of periodes met andere tijden, bijvoorbeeld een kerstsluiting.")
    toelichting: Optional[Regel] = Field(None, description="Korte extra uitleg, bijvoorbeeld 'Bellen kan ook buiten deze tijden'.")

    @field_validator("uitzonderingen")
    @classmethod
    def _niet_dubbel(cls, uitzonderingen: list[Uitzondering]) -> list[Uitzondering]:
        ordered = sorted(uitzonderingen, key=lambda u: u.van)
        for first, second in zip(ordered, ordered[1:]):
            if second.van <= first.laatste:
                raise fout(
                    f"De uitzonderingen '{first.reden}' en '{second.reden}' gaan allebei over "
                    f"{datum(second.van)}. Zorg dat elke dag maar in één uitzondering staat."
                )
        return uitzonderingen

    @field_validator("in_de_maand")
    @classmethod
    def _maandweken(cls, weken: list[str]) -> list[str]:
        if not weken:
            raise fout(
                "Bij 'in_de_maand' staat niets. Haal de regel weg als het elke week is, of schrijf welke "
                "weekdagen van de maand, bijvoorbeeld 'in_de_maand: [eerste]'."
            )
        dubbel = sorted({week for week in weken if weken.count(week) > 1}, key=list(IN_DE_MAAND).index)
        if dubbel:
            raise fout(f"Bij 'in_de_maand' staat '{dubbel[0]}' twee keer. Schrijf elke week maar één keer.")
        return sorted(weken, key=list(IN_DE_MAAND).index)

    @field_validator("weken", mode="before")
    @classmethod
    def _weken_ingevuld(cls, weken: object) -> object:
        if weken is None:
            raise fout(
                "Bij 'weken' staat niets. Haal de regel weg als het elke week is, of schrijf "
                "'weken: even' of 'weken: oneven'."
            )
        return weken

    @model_validator(mode="after")
    def _samenhang(self) -> "Openingstijden":
        days = [day for day in DAGEN if getattr(self, day) is not None]
        if self.weken and self.in_de_maand:
            raise fout(
                "Er staat 'weken' en ook 'in_de_maand'. Kies er één: 'weken: even' of 'weken: oneven' "
                "voor om de week, of 'in_de_maand' voor bepaalde weken van de maand."
            )
        if self.dag_en_nacht and self.weken:
            raise fout(
                "Er staat 'dag_en_nacht: ja' en ook 'weken'. Dag en nacht bereikbaar is elke week; "
                "haal 'weken' weg, of zet dag_en_nacht op nee en schrijf de tijden per dag."
            )
        if self.dag_en_nacht and self.in_de_maand:
            raise fout(
                "Er staat 'dag_en_nacht: ja' en ook 'in_de_maand'. Dag en nacht bereikbaar is elke dag; "
                "haal 'in_de_maand' weg, of zet dag_en_nacht op nee en schrijf de tijden per dag."
            )
        if self.dag_en_nacht:
            if days:
                raise fout(
                    f"Er staat 'dag_en_nacht: ja' en ook tijden per dag ({', '.join(days)}). "
                    "Haal de tijden per dag weg als je altijd bereikbaar bent, of zet dag_en_nacht op nee."
                )
            if "feestdagen" in self.model_fields_set and self.feestdagen == "gesloten":
                raise fout(
                    "Er staat 'dag_en_nacht: ja' en 'feestdagen: gesloten'. Dag en nacht bereikbaar "
                    "betekent ook op feestdagen; haal 'feestdagen: gesloten' weg."
                )
        elif not any(self.ranges(day) for day in DAGEN):
            raise fout(
                "Er staan geen tijden in de openingstijden. Schrijf per dag wanneer je open bent, "
                f"bijvoorbeeld 'ma: {VOORBEELD}', of 'dag_en_nacht: ja' als je altijd bereikbaar bent."
            )
        return self

    def ranges(self, day: str | int) -> list[Range]:
        """The ranges of a weekday ('ma'..'zo' or 0 = Monday .. 6 = Sunday), in minutes, sorted."""
        key = DAGEN[day] if isinstance(day, int) else day
        if key not in DAGEN:
            raise KeyError(day)
        if self.dag_en_nacht:
            return [(0, HELE_DAG)]
        text = getattr(self, key)
        return list(parse_tijden(text)) if text else []

    def week(self) -> list[list[Range]]:
        """Ranges for Monday .. Sunday."""
        return [self.ranges(day) for day in DAGEN]

    @property
    def feestdagen_gesloten(self) -> bool:
        return self.feestdagen == "gesloten" and not self.dag_en_nacht


def deel_uitzonderingen(per_soort: dict[str, Optional["Openingstijden"]]) -> dict[str, Optional["Openingstijden"]]:
    """A closure applies to all hours of a place unless it says otherwise (`geldt_voor`).

    `per_soort` holds the hours of one place ('openingstijden', 'inloop', 'telefoon'). Returns them with
    every exception that applies to them: their own (unless `geldt_voor` leaves them out) plus those of
    the other hours, except where an exception of their own already covers those days.
    """
    alle = [(soort, u) for soort, tijden in per_soort.items() if tijden for u in tijden.uitzonderingen]
    result: dict[str, Optional[Openingstijden]] = {}
    for soort, tijden in per_soort.items():
        if tijden is None:
            result[soort] = None
            continue
        eigen = [u for u in tijden.uitzonderingen if u.geldt_voor_soort(soort)]
        for bron, u in alle:
            if bron != soort and u.geldt_voor_soort(soort) and not any(u.overlapt(e) for e in eigen):
                eigen.append(u)
        eigen.sort(key=lambda u: u.van)
        result[soort] = tijden if eigen == tijden.uitzonderingen else tijden.model_copy(update={"uitzonderingen": eigen})
    return result
