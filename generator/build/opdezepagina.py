"""In-page navigation ("Op deze pagina") for long pages, so no resident scrolls through more than about
four phone screens without a way to jump.

Applied by the plugin to every page's content (hand-written and generated): a page with at least
MIN_SECTIONS headings <h2 id="..."> and at least MIN_TEXT characters of text gets the links, placed just
before its first section, so whatever the page leads with (a search field, the door of a wegwijzer
outcome, a record's summary) stays on the first screen. Pages that place their own navigation
(templates calling the macro op_deze_pagina) are left as they are. The markup is that macro's.
"""

from __future__ import annotations

import html as html_lib
import re

from .render import environment

MIN_SECTIONS = 2
MIN_TEXT = 1500
_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAG = re.compile(r"<[^>]+>")
PRATEN = ("sk-praten", "Praten met iemand")  # docs/overrides/partials/praten.html, after the content


def met_opdezepagina(content: str, *, praten: bool = True) -> str:
    if 'class="sk-opdezepagina"' in content:
        return content
    sections = [(anchor, _TAG.sub("", label).strip()) for anchor, label in _H2.findall(content)]
    if len(sections) < MIN_SECTIONS or len(html_lib.unescape(_TAG.sub("", content))) < MIN_TEXT:
        return content
    if praten and not any("praten" in label.lower() for _, label in sections):  # the page has its own (home)
        sections.append(PRATEN)
    nav = str(environment().get_template("_macros.html").module.op_deze_pagina(sections))
    first = _H2.search(content)
    return content[:first.start()] + nav + content[first.start():]
