"""Options of the MkDocs plugin (`plugins: - sociale-kaart: {kaart: kaart}` in mkdocs.yml), and where mkdocs.yml is."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .projectfiles import MKDOCS_FILE, mkdocs_file  # noqa: F401 (kept importable from here)


class SocialeKaartConfig(Config):
    kaart = c.Type(str, default="kaart")  # the data folder, relative to mkdocs.yml
    # The licence of the published data (open-data/, /open-data/ page, datapackage.json).
    licentie = c.Type(str, default="CC0 1.0 Universeel")
    licentie_url = c.Type(str, default="https://creativecommons.org/publicdomain/zero/1.0/deed.nl")
