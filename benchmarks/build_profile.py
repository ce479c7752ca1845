"""Where a store build's time goes: one `build_store` (2 jobs by default) with the store's
writer timed batch by batch, the final compaction timed, and the CPU time of the main
process's threads by name (`rocksdb:low` is RocksDB's background compaction), read from
/proc when the build ends (the extraction workers are other processes, not counted there),
the machine's CPU use (all processes) over the build and 10 s at a time, and the main
process's peak memory and its memory 10 s at a time.

    python benchmarks/build_profile.py /tmp/vnkg-40k --store /tmp/s40k.db
    python benchmarks/build_profile.py /tmp/vnkg-40k --store /tmp/s40k.db --batch 1000
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import threading
import time
from collections import Counter
from pathlib import Path


def _thread_cpu() -> Counter:
    """CPU seconds of this process's live threads, by thread name (Linux only)."""
    ticks = os.sysconf("SC_CLK_TCK")
    found: Counter = Counter()
    for task in Path("/proc/self/task").iterdir():
        try:
            name = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue       # the thread ended meanwhile
        found[name] += (int(fields[11]) + int(fields[12])) / ticks   # utime + stime
    return found


def _rss_mb() -> int:
    """This process's resident memory now, in MB (Linux only)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def _machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]          # idle + iowait
    return sum(fields) - idle, sum(fields)


def main() -> int:
    parser = argparse.ArgumentParser(description="Where a store build's time goes.")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--store", type=Path, required=True, help="a new store (replaced if it exists)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch", type=int, help="articles per write to the store (default: the build's own)")
    args = parser.parse_args()

    import pyoxigraph as ox
    import graph_builder.storage.store as oxstore

    batches: list[tuple[float, int]] = []
    write = oxstore._write_batch

    def timed_write(store, drop, data, *, bulk):
        start = time.perf_counter()
        write(store, drop, data, bulk=bulk)
        batches.append((time.perf_counter() - start, len(data)))

    compaction = [0.0]
    optimize = ox.Store.optimize

    def timed_optimize(store):
        start = time.perf_counter()
        optimize(store)
        compaction[0] += time.perf_counter() - start

    oxstore._write_batch = timed_write
    if args.batch:
        oxstore._WRITE_BATCH = args.batch
    ox.Store.optimize = timed_optimize
    shutil.rmtree(args.store, ignore_errors=True)
    print(f"corpus: {args.corpus}; load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    timeline: list[int] = []
    done = threading.Event()

    memory: list[int] = []

    def sample() -> None:      # the machine's CPU use and the main process's memory, 10 s at a time
        last = _machine_ticks()
        while not done.wait(10):
            now = _machine_ticks()
            timeline.append(round(100 * (now[0] - last[0]) / max(now[1] - last[1], 1)))
            memory.append(_rss_mb())
            last = now

    threading.Thread(target=sample, daemon=True).start()
    start, cpu, ticks = time.perf_counter(), time.process_time(), _machine_ticks()
    report = oxstore.build_store([args.corpus], args.store, jobs=args.jobs)
    seconds = time.perf_counter() - start
    busy_ticks, all_ticks = (after - before for after, before in zip(_machine_ticks(), ticks))
    done.set()
    threads = _thread_cpu()
    print(f"{len(report.read)} articles, {report.triples} triples in {seconds:.1f} s "
          f"({len(report.read) / seconds:.0f} articles/s, {args.jobs} jobs)")
    print(f"main process: {time.process_time() - cpu:.1f} CPU-s; by thread: "
          + ", ".join(f"{name} {value:.1f}" for name, value in threads.most_common(4)))
    print(f"machine: CPU busy {100 * busy_ticks / max(all_ticks, 1):.0f}% of {os.cpu_count()} cores "
          "(workers, the store and anything else running); by 10 s: " + " ".join(map(str, timeline)))
    print(f"peak memory of the main process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          "by 10 s (MB): " + " ".join(map(str, memory)))
    busy = sum(t for t, _ in batches)
    print(f"writer busy {busy:.1f} s of {seconds:.1f} s, {len(batches)} batches; compaction at the end {compaction[0]:.1f} s")
    step = max(1, len(batches) // 8)
    for i in range(0, len(batches), step):
        t, size = batches[i]
        print(f"  batch {i + 1:>4}: {t:5.2f} s for {size / 1e6:.0f} MB of N-Quads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
