"""Open-data benchmark: size and CPU time of the export (HSDS, tabular, CSV, agenda.ics, JSON-LD) as the kaart grows.

Prints figures; asserts nothing. Run: `python bench/open_data.py [--aantal 500 1000 2000]`.
CPU time (time.process_time) rather than wall time, so other work on a shared machine does not
blur the figures; the per-record column shows whether the export stays linear. The effect on a
whole build is measured with bench/build.py (before and after this export).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.export.publish import OpenData, write_files  # noqa: E402
from generator.synthetic import write_synthetic_kaart  # noqa: E402
from generator.validate import load_kaart  # noqa: E402


def measure(kaart_folder: Path, label: str) -> None:
    kaart, problems = load_kaart(kaart_folder)
    assert not problems, problems.sorted()[:3]
    records = sum(len(r) for soort, r in kaart.records.items() if soort != "organisatie")
    start = time.process_time()
    open_data = OpenData(kaart, dt.date.today(), "https://sociale-kaart.example/")
    files = open_data.site_files()
    export_cpu = time.process_time() - start
    start = time.process_time()
    for soort, record in open_data.export.records():
        open_data.jsonld_script(soort, record)
    jsonld_cpu = time.process_time() - start
    with tempfile.TemporaryDirectory() as target:
        start = time.process_time()
        count, size = write_files(Path(target), files)
        write_cpu = time.process_time() - start
    per_record = (export_cpu + jsonld_cpu + write_cpu) / records * 1000
    print(f"{label:>14} {records:>7} {count:>7} {size / 1e6:>8.1f} {export_cpu:>9.2f} {jsonld_cpu:>9.2f} {write_cpu:>8.2f} {per_record:>10.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantal", type=int, nargs="*", default=[500, 1000, 2000])
    args = parser.parse_args()
    print(f"{'kaart':>14} {'records':>7} {'files':>7} {'MB':>8} {'export s':>9} {'JSON-LD s':>9} {'write s':>8} {'ms/record':>10}")
    measure(ROOT / "kaart", "demo")
    for aantal in args.aantal:
        folder = Path(tempfile.mkdtemp(prefix="bench-open-data-"))
        try:
            write_synthetic_kaart(folder, aantal)
            measure(folder, "synthetisch")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
