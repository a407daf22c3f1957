"""`kaart serve`: a changed record shows on its pages after the rebuild; search and open data follow.

A real server (`kaart serve` in a child process) on a copy of the mini kaart: the test edits a
record file as a partner would and reads the pages over HTTP, as a browser would.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from support import ROOT

RECORD = "voorzieningen/maaltijdservice.yaml"
OLD_NAME = "Maaltijdservice Cranenburg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(check, timeout: float = 240) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.2)
    return False


def search_files(base: str) -> str:
    """The text of the search files the served site publishes now: the manifest and its card chunks."""
    text = fetch(f"{base}/zoeken/zoekindex.json")
    delen = json.loads(text or "{}").get("delen")
    if not delen:
        return text
    chunks = range((len(json.loads(text)["docs"]) + delen["kaarten"] - 1) // delen["kaarten"])
    return "\n".join([text, *(fetch(f"{base}/zoeken/{delen['map']}/k{number}.json") for number in chunks)])


@pytest.fixture
def served_mini(mini_kaart):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "--kaart", str(mini_kaart), "--adres", f"127.0.0.1:{port}"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: OLD_NAME in fetch(f"{base}/voorzieningen/maaltijdservice/")), "kaart serve did not come up"
        yield mini_kaart, base
    finally:
        server.terminate()
        server.wait(timeout=30)


def rename(path, new_name: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(f"naam: {new_name}" if line.startswith("naam:") else line for line in lines) + "\n", encoding="utf-8")


def without_reload_script(page: str) -> str:
    return re.sub(r"livereload\(\d+, *\d+\)", "", page)  # the server marks every page with its build


def test_a_changed_record_is_served_on_every_page_that_shows_it_and_search_follows(served_mini):
    kaart, base = served_mini
    other_page = without_reload_script(fetch(f"{base}/voorzieningen/formulierenhulp/"))
    assert "Formulierenhulp" in other_page
    names = [OLD_NAME, "Maaltijden aan huis", "Warme maaltijd thuis"]
    for before, new_name in zip(names, names[1:]):  # twice: the later change wins everywhere
        rename(kaart / RECORD, new_name)
        assert wait_until(lambda: new_name in fetch(f"{base}/voorzieningen/maaltijdservice/")), f"'{new_name}' never shown"
        assert before not in fetch(f"{base}/voorzieningen/maaltijdservice/")
        # the pages that list it come from the same build: never the old name beside the new page
        for listing in ("themas/wonen-en-huishouden/", "kernen/cranenburg/", "organisaties/welzijn-proef/"):
            page = fetch(f"{base}/{listing}")
            assert new_name in page and before not in page, listing
        # the search files and the open data follow after the pages are served
        assert wait_until(lambda: new_name in search_files(base), 120), f"search never shows '{new_name}'"
        assert wait_until(lambda: new_name in fetch(f"{base}/open-data/sociale-kaart.csv"), 120), "open data never changed"
    assert OLD_NAME not in search_files(base) and names[1] not in search_files(base)
    assert without_reload_script(fetch(f"{base}/voorzieningen/formulierenhulp/")) == other_page  # unrelated: as it was


def test_the_server_hears_of_changed_files_not_of_files_read(tmp_path, monkeypatch):
    """generator/serve.py: the server's observer passes on writes; the reads of every build must not start the next
    build. Where the operating system will not watch, it polls as MkDocs does."""
    from watchdog.events import FileSystemEventHandler

    from generator.serve import FileEvents

    record = tmp_path / "voorzieningen" / "a.yaml"
    record.parent.mkdir()
    record.write_text("naam: A\n", encoding="utf-8")

    def observed(observer: FileEvents) -> list:
        changed: list = []
        handler = FileSystemEventHandler()
        handler.on_any_event = lambda event: None if event.is_directory else changed.append(event.src_path)  # as MkDocs
        observer.schedule(handler, str(tmp_path), recursive=True)
        observer.start()
        return changed

    def refuse(self):
        raise OSError(28, "inotify watch limit reached")

    for refused in (False, True):
        if refused:
            monkeypatch.setattr(FileEvents.__mro__[1], "start", refuse)  # the operating system's observer
        observer = FileEvents()
        changed = observed(observer)
        try:
            assert (observer.polling is not None) == refused
            time.sleep(1.2)
            record.read_text(encoding="utf-8")
            time.sleep(1.2)
            assert changed == []
            rename(record, f"B {refused}")
            assert wait_until(lambda: str(record) in changed, 10), refused
        finally:
            observer.stop()
            observer.join(5)
