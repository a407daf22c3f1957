"""The phone desk built for five seconds (issue 10): the twelve most common kinds of call on /kcc/, each
answered with at most 15 key presses to the number on screen, plus the keys, the URL and the call script.

Every key press goes through `Toetsen`, which counts it; the counts are asserted, the times printed
(speed targets are measured in bench/, not asserted here).
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest
from test_kcc_browser import kcc  # noqa: F401  the desk page fixture, shared

pytestmark = pytest.mark.browser

MAX_TOETSEN = 15


class Toetsen:
    """page.keyboard with a counter: every character typed and every key pressed is one key press."""

    def __init__(self, page):
        self.page = page
        self.aantal = 0

    def typ(self, text: str) -> None:
        for char in text:
            self.page.keyboard.type(char)
            self.aantal += 1

    def druk(self, key: str) -> None:
        self.page.keyboard.press(key)
        self.aantal += 1


@pytest.fixture
def desk(kcc, site_url):
    """/kcc/ (test_kcc_browser.kcc: clipboard allowed, fails on requests outside localhost or script errors);
    call it with another path to open that page in the same context."""

    def open_desk(path: str = "/kcc/"):
        if path != "/kcc/":
            kcc.goto(site_url + path)
        return kcc

    return open_desk


def in_view(page, locator) -> bool:
    box = locator.bounding_box()
    return bool(box) and locator.is_visible() and 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]


def row_names(page, count: int = 3) -> list[str]:
    return page.eval_on_selector_all("#kcc-rijen .sk-kcc-rij__naam", f"els => els.slice(0, {count}).map(e => e.textContent)")


# (kind of call, query typed, kern letters typed after Tab, record that must be in the first three rows)
CALLS = [
    ("debts", "schulden", "", ("ingang", "schuldhulpverlening-egelstede")),
    ("household help, caller in Rosmarke", "huishoud", "ros", ("voorziening", "hulp-bij-het-huishouden")),
    ("a carer who needs a break", "respijt", "", ("voorziening", "respijtzorg-wmo")),
    ("lonely, caller in Teutloo", "eenzaam", "teu", ("voorziening", "maatjesproject")),
    ("a letter or a form", "formulier", "", ("voorziening", "formulierenhulp-bibliotheek")),
    ("a wheelchair", "rolstoel", "", ("voorziening", "rolstoel-wmo")),
    ("a parenting question", "opvoed", "", ("voorziening", "opvoedspreekuur")),
    ("no income", "uitkering", "", ("voorziening", "bijstandsuitkering")),
    ("learning Dutch", "nederlands", "", ("voorziening", "nederlands-leren-taalhuis")),
    ("violence at home", "veilig thuis", "", ("ingang", "veilig-thuis")),
    ("which sociaal team, caller in Haarsloo", "", "haa", None),
    ("an independent cliëntondersteuner", "clientonder", "", ("clientondersteuner", None)),
]


def crisis_line_or_row_number(page, names: list[str]):
    """The number to give: a crisis line the query calls up stands in the Spoed box (never again as a row),
    anything else in one of the first three rows."""
    page.wait_for_function("(names) => [...document.querySelectorAll('[data-vangnet] .sk-vangnet__naam strong')]"
                           ".concat([...document.querySelectorAll('#kcc-rijen .sk-kcc-rij__naam')].slice(0, 3))"
                           ".some(e => names.includes(e.textContent))", arg=names)
    for line in page.locator("[data-vangnet] .sk-vangnet__lijn").all():
        if line.locator(".sk-vangnet__naam strong").inner_text() in names:
            return line.locator("a.sk-vangnet__bel")
    index = next(i for i, name in enumerate(row_names(page)) if name in names)
    return page.locator("#kcc-rijen > li.sk-kcc-rij").nth(index).locator(".sk-kcc-rij__tel a.sk-tel")


@pytest.mark.parametrize("soort_call, query, kern, record", CALLS, ids=[c[0] for c in CALLS])
def test_the_twelve_most_common_calls_reach_the_number_within_fifteen_key_presses(desk, demo, soort_call, query, kern, record):
    page = desk()
    toetsen = Toetsen(page)
    start = time.perf_counter()
    toetsen.typ(query)
    if kern:
        toetsen.druk("Tab")  # from the search field to the kern of the caller
        toetsen.typ(kern)  # type-ahead chooses the kern
    if record is None:  # only the kern: the number is its sociaal team's
        team = demo.sociaal_team_voor(page.eval_on_selector("#kcc-kern", "s => s.value"))
        number = page.locator("#kcc-team .sk-tel").first
        number.wait_for()
        assert team is not None and team.naam in page.inner_text("#kcc-team")
    else:
        soort, record_id = record
        names = [r.naam for r in demo.records[soort].values()] if record_id is None else [demo.records[soort][record_id].naam]
        number = crisis_line_or_row_number(page, names)
    elapsed = time.perf_counter() - start
    assert in_view(page, number), soort_call  # the number is on screen, not below the fold
    if kern:
        assert page.locator("#kcc-team .sk-tel").first.is_visible()  # and the kern's team with it
    assert toetsen.aantal <= MAX_TOETSEN, (soort_call, toetsen.aantal)
    print(f"{soort_call}: {toetsen.aantal} toetsen, {elapsed * 1000:.0f} ms tot het nummer")


def test_k_t_and_v_copy_number_team_and_referral_with_feedback_in_the_row(desk):
    page = desk()
    toetsen = Toetsen(page)
    toetsen.typ("formulier")
    toetsen.druk("Tab")
    toetsen.typ("ros")
    page.locator("#kcc-rijen .sk-kcc-rij__naam").first.wait_for()
    page.keyboard.press("ArrowDown")  # from the kern straight to the first row
    row = page.locator("#kcc-rijen > li.sk-kcc-rij").first
    shown = row.locator(".sk-kcc-rij__tel a.sk-tel").inner_text()
    page.keyboard.press("k")
    feedback = row.locator(".sk-kcc-gekopieerd-hier")
    feedback.wait_for()
    assert feedback.inner_text() == f"Gekopieerd: {shown}" and in_view(page, feedback)
    assert page.evaluate("navigator.clipboard.readText()") == shown.replace(" ", "")  # one format: digits only
    page.keyboard.press("t")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t === '0523800240')")  # Sociaal team Zuid
    page.keyboard.press("v")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.startsWith('Verwezen naar:'))")
    referral = page.evaluate("navigator.clipboard.readText()")
    assert shown.replace(" ", "") in referral and "Gezegd:" in referral and "Sociaal team: Sociaal team Zuid, 0523800240" in referral
    assert page.locator("#kcc-team .sk-kcc-kopieer").first.get_attribute("data-nummer") == "0523800240"  # same format on the team


def test_arrow_keys_never_change_the_kern_and_arrow_down_goes_on_to_the_results(desk):
    page = desk()
    page.keyboard.type("schulden")
    page.keyboard.press("Tab")
    page.keyboard.type("haa")
    assert page.eval_on_selector("#kcc-kern", "s => s.value") == "haarsloo"
    page.locator("#kcc-kern").focus()
    page.keyboard.press("ArrowUp")
    assert page.eval_on_selector("#kcc-kern", "s => s.value") == "haarsloo"
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#kcc-kern", "s => s.value") == "haarsloo"
    assert page.evaluate("document.activeElement.classList.contains('sk-kcc-rij__naam')")


def test_query_and_kern_are_in_the_url_and_survive_back(desk):
    page = desk()
    page.keyboard.type("rolstoel")
    page.keyboard.press("Tab")
    page.keyboard.type("ros")
    page.locator("#kcc-rijen .sk-kcc-rij__naam").first.wait_for()
    assert parse_qs(urlparse(page.url).query) == {"q": ["rolstoel"], "kern": ["rosmarke"]}
    first = row_names(page, 1)[0]
    page.locator("#kcc-q").focus()
    page.keyboard.press("Enter")  # opens the first row
    page.get_by_role("link", name=f"Pagina van {first}").click()
    page.wait_for_url("**/voorzieningen/**")
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#kcc-rijen .sk-kcc-rij__naam').length > 0")
    assert page.input_value("#kcc-q") == "rolstoel" and page.eval_on_selector("#kcc-kern", "s => s.value") == "rosmarke"
    assert row_names(page, 1) == [first]


def test_every_result_is_reachable_with_the_keyboard(desk):
    page = desk()
    page.keyboard.type("opvoed")
    page.locator("#kcc-rijen .sk-kcc-rij__naam").first.wait_for()
    total = page.evaluate("SocialeKaartZoek.zoek('opvoed', {soort: ['voorziening','vindplaats','clientondersteuner','ingang','organisatie']}).then(h => h.length)")
    assert total > 20  # more than the first batch of rows
    page.keyboard.press("ArrowDown")
    for _ in range(total - 1):
        page.keyboard.press("ArrowDown")
    assert page.locator("#kcc-rijen .sk-kcc-rij__naam").count() == total
    last = page.locator("#kcc-rijen .sk-kcc-rij__naam").nth(total - 1)
    assert page.evaluate("document.activeElement.id") == last.get_attribute("id")


def test_a_kern_filter_never_hides_results_silently(desk, demo):
    page = desk()
    page.keyboard.type("walking football")
    page.locator("#kcc-rijen .sk-kcc-rij__naam").first.wait_for()
    page.keyboard.press("Tab")
    page.keyboard.type("ros")  # Walking football is in Brummerveen, not in Rosmarke
    page.wait_for_function("document.getElementById('kcc-status').textContent.indexOf('Rosmarke') !== -1")
    status = page.text_content("#kcc-status")
    assert status.startswith("0 resultaten in Rosmarke, ") and " elders" in status
    knop = page.locator("[data-kcc-elders]")
    assert knop.is_visible() and "niet in Rosmarke: toon" in knop.inner_text()
    page.locator("#kcc-q").focus()
    page.keyboard.press("ArrowDown")  # nothing in Rosmarke: the caller's own sociaal team is the first stop
    assert page.evaluate("!!document.activeElement.closest('#kcc-team')")
    page.keyboard.press("ArrowDown")  # then the "toon" button
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#kcc-rijen .sk-kcc-rij__naam').length > 0")
    assert any("Walking" in name for name in row_names(page, 5))
    assert "niet in Rosmarke" in page.locator("#kcc-rijen .sk-kcc-rij--elders").first.inner_text()


def test_the_desk_pages_carry_no_residents_blocks(desk):
    for path in ("/kcc/", "/kcc/belscript/", "/kcc/belscript/uitkomsten/"):
        page = desk(path)
        html = page.content()
        assert "sk-praten" not in html and "Bel de gemeente" not in html and "bel de gemeente" not in html, path
        assert page.locator(".sk-demo").inner_text() == "Let op: voorbeeldgegevens."  # one small line
        assert page.locator("[data-ww-kernkeuze]").count() == 0, path  # not the residents' kern chooser


def test_call_script_keyboard_first_number_keys_backspace_and_the_team_on_the_outcome(desk):
    page = desk("/kcc/belscript/?kern=rosmarke")
    assert page.evaluate("document.activeElement.textContent").startswith("V1.")  # focus on the first question
    toetsen = Toetsen(page)
    for key in "5", "1", "1":  # geen gevaar → voor mezelf → één vraag
        toetsen.druk(key)
    page.wait_for_url("**#v-leefgebied")
    toetsen.typ("12")  # Formulieren (answer 12 of 13)
    page.wait_for_url("**#v-formulieren")
    toetsen.druk("1")
    page.wait_for_url("**/uitkomsten/**#u-formulierenhulp")
    assert parse_qs(urlparse(page.url).query) == {"kern": ["rosmarke"]}  # the kern goes along
    outcome = page.locator("#u-formulierenhulp")
    assert page.evaluate("document.activeElement.id") == "u-formulierenhulp"
    text = outcome.inner_text()
    assert "de beller" in text and "Verwijs naar:" in text
    assert "Sociaal team van de beller: Sociaal team Zuid 0523 800 240" in text
    assert outcome.locator(".sk-kcc-deur .sk-nu-open").first.inner_text() != ""  # nu open of that number
    assert toetsen.aantal <= MAX_TOETSEN
    page.keyboard.press("k")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t === '0523803000')")
    page.keyboard.press("v")
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.startsWith('Verwezen naar: Hulp bij formulieren'))")
    assert "Gekopieerd" in outcome.locator(".sk-kcc-gekopieerd-hier").inner_text()
    page.keyboard.press("Backspace")
    page.wait_for_url("**/kcc/belscript/?kern=rosmarke#v-formulieren")


def test_no_call_script_outcome_refers_to_the_kcc_or_leaves_out_the_number(desk, demo):
    from generator.kcc.belscript import UITKOMSTEN_PER_PAGINA

    kcc_numbers = {f"tel:{i.contact.telefoon}" for i in demo.ingangen.values() if i.soort == "kcc"}
    count = -(-len(demo.extras["wegwijzer"].uitkomsten) // UITKOMSTEN_PER_PAGINA)
    pages = ["/kcc/belscript/uitkomsten/"] + [f"/kcc/belscript/uitkomsten/{n}/" for n in range(2, count + 1)]
    seen = 0
    for path in pages:
        page = desk(path + "?kern=haarsloo")
        for section in page.locator("[data-uitkomst]").all():
            seen += 1
            deur = section.locator(".sk-kcc-deur")
            numbers = [a.get_attribute("href") for a in deur.locator("a.sk-tel").all() if a.is_visible()]
            assert numbers, section.get_attribute("id")
            assert not kcc_numbers & set(numbers), section.get_attribute("id")
            assert "Sociaal team Oost" in section.inner_text(), section.get_attribute("id")  # the kern's team, everywhere
    assert seen == len(demo.extras["wegwijzer"].uitkomsten)
