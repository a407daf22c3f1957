"""Where the project's mkdocs.yml is. Kept free of MkDocs imports, so `kaart zoek` starts fast."""

from __future__ import annotations

from pathlib import Path

MKDOCS_FILE = "mkdocs.yml"


def mkdocs_file(given: str | None, kaart: str | Path) -> str:
    """The site's mkdocs.yml: the one given (--config) or in the working directory, else the one next
    to the kaart folder, so `kaart build|serve|zoek --kaart /pad/naar/kaart` works from anywhere."""
    if given and Path(given).is_file():
        return given
    beside = Path(kaart).resolve().parent / MKDOCS_FILE
    return str(beside) if beside.is_file() else (given or MKDOCS_FILE)
