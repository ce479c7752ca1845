"""Query latency: p50 and p95 of the named queries `chairs`, `positions` and `meetings`
(over everything, for one locality, for one person or article) and of the aggregate
queries `activity` and `encounters`, on rdflib's in-memory dataset and on the on-disk
Oxigraph store holding the same graph, with the ratio from the same run.

Both engines go through vnkg's own entry points (`queries.run_query` with the dataset
already loaded; `engines.run_store_query`, which opens the store read-only each time, as
`vnkg query --store` does).

    python benchmarks/generate.py --count 10000 --seed 1 --out /tmp/vnkg-10k
    python benchmarks/scale_query.py /tmp/vnkg-10k --store /tmp/vnkg-10k.db
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timed(work, reps: int, budget: float) -> tuple[list[float], object]:
    """Up to `reps` runs, fewer once `budget` seconds are spent (at least one)."""
    seconds, result = [], None
    for _ in range(reps):
        start = time.perf_counter()
        result = work()
        seconds.append(time.perf_counter() - start)
        if sum(seconds) > budget:
            break
    return seconds, result


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description="Named-query latency: rdflib in memory vs the Oxigraph store.")
    parser.add_argument("corpus", type=Path, help="articles (e.g. from benchmarks/generate.py)")
    parser.add_argument("--store", type=Path, required=True, help="store to build (or reuse, incrementally)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--reps", type=int, default=20, help="runs per query on the store")
    parser.add_argument("--rdflib-reps", type=int, default=3, help="runs per query on rdflib")
    parser.add_argument("--skip-rdflib", action="store_true", help="measure the store only")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per query and engine at most")
    parser.add_argument("--skip", action="append", default=[], metavar="NAME", help="leave out a query")
    parser.add_argument("--no-build", action="store_true", help="measure the store as it is (no incremental build first)")
    args = parser.parse_args()

    from graph_builder.querying.engines import run_store_query
    from graph_builder.storage.build import build_store
    from graph_builder.storage.store import export_store
    from graph_builder.querying.queries import run_query

    if args.no_build:
        from graph_builder.storage.store import count_triples, open_store, stored_articles
        store = open_store(args.store, read_only=True)
        print(f"store: {args.store}: {len(stored_articles(store))} articles, {count_triples(store)} triples (as built)")
        del store
    else:
        start = time.perf_counter()
        report = build_store([args.corpus], args.store, jobs=args.jobs)
        print(f"store: {args.store}: {report.articles} articles, {report.triples} triples "
              f"(build {time.perf_counter() - start:.1f} s, {len(report.read)} extracted)")

    dataset = None
    if not args.skip_rdflib:
        from graph_builder.storage.files import load_graph
        nq = args.store.with_suffix(".nq")
        export_store(args.store, nq)
        before = _rss_mb()
        start = time.perf_counter()
        dataset = load_graph(nq)
        print(f"rdflib: parsed {nq.stat().st_size / 1e6:.0f} MB of N-Quads in {time.perf_counter() - start:.1f} s; "
              f"peak memory {before:.0f} -> {_rss_mb():.0f} MB")

    meetings = run_store_query("meetings", args.store).rows
    chairs = run_store_query("chairs", args.store).rows
    # a locality and a person that recur: the 10th most frequent, not an outlier
    def typical(values):
        from collections import Counter
        ranked = Counter(v for v in values if v).most_common()
        return ranked[min(9, len(ranked) - 1)][0]
    locality, person, article = typical(r[4] for r in meetings), typical(r[0] for r in chairs), meetings[len(meetings) // 2][0]
    cases = []
    for name in ("chairs", "positions", "meetings"):
        cases += [(name, {}), (name, {"locality": locality})]
        cases.append((name, {"article": article} if name == "meetings" else {"person": person}))
    cases += [("activity", {}), ("encounters", {}), ("encounters", {"person": person})]
    cases = [(name, params) for name, params in cases if name not in args.skip]
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"\n{'query':<18} {'param':<22} {'rows':>6}  {'store p50':>9} {'p95':>8} {'n':>3}  "
          f"{'rdflib p50':>10} {'p95':>8} {'n':>2}  {'ratio p50':>9}")
    for name, params in cases:
        store_s, store_rows = _timed(lambda: run_store_query(name, args.store, params), args.reps, args.budget)
        line = (f"{name:<18} {','.join(f'{k}={v}' for k, v in params.items()) or 'all':<22.22} "
                f"{len(store_rows.rows):>6}  {_percentile(store_s, .5) * 1000:>7.0f}ms "
                f"{_percentile(store_s, .95) * 1000:>6.0f}ms {len(store_s):>3}")
        if dataset is not None:
            rdf_s, rdf_rows = _timed(lambda: run_query(name, dataset, params), args.rdflib_reps, args.budget)
            assert len(rdf_rows.rows) == len(store_rows.rows), (name, params)
            line += (f"  {_percentile(rdf_s, .5) * 1000:>8.0f}ms {_percentile(rdf_s, .95) * 1000:>6.0f}ms"
                     f" {len(rdf_s):>2}  {_percentile(rdf_s, .5) / _percentile(store_s, .5):>8.1f}x")
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
