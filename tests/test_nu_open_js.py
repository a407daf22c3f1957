"""nu-open.js under Node must give exactly the same "nu open" strings as generator/openingstijden/nu_open.py.

Uses the sample hours and the table of fixed moments from tests/test_openingstijden.py, plus a sweep
over weeks with daylight-saving changes and holidays. Node is required: the test fails without it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import os
import subprocess
from pathlib import Path

import pytest

from generator.openingstijden import Openingstijden, feestdagen_json, status_op, to_json

ROOT = Path(__file__).resolve().parent.parent
NODE = "/usr/bin/node"
SCRIPT = ROOT / "generator" / "assets" / "js" / "nu-open.js"


def _python_tests():
    spec = importlib.util.spec_from_file_location("_openingstijden_cases", Path(__file__).with_name("test_openingstijden.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CASES = _python_tests()
VOORBEELDEN: dict[str, dict] = CASES.VOORBEELDEN
MOMENTEN: list[tuple[str, str, bool, str]] = CASES.MOMENTEN
MODELLEN = {name: Openingstijden.model_validate(data) for name, data in VOORBEELDEN.items()}
PLANNEN = {name: to_json(model) for name, model in MODELLEN.items()}
FEESTDAGEN = feestdagen_json(2025, 2028)

# Weeks with a DST change, Easter and Koningsdag, Christmas and New Year, an ordinary fortnight,
# month ends (for in_de_maand), year ends with 53 ISO weeks and with 1-2 January in the old year's week (for weken).
SWEEP_WINDOWS = [
    (dt.datetime(2025, 4, 24, tzinfo=dt.timezone.utc), 6),
    (dt.datetime(2026, 3, 26, tzinfo=dt.timezone.utc), 14),
    (dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc), 32),
    (dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc), 14),
    (dt.datetime(2026, 8, 14, tzinfo=dt.timezone.utc), 6),
    (dt.datetime(2026, 9, 20, tzinfo=dt.timezone.utc), 12),  # end of a month with five Tuesdays
    (dt.datetime(2026, 10, 22, tzinfo=dt.timezone.utc), 7),
    (dt.datetime(2026, 12, 20, tzinfo=dt.timezone.utc), 18),
    (dt.datetime(2027, 12, 27, tzinfo=dt.timezone.utc), 10),  # 1 and 2 January 2028 are in week 52 of 2027
]
SWEEP_STEP = dt.timedelta(minutes=30)

STATUS_HARNESS = r"""
const nuOpen = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { plannen, feestdagen, gevallen } = JSON.parse(input);
  const uit = gevallen.map(([naam, moment]) => {
    const s = nuOpen.status(plannen[naam], feestdagen, new Date(moment));
    return [s.open, s.tekst];
  });
  process.stdout.write(JSON.stringify(uit));
});
"""


def iso_utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def sweep_moments() -> list[str]:
    moments = []
    for start, days in SWEEP_WINDOWS:
        moment = start + dt.timedelta(seconds=59)  # odd seconds: both sides must ignore them the same way
        while moment < start + dt.timedelta(days=days):
            moments.append(iso_utc(moment))
            moment += SWEEP_STEP
    return moments


def run_node(code: str, payload: dict, tz: str = "UTC") -> object:
    assert Path(NODE).exists(), f"Node is nodig voor deze test maar staat niet op {NODE}"
    env = {**os.environ, "TZ": tz}
    result = subprocess.run(
        [NODE, "-e", code, str(SCRIPT)], input=json.dumps(payload), capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def js_statuses(gevallen: list[tuple[str, str]], tz: str = "UTC") -> list[tuple[bool, str]]:
    out = run_node(STATUS_HARNESS, {"plannen": PLANNEN, "feestdagen": FEESTDAGEN, "gevallen": gevallen}, tz)
    return [(bool(is_open), text) for is_open, text in out]


def py_status(name: str, moment: str) -> tuple[bool, str]:
    status = status_op(MODELLEN[name], dt.datetime.fromisoformat(moment.replace("Z", "+00:00")))
    return status.open, status.tekst


# The machine's own time zone must not matter: the script always uses Europe/Amsterdam.
@pytest.mark.parametrize("tz", ["UTC", "Europe/Amsterdam", "America/New_York", "Pacific/Auckland"])
def test_parity_table(tz):
    assert len(MOMENTEN) >= 30
    gevallen = [(name, moment) for name, moment, _, _ in MOMENTEN]
    js = js_statuses(gevallen, tz)
    table = [(name, moment, py_status(name, moment), (is_open, text)) for name, moment, is_open, text in MOMENTEN]
    mismatches = [
        f"{name} @ {moment}: python={py!r} js={got!r} expected={expected!r}"
        for (name, moment, py, expected), got in zip(table, js)
        if not (py == got == expected)
    ]
    assert mismatches == []


def test_parity_sweep():
    moments = sweep_moments()
    gevallen = [(name, moment) for name in PLANNEN for moment in moments]
    js = js_statuses(gevallen, "America/New_York")
    mismatches = [
        f"{name} @ {moment}: python={py_status(name, moment)!r} js={got!r}"
        for (name, moment), got in zip(gevallen, js)
        if py_status(name, moment) != got
    ]
    assert mismatches[:20] == []
    assert len(gevallen) > 10_000


DOM_HARNESS = r"""
const nuOpen = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const { elementen, feestdagen, moment } = JSON.parse(input);
  const els = elementen.map((json) => {
    const classes = new Set();
    const attrs = { "data-nu-open": json };
    return {
      textContent: "",
      getAttribute: (name) => (name in attrs ? attrs[name] : null),
      setAttribute: (name, value) => { attrs[name] = String(value); },
      classList: { toggle: (name, on) => { if (on) classes.add(name); else classes.delete(name); } },
      classes, attrs,
    };
  });
  const doc = {
    getElementById: (id) => (id === "feestdagen" && feestdagen !== null ? { textContent: feestdagen } : null),
    querySelectorAll: (selector) => (selector === "[data-nu-open]" ? els : []),
  };
  nuOpen.toon(doc, new Date(moment));
  process.stdout.write(JSON.stringify(els.map((el) => ({
    tekst: el.textContent, classes: [...el.classes].sort(), status: el.attrs["data-nu-open-status"] || null,
  }))));
});
"""


def run_dom(elementen: list[str], feestdagen: str | None, moment: str) -> list[dict]:
    return run_node(DOM_HARNESS, {"elementen": elementen, "feestdagen": feestdagen, "moment": moment})


def test_dom_fills_text_and_classes():
    kantoor = json.dumps(PLANNEN["kantoor"])
    bieb = json.dumps(PLANNEN["bieb"])
    result = run_dom([kantoor, bieb, "{kapot"], json.dumps(FEESTDAGEN), "2026-12-26T10:00:00Z")
    assert result == [
        {"tekst": "Gesloten, opent maandag om 9.00 uur", "classes": ["is-gesloten"], "status": "gesloten"},
        {"tekst": "Gesloten vanwege Tweede Kerstdag, opent maandag om 10.00 uur", "classes": ["is-gesloten"], "status": "gesloten"},
        {"tekst": "", "classes": [], "status": None},  # broken JSON: left alone
    ]
    result = run_dom([kantoor], json.dumps(FEESTDAGEN), "2026-12-28T08:00:00Z")
    assert result == [{"tekst": "Nu open, tot 17.00 uur", "classes": ["is-open"], "status": "open"}]


def test_dom_without_holidays_shows_only_what_it_can_know():
    kantoor = json.dumps(PLANNEN["kantoor"])
    altijd = json.dumps(PLANNEN["dag-en-nacht"])
    open_op_feestdagen = json.dumps(PLANNEN["elke-dag-feestdagen-open"])
    moment = "2026-12-26T10:00:00Z"
    expected_known = [
        {"tekst": "24 uur per dag bereikbaar", "classes": ["is-open"], "status": "open"},
        {"tekst": "Nu open, tot 16.00 uur", "classes": ["is-open"], "status": "open"},
    ]
    empty = {"tekst": "", "classes": [], "status": None}
    # no holiday list on the page
    assert run_dom([kantoor, altijd, open_op_feestdagen], None, moment) == [empty, *expected_known]
    # a holiday list that does not cover the next 35 days (site not rebuilt in time)
    old = json.dumps(feestdagen_json(2025, 2026))
    assert run_dom([kantoor, altijd, open_op_feestdagen], old, moment) == [empty, *expected_known]
    assert run_dom([kantoor], old, "2026-06-01T08:00:00Z")[0]["tekst"] == "Nu open, tot 17.00 uur"


def test_script_has_no_dependencies_and_documents_its_contract():
    text = SCRIPT.read_text(encoding="utf-8")
    assert "require(" not in text and "import " not in text
    assert "data-nu-open" in text.split("*/", 1)[0]
    assert 'id="feestdagen"' in text.split("*/", 1)[0]
    assert "Europe/Amsterdam" in text
    assert "</script" not in text.lower()  # so it can also be inlined in a page
