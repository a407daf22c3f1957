"""Stage 1 on two cores: `kaart check` and a full build read and validate 10,000 record files.

Where the OS can fork, a child process works through the files from the end of the list while this
process works from the start, a chunk at a time, until they meet: whatever else either core is busy
with (this process's own other work, another program on a shared machine), both finish together.
The child sends each chunk's results back pickled (plain data and pydantic models, through a private
temporary file) as soon as it is done, so its pickling overlaps the reading. On any trouble in the
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
                while (chunk := shared.take(from_end=True)) is not None:
                    start, end = chunk
                    pickle.dump((start, [function(item) for item in items[start:end]]), output, protocol=pickle.HIGHEST_PROTOCOL)
                    output.flush()
            status = 0
        finally:
            os._exit(status)
    shared.child = pid
    try:
        if meanwhile is not None:
            meanwhile()
        first: list[Result] = []
        while (chunk := shared.take(from_end=False)) is not None:
            first += [function(item) for item in items[chunk[0]:chunk[1]]]
    except BaseException:
        _stop(pid, path)
        shared.close()
        raise
    split = len(first)
    second = _collect(shared, path, split, len(items))
    return first + (second if second is not None else [function(item) for item in items[split:]])


class _SharedRange:
    """The part of the list nobody has taken yet, [front, back), in memory shared with the child, and a
    one-byte token in a pipe as its lock. This process takes from the front, the child from the back."""

    def __init__(self, count: int) -> None:
        self.memory = mmap.mmap(-1, 16)
        struct.pack_into("qq", self.memory, 0, 0, count)
        self.token_in, self.token_out = os.pipe()
        os.write(self.token_out, b".")
        self.child: int | None = None  # in this process: the child's pid, until it has ended
        self.child_status: int | None = None  # its exit code, when it ended while this process waited for the lock

    def take(self, from_end: bool) -> tuple[int, int] | None:
        locked = self._lock()
        try:
            front, back = struct.unpack_from("qq", self.memory, 0)
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


def _may_fork(count: int) -> bool:
    return (
        count >= MINIMUM and hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and not os.environ.get(SYNC_ENV)
        and not _other_threads()
    )


def _other_threads() -> bool:
    return threading.active_count() > 1 or threading.current_thread() is not threading.main_thread()


def _collect(shared: _SharedRange, path: str, split: int, count: int) -> list | None:
    """The child's results for items[split:count], or None when it failed."""
    try:
        status = shared.child_status
        if status is None:
            _, raw_status = os.waitpid(shared.child, 0)  # type: ignore[arg-type]
            status = os.waitstatus_to_exitcode(raw_status)
        if status != 0:
            return None
        chunks: dict[int, list] = {}
        with open(path, "rb") as result:  # our own file, written by our own child a moment ago
            while True:
                try:
                    start, results = pickle.load(result)
                except EOFError:
                    break
                chunks[start] = results
        second: list = []
        while split + len(second) < count:
            second += chunks.pop(split + len(second))  # a KeyError (a gap) means the child's part is incomplete
        return second if not chunks else None
    except Exception:  # noqa: BLE001 - whatever went wrong, this process reads that part itself
        return None
    finally:
        shared.close()
        if os.path.exists(path):
            os.unlink(path)


def _stop(pid: int, path: str) -> None:
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    if os.path.exists(path):
        os.unlink(path)
