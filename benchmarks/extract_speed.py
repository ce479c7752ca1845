"""Extraction speed on one core: articles per second through the whole pipeline.

Usage: python benchmarks/extract_speed.py [FOLDER ...] [--rounds N]
Default corpus: the seeds and the test articles (tests/data/*/articles). Each round
changes every text slightly so no cache can answer for it. Prints articles/s for the
extraction stages alone and for extraction plus RDF triples (what `vnkg build` does
before writing).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_builder.extraction.pipeline import extract_text  # noqa: E402
from graph_builder.model.rdf import article_triples  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "seeds"), *map(str, sorted((ROOT / "tests" / "data").glob("*/articles")))])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for folder in args.folders for p in sorted(Path(folder).glob("*.txt"))]
    extract_text("warm-up", texts[0])  # load lexicons and the gazetteer once
    for label, with_rdf in (("extraction", False), ("extraction + RDF", True)):
        count, started = 0, time.perf_counter()
        for round_ in range(args.rounds):
            for n, text in enumerate(texts):
                article = extract_text(f"a{round_}-{n}", text + " " * (round_ + 1 + (10 if with_rdf else 0)))
                if with_rdf:
                    article_triples(article)
                count += 1
        elapsed = time.perf_counter() - started
        print(f"{label:18} {count} articles in {elapsed:.2f} s: {count / elapsed:.0f} articles/s (one core)")


if __name__ == "__main__":
    main()
