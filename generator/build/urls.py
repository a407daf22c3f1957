"""Where every generated page lives, and relative links between pages."""

from __future__ import annotations

from ..vocabulary import SOORTEN


def record_url(soort: str, record_id: str) -> str:
    return f"{SOORTEN[soort][0]}/{record_id}/"


def thema_url(thema_id: str) -> str:
    return f"themas/{thema_id}/"


def kern_url(kern_id: str) -> str:
    return f"kernen/{kern_id}/"


def src_uri_for(url: str) -> str:
    """The virtual Markdown source of a page with this directory URL ('' is the home page)."""
    return f"{url.rstrip('/')}/index.md" if url else "index.md"


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`; both are site-relative directory URLs.

    Done by hand rather than with posixpath.relpath: it runs for every link of every page."""
    target, _, fragment = to_url.partition("#")
    source = [part for part in from_url.split("/") if part]
    destination = [part for part in target.split("/") if part]
    common = 0
    while common < min(len(source), len(destination)) and source[common] == destination[common]:
        common += 1
    path = "/".join([".."] * (len(source) - common) + destination[common:]) or "."
    if (not target or target.endswith("/")) and not path.endswith("/"):
        path += "/"
    return f"{path}#{fragment}" if fragment else path
