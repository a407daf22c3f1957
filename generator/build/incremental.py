"""`kaart serve` shows a changed record within seconds: rebuild only the pages it touches.

MkDocs' dirty build re-renders only the files whose `is_modified()` is true. For the generated
pages that is decided here, by comparing each page's *fingerprint* with the one of the previous
build in this process: the ids and values its template receives (records by id, lists in order,
numbers and texts). A page is rebuilt when its fingerprint differs, or when a record it shows has
changed (the text of its file differs).

Only voorzieningen, vindplaatsen and cliëntondersteuners are followed record by record: templates
read organisaties, ingangen (teams, the KCC), gebieden, the wegwijzer and synoniemen through the
whole kaart, so a change there (or a changed set of files) rebuilds every page, as before. The
first build of a `kaart serve` and every `kaart build` are full builds.

Hand-written pages (docs/) are rebuilt when the HTML of their snippets differs, when the Markdown of
any hand-written page changed (titles and navigation), or on a full rebuild.

A plain module-level function in a context (a URL helper) is summarised by its qualified name: its
code does not change while serving. A page whose context holds something a fingerprint cannot
summarise (a lambda, a bound method) is rebuilt whenever any record changed, and so is a page marked
`depends_on_every_record` (the beheer report: its template calls a function with the whole kaart). Per-record results that depend only on the
record and on what is not followed (the /kcc/ data's entries) are kept between builds
(`record_results`). After the search index and the open data of a rebuild are written, every file
the previous build made and this one does not is removed (`remove_files`): a deleted record's page
and open data and an older build's search files, so the served folder holds what a fresh `kaart
build` makes (tests/test_serve_rebuild.py compares them byte for byte after a sequence of edits).
When what the folder holds is not known (the first build, after a failed build or a follow-up a
newer build stopped), the whole folder is walked instead (`remove_other_files`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel

from ..validate import Kaart

FOLLOWED_SOORTEN = ("voorziening", "vindplaats", "clientondersteuner")


@dataclass
class BuildMemory:
    """What the previous build of this `kaart serve` saw."""

    texts: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (soort, id) -> the text of its file
    other: Any = None  # everything that is not followed record by record, plus the site-wide settings
    fingerprints: dict[str, tuple] = field(default_factory=dict)  # src_uri -> fingerprint
    partial: bool = False  # whether this build follows the previous one record by record
    hand_written: dict[str, Any] = field(default_factory=dict)  # src_uri -> Markdown and snippet HTML
    hand_written_before: dict[str, Any] | None = None  # the previous build's
    results: dict[str, "RecordResults"] = field(default_factory=dict)  # per-record results by name (record_results)
    results_before: dict[str, dict[int, tuple]] = field(default_factory=dict)  # the previous build's, when it may be reused


ANY_RECORD = "\0any record"  # in a page's refs: it depends on more than the records its context names
_MEMORY: dict[Path, BuildMemory] = {}  # per kaart folder; MkDocs makes a new plugin for every rebuild


SCALARS = (str, int, float, bool, type(None), dt.date, dt.datetime)
SHARED_FROM = 4  # containers at least this long are summarised once per build (pages share them: a-z letters, theme lists)


def fingerprint(value: Any, refs: set[str], models: dict[int, Any] | None = None) -> Any:
    """A comparable summary of a template's context value; record ids found go into `refs`.
    `models` remembers, by object, the summary of each model without an id, each dataclass and each
    longer list or dict across the pages of one build (with the record ids found in it): pages share
    them, and a model's JSON or a list of a thousand records costs more than the rest of the summary."""
    kind = type(value)
    if kind in SCALARS:
        return value
    if isinstance(value, BaseModel):
        record_id = getattr(value, "id", None)
        if isinstance(record_id, str):
            refs.add(record_id)
            return ("id", kind.__name__, record_id)
        return _shared(value, refs, models, lambda found: ("model", kind.__name__, value.model_dump_json()))
    if isinstance(value, (dict, list, tuple)) and len(value) < SHARED_FROM:
        return _summary(value, refs, models)
    if isinstance(value, (dict, list, tuple, set, frozenset)) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return _shared(value, refs, models, lambda found: _summary(value, found, models))
    if isinstance(value, SCALARS):  # e.g. a str subclass (Markup)
        return value
    if kind is types.FunctionType and _module_level(value):
        return ("function", value.__module__, value.__qualname__)
    if kind is functools.partial and type(value.func) is types.FunctionType and _module_level(value.func):
        return ("partial", fingerprint(value.func, refs, models), _summary(value.args, refs, models), _summary(value.keywords, refs, models))
    # Something it cannot summarise (a lambda or a bound method: what it gives may depend on the
    # objects it holds): the page may show any record, so any changed record rebuilds it.
    refs.add(ANY_RECORD)
    return kind.__name__


def _module_level(function: types.FunctionType) -> bool:
    """A function defined at module level (or in a class there) that holds no closure: what it gives
    depends only on its arguments. A page that calls one with the whole kaart says so itself
    (GeneratedPage.depends_on_every_record)."""
    return "<" not in function.__qualname__ and function.__closure__ is None


def _summary(value: Any, refs: set[str], models: dict[int, Any] | None) -> Any:
    if isinstance(value, dict):
        return tuple((key, fingerprint(item, refs, models)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(fingerprint(item, refs, models) for item in value)
    if isinstance(value, (set, frozenset)):
        return tuple(fingerprint(item, refs, models) for item in sorted(value, key=repr))
    # A field left out of the dataclass's equality (compare=False) is not part of its value: e.g. the
    # wegwijzer's parsed files, kept for messages.
    fields = (f for f in dataclasses.fields(value) if f.compare)
    return (type(value).__name__, tuple((f.name, fingerprint(getattr(value, f.name), refs, models)) for f in fields))


def _shared(value: Any, refs: set[str], models: dict[int, Any] | None, summarise: Any) -> Any:
    """The summary of an object several pages may share, made once per build when `models` is given."""
    if models is None:
        return summarise(refs)
    known = models.get(id(value))
    if known is None:
        found: set[str] = set()
        known = models[id(value)] = (value, summarise(found), frozenset(found))  # the object is kept: its id stays its own
    refs |= known[2]
    return known[1]


def unchanged_pages(kaart: Kaart, pages: Iterable[Any], site_settings: Any) -> set[str]:
    """The src_uris of generated pages that need no rebuild since the previous call for this kaart
    (empty on the first call, or when more than single records changed). Remembers this build."""
    followed = {key: source.text for key, source in kaart.sources.items() if key[0] in FOLLOWED_SOORTEN}
    other = (
        {key: source.text for key, source in kaart.sources.items() if key[0] not in FOLLOWED_SOORTEN},
        kaart.gebieden_source.text if kaart.gebieden_source else None,
        _extras_files(kaart.folder),
        site_settings,
    )
    previous = _MEMORY.get(kaart.folder)
    memory = BuildMemory(texts=followed, other=other, hand_written_before=previous.hand_written if previous else None)
    _MEMORY[kaart.folder] = memory
    changed_records = None
    if previous is not None and previous.other == other and previous.texts.keys() == followed.keys():
        changed_records = {record_id for (soort, record_id), text in followed.items() if previous.texts[(soort, record_id)] != text}
        memory.partial = True
        memory.results_before = {name: results.now for name, results in previous.results.items()}
    unchanged: set[str] = set()
    models: dict[int, Any] = {}
    for page in pages:
        refs: set[str] = {ANY_RECORD} if page.depends_on_every_record else set()
        memory.fingerprints[page.src_uri] = print_ = (
            page.template, page.title, page.description, fingerprint(page.meta, refs, models), fingerprint(page.context, refs, models))
        if changed_records is not None and previous.fingerprints.get(page.src_uri) == print_ and not refs & changed_records \
                and not (changed_records and ANY_RECORD in refs):
            unchanged.add(page.src_uri)
    return unchanged


class RecordResults:
    """What a function of one followed record (and of everything outside the followed records) gave in
    the previous build of `kaart serve`, reused for the same record object: an unchanged file keeps its
    record object (validate.py), a changed one gets a new one."""

    def __init__(self, before: dict[int, tuple] | None) -> None:
        self.before = before or {}
        self.now: dict[int, tuple] = {}  # only this build's records: an old record object is let go

    def get(self, record: Any, compute: Any) -> Any:
        known = self.before.get(id(record))
        if known is None or known[0] is not record:
            known = (record, compute(record))
        self.now[id(record)] = known
        return known[1]


def record_results(kaart: Kaart, name: str) -> RecordResults:
    """Per-record results named `name` for this build, after unchanged_pages: the previous build's are
    reused when nothing outside the followed records changed (the first build and any other change start empty)."""
    memory = _MEMORY[kaart.folder]
    results = memory.results[name] = RecordResults(memory.results_before.get(name) if memory.partial else None)
    return results


def _extras_files(folder: Path) -> tuple:
    """The wegwijzer and synoniemen files by name, size and modification time."""
    files = [folder / "synoniemen.yaml", *sorted((folder / "wegwijzer").rglob("*.yaml"))]
    return tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files if path.is_file())


def unchanged_hand_written(kaart: Kaart, prints: dict[str, tuple[str, Any]]) -> set[str]:
    """The hand-written pages that need no rebuild, after unchanged_pages for this build. `prints`:
    src_uri -> (its Markdown, the HTML of its snippets). None when this build does not follow the
    previous one record by record, or when any page's Markdown changed (titles, navigation); else
    every page whose snippets are as before. Remembers `prints`."""
    memory = _MEMORY[kaart.folder]
    memory.hand_written = prints
    before = memory.hand_written_before
    if not memory.partial or before is None or before.keys() != prints.keys():
        return set()
    if any(before[uri][0] != markdown for uri, (markdown, _) in prints.items()):
        return set()
    return {uri for uri, print_ in prints.items() if before[uri] == print_}


def site_files(config_file: Path, theme_dir: Path | None) -> tuple:
    """mkdocs.yml and the theme overrides, by content and modification time: a change there shows on every page."""
    files = sorted(p for p in theme_dir.rglob("*") if p.is_file()) if theme_dir and theme_dir.is_dir() else []
    return (config_file.read_bytes() if config_file.is_file() else b"",
            tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in files))



def site_outputs(files: Any, config: Any) -> set[str]:
    """The site's files (paths from the site folder) that MkDocs writes, or keeps from an earlier
    build of `kaart serve`, for this build: every file's destination and the theme's static templates."""
    outputs = {file.dest_uri for file in files if file.inclusion.is_in_serve()}
    outputs |= set(config.theme.static_templates) | {name + ".gz" for name in config.theme.static_templates}
    return outputs | set(config.extra_templates)


def remove_files(site_dir: Path, gone: Iterable[str]) -> int:
    """Remove these files (paths from the site folder) and the folders they leave empty: what the
    previous build of `kaart serve` made and this one does not (a deleted record's page and open
    data, an older search index). No walk over the site folder. The count removed."""
    removed = 0
    folders: set[Path] = set()
    for path in gone:
        target = site_dir / path
        try:
            target.unlink()
            removed += 1
        except FileNotFoundError:
            pass
        folders.update(target.parents[: len(Path(path).parts) - 1])  # its folders under site_dir
    for folder in sorted(folders, key=lambda folder: len(folder.parts), reverse=True):  # the deepest first
        try:
            folder.rmdir()
        except OSError:  # not empty (or already gone)
            pass
    return removed


def remove_other_files(site_dir: Path, keep: set[str]) -> int:
    """Remove every file under `site_dir` not in `keep` (paths from the site folder), and the folders
    left empty: what an older build of `kaart serve` wrote and this one does not (a deleted record's
    page and open data, an older search index). The count removed."""
    removed = 0
    for folder, subfolders, names in os.walk(site_dir, topdown=False):
        base = Path(folder)
        relative_folder = base.relative_to(site_dir).as_posix()
        prefix = "" if relative_folder == "." else relative_folder + "/"
        for name in names:
            if prefix + name not in keep:
                (base / name).unlink(missing_ok=True)
                removed += 1
        if prefix and not any(base.iterdir()):
            base.rmdir()
    return removed
