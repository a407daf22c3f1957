"""Build-time benchmark: the demo kaart, synthetic kaarten, and a plain MkDocs-material baseline.

Prints figures; asserts nothing. Run: `python bench/build.py [--aantal 2000] [--herhaal 2]`.
The baseline is MkDocs-material with its default search plugin building the same number of
Markdown pages of similar length (each synthetic record written out as Markdown), with the
pages outside the navigation, as our record pages are.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from generator.synthetic import write_synthetic_kaart  # noqa: E402

BASELINE_MKDOCS = """site_name: Baseline
theme:
  name: material
  language: nl
  font: false
nav:
  - Home: index.md
validation:
  nav:
    omitted_files: ignore
"""


def timed(command: list[str], cwd: Path = ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best_of(repeat: int, command: list[str], cwd: Path = ROOT) -> float:
    return min(timed(command, cwd) for _ in range(repeat))


def record_as_markdown(record: dict) -> str:
    lines = [f"# {record['naam']}", "", record["samenvatting"], ""]
    if "beschrijving" in record:
        lines += [record["beschrijving"], ""]
    lines += ["## Voor wie", "", *[f"- {d}" for d in record["doelgroepen"]], "", "## Wat kost het?", "", record["kosten"]["soort"], ""]
    lines += ["## Hoe kom je erbij?", "", record["toegang"] + ": " + record["aanmelden"], "", "## Contact", ""]
    lines += [f"- Telefoon: {record['contact']['telefoon']}", f"- E-mail: {record['contact']['email']}", ""]
    for locatie in record.get("locaties", []):
        lines += ["## Waar en wanneer", "", f"{locatie['adres']['straat']}, {locatie['adres']['postcode']}", ""]
        lines += [f"- {day}: {hours}" for day, hours in locatie["openingstijden"].items()] + [""]
    if "kcc" in record:
        lines += ["## Voor medewerkers", "", record["kcc"]["antwoord"], ""]
    return "\n".join(lines)


def write_baseline(kaart: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    (docs / "paginas").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(BASELINE_MKDOCS, encoding="utf-8")
    (docs / "index.md").write_text("# Baseline\n\nStartpagina.\n", encoding="utf-8")
    for path in sorted((kaart / "voorzieningen").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        (docs / "paginas" / f"{path.stem}.md").write_text(record_as_markdown(record), encoding="utf-8")
    return target


def largest_page(site: Path) -> tuple[int, str]:
    return max((p.stat().st_size, str(p.relative_to(site))) for p in site.rglob("*.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--aantal", type=int, default=2000)
    parser.add_argument("--herhaal", type=int, default=2)
    parser.add_argument("--zonder-demo", action="store_true", help="skip the demo kaart")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if not args.zonder_demo:
        bench_demo(args.herhaal)
    bench_synthetic(args.aantal, args.herhaal)


def bench_demo(repeat: int) -> None:
    demo_site = OUT / "demo-site"
    demo = best_of(repeat, ["kaart", "build", "--kaart", "kaart", "--site", str(demo_site)])
    size, page = largest_page(demo_site)
    pages = sum(1 for _ in demo_site.rglob("*.html"))
    print(f"demo kaart: build {demo:.2f} s, {pages} pages, largest page {size / 1024:.1f} KB ({page})")


def bench_synthetic(count: int, repeat: int) -> None:
    args = argparse.Namespace(aantal=count, herhaal=repeat)

    kaart = write_synthetic_kaart(OUT / f"synthetisch-{args.aantal}", args.aantal)
    ours = best_of(args.herhaal, ["kaart", "build", "--kaart", str(kaart), "--site", str(OUT / "synthetisch-site")])
    baseline_dir = write_baseline(kaart, OUT / f"baseline-{args.aantal}")
    plain = best_of(args.herhaal, [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(baseline_dir / "site")], cwd=baseline_dir)
    ours_pages = sum(1 for _ in (OUT / "synthetisch-site").rglob("*.html"))
    plain_pages = sum(1 for _ in (baseline_dir / "site").rglob("*.html"))
    print(f"{args.aantal} synthetic records: kaart build {ours:.2f} s ({ours_pages} pages)")
    print(f"{args.aantal} plain Markdown pages: mkdocs-material build {plain:.2f} s ({plain_pages} pages)")
    print(f"ratio kaart / plain: {ours / plain:.2f} (target: at most 1.5)")


if __name__ == "__main__":
    main()
