"""The search index is built in a forked child while MkDocs renders; the result is the same."""

from __future__ import annotations

import os

import pytest

from generator.search.background import SYNC_ENV, BackgroundText


def test_the_child_returns_the_text(monkeypatch):
    monkeypatch.delenv(SYNC_ENV, raising=False)
    job = BackgroundText(lambda: "zoekindex ✓ " + str(sum(range(1000))))
    assert job._pid is not None or not hasattr(os, "fork")
    assert job.result() == "zoekindex ✓ 499500"
    assert job.result() == "zoekindex ✓ 499500"


def test_without_fork_or_when_asked_it_runs_at_once(monkeypatch):
    monkeypatch.setenv(SYNC_ENV, "1")
    job = BackgroundText(lambda: "nu")
    assert job._pid is None and job.result() == "nu"


def test_a_failure_in_the_child_is_reported(monkeypatch):
    monkeypatch.delenv(SYNC_ENV, raising=False)

    def broken() -> str:
        raise ValueError("kapot")

    job = BackgroundText(broken)
    with pytest.raises(RuntimeError, match="zoekindex kon niet gemaakt worden(.|\n)*ValueError: kapot"):
        job.result()


def test_cancel_stops_the_child(monkeypatch):
    import time

    monkeypatch.delenv(SYNC_ENV, raising=False)
    job = BackgroundText(lambda: time.sleep(30) or "te laat")
    pid = job._pid
    job.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_parts_come_in_order_while_the_child_still_works(monkeypatch, tmp_path):
    """BackgroundParts: the parent takes part 0 while the child has not yet written part 2 (it waits for
    a file only the parent writes after taking part 0)."""
    import time

    from generator.search.background import BackgroundParts

    monkeypatch.delenv(SYNC_ENV, raising=False)
    go_on = tmp_path / "verder"

    def parts():
        yield "een ✓"
        yield "twee"
        while not go_on.exists():
            time.sleep(0.01)
        yield "drie"

    job = BackgroundParts(parts, "De delen")
    assert job._pid is not None or not hasattr(os, "fork")
    assert job.part(0) == "een ✓"
    go_on.write_text("ja")
    assert [job.part(1), job.part(2)] == ["twee", "drie"]
    folder = job._folder
    job.cancel()
    assert not os.path.exists(folder)


def test_a_failure_in_the_parts_child_is_reported_at_the_first_missing_part(monkeypatch):
    from generator.search.background import BackgroundParts

    monkeypatch.delenv(SYNC_ENV, raising=False)

    def parts():
        yield "goed"
        raise ValueError("kapot")

    job = BackgroundParts(parts, "De pagina's")
    assert job.part(0) == "goed"
    with pytest.raises(RuntimeError, match="pagina's konden niet gemaakt worden(.|\n)*ValueError: kapot"):
        job.part(1)


def test_parts_without_fork_are_computed_at_once(monkeypatch):
    from generator.search.background import BackgroundParts

    monkeypatch.setenv(SYNC_ENV, "1")
    job = BackgroundParts(lambda: iter(["a", "b"]), "De delen")
    assert job._pid is None and [job.part(0), job.part(1)] == ["a", "b"]


def test_stop_from_another_thread_makes_a_waiting_result_raise_and_leaves_nothing(monkeypatch):
    import threading
    import time

    monkeypatch.delenv(SYNC_ENV, raising=False)
    job = BackgroundText(lambda: time.sleep(30) or "te laat", "De open data")
    folder = job._folder
    threading.Timer(0.2, job.stop).start()  # as kaart serve stops a follow-up a newer build replaces
    with pytest.raises(RuntimeError, match="De open data kon niet gemaakt worden"):
        job.result()
    assert job._pid is None and not os.path.exists(folder)
