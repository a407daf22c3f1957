"""Helpers for the wegwijzer tests: walk the tree by answer id or text."""

from __future__ import annotations


def kies(vraag, keuze: str):
    """The answer with this id, or the one answer whose text contains `keuze` (case-insensitive)."""
    by_id = [a for a in vraag.antwoorden if a.id == keuze]
    if by_id:
        return by_id[0]
    by_text = [a for a in vraag.antwoorden if keuze.casefold() in a.tekst.casefold()]
    assert len(by_text) == 1, f"'{keuze}' matches {len(by_text)} answers of '{vraag.id}': {[a.tekst for a in vraag.antwoorden]}"
    return by_text[0]


def loop(wegwijzer, *keuzes: str):
    """Answer questions from the start, by answer id or text; returns the outcome reached."""
    vraag = wegwijzer.start
    for index, keuze in enumerate(keuzes):
        antwoord = kies(vraag, keuze)
        if antwoord.uitkomst:
            assert index == len(keuzes) - 1, f"outcome '{antwoord.uitkomst}' reached before answering {keuzes[index + 1:]}"
            return wegwijzer.uitkomsten[antwoord.uitkomst]
        vraag = wegwijzer.vragen[antwoord.vraag]
    raise AssertionError(f"no outcome after {keuzes}; next question: {vraag.id}")
