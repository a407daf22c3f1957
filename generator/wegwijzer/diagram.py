"""The whole wegwijzer for staff: a tree of nested lists and a table of every path, built from the data.

The tree expands each question once; where a question is reached again, the tree refers back to it,
so the page stays small however many paths share a question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Antwoord, Uitkomst, Vraag, Wegwijzer


@dataclass
class Tak:
    """One answer in the tree and where it leads."""

    antwoord: Antwoord
    vraag: "Knoop | None" = None  # the next question, expanded here
    verwijzing: Vraag | None = None  # the next question, expanded earlier in the tree
    uitkomst: Uitkomst | None = None


@dataclass
class Knoop:
    vraag: Vraag
    takken: list[Tak] = field(default_factory=list)


def boom(wegwijzer: Wegwijzer) -> Knoop:
    expanded: set[str] = set()

    def knoop(vraag: Vraag) -> Knoop:
        expanded.add(vraag.id)
        result = Knoop(vraag)
        for antwoord in vraag.antwoorden:
            if antwoord.uitkomst:
                result.takken.append(Tak(antwoord, uitkomst=wegwijzer.uitkomsten[antwoord.uitkomst]))
            elif antwoord.vraag in expanded:
                result.takken.append(Tak(antwoord, verwijzing=wegwijzer.vragen[antwoord.vraag]))
            else:
                result.takken.append(Tak(antwoord, vraag=knoop(wegwijzer.vragen[antwoord.vraag])))  # type: ignore[index]
        return result

    return knoop(wegwijzer.start)


def paden_tabel(wegwijzer: Wegwijzer) -> list[tuple[Uitkomst, list[list[str]]]]:
    """Every outcome (in the order paths reach them) with the paths that lead to it, as 'vraag: antwoord' steps."""
    per_uitkomst: dict[str, list[list[str]]] = {}
    for stappen, uitkomst_id in wegwijzer.paden():
        per_uitkomst.setdefault(uitkomst_id, []).append([f"{vraag}: {antwoord}" for vraag, antwoord in stappen])
    return [(wegwijzer.uitkomsten[uitkomst_id], routes) for uitkomst_id, routes in per_uitkomst.items()]
