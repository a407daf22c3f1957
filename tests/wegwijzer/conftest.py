"""Fixtures for the wegwijzer tests: the demo wegwijzer, a small broken-on-purpose copy, and a walker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "wegwijzer-mini"


@pytest.fixture(scope="session")
def demo_kaart(demo):
    return demo


@pytest.fixture(scope="session")
def demo_wegwijzer(demo_kaart):
    return demo_kaart.extras["wegwijzer"]


@pytest.fixture
def ww_kaart(mini_kaart: Path) -> Path:
    """The mini kaart with a small valid wegwijzer and a crisis line: a writable copy to break."""
    shutil.copytree(FIXTURE / "wegwijzer", mini_kaart / "wegwijzer")
    for ingang in (FIXTURE / "ingangen").iterdir():
        shutil.copy(ingang, mini_kaart / "ingangen" / ingang.name)
    return mini_kaart
