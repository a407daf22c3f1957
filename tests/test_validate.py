"""Models and cross-references: each kind of mistake, its Dutch message and its line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.validate import load_kaart

VOORZIENING = "voorzieningen/formulierenhulp.yaml"


def edit(kaart: Path, relative: str, old: str, new: str) -> None:
    path = kaart / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(kaart: Path) -> list:
    _, problems = load_kaart(kaart)
    return problems.sorted()


def line_of(kaart: Path, relative: str, text: str) -> int:
    lines = (kaart / relative).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def assert_one_problem(kaart: Path, relative: str, line_text: str, fragment: str) -> None:
    problems = problems_of(kaart)
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.path.endswith(relative), problem
    assert problem.line == line_of(kaart, relative, line_text), str(problem)
    assert fragment in problem.message, str(problem)


def test_mini_kaart_is_valid(mini_kaart):
    kaart, problems = load_kaart(mini_kaart)
    assert problems == []
    assert len(kaart.voorzieningen) == 2 and kaart.sociaal_team_voor("cranenburg").id == "sociaal-team-b"


def test_the_narrowest_sociaal_team_serves_a_kern_and_a_gebied_can_have_two(mini_kaart):
    wider = (mini_kaart / "ingangen" / "sociaal-team-a.yaml").read_text(encoding="utf-8")
    (mini_kaart / "ingangen" / "team-beekzand.yaml").write_text(
        wider.replace("id: sociaal-team-a", "id: team-beekzand").replace("werkgebied: [gebied-a]", "werkgebied: [beekzand]"), encoding="utf-8")
    kaart, problems = load_kaart(mini_kaart)
    assert problems == []
    assert kaart.sociaal_team_voor("beekzand").id == "team-beekzand"
    assert kaart.sociaal_team_voor("akkerveen").id == "sociaal-team-a"
    per_gebied = {gebied.id: [team.id for team in teams] for gebied, teams in kaart.teams_per_gebied()}
    assert per_gebied == {"gebied-a": ["sociaal-team-a", "team-beekzand"], "gebied-b": ["sociaal-team-b"]}
    assert [(team.id, [k.id for k in kernen]) for team, kernen in kaart.kernen_per_team()] == [
        ("sociaal-team-a", ["akkerveen"]), ("team-beekzand", ["beekzand"]), ("sociaal-team-b", ["cranenburg"])]


def test_unknown_key_suggests_the_near_miss(mini_kaart):
    edit(mini_kaart, VOORZIENING, "  telefoon: 0523 800 300", "  telefon: 0523 800 300")
    assert_one_problem(mini_kaart, VOORZIENING, "telefon:", "Het veld 'telefon' bestaat niet. Bedoel je 'telefoon'?")


def test_missing_required_field_points_at_its_block(mini_kaart):
    edit(mini_kaart, VOORZIENING, "kosten:\n  soort: gratis\n", "")
    problems = problems_of(mini_kaart)
    assert [p.message for p in problems] == ["Het verplichte veld 'kosten' ontbreekt. Voeg een regel 'kosten: ...' toe."]
    assert problems[0].line == 1


@pytest.mark.parametrize(
    "old, new, line_text, fragment",
    [
        ("  telefoon: 0523 800 300", "  telefoon: 0523 80", "telefoon:", "geen geldig Nederlands telefoonnummer"),
        ("  telefoon: 0523 800 300", "  email: info@", "email:", "geen geldig e-mailadres"),
        ("  telefoon: 0523 800 300", "  website: javascript:alert(1)", "website:", "geen webadres dat we mogen tonen"),
        ("  telefoon: 0523 800 300", "  website: data:text/html,hoi", "website:", "geen webadres dat we mogen tonen"),
        ("laatst_gecontroleerd: 2026-10-01", "laatst_gecontroleerd: 1 oktober", "laatst_gecontroleerd", "geen datum"),
        ("laatst_gecontroleerd: 2026-10-01", "laatst_gecontroleerd: 1-10-2026", "laatst_gecontroleerd", "Schrijf de datum als jjjj-mm-dd: 2026-10-01."),
        ("laatst_gecontroleerd: 2026-10-01", "laatst_gecontroleerd: 31/10/2026", "laatst_gecontroleerd", "Schrijf de datum als jjjj-mm-dd: 2026-10-31."),
        ("toegang: vrij", "toegang: vrije inloop", "toegang:", "Kies uit: vrij, aanmelden, verwijzing, beschikking"),
        ("themas: [formulieren-en-juridisch, geld-en-schulden]", "themas: [formulieren, geld-en-schulden]", "themas:", "Bedoel je 'formulieren-en-juridisch'?"),
        # a word of one theme's id, too short for a close match: still the one theme it belongs to
        ("themas: [formulieren-en-juridisch, geld-en-schulden]", "themas: [formulieren-en-juridisch, meedoen]", "themas:", "Bedoel je 'meedoen-en-ontmoeten'?"),
        ("doelgroepen: [iedereen]", "doelgroepen: [beperking]", "doelgroepen:", "Bedoel je 'mensen-met-een-beperking'?"),
        # a kern written as residents say it: the message points to the list of ids, not to an example of another kind
        ("    kern: akkerveen", "    kern: Akkerveen (dorp)", "kern:", "De ids van kernen en organisaties staan in de handleiding bij 'Lijsten van ids'."),
        ("  soort: gratis", "  soort: betaald", "soort: betaald", "geen geldige waarde"),
        ("    rolstoeltoegankelijk: ja", "    rolstoeltoegankelijk: misschien", "rolstoeltoegankelijk", "Schrijf 'ja' of 'nee'"),
        ("naam: Formulierenhulp in de bibliotheek", "naam: <script>alert(1)</script>", "naam:", "Gebruik geen < of >"),
        ("      postcode: 7771 AA", "      postcode: 77711", "postcode:", "geen geldige postcode"),
        ("doelgroepen: [iedereen]", "doelgroepen: []", "doelgroepen:", "lijst is leeg"),
    ],
)
def test_field_mistakes(mini_kaart, old, new, line_text, fragment):
    edit(mini_kaart, VOORZIENING, old, new)
    assert_one_problem(mini_kaart, VOORZIENING, line_text, fragment)


def test_unknown_organisation_and_kern(mini_kaart):
    edit(mini_kaart, VOORZIENING, "organisatie: welzijn-proef", "organisatie: welzijn-proeff")
    edit(mini_kaart, VOORZIENING, "    kern: akkerveen", "    kern: akerveen")
    messages = [(p.line, p.message) for p in problems_of(mini_kaart)]
    assert (line_of(mini_kaart, VOORZIENING, "organisatie:"), "Onbekende organisatie 'welzijn-proeff'. Bedoel je 'welzijn-proef'? "
            "De ids van alle organisaties staan in de handleiding bij 'Lijsten van ids' en als bestandsnamen in de map kaart/organisaties/.") in messages
    assert any(line == line_of(mini_kaart, VOORZIENING, "kern: akerveen") and "Bedoel je 'akkerveen'?" in m for line, m in messages)


def test_unknown_werkgebied(mini_kaart):
    edit(mini_kaart, VOORZIENING, "werkgebied: [proefgem]", "werkgebied:\n  - gebied-c")
    assert_one_problem(mini_kaart, VOORZIENING, "- gebied-c", "Onbekende gemeente, gebied of kern 'gebied-c'")


@pytest.mark.parametrize("naar, fragment", [
    ("sociaal-team-b", "werkt niet in Akkerveen"),  # a team without a mandate in the vindplaats's kern
    ("kcc-proefgem", "het algemene nummer van de gemeente"),  # the KCC would only put the signal through again
])
def test_a_vindplaats_hands_signals_to_a_door_of_its_own_kern(mini_kaart, naar, fragment):
    school = "vindplaatsen/school-akkerveen.yaml"
    edit(mini_kaart, school, "naar: sociaal-team-a", f"naar: {naar}")
    assert_one_problem(mini_kaart, school, f"naar: {naar}", fragment)
    assert "'sociaal-team-a'" in problems_of(mini_kaart)[0].message


def test_id_must_match_file_name(mini_kaart):
    edit(mini_kaart, VOORZIENING, "id: formulierenhulp", "id: formulieren-hulp")
    assert_one_problem(mini_kaart, VOORZIENING, "id:", "moet gelijk zijn aan de bestandsnaam")


def test_duplicate_id_across_record_types(mini_kaart):
    source = (mini_kaart / "vindplaatsen/school-akkerveen.yaml").read_text(encoding="utf-8")
    (mini_kaart / "vindplaatsen/formulierenhulp.yaml").write_text(source.replace("id: school-akkerveen", "id: formulierenhulp"), encoding="utf-8")
    problems = problems_of(mini_kaart)
    assert len(problems) == 1 and "wordt al gebruikt" in problems[0].message


def test_clientondersteuner_must_be_free_and_independent(mini_kaart):
    relative = "clientondersteuners/ondersteuning-proef.yaml"
    edit(mini_kaart, relative, "gratis: ja", "gratis: nee")
    assert "altijd gratis" in problems_of(mini_kaart)[0].message
    edit(mini_kaart, relative, "gratis: nee", "gratis: ja")
    edit(mini_kaart, relative, "organisatie: welzijn-proef", "organisatie: gemeente-proefgem")
    assert_one_problem(mini_kaart, relative, "organisatie:", "moet onafhankelijk zijn van de gemeente")


def test_paid_voorziening_must_explain_its_cost(mini_kaart):
    relative = "voorzieningen/maaltijdservice.yaml"
    edit(mini_kaart, relative, "  toelichting: € 7,50 per maaltijd\n", "")
    assert_one_problem(mini_kaart, relative, "kosten:", "hoort een toelichting")


def test_every_kern_needs_a_sociaal_team(mini_kaart):
    (mini_kaart / "ingangen/sociaal-team-b.yaml").unlink()
    assert_one_problem(mini_kaart, "gebieden.yaml", "id: cranenburg", "Geen sociaal team voor kern 'Cranenburg'")


def test_unknown_folder_and_stray_file_are_reported(mini_kaart):
    (mini_kaart / "voorziening").mkdir()
    (mini_kaart / "voorzieningen/notities.txt").write_text("hoi", encoding="utf-8")
    messages = [p.message for p in problems_of(mini_kaart)]
    assert any("'voorziening' hoort niet in de kaart-map" in m for m in messages)
    assert any("alleen bestanden die eindigen op .yaml worden gelezen" in m for m in messages)


def test_all_problems_of_a_run_are_reported_at_once(mini_kaart):
    edit(mini_kaart, VOORZIENING, "toegang: vrij", "toegang: open")
    edit(mini_kaart, "voorzieningen/maaltijdservice.yaml", "themas: [wonen-en-huishouden]", "themas: [wonen]")
    (mini_kaart / "organisaties/kapot.yaml").write_text("id: kapot\nnaam: [\n", encoding="utf-8")
    files = {p.path.rsplit("/", 1)[-1] for p in problems_of(mini_kaart)}
    assert files == {"formulierenhulp.yaml", "maaltijdservice.yaml", "kapot.yaml"}


def test_loading_again_reuses_unchanged_files_and_reads_changed_ones(tmp_path):
    """`kaart serve` loads the kaart after every change: same bytes, same record; changed bytes, read again."""
    import shutil

    from support import MINI_KAART

    folder = tmp_path / "kaart"
    shutil.copytree(MINI_KAART, folder)
    first, problems = load_kaart(folder)
    assert not problems
    changed = folder / "voorzieningen" / "formulierenhulp.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("\nnaam: ", "\nnaam: Nieuwe ", 1), encoding="utf-8")
    second, problems = load_kaart(folder)
    assert not problems
    assert second.voorzieningen["formulierenhulp"].naam.startswith("Nieuwe ")
    assert first.voorzieningen["formulierenhulp"] is not second.voorzieningen["formulierenhulp"]
    unchanged = next(record_id for record_id in first.voorzieningen if record_id != "formulierenhulp")
    assert first.voorzieningen[unchanged] is second.voorzieningen[unchanged]
    changed.write_text(changed.read_text(encoding="utf-8").replace("\nnaam: Nieuwe ", "\nnaam: ", 1) + "onbekend_veld: x\n", encoding="utf-8")
    _, problems = load_kaart(folder)
    assert [Path(p.path) for p in problems] == [changed]  # a broken file is never taken from memory


def test_reading_on_two_cores_gives_the_same_records_and_problems_as_one(tmp_path, monkeypatch):
    """generator/halves.py: a forked child reads half the files; nothing may differ, also for broken files."""
    import shutil

    from generator import halves, validate
    from support import MINI_KAART

    folder = tmp_path / "kaart"
    shutil.copytree(MINI_KAART, folder)
    (folder / "organisaties/kapot.yaml").write_text("id: kapot\nnaam: [\n", encoding="utf-8")
    edit(folder, "voorzieningen/maaltijdservice.yaml", "themas: [wonen-en-huishouden]", "themas: [wonen]")
    # a cross-record problem in a file the child reads: its position is worked out again from the text sent back
    edit(folder, "ingangen/sociaal-team-b.yaml", "organisatie: gemeente-proefgem", "# over meer regels\n\norganisatie:   gemeente-onbekend")
    forks = []
    real_fork = halves.os.fork
    monkeypatch.setattr(halves.os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setattr(halves, "_other_threads", lambda: False)  # other tests may leave a server thread running

    def load(minimum: int):
        monkeypatch.setattr(halves, "MINIMUM", minimum)
        validate._READ_BEFORE.update(folder=None, files={})  # as a fresh process
        kaart, problems = load_kaart(folder)
        return {soort: {i: r.model_dump() for i, r in records.items()} for soort, records in kaart.records.items()}, problems.sorted()

    one_core = load(10_000)
    assert forks == []
    two_cores = load(2)
    assert forks == [1]
    assert two_cores == one_core
    assert {p.path.rsplit("/", 1)[-1] for p in two_cores[1]} >= {"kapot.yaml", "maaltijdservice.yaml", "sociaal-team-b.yaml"}
    unknown = next(p for p in two_cores[1] if p.path.endswith("sociaal-team-b.yaml"))
    lines = (folder / "ingangen/sociaal-team-b.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[unknown.line - 1][unknown.column - 1:] == "gemeente-onbekend"


def _halves_for_test(monkeypatch):
    from generator import halves

    monkeypatch.setattr(halves, "_other_threads", lambda: False)  # other tests may leave a server thread running
    monkeypatch.setattr(halves, "MINIMUM", 2)
    monkeypatch.setattr(halves, "CHUNK", 3)
    return halves


def test_two_processes_share_the_list_from_both_ends_and_the_order_stays(monkeypatch, tmp_path):
    """halves.map_in_halves: this process takes chunks from the front, the forked child from the back, until they
    meet; `meanwhile` runs here, once, while the child already works (so the child takes more of the list)."""
    import time

    halves = _halves_for_test(monkeypatch)
    here, meanwhile = os.getpid(), []
    done_by_child = os.open(tmp_path / "done-by-child", os.O_CREAT | os.O_WRONLY | os.O_APPEND)

    def work(item: int) -> tuple[int, int]:
        time.sleep(0.002)
        if os.getpid() != here:
            os.write(done_by_child, b".")
        return item * item, os.getpid()

    def wait_for_the_child() -> None:
        # Waits on the child's progress rather than a fixed time, so a loaded machine cannot make it flaky.
        meanwhile.append(os.getpid())
        deadline = time.monotonic() + 30
        while (tmp_path / "done-by-child").stat().st_size < 160 and time.monotonic() < deadline:
            time.sleep(0.01)

    results = halves.map_in_halves(work, list(range(300)), meanwhile=wait_for_the_child)
    os.close(done_by_child)
    assert [value for value, _ in results] == [item * item for item in range(300)]
    pids = [pid for _, pid in results]
    assert meanwhile == [here]
    assert pids[0] == here and pids[-1] != here  # both took part: this process from the front, the child from the back
    split = pids.index(pids[-1])
    assert set(pids[:split]) == {here} and set(pids[split:]) == {pids[-1]}
    assert split < 150  # the child read on while this process did its other work


def test_when_the_child_fails_this_process_computes_its_part(monkeypatch):
    halves = _halves_for_test(monkeypatch)
    here = os.getpid()

    def work(item: int) -> int:
        if os.getpid() != here and item == 250:
            os._exit(3)  # the child dies halfway through its part
        return item + 1

    assert halves.map_in_halves(work, list(range(300))) == [item + 1 for item in range(300)]


def test_an_id_or_url_with_a_trailing_newline_is_refused():
    """Python's '$' also matches before a final newline; an id in gebieden.yaml or the wegwijzer becomes a page path."""
    import pytest
    from pydantic_core import PydanticCustomError

    from generator import fields

    with pytest.raises(PydanticCustomError):
        fields._check_id("abc\n")
    assert fields._check_id("abc") == "abc"
    assert not fields._URL_RE.fullmatch("https://a.nl/x\n") and fields._URL_RE.fullmatch("https://a.nl/x")


def test_the_short_way_for_common_dutch_numbers_parses_as_libphonenumber_does():
    """fields._dutch_national / _dutch_e164 build the number libphonenumber's parse would: every two-digit area
    prefix with random digits, spaces and hyphens; and every shape they leave to the full parse is left alone."""
    import random

    import phonenumbers

    from generator import fields

    rng = random.Random(14)
    raws = []
    for prefix in range(10, 100):
        for _ in range(40):
            digits = f"{prefix}" + "".join(rng.choice("0123456789") for _ in range(7))
            raws.append("0" + "".join(d + rng.choice(["", "", " ", "-"]) for d in digits).rstrip(" -"))
    short = 0
    for raw in raws:
        number = fields._dutch_national(raw)
        assert number is not None, raw
        assert number == phonenumbers.parse(raw, "NL"), raw
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert fields._dutch_e164(e164) == phonenumbers.parse(e164, "NL") == number, e164
        short += phonenumbers.is_valid_number(number)
        # fields._valid_e164 asks the number's type instead of is_valid_number: the same answer
        assert (phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.UNKNOWN) == phonenumbers.is_valid_number(number), raw
    assert 0 < short < len(raws)  # valid and invalid numbers both went the short way
    for foreign in ("+44 20 7946 0958", "+32 2 555 12 12", "+49 30 123456", "+1 202 555 0143", "+800 1234 5678", "+31 900 1234567", "+44 20 79"):
        number = phonenumbers.parse(foreign, "NL")
        assert (phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.UNKNOWN) == phonenumbers.is_valid_number(number), foreign
    for other in ("0800 2000", "06 1234 56789", "+31 523 123 456", "0031523123456", "0523\u00a0123 456",
                  "(0523) 123 456", "0523 123 456 toestel 12", "0523--123456", "+44 20 7946 0958", "+310523123456"):
        assert fields._dutch_national(other) is None, other
        assert fields._dutch_e164(other) is None, other
    assert fields.parse_phone("0523 123 456") == fields.parse_phone("0523-123456") == "+31523123456"


def test_a_large_reading_is_kept_from_the_cycle_collector_until_the_next_reading(monkeypatch):
    """validate._no_cycle_collection: after reading many files their objects are frozen out of the collector's
    sight; the next reading in the process (kaart serve after a change) hands them back and frees the garbage
    that was frozen with them, so a long `kaart serve` does not keep every build's garbage."""
    import gc
    import weakref

    from generator import validate
    from support import MINI_KAART

    class Cycle:
        pass

    monkeypatch.setattr(validate, "FREEZE_FROM", 1)
    validate._READ_BEFORE.update(folder=None, files={})
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        garbage = Cycle()
        garbage.me = garbage
        alive = weakref.ref(garbage)
        del garbage
        load_kaart(MINI_KAART)  # every file read afresh: frozen, the garbage with it
        assert gc.get_freeze_count() > 0 and alive() is not None
        load_kaart(MINI_KAART)  # nothing read afresh: handed back, collected, nothing frozen
        assert gc.get_freeze_count() == 0 and alive() is None
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def test_echoes_go_only_when_the_named_file_keeps_a_problem_of_its_own():
    """drop_echoes: two files whose messages quote each other keep both (dropping both let kaart check pass);
    a message about an id whose file has a mistake of its own goes until that file is right."""
    from generator.problems import Problemen

    mutual = Problemen()
    mutual.add("kaart/voorzieningen/a.yaml", 3, 1, "Onbekende organisatie 'b'.")
    mutual.add("kaart/organisaties/b.yaml", 4, 1, "Onbekende kern 'a'.")
    mutual.drop_echoes()
    assert len(mutual) == 2
    echo = Problemen()
    echo.add("kaart/voorzieningen/a.yaml", 3, 1, "Onbekende organisatie 'b'.")
    echo.add("kaart/organisaties/b.yaml", 4, 1, "Dit is geen geldige YAML.")
    echo.drop_echoes()
    assert [problem.path for problem in echo] == ["kaart/organisaties/b.yaml"]
