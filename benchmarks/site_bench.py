"""How long `vnkg site` takes: the seeds (target: under 2 s), and a store (target: 10k
articles in under 2 minutes on 2 cores), first into an empty folder, then again with
nothing changed, and (with --add) after adding articles to the store, where only the
pages whose bytes change may be written.

    python benchmarks/generate.py --count 2000 --seed 1 --out /tmp/g2k
    vnkg build /tmp/g2k --store /tmp/g2k.db
    python benchmarks/site_bench.py /tmp/g2k.db --jobs 1 2

    # --add: a store of all but the last N articles of a folder, its site, then the N added
    python benchmarks/site_bench.py --add /tmp/g2k --added 20 --jobs 2

Prints, for each run: wall seconds, the time spent reading the store into the site's
model (one pass over the merged default graph, the reverse links, the network the person
graphs are cut from) and rendering, pages per second, files written / unchanged /
removed, the folder's size, and the peak memory of the main process and of the largest
forked worker.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_builder import build_graph, build_site, build_store  # noqa: E402
from graph_builder.presentation import site as site_module  # noqa: E402


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _peaks() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _setup_seconds(source) -> float:
    """The model alone: read, filter, reverse links, the network (what every page needs)."""
    start = time.perf_counter()
    site_module._Site(source, {"person": None, "locality": None, "since": None, "until": None})
    return time.perf_counter() - start


def _run(label: str, source, out: Path, jobs: int) -> None:
    start = time.perf_counter()
    report = build_site(source, out, jobs=jobs)
    seconds = time.perf_counter() - start
    own, child = _peaks()
    print(f"{label:34} jobs {jobs}  {seconds:7.2f} s  {report.files / seconds:7.0f} files/s  "
          f"{report.written:6} written {report.unchanged:6} unchanged {report.removed:4} removed  "
          f"{_size_mb(out):7.1f} MB  peak MB main {own:6.0f} worker {child:6.0f}", flush=True)


def seeds(workdir: Path) -> None:
    graph = workdir / "seeds.ttl"
    subprocess.run([sys.executable, "-m", "graph_builder", "build", str(ROOT / "seeds"), "--out", str(graph)],
                   check=True, capture_output=True)
    dataset = build_graph([ROOT / "seeds"]).dataset
    _run("seeds (API, dataset in memory)", dataset, workdir / "seeds-site", 1)
    shutil.rmtree(workdir / "seeds-site")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graph_builder", "site", "--graph", str(graph), "--out",
                    str(workdir / "seeds-cli")], check=True, capture_output=True)
    print(f"{'seeds (vnkg site --graph, a process)':34} {time.perf_counter() - start:14.2f} s  "
          "(Python start-up, imports, reading the Turtle file included)", flush=True)


def store(path: Path, workdir: Path, jobs_list: list[int]) -> None:
    print(f"store {path}: model {_setup_seconds(path):.2f} s (read, links, network; single-threaded)", flush=True)
    for jobs in jobs_list:
        out = workdir / f"site-{jobs}"
        _run("store, empty folder", path, out, jobs)
        _run("store, again (nothing changed)", path, out, jobs)
        shutil.rmtree(out)


def added(articles: Path, count: int, workdir: Path, jobs: int) -> None:
    files = sorted(p for p in articles.rglob("*") if p.suffix in (".txt", ".html") and p.is_file())
    first, rest = workdir / "first", files[-count:]
    first.mkdir()
    for p in files[:-count]:
        (first / p.name).symlink_to(p.resolve())
    db, out = workdir / "add.db", workdir / "site-add"
    build_store([first], db, jobs=jobs)
    _run(f"store of {len(files) - count} articles", db, out, jobs)
    for p in rest:
        (first / p.name).symlink_to(p.resolve())
    build_store([first], db, jobs=jobs)
    _run(f"after adding {count} articles", db, out, jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", nargs="?", type=Path, help="a store built by `vnkg build --store`")
    parser.add_argument("--jobs", type=int, nargs="+", default=[2])
    parser.add_argument("--add", type=Path, metavar="ARTICLES", help="a folder of articles for the --added run")
    parser.add_argument("--added", type=int, default=20, metavar="N")
    parser.add_argument("--no-seeds", action="store_true", help="skip the seeds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnkg-site-bench-") as temp:
        workdir = Path(temp)
        if not args.no_seeds:
            seeds(workdir)
        if args.store:
            store(args.store, workdir, args.jobs)
        if args.add:
            added(args.add, args.added, workdir, args.jobs[-1])


if __name__ == "__main__":
    main()
