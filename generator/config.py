"""Options of the MkDocs plugin (`plugins: - sociale-kaart: {kaart: kaart}` in mkdocs.yml), and where mkdocs.yml is."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .projectfiles import MKDOCS_FILE, mkdocs_file  # noqa: F401 (kept importable from here)


class SocialeKaartConfig(Config):
    kaart = c.Type(str, default="kaart")  # the data folder, relative to mkdocs.yml
