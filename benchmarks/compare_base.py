"""The working tree's code against a base git revision, in one run on this machine:
do the two build the same bytes, and how fast does each extract on one core?

    python benchmarks/compare_base.py --base 0aac5c3                  # seeds, written sets, 1k synthetic
    python benchmarks/compare_base.py --base 0aac5c3 --speed-only ~/.cache/vnkg-realdev
    python benchmarks/compare_base.py --base 0aac5c3 --corpus DIR --corpus DIR2

The base revision is checked out with `git worktree` into a temporary folder and run
from there (`PYTHONPATH`), the head from this tree; both through the public API
(`graph_builder.extract_text`, `article_triples`) and the `vnkg build` command, which
every revision has. Speed rounds alternate base and head, so a machine that speeds up
or slows down during the run affects both alike; the ratio is head / base.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SPEED = r"""
import sys, time
from pathlib import Path
import graph_builder as g
texts = [p.read_text(encoding="utf-8") for folder in sys.argv[2:] for p in sorted(Path(folder).glob("*.txt"))]
g.extract_text("warm-up", texts[0])
rounds = int(sys.argv[1])
count, started = 0, time.perf_counter()
for r in range(rounds):
    for n, text in enumerate(texts):
        g.article_triples(g.extract_text(f"a{r}-{n}", text + " " * (r + 1)))
        count += 1
print(count / (time.perf_counter() - started))
"""


def default_corpora(work: Path) -> list[Path]:
    corpora = [ROOT / "seeds", *sorted((ROOT / "tests" / "data").glob("*/articles"))]
    synthetic = work / "synthetic-1k"
    if not synthetic.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--count", "1000",
                        "--seed", "1", "--out", str(synthetic)], check=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL)
    return [*corpora, synthetic]


def checkout(base: str, work: Path) -> Path:
    tree = work / f"base-{base}"
    if not tree.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), base], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return tree


def build(code: Path, corpus: Path, out: Path) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, "-m", "graph_builder", "build", str(corpus), "--out", str(out),
                           "--jobs", "1"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build failed with {code}: {done.stderr.strip()[-400:]}")
    return out.read_bytes()


def compare_outputs(base: Path, corpora: list[Path], work: Path) -> bool:
    same = True
    for corpus in corpora:
        for suffix in (".nq", ".ttl"):
            old = build(base, corpus, work / f"old{suffix}")
            new = build(ROOT, corpus, work / f"new{suffix}")
            verdict = "identical" if old == new else "DIFFERENT"
            if old != new and suffix == ".nq":
                a, b = set(old.splitlines()), set(new.splitlines())
                verdict += f" ({len(a - b)} lines only in base, {len(b - a)} only in head)"
            same &= old == new
            print(f"{corpus.name:28} {suffix:5} {hashlib.sha256(new).hexdigest()[:16]}  {verdict}")
    return same


def speed(code: Path, corpora: list[Path], rounds: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run([sys.executable, "-c", _SPEED, str(rounds), *map(str, corpora)], env=env,
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def compare_speed(base: Path, corpora: list[Path], rounds: int, repeats: int) -> None:
    old, new = [], []
    for _ in range(repeats):
        old.append(speed(base, corpora, rounds))
        new.append(speed(ROOT, corpora, rounds))
    b, h = statistics.median(old), statistics.median(new)
    print(f"extraction + RDF, one core: base {b:.0f} articles/s, head {h:.0f} articles/s, "
          f"ratio head/base {h / b:.3f} (medians of {repeats} alternating runs; "
          f"base {', '.join(f'{x:.0f}' for x in old)}; head {', '.join(f'{x:.0f}' for x in new)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="git revision to compare with")
    parser.add_argument("--corpus", action="append", type=Path, help="folder of articles (repeatable)")
    parser.add_argument("--speed-only", nargs="*", type=Path, metavar="FOLDER",
                        help="only the speed ratio, over these folders (default: the written sets)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnkg-compare-") as temp:
        work = Path(temp)
        base = checkout(args.base, work)
        try:
            if args.speed_only is not None:
                corpora = args.speed_only or [ROOT / "seeds", *sorted((ROOT / "tests" / "data").glob("*/articles"))]
                compare_speed(base, corpora, args.rounds, args.repeats)
                return 0
            corpora = args.corpus or default_corpora(work)
            same = compare_outputs(base, corpora, work)
            print("all outputs identical" if same else "outputs differ")
            return 0 if same else 1
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
