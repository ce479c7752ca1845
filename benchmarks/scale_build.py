"""Build throughput: articles/s into the on-disk store with 1 and 2 jobs, peak memory,
store size, and the time of a re-run with nothing changed (incremental).

Each build runs in a fresh process, so its peak memory (ru_maxrss) is its own. That is
the main process (which writes the store). The extraction workers are children of
multiprocessing's fork server, so their memory is sampled instead: twice a second, the
proportional set size (PSS: pages shared after fork counted once, split between the
processes sharing them) of the main process and all its descendants, summed; the
largest sum is the build's peak memory as the machine sees it.

    python benchmarks/generate.py --count 10000 --seed 1 --out /tmp/vnkg-10k
    python benchmarks/scale_build.py /tmp/vnkg-10k --jobs 1 2

With `--base DIR` (a checkout of another revision, e.g. `git worktree add /tmp/base d1e81bd`),
each build runs with the base's code (PYTHONPATH=DIR) and with this tree's, one after the
other, `--rounds` times, and the ratio head / base of the first builds' seconds is printed:
a change's cost measured in one run, on one machine, under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _tree_pss_mb(root: int) -> float:
    """The summed PSS of a process and its descendants, in MB (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue      # the process ended meanwhile
    tree, grown = {root}, True
    while grown:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grown = bool(found)
    total_kb = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def _child(corpus: str, store: str, jobs: int) -> None:
    import resource
    import threading
    import time
    from graph_builder.storage.build import build_store
    peak, done = [0.0], threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            peak[0] = max(peak[0], _tree_pss_mb(os.getpid()))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    report = build_store([corpus], store, jobs=jobs)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "extracted": len(report.read), "unchanged": report.unchanged,
                      "triples": report.triples, "main_mb": own / 1024, "tree_mb": peak[0]}))


def _run(corpus: Path, store: Path, jobs: int, code: Path | None = None) -> dict:
    # run from the code's own folder: the extraction workers' fork server puts the working
    # folder first on its path, so a base build run from this tree would extract with ours
    code = code or Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(store),
                           str(jobs)], check=True, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(code)), cwd=str(code))
    return json.loads(done.stdout.strip().splitlines()[-1])


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description="Build throughput into the on-disk store.")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--base", type=Path, help="a checkout of the base revision: compare with it in one run")
    parser.add_argument("--rounds", type=int, default=1, help="with --base: base/head pairs per --jobs")
    args = parser.parse_args()
    if args.base:
        return _compare(args)
    articles = sum(1 for _ in args.corpus.rglob("*.txt"))
    print(f"corpus: {args.corpus} ({articles} articles)")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'jobs':>4}  {'seconds':>8}  {'articles/s':>10}  {'triples':>9}  {'peak MB':>8}  {'all MB':>7}  "
          f"{'store MB':>8}  {'re-run s':>8}  re-extracted")
    for jobs in args.jobs:
        work = Path(tempfile.mkdtemp(prefix="vnkg-bench-"))
        try:
            store = work / "store.db"
            first = _run(args.corpus, store, jobs)
            again = _run(args.corpus, store, jobs)       # nothing changed: hashes only
            # a re-run extracts nothing unless the package's code changed in between
            print(f"{jobs:>4}  {first['seconds']:>8.1f}  {first['extracted'] / first['seconds']:>10.0f}  "
                  f"{first['triples']:>9}  {first['main_mb']:>8.0f}  {first['tree_mb']:>7.0f}  "
                  f"{_size_mb(store):>8.0f}  {again['seconds']:>8.1f}  {again['extracted']}")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _compare(args) -> int:
    """Base and head builds alternated, each into a fresh store: seconds, peak, ratio."""
    print(f"corpus: {args.corpus}; base {args.base}; load average before: {os.getloadavg()[0]:.1f}")
    print(f"{'jobs':>4}  {'round':>5}  {'base s':>7}  {'head s':>7}  {'ratio':>6}  {'base all MB':>11}  "
          f"{'head all MB':>11}  {'base triples':>12}  {'head triples':>12}")
    for jobs in args.jobs:
        ratios = []
        for round_ in range(1, args.rounds + 1):
            results = {}
            for name, code in (("base", args.base), ("head", None)):
                work = Path(tempfile.mkdtemp(prefix="vnkg-bench-"))
                try:
                    results[name] = _run(args.corpus, work / "store.db", jobs, code)
                finally:
                    shutil.rmtree(work, ignore_errors=True)
            base, head = results["base"], results["head"]
            ratios.append(head["seconds"] / base["seconds"])
            print(f"{jobs:>4}  {round_:>5}  {base['seconds']:>7.1f}  {head['seconds']:>7.1f}  {ratios[-1]:>6.3f}  "
                  f"{base['tree_mb']:>11.0f}  {head['tree_mb']:>11.0f}  {base['triples']:>12}  {head['triples']:>12}")
        print(f"{jobs:>4}  ratio head/base over {len(ratios)} round(s): {sum(ratios) / len(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
