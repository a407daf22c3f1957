"""Relative links between generated pages (build/urls.py)."""

import pytest

from generator.build.urls import relative


@pytest.mark.parametrize("source, target, link", [
    ("", "themas/werk/", "themas/werk/"),
    ("themas/werk/", "themas/zorg/", "../zorg/"),
    ("themas/werk/", "themas/werk/", "./"),
    ("themas/werk/2/", "themas/werk/", "../"),
    ("voorzieningen/x/", "", "../../"),
    ("a-z/b/", "zoeken/zoekindex.json", "../../zoeken/zoekindex.json"),
    ("wegwijzer/gevaar/", "wegwijzer/uitkomst/crisis/#bel", "../uitkomst/crisis/#bel"),
    ("kcc/", "#k", "../#k"),
])
def test_relative_links(source, target, link):
    assert relative(source, target) == link
