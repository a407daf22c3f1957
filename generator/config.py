"""Options of the MkDocs plugin (`plugins: - sociale-kaart: {kaart: kaart}` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SocialeKaartConfig(Config):
    kaart = c.Type(str, default="kaart")  # the data folder, relative to mkdocs.yml
