"""Pages for the gemeente's beheerders: not in the residents' navigation, not for search engines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..report import NIVEAU_UITLEG, build_report

if TYPE_CHECKING:
    from ..validate import Kaart
    from .pages import GeneratedPage

RAPPORT_URL = "beheer/rapport/"
MAX_ROWS = 40  # per list on the page, so it stays small; `kaart rapport` shows everything
NOINDEX = {"robots": "noindex"}  # rendered as <meta name="robots"> by docs/overrides/main.html


def beheer_pages(kaart: "Kaart") -> Iterator["GeneratedPage"]:
    from .pages import GeneratedPage  # pages.py lists this producer, so import it here

    context = {"build_report": build_report, "max_rows": MAX_ROWS, "niveau_uitleg": NIVEAU_UITLEG}
    yield GeneratedPage(RAPPORT_URL, "Rapport voor beheerders", "beheer-rapport.html", context,
                        "Hoe actueel de sociale kaart is en waar aanbod ontbreekt.", meta=dict(NOINDEX))
