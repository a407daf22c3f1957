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
