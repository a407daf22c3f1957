"""The content of part of the generated pages, rendered on the other CPU core while MkDocs works.

MkDocs renders pages one after another in one process. On a large kaart the plugin forks a child
(search/background.py, as for the search index and the open data) that renders the content of the
last generated pages in MkDocs' order (our templates: the largest part of the build). MkDocs gets an
empty placeholder for those pages, and the plugin puts the real content in just before the page is
written (on_page_context); by then the child has had all of MkDocs' reading phase to finish. The
content is the same function of the page either way (`page_content`); tests/test_schil.py builds
the demo both ways and compares every page.
"""

from __future__ import annotations

import json
from typing import Any

from ..search.background import BackgroundText
from .opdezepagina import met_opdezepagina

ENABLED = True  # tests switch it off to build the same site in one process
MIN_PAGES = 400  # below this the fork costs more than it saves
SHARE = 0.85  # the part of the generated pages the child renders: the main process also loads the kaart and writes every page


def with_page_navigation(html: str, url: str, meta: dict) -> str:
    """"Op deze pagina" on long pages. Its "Praten met iemand" link only where the praten block is
    at the end: Contact has it at the top, the phone desk's pages (meta 'balie') have none."""
    return met_opdezepagina(html, praten=url != "contact/" and not meta.get("balie"))


def page_content(generated: Any, site: Any) -> str:
    """A generated page's HTML content as the plugin hands it to MkDocs."""
    return with_page_navigation(generated.render(site), generated.url, generated.meta)


class Prerendered:
    """The content of the pages a forked child renders, by src_uri."""

    def __init__(self, pages: list[Any], site: Any) -> None:
        self._uris: list[str] = []
        self._job: BackgroundText | None = None
        self._content: dict[str, str] | None = None
        if ENABLED and len(pages) >= MIN_PAGES:
            chosen = pages[len(pages) - int(len(pages) * SHARE):]
            self._uris = [page.src_uri for page in chosen]
            # ASCII JSON: any text the pages hold (even a lone surrogate) comes back exactly as it went in.
            self._job = BackgroundText(lambda: json.dumps([page_content(page, site) for page in chosen]), "De pagina's")
        self._wanted = set(self._uris)

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self._wanted

    def content(self, src_uri: str) -> str:
        if self._content is None:
            self._content = dict(zip(self._uris, json.loads(self._job.result())))
        return self._content[src_uri]

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None
