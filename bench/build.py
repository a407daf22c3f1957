"""Build and check at scale: the demo kaart, synthetic kaarten of 1,000 / 10,000 / 20,000 records.

Prints figures; asserts nothing. Run: `python bench/build.py [--aantallen 1000,10000,20000]
[--gemeenten 2] [--herhaal 1] [--baseline]`. For each size it prints the wall time and the CPU time
(user + system of the child process: on a shared machine the wall time is noisy, the CPU time much
less) of `kaart check` and `kaart build`, the largest page and the pages over 40 KB. Targets (issue
14): build 10,000 records <= 45 s and 20,000 <= 100 s, no page over 40 KB at 20,000, check <= 5 s at
10,000. `--serve 2000` also times how long `kaart serve` takes to show a changed record (target 3 s).

With --baseline, MkDocs-material with its default search plugin builds the same number of Markdown
pages of similar length (each synthetic record written out as Markdown), outside the navigation as
our record pages are.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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


MAX_PAGE_BYTES = 40 * 1024
KAART = [sys.executable, "-m", "generator.cli"]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_both(command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child)."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def timed(command: list[str], cwd: Path = ROOT) -> float:
    return timed_both(command, cwd)[0]


def build_with_processes(command: list[str]) -> tuple[float, float, str]:
    """(wall, CPU, the CPU seconds of the main process and of each forked child). On a quiet machine
    with two cores the wall time is about the larger of the main process and half the total."""
    cpu, start = children_cpu(), time.perf_counter()
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: dict[int, float] = {}
    while build.poll() is None:
        for pid in [build.pid, *child_pids(build.pid)]:
            seen[pid] = max(seen.get(pid, 0.0), process_cpu(pid))
        time.sleep(0.2)
    wall, total = time.perf_counter() - start, children_cpu() - cpu
    if build.returncode:
        raise subprocess.CalledProcessError(build.returncode, command)
    main_cpu = seen.pop(build.pid, 0.0)
    forks = " + ".join(f"{seconds:.1f}" for seconds in sorted(seen.values(), reverse=True))
    return wall, total, f"main process {main_cpu:.1f} s, forked children {forks or '-'} s (last seen)"


def child_pids(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def best_of(repeat: int, command: list[str], cwd: Path = ROOT) -> float:
    return min(timed(command, cwd) for _ in range(repeat))


def best_both(repeat: int, command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    runs = [timed_both(command, cwd) for _ in range(repeat)]
    return min(wall for wall, _ in runs), min(cpu for _, cpu in runs)


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
    parser.add_argument("--aantallen", default="1000,10000,20000", help="sizes, comma-separated")
    parser.add_argument("--gemeenten", type=int, default=2, help="gemeenten in the synthetic region")
    parser.add_argument("--herhaal", type=int, default=1)
    parser.add_argument("--zonder-demo", action="store_true", help="skip the demo kaart")
    parser.add_argument("--baseline", action="store_true", help="also build plain MkDocs-material of the same size")
    parser.add_argument("--alleen-check", action="store_true", help="time only 'kaart check' (on two cores and on one) at each size")
    parser.add_argument("--serve", type=int, default=0, metavar="N", help="time 'kaart serve' showing a changed record at N records")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"machine: {cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os_load())} (shared: wall times are noisy)")
    if not args.zonder_demo:
        bench_demo(args.herhaal)
    for count in [int(n) for n in args.aantallen.split(",") if n]:
        if args.alleen_check:
            bench_check(count, args.herhaal, args.gemeenten)
        else:
            bench_synthetic(count, args.herhaal, args.gemeenten, args.baseline)
    if args.serve:
        bench_serve(args.serve, args.gemeenten)


def cpu_count() -> int:
    import os

    return os.cpu_count() or 1


def os_load() -> tuple[float, float, float]:
    import os

    return os.getloadavg()


def pages_over(site: Path, limit: int = MAX_PAGE_BYTES) -> int:
    return sum(1 for p in site.rglob("*.html") if p.stat().st_size > limit)


def search_size(site: Path) -> str:
    """What the first search downloads: every file under zoeken/ and the lunr scripts, raw and gzipped
    (targets, issue 14: at most 500 KB gzipped at 10,000 records, 300 KB at 1,000)."""
    import gzip

    from generator.search.site import LUNR_URI_PREFIX

    files = [p for p in (site / "zoeken").rglob("*") if p.is_file() and p.suffix in (".json", ".js")]
    files += [p for p in (site / LUNR_URI_PREFIX).glob("*.js")]
    files += [site / "assets" / "kaart" / "js" / name for name in ("zoeken.js", "zoeken-ui.js") if (site / "assets" / "kaart" / "js" / name).is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return f"search files {raw / 1024:.0f} KB raw, {packed / 1024:.0f} KB gzipped"


def load_now() -> str:
    """The 1-minute load average when a figure is taken (the machine is shared: read wall times with it)."""
    return f"load {os_load()[0]:.1f}"


def synthetic_kaart(name: str, count: int, gemeenten: int) -> Path:
    """The synthetic kaart under bench/out/, generated once and reused while generator/synthetic.py is unchanged."""
    import hashlib

    target = OUT / name
    stamp = f"{count} {gemeenten} {hashlib.sha1((ROOT / 'generator' / 'synthetic.py').read_bytes()).hexdigest()}"
    stamp_file = OUT / f"{name}.stamp"
    if not (target.is_dir() and stamp_file.is_file() and stamp_file.read_text(encoding="utf-8") == stamp):
        write_synthetic_kaart(target, count, gemeenten=gemeenten)
        stamp_file.write_text(stamp, encoding="utf-8")
    return target


def bench_demo(repeat: int) -> None:
    demo_site = OUT / "demo-site"
    load = load_now()
    wall, cpu = best_both(repeat, [*KAART, "build", "--kaart", "kaart", "--site", str(demo_site)])
    size, page = largest_page(demo_site)
    pages = sum(1 for _ in demo_site.rglob("*.html"))
    print(f"demo kaart: build {wall:.1f} s wall / {cpu:.1f} s CPU ({load}), {pages} pages, largest page {size / 1024:.1f} KB ({page})")


def bench_synthetic(count: int, repeat: int, gemeenten: int, baseline: bool) -> None:
    kaart = synthetic_kaart(f"synthetisch-{count}-{gemeenten}", count, gemeenten)
    site = OUT / f"synthetisch-{count}-site"
    check_load = load_now()
    check_wall, check_cpu = best_both(repeat, [*KAART, "check", "--kaart", str(kaart)])
    build_load = load_now()
    shutil.rmtree(site, ignore_errors=True)  # a build into an existing site also deletes the old one: time the build alone
    build_wall, build_cpu, processes = build_with_processes([*KAART, "build", "--kaart", str(kaart), "--site", str(site)])
    size, page = largest_page(site)
    pages = sum(1 for _ in site.rglob("*.html"))
    print(
        f"{count} records ({gemeenten} gemeenten): check {check_wall:.1f} s wall / {check_cpu:.1f} s CPU ({check_load}); "
        f"build {build_wall:.1f} s wall / {build_cpu:.1f} s CPU ({build_load}; {processes}), {pages} pages, largest {size / 1024:.1f} KB ({page}), "
        f"{pages_over(site)} over 40 KB; {search_size(site)}", flush=True,
    )
    if baseline:
        baseline_dir = write_baseline(kaart, OUT / f"baseline-{count}")
        plain = best_of(repeat, [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(baseline_dir / "site")], cwd=baseline_dir)
        plain_pages = sum(1 for _ in (baseline_dir / "site").rglob("*.html"))
        print(f"{count} plain Markdown pages: mkdocs-material build {plain:.1f} s ({plain_pages} pages); ratio {build_wall / plain:.2f}")


def bench_check(count: int, repeat: int, gemeenten: int) -> None:
    """`kaart check` as partners run it (record files read on two cores, generator/halves.py) and on one."""
    import os

    from generator.halves import SYNC_ENV

    kaart = synthetic_kaart(f"synthetisch-{count}-{gemeenten}", count, gemeenten)
    for label, one_core in (("two cores", False), ("one core", True)):
        if one_core:
            os.environ[SYNC_ENV] = "1"
        try:
            load = load_now()
            runs = [build_with_processes([*KAART, "check", "--kaart", str(kaart)]) for _ in range(repeat)]
        finally:
            os.environ.pop(SYNC_ENV, None)
        wall, cpu, processes = min(runs)
        print(f"{count} records: check ({label}) {wall:.1f} s wall / {cpu:.1f} s CPU ({load}; {processes})", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    return None


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux /proc; 0 elsewhere)."""
    import os

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bench_serve(count: int, gemeenten: int) -> None:
    """Start `kaart serve`, change one record's name, and time until its page shows the new name."""
    kaart = synthetic_kaart(f"serve-{count}-{gemeenten}", count, gemeenten)  # its own copy: the bench edits a record
    port = free_port()
    server = subprocess.Popen([*KAART, "serve", "--kaart", str(kaart), "--adres", f"127.0.0.1:{port}"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        record = kaart / "voorzieningen" / "voorziening-00001.yaml"
        url = f"http://127.0.0.1:{port}/voorzieningen/voorziening-00001/"
        first = wait_for(url, "voorziening", 600)
        if first is None:
            print(f"serve {count} records: the site did not come up")
            return
        times = []
        for attempt in range(3):
            marker = f"Gewijzigd {attempt} {time.time():.0f}"
            text = record.read_text(encoding="utf-8")
            lines = [f"naam: {marker}" if line.startswith("naam:") else line for line in text.splitlines()]
            cpu = process_cpu(server.pid)
            record.write_text("\n".join(lines) + "\n", encoding="utf-8")
            shown = wait_for(url, marker, 300)
            times.append(None if shown is None else (shown, process_cpu(server.pid) - cpu))
            time.sleep(1)
        # the server's own CPU until the page showed (its forked index and open-data writers not counted)
        shown_text = ", ".join("-" if t is None else f"{t[0]:.1f} s wall / {t[1]:.1f} s CPU" for t in times)
        print(f"serve {count} records: first build {first:.1f} s; a changed record shown after {shown_text} (target 3 s; {load_now()})", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
