"""Generated pages written into a shell (generator/build/schil.py), with part of their content rendered by a
forked child (generator/build/prerender.py), are byte for byte the pages Material renders itself in one
process: the demo and a kaart of hostile partner text are built both ways and every file compared."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import prerender, schil
from support import DEMO_KAART, MINI_KAART, build_site
from test_escaping import HOSTILE, RECORD_FILES, _set_fields


def _without_shell(kaart: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(schil, "ENABLED", False)
    monkeypatch.setattr(prerender, "ENABLED", False)
    return build_site(kaart, folder / "zonder-schil")


def _hostile_kaart(folder: Path) -> Path:
    kaart = folder / "kaart"
    shutil.copytree(MINI_KAART, kaart)
    for index, relative in enumerate(RECORD_FILES):
        _set_fields(kaart / relative, f"Naam {index} {HOSTILE[index]}", f"Samenvatting {index} {HOSTILE[(index + 1) % len(HOSTILE)]}")
    return kaart


def _differences(a: Path, b: Path) -> list[str]:
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file() and p.suffix in (".html", ".xml"))
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file() and p.suffix in (".html", ".xml"))
    assert files_a == files_b
    return [name for name in files_a if (a / name).read_bytes() != (b / name).read_bytes()]


@pytest.fixture
def shell_counter(monkeypatch):
    """How many pages go through a shell (so the comparison cannot pass by never using one)."""
    counts = {"schil": 0}
    original = schil.Shells.render

    def counting(self, context):
        counts["schil"] += 1
        return original(self, context)

    counting.jinja_pass_arg = original.jinja_pass_arg  # keep jinja's pass_context marker
    monkeypatch.setattr(schil.Shells, "render", counting)
    return counts


def test_demo_pages_equal_the_theme_rendered_pages(demo_site, tmp_path, monkeypatch):
    assert sum(1 for _ in demo_site.rglob("*.html")) > prerender.MIN_PAGES  # the demo used the child too
    assert _differences(demo_site, _without_shell(DEMO_KAART, tmp_path, monkeypatch)) == []


def test_hostile_text_pages_equal_the_theme_rendered_pages(tmp_path, monkeypatch, shell_counter):
    kaart = _hostile_kaart(tmp_path)
    monkeypatch.setattr(prerender, "MIN_PAGES", 0)  # a small kaart: let the child render half of it too
    monkeypatch.setattr(prerender, "PART_PAGES", 7)  # handed over in many parts
    with_shell = build_site(kaart, tmp_path / "met-schil")
    pages = sum(1 for _ in with_shell.rglob("*.html"))
    assert shell_counter["schil"] > pages / 2, f"only {shell_counter['schil']} of {pages} pages went through a shell"
    assert _differences(with_shell, _without_shell(kaart, tmp_path, monkeypatch)) == []
    record = (with_shell / "voorzieningen/formulierenhulp/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://sociale-kaart.example/voorzieningen/formulierenhulp/">' in record
    assert "Naam 0 &#34; http-equiv=&#34;refresh&#34;" in record or "Naam 0 &quot; http-equiv" in record


def test_a_page_the_frame_links_to_is_rendered_whole(demo_site):
    """The footer links to the wegwijzer's schema: on that page itself the link is './', which a frame made
    for another page of wegwijzer/ cannot know."""
    schema = (demo_site / "wegwijzer/schema/index.html").read_text(encoding="utf-8")
    assert '<a href="./">Schema van de wegwijzer</a>' in schema
    other = next(p for p in (demo_site / "wegwijzer").glob("*/index.html") if p.parent.name != "schema").read_text(encoding="utf-8")
    assert '<a href="../schema/">Schema van de wegwijzer</a>' in other


def test_generated_pages_meta_is_what_mkdocs_reads_from_their_front_matter(demo):
    """The plugin hands MkDocs page_meta() instead of letting it parse the front matter (YAML) of every page."""
    from mkdocs.utils import meta

    from generator.build.pages import generate_pages

    pages = generate_pages(demo)
    assert len(pages) > 400
    assert any(page.meta for page in pages)  # robots, snel_weg, balie: more than title and description
    assert [meta.get_data(page.front_matter()) for page in pages] == [("", page.page_meta()) for page in pages]
