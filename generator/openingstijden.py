"""Opening hours as data (minimal first version; refined by the opening-hours work)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .fields import JaNee, Regel


class Uitzondering(BaseModel):
    model_config = ConfigDict(extra="forbid")
    van: dt.date = Field(description="De eerste dag waarop het anders is (jjjj-mm-dd).", examples=["2026-12-24"])
    tot: Optional[dt.date] = Field(None, description="De laatste dag waarop het anders is (jjjj-mm-dd). Laat weg als het één dag is.", examples=["2027-01-01"])
    gesloten: JaNee = Field(True, description="Ben je dan helemaal dicht? ja of nee. Staat er niets, dan ja.", examples=["ja"])
    tijden: Optional[str] = Field(None, description="De tijden op die dagen, als je wel open bent, bijvoorbeeld '10.00-12.00'.", examples=["10.00-12.00"])
    reden: Regel = Field(description="Waarom het anders is, in een paar woorden.", examples=["kerstvakantie"])


class Openingstijden(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ma: Optional[str] = Field(None, description="De tijden op maandag, bijvoorbeeld '9.00-17.00'. Laat weg als je dan dicht bent.", examples=["9.00-17.00"])
    di: Optional[str] = Field(None, description="De tijden op dinsdag, bijvoorbeeld '9.00-17.00'. Laat weg als je dan dicht bent.", examples=["9.00-17.00"])
    wo: Optional[str] = Field(None, description="De tijden op woensdag, bijvoorbeeld '9.00-17.00'. Laat weg als je dan dicht bent.", examples=["9.00-17.00"])
    do: Optional[str] = Field(None, description="De tijden op donderdag, bijvoorbeeld '9.00-17.00'. Laat weg als je dan dicht bent.", examples=["9.00-17.00"])
    vr: Optional[str] = Field(None, description="De tijden op vrijdag, bijvoorbeeld '9.00-17.00'. Laat weg als je dan dicht bent.", examples=["9.00-17.00"])
    za: Optional[str] = Field(None, description="De tijden op zaterdag, bijvoorbeeld '9.00-17.00'. Laat weg als je dan dicht bent.", examples=["9.00-17.00"])
    zo: Optional[str] = Field(None, description="De tijden op zondag, bijvoorbeeld '9.00-17.00'. Laat weg als je dan dicht bent.", examples=["9.00-17.00"])
    dag_en_nacht: JaNee = Field(False, description="Zet op 'ja' als je dag en nacht bereikbaar bent, alle dagen van de week.", examples=["ja"])
    feestdagen: Literal["gesloten", "open"] = Field("gesloten", description="Ben je open op feestdagen? gesloten of open. Staat er niets, dan gesloten.", examples=["gesloten"])
    uitzonderingen: list[Uitzondering] = Field([], description="Dagen waarop het anders is dan normaal, bijvoorbeeld in een vakantie.")
    toelichting: Optional[Regel] = Field(None, description="Extra uitleg over de tijden, in één zin.", examples=["In de schoolvakanties alleen op woensdag."])


def display_lines(tijden: Openingstijden) -> list[str]:
    if tijden.dag_en_nacht:
        return ["24 uur per dag, 7 dagen per week bereikbaar"]
    return [f"{day} {value}" for day in ("ma", "di", "wo", "do", "vr", "za", "zo") if (value := getattr(tijden, day))]
