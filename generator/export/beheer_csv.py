"""A spreadsheet for the gemeente's beheerder: one row per record and place (a record without a place: one row).

Semicolons and a byte-order mark, so Excel with Dutch settings opens it with the columns and the
accents right. The places come from the same code as the HSDS export (plekken.py), and every
row carries the record's HSDS id, so both can be joined.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .. import vocabulary
from ..build.urls import record_url
from ..fields import format_phone
from .hsds import HsdsExport
from .plekken import plekken
from .tabular import geen_formule

KOLOMMEN = [
    "soort", "id", "naam", "organisatie", "status", "themas", "doelgroepen", "locatie", "adres", "postcode",
    "plaats", "kern", "telefoon", "email", "website", "laatst_gecontroleerd", "pagina", "hsds_id",
]


def _rij(export: HsdsExport, soort: str, record: Any) -> dict[str, str]:
    contact = record.contact
    org = export.kaart.organisaties.get(getattr(record, "organisatie", None) or "")
    return {
        "soort": vocabulary.SOORTEN[soort][1],
        "id": record.id,
        "naam": record.naam,
        "organisatie": org.naam if org else "",
        "status": vocabulary.STATUS[getattr(record, "status", "actief")],
        "themas": ", ".join(vocabulary.THEMAS[t] for t in getattr(record, "themas", [])),
        "doelgroepen": ", ".join(vocabulary.DOELGROEPEN[d] for d in getattr(record, "doelgroepen", [])),
        "telefoon": format_phone(contact.telefoon) if contact.telefoon else "",
        "email": contact.email or "",
        "website": contact.website or "",
        "laatst_gecontroleerd": record.laatst_gecontroleerd.isoformat(),
        "pagina": export.page_url(record_url(soort, record.id)) or record_url(soort, record.id),
        "hsds_id": export.organization_for(record.id)["id"] if soort == "organisatie" else export.service_id(soort, record.id),
    }


def beheer_rows(export: HsdsExport) -> list[dict[str, str]]:
    rows = []
    everything = export.records() + [("organisatie", org) for _, org in sorted(export.kaart.organisaties.items())]
    for soort, record in everything:
        rij = _rij(export, soort, record)
        places = plekken(record)
        if not places:
            rows.append(rij)
        for plek in places:
            kern = export.kaart.kernen.get(plek.kern or "")
            rows.append(rij | {
                "locatie": plek.naam, "adres": plek.adres.straat, "postcode": plek.adres.postcode,
                "plaats": plek.adres.plaats, "kern": kern.naam if kern else "",
            })
    return rows


def beheer_csv(export: HsdsExport) -> str:
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.DictWriter(output, fieldnames=KOLOMMEN, delimiter=";", lineterminator="\r\n", restval="")
    writer.writeheader()
    writer.writerows({key: geen_formule(value) for key, value in row.items()} for row in beheer_rows(export))
    return output.getvalue()
