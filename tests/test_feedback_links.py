"""Every record page links to GitHub's editor on its own file and to the pre-filled issue form."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import yaml

from support import ROOT

CONFIG = yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "kaart", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")))


def _links(page: str) -> dict[str, str]:
    block = re.search(r'<p class="sk-feedback">(.*?)</p>', page, re.S)
    assert block, "no feedback links"
    return {unescape(text): unescape(href) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', block.group(1))}


def test_every_record_page_can_be_edited_and_reported(demo, demo_site):
    repo = CONFIG["repo_url"].rstrip("/")
    for (soort, record_id), source in demo.sources.items():
        folder = source.path.parent.name
        page = (demo_site / folder / record_id / "index.html").read_text(encoding="utf-8")
        links = _links(page)
        edit = links["Deze gegevens aanpassen"]
        assert edit.startswith(f"{repo}/{CONFIG['edit_uri']}")
        path = edit.removeprefix(f"{repo}/{CONFIG['edit_uri']}")
        assert (ROOT / path).resolve() == source.path.resolve(), edit  # the very file of this record
        report = urlparse(links["Klopt er iets niet? Meld het"])
        query = parse_qs(report.query)
        assert f"{report.scheme}://{report.netloc}{report.path}" == f"{repo}/issues/new"
        assert query["record"] == [record_id] and query["pagina"][0].endswith(f"/{folder}/{record_id}/")
        template = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / query["template"][0]).read_text(encoding="utf-8"))
        assert {"record", "pagina"} <= {field.get("id") for field in template["body"]}
