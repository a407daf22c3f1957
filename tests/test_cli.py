"""The kaart command from anywhere: finding mkdocs.yml, and output that a reader cuts short."""

from __future__ import annotations

import subprocess
import sys

from generator.config import mkdocs_file
from generator.synthetic import write_synthetic_kaart
from support import DEMO_KAART, ROOT


def test_mkdocs_yml_is_found_next_to_the_kaart_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert mkdocs_file(None, DEMO_KAART) == str(ROOT / "mkdocs.yml")
    assert mkdocs_file(None, tmp_path / "kaart") == "mkdocs.yml"  # none there: MkDocs says so


def test_a_given_config_wins(tmp_path):
    other = tmp_path / "ander.yml"
    other.write_text("site_name: x\n", encoding="utf-8")
    assert mkdocs_file(str(other), DEMO_KAART) == str(other)


def test_kaart_zoek_outside_the_repository_finds_the_hand_written_pages_too(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator.cli", "zoek", "privacy", "--kaart", str(DEMO_KAART), "--json"],
                            cwd=tmp_path, capture_output=True, text=True, check=True)
    assert '"id": "privacy"' in result.stdout


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path):
    kaart = write_synthetic_kaart(tmp_path / "kaart", 600)  # enough hits to overflow the pipe's buffer
    command = f"set -o pipefail; '{sys.executable}' -m generator.cli zoek hulp --kaart '{kaart}' --json | head -c 100"
    result = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "" and result.stdout.startswith("[")


def test_a_failed_build_leaves_the_previous_site_in_place(mini_kaart, tmp_path, capsys):
    from generator.cli import main

    site = tmp_path / "site"
    assert main(["build", "--kaart", str(mini_kaart), "--site", str(site)]) == 0
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    page = (site / "voorzieningen" / "formulierenhulp" / "index.html").read_text(encoding="utf-8")
    (mini_kaart / "voorzieningen" / "formulierenhulp.yaml").write_text("id: formulierenhulp\n", encoding="utf-8")
    assert main(["build", "--kaart", str(mini_kaart), "--site", str(site)]) == 1
    assert "vorige versie van de site is blijven staan" in capsys.readouterr().err
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert (site / "voorzieningen" / "formulierenhulp" / "index.html").read_text(encoding="utf-8") == page
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left behind


def test_a_named_kaart_folder_that_is_not_there_is_named_not_the_working_folder(tmp_path, monkeypatch, capsys):
    """`kaart check --kaart /tmp/bestaatniet`: the folder given is wrong, not the folder the user stands in."""
    from generator.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "leeg").mkdir()
    (tmp_path / "bestand.yaml").write_text("x: 1\n", encoding="utf-8")
    for given, says in [(tmp_path / "bestaatniet", "bestaat niet"), (tmp_path / "leeg", "geen gebieden.yaml"),
                        (tmp_path / "bestand.yaml", "geen map")]:
        assert main(["check", "--kaart", str(given)]) != 0
        err = capsys.readouterr().err
        assert str(given) in err and says in err and "verkeerde map" not in err and "Traceback" not in err, err
    assert main(["check"]) != 0  # no folder named, none here: then the working folder is the likely mistake
    assert "verkeerde map" in capsys.readouterr().err
