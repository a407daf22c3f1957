"""Drop the indentation and blank lines that MkDocs-material's templates leave in every page.

Pages must stay small on a phone connection. Whitespace between tags is kept as one newline,
so the rendering does not change; <pre>, <textarea> and <script> content is left exactly as it is.
"""

from __future__ import annotations

import re

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
