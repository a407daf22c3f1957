"""`kaart check` on broken wegwijzers: each mistake gets a Dutch message at the right file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.validate import load_kaart


def problems_for(kaart: Path) -> list[str]:
    loaded, problems = load_kaart(kaart)
    return [str(p) for p in problems.sorted()]


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    """The 1-based number of the line containing `text` (its n-th occurrence)."""
    hits = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line]
    return hits[occurrence - 1]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def only_problem(kaart: Path, path: Path, line: int) -> str:
    """The one problem found: it must be in `path` at `line`; returns its message."""
    found = problems_for(kaart)
    assert len(found) == 1, found
    where, message = found[0].split(": ", 1)
    file, number, _column = where.rsplit(":", 2)
    assert Path(file).parts[-2:] == path.parts[-2:] and int(number) == line, found
    return message


def test_the_fixture_wegwijzer_is_valid_and_loaded(ww_kaart):
    kaart, problems = load_kaart(ww_kaart)
    assert list(problems) == []
    wegwijzer = kaart.extras["wegwijzer"]
    assert wegwijzer.start.id == "gevaar" and len(wegwijzer.paden()) == 3


def test_a_kaart_without_wegwijzer_is_still_valid(mini_kaart):
    kaart, problems = load_kaart(mini_kaart)
    assert list(problems) == [] and "wegwijzer" not in kaart.extras


def test_answer_with_both_a_question_and_an_outcome(ww_kaart):
    vraag = ww_kaart / "wegwijzer" / "vragen" / "gevaar.yaml"
    edit(vraag, "    uitkomst: crisis\n", "    uitkomst: crisis\n    vraag: onderwerp\n")
    found = problems_for(ww_kaart)
    assert len(found) == 1 and f"gevaar.yaml:{line_of(vraag, '- id: ja')}:" in found[0], found
    assert "niet allebei" in found[0]


def test_unreachable_question_and_outcome(ww_kaart):
    vragen = ww_kaart / "wegwijzer" / "vragen"
    (vragen / "los.yaml").write_text("id: los\ntekst: Een losse vraag?\nantwoorden:\n  - id: a\n    tekst: A\n    uitkomst: formulieren\n  - id: b\n    tekst: B\n    uitkomst: losse-uitkomst\n", encoding="utf-8")
    (ww_kaart / "wegwijzer" / "uitkomsten" / "losse-uitkomst.yaml").write_text(
        "id: losse-uitkomst\ntitel: Los\nsamenvatting: Los.\nadvies: Los.\ningang: sociaal-team\n", encoding="utf-8")
    found = problems_for(ww_kaart)
    assert len(found) == 2, found
    assert any("uitkomsten/losse-uitkomst.yaml:1:5: Deze uitkomst is niet bereikbaar" in p for p in found), found
    assert any("vragen/los.yaml:1:5: Deze vraag is niet bereikbaar: vanaf de startvraag 'gevaar'" in p for p in found), found


def test_named_ingang_must_serve_every_kern(ww_kaart):
    (ww_kaart / "ingangen" / "loket-a.yaml").write_text(
        (ww_kaart / "ingangen" / "sociaal-team-a.yaml").read_text(encoding="utf-8")
        .replace("id: sociaal-team-a", "id: loket-a").replace("soort: sociaal-team", "soort: wmo-loket"), encoding="utf-8")
    uitkomst = ww_kaart / "wegwijzer" / "uitkomsten" / "formulieren.yaml"
    edit(uitkomst, "ingang: sociaal-team", "ingang: loket-a")
    message = only_problem(ww_kaart, uitkomst, line_of(uitkomst, "ingang:"))
    assert "is er niet voor kern Cranenburg" in message


def test_path_longer_than_six_questions(ww_kaart):
    vragen = ww_kaart / "wegwijzer" / "vragen"
    edit(vragen / "gevaar.yaml", "vraag: onderwerp", "vraag: stap-2")
    for number in range(2, 7):
        target = f"stap-{number + 1}" if number < 6 else "onderwerp"
        (vragen / f"stap-{number}.yaml").write_text(
            f"id: stap-{number}\ntekst: Vraag {number}?\nantwoorden:\n  - id: verder\n    tekst: Verder\n    vraag: {target}\n"
            "  - id: klaar\n    tekst: Klaar\n    uitkomst: formulieren\n", encoding="utf-8")
    stap6 = vragen / "stap-6.yaml"
    message = only_problem(ww_kaart, stap6, line_of(stap6, "vraag: onderwerp"))
    assert "7e vraag ('onderwerp')" in message and "gevaar → stap-2 → stap-3 → stap-4 → stap-5 → stap-6 → onderwerp" in message
    assert "hoogstens 6 vragen" in message


def test_start_must_ask_about_danger(ww_kaart):
    vraag = ww_kaart / "wegwijzer" / "vragen" / "gevaar.yaml"
    edit(vraag, "uitkomst: crisis", "uitkomst: formulieren")
    (ww_kaart / "wegwijzer" / "uitkomsten" / "crisis.yaml").unlink()
    message = only_problem(ww_kaart, vraag, line_of(vraag, "tekst: Is er nu"))
    assert "Veiligheid eerst" in message


def test_unknown_start_question(ww_kaart):
    info = ww_kaart / "wegwijzer" / "wegwijzer.yaml"
    edit(info, "start: gevaar", "start: gevaarr")
    found = problems_for(ww_kaart)
    assert any(f"wegwijzer.yaml:{line_of(info, 'start:')}:" in p and "De startvraag 'gevaarr' bestaat niet. Bedoel je 'gevaar'?" in p for p in found), found


def test_crisis_outcome_must_be_urgent_and_unknown_fields_are_reported(ww_kaart):
    uitkomst = ww_kaart / "wegwijzer" / "uitkomsten" / "crisis.yaml"
    edit(uitkomst, "urgentie: nu", "urgentie: gewoon\nurgent: ja")
    found = problems_for(ww_kaart)
    assert any(f"crisis.yaml:{line_of(uitkomst, 'urgent: ja')}:" in p and "Het veld 'urgent' bestaat niet. Bedoel je 'urgentie'?" in p for p in found), found


def test_unknown_file_in_the_wegwijzer_folder(ww_kaart):
    (ww_kaart / "wegwijzer" / "vragen.yaml").write_text("id: x\n", encoding="utf-8")
    (ww_kaart / "wegwijzer" / "vragen" / "notitie.txt").write_text("x", encoding="utf-8")
    found = problems_for(ww_kaart)
    assert len(found) == 2, found
    assert any("vragen/notitie.txt:1:1: Dit bestand wordt niet gelezen" in p for p in found), found
    assert any("wegwijzer/vragen.yaml:1:1: 'vragen.yaml' hoort niet in de map wegwijzer" in p for p in found), found


def test_kaart_check_prints_file_line_and_fails(ww_kaart, capsys):
    vraag = ww_kaart / "wegwijzer" / "vragen" / "onderwerp.yaml"
    edit(vraag, "uitkomst: formulieren", "uitkomst: formulier")
    assert main(["check", "--kaart", str(ww_kaart)]) == 1
    out = capsys.readouterr().out
    assert f"onderwerp.yaml:{line_of(vraag, 'uitkomst: formulier')}:" in out and "bestaat niet" in out
    assert "Traceback" not in out


@pytest.mark.parametrize("broken", ["start: [gevaar]\ninleiding: x\n", "start: gevaar\n"])
def test_broken_info_file(ww_kaart, broken):
    (ww_kaart / "wegwijzer" / "wegwijzer.yaml").write_text(broken, encoding="utf-8")
    found = problems_for(ww_kaart)
    assert found and all("wegwijzer.yaml:" in p for p in found), found


# One edit to the fixture wegwijzer → exactly one problem, in that file, on the line holding `marker`.
ONE_EDIT_CASES = {
    "cycle, reported at the answer that closes it": (
        "vragen/onderwerp.yaml", "    uitkomst: sociaal-team", "    vraag: gevaar", "vraag: gevaar",
        ["terug naar vraag 'gevaar'", "gevaar → onderwerp → gevaar", "rondjes"]),
    "answer to an unknown outcome is a dead end": (
        "vragen/onderwerp.yaml", "uitkomst: formulieren", "uitkomst: formulier", "uitkomst: formulier",
        ["uitkomst 'formulier', maar die bestaat niet", "Bedoel je 'formulieren'?", "doodlopende"]),
    "answer to an unknown question": (
        "vragen/gevaar.yaml", "vraag: onderwerp", "vraag: onderwerpen", "vraag: onderwerpen",
        ["vraag 'onderwerpen', maar die bestaat niet", "vragen/onderwerpen.yaml"]),
    "unknown ingang in an outcome": (
        "uitkomsten/formulieren.yaml", "ingang: sociaal-team", "ingang: sociaal-teem", "ingang:",
        ["Onbekende ingang 'sociaal-teem'", "Bedoel je 'sociaal-team'?"]),
    "one area's sociaal team as ingang": (
        "uitkomsten/formulieren.yaml", "ingang: sociaal-team", "ingang: sociaal-team-a", "ingang:",
        ["Schrijf 'ingang: sociaal-team'"]),
    "unknown voorziening in uitgelicht": (
        "uitkomsten/formulieren.yaml", "  themas: [formulieren-en-juridisch]\n",
        "  themas: [formulieren-en-juridisch]\n  uitgelicht:\n    - formulierhulp\n", "- formulierhulp",
        ["Onbekende voorziening 'formulierhulp'", "Bedoel je 'formulierenhulp'?"]),
    "unknown hulplijn": (
        "uitkomsten/crisis.yaml", "ingang: crisis\n", "ingang: crisis\nhulplijnen: [alarmnummer-112, alarmnummer-113]\n", "hulplijnen:",
        ["Onbekende ingang 'alarmnummer-113'"]),
    "cliëntondersteuning for a law nobody covers": (
        "uitkomsten/sociaal-team.yaml", "clientondersteuning: [wmo]", "clientondersteuning: [participatiewet]", "clientondersteuning:",
        ["geen cliëntondersteuner", "Akkerveen, Beekzand, Cranenburg"]),
    "id must match the file name": (
        "uitkomsten/formulieren.yaml", "id: formulieren", "id: formulier", "id: formulier",
        ["moet gelijk zijn aan de bestandsnaam 'formulieren'"]),
}


@pytest.mark.parametrize("case", ONE_EDIT_CASES, ids=list(ONE_EDIT_CASES))
def test_one_mistake_one_message_on_its_line(ww_kaart, case):
    relative, old, new, marker, fragments = ONE_EDIT_CASES[case]
    path = ww_kaart / "wegwijzer" / relative
    edit(path, old, new)
    message = only_problem(ww_kaart, path, line_of(path, marker))
    assert all(fragment in message for fragment in fragments), message
