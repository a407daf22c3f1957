"""Partner-input benchmark: the worst Markdown and YAML a partner can send, timed.

Prints, for each pathological text, the time to render it (`safe_markdown`, what the build does)
and to check it (`markdown_problems`, what `kaart check` does), at the check's limit (5,000
characters, the largest text the check lets through) and at 256 KB (the largest file the loader
reads). Also the time to load and check the demo kaart. Asserts nothing.
Run: `python bench/partner_input.py`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build.sanitize import MAX_MARKDOWN, markdown_problems, safe_markdown  # noqa: E402
from generator.fields import _check_email, parse_phone  # noqa: E402
from generator.validate import load_kaart  # noqa: E402

PATTERNS = {
    "open brackets [[[": "[",
    "unbalanced links [a](": "[a](",
    "images ![![": "![",
    "emphasis *a **": "*a **",
    "underscores _a __": "_a __",
    "angle brackets <<<": "<",
    "html tags <a ": "<a ",
    "nested quotes > > ": "> ",
    "nested lists": None,
    "reference definitions [x]: /u": "[x]: /u\n",
    "backticks ```": "`",
    "plain text": "woord ",
}


def text_of(pattern: str | None, size: int) -> str:
    if pattern is None:
        lines, depth = [], 0
        while sum(len(line) + 1 for line in lines) < size:
            lines.append("  " * depth + "- x")
            depth += 1
        return "\n".join(lines)[:size]
    return (pattern * (size // len(pattern) + 1))[:size]


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    print(f"{'pattern':34} {'size':>8} {'render s':>9} {'check s':>9}")
    worst_render = worst_check = 0.0
    for name, pattern in PATTERNS.items():
        for size in (MAX_MARKDOWN, 256 * 1024):
            text = text_of(pattern, size)
            render = timed(safe_markdown, text)
            check = timed(markdown_problems, text, _check_email, parse_phone)
            worst_render, worst_check = max(worst_render, render), max(worst_check, check)
            print(f"{name:34} {size:>8} {render:>9.3f} {check:>9.3f}")
    print(f"\nworst render: {worst_render:.3f} s, worst check: {worst_check:.3f} s (target: under 1 s for a 256 KB field)")
    start = time.perf_counter()
    kaart, problems = load_kaart(ROOT / "kaart")
    print(f"load and check of the demo kaart: {time.perf_counter() - start:.2f} s ({sum(len(r) for r in kaart.records.values())} records, {len(problems)} problems)")


if __name__ == "__main__":
    main()
