"""Regenerate generator/search/gewone-woorden.tsv.gz: common Dutch words of six letters or more with
their frequency (Zipf scale × 10), from the wordfreq package's Dutch list (data CC BY-SA 4.0,
https://github.com/rspeer/wordfreq). wordfreq is not a dependency of the product: install it in a
scratch environment to run this (`pip install wordfreq`), then commit the file.

    python tools/gewone_woorden.py
"""

import gzip
import re
from pathlib import Path

import wordfreq

TARGET = Path(__file__).resolve().parents[1] / "generator" / "search" / "gewone-woorden.tsv.gz"
TOP = 60000
MIN_LENGTH = 6  # the safety net takes only words of six letters or more as a typo (signalen.MIN_TYPO_LENGTH)


def main() -> None:
    lines = [f"{word}\t{round(wordfreq.zipf_frequency(word, 'nl') * 10)}"
             for word in wordfreq.top_n_list("nl", TOP) if re.fullmatch("[a-z]+", word) and len(word) >= MIN_LENGTH]
    with gzip.open(TARGET, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} words -> {TARGET}")


if __name__ == "__main__":
    main()
