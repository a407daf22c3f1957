"""Pages for the gemeente's beheerders: not in the residents' navigation, not for search engines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..report import NIVEAU_UITLEG, build_report, thema_per_kern
from .pagination import paginate

if TYPE_CHECKING:
    from ..validate import Kaart
    from .pages import GeneratedPage

RAPPORT_URL = "beheer/rapport/"
MAX_ROWS = 40  # per list on the page, so it stays small; `kaart rapport` shows everything
KERNEN_URL = RAPPORT_URL + "kernen/"  # the matrix per kern grows with the region: pages of its own
KERNEN_PER_PAGE = 40  # rows of 13 themes, about 450 bytes each
NOINDEX = {"robots": "noindex"}  # rendered as <meta name="robots"> by docs/overrides/main.html


def beheer_pages(kaart: "Kaart") -> Iterator["GeneratedPage"]:
    from .pages import GeneratedPage  # pages.py lists this producer, so import it here

    context = {"build_report": build_report, "max_rows": MAX_ROWS, "niveau_uitleg": NIVEAU_UITLEG, "kernen_url": KERNEN_URL}
    yield GeneratedPage(RAPPORT_URL, "Rapport voor beheerders", "beheer-rapport.html", context,
                        "Hoe actueel de sociale kaart is en waar aanbod ontbreekt.", meta=dict(NOINDEX), depends_on_every_record=True)
    matrix = thema_per_kern(kaart)
    for pager, [groups] in paginate(KERNEN_URL, _groups_per_page(matrix.column_groups()), 1):
        yield GeneratedPage(pager.url, pager.title("Aanbod per kern"), "beheer-kernen.html", {"k": matrix, "groepen": groups, "pager": pager},
                            "Aantal actieve voorzieningen per kern en thema.", meta=dict(NOINDEX))


def _groups_per_page(groups: list) -> list[list]:
    """Whole groups (a gebied's kernen) together, at most KERNEN_PER_PAGE rows a page (a larger group alone)."""
    pages: list[list] = []
    for group in groups:
        if pages and sum(len(kernen) for _, kernen in pages[-1]) + len(group[1]) <= KERNEN_PER_PAGE:
            pages[-1].append(group)
        else:
            pages.append([group])
    return pages
