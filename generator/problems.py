"""Problems found in the kaart, reported to partners as `path:line:column: message`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Probleem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def as_github(self) -> str:
        """A GitHub workflow annotation, so the message appears on the line in the pull request."""
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")
        return f"::error file={path},line={self.line},col={self.column}::{message}"


def display_path(path: Path | str) -> str:
    """The path as a partner knows it: relative to the working folder where possible."""
    path = Path(path)
    if not path.is_absolute():
        return path.as_posix()
    relative = os.path.relpath(path, Path.cwd())
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


class Problemen(list):
    """An ordered collection of problems; `add` keeps calls short at the call sites."""

    def add(self, path: Path | str, line: int, column: int, message: str) -> None:
        self.append(Probleem(display_path(path), line, column, message))

    def sorted(self) -> list[Probleem]:
        return sorted(set(self))

    def drop_echoes(self) -> None:
        """One mistake, one place: a file that could not be read (or holds a mistake) makes every reference to
        its id look wrong ('Onbekende organisatie 'x''). A message in another file about that id (the first id
        it quotes) is dropped while the file named like the id has problems of its own; it comes back, if still
        true, once that file is right."""
        everywhere = _files_with_problems(self)
        genuine = [problem for problem in self if not _echo(problem, everywhere)]
        # only echoes of a file with a problem of its own go: two files quoting each other keep both messages
        self[:] = [problem for problem in self if not _echo(problem, _files_with_problems(genuine))]


def _files_with_problems(problems: list[Probleem]) -> dict[str, set[str]]:
    """File name without extension (a record's id) → the paths with problems."""
    troubled: dict[str, set[str]] = {}
    for problem in problems:
        troubled.setdefault(Path(problem.path).name.split(".", 1)[0], set()).add(problem.path)
    return troubled


def _echo(problem: Probleem, troubled: dict[str, set[str]]) -> bool:
    first = _QUOTED.search(problem.message)
    return first is not None and bool(troubled.get(first[1], set()) - {problem.path})


_QUOTED = re.compile(r"'([a-z0-9]+(?:-[a-z0-9]+)*)'")
