"""Analysis tables from a store: the time and peak memory of `vnkg export --store S
--format parquet` (and of `--format ftm`), then the whole-corpus questions of the named
queries `chairs`, `positions`, `encounters` and `activity` answered by DuckDB over the
Parquet tables, beside the store's time for the same named query (`run_store_query`),
with the ratio and whether both gave the same rows.

Each export runs as its own `vnkg` process, whose peak memory is its own high-water mark
(VmHWM, read from /proc while it runs); the DuckDB answers open a fresh connection over the Parquet files each time
(nothing cached between runs), as a user's script would.

    python benchmarks/generate.py --count 2000 --seed 1 --out /tmp/vnkg-2k
    python benchmarks/export_bench.py /tmp/vnkg-2k --store /tmp/vnkg-2k.db
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_query import _timed  # noqa: E402  (one timing loop for the query benchmarks)

# The rows of each named query over the whole corpus, from the tables: the query's
# leading columns (those of the query contract), the same rows (as a multiset: each
# query's own order leaves ties unordered).
QUESTIONS = {
    "chairs": """
        SELECT m.chair AS person,
               COALESCE(string_agg(DISTINCT h.title, '; ' ORDER BY h.title), '') AS title,
               m.type, m.date_text AS date, m.locality, m.article, m.province
        FROM meetings AS m
        LEFT JOIN holdings AS h ON h.person_iri = m.chair_iri AND h.article = m.article AND h.status <> 'former'
        WHERE m.chair_iri IS NOT NULL
        GROUP BY m.meeting, m.chair, m.type, m.date_text, m.locality, m.article, m.province
        ORDER BY date, person, article""",
    "positions": """
        SELECT DISTINCT article, person, title, status, locality FROM holdings
        WHERE status IN ('current', 'acting')
        ORDER BY article, person, title""",
    "encounters": """
        WITH p AS (SELECT DISTINCT x.meeting, x.person_iri, x.person, m.date_text
                   FROM participations AS x LEFT JOIN meetings AS m USING (meeting))
        SELECT a.person, b.person AS other, count(DISTINCT a.meeting) AS meetings,
               min(a.date_text) FILTER (WHERE a.date_text NOT LIKE '--%') AS first,
               max(a.date_text) FILTER (WHERE a.date_text NOT LIKE '--%') AS last
        FROM p AS a JOIN p AS b ON a.meeting = b.meeting AND a.person_iri <> b.person_iri
        GROUP BY a.person, b.person
        ORDER BY meetings DESC, person, other""",
    "activity": """
        SELECT province, locality, type, count(DISTINCT meeting) AS meetings,
               min(date_text) FILTER (WHERE date_text NOT LIKE '--%') AS first,
               max(date_text) FILTER (WHERE date_text NOT LIKE '--%') AS last
        FROM meetings GROUP BY province, locality, type
        ORDER BY province, locality, type""",
}
TABLES = ("meetings", "holdings", "participations")


def answer(folder: Path, name: str) -> list[tuple]:
    """A question's rows from the Parquet tables in `folder` (a fresh DuckDB each time)."""
    import duckdb
    con = duckdb.connect()
    try:
        for table in TABLES:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{folder / table}.parquet')")
        return con.execute(QUESTIONS[name]).fetchall()
    finally:
        con.close()


def same_rows(tables: list[tuple], query: list[tuple]) -> bool:
    """The tables' rows equal the named query's as multisets, over the tables' columns
    (the query's leading ones: the query contract lets extra columns follow), every
    value compared as text (the store gives text)."""
    width = len(tables[0]) if tables else 0

    def norm(rows):
        return sorted(tuple("" if v is None else str(v) for v in row[:width]) for row in rows)
    return norm(tables) == norm(query)




def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _export(store: Path, fmt: str, out: Path) -> tuple[float, float]:
    """Seconds and peak MB of one `vnkg export` process. The peak is the child's own
    high-water mark (VmHWM), read every 20 ms until it exits: its max RSS from `wait4`
    would count the memory of this process, which it was forked from."""
    command = [sys.executable, "-m", "graph_builder", "export", "--store", str(store), "--format", fmt,
               "--out", str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    status, peak = Path(f"/proc/{process.pid}/status"), 0
    while process.poll() is None:
        try:
            line = next(x for x in status.read_text().splitlines() if x.startswith("VmHWM:"))
            peak = max(peak, int(line.split()[1]))
        except (OSError, StopIteration):
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    message = process.stderr.read().decode("utf-8", "replace").strip()
    if process.returncode:
        raise SystemExit(f"export failed ({process.returncode}): {message}")
    print(f"  {message}")
    return seconds, peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description="Tables from a store: export time and memory, "
                                                 "whole-corpus questions in DuckDB against the store.")
    parser.add_argument("corpus", type=Path, nargs="?", help="articles (e.g. from benchmarks/generate.py)")
    parser.add_argument("--store", type=Path, required=True, help="store to build from the corpus (or reuse)")
    parser.add_argument("--no-build", action="store_true", help="use the store as it is")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, help="folder for the tables (default: a temporary one)")
    parser.add_argument("--reps", type=int, default=5, help="runs per question in DuckDB")
    parser.add_argument("--store-reps", type=int, default=3, help="runs per named query on the store")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per question and engine at most")
    parser.add_argument("--skip-ftm", action="store_true", help="do not time the FollowTheMoney export")
    args = parser.parse_args()

    from graph_builder import build_store, run_store_query
    if not args.no_build:
        if args.corpus is None:
            parser.error("give the corpus to build, or --no-build")
        start = time.perf_counter()
        report = build_store([args.corpus], args.store, jobs=args.jobs)
        print(f"store: {args.store}: {report.articles} articles, {report.triples} triples "
              f"(build {time.perf_counter() - start:.1f} s)")
    out = args.out or Path(tempfile.mkdtemp(prefix="vnkg-tables-"))

    print(f"export: vnkg export --store {args.store} --format parquet --out {out}")
    seconds, peak = _export(args.store, "parquet", out)
    size = sum(p.stat().st_size for p in out.glob("*.parquet"))
    print(f"tables: {seconds:.1f} s, peak {peak:.0f} MB, {size / 1e6:.1f} MB of Parquet")
    if not args.skip_ftm:
        target = out.with_name(out.name + ".ftm.json")
        seconds, peak = _export(args.store, "ftm", target)
        print(f"ftm: {seconds:.1f} s, peak {peak:.0f} MB, {target.stat().st_size / 1e6:.1f} MB")

    print()
    print("| query | rows | DuckDB p50 | store p50 | store / DuckDB | same rows |")
    print("|---|---:|---:|---:|---:|---|")
    for name in QUESTIONS:
        duck, rows = _timed(lambda: answer(out, name), args.reps, args.budget)
        ox, result = _timed(lambda: run_store_query(name, args.store), args.store_reps, args.budget)
        ratio = _median(ox) / _median(duck)
        print(f"| {name} | {len(rows)} | {_median(duck) * 1000:.0f} ms | {_median(ox) * 1000:.0f} ms | "
              f"{ratio:.1f}× | {'yes' if same_rows(rows, result.rows) else 'NO'} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
