"""Opening hours as data (minimal first version; refined by the opening-hours work)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict

from .fields import JaNee, Regel


class Uitzondering(BaseModel):
    model_config = ConfigDict(extra="forbid")
    van: dt.date
    tot: Optional[dt.date] = None
    gesloten: JaNee = True
    tijden: Optional[str] = None
    reden: Regel


class Openingstijden(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ma: Optional[str] = None
    di: Optional[str] = None
    wo: Optional[str] = None
    do: Optional[str] = None
    vr: Optional[str] = None
    za: Optional[str] = None
    zo: Optional[str] = None
    dag_en_nacht: JaNee = False
    feestdagen: Literal["gesloten", "open"] = "gesloten"
    uitzonderingen: list[Uitzondering] = []
    toelichting: Optional[Regel] = None


def display_lines(tijden: Openingstijden) -> list[str]:
    if tijden.dag_en_nacht:
        return ["24 uur per dag, 7 dagen per week bereikbaar"]
    return [f"{day} {value}" for day in ("ma", "di", "wo", "do", "vr", "za", "zo") if (value := getattr(tijden, day))]
