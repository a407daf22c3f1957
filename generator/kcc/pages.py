"""The KCC pages: /kcc/ (keyboard-first search for the phone desk) and /kcc/belscript/ (the
wegwijzer as one call script). Not in the residents' navigation, not for search engines.

Why several pages: every page stays under 40 KB of HTML, and the call script grows with the
wegwijzer. The questions are one page (/kcc/belscript/); the outcomes follow on
/kcc/belscript/uitkomsten/ (30 per page: uitkomsten/2/, …); answers link to the anchor of the
next question or outcome. /kcc/ carries the key
numbers with hours, the outcomes page a compact list (name, kernen, phone) for the sociaal
team outcomes and for printing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from ..models import Ingang
from ..validate import Kaart
from ..vocabulary import URGENTIE
from ..wegwijzer.pages import gebieden_lijst, uitkomst_url
from ..build.pagination import paginate
from .belscript import BELSCRIPT_URL, UITKOMSTEN_PER_PAGINA, UITKOMSTEN_URL, belscript
from .data import KCC_DATA_URI

if TYPE_CHECKING:
    from ..build.pages import GeneratedPage

KCC_URL = "kcc/"
NOINDEX = {"robots": "noindex", "balie": True}  # robots: <meta name="robots">; balie: no residents' blocks (docs/overrides/main.html)
DESK_LAYOUT = {"hide": ["navigation", "toc"]}  # the whole width for the result rows


def andere_ingangen(kaart: Kaart) -> list[Ingang]:
    """Every ingang except the sociaal teams (those are listed with their kernen), by name."""
    return sorted((i for i in kaart.ingangen.values() if i.soort != "sociaal-team"), key=lambda i: (i.naam.casefold(), i.id))


def nummers_context(kaart: Kaart) -> dict[str, Any]:
    return {"teams": kaart.kernen_per_team(), "ingangen": andere_ingangen(kaart), "kcc_url": KCC_URL, "belscript_url": BELSCRIPT_URL,
            "uitkomsten_url": UITKOMSTEN_URL, "gebieden_lijst": gebieden_lijst(kaart)}


def kcc_pages(kaart: Kaart) -> Iterator["GeneratedPage"]:
    from ..build.pages import GeneratedPage  # build.pages lists this producer, so import it here

    common = nummers_context(kaart)
    yield GeneratedPage(KCC_URL, "KCC: zoeken aan de telefoon", "kcc/kcc.html",
                        common | {"kcc_data_uri": KCC_DATA_URI},
                        "Zoekscherm voor medewerkers van het klantcontactcentrum.", meta=NOINDEX | DESK_LAYOUT)
    wegwijzer = kaart.extras.get("wegwijzer")
    script = belscript(kaart, wegwijzer) if wegwijzer is not None else None
    script_context = common | {"script": script, "uitkomst_url": uitkomst_url, "URGENTIE": URGENTIE}
    yield GeneratedPage(BELSCRIPT_URL, "KCC: belscript", "kcc/belscript.html", script_context,
                        "De wegwijzer als belscript voor medewerkers van het klantcontactcentrum.", meta=dict(NOINDEX))
    delen = script.delen if script else list(paginate(UITKOMSTEN_URL, [], UITKOMSTEN_PER_PAGINA))
    for pager, deel in delen:
        context = script_context | {"deel": deel, "pager": pager}
        yield GeneratedPage(pager.url, pager.title("KCC: belscript, uitkomsten"), "kcc/belscript-uitkomsten.html", context,
                            "Wat je zegt en waar je de beller heen verwijst, per uitkomst van de wegwijzer.", meta=dict(NOINDEX))
