"""Call and Contact in the built pages: "nu open" wired into the hours, the holidays once per page, the
contact block on every page with its JSON asset, and the Contact page."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import json
import posixpath
import re
from pathlib import Path


from support import MINI_KAART
from generator.build.contact import CONTACT_DATA_URI, contact_data
from generator.build.render import environment
from generator.fields import format_phone
from generator.openingstijden import Openingstijden, display_lines, feestdagen_json, to_json
from generator.plugin import feestdagen_voor_site
from generator.validate import load_kaart

TODAY = dt.date(2026, 11, 29)
FEESTDAGEN_RE = re.compile(r'<script type="application/json" id="feestdagen">(.*?)</script>', re.S)


def render_hours(tijden, today=TODAY) -> str:
    template = environment().from_string('{% import "_macros.html" as m with context %}{{ m.hours(tijden, "Open") }}')
    return template.render(tijden=tijden, today=today)


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.is_relative_to(site / "assets"))


def link_target(site: Path, page: Path, html: str, pattern: str) -> str:
    """The site path a relative link in `html` (found by `pattern`) points to, from `page`."""
    found = re.search(pattern, html)
    assert found, (page, pattern)
    return posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), found.group(1)))


# --- the hours macro -------------------------------------------------------------------------


def test_hours_carry_the_nu_open_plan_as_escaped_json():
    tijden = Openingstijden.model_validate({"ma": "9.00-17.00", "uitzonderingen": [
        {"van": "2026-12-24", "reden": 'Kerst "dicht" & \'s avonds ook'}]})
    out = render_hours(tijden)
    attribute = re.search(r"""<span class="sk-nu-open" data-nu-open='([^']*)'></span>""", out)
    assert attribute, out  # a raw ' in the reden would end the attribute early and break the JSON below
    assert json.loads(html_lib.unescape(attribute.group(1))) == to_json(tijden)


def test_hours_list_the_exceptions_that_are_not_over():
    tijden = Openingstijden.model_validate({"ma": "9.00-17.00", "uitzonderingen": [
        {"van": "2026-07-01", "tot": "2026-08-31", "reden": "Zomerstop"},
        {"van": "2026-12-24", "tot": "2027-01-01", "reden": "Kerstsluiting"}]})
    out = render_hours(tijden)
    assert '<li class="sk-hours__uitzondering">Gesloten van 24 december 2026 t/m 1 januari 2027 (Kerstsluiting)</li>' in out
    assert "Zomerstop)" not in out  # over on the build date (the JSON for nu-open.js still has it)
    for line in display_lines(tijden):
        assert f"<li>{line}</li>" in out


def test_no_hours_no_block():
    assert render_hours(None).strip() == ""


def test_holidays_cover_the_build_year_and_two_more():
    holidays = feestdagen_voor_site(dt.date(2026, 11, 29))
    assert holidays == feestdagen_json(2026, 2028)
    assert holidays["2026-12-25"] == "Eerste Kerstdag" and "2028-12-26" in holidays and "2029-01-01" not in holidays


# --- contact.json ----------------------------------------------------------------------------


def test_contact_data_gives_every_kern_its_team(demo):
    data = contact_data(demo, TODAY)
    listed = [kern_id for gebied in data["gebieden"] for kern_id, *_ in gebied["kernen"]]
    assert listed == list(demo.kernen)
    for kern_id in demo.kernen:
        kcc = demo.kcc_voor(kern_id)
        gemeente = demo.gemeente_van_kern[kern_id]
        assert data["kcc"][data["kern_kcc"][kern_id]] == {"gemeente": gemeente.naam.removeprefix("Gemeente "), "tel": kcc.contact.telefoon, "tekst": format_phone(kcc.contact.telefoon)}
        team = demo.sociaal_team_voor(kern_id)
        shown = data["teams"][data["kern_team"][kern_id]]
        assert shown["naam"] == team.naam
        assert shown["url"] == f"ingangen/{team.id}/"
        assert shown["telefoon"]["tel"] == team.contact.telefoon
        assert shown["email"] == team.contact.email
        if team.inloop:
            assert shown["inloop"][: len(display_lines(team.inloop))] == display_lines(team.inloop)
            assert shown["inloop_plan"] == to_json(team.inloop)


def test_contact_data_groups_kernen_per_gebied(demo):
    data = contact_data(demo, TODAY)
    gebieden = [g for gemeente in demo.gebieden.gemeenten for g in gemeente.gebieden]
    # two gemeenten in the demo: each group says whose gebied it is
    assert [g["naam"] for g in data["gebieden"]] == [f"{gemeente.naam.removeprefix('Gemeente ')}: {g.naam}" for gemeente in demo.gebieden.gemeenten for g in gemeente.gebieden]
    assert all(len(g["kernen"]) == len(gebied.kernen) for g, gebied in zip(data["gebieden"], gebieden))


def test_contact_data_for_the_mini_kaart():
    kaart, problems = load_kaart(MINI_KAART)
    assert problems == []
    data = contact_data(kaart, TODAY)
    assert [kcc["tel"] for kcc in data["kcc"].values()] == [kaart.ingangen["kcc-proefgem"].contact.telefoon]
    assert set(data["kern_team"]) <= set(kaart.kernen)
    assert set(data["kern_team"].values()) == set(data["teams"])


# --- the built demo site ---------------------------------------------------------------------


def test_every_page_has_the_holidays_once_and_loads_the_scripts(demo_site):
    for path in pages(demo_site):
        page = path.read_text(encoding="utf-8")
        if "md-content" not in page:  # redirects and other bare files
            continue
        found = FEESTDAGEN_RE.findall(page)
        assert len(found) == 1, path
        holidays = json.loads(found[0])
        assert holidays == feestdagen_voor_site(dt.date.today()), path
        assert re.search(r'<script src="[^"]*assets/kaart/js/nu-open\.js" defer>', page), path
        assert re.search(r'<script src="[^"]*assets/kaart/js/contact\.js" defer>', page), path


def test_every_page_shows_a_way_to_a_person(demo, demo_site):
    numbers = [kcc.contact.telefoon for _, kcc in demo.kcc_per_gemeente()]
    assert len(set(numbers)) == len(demo.gebieden.gemeenten) == 2  # each gemeente its own number
    for path in pages(demo_site):
        page = path.read_text(encoding="utf-8")
        if "md-content" not in page:
            continue
        if path.relative_to(demo_site).parts[0] == "kcc":  # the phone desk's own pages: no residents' blocks
            assert 'class="sk-praten' not in page and "bel de gemeente" not in page, path
            continue
        top = page[page.index('class="sk-praten-kort"'):]
        top = top[: top.index("</p>")]
        for kcc in numbers:
            assert f'href="tel:{kcc}">{format_phone(kcc)}</a>' in top, path  # the line at the top
        if path == demo_site / "contact" / "index.html":
            assert 'id="sk-praten"' not in page  # Contact has the full version at the top
            continue
        if path == demo_site / "404.html":  # Material's 404 template replaces the content block
            continue
        block = page[page.index('<section class="sk-praten"'):]
        block = block[: block.index("</section>")]
        assert "Wil je met iemand praten?" in block
        for kcc in numbers:
            assert f'href="tel:{kcc}"' in block, path
        assert link_target(demo_site, path, block, r'<a href="([^"]*)">Contact</a>') == "contact"
        assert link_target(demo_site, path, block, r'<a href="([^"]*)">jouw dorp of wijk</a>') == "kernen"
        assert link_target(demo_site, path, block, r'data-sk-praten="([^"]*)"') == CONTACT_DATA_URI


def test_contact_json_is_in_the_site(demo, demo_site):
    data = json.loads((demo_site / CONTACT_DATA_URI).read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(contact_data(demo, dt.date.today())))


def test_record_pages_mark_hours_for_nu_open(demo, demo_site):
    team = next(i for i in demo.ingangen.values() if i.soort == "sociaal-team" and i.contact.telefoon_tijden and i.inloop)
    page = (demo_site / "ingangen" / team.id / "index.html").read_text(encoding="utf-8")
    plans = [json.loads(html_lib.unescape(p)) for p in re.findall(r"data-nu-open='([^']*)'", page)]
    assert to_json(team.contact.telefoon_tijden) in plans and to_json(team.inloop) in plans
    # "nu open" right after the number is about the phone: the phone hours' plan, not the walk-in's
    after_number = re.search(r"""class="sk-tel"[^>]*>[^<]*</a>\s*<span class="sk-nu-open" data-nu-open='([^']*)'""", page)
    assert after_number and json.loads(html_lib.unescape(after_number.group(1))) == to_json(team.contact.telefoon_tijden)


def test_contact_page_explains_what_happens(demo, demo_site):
    page = (demo_site / "contact" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert 'data-sk-praten="../assets/kaart/contact.json"' in page and "data-sk-jouw-team" in page
    assert page.index('id="jouw-sociaal-team"') < page.index('id="wat-gebeurt-er"') < page.index('id="sociaal-team"')
    for words in ("keukentafelgesprek", "Je mag iemand meenemen", "Het gesprek is gratis",
                  "Wat je vertelt, blijft bij het sociaal team", "onafhankelijke cliëntondersteuner"):
        assert words in text, words
    assert '<a href="../clientondersteuners/">Bekijk de cliëntondersteuners</a>' in page
    for kern_id in demo.kernen:
        team = demo.sociaal_team_voor(kern_id)
        assert f'href="../ingangen/{team.id}/"' in page and f"mailto:{team.contact.email}" in page
        assert f'href="../kernen/{kern_id}/"' in page
    # Each sociaal team is shown once, under its gebied, not again in the list of other ingangen.
    assert 'id="sociaal-team"' in page and page.count('<h2 id="sociaal-team">') == 1


def test_the_kern_memory_runs_before_the_scripts_that_use_it(demo_site):
    for url in ("index.html", "contact/index.html", "wegwijzer/index.html"):
        page = (demo_site / url).read_text(encoding="utf-8")
        scripts = re.findall(r'<script src="[^"]*assets/kaart/js/([a-z-]+)\.js"', page)
        assert scripts.index("kern") < scripts.index("contact"), (url, scripts)
        assert "wegwijzer" not in scripts or scripts.index("kern") < scripts.index("wegwijzer"), (url, scripts)


def test_contact_json_is_the_same_in_every_build():
    """Kern → team and kern → KCC follow gebieden.yaml, not the order of a set (which changes with the hash seed)."""
    import os
    import subprocess
    import sys

    from support import DEMO_KAART, ROOT

    script = ("import datetime as dt, sys; from pathlib import Path; from generator.validate import load_kaart; "
              "from generator.build.contact import contact_json; "
              f"k, _ = load_kaart(Path({str(DEMO_KAART)!r})); sys.stdout.write(contact_json(k, dt.date(2026, 11, 30)))")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and len(next(iter(outputs))) > 1000
