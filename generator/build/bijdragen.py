"""Pages of the partner guide that are made from the models: one fill-in template per record type."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterator

from ..fields import PLACEHOLDER
from ..models import RECORD_MODELS
from ..scaffold import template_text
from ..vocabulary import SOORTEN

if TYPE_CHECKING:
    from ..validate import Kaart
    from .pages import GeneratedPage


def invulvoorbeeld_url(soort: str) -> str:
    return f"bijdragen/invulvoorbeeld/{soort}/"


def invulvoorbeeld_pages(kaart: "Kaart") -> Iterator["GeneratedPage"]:
    """The template of `kaart nieuw` for each record type, to copy into GitHub's web editor."""
    from .pages import GeneratedPage  # pages.py lists this producer, so import it here

    for soort in RECORD_MODELS:
        label = SOORTEN[soort][1]
        yield GeneratedPage(
            invulvoorbeeld_url(soort), f"Invulvoorbeeld: {label.lower()}", "invulvoorbeeld.html",
            {"soort": soort, "folder": SOORTEN[soort][0], "invulvoorbeeld": partial(template_text, soort, PLACEHOLDER)},
            f"Een leeg bestand voor een nieuwe {label.lower()}, met uitleg bij elk veld.",
        )
