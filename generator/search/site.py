"""The search on the site: the /zoeken/ page, the static files, and the one code path that builds
the search data for both the MkDocs plugin and `kaart zoek`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import mkdocs

from ..validate import Kaart
from .documents import HandWrittenPage, hand_written_pages_from_files
from .index import SEARCH_DATA_URI, build_search_data, search_data_json
from .shards import files_text

ZOEKEN_URL = "zoeken/"

# lunr.js 2.3.9 and its Dutch support, as shipped with MkDocs; served from the site itself.
_MKDOCS_SEARCH = Path(mkdocs.__file__).parent / "contrib" / "search"
LUNR_FILES = {
    "lunr.js": _MKDOCS_SEARCH / "templates" / "search" / "lunr.js",
    "lunr.stemmer.support.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.stemmer.support.js",
    "lunr.nl.js": _MKDOCS_SEARCH / "lunr-language" / "lunr.nl.js",
}
LUNR_URI_PREFIX = "assets/kaart/lunr/"


def zoeken_pages(kaart: Kaart) -> Iterator[Any]:
    """The search page. Without JavaScript it shows the way on: A-Z, themes, wegwijzer, contact."""
    from ..build.pages import GeneratedPage  # imported here: build.pages lists this producer

    gebieden = [(gebied, gebied.kernen) for gemeente in kaart.gebieden.gemeenten for gebied in gemeente.gebieden]
    yield GeneratedPage(ZOEKEN_URL, "Zoeken", "zoeken.html", {"gebieden": gebieden}, "Zoek hulp en voorzieningen bij jou in de buurt.")


def search_data_text(kaart: Kaart, generated: Iterable[Any], hand_written: Iterable[HandWrittenPage]) -> str:
    """The whole search data as text: what the plugin splits into the site's search files
    (shards.write_site_files) and what `kaart zoek` searches and caches."""
    return search_data_json(build_search_data(kaart, generated, hand_written))


def search_files_text(kaart: Kaart, generated: Iterable[Any], hand_written: Iterable[HandWrittenPage]) -> str:
    """The site's search files (manifest, shards, card chunks) as one text (shards.files_text): what the
    plugin's forked child hands back, so the parent only writes them (shards.write_files_text)."""
    return files_text(build_search_data(kaart, generated, hand_written))


def hand_written_pages_of(config_file: str | os.PathLike | None) -> list[HandWrittenPage]:
    """The hand-written pages of the MkDocs project, as MkDocs itself finds them (exclude_docs applies)."""
    if not config_file or not Path(config_file).is_file():
        return []
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(config_file=str(config_file))
    return hand_written_pages_from_files(get_files(config))


@dataclass
class StaticFile:
    uri: str  # path in the site
    source: Path | None = None
    content: str | None = None


def lunr_files() -> list[StaticFile]:
    return [StaticFile(LUNR_URI_PREFIX + name, source=path) for name, path in LUNR_FILES.items()]


__all__ = ["SEARCH_DATA_URI", "ZOEKEN_URL", "zoeken_pages", "search_data_text", "search_files_text", "hand_written_pages_of", "lunr_files"]
