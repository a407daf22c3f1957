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


def test_module_level_functions_are_summarised_by_name_and_anything_holding_objects_by_any_record():
    import functools
    from dataclasses import dataclass, field

    from generator.build.incremental import ANY_RECORD, fingerprint
    from generator.wegwijzer.pages import uitkomst_url, vraag_url

    refs: set[str] = set()
    assert fingerprint({"url": vraag_url}, refs) != fingerprint({"url": uitkomst_url}, refs)
    assert fingerprint(functools.partial(vraag_url, "a"), refs) != fingerprint(functools.partial(vraag_url, "b"), refs)
    assert refs == set()
    for opaque in (lambda target: target, functools.partial(lambda target: target, "a"), SETTINGS[0].get):
        found: set[str] = set()
        fingerprint({"f": opaque}, found)
        assert found == {ANY_RECORD}, opaque

    @dataclass
    class WithSources:
        value: str
        sources: object = field(default=None, compare=False)  # not part of its value

    assert fingerprint(WithSources("a", object()), refs) == fingerprint(WithSources("a", object()), refs)
    assert fingerprint(WithSources("a"), refs) != fingerprint(WithSources("b"), refs)
    assert refs == set()


def test_a_changed_record_rebuilds_the_pages_marked_as_reading_every_record_and_not_those_with_pure_helpers(mini_kaart):
    pages_after_load(mini_kaart)
    rename(mini_kaart / "voorzieningen" / "maaltijdservice.yaml", "naam: Maaltijdservice Cranenburg", "naam: Maaltijden aan huis")
    _, pages, unchanged = pages_after_load(mini_kaart)
    every_record = {page.src_uri for page in pages if page.depends_on_every_record}
    assert every_record == {"beheer/rapport/index.md"}
    assert not every_record & unchanged
    guide = {page.src_uri for page in pages if page.template == "invulvoorbeeld.html"}  # its context: a partial of template_text
    assert guide and guide <= unchanged


def test_the_wegwijzer_pages_are_rebuilt_only_for_the_records_they_show(tmp_path):
    import shutil

    from support import DEMO_KAART

    kaart = tmp_path / "kaart"
    shutil.copytree(DEMO_KAART, kaart)
    pages_after_load(kaart)
    rename(kaart / "voorzieningen" / "formulierenhulp-bibliotheek.yaml", "\nnaam: ", "\nnaam: De ")  # the door of an outcome
    _, pages, unchanged = pages_after_load(kaart)
    wegwijzer = {page.src_uri: page for page in pages if page.template.startswith("wegwijzer/")}
    rebuilt = set(wegwijzer) - unchanged
    assert {"wegwijzer/schema/index.md", "wegwijzer/schema/paden/index.md"} <= rebuilt  # they name each outcome's door
    assert {uri for uri, page in wegwijzer.items() if page.template == "wegwijzer/vraag.html"} <= unchanged
    assert 0 < len(rebuilt) < len(wegwijzer) // 2


def test_remove_files_removes_only_the_files_that_left_and_the_folders_they_empty(tmp_path):
    from generator.build.incremental import remove_files

    for path in ("voorzieningen/weg/index.html", "voorzieningen/blijft/index.html", "open-data/hsds/services/weg.json", "zoeken/oud.json", "vreemd.txt"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("x", encoding="utf-8")
    gone = ["voorzieningen/weg/index.html", "open-data/hsds/services/weg.json", "zoeken/oud.json", "zoeken/al-weg.json"]
    assert remove_files(tmp_path, gone) == 3
    left = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*"))
    assert left == ["voorzieningen", "voorzieningen/blijft", "voorzieningen/blijft/index.html", "vreemd.txt"]  # not walked: vreemd.txt stays


def test_every_page_whose_template_gets_a_function_of_the_whole_kaart_is_marked_as_reading_every_record(demo):
    """A function in a context is summarised by its name; one the template calls with the kaart (build_report)
    may show any record, so its page must say so, or `kaart serve` would keep it when a record changes."""
    import inspect

    pages = generate_pages(demo)
    for page in pages:
        of_kaart = [key for key, value in page.context.items() if inspect.isfunction(value) and "kaart" in inspect.signature(value).parameters]
        assert not of_kaart or page.depends_on_every_record, (page.src_uri, of_kaart)
    assert [page.src_uri for page in pages if page.depends_on_every_record] == ["beheer/rapport/index.md"]
