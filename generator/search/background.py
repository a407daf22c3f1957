"""Build the search index next to the MkDocs build, on the other CPU core.

Building the lunr index in Python takes about a second per thousand records, while MkDocs
renders pages on one core. Where the OS can fork, `BackgroundParts` computes texts in a child
process (which shares the already loaded kaart, nothing is pickled) and hands them over one by one
(the pages build/prerender.py renders); `BackgroundText` is the case of one text (the search index
and the open data, picked up in on_post_build). Elsewhere, or with SOCIALE_KAART_ZOEK_SYNC=1, they
run at once. The function is the same either way, so the output is too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import traceback
from typing import Callable, Iterable

SYNC_ENV = "SOCIALE_KAART_ZOEK_SYNC"


class BackgroundParts:
    """Texts that `compute()` yields one after another, computed in a forked child when possible; the
    parent takes each part as soon as the child has written it, while the child goes on with the next
    (the pages MkDocs writes while their neighbours are still rendered). A part is a file in a private
    folder; one byte on a pipe tells the parent that the next part is there."""

    FAILED = "{wat} konden niet gemaakt worden"  # the Dutch error message, with what is computed

    def __init__(self, compute: Callable[[], Iterable[str]], wat: str) -> None:
        self._wat = wat
        self._parts: list[str] | None = None
        self._pid: int | None = None
        self._ready = 0
        if not hasattr(os, "fork") or os.environ.get(SYNC_ENV):
            self._parts = list(compute())
            return
        self._folder = tempfile.mkdtemp(prefix="delen-")
        self._signal, signal = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: write every part, then leave without running the parent's exit handlers
            status = 0
            try:
                os.close(self._signal)
                for index, text in enumerate(compute()):
                    path = os.path.join(self._folder, str(index))
                    with open(path + ".tmp", "w", encoding="utf-8") as output:
                        output.write(text)
                    os.rename(path + ".tmp", path)  # whole before the parent may read it
                    os.write(signal, b".")
            except BaseException:  # noqa: BLE001 - reported to the parent, which raises it
                status = 1
                with open(os.path.join(self._folder, "fout"), "w", encoding="utf-8") as output:
                    output.write(traceback.format_exc())
            finally:
                os._exit(status)
        os.close(signal)
        self._pid = pid

    def part(self, index: int) -> str:
        """Part `index` (0, 1, …), waiting until the child has written it; each part is taken once.
        Raises RuntimeError with the child's traceback when the child failed (or was stopped) before
        writing it."""
        if self._parts is not None:
            return self._parts[index]
        while self._ready <= index:
            signals = os.read(self._signal, 4096)
            if not signals:  # the child has ended without writing this part
                raise RuntimeError(f"{self.FAILED.format(wat=self._wat)}:\n{self._failure()}")
            self._ready += len(signals)
        path = os.path.join(self._folder, str(index))
        with open(path, encoding="utf-8") as source:
            text = source.read()
        os.unlink(path)
        return text

    def _failure(self) -> str:
        try:
            with open(os.path.join(self._folder, "fout"), encoding="utf-8") as error:
                return error.read()
        except OSError:
            return "(het proces stopte zonder melding)"
        finally:
            self.cancel()

    def stop(self) -> None:
        """Kill the child without waiting for it, from any thread: a part() waiting in another thread
        then raises RuntimeError (`kaart serve` drops a follow-up a newer build replaces)."""
        pid = self._pid
        if pid is not None:
            try:
                os.kill(pid, 9)
            except ProcessLookupError:
                pass

    def cancel(self) -> None:
        """Stop the child if it still runs (a no-op once it has ended), collect it and remove what it
        wrote; called when the parts are no longer needed, also after the last one was taken."""
        if self._pid is None:
            return
        self.stop()
        try:
            os.waitpid(self._pid, 0)
        except ChildProcessError:
            pass
        self._pid = None
        os.close(self._signal)
        shutil.rmtree(self._folder, ignore_errors=True)


class BackgroundText(BackgroundParts):
    """The one text `compute()` returns, computed in a forked child when possible."""

    FAILED = "{wat} kon niet gemaakt worden"

    def __init__(self, compute: Callable[[], str], wat: str = "De zoekindex") -> None:
        self._text: str | None = None
        super().__init__(lambda: (compute(),), wat)

    def result(self) -> str:
        """The text; raises RuntimeError with the child's traceback when it failed."""
        if self._text is None:
            self._text = self.part(0)
            self.cancel()  # the child has written its one part: collect it
        return self._text
