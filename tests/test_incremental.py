"""`kaart serve` rebuilds only the pages a changed record touches (generator/build/incremental.py)."""

from __future__ import annotations

from generator.build.incremental import unchanged_pages
from generator.build.pages import generate_pages
from generator.validate import load_kaart

SETTINGS = ({"regio": "Proefdorp"}, {})


def pages_after_load(folder):
    kaart, problems = load_kaart(folder)
    assert list(problems) == []
    pages = generate_pages(kaart)
    return kaart, pages, unchanged_pages(kaart, pages, SETTINGS)


def rename(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_first_build_is_full_and_an_unchanged_kaart_rebuilds_nothing(mini_kaart):
    _, pages, unchanged = pages_after_load(mini_kaart)
    assert unchanged == set()
    _, pages, unchanged = pages_after_load(mini_kaart)
    assert unchanged == {page.src_uri for page in pages}


def test_a_changed_voorziening_rebuilds_the_pages_that_show_it_and_no_others(mini_kaart):
    pages_after_load(mini_kaart)
    rename(mini_kaart / "voorzieningen" / "maaltijdservice.yaml", "naam: Maaltijdservice Cranenburg", "naam: Maaltijden aan huis")
    _, pages, unchanged = pages_after_load(mini_kaart)
    rebuilt = {page.src_uri for page in pages} - unchanged
    assert "voorzieningen/maaltijdservice/index.md" in rebuilt
    assert "themas/wonen-en-huishouden/index.md" in rebuilt  # lists it
    assert "organisaties/welzijn-proef/index.md" in rebuilt  # its aanbod
    assert "kernen/cranenburg/index.md" in rebuilt
    assert any(uri.startswith("a-z/m/") for uri in rebuilt)  # its letter
    assert "voorzieningen/formulierenhulp/index.md" in unchanged
    assert "themas/formulieren-en-juridisch/index.md" in unchanged
    assert len(rebuilt) < len(pages) // 2


def test_a_change_outside_the_followed_records_rebuilds_everything(mini_kaart):
    pages_after_load(mini_kaart)
    rename(mini_kaart / "organisaties" / "welzijn-proef.yaml", "naam: ", "naam: Nieuw ")
    _, _, unchanged = pages_after_load(mini_kaart)
    assert unchanged == set()


def test_a_new_record_rebuilds_everything(mini_kaart):
    pages_after_load(mini_kaart)
    source = (mini_kaart / "voorzieningen" / "maaltijdservice.yaml").read_text(encoding="utf-8")
    (mini_kaart / "voorzieningen" / "maaltijdservice-2.yaml").write_text(source.replace("id: maaltijdservice", "id: maaltijdservice-2"), encoding="utf-8")
    _, _, unchanged = pages_after_load(mini_kaart)
    assert unchanged == set()


def hand_written(kaart_folder, prints):
    from generator.build.incremental import unchanged_hand_written

    kaart, _ = load_kaart(kaart_folder)
    return unchanged_hand_written(kaart, prints)


def test_hand_written_pages_are_reused_only_when_their_snippets_and_every_markdown_are_as_before(mini_kaart):
    prints = {"index.md": ("# Home", ("<p>tegels</p>",)), "open-data/index.md": ("# Open data", ("<p>12 diensten</p>",))}
    pages_after_load(mini_kaart)
    assert hand_written(mini_kaart, prints) == set()  # first build: everything
    pages_after_load(mini_kaart)
    assert hand_written(mini_kaart, prints) == set(prints)
    rename(mini_kaart / "voorzieningen" / "maaltijdservice.yaml", "naam: Maaltijdservice Cranenburg", "naam: Maaltijden aan huis")
    pages_after_load(mini_kaart)
    changed = {**prints, "open-data/index.md": ("# Open data", ("<p>13 diensten</p>",))}
    assert hand_written(mini_kaart, changed) == {"index.md"}  # only the page whose snippet changed is rebuilt
    pages_after_load(mini_kaart)
    retitled = {**changed, "index.md": ("# Welkom", ("<p>tegels</p>",))}
    assert hand_written(mini_kaart, retitled) == set()  # a Markdown change may change titles and navigation
    rename(mini_kaart / "organisaties" / "welzijn-proef.yaml", "naam: ", "naam: Nieuw ")
    pages_after_load(mini_kaart)
    assert hand_written(mini_kaart, retitled) == set()  # a full rebuild of the generated pages: these too
