"""Stage 1 on two cores: `kaart check` and a full build read and validate 10,000 record files.

Where the OS can fork, a child process reads the second half of the files while this process reads
the first; the child sends its results back pickled (plain data and pydantic models, through a
private temporary file). Unpickling a record costs a fifth of reading and validating it. On any
trouble in the child, this process reads that half itself: the result is the same either way.
Only from the main thread with no other threads running (forking a threaded process can deadlock
the child), and only for many files (a fork and a pickle cost more than a small kaart).
"""

from __future__ import annotations

import os
import pickle
import tempfile
import threading
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MINIMUM = 1500  # files; below this one core is as fast
SYNC_ENV = "SOCIALE_KAART_EEN_KERN"  # set (to anything) to read on one core


def map_in_halves(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """[function(item) for item in items], the second half computed in a forked child when it pays."""
    if not _may_fork(len(items)):
        return [function(item) for item in items]
    split = len(items) // 2
    handle, path = tempfile.mkstemp(prefix="kaart-helft-", suffix=".pickle")
    os.close(handle)
    pid = os.fork()
    if pid == 0:  # the child: compute, write, and leave without running the parent's exit handlers
        status = 1
        try:
            second = [function(item) for item in items[split:]]
            with open(path, "wb") as output:
                pickle.dump(second, output, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    try:
        first = [function(item) for item in items[:split]]
    except BaseException:
        _stop(pid, path)
        raise
    return first + (_collect(pid, path) or [function(item) for item in items[split:]])


def _may_fork(count: int) -> bool:
    return (
        count >= MINIMUM and hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and not os.environ.get(SYNC_ENV)
        and not _other_threads()
    )


def _other_threads() -> bool:
    return threading.active_count() > 1 or threading.current_thread() is not threading.main_thread()


def _collect(pid: int, path: str) -> list | None:
    """The child's results, or None when it failed."""
    try:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        with open(path, "rb") as result:
            return pickle.load(result)  # our own file, written by our own child a moment ago
    except Exception:  # noqa: BLE001 - whatever went wrong, this process reads that half itself
        return None
    finally:
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
