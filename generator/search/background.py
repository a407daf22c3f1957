"""Build the search index next to the MkDocs build, on the other CPU core.

Building the lunr index in Python takes about a second per thousand records, while MkDocs
renders pages on one core. Where the OS can fork, `BackgroundText` computes the text in a
child process (which shares the already loaded kaart, nothing is pickled) and the plugin picks
the result up in on_post_build. Elsewhere, or with SOCIALE_KAART_ZOEK_SYNC=1, it runs at once.
The function is the same either way, so the output is too.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from typing import Callable

SYNC_ENV = "SOCIALE_KAART_ZOEK_SYNC"


class BackgroundText:
    """The text `compute()` returns, computed in a forked child process when possible."""

    def __init__(self, compute: Callable[[], str], wat: str = "De zoekindex") -> None:
        self._wat = wat  # what is computed, for the Dutch error message
        self._text: str | None = None
        self._pid: int | None = None
        self._path: str | None = None
        if not hasattr(os, "fork") or os.environ.get(SYNC_ENV):
            self._text = compute()
            return
        handle, self._path = tempfile.mkstemp(prefix="zoekindex-", suffix=".json")
        os.close(handle)
        pid = os.fork()
        if pid == 0:  # the child: compute, write, and leave without running the parent's exit handlers
            status = 0
            try:
                text = compute()
            except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
                text, status = traceback.format_exc(), 1
            try:
                with open(self._path, "w", encoding="utf-8") as output:
                    output.write(text)
            finally:
                os._exit(status)
        self._pid = pid

    def result(self) -> str:
        """The text; raises RuntimeError with the child's traceback when it failed."""
        if self._text is None:
            _, status = os.waitpid(self._pid, 0)
            self._pid = None
            try:
                with open(self._path, encoding="utf-8") as result:
                    text = result.read()
            finally:
                os.unlink(self._path)
            if os.waitstatus_to_exitcode(status) != 0:
                raise RuntimeError(f"{self._wat} kon niet gemaakt worden:\n{text}")
            self._text = text
        return self._text

    def stop(self) -> None:
        """Kill the child without waiting for it, from any thread: a result() waiting in another
        thread then raises RuntimeError (`kaart serve` drops a follow-up a newer build replaces)."""
        pid = self._pid
        if pid is not None:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass

    def cancel(self) -> None:
        """Stop a child that is no longer needed (a failed or interrupted build)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, 9)
                os.waitpid(self._pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._pid = None
            if self._path and os.path.exists(self._path):
                os.unlink(self._path)
