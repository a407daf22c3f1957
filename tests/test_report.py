"""The beheerder's report: freshness, reachability and coverage gaps; `kaart rapport` and /beheer/rapport/."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from support import MINI_KAART, build_site
from generator.build.beheer import MAX_ROWS, RAPPORT_URL, beheer_pages
from generator.build.pages import SiteContext, record_pages
from generator.cli import main
from generator.freshness import OUTDATED_MONTHS, WARN_MONTHS
from generator.report import CONTROLEREN, IN_ORDE, VEROUDERD, build_report, niveau
from generator.synthetic import write_synthetic_kaart
from generator.validate import load_kaart

TODAY = dt.date(2026, 11, 23)
WARNING = "Deze informatie is misschien niet meer actueel"


def months_before(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return dt.date(year, month + 1, today.day)


def set_checked(kaart_folder: Path, relative: str, date: dt.date) -> None:
    path = kaart_folder / relative
    text = re.sub(r"laatst_gecontroleerd: .*", f"laatst_gecontroleerd: {date.isoformat()}", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def render_record(kaart, soort: str, record_id: str, today: dt.date) -> str:
    page = next(p for p in record_pages(kaart) if p.url == f"{'voorzieningen' if soort == 'voorziening' else soort}/{record_id}/")
    return page.render(SiteContext(kaart, today))


def render_report(kaart, today: dt.date = TODAY) -> str:
    """The report page and the pages of its matrix per kern, as one text."""
    return "".join(page.render(SiteContext(kaart, today)) for page in beheer_pages(kaart))


@pytest.fixture(scope="module")
def mini():
    kaart, problems = load_kaart(MINI_KAART)
    assert not problems
    return kaart


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory):
    return build_site(MINI_KAART, tmp_path_factory.mktemp("mini-site") / "site")


# --- freshness: one threshold for residents and beheerders ---------------------------------------


@pytest.mark.parametrize("months", range(WARN_MONTHS - 2, OUTDATED_MONTHS + 3))
def test_record_page_warns_residents_exactly_when_the_report_says_outdated(mini_kaart, months):
    set_checked(mini_kaart, "voorzieningen/formulierenhulp.yaml", months_before(TODAY, months))
    kaart, _ = load_kaart(mini_kaart)
    warns = WARNING in render_record(kaart, "voorziening", "formulierenhulp", TODAY)
    assert warns == (months >= OUTDATED_MONTHS)
    expected = VEROUDERD if months >= OUTDATED_MONTHS else CONTROLEREN if months >= WARN_MONTHS else IN_ORDE
    assert niveau(kaart.voorzieningen["formulierenhulp"].laatst_gecontroleerd, TODAY) == expected


def test_thresholds_are_twelve_and_eighteen_months():
    assert (WARN_MONTHS, OUTDATED_MONTHS) == (12, 18)
    assert niveau(dt.date(2025, 11, 24), TODAY) == IN_ORDE  # one day short of a year
    assert niveau(dt.date(2025, 11, 23), TODAY) == CONTROLEREN
    assert niveau(dt.date(2025, 5, 24), TODAY) == CONTROLEREN
    assert niveau(dt.date(2025, 5, 23), TODAY) == VEROUDERD


def test_report_lists_records_by_age(mini):
    report = build_report(mini, TODAY)
    assert [r.id for r in report.records][0] == "maaltijdservice"  # 2024-01-15, the oldest
    assert [r.laatst_gecontroleerd for r in report.records] == sorted(r.laatst_gecontroleerd for r in report.records)
    assert [(r.id, r.niveau, r.maanden) for r in report.te_controleren()] == [("maaltijdservice", VEROUDERD, 34)]
    assert report.per_niveau() == {IN_ORDE: 8, CONTROLEREN: 0, VEROUDERD: 1}  # 9 records, with the KCC of Proefgem


def test_report_lists_records_without_phone_and_email(mini):
    report = build_report(mini, TODAY)
    assert {(r.soort, r.id) for r in report.zonder_contact} == {("vindplaats", "school-akkerveen"), ("organisatie", "welzijn-proef")}


# --- coverage ----------------------------------------------------------------------------------


def test_coverage_per_kern_counts_active_voorzieningen_in_their_werkgebied(mini):
    matrix = build_report(mini, TODAY).thema_per_kern
    assert [c for c, _, _ in matrix.columns] == ["akkerveen", "beekzand", "cranenburg"]
    assert [matrix.count("formulieren-en-juridisch", k) for k in ("akkerveen", "beekzand", "cranenburg")] == [1, 1, 1]
    assert [matrix.count("wonen-en-huishouden", k) for k in ("akkerveen", "beekzand", "cranenburg")] == [0, 0, 1]
    assert matrix.gaps_per_row()["wonen-en-huishouden"] == ["Akkerveen", "Beekzand"]
    assert "formulieren-en-juridisch" not in matrix.gaps_per_row()
    assert len(matrix.gaps_per_row()["mantelzorg"]) == 3


def test_coverage_per_gebied(mini):
    matrix = build_report(mini, TODAY).thema_per_gebied
    assert matrix.count("wonen-en-huishouden", "gebied-a") == 0
    assert matrix.count("wonen-en-huishouden", "gebied-b") == 1
    assert matrix.count("geld-en-schulden", "gebied-a") == 1


@pytest.mark.parametrize("status", ["gestopt", "tijdelijk gesloten"])
def test_coverage_leaves_out_voorzieningen_that_residents_cannot_use_now(mini_kaart, status):
    path = mini_kaart / "voorzieningen" / "maaltijdservice.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"status: {status}\n", encoding="utf-8")
    kaart, _ = load_kaart(mini_kaart)
    assert build_report(kaart, TODAY).thema_per_kern.count("wonen-en-huishouden", "cranenburg") == 0


# --- kaart rapport -------------------------------------------------------------------------------


def test_kaart_rapport_prints_the_tables(capsys):
    assert main(["rapport", "--kaart", str(MINI_KAART)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^\s+\d+\s+verouderd\s+voorziening\s+welzijn-proef\s+\S*maaltijdservice\.yaml$", out, re.M)
    assert re.search(r"^\s+vindplaats\s+-\s+\S*school-akkerveen\.yaml$", out, re.M)
    kern_row = next(line for line in out.splitlines() if line.strip().startswith("Akkerveen "))
    assert kern_row.split()[1:] == ["1", "0!", "0!", "0!", "0!", "0!", "0!", "0!", "0!", "0!", "0!", "1", "0!"]
    assert "13 = Taal, lezen en digitale vaardigheden" in out


def test_kaart_rapport_refuses_an_invalid_kaart(mini_kaart, capsys):
    (mini_kaart / "voorzieningen" / "formulierenhulp.yaml").write_text("id: formulierenhulp\n")
    assert main(["rapport", "--kaart", str(mini_kaart)]) == 1
    assert "kaart check" in capsys.readouterr().err


# --- the page /beheer/rapport/ ------------------------------------------------------------------


def test_report_page_marks_gaps_with_text_not_only_colour(mini):
    html = render_report(mini)
    gap_cells = re.findall(r'<td class="sk-gap">(.*?)</td>', html)
    report = build_report(mini, TODAY)
    assert len(gap_cells) == len(report.thema_per_kern.gaps()) + len(report.thema_per_gebied.gaps())
    assert all(re.sub(r"<[^>]+>", "", cell) == "0!" for cell in gap_cells)
    assert "Een vak met <strong>0!</strong>" in html
    assert "<strong>Wonen en huishouden</strong> (2 van de 3 kernen): Akkerveen, Beekzand" in html


def test_report_page_tables_have_captions_and_header_scopes(mini):
    html = render_report(mini)
    assert html.count("<table") == html.count("<caption>") == 4
    assert html.count('<th scope="row">Akkerveen</th>') == 1
    assert html.count('scope="col"') >= 13 + 2


def test_report_page_links_stale_records(mini):
    html = render_report(mini)
    assert 'href="../../voorzieningen/maaltijdservice/"' in html
    assert "34 mnd" in html


def test_report_page_is_hidden_from_residents_and_search_engines(mini_site):
    page = (mini_site / RAPPORT_URL / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    home = (mini_site / "index.html").read_text(encoding="utf-8")
    assert "beheer/rapport" not in home
    assert '<meta name="robots"' not in home


def test_report_page_stays_small_for_a_large_kaart(tmp_path):
    """32 kernen and 600 voorzieningen, many of them stale: the lists are capped, the matrix is counts."""
    folder = write_synthetic_kaart(tmp_path / "groot", 600)
    kaart, problems = load_kaart(folder)
    assert not problems
    report = build_report(kaart, TODAY)
    assert len(report.te_controleren()) > MAX_ROWS and len(report.thema_per_kern.columns) == 32
    pages = list(beheer_pages(kaart))
    sizes = [len(page.render(SiteContext(kaart, TODAY)).encode("utf-8")) for page in pages]
    html = render_report(kaart)
    assert "kaart rapport</code>" in html and "En nog" in html
    assert all(size < 24_000 for size in sizes), sizes  # leaves room for the theme's navigation within 40 KB
    assert len(pages) > 1 and all(html.count(f'<th scope="row">{kern.naam}</th>') == 1 for kern in kaart.kernen.values())


def test_built_report_page_is_under_40_kb(mini_site):
    assert (mini_site / RAPPORT_URL / "index.html").stat().st_size < 40_000


# --- one issue per organisation: `kaart rapport --format issues` and .github/workflows/nakijken.yml ---

def _issues(kaart_folder: Path, capsys, *extra: str) -> list[dict]:
    import json

    assert main(["rapport", "--kaart", str(kaart_folder), "--format", "issues", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_rapport_issues_one_per_organisation_with_old_records(mini_kaart, capsys):
    from generator.report import ISSUE_MARKER

    issues = _issues(mini_kaart, capsys, "--repository", "https://github.com/voorbeeld/kaart")
    by_org = {issue["organisatie"]: issue for issue in issues}
    today = dt.date.today()
    kaart, _ = load_kaart(mini_kaart)
    expected = {}
    for soort, records in kaart.records.items():
        for record in records.values():
            if niveau(record.laatst_gecontroleerd, today) != IN_ORDE:
                owner = record.id if soort == "organisatie" else (getattr(record, "organisatie", None) or "zonder-organisatie")
                expected.setdefault(owner, set()).add(record.id)
    assert expected and {org: set(issue["records"]) for org, issue in by_org.items()} == expected
    for org, issue in by_org.items():
        assert issue["tekst"].splitlines()[0] == ISSUE_MARKER.format(id=org)
        assert all(f"@{account}" in issue["tekst"] for account in issue["beheerders"])
        assert all(f"https://github.com/voorbeeld/kaart/edit/main/kaart/" in issue["tekst"] for _ in issue["records"])
    assert len({issue["titel"] for issue in issues}) == len(issues)


def test_the_monthly_workflow_creates_updates_and_closes_issues(mini_kaart, tmp_path, capsys):
    """The workflow's own script, run with stand-ins for `gh` (logging its calls) and `kaart`."""
    import json
    import os
    import subprocess
    import sys

    import yaml

    from support import ROOT

    repo = mini_kaart.parent
    issues = _issues(mini_kaart, capsys)
    first, marker_first = issues[0], issues[0]["tekst"].splitlines()[0]
    open_issues = [{"number": 7, "body": marker_first + "\noude tekst"}, {"number": 9, "body": "<!-- kaart-rapport: organisatie=opgelost -->\n…"}]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "gh.log"
    (bin_dir / "gh").write_text(
        "#!/bin/bash\n"
        f"echo \"$*\" >> '{log}'\n"
        f"if [ \"$1 $2\" = 'issue list' ]; then cat '{tmp_path / 'open.json'}'; fi\n")
    (tmp_path / "open.json").write_text(json.dumps(open_issues))
    (bin_dir / "kaart").write_text(f"#!/bin/bash\nexec '{sys.executable}' -m generator.cli \"$@\"\n")
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "nakijken.yml").read_text())
    assert workflow[True]["schedule"] and workflow["permissions"]["issues"] == "write"  # 'on' reads as True in YAML 1.1
    script = next(s["run"] for s in workflow["jobs"]["nakijken"]["steps"] if "kaart rapport --format issues" in s.get("run", ""))
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "REPOSITORY_URL": "https://github.com/voorbeeld/kaart", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    calls = log.read_text().splitlines()
    assert f"issue edit 7 --title {first['titel']} --body-file ../tekst.md" in calls
    assert sum(call.startswith("issue create") for call in calls) == len(issues) - 1
    assert any(call.startswith("issue close 9 ") for call in calls) and not any(call.startswith("issue close 7") for call in calls)
