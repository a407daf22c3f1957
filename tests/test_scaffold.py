"""`kaart nieuw`: commented Dutch templates made from the models, that validate once filled in."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from support import ROOT
from generator.cli import main
from generator.fieldinfo import DOCUMENTED_MODELS, blocks_in, velden
from generator.fields import PLACEHOLDER
from generator.models import RECORD_MODELS
from generator.scaffold import template_text
from generator.validate import load_kaart
from generator.vocabulary import SOORTEN

TODAY = dt.date(2026, 11, 23)
# The partner follows the instructions but names ids that exist in the mini kaart.
MINI_IDS = {
    "organisatie": "welzijn-proef", "kern": "akkerveen", "werkgebied": "proefgem", "naar": "sociaal-team-a",
    "welzijn-egelstede": "welzijn-proef", "brummerveen": "akkerveen", "egelstede": "proefgem", "noord": "gebied-a",
    "sociaal-team-noord": "sociaal-team-a", "gemeente-egelstede": "gemeente-proefgem",
}
FIELD_LINE = re.compile(r"^(\s*)# (\s*(?:- )?[a-z_]+:(?: .*)?)$")  # a commented-out field


def fill_in(text: str) -> str:
    """Replace every placeholder by the example written above it, as the instructions say."""
    lines, example = [], None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("# Voorbeeld: "):
            example = stripped.removeprefix("# Voorbeeld: ")
        if PLACEHOLDER in line and not stripped.startswith("#"):
            assert example is not None, f"no example above: {line}"
            key = stripped.lstrip("- ").split(":")[0]
            value = example
            if key in ("organisatie", "kern", "naar", "werkgebied"):
                value = MINI_IDS.get(example, MINI_IDS[key])  # an ingang belongs to the gemeente (trust rules)
            line = line.replace(PLACEHOLDER, value)
        if stripped and not stripped.startswith("#"):
            example = None
        lines.append(line)
    return "\n".join(lines) + "\n"


def switch_everything_on(text: str) -> str:
    """Remove '# ' before every commented field, at every depth, as a partner who uses all fields."""
    while True:
        changed = "\n".join(FIELD_LINE.sub(r"\1\2", line) for line in text.splitlines()) + "\n"
        if changed == text:
            return changed
        text = changed


def local_ids(text: str) -> str:
    """Example ids of the demo kaart become ids of the mini kaart."""
    for demo_id, mini_id in MINI_IDS.items():
        if "-" in demo_id or demo_id in ("brummerveen", "egelstede", "noord"):
            text = re.sub(rf"(?<![\w-]){re.escape(demo_id)}(?![\w-])", mini_id, text)
    return text


def write_record(kaart: Path, soort: str, record_id: str, text: str) -> Path:
    path = kaart / SOORTEN[soort][0] / f"{record_id}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("soort", list(RECORD_MODELS))
def test_filled_in_template_is_valid(mini_kaart, soort):
    write_record(mini_kaart, soort, "nieuw-record", fill_in(template_text(soort, "nieuw-record", TODAY)))
    kaart, problems = load_kaart(mini_kaart)
    assert [str(p) for p in problems] == []
    assert "nieuw-record" in kaart.records[soort]


@pytest.mark.parametrize("soort", list(RECORD_MODELS))
def test_template_with_every_optional_field_switched_on_is_valid(mini_kaart, soort):
    text = local_ids(switch_everything_on(fill_in(template_text(soort, "nieuw-record", TODAY))))
    assert "# " not in "\n".join(line for line in text.splitlines() if FIELD_LINE.match(line))
    write_record(mini_kaart, soort, "nieuw-record", text)
    kaart, problems = load_kaart(mini_kaart)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("soort", list(RECORD_MODELS))
def test_unfilled_template_names_every_placeholder_line(mini_kaart, soort):
    text = template_text(soort, "nieuw-record", TODAY)
    path = write_record(mini_kaart, soort, "nieuw-record", text)
    placeholder_lines = {n for n, line in enumerate(text.splitlines(), start=1) if PLACEHOLDER in line and not line.strip().startswith("#")}
    _, problems = load_kaart(mini_kaart)
    assert placeholder_lines
    assert {p.line for p in problems if p.path.endswith(path.name)} == placeholder_lines
    # whatever the field's type (a phone number, a choice, a list), the message says VUL IN is still there
    assert all(PLACEHOLDER in p.message for p in problems if p.path.endswith(path.name)), [str(p) for p in problems]


@pytest.mark.parametrize("soort", list(RECORD_MODELS))
def test_template_starts_with_the_schema_and_explains_every_field(soort):
    text = template_text(soort, "nieuw-record", TODAY)
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../schema/{soort}.schema.json"
    assert (ROOT / "kaart" / SOORTEN[soort][0] / "../../schema" / f"{soort}.schema.json").resolve().is_file()
    lines = text.splitlines()
    for veld in velden(RECORD_MODELS[soort]):
        index = next((i for i, line in enumerate(lines) if re.match(rf"^(# )?{veld.naam}:", line)), None)
        assert index is not None, f"{veld.naam} is not in the template"
        comment = " ".join(line.removeprefix("# ") for line in lines[max(0, index - 6):index] if line.startswith("# "))
        assert veld.beschrijving.split(".")[0] in comment, veld.naam
        assert ("(verplicht)" if veld.verplicht else "(niet verplicht)") in comment, veld.naam


def test_placeholder_in_a_text_field_gets_a_dutch_message(mini_kaart):
    path = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("naam: Formulierenhulp in de bibliotheek", f"naam: {PLACEHOLDER}"), encoding="utf-8")
    _, problems = load_kaart(mini_kaart)
    assert [(p.line, p.message.split(".")[0]) for p in problems] == [(2, f"Hier staat nog '{PLACEHOLDER}'")]


def test_words_vul_in_in_normal_text_are_fine(mini_kaart):
    path = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    text = path.read_text(encoding="utf-8").replace("Loop binnen tijdens het spreekuur.", "Vul in de app je gegevens in.")
    path.write_text(text, encoding="utf-8")
    assert list(load_kaart(mini_kaart)[1]) == []


def test_kaart_nieuw_writes_the_template(mini_kaart, capsys):
    assert main(["nieuw", "voorziening", "koffie-inloop", "--kaart", str(mini_kaart)]) == 0
    path = mini_kaart / "voorzieningen" / "koffie-inloop.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/voorziening.schema.json\n")
    assert "\nid: koffie-inloop\n" in text
    assert f"\nlaatst_gecontroleerd: {dt.date.today().isoformat()}\n" in text
    assert "Geschreven" in capsys.readouterr().out


def test_kaart_nieuw_refuses_to_overwrite(mini_kaart, capsys):
    path = mini_kaart / "voorzieningen" / "formulierenhulp.yaml"
    before = path.read_bytes()
    assert main(["nieuw", "voorziening", "formulierenhulp", "--kaart", str(mini_kaart)]) == 1
    assert path.read_bytes() == before
    assert "bestaat al" in capsys.readouterr().err


def test_kaart_nieuw_refuses_an_id_used_by_another_kind_of_record(mini_kaart, capsys):
    assert main(["nieuw", "voorziening", "school-akkerveen", "--kaart", str(mini_kaart)]) == 1
    assert not (mini_kaart / "voorzieningen" / "school-akkerveen.yaml").exists()
    assert "wordt al gebruikt" in capsys.readouterr().err


@pytest.mark.parametrize("bad_id", ["Buurthuis", "buurthuis de spil", "café", "-begin", "a--b", "../buiten"])
def test_kaart_nieuw_refuses_an_invalid_id(mini_kaart, capsys, bad_id):
    before = sorted(p.relative_to(mini_kaart) for p in mini_kaart.rglob("*"))
    assert main(["nieuw", "--kaart", str(mini_kaart), "voorziening", "--", bad_id]) == 1
    assert "geen geldige id" in capsys.readouterr().err
    assert sorted(p.relative_to(mini_kaart) for p in mini_kaart.rglob("*")) == before


def test_kaart_nieuw_refuses_an_unknown_kind(mini_kaart, capsys):
    with pytest.raises(SystemExit):
        main(["nieuw", "buurthuis", "x", "--kaart", str(mini_kaart)])


def test_every_model_field_has_a_description():
    """The field reference and the templates show these; none may be empty."""
    models = [*DOCUMENTED_MODELS.values(), *blocks_in(DOCUMENTED_MODELS.values())]
    missing = [f"{model.__name__}.{veld.naam}" for model in models for veld in velden(model) if not veld.beschrijving.strip()]
    assert missing == []
