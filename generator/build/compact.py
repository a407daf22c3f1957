"""Keep pages small on a phone connection (and under the 40 KB page budget).

- compact_html drops the indentation and blank lines that MkDocs-material's templates leave in every
  page. Whitespace between tags is kept as one newline, so the rendering does not change; <pre>,
  <textarea> and <script> content is left exactly as it is.
- zelfde_plannen_eenmaal writes an opening-hours plan for nu-open.js (data-nu-open, about 300 bytes) once
  per page: a later element with the same plan refers to the first (data-nu-open='^N', the first gets
  data-nu-open-nr="N"). Lists of places often share their hours (the sociaal teams, the KCC).
- code_met_toetsenbord makes every code block reachable with the keyboard (tabindex="0" on <pre><code>,
  which scrolls sideways on a phone; WCAG 2.1.1). Material's JavaScript did this; the pages do without it.
"""

from __future__ import annotations

import re

_CODE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?<code)(?![^>]*\btabindex=)")
_PLAN = re.compile(r"data-nu-open='([^']*)'")
REFERENTIE = "^"

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_INDENTED_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def compact_html(html: str) -> str:
    parts = _KEEP.split(html)
    # re.split with two groups yields: text, whole kept block, tag name, text, ...
    out = []
    for index in range(0, len(parts), 3):
        out.append(_INDENTED_LINES.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out).strip() + "\n"


def zelfde_plannen_eenmaal(html: str) -> str:
    counts: dict[str, int] = {}
    for plan in _PLAN.findall(html):
        counts[plan] = counts.get(plan, 0) + 1
    numbers: dict[str, int] = {}
    seen: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        plan = match.group(1)
        if counts[plan] < 2:
            return match.group(0)
        number = numbers.setdefault(plan, len(numbers) + 1)
        if plan in seen:
            return f"data-nu-open='{REFERENTIE}{number}'"
        seen.add(plan)
        return f'{match.group(0)} data-nu-open-nr="{number}"'

    return _PLAN.sub(replace, html)


def code_met_toetsenbord(html: str) -> str:
    return _CODE.sub(r'\1 tabindex="0"', html)
