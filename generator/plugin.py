"""Stage 4: the MkDocs plugin. Loads and validates the kaart, adds the generated pages, renders them."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import re
import threading
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .build.compact import code_met_toetsenbord, compact_html, zelfde_plannen_eenmaal
from .build.contact import CONTACT_DATA_URI, contact_json, kcc_nummers
from .build.incremental import record_results, remove_files, remove_other_files, site_files, site_outputs, unchanged_hand_written, unchanged_pages
from .build.pages import SNIPPETS, GeneratedPage, SiteContext, generate_pages
from .build.feedback import RecordLinks
from .build.render import render
from .build import schil
from .build.prerender import Prerendered, page_content, with_page_navigation
from .build.sanitize import script_json
from .build.urls import relative
from .config import SocialeKaartConfig
from .export.publish import OpenData, write_files
from .huisstijl import HuisstijlFout, lees_huisstijl
from .kcc.data import KCC_DATA_URI, kcc_data_json
from .openingstijden import feestdagen_json
from .search.documents import hand_written_pages_from_files
from .search.background import BackgroundText
from .search.shards import files_in_text, write_files_text
from .search.site import lunr_files, search_files_text
from .validate import Kaart, load_kaart

ASSETS = Path(__file__).parent / "assets"
ASSET_PREFIX = "assets/kaart/"
STYLESHEET_URI = ASSET_PREFIX + "kaart.css"  # every generator/assets/css/*.css in one file: one request per page
_SNIPPET_MARKER = re.compile(r"<!--\s*kaart:([a-z0-9-]+)\s*-->")


def stylesheet() -> str:
    return "".join(f"/* {css.name} */\n{css.read_text(encoding='utf-8')}\n" for css in sorted(ASSETS.rglob("*.css")))


def feestdagen_voor_site(build_date: dt.date) -> dict[str, str]:
    """Public holidays for nu-open.js: the build year and the two after it, so a site stays right
    for at least two years without a rebuild (after that nu-open.js shows nothing rather than guess)."""
    return feestdagen_json(build_date.year, build_date.year + 2)


def escaped_meta(meta: dict) -> dict:
    """The front matter of a generated page with every text HTML-escaped (as Markup).

    Material's templates do not autoescape: they print page.meta.title and page.meta.description
    as they are, in <title>, <meta name="description" content="…"> and the header. The title and
    description of generated pages are partner text, so they reach the theme escaped; Markup keeps
    a template's own `| e` from escaping them twice."""
    return {key: escape(value) if isinstance(value, str) else value for key, value in meta.items()}


_SERVE_DIRTY = {"on": False}  # set by on_startup; MkDocs makes a new plugin instance for every rebuild of serve
log = logging.getLogger("mkdocs.plugins.sociale_kaart")


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates kept in memory across the rebuilds of `kaart serve` (Jinja checks
    each template's source checksum, so an edited override is compiled again)."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


_THEME_BYTECODE = _MemoryBytecodeCache()


class _ServeFollowUp:
    """`kaart serve`: the search files and the open data of a rebuild are finished after the pages are
    served. MkDocs' server answers no request until a build returns, and these two children take longer
    than the pages a changed record touches; so the changed page shows at once, search and open data a
    moment later. A newer build stops an older follow-up, which then writes nothing.

    Each finished follow-up remembers the files the site folder holds (`present`): the next one removes
    only those that left, without walking the folder. A build that failed or a follow-up that was
    stopped may have written files no list holds (the open data child writes straight into the
    folder): the next follow-up walks the whole folder."""

    lock = threading.Lock()
    generation = 0
    jobs: list[BackgroundText] = []
    building = False  # a build started and has not started its follow-up (yet, or it failed)
    present: dict[Path, set[str]] = {}  # site folder -> its files after the last finished follow-up

    @classmethod
    def stop(cls) -> None:
        """A new build starts: stop the previous follow-up."""
        with cls.lock:
            cls.generation += 1
            if cls.jobs or cls.building:  # a follow-up stopped before it finished, or a build failed
                cls.present.clear()
            cls.building = True
            for job in cls.jobs:
                job.stop()
            cls.jobs = []

    thread: threading.Thread | None = None

    @classmethod
    def start(cls, site_dir: Path, search_index: BackgroundText, open_data_files: BackgroundText, site_outputs: set[str]) -> None:
        """`site_outputs`: the files MkDocs wrote or keeps for this build; with the search files and
        the open data they are the whole site, and anything else in the folder is left from an older
        build (a deleted record's page, its open data, an older build's search shards): removed."""
        with cls.lock:
            cls.generation += 1
            generation, cls.jobs = cls.generation, [search_index, open_data_files]
            cls.building = False

        def finish() -> None:
            try:
                text = search_index.result()
                open_data = open_data_files.result()
            except RuntimeError as error:
                with cls.lock:
                    if generation == cls.generation:
                        log.error(str(error))
                return
            with cls.lock:
                if generation == cls.generation:  # under the lock: a newer build cannot start writing meanwhile
                    write_files_text(site_dir, text)
                    keep = site_outputs | {uri for uri, _ in files_in_text(text)} | set(open_data.splitlines())
                    before = cls.present.get(site_dir)
                    if before is None:
                        remove_other_files(site_dir, keep)
                    else:
                        remove_files(site_dir, before - keep)
                    cls.present[site_dir] = keep
                    cls.jobs = []

        cls.thread = threading.Thread(target=finish, name="zoekindex en open data", daemon=True)
        cls.thread.start()

    @classmethod
    def wait(cls, timeout: float | None = None) -> None:
        """Until the latest follow-up has written its files (for tests)."""
        if cls.thread is not None:
            cls.thread.join(timeout)


def _written(site_dir: Path, files: dict[str, str]) -> str:
    """Write the open data into the site; the paths written, one a line."""
    write_files(site_dir, files)
    return "\n".join(files)


def _unmodified(file: File) -> None:
    file.is_modified = lambda: False  # type: ignore[method-assign]


def _modified(file: File) -> None:
    file.is_modified = lambda: True  # type: ignore[method-assign]


def _source_from(page: Page, generated: GeneratedPage) -> None:
    page.markdown, page.meta = "", generated.page_meta()


def _custom_dir(config: MkDocsConfig) -> Path | None:
    custom = config.theme.custom_dir
    return Path(custom) if custom else None


def _no_markdown(page: Page) -> None:
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


class SocialeKaartPlugin(BasePlugin[SocialeKaartConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `kaart serve` asks MkDocs for dirty rebuilds: only changed pages are rendered (build/incremental.py).
        _SERVE_DIRTY["on"] = command == "serve" and dirty

    def __init__(self) -> None:
        self.kaart: Kaart | None = None
        self.site: SiteContext | None = None
        self.pages: dict[str, GeneratedPage] = {}
        self.snippet_html: dict[tuple[str, str], str] = {}  # (snippet, page url) -> its HTML in this build
        self.search_index: BackgroundText | None = None
        self.open_data_files: BackgroundText | None = None
        self.shells = schil.Shells()
        self.nav_urls: set[str] = set()
        self.prerendered = Prerendered([], None)
        self.files: Files | None = None
        self.start_search_index = lambda: None

    def kaart_folder(self, config: MkDocsConfig) -> Path:
        folder = Path(self.config.kaart)
        if not folder.is_absolute():
            folder = Path(config.config_file_path or ".").parent / folder
        return folder.resolve()

    def _kaart_prefix(self, config: MkDocsConfig) -> str:
        """The kaart folder as seen from the repository root (where mkdocs.yml is), for edit links."""
        root = Path(config.config_file_path or ".").resolve().parent
        folder = self.kaart_folder(config)
        return folder.relative_to(root).as_posix() if folder.is_relative_to(root) else "kaart"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra_css.append(STYLESHEET_URI)
        # Written once per page by docs/overrides/main.html as <script id="feestdagen"> for nu-open.js.
        config.extra["feestdagen"] = feestdagen_voor_site(dt.date.today())
        try:
            huisstijl = lees_huisstijl(config.extra, config.config_file_path, config.docs_dir)
        except HuisstijlFout as error:
            raise PluginError(str(error)) from None
        if huisstijl is not None:
            # Written in the head of every page by docs/overrides/main.html.
            config.extra["huisstijl_css"] = huisstijl.css_variables()
            config.extra["huisstijl_naam"] = huisstijl.naam
            if huisstijl.logo:
                config.theme["logo"] = huisstijl.logo
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if _SERVE_DIRTY["on"]:
            _ServeFollowUp.stop()  # the previous build's search index and open data are outdated now
        kaart, problems = load_kaart(self.kaart_folder(config))
        if problems or kaart is None:
            lines = "\n".join(str(problem) for problem in problems.sorted())
            raise PluginError(f"De kaart bevat {len(problems)} fout(en). Los ze op en bouw opnieuw:\n{lines}")
        self.kaart = kaart
        # The kaart's millions of objects stay for the whole build: out of the cycle collector's
        # sight, its full collections do not walk them again and again, here and in the forked
        # children (which also no longer copy the memory pages the collector would touch).
        gc.freeze()
        today = dt.date.today()
        open_data = OpenData(kaart, today, config.site_url, self.config.licentie, self.config.licentie_url)
        links = RecordLinks.from_config(config.repo_url, config.edit_uri, config.site_url, self._kaart_prefix(config))
        self.site = SiteContext(kaart, today, open_data, links)
        if not _SERVE_DIRTY["on"]:  # `kaart serve` starts it after the pages: they come first there
            self._write_open_data(config)  # first: it needs only the kaart, and runs while the pages are made
        config.extra["kaart"] = {
            "regio": kaart.gebieden.regio,
            "voorbeelddata": kaart.gebieden.voorbeelddata,
            "kcc": kcc_nummers(kaart),  # for the contact block on every page (partials/kcc-nummers.html)
        }
        self.pages = {}
        self.snippet_html = {}
        generated = generate_pages(kaart)
        unchanged: set[str] = set()
        if _SERVE_DIRTY["on"]:
            settings = (config.extra["kaart"], config.extra["feestdagen"], site_files(Path(config.config_file_path or "mkdocs.yml"), _custom_dir(config)))
            unchanged = unchanged_pages(kaart, generated, settings)
            self._mark_hand_written(files, kaart)
        for page in generated:
            self.pages[page.src_uri] = page
            file = File.generated(config, page.src_uri, content=page.front_matter())
            if page.src_uri in unchanged:
                _unmodified(file)
            files.append(file)
        for asset in sorted(p for p in ASSETS.rglob("*") if p.is_file() and p.suffix != ".css"):
            files.append(File.generated(config, ASSET_PREFIX + asset.relative_to(ASSETS).as_posix(), abs_src_path=str(asset)))
        files.append(File.generated(config, STYLESHEET_URI, content=stylesheet()))
        files.append(File.generated(config, CONTACT_DATA_URI, content=contact_json(kaart, self.site.today)))
        # The phone desk's extra data per record, loaded only by /kcc/ (generator/kcc/data.py).
        files.append(File.generated(config, KCC_DATA_URI, content=kcc_data_json(kaart, record_results(kaart, "kcc") if _SERVE_DIRTY["on"] else None)))
        self._add_search_files(files, config)
        self.prerendered.cancel()
        self.prerendered = Prerendered([] if _SERVE_DIRTY["on"] else generated, self.site)
        self.files = files
        return files

    def _mark_hand_written(self, files: Files, kaart: Kaart) -> None:
        """Hand-written pages carry snippets from the kaart: rebuilt unless their Markdown and the HTML
        of their snippets are as in the previous build (build/incremental.py). The snippets rendered
        here are reused when the page is built."""
        documentation = [file for file in files.documentation_pages() if file.src_uri not in self.pages]
        prints = {file.src_uri: self._hand_written_print(file) for file in documentation}
        keep = unchanged_hand_written(kaart, prints)
        for file in documentation:
            (_unmodified if file.src_uri in keep else _modified)(file)

    def _hand_written_print(self, file: File) -> tuple:
        markdown = file.content_string
        return markdown, tuple(self._snippet(name, file.url) for name in _SNIPPET_MARKER.findall(markdown))

    def _snippet(self, name: str, page_url: str) -> str | None:
        template = SNIPPETS.get(name)
        if template is None:
            return None
        key = (name, page_url)
        if key not in self.snippet_html:
            self.snippet_html[key] = render(template, url=lambda target: relative(page_url, target), **self.site.globals())
        return self.snippet_html[key]

    def _write_open_data(self, config: MkDocsConfig) -> None:
        """HSDS, the beheerders' CSV and the calendars (generator/export/), written straight into the
        site by a forked child while MkDocs renders pages (as the search index): thousands of small
        files cost no page machinery and no time on this core. The site folder is already cleaned."""
        open_data, site_dir = self.site.open_data, Path(config.site_dir)
        self._cancel(self.open_data_files)
        self.open_data_files = BackgroundText(lambda: _written(site_dir, open_data.site_files()), "De open data")

    def _add_search_files(self, files: Files, config: MkDocsConfig) -> None:
        """lunr.js with its Dutch support; the search data is built on the other core while MkDocs
        renders the pages, split into the site's files there too, and written in on_post_build
        (zoeken/zoekindex.json, its shards and card chunks)."""
        for static in lunr_files():
            files.append(File.generated(config, static.uri, abs_src_path=str(static.source)))
        hand_written = hand_written_pages_from_files(files, skip=self.pages)
        kaart, generated = self.kaart, list(self.pages.values())
        self._cancel_search_index()
        self.start_search_index = lambda: BackgroundText(lambda: search_files_text(kaart, generated, hand_written))
        if not _SERVE_DIRTY["on"]:  # `kaart serve` starts it after the pages (on_post_build)
            self.search_index = self.start_search_index()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # `kaart serve` builds again: the old kaart may go
        if _SERVE_DIRTY["on"]:
            # The changed pages are written: the server shows them as soon as this returns. The search
            # index and the open data start now, so the pages had both cores; they follow a moment later.
            self.search_index = self.start_search_index()
            self._write_open_data(config)
            _ServeFollowUp.start(Path(config.site_dir), self.search_index, self.open_data_files, site_outputs(self.files, config))
            self.search_index = self.open_data_files = None  # the follow-up owns them now
            self.prerendered.cancel()
            return
        try:
            write_files_text(Path(config.site_dir), self.search_index.result())
            self.open_data_files.result()
        except RuntimeError as error:
            raise PluginError(str(error)) from None
        finally:
            self._cancel_search_index()  # no-ops after result(); stops the other child if one failed
            self._cancel(self.open_data_files)
            self.open_data_files = None
            self.prerendered.cancel()

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()
        self._cancel_search_index()
        self._cancel(self.open_data_files)
        self.open_data_files = None
        self.prerendered.cancel()

    def _cancel_search_index(self) -> None:
        self._cancel(self.search_index)
        self.search_index = None

    @staticmethod
    def _cancel(job: BackgroundText | None) -> None:
        if job is not None:
            job.cancel()

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri in self.pages:
            page.meta = escaped_meta(page.meta)
        return markdown

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.nav_urls = {page.url for page in nav.pages}
        self.shells = schil.Shells()
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.filters["script_json"] = script_json  # for JSON inside <script> in the theme overrides
        # Generated pages deep in the site are written into a frame rendered once per kind (build/schil.py).
        env.loader = schil.loader(env.loader)
        env.globals["sociale_kaart_schil"] = self.shells.render
        env.auto_reload = False  # the theme's templates do not change during a build: no stat() per include
        if _SERVE_DIRTY["on"]:
            env.bytecode_cache = _THEME_BYTECODE  # every rebuild has a new environment: compile the theme once
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            # A generated page has no Markdown, only front matter: skip building a Markdown converter
            # with every extension for it (a tenth of the build); on_page_content gives the HTML.
            page.render = lambda config, files: _no_markdown(page)  # type: ignore[method-assign]
            # Nor parse its front matter as YAML: it is page_meta written out.
            page.read_source = lambda config: _source_from(page, generated)  # type: ignore[method-assign]
        return page

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            content = with_page_navigation(self._fill_snippets(html, page), page.url, page.meta or {})
        elif page.file.src_uri in self.prerendered:
            content = ""  # rendered by the child (build/prerender.py), put in by on_page_context
        else:
            content = page_content(generated, self.site)
        if generated is not None and schil.eligible(page.url, page.url in self.nav_urls):
            self.shells.use_for(page)
        return content

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if page.file.src_uri in self.prerendered:
            page.content = self.prerendered.content(page.file.src_uri)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return code_met_toetsenbord(zelfde_plannen_eenmaal(compact_html(output)))

    def _fill_snippets(self, html: str, page: Page) -> str:
        def snippet(match: re.Match) -> str:
            rendered = self._snippet(match.group(1), page.url)
            return match.group(0) if rendered is None else rendered

        return _SNIPPET_MARKER.sub(snippet, html)

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        server.watch(str(self.kaart_folder(config)))
        return server
