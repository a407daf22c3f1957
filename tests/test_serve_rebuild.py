"""`kaart serve` rebuilds only what a change touches (generator/build/incremental.py); after any
sequence of edits the site it serves must be the site a fresh `kaart build` makes of the same kaart.

The rebuilds run in this process exactly as `kaart serve` runs them (MkDocs' dirty build with the
plugin in serve mode, the theme listing of generator/serve.py, the search index and open data
written by the follow-up), on a copy of the demo kaart; a partner's edits in order; at checkpoints
every file of the served folder is compared with a clean build's, byte for byte.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import Files

from support import DEMO_KAART, ROOT

SITE_URL = "http://127.0.0.1:8000/"  # as kaart serve sets it; the clean build gets the same


class Served:
    def __init__(self, kaart: Path, work: Path) -> None:
        self.kaart, self.work, self.site = kaart, work, work / "served"

    def config(self, site: Path):
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site))
        config.site_url = SITE_URL
        return config

    def rebuild(self) -> None:
        from generator.plugin import _ServeFollowUp

        config = self.config(self.site)
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, serve_url=SITE_URL, dirty=True)
        _ServeFollowUp.wait(120)

    def fresh(self) -> Path:
        site = self.work / "fresh"
        shutil.rmtree(site, ignore_errors=True)
        config = self.config(site)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        return site

    def assert_as_fresh_build(self, after: str) -> None:
        fresh = self.fresh()
        served, clean = _files(self.site), _files(fresh)
        assert sorted(served - clean) == [], f"after {after}: left from an older build"
        assert sorted(clean - served) == [], f"after {after}: missing"
        differ = [path for path in sorted(served) if (self.site / path).read_bytes() != (fresh / path).read_bytes()]
        assert differ == [], f"after {after}: not as a fresh build"


def _files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def served(tmp_path, monkeypatch):
    from generator.serve import _theme_files_listed_once

    kaart = tmp_path / "kaart"
    shutil.copytree(DEMO_KAART, kaart)
    monkeypatch.setenv("KAART_DIR", str(kaart))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(Files, "add_files_from_theme", Files.add_files_from_theme)  # restored afterwards
    _theme_files_listed_once(Files)
    server = Served(kaart, tmp_path)
    server.rebuild()
    yield server
    from generator.plugin import SocialeKaartPlugin

    SocialeKaartPlugin().on_startup(command="build", dirty=False)  # the plugin's serve mode is per process


def test_after_every_kind_of_edit_the_served_site_is_a_fresh_build(served, caplog, monkeypatch):
    import generator.plugin

    walks = []  # the follow-ups that walked the whole site folder, not only the files that left the previous build
    walk = generator.plugin.remove_other_files
    monkeypatch.setattr(generator.plugin, "remove_other_files", lambda site, keep: walks.append(site) or walk(site, keep))
    voorzieningen = served.kaart / "voorzieningen"
    inloop = voorzieningen / "baby-peuterinloop-oost.yaml"

    edit(voorzieningen / "formulierenhulp-bibliotheek.yaml", "\nnaam: ", "\nnaam: Hulp bij formulieren in de ")  # a wegwijzer door's name
    served.rebuild()
    edit(inloop, "laatst_gecontroleerd: 2026-10-18", "laatst_gecontroleerd: 2024-10-18")  # outdated: on the beheer report's lists
    served.rebuild()
    edit(inloop, "kern: haarsloo", "kern: oosterwijlen")  # to another kern (with its address) and out of a theme
    edit(inloop, "werkgebied: [oost]", "werkgebied: [oosterwijlen]")
    edit(inloop, "postcode: 7791 BA", "postcode: 7792 AB")
    edit(inloop, "themas: [opvoeden-en-opgroeien, zorg-en-gezondheid]", "themas: [zorg-en-gezondheid]")
    served.rebuild()
    (voorzieningen / "inloop-nieuw.yaml").write_text(
        inloop.read_text(encoding="utf-8").replace("id: baby-peuterinloop-oost", "id: inloop-nieuw").replace("naam: Baby", "naam: Nieuwe baby"),
        encoding="utf-8")
    served.rebuild()
    (voorzieningen / "koffie-inloop-brinkhof.yaml").unlink()  # referenced by no other file (vangnet daarna, wegwijzer)
    edit(sorted((served.kaart / "vindplaatsen").glob("*.yaml"))[0], "\nnaam: ", "\nnaam: De ")
    served.rebuild()
    served.assert_as_fresh_build("names changed, a record moved between kernen and themes, one added, one deleted")
    assert walks == []  # the deleted record's files went as files that left the previous build

    before = {path: (served.site / path).read_bytes() for path in _files(served.site)}
    edit(inloop, "toegang: vrij", "toegang: vrijj")
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort):
        served.rebuild()
    assert f"{inloop}:11:10: 'vrijj' is geen geldige waarde. Bedoel je 'vrij'?" in caplog.text
    assert {path: (served.site / path).read_bytes() for path in _files(served.site)} == before  # the last good site stays
    edit(inloop, "toegang: vrijj", "toegang: vrij")
    served.rebuild()
    assert walks == [served.site]  # after a failed build the folder's files are not known: walked once
    edit(served.kaart / "gebieden.yaml", "naam: Haarsloo", "naam: Haarslo")
    edit(served.kaart / "synoniemen.yaml", "geldzorgen: {naar: [schulden,", "geldzorgen: {naar: [schuld,")
    edit(served.kaart / "wegwijzer" / "uitkomsten" / "schulden.yaml", "titel: Hulp bij schulden", "titel: Hulp bij je schulden")
    served.rebuild()
    edit(inloop, "\nnaam: ", "\nnaam: De ")  # a record again, after changes outside the records
    served.rebuild()
    served.assert_as_fresh_build("an error fixed; gebieden.yaml, synoniemen.yaml and the wegwijzer changed; a record renamed")
