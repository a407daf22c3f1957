"""Long lists over several pages, so no page grows with the kaart (every page stays well under 40 KB).

The first page keeps the list's own URL (`themas/geld-en-schulden/`); the next ones add a number
(`themas/geld-en-schulden/2/`). Templates show the pager with the `pager` macro in _macros.html.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    number: int  # 1-based
    urls: tuple[str, ...]  # the URL of every page of the list, the first is the list's own URL

    @property
    def url(self) -> str:
        """This page's URL."""
        return self.urls[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.urls)

    @property
    def previous(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < self.count else None

    def title(self, name: str) -> str:
        return name if self.count == 1 else f"{name} (pagina {self.number} van {self.count})"


def paginate(base_url: str, items: Sequence[T], per_page: int) -> Iterator[tuple[Pager, Sequence[T]]]:
    chunks = [items[start:start + per_page] for start in range(0, len(items), per_page)] or [items[:0]]
    urls = (base_url,) + tuple(f"{base_url}{number}/" for number in range(2, len(chunks) + 1))
    for number, chunk in enumerate(chunks, start=1):
        yield Pager(number, urls), chunk
