"""The two links under every record page: "Deze gegevens aanpassen" (GitHub's web editor on the
record's own file) and "Klopt er iets niet? Meld het" (the Dutch issue form, pre-filled with the
record id and the page). Both come from `repo_url` and `edit_uri` in mkdocs.yml; without
`repo_url` the links are left out."""

from __future__ import annotations

from dataclasses import dataclass
import posixpath
from urllib.parse import quote_plus, urlencode

from ..vocabulary import SOORTEN
from .urls import record_url

ISSUE_TEMPLATE = "er-klopt-iets-niet.yml"  # .github/ISSUE_TEMPLATE/, with the fields 'record' and 'pagina'
_ISSUE_QUERY_START = urlencode({"template": ISSUE_TEMPLATE})


@dataclass(frozen=True)
class RecordLinks:
    repo_url: str  # https://github.com/owner/repo
    edit_uri: str  # edit/main/ : GitHub's editor on the main branch, from the repository root
    site_url: str  # https://sociale-kaart.example/
    kaart_prefix: str  # the kaart folder from the repository root, e.g. 'kaart'

    @classmethod
    def from_config(cls, repo_url: str | None, edit_uri: str | None, site_url: str | None, kaart_prefix: str) -> "RecordLinks | None":
        if not repo_url:
            return None
        return cls(repo_url.rstrip("/"), (edit_uri or "edit/main/").strip("/") + "/", (site_url or "/").rstrip("/") + "/", kaart_prefix.strip("/"))

    def edit_url(self, kaart, soort: str, record_id: str) -> str:
        source = kaart.sources.get((soort, record_id))
        name = posixpath.basename(source.path) if source else f"{record_id}.yaml"  # display_path: posix, a file
        path = "/".join(part for part in (self.kaart_prefix, SOORTEN[soort][0], name) if part and part != ".")
        return f"{self.repo_url}/{self.edit_uri}{path}"

    def issue_url(self, soort: str, record) -> str:
        # urlencode of {"template": …, "title": …, "record": …, "pagina": …}, with its fixed part written once
        title, page = quote_plus(f"Klopt niet: {record.naam}"), quote_plus(self.site_url + record_url(soort, record.id))
        return f"{self.repo_url}/issues/new?{_ISSUE_QUERY_START}&title={title}&record={quote_plus(record.id)}&pagina={page}"
