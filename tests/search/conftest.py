"""Fixtures shared by the search tests."""

from __future__ import annotations

import pytest

from generator.build.pages import generate_pages
from generator.search.index import build_search_data
from generator.search.query import SearchEngine
from generator.search.site import hand_written_pages_of
from generator.validate import load_kaart

from support import DEMO_KAART, ROOT


@pytest.fixture(scope="session")
def engine() -> SearchEngine:
    """The Python search engine over the demo kaart (the data `kaart build` writes, in one piece)."""
    kaart, problems = load_kaart(DEMO_KAART)
    assert problems == []
    return SearchEngine(build_search_data(kaart, generate_pages(kaart), hand_written_pages_of(ROOT / "mkdocs.yml")))
