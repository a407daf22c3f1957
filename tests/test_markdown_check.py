"""The Markdown check skips the parse for texts that cannot hold markup (build/sanitize._may_hold_markup).
The skip must never change the verdict: compared here with the full parse on many texts."""

from __future__ import annotations

import itertools

import pytest
import yaml

from generator.build import sanitize
from generator.fields import _check_email, parse_phone
from support import DEMO_KAART

FRAGMENTS = ["woord", "- ", "* ", "+ ", "1. ", "2) ", "> ", "\n", "\n\n", "  ", "<b>", "<!-- x -->", "[a](https://x.nl)", "[a](javascript:x)",
             "![b](https://x.nl/p.png)", "[c]: https://x.nl", "<https://x.nl>", "tel:", "[d](tel:0523123456)", "&lt;b&gt;", "`code`", "**vet**", "#"]


def texts() -> list[str]:
    found = ["".join(parts) for parts in itertools.product(FRAGMENTS, repeat=2)]
    found += ["".join(parts) for parts in itertools.product(["woord ", "- ", "> ", "1. ", "* ", "\n", "<b>", "[a](tel:1)"], repeat=4)]
    found += ["- " * depth + "diep" for depth in range(1, 8)] + ["> " * depth + "diep" for depth in range(1, 8)]
    found += ["1. " * depth + "diep" for depth in range(1, 8)] + ["\n".join("  " * i + "- x" for i in range(depth)) for depth in range(1, 8)]
    for path in sorted(DEMO_KAART.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [value for value in (data.values() if isinstance(data, dict) else []) if isinstance(value, str)]
    return found


def test_texts_without_markup_get_the_verdict_of_the_full_parse(monkeypatch):
    cases = texts()
    skipped = sum(1 for text in cases if not sanitize._may_hold_markup(text))
    quick = [sanitize.markdown_problems(text, _check_email, parse_phone) for text in cases]
    monkeypatch.setattr(sanitize, "_may_hold_markup", lambda text: True)
    full = [sanitize.markdown_problems(text, _check_email, parse_phone) for text in cases]
    assert quick == full
    assert skipped > 100, skipped  # the skip is really taken


@pytest.mark.parametrize("text", ["- - - - - x", "> > > > > x", "1. 2. 3. 4. 5. x", "a <b>", "[x]: https://x.nl"])
def test_texts_that_may_hold_markup_are_parsed(text):
    assert sanitize._may_hold_markup(text)
