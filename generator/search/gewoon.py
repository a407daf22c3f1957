"""Common Dutch words that are never taken as a typo of a signal word.

The safety net forgives one typo in a signal word of six letters or more ('zelfmord'), unless the
query word is a word of the site. That left everyday words one letter away from a signal word:
"ik ben net 65 geworden" called up 112 through 'gewonden', "ik heb al drie keer gebeld" Veilig
Thuis through 'geweld'. Here a common Dutch word (gewone-woorden.tsv.gz, from wordfreq; see
tools/gewone_woorden.py) one typo from a signal word counts as a word of its own when it is at least
about a third as common as the signal word, and differs from it before its last two letters: 'geworden',
'gemeld', 'besloten' are words; 'gewelddadig' for 'gewelddadige' and the rarer 'geweldadige' (a real
misspelling) stay typos.

The words found go into zoekindex.json (`gewoon`) and into the known words of both pipelines'
signal matching (query.Words.signal_known, indexWords in zoeken.js), so the browser needs no word list.
"""

from __future__ import annotations

import gzip
import string
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .dutch import stem
from .signalen import MIN_TYPO_LENGTH, compile_signal

WORDS_FILE = Path(__file__).with_name("gewone-woorden.tsv.gz")
# Zipf × 10: a word at most this much rarer than the signal word (0.5 on the Zipf scale, a factor of about
# three) is a word of its own. Misspellings in the list are rarer than that ('geweldadige').
SAME_WORD_MARGIN = 5
SAME_END = 2  # words differing only in their last two letters are forms of one word ('crisis', 'crises')


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    with gzip.open(WORDS_FILE, "rt", encoding="utf-8") as text:
        return {word: int(zipf) for word, zipf in (line.split("\t") for line in text.read().splitlines())}


def one_typo_away(word: str) -> set[str]:
    """Every string one insertion, deletion, substitution or swap of neighbours from the word."""
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in letters}
            | {a + c + b for a, b in splits for c in letters}) - {word}


def same_word(a: str, b: str) -> bool:
    size = min(len(a), len(b))
    common = next((i for i in range(size) if a[i] != b[i]), size)
    return common >= size - SAME_END


def typo_words(phrases: Iterable[str]) -> frozenset[str]:
    """The plain signal words the matcher forgives a typo in."""
    return frozenset(word.word for phrase in phrases for word in compile_signal(phrase) if word.plain and len(word.word) >= MIN_TYPO_LENGTH)


@lru_cache(maxsize=8)
def common_neighbours(signal_words: frozenset[str]) -> tuple[str, ...]:
    """Common words one typo from a signal word that are words of their own (see the module text)."""
    freq = frequencies()
    found = set()
    for signal in signal_words:
        least = freq.get(signal, 0) - SAME_WORD_MARGIN
        for near in one_typo_away(signal):
            if near not in freq or freq[near] < least or near in signal_words or same_word(near, signal) or stem(near) == stem(signal):
                continue
            found.add(near)
    return tuple(sorted(found))
