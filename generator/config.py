"""Options of the MkDocs plugin (`plugins: - sociale-kaart: {kaart: kaart}` in mkdocs.yml), and where mkdocs.yml is."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SocialeKaartConfig(Config):
    kaart = c.Type(str, default="kaart")  # the data folder, relative to mkdocs.yml
    # The licence of the published data (open-data/, /open-data/ page, datapackage.json).
    licentie = c.Type(str, default="CC0 1.0 Universeel")
    licentie_url = c.Type(str, default="https://creativecommons.org/publicdomain/zero/1.0/deed.nl")


MKDOCS_FILE = "mkdocs.yml"


def mkdocs_file(given: str | None, kaart: str | Path) -> str:
    """The site's mkdocs.yml: the one given (--config) or in the working directory, else the one next
    to the kaart folder, so `kaart build|serve|zoek --kaart /pad/naar/kaart` works from anywhere."""
    if given and Path(given).is_file():
        return given
    beside = Path(kaart).resolve().parent / MKDOCS_FILE
    return str(beside) if beside.is_file() else (given or MKDOCS_FILE)
