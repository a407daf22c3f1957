"""Which pages get the quick exit ("Snel weg"): pages about violence and abuse.

A page is about violence and abuse when it is
- the page of the theme `veiligheid` (all its pages);
- a record page of an ingang of soort `veilig-thuis`, or of a voorziening or vindplaats whose main
  (first) theme is `veiligheid`;
- a wegwijzer outcome whose door is Veilig Thuis: its ingang, or one of its crisis lines (a crisis
  outcome without its own list shows every crisis line, Veilig Thuis among them).
The page's front matter gets `snel_weg: true`; docs/overrides/partials/snel-weg.html shows the
button and kern.js keeps a kern chosen there for the session only. The search shows the button on
any page when its safety net shows a violence line (assets/kaart/js/snel-weg.js).
"""

from __future__ import annotations

from typing import Any


THEMA = "veiligheid"
INGANG_SOORT = "veilig-thuis"


def over_geweld(template: str, context: dict[str, Any]) -> bool:
    if template == "thema.html":
        return context.get("thema_id") == THEMA
    if template == "ingang.html":
        return context["record"].soort == INGANG_SOORT
    if template in ("voorziening.html", "vindplaats.html"):
        themas = context["record"].themas
        return bool(themas) and themas[0] == THEMA
    if template == "wegwijzer/uitkomst.html":
        deuren = [context["ingang"], *context["hulplijnen"]]
        return any(deur is not None and deur.soort == INGANG_SOORT for deur in deuren)
    return False


def markeer(pages: list[Any]) -> list[Any]:
    for page in pages:
        if over_geweld(page.template, page.context):
            page.meta["snel_weg"] = True
    return pages
