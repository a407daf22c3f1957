"""The files partners meet on GitHub: the pull-request workflow, the annotations it prints, and the
pull-request and issue templates."""

from __future__ import annotations


import pytest
import yaml

from support import ROOT
from generator.cli import main
from generator.problems import Probleem
from generator.vocabulary import DOELGROEPEN, THEMAS

GITHUB = ROOT / ".github"


@pytest.fixture(scope="module")
def workflow():
    data = yaml.safe_load((GITHUB / "workflows" / "kaart.yml").read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key 'on' as true
    return data


def steps(workflow) -> list[dict]:
    return workflow["jobs"]["controleren"]["steps"]


def step_index(workflow, text: str) -> int:
    return next(i for i, step in enumerate(steps(workflow)) if text in step.get("run", "") + str(step.get("uses", "")))


def test_workflow_runs_on_every_pull_request(workflow):
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["pull_request"] in (None, {})  # no branch or path filter


def test_workflow_checks_with_annotations_and_builds_the_whole_site(workflow):
    check = next(i for i, step in enumerate(steps(workflow)) if "kaart check --format github $basis" in step.get("run", ""))
    build = step_index(workflow, "kaart build")
    assert check < build
    assert steps(workflow)[build]["run"].strip() == "kaart build --site site"


def test_workflow_uploads_the_built_site_as_a_preview(workflow):
    upload = steps(workflow)[step_index(workflow, "actions/upload-artifact")]
    assert upload["uses"].startswith("actions/upload-artifact@v")
    assert upload["with"]["path"] == "site/"
    assert step_index(workflow, "kaart build") < step_index(workflow, "actions/upload-artifact")


def test_workflow_checks_ownership_with_the_base_branch_code_and_kaart(workflow):
    index = step_index(workflow, "--gewijzigd-door")
    step = steps(workflow)[index]
    assert step["env"]["AUTEUR"] == "${{ github.event.pull_request.user.login }}"
    assert step["env"]["BASIS"] == "${{ github.event.pull_request.base.sha }}"
    assert "${{" not in step["run"], "values from the event go through env, never into the script"
    assert '--gewijzigd-door "$AUTEUR"' in step["run"] and "--basis ../basis/kaart" in step["run"]
    assert "--no-renames" in step["run"] and "-z" in step["run"]
    # The proposal's own code is installed only after the ownership check.
    assert index < step_index(workflow, "pip install --quiet --disable-pip-version-check -e .")


def test_workflow_has_read_only_permissions(workflow):
    assert workflow["permissions"] == {"contents": "read"}


def test_annotation_format():
    problem = Probleem("kaart/voorzieningen/x.yaml", 7, 13, "50% klopt niet\nregel twee")
    assert problem.as_github() == "::error file=kaart/voorzieningen/x.yaml,line=7,col=13::50%25 klopt niet%0Aregel twee"


def test_annotation_escapes_the_file_name():
    assert Probleem("kaart/a,b:c.yaml", 1, 1, "x").as_github() == "::error file=kaart/a%2Cb%3Ac.yaml,line=1,col=1::x"


def test_kaart_check_github_format_points_at_file_line_and_column(mini_kaart, monkeypatch, capsys):
    path = mini_kaart / "voorzieningen" / "maaltijdservice.yaml"
    text = path.read_text(encoding="utf-8").replace("toegang: aanmelden", "toegang: misschien")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("toegang: misschien") + 1
    monkeypatch.chdir(mini_kaart.parent)
    assert main(["check", "--format", "github", "--kaart", "kaart"]) == 1
    out = [line for line in capsys.readouterr().out.strip().splitlines() if not line.startswith("::warning")]  # warnings (no KCC answer) do not fail the check
    assert out == [f"::error file=kaart/voorzieningen/maaltijdservice.yaml,line={line},col=10::'misschien' is geen geldige waarde. Kies uit: vrij, aanmelden, verwijzing, beschikking."]


def test_pull_request_template_is_dutch_and_asks_the_right_things():
    text = (GITHUB / "pull_request_template.md").read_text(encoding="utf-8")
    for phrase in ("Wat heb je veranderd?", "eigen organisatie", "laatst_gecontroleerd", "geen namen of gegevens van personen", "Files changed"):
        assert phrase in text


def issue_form(name: str) -> dict:
    return yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, title", [("er-klopt-iets-niet.yml", "Er klopt iets niet"), ("er-ontbreekt-iets.yml", "Er ontbreekt iets in de kaart")])
def test_issue_forms_exist_and_protect_privacy(name, title):
    form = issue_form(name)
    assert form["name"] == title and form["description"]
    ids = [item.get("id") for item in form["body"]]
    assert len(ids) == len(set(ids))
    privacy = next(item for item in form["body"] if item.get("id") == "privacy")
    assert all(option["required"] for option in privacy["attributes"]["options"])
    assert any(item.get("validations", {}).get("required") for item in form["body"] if item["type"] != "checkboxes")


def test_gap_form_offers_the_kaart_themes_and_target_groups():
    body = {item.get("id"): item for item in issue_form("er-ontbreekt-iets.yml")["body"]}
    assert body["thema"]["attributes"]["options"] == list(THEMAS.values())
    assert body["doelgroep"]["attributes"]["options"] == list(DOELGROEPEN.values())


def test_blank_issues_are_off_and_residents_are_sent_to_help():
    config = issue_form("config.yml")
    assert config["blank_issues_enabled"] is False
    assert any("112" in link["about"] for link in config["contact_links"])


def test_only_known_issue_templates():
    assert sorted(p.name for p in (GITHUB / "ISSUE_TEMPLATE").iterdir()) == ["config.yml", "er-klopt-iets-niet.yml", "er-ontbreekt-iets.yml"]
