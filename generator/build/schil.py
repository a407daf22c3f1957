"""Generated pages written into a "shell" instead of through Material's templates one by one.

Material renders the page around the content (head, crisis banner, header, navigation, footer,
scripts) with a few hundred template calls per page: at 10,000 records that is a quarter of the
build. Most generated pages (records, theme and kern pages, A-Z letters: every page two or more
folders deep and not in the navigation) differ in that frame only by their title, description and
own address. So the frame is rendered once per kind of page, through the real theme and MkDocs
context, with markers where those values go, split at the markers, and every page of that kind is
the frame's pieces joined with its own escaped values and content.

What makes a kind (`shell_key`): the parent folder (relative links, and the active section in the
navigation, are the same for every page in it), every front-matter field but title and description
(robots, snel_weg, balie, … change the frame), whether the description is there, and whether the
content has its own <h1> (Material adds one otherwise). Pages one folder deep are rendered normally:
the theme compares some of their addresses (contact/, zoeken/). tests/test_schil.py builds the demo
and a kaart of hostile text both ways and compares every page byte for byte.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from markupsafe import Markup, escape

SHELL_TEMPLATE = "sociale-kaart-schil.html"
ENABLED = True  # tests switch it off to build the same site the normal way

_TITLE = "skschiltitel7f3a"
_DESCRIPTION = "skschilomschrijving7f3a"
_SLUG = "skschilpagina7f3a"
_CONTENT = "skschilinhoud7f3a"
_CONTENT_WITH_H1 = "<h1 " + _CONTENT + ">"  # content that holds "<h1", as the real content does
# A link from the frame to a page in the same folder ("../<slug>/…"): wrong for that page itself, which
# links to itself as "./". Such pages are rendered the normal way.
_SIBLING_LINK = re.compile(r"""["']\.\./(?!\.\.)([^/"'#?]+)""")
_MARKERS = re.compile("|".join(re.escape(marker) for marker in (_CONTENT_WITH_H1, _CONTENT, _TITLE, _DESCRIPTION, _SLUG)))


def eligible(url: str, in_nav: bool) -> bool:
    return ENABLED and not in_nav and url.count("/") >= 2 and _SLUG not in url


def shell_key(url: str, meta: dict, content: str) -> tuple:
    parent = url.rstrip("/").rsplit("/", 1)[0]
    rest = tuple(sorted((key, repr(value)) for key, value in meta.items() if key not in ("title", "description", "template")))
    return parent, rest, "description" in meta, "<h1" in content


class _MarkerPage:
    """The real page as the theme sees it, with markers for its title, description, address and content."""

    def __init__(self, page: Any, meta: dict, content: str) -> None:
        self._page = page
        slug = page.url.rstrip("/").rsplit("/", 1)[1]
        marked = page.url[: -len(slug) - 1] + _SLUG + "/"
        self.url = marked
        self.canonical_url = page.canonical_url.replace(page.url, marked) if page.canonical_url else page.canonical_url
        self.abs_url = page.abs_url.replace(page.url, marked) if page.abs_url else page.abs_url
        self.meta = {key: value for key, value in meta.items() if key != "template"}
        self.meta["title"] = Markup(_TITLE)
        if "description" in meta:
            self.meta["description"] = Markup(_DESCRIPTION)
        self.title = self.meta["title"]
        self.content = _CONTENT_WITH_H1 if "<h1" in content else _CONTENT

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


class Shells:
    """The shells of one build, by kind of page; `render` is what SHELL_TEMPLATE calls."""

    def __init__(self) -> None:
        self._shells: dict[tuple, tuple[list[str], set[str]]] = {}
        self.original_template: dict[str, str] = {}  # page url → the template it would have had

    def use_for(self, page: Any) -> None:
        """Render this page through the shell (called once its content is known)."""
        self.original_template[page.url] = page.meta.get("template", "main.html")
        page.meta["template"] = SHELL_TEMPLATE

    @jinja2.pass_context
    def render(self, context: jinja2.runtime.Context) -> Markup:
        page = context["page"]
        meta = page.meta
        key = shell_key(page.url, meta, page.content)
        shell = self._shells.get(key)
        if shell is None:
            shell = self._shells[key] = self._make(context, page)
        pieces, linked_siblings = shell
        slug = page.url.rstrip("/").rsplit("/", 1)[1]
        if slug in linked_siblings:
            return Markup(self._template(context, page).render(context.get_all()))
        values = {
            _TITLE: str(escape(meta["title"])),
            _DESCRIPTION: str(escape(meta.get("description", ""))),
            _SLUG: slug,
            _CONTENT: page.content,
            _CONTENT_WITH_H1: page.content,
        }
        return Markup("".join(values[piece] if index % 2 else piece for index, piece in enumerate(pieces)))

    def _template(self, context: jinja2.runtime.Context, page: Any) -> jinja2.Template:
        return context.environment.get_template(self.original_template[page.url])

    def _make(self, context: jinja2.runtime.Context, page: Any) -> tuple[list[str], set[str]]:
        """The frame for this kind of page, rendered once by the real template and split at the markers
        (text at even positions, markers at odd ones), and the pages in its folder that it links to."""
        variables = dict(context.get_all())
        variables["page"] = _MarkerPage(page, page.meta, page.content)
        html = self._template(context, page).render(variables)
        return _split(html), set(_SIBLING_LINK.findall(html))


def _split(html: str) -> list[str]:
    pieces: list[str] = []
    position = 0
    for match in _MARKERS.finditer(html):
        pieces += [html[position : match.start()], match.group(0)]
        position = match.end()
    pieces.append(html[position:])
    return pieces


def loader(base: jinja2.BaseLoader) -> jinja2.BaseLoader:
    """The theme's loader with SHELL_TEMPLATE added."""
    return jinja2.ChoiceLoader([jinja2.DictLoader({SHELL_TEMPLATE: "{{ sociale_kaart_schil() }}"}), base])
