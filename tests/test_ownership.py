"""Ownership: CODEOWNERS from the beheerders, the staleness check, and the pull-request check
(a partner's account may change only its own organisation's files), ending with a pull request
simulated on a temporary git repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import MINI_KAART, ROOT
from generator.cli import main
from generator.ownership import check_changes, check_codeowners, codeowners_text, write_codeowners
from generator.problems import Problemen
from generator.validate import load_kaart

GEMEENTE, PARTNER = "proefgem-beheer", "welzijn-proef"
PARTNER_FILES = {
    "kaart/organisaties/welzijn-proef.yaml",
    "kaart/voorzieningen/formulierenhulp.yaml",
    "kaart/voorzieningen/maaltijdservice.yaml",
    "kaart/clientondersteuners/ondersteuning-proef.yaml",
}


def all_files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / "kaart").rglob("*.yaml")} | {"kaart/gebieden.yaml", ".github/CODEOWNERS", "generator/cli.py", "mkdocs.yml"}


def owners_by_codeowners(text: str, path: str) -> set[str]:
    """GitHub's rule for our patterns: the last matching line wins."""
    owners: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *accounts = line.split()
        anchored = pattern.lstrip("/")
        if pattern == "*" or (pattern.endswith("/") and path.startswith(anchored)) or path == anchored:
            owners = {a.removeprefix("@") for a in accounts}
    return owners


# --- CODEOWNERS ---------------------------------------------------------------------------


def test_codeowners_gives_the_gemeente_everything_but_the_record_folders(mini_kaart):
    """Records have no code owner: the pull-request check is their gate (see generator/ownership.py)."""
    kaart, _ = load_kaart(mini_kaart)
    text = codeowners_text(kaart)
    root = mini_kaart.parent
    assert "* @proefgem-beheer" in text.splitlines()
    for path in all_files(root):
        owners = owners_by_codeowners(text, path)
        is_record = path.count("/") == 2 and path.split("/")[1] in ("voorzieningen", "vindplaatsen", "clientondersteuners", "ingangen", "organisaties")
        assert owners == (set() if is_record else {GEMEENTE}), path


def test_codeowners_does_not_change_with_partner_records_or_beheerders(mini_kaart):
    kaart, _ = load_kaart(mini_kaart)
    before = codeowners_text(kaart)
    path = mini_kaart / "organisaties" / "welzijn-proef.yaml"
    path.write_text(path.read_text().replace("beheerders: [welzijn-proef]", "beheerders: [welzijn-proef, '@Collega-Twee']"))
    shutil.copy(mini_kaart / "voorzieningen" / "formulierenhulp.yaml", mini_kaart / "voorzieningen" / "nieuw-aanbod.yaml")
    edit(mini_kaart / "voorzieningen" / "nieuw-aanbod.yaml", "id: formulierenhulp", "id: nieuw-aanbod")
    kaart, problems = load_kaart(mini_kaart)
    assert not problems
    assert codeowners_text(kaart) == before


def test_a_beheerder_must_be_a_github_account(mini_kaart):
    path = mini_kaart / "organisaties" / "welzijn-proef.yaml"
    path.write_text(path.read_text().replace("beheerders: [welzijn-proef]", "beheerders: [Jan de Vries]"))
    _, problems = load_kaart(mini_kaart)
    mine = [p for p in problems if p.path.endswith("welzijn-proef.yaml")]
    assert [(p.line, p.column, "'Jan de Vries' is geen GitHub-account" in p.message) for p in mine] == [(6, 14, True)]


def test_kaart_codeowners_writes_the_file_next_to_the_kaart(mini_kaart, capsys):
    assert main(["codeowners", "--kaart", str(mini_kaart)]) == 0
    kaart, _ = load_kaart(mini_kaart)
    assert (mini_kaart.parent / ".github" / "CODEOWNERS").read_text() == codeowners_text(kaart)


def test_kaart_codeowners_refuses_an_invalid_kaart(mini_kaart, capsys):
    (mini_kaart / "voorzieningen" / "formulierenhulp.yaml").write_text("id: formulierenhulp\n")
    assert main(["codeowners", "--kaart", str(mini_kaart)]) == 1
    assert not (mini_kaart.parent / ".github").exists()


def test_check_is_quiet_without_a_codeowners_file(mini_kaart):
    kaart, _ = load_kaart(mini_kaart)
    problems = Problemen()
    check_codeowners(kaart, problems)
    assert problems == []


def test_check_fails_on_stale_codeowners_only_when_the_kaart_is_otherwise_valid(mini_kaart, capsys, monkeypatch):
    kaart, _ = load_kaart(mini_kaart)
    write_codeowners(kaart)
    assert main(["check", "--kaart", str(mini_kaart)]) == 0
    path = mini_kaart / "organisaties" / "gemeente-proefgem.yaml"
    path.write_text(path.read_text().replace("  - proefgem-beheer", "  - proefgem-beheer\n  - nieuwe-collega"))
    monkeypatch.chdir(mini_kaart.parent)
    edit(mini_kaart / "voorzieningen" / "formulierenhulp.yaml", "toegang: vrij", "toegang: misschien")
    assert main(["check", "--kaart", "kaart"]) == 1
    out = capsys.readouterr().out
    assert "CODEOWNERS" not in out and "toegang" not in out or "misschien" in out  # one thing at a time: the record first
    edit(mini_kaart / "voorzieningen" / "formulierenhulp.yaml", "toegang: misschien", "toegang: vrij")
    assert main(["check", "--kaart", "kaart"]) == 1
    out = capsys.readouterr().out
    line = next(n for n, l in enumerate(codeowners_text(kaart).splitlines(), start=1) if l.startswith("* "))
    assert re.search(rf"^\.github/CODEOWNERS:{line}:1: .*'kaart codeowners'", out, re.M), out
    assert main(["codeowners", "--kaart", "kaart"]) == 0
    assert main(["check", "--kaart", "kaart"]) == 0


def test_codeowners_of_another_kaart_in_the_same_repository_is_left_alone(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copytree(MINI_KAART, tmp_path / "kaart")
    shutil.copytree(MINI_KAART, tmp_path / "tests" / "fixtures" / "mini")
    assert main(["codeowners", "--kaart", str(tmp_path / "kaart")]) == 0
    assert "# kaart-map: kaart" in (tmp_path / ".github" / "CODEOWNERS").read_text().splitlines()
    fixture, _ = load_kaart(tmp_path / "tests" / "fixtures" / "mini")
    problems = Problemen()
    check_codeowners(fixture, problems)
    assert problems == []


def test_hand_written_codeowners_is_reported(mini_kaart):
    (mini_kaart.parent / ".github").mkdir()
    (mini_kaart.parent / ".github" / "CODEOWNERS").write_text("* @iemand\n")
    kaart, _ = load_kaart(mini_kaart)
    problems = Problemen()
    check_codeowners(kaart, problems)
    assert [(p.line, p.column) for p in problems] == [(1, 1)]


# --- the pull-request check -------------------------------------------------------------------


def copies(tmp_path: Path, kaart: Path) -> tuple:
    """Two copies of a kaart: the target branch (base, loaded) and the proposal (head folder)."""
    for name in ("base", "head"):
        shutil.copytree(kaart, tmp_path / name / "kaart")
    base, _ = load_kaart(tmp_path / "base" / "kaart")
    return base, tmp_path / "head" / "kaart"


@pytest.fixture
def base_and_head(tmp_path):
    """The mini kaart as base and head."""
    return copies(tmp_path, MINI_KAART)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def refused(base, head, account: str, files: list[str]) -> dict[str, tuple[int, str]]:
    return {Path(p.path).relative_to(head.parent).as_posix() if Path(p.path).is_absolute() else p.path: (p.line, p.message)
            for p in check_changes(account, files, head, base)}


def test_a_partner_owns_exactly_its_own_records(base_and_head):
    base, head = base_and_head
    files = sorted(all_files(head.parent))
    assert set(files) - set(refused(base, head, PARTNER, files)) == PARTNER_FILES
    assert refused(base, head, GEMEENTE, files) == {}


def test_a_partner_may_change_its_own_record(base_and_head):
    base, head = base_and_head
    edit(head / "voorzieningen" / "formulierenhulp.yaml", "wo: 13.00-15.00", "wo: 13.00-16.00")
    assert refused(base, head, PARTNER, ["kaart/voorzieningen/formulierenhulp.yaml"]) == {}
    assert refused(base, head, "@Welzijn-Proef", ["kaart/voorzieningen/formulierenhulp.yaml"]) == {}


def test_a_partner_may_not_change_another_organisations_record(base_and_head):
    base, head = base_and_head
    edit(head / "ingangen" / "sociaal-team-a.yaml", "di: 9.00-11.00", "di: 9.00-12.00")
    result = refused(base, head, PARTNER, ["kaart/ingangen/sociaal-team-a.yaml"])
    assert list(result) == ["kaart/ingangen/sociaal-team-a.yaml"]
    assert "gemeente-proefgem" in result["kaart/ingangen/sociaal-team-a.yaml"][1]


@pytest.mark.parametrize("head_name", ["g6kaart", "kaart-kopie"])
def test_a_kaart_folder_with_another_name_is_compared_file_by_file(tmp_path, head_name):
    """Checked with --kaart <copy> --basis <repository>/kaart: an edit of an existing file is an edit (its owner is
    asked), not 'a second file with the same id'; the kaart folder's name does not matter."""
    shutil.copytree(MINI_KAART, tmp_path / "base" / "kaart")
    shutil.copytree(MINI_KAART, tmp_path / "elders" / head_name)
    base, _ = load_kaart(tmp_path / "base" / "kaart")
    head = tmp_path / "elders" / head_name
    edit(head / "ingangen" / "sociaal-team-a.yaml", "di: 9.00-11.00", "di: 9.00-12.00")
    edit(head / "voorzieningen" / "formulierenhulp.yaml", "wo: 13.00-15.00", "wo: 13.00-16.00")
    result = refused(base, head, PARTNER, [f"{head_name}/ingangen/sociaal-team-a.yaml", f"{head_name}/voorzieningen/formulierenhulp.yaml"])
    assert list(result) == [f"{head_name}/ingangen/sociaal-team-a.yaml"], result
    message = result[f"{head_name}/ingangen/sociaal-team-a.yaml"][1]
    assert "gemeente-proefgem" in message and "tweede bestand" not in message


def test_a_partner_may_add_a_record_for_its_own_organisation_only(base_and_head):
    base, head = base_and_head
    source = (head / "voorzieningen" / "maaltijdservice.yaml").read_text()
    (head / "voorzieningen" / "eigen-nieuw.yaml").write_text(source.replace("id: maaltijdservice", "id: eigen-nieuw"))
    (head / "voorzieningen" / "andermans-nieuw.yaml").write_text(source.replace("id: maaltijdservice", "id: andermans-nieuw").replace("organisatie: welzijn-proef", "organisatie: gemeente-proefgem"))
    result = refused(base, head, PARTNER, ["kaart/voorzieningen/eigen-nieuw.yaml", "kaart/voorzieningen/andermans-nieuw.yaml"])
    assert list(result) == ["kaart/voorzieningen/andermans-nieuw.yaml"]
    assert result["kaart/voorzieningen/andermans-nieuw.yaml"][0] == 3  # the line of 'organisatie:'


def test_a_partner_may_not_give_its_record_to_another_organisation(base_and_head):
    base, head = base_and_head
    edit(head / "voorzieningen" / "formulierenhulp.yaml", "organisatie: welzijn-proef", "organisatie: gemeente-proefgem")
    assert list(refused(base, head, PARTNER, ["kaart/voorzieningen/formulierenhulp.yaml"])) == ["kaart/voorzieningen/formulierenhulp.yaml"]


def test_ownership_comes_from_the_base_not_from_the_proposal(base_and_head):
    """Adding yourself as beheerder of another organisation in the same proposal does not help."""
    base, head = base_and_head
    edit(head / "organisaties" / "gemeente-proefgem.yaml", "  - proefgem-beheer", "  - proefgem-beheer\n  - welzijn-proef")
    edit(head / "ingangen" / "sociaal-team-a.yaml", "di: 9.00-11.00", "di: 9.00-12.00")
    files = ["kaart/organisaties/gemeente-proefgem.yaml", "kaart/ingangen/sociaal-team-a.yaml"]
    assert sorted(refused(base, head, PARTNER, files)) == sorted(files)


def test_a_partner_may_not_make_its_organisation_the_gemeente(base_and_head):
    base, head = base_and_head
    edit(head / "organisaties" / "welzijn-proef.yaml", "soort: welzijn", "soort: gemeente")
    result = refused(base, head, PARTNER, ["kaart/organisaties/welzijn-proef.yaml"])
    assert result["kaart/organisaties/welzijn-proef.yaml"][0] == 3


def test_a_partner_may_not_add_an_organisation(base_and_head):
    base, head = base_and_head
    shutil.copy(head / "organisaties" / "welzijn-proef.yaml", head / "organisaties" / "nieuwe-stichting.yaml")
    assert list(refused(base, head, PARTNER, ["kaart/organisaties/nieuwe-stichting.yaml"])) == ["kaart/organisaties/nieuwe-stichting.yaml"]


def test_a_partner_may_remove_its_own_record_but_not_anothers(base_and_head):
    base, head = base_and_head
    (head / "voorzieningen" / "maaltijdservice.yaml").unlink()
    (head / "ingangen" / "sociaal-team-b.yaml").unlink()
    result = refused(base, head, PARTNER, ["kaart/voorzieningen/maaltijdservice.yaml", "kaart/ingangen/sociaal-team-b.yaml"])
    assert list(result) == ["kaart/ingangen/sociaal-team-b.yaml"]


@pytest.mark.parametrize("without", ["", "organisatie:\n", "organisatie: ''\n"])
def test_a_partner_may_not_hand_its_own_vindplaats_to_the_gemeente(tmp_path, without):
    """'organisatie' is optional for a vindplaats, and a vindplaats without one is the gemeente's:
    dropping it would publish the partner's text as the gemeente's place."""
    own = tmp_path / "eigen" / "kaart"
    shutil.copytree(MINI_KAART, own)
    edit(own / "vindplaatsen" / "school-akkerveen.yaml", "soort: school\n", "soort: school\norganisatie: welzijn-proef\n")
    base, head = copies(tmp_path, own)
    assert refused(base, head, PARTNER, ["kaart/vindplaatsen/school-akkerveen.yaml"]) == {}
    edit(head / "vindplaatsen" / "school-akkerveen.yaml", "organisatie: welzijn-proef\n", without)
    result = refused(base, head, PARTNER, ["kaart/vindplaatsen/school-akkerveen.yaml"])
    line, message = result["kaart/vindplaatsen/school-akkerveen.yaml"]
    assert "niet weghalen" in message and "organisatie: welzijn-proef" in message
    assert line == (4 if without else 1)
    assert refused(base, head, GEMEENTE, ["kaart/vindplaatsen/school-akkerveen.yaml"]) == {}


@pytest.mark.parametrize("path", ["kaart/gebieden.yaml", ".github/CODEOWNERS", ".github/workflows/kaart.yml", "generator/ownership.py",
                                  "kaart/../generator/cli.py", "kaart/voorzieningen/sub/x.yaml", "../buiten.yaml", "/etc/passwd", "kaart/README.md"])
def test_a_partner_may_not_change_anything_else(base_and_head, path):
    base, head = base_and_head
    assert len(check_changes(PARTNER, [path], head, base)) == 1


def test_an_unknown_account_may_change_nothing(base_and_head):
    base, head = base_and_head
    files = sorted(all_files(head.parent))
    assert len(check_changes("iemand-anders", files, head, base)) == len(files)


# --- a pull request, simulated on a git repository --------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def ownership_step_script() -> str:
    """The workflow's ownership step, run with this checkout's code instead of a fresh install."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "kaart.yml").read_text())
    step = next(s for s in workflow["jobs"]["controleren"]["steps"] if "--gewijzigd-door" in s.get("run", ""))
    lines = [line for line in step["run"].splitlines() if "venv" not in line or "bin/kaart" in line]
    return "\n".join(lines).replace("../basis-venv/bin/kaart", f"{sys.executable} -m generator.cli")


@pytest.fixture
def repo(tmp_path):
    """A repository like a partner's fork: the mini kaart, a generated CODEOWNERS, one commit on main."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    shutil.copytree(MINI_KAART, repo / "kaart")
    assert main(["codeowners", "--kaart", str(repo / "kaart")]) == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Kaart")
    git(repo, "checkout", "-q", "-b", "voorstel")
    return repo


def pull_request(repo: Path, author: str) -> subprocess.CompletedProcess:
    git(repo, "commit", "-q", "-a", "-m", "Voorstel")
    base = git(repo, "rev-parse", "main").strip()
    env = {**os.environ, "AUTEUR": author, "BASIS": base, "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["bash", "-e", "-c", ownership_step_script()], cwd=repo, env=env, capture_output=True, text=True)


def kaart_check_github(repo: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", "check", "--format", "github"], cwd=repo, capture_output=True, text=True)


def test_pull_request_by_the_owner_passes(repo):
    edit(repo / "kaart" / "voorzieningen" / "formulierenhulp.yaml", "wo: 13.00-15.00", "wo: 13.00-16.00")
    result = pull_request(repo, PARTNER)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mag alle 1 gewijzigde bestanden aanpassen" in result.stderr
    check = kaart_check_github(repo)
    assert check.returncode == 0, check.stdout + check.stderr


def test_pull_request_changing_another_organisations_file_is_refused(repo):
    edit(repo / "kaart" / "voorzieningen" / "formulierenhulp.yaml", "wo: 13.00-15.00", "wo: 13.00-16.00")
    edit(repo / "kaart" / "ingangen" / "sociaal-team-a.yaml", "di: 9.00-11.00", "di: 9.00-12.00")
    result = pull_request(repo, PARTNER)
    assert result.returncode != 0
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1
    assert errors[0].startswith("::error file=kaart/ingangen/sociaal-team-a.yaml,line=1,col=1::@welzijn-proef mag dit bestand niet aanpassen")


def test_pull_request_by_the_gemeente_may_change_anything(repo):
    edit(repo / "kaart" / "gebieden.yaml", "naam: Gebied B", "naam: Gebied Oost")
    (repo / ".github" / "CODEOWNERS").write_text("* @proefgem-beheer\n")
    assert pull_request(repo, GEMEENTE).returncode == 0


def test_pull_request_with_a_mistake_gets_annotations_on_the_right_line(repo):
    path = repo / "kaart" / "voorzieningen" / "formulierenhulp.yaml"
    edit(path, "  telefoon: 0523 800 300", "  telefoon: 0523 12 34")
    edit(path, "toegang: vrij", "toegang: misschien")
    assert pull_request(repo, PARTNER).returncode == 0  # the owner may change it …
    check = kaart_check_github(repo)  # … but the check refuses the mistakes, on their lines
    assert check.returncode == 1
    lines = path.read_text().splitlines()
    expected = {(lines.index("  telefoon: 0523 12 34") + 1, 13), (lines.index("toegang: misschien") + 1, 10)}
    found = {(int(m.group(1)), int(m.group(2))) for m in re.finditer(r"^::error file=kaart/voorzieningen/formulierenhulp\.yaml,line=(\d+),col=(\d+)::\S", check.stdout, re.M)}
    assert found == expected, check.stdout
    assert "geen geldig Nederlands telefoonnummer" in check.stdout


def test_pull_request_adding_a_colleague_to_ones_own_organisation_is_green(repo):
    edit(repo / "kaart" / "organisaties" / "welzijn-proef.yaml", "beheerders: [welzijn-proef]", "beheerders: [welzijn-proef, nieuwe-collega]")
    assert pull_request(repo, PARTNER).returncode == 0
    check = kaart_check_github(repo)
    assert check.returncode == 0, check.stdout + check.stderr


def workflow_steps(repo: Path, author: str) -> list[subprocess.CompletedProcess]:
    """Every step of the pull-request workflow, as it runs them: ownership with the base branch,
    then the full check (with the base kaart to tell new files from old), then the build."""
    results = [pull_request(repo, author)]
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")  # the site's own configuration and pages, as in the repository
    shutil.copytree(ROOT / "docs", repo / "docs")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "kaart.yml").read_text())
    for step in workflow["jobs"]["controleren"]["steps"]:
        run = step.get("run", "")
        if run.startswith("kaart ") or "\nkaart " in run or " kaart check" in run:
            script = run.replace("kaart check", f"{sys.executable} -m generator.cli check").replace("kaart build", f"{sys.executable} -m generator.cli build")
            results.append(subprocess.run(["bash", "-e", "-c", script], cwd=repo, capture_output=True, text=True, env={**os.environ, "GIT_CONFIG_GLOBAL": os.devnull}))
    return results


@pytest.mark.parametrize("how", ["new", "renamed", "new-yml"])
def test_a_partners_new_or_renamed_record_passes_the_workflow(repo, how):
    folder = repo / "kaart" / "voorzieningen"
    if how == "renamed":
        git(repo, "mv", "kaart/voorzieningen/maaltijdservice.yaml", "kaart/voorzieningen/warme-maaltijd.yaml")
        edit(folder / "warme-maaltijd.yaml", "id: maaltijdservice", "id: warme-maaltijd")
    else:
        name = "koffie-inloop" + (".yml" if how == "new-yml" else ".yaml")
        shutil.copy(folder / "formulierenhulp.yaml", folder / name)
        edit(folder / name, "id: formulierenhulp", "id: koffie-inloop")
        git(repo, "add", "-A")
    steps = workflow_steps(repo, PARTNER)
    assert len(steps) >= 3  # ownership, check, build
    for result in steps:
        assert result.returncode == 0, result.args[-1][:200] + result.stdout + result.stderr


def test_a_yml_copy_of_another_organisations_record_is_red_on_the_new_file(repo):
    folder = repo / "kaart" / "ingangen"
    text = (folder / "sociaal-team-a.yaml").read_text().replace("0523 800 100", "0523 999 999")
    (folder / "sociaal-team-a.yml").write_text(text)
    git(repo, "add", "-A")
    steps = workflow_steps(repo, PARTNER)
    ownership, check = steps[0], steps[1]
    assert ownership.returncode != 0 and "sociaal-team-a.yml" in ownership.stdout
    assert check.returncode == 1
    errors = "\n".join(line for line in check.stdout.splitlines() if line.startswith("::error"))
    assert "file=kaart/ingangen/sociaal-team-a.yml," in errors and "file=kaart/ingangen/sociaal-team-a.yaml," not in errors


# --- a region: each gemeente keeps its own records -------------------------------------------------

EGELSTEDE, WOLDERBEEK = "gemeente-egelstede-beheer", "gemeente-wolderbeek-beheer"


@pytest.fixture
def region_base_and_head(tmp_path):
    """The demo kaart (Egelstede and Wolderbeek) as base and head."""
    from support import DEMO_KAART

    return copies(tmp_path, DEMO_KAART)


@pytest.mark.parametrize("account, own, other", [
    (WOLDERBEEK, "ingangen/kcc-wolderbeek.yaml", "ingangen/kcc-egelstede.yaml"),
    (EGELSTEDE, "ingangen/kcc-egelstede.yaml", "ingangen/kcc-wolderbeek.yaml"),
])
def test_a_gemeente_may_change_its_own_ingangen_but_not_the_other_gemeentes(region_base_and_head, account, own, other):
    base, head = region_base_and_head
    for name in (own, other):
        edit(head / name, "laatst_gecontroleerd: ", "laatst_gecontroleerd:  ")
    result = refused(base, head, account, [f"kaart/{own}", f"kaart/{other}"])
    assert list(result) == [f"kaart/{other}"]
    line, message = result[f"kaart/{other}"]
    assert line == 1 and "Elke gemeente beheert haar eigen records" in message and f"@{account}" in message


@pytest.mark.parametrize("account, other", [(WOLDERBEEK, "gemeente-egelstede"), (EGELSTEDE, "gemeente-wolderbeek")])
def test_a_gemeente_may_not_change_the_other_gemeentes_beheerders(region_base_and_head, account, other):
    base, head = region_base_and_head
    edit(head / "organisaties" / f"{other}.yaml", "beheerders: [", f"beheerders: [{account}, ")
    assert list(refused(base, head, account, [f"kaart/organisaties/{other}.yaml"])) == [f"kaart/organisaties/{other}.yaml"]


def test_a_gemeente_may_not_add_or_take_over_a_record_for_the_other_gemeente(region_base_and_head):
    base, head = region_base_and_head
    new = head / "ingangen" / "sociaal-team-extra.yaml"
    new.write_text((head / "ingangen" / "sociaal-team-wolderbeek.yaml").read_text(encoding="utf-8")
                   .replace("id: sociaal-team-wolderbeek", "id: sociaal-team-extra").replace("organisatie: gemeente-wolderbeek", "organisatie: gemeente-egelstede"),
                   encoding="utf-8")
    edit(head / "ingangen" / "kcc-wolderbeek.yaml", "organisatie: gemeente-wolderbeek", "organisatie: gemeente-egelstede")
    result = refused(base, head, WOLDERBEEK, ["kaart/ingangen/sociaal-team-extra.yaml", "kaart/ingangen/kcc-wolderbeek.yaml"])
    organisatie_line = next(n for n, line in enumerate(new.read_text(encoding="utf-8").splitlines(), start=1) if line.startswith("organisatie:"))
    assert result["kaart/ingangen/sociaal-team-extra.yaml"][0] == organisatie_line
    assert "jouw gemeente: gemeente-wolderbeek" in result["kaart/ingangen/sociaal-team-extra.yaml"][1]
    assert list(refused(base, head, EGELSTEDE, ["kaart/ingangen/kcc-wolderbeek.yaml"])) == ["kaart/ingangen/kcc-wolderbeek.yaml"]


def test_a_gemeente_still_keeps_the_shared_files_and_the_partners_records(region_base_and_head):
    base, head = region_base_and_head
    edit(head / "gebieden.yaml", "regio: ", "regio:  ")
    partner = next(p for p in sorted((head / "voorzieningen").glob("*.yaml")) if "organisatie: gemeente-" not in p.read_text(encoding="utf-8"))
    edit(partner, "laatst_gecontroleerd: ", "laatst_gecontroleerd:  ")
    files = ["kaart/gebieden.yaml", f"kaart/voorzieningen/{partner.name}"]
    assert refused(base, head, WOLDERBEEK, files) == {} and refused(base, head, EGELSTEDE, files) == {}


@pytest.mark.parametrize("account", [PARTNER, GEMEENTE])
def test_a_record_replaced_by_a_symlink_is_refused_and_never_read(base_and_head, account):
    """A symlink could point outside the repository (its text would end up in the check's messages)."""
    base, head = base_and_head
    record = head / "voorzieningen" / "formulierenhulp.yaml"
    record.unlink()
    record.symlink_to("/etc/hostname")
    result = refused(base, head, account, ["kaart/voorzieningen/formulierenhulp.yaml"])
    assert "symlink" in result["kaart/voorzieningen/formulierenhulp.yaml"][1]
    _, problems = load_kaart(head)
    mine = [p for p in problems if Path(p.path).name == "formulierenhulp.yaml"]
    assert len(mine) == 1 and "symlink" in mine[0].message, [str(p) for p in problems]


# --- the doors a proposal changes (door_changes.py) -----------------------------------------------

BIBLIOTHEEK = "bibliotheek-egelstede"
BOTH = "regio-beheer"  # a beheerder of both gemeenten


def test_a_gemeente_may_not_change_the_shared_wegwijzer_door_for_the_other_gemeentes_kernen(region_base_and_head):
    """Pointing a shared outcome at one's own regional place hands the other gemeente's residents to it."""
    base, head = region_base_and_head
    outcome = head / "wegwijzer" / "uitkomsten" / "rondkomen.yaml"
    edit(outcome, "ingang: sociaal-team", "ingang: schuldhulpverlening-egelstede")
    assert load_kaart(head)[1] == []  # a valid proposal: only the doors tell
    files = ["kaart/wegwijzer/uitkomsten/rondkomen.yaml"]
    result = refused(base, head, EGELSTEDE, files)
    ingang_line = next(n for n, line in enumerate(outcome.read_text(encoding="utf-8").splitlines(), start=1) if line.startswith("ingang:"))
    line, message = result["kaart/wegwijzer/uitkomsten/rondkomen.yaml"]
    assert line == ingang_line
    assert "Gemeente Wolderbeek" in message and "Sociaal team Wolderbeek" in message and "Schuldhulpverlening" in message and "Elsmarke" in message
    assert "Gemeente Egelstede" not in message.split("Dat beslist")[1]  # Egelstede's own kernen are its own business
    assert list(refused(base, head, WOLDERBEEK, files)) == ["kaart/wegwijzer/uitkomsten/rondkomen.yaml"]


def test_a_beheerder_of_both_gemeenten_may_change_a_shared_door(region_base_and_head):
    base, head = region_base_and_head
    for gemeente in ("gemeente-egelstede", "gemeente-wolderbeek"):
        edit(Path(base.folder) / "organisaties" / f"{gemeente}.yaml", "beheerders: [", f"beheerders: [{BOTH}, ")
    base, _ = load_kaart(base.folder)
    edit(head / "wegwijzer" / "uitkomsten" / "rondkomen.yaml", "ingang: sociaal-team", "ingang: schuldhulpverlening-egelstede")
    assert refused(base, head, BOTH, ["kaart/wegwijzer/uitkomsten/rondkomen.yaml"]) == {}


def test_a_partner_may_not_widen_its_werkgebied_over_another_partners_door(region_base_and_head):
    """The library's digital café widened to Wolderbeek would replace Wolderbeek's sociaal team in the wegwijzer."""
    base, head = region_base_and_head
    record = head / "voorzieningen" / "digitaal-cafe.yaml"
    edit(record, "werkgebied: [egelstede]", "werkgebied: [egelstede, wolderbeek]")
    result = refused(base, head, BIBLIOTHEEK, ["kaart/voorzieningen/digitaal-cafe.yaml"])
    assert list(result) == ["kaart/voorzieningen/digitaal-cafe.yaml"]
    line, message = result["kaart/voorzieningen/digitaal-cafe.yaml"]
    assert line == next(n for n, text in enumerate(record.read_text(encoding="utf-8").splitlines(), start=1) if text.startswith("werkgebied:"))
    assert "Gemeente Wolderbeek" in message and "Sociaal team Wolderbeek" in message and "Elsmarke" in message
    assert refused(base, head, WOLDERBEEK, ["kaart/voorzieningen/digitaal-cafe.yaml"]) == {}  # Wolderbeek may send its residents there


def test_a_partner_may_close_its_own_door(region_base_and_head):
    """Closing hands the kernen back to their own places: that is the partner's to decide."""
    base, head = region_base_and_head
    record = head / "voorzieningen" / "digitaal-cafe.yaml"
    edit(record, "werkgebied: [egelstede]", "status: gestopt\nwerkgebied: [egelstede]")
    assert load_kaart(head)[1] == []
    assert refused(base, head, BIBLIOTHEEK, ["kaart/voorzieningen/digitaal-cafe.yaml"]) == {}


def test_a_gemeente_may_rearrange_its_own_kernen(base_and_head):
    """In a kaart of one gemeente its beheerders decide every kern's door: a narrower team takes Akkerveen."""
    base, head = base_and_head
    new = head / "ingangen" / "sociaal-team-akkerveen.yaml"
    new.write_text((head / "ingangen" / "sociaal-team-a.yaml").read_text(encoding="utf-8")
                   .replace("id: sociaal-team-a", "id: sociaal-team-akkerveen").replace("Gebied A", "Akkerveen")
                   .replace("werkgebied: [gebied-a]", "werkgebied: [akkerveen]"), encoding="utf-8")
    head_kaart, mistakes = load_kaart(head)
    assert mistakes == [] and head_kaart.sociaal_team_voor("akkerveen").id == "sociaal-team-akkerveen"
    assert refused(base, head, GEMEENTE, ["kaart/ingangen/sociaal-team-akkerveen.yaml"]) == {}


def test_a_partners_ordinary_new_record_changes_no_door(base_and_head):
    base, head = base_and_head
    new = head / "voorzieningen" / "maaltijdservice-2.yaml"
    new.write_text((head / "voorzieningen" / "maaltijdservice.yaml").read_text(encoding="utf-8").replace("id: maaltijdservice", "id: maaltijdservice-2"), encoding="utf-8")
    assert refused(base, head, PARTNER, ["kaart/voorzieningen/maaltijdservice-2.yaml"]) == {}
