"""`kaart serve`: MkDocs' development server, told of changed files by the operating system.

MkDocs looks at every watched file twice a second (watchdog's PollingObserver): for a kaart of
thousands of record files that walk costs CPU on the core that rebuilds the site, and a change is
noticed a quarter of a second later on average. Here the server uses the operating system's file
events (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows; watchdog falls back
to polling elsewhere), and only events that change a file start a rebuild: the build itself reads
every file of the kaart, and those reads must not start the next one. A folder the operating
system cannot watch (no inotify watches left) is looked at the old way.
"""

from __future__ import annotations

from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

CHANGES = frozenset({"created", "deleted", "modified", "moved"})  # not 'opened', 'closed_no_write', 'attrib'
POLLING_INTERVAL = 0.5  # seconds, as MkDocs


class _ChangesOnly(FileSystemEventHandler):
    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if event.event_type in CHANGES:
            self.handler.dispatch(event)


class FileEvents(Observer):  # type: ignore[misc, valid-type]
    """An observer that passes on changes only; where the operating system will not watch (no inotify
    watches left), it looks at the files twice a second instead, as MkDocs does."""

    def __init__(self) -> None:
        super().__init__()
        self.scheduled: list[tuple[FileSystemEventHandler, Any, bool]] = []
        self.polling: PollingObserver | None = None

    def schedule(self, event_handler: FileSystemEventHandler, path: Any, *, recursive: bool = False, **options: Any) -> Any:
        self.scheduled.append((event_handler, path, recursive))
        if self.polling is not None:
            return self.polling.schedule(event_handler, path, recursive=recursive)
        return super().schedule(_ChangesOnly(event_handler), path, recursive=recursive)

    def unschedule(self, watch: Any) -> None:
        (self.polling or super()).unschedule(watch)

    def start(self) -> None:
        try:
            super().start()  # the operating system's watches are made here
        except OSError:
            self.unschedule_all()
            self.polling = PollingObserver(timeout=POLLING_INTERVAL)
            for handler, path, recursive in self.scheduled:
                self.polling.schedule(handler, path, recursive=recursive)
            self.polling.start()

    def stop(self) -> None:
        if self.polling is not None:
            self.polling.stop()
        else:
            super().stop()

    def join(self, timeout: float | None = None) -> None:
        (self.polling or super()).join(timeout)


def _theme_files_listed_once(files_class: Any) -> None:
    """MkDocs lists every file of the theme folders on every build to find the theme's static files;
    Material's holds thousands of icons, and that walk was a tenth of a rebuild. The installed theme
    does not change while serving: the list is kept, and made again when the folders or the files of
    the theme overrides (docs/overrides, small) change."""
    from mkdocs.structure.files import File

    listed = {}
    add_files_from_theme = files_class.add_files_from_theme

    def cached(self: Any, env: Any, config: Any) -> None:
        key = (tuple(config.theme.dirs), config.site_dir, config.use_directory_urls, tuple(sorted(config.theme.static_templates)),
               tuple(_files_in(config.theme.custom_dir)))
        if key not in listed:
            probe = files_class([])
            add_files_from_theme(probe, env, config)
            listed.clear()
            listed[key] = [(file.src_uri, file.src_dir) for file in probe]
        for path, folder in listed[key]:
            if self.get_file_from_path(path) is None:  # theme files do not override the docs folder's
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    files_class.add_files_from_theme = cached


def _files_in(folder: str | None) -> list[tuple[str, int, int]]:
    import os

    if not folder or not os.path.isdir(folder):
        return []
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            stat = os.stat(os.path.join(root, name))
            found.append((os.path.join(root, name), stat.st_size, stat.st_mtime_ns))
    return sorted(found)


def serve(config_file: str, dev_addr: str) -> None:
    """MkDocs' `serve` with dirty rebuilds (build/incremental.py), its server watching by file events."""
    import mkdocs.commands.serve as mkdocs_serve
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files

    _theme_files_listed_once(Files)  # this process only serves

    class Server(LiveReloadServer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.observer = FileEvents()

    mkdocs_serve.LiveReloadServer = Server  # this process only serves: MkDocs makes its server here
    mkdocs_serve.serve(config_file=config_file, dev_addr=dev_addr, build_type="dirty")
