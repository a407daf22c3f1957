"""Stage 1 on two cores: `kaart check` and a full build read and validate 10,000 record files.

Where the OS can fork, a child process works through the files from the end of the list while this
process works from the start, a chunk at a time, until they meet: whatever else either core is busy
with (this process's own other work, another program on a shared machine), both finish together.
The child sends each chunk's results back pickled (plain data and pydantic models, through a private
temporary file) as soon as it is done, and this process loads them between its own chunks: pickling and
unpickling overlap the reading. On any trouble in the
child, this process reads the child's part itself: the result is the same either way.
Only from the main thread with no other threads running (forking a threaded process can deadlock
the child), and only for many files (a fork and a pickle cost more than a small kaart).
"""

from __future__ import annotations

import mmap
import os
import pickle
import select
import struct
import tempfile
import threading
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MINIMUM = 1500  # files; below this one core is as fast
CHUNK = 32  # files taken at a time: small enough that neither side waits long for the other at the end
SYNC_ENV = "SOCIALE_KAART_EEN_KERN"  # set (to anything) to read on one core


def map_in_halves(function: Callable[[Item], Result], items: Sequence[Item], meanwhile: Callable[[], object] | None = None) -> list[Result]:
    """[function(item) for item in items], part of it computed in a forked child when it pays. `meanwhile`
    (optional) is other work of this process, done while the child already reads."""
    if not _may_fork(len(items)):
        if meanwhile is not None:
            meanwhile()
        return [function(item) for item in items]
    shared = _SharedRange(len(items))
    handle, path = tempfile.mkstemp(prefix="kaart-helft-", suffix=".pickle")
    os.close(handle)
    pid = os.fork()
    if pid == 0:  # the child: compute from the end, write each chunk, and leave without running the parent's exit handlers
        status = 1
        try:
            with open(path, "wb") as output:
                while (chunk := shared.take(from_end=True, written=output.tell())) is not None:
                    start, end = chunk
                    pickle.dump((start, [function(item) for item in items[start:end]]), output, protocol=pickle.HIGHEST_PROTOCOL)
                    output.flush()
            status = 0
        finally:
            os._exit(status)
    shared.child = pid
    received = _Received(path)
    try:
        if meanwhile is not None:
            meanwhile()
        first: list[Result] = []
        while (chunk := shared.take(from_end=False)) is not None:
            first += [function(item) for item in items[chunk[0]:chunk[1]]]
            received.load(shared.written)  # the child's finished chunks, between this process's own
    except BaseException:
        _stop(pid, path)
        received.close()
        shared.close()
        raise
    split = len(first)
    second = _collect(shared, received, split, len(items))
    return first + (second if second is not None else [function(item) for item in items[split:]])


class _SharedRange:
    """The part of the list nobody has taken yet, [front, back), and how many bytes of results the child has
    written, in memory shared with the child; a one-byte token in a pipe is its lock. This process takes from
    the front, the child from the back."""

    def __init__(self, count: int) -> None:
        self.memory = mmap.mmap(-1, 24)
        struct.pack_into("qqq", self.memory, 0, 0, count, 0)
        self.token_in, self.token_out = os.pipe()
        os.write(self.token_out, b".")
        self.child: int | None = None  # in this process: the child's pid, until it has ended
        self.child_status: int | None = None  # its exit code, when it ended while this process waited for the lock
        self.written = 0  # in this process: the child's written bytes, as last seen

    def take(self, from_end: bool, written: int = 0) -> tuple[int, int] | None:
        """The next chunk (start, end) for this side, or None when nothing is left. The child says how many bytes
        of results it has written so far (all of them whole chunks)."""
        locked = self._lock()
        try:
            front, back, self.written = struct.unpack_from("qqq", self.memory, 0)
            if from_end:
                struct.pack_into("q", self.memory, 16, written)
            if front >= back:
                return None
            if from_end:
                start, end = max(front, back - CHUNK), back
                struct.pack_into("q", self.memory, 8, start)
            else:
                start, end = front, min(back, front + CHUNK)
                struct.pack_into("q", self.memory, 0, end)
            return start, end
        finally:
            if locked:
                os.write(self.token_out, b".")

    def _lock(self) -> bool:
        """Wait for the token. In this process, stop waiting when the child has ended (it may have died holding
        the token): nobody else takes from the range then. False when taken without the lock."""
        while True:
            if self.child is None:
                os.read(self.token_in, 1)
                return True
            if select.select([self.token_in], [], [], 0.5)[0]:
                os.read(self.token_in, 1)
                return True
            if self.child_status is None:
                ended, status = os.waitpid(self.child, os.WNOHANG)
                if ended:
                    self.child_status = os.waitstatus_to_exitcode(status)
            if self.child_status is not None:
                return False

    def close(self) -> None:
        os.close(self.token_in)
        os.close(self.token_out)
        self.memory.close()


class _Received:
    """The child's chunks, start → results, loaded from its file as far as it has written them."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.file = None
        self.chunks: dict[int, list] = {}

    def load(self, written: int | None = None) -> None:
        """Load the chunks in the first `written` bytes (None: the whole file, once the child has ended)."""
        if self.file is None:
            if not written and written is not None:
                return
            self.file = open(self.path, "rb")  # noqa: SIM115 - closed in close(); our own file, written by our own child
        while written is None or self.file.tell() < written:
            try:
                start, results = pickle.load(self.file)
            except EOFError:
                return
            self.chunks[start] = results

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        if os.path.exists(self.path):
            os.unlink(self.path)


def _may_fork(count: int) -> bool:
    return (
        count >= MINIMUM and hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and not os.environ.get(SYNC_ENV)
        and not _other_threads()
    )


def _other_threads() -> bool:
    return threading.active_count() > 1 or threading.current_thread() is not threading.main_thread()


def _collect(shared: _SharedRange, received: _Received, split: int, count: int) -> list | None:
    """The child's results for items[split:count], or None when it failed."""
    try:
        status = shared.child_status
        if status is None:
            _, raw_status = os.waitpid(shared.child, 0)  # type: ignore[arg-type]
            status = os.waitstatus_to_exitcode(raw_status)
        if status != 0:
            return None
        received.load()
        second: list = []
        while split + len(second) < count:
            second += received.chunks.pop(split + len(second))  # a KeyError (a gap) means the child's part is incomplete
        return second if not received.chunks else None
    except Exception:  # noqa: BLE001 - whatever went wrong, this process reads that part itself
        return None
    finally:
        received.close()
        shared.close()


def _stop(pid: int, path: str) -> None:
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    if os.path.exists(path):
        os.unlink(path)
