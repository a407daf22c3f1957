"""Which of two files is the newer one, so a clash (two files with one id) is reported on the file
that caused it, not on the record that was there first.

The order, oldest first:
1. a file that exists in the base kaart (`--basis`, the target branch in a pull request);
2. a file that git already knows in HEAD (locally: an untracked or newly added file is the new one);
3. the earlier modification time;
4. the path, so the answer is always the same.
"""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=16)
def _tracked_in_head(folder: Path) -> frozenset[Path]:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "ls-tree", "-r", "-z", "--name-only", "--full-tree", "HEAD"],
            capture_output=True, timeout=20, check=False,
        )
        root = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if result.returncode != 0 or root.returncode != 0:
        return frozenset()
    top = Path(root.stdout.strip())
    return frozenset((top / name).resolve() for name in result.stdout.decode("utf-8", "replace").split("\0") if name)


def oldest_first(paths: list[Path], kaart_folder: Path, basis: Path | None = None) -> list[Path]:
    """`paths` (files in `kaart_folder`) from the one that was there first to the newest."""
    kaart_folder = Path(kaart_folder).resolve()
    tracked = _tracked_in_head(kaart_folder)

    def age(path: Path) -> tuple:
        resolved = Path(path).resolve()
        in_base = bool(basis) and (Path(basis) / resolved.relative_to(kaart_folder)).is_file()
        try:
            mtime = resolved.stat().st_mtime
        except OSError:
            mtime = float("inf")
        return (not in_base, resolved not in tracked, mtime, resolved.as_posix())

    return sorted(paths, key=age)
