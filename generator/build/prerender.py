"""The content of part of the generated pages, rendered on the other CPU core while MkDocs works.

MkDocs renders pages one after another in one process. On a large kaart the plugin forks a child
(search/background.py, as for the search index and the open data) that renders the content of the
last generated pages in MkDocs' order (our templates: the largest part of the build). MkDocs gets an
empty placeholder for those pages, and the plugin puts the real content in just before the page is
written (on_page_context). The child hands the content over in parts, so MkDocs writes the first
pages while the child still renders the last: neither core waits for the other at the end. The
content is the same function of the page either way (`page_content`); tests/test_schil.py builds
the demo both ways and compares every page.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..search.background import BackgroundParts
from .opdezepagina import met_opdezepagina

ENABLED = True  # tests switch it off to build the same site in one process
MIN_PAGES = 400  # below this the fork costs more than it saves
PART_PAGES = 250  # pages per part the child hands over
SHARE = 0.85  # the part of the generated pages the child renders: the main process also loads the kaart and writes every page


def with_page_navigation(html: str, url: str, meta: dict) -> str:
    """"Op deze pagina" on long pages. Its "Praten met iemand" link only where the praten block is
    at the end: Contact has it at the top, the phone desk's pages (meta 'balie') have none."""
    return met_opdezepagina(html, praten=url != "contact/" and not meta.get("balie"))


def page_content(generated: Any, site: Any) -> str:
    """A generated page's HTML content as the plugin hands it to MkDocs."""
    return with_page_navigation(generated.render(site), generated.url, generated.meta)


class Prerendered:
    """The content of the pages a forked child renders, by src_uri. The child hands them over in parts
    of PART_PAGES pages, in MkDocs' order: MkDocs writes the first pages while the child renders the rest."""

    def __init__(self, pages: list[Any], site: Any) -> None:
        self._position: dict[str, int] = {}
        self._job: BackgroundParts | None = None
        self._content: dict[str, str] = {}
        self._parts_taken = 0
        if ENABLED and len(pages) >= MIN_PAGES:
            chosen = pages[len(pages) - int(len(pages) * SHARE):]
            self._uris = [page.src_uri for page in chosen]
            self._position = {uri: index for index, uri in enumerate(self._uris)}
            self._job = BackgroundParts(lambda: _rendered_parts(chosen, site), "De pagina's")

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self._position

    def content(self, src_uri: str) -> str:
        part = self._position[src_uri] // PART_PAGES
        while self._parts_taken <= part:
            first = self._parts_taken * PART_PAGES
            texts = json.loads(self._job.part(self._parts_taken))
            self._content.update(zip(self._uris[first : first + len(texts)], texts))
            self._parts_taken += 1
        return self._content.pop(src_uri)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None


def _rendered_parts(pages: list[Any], site: Any) -> Iterator[str]:
    # ASCII JSON: any text the pages hold (even a lone surrogate) comes back exactly as it went in.
    for first in range(0, len(pages), PART_PAGES):
        yield json.dumps([page_content(page, site) for page in pages[first : first + PART_PAGES]])
