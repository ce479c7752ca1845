"""Fuzz the extractor: any bytes -> decode -> parse -> every stage -> triples.

Checks, for every input:
- `decode` raises nothing but `InputError`;
- `extract_text` raises nothing at all, on any Unicode text;
- every evidence quote in `article_triples` equals `article.text[start:end]`;
- no single input takes more than --slow seconds (a regex that backtracks).

A failure is recorded (one file per distinct failure site, with the input that caused
it) and the run goes on, so a long run counts every distinct crash, not just the first.

With atheris (`pip install atheris`; not a project dependency) the run is coverage-guided,
seeded with the example articles:

    python benchmarks/fuzz_extract.py --minutes 10 --out /tmp/fuzz
    python benchmarks/fuzz_extract.py --minutes 10 --mode tokens --out /tmp/fuzz-tokens

Without atheris it falls back to a long hypothesis run over the same checks. The figures
(executions, distinct crashes, slow inputs) are printed at the end as one JSON line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_DIRS = [ROOT / "seeds", ROOT / "tests/data/dev/articles"]

STATS = {"executions": 0, "failures": 0, "distinct_failures": 0, "slow_inputs": 0,
         "max_seconds": 0.0}
_SEEN: set[str] = set()
_OUT = Path("/tmp/vnkg-fuzz")
_SLOW = 5.0


def check_text(text: str) -> None:
    """The extractor's contract on one text (raises AssertionError or the extractor's error)."""
    from graph_builder.extraction.pipeline import extract_text
    from graph_builder.model.rdf import OA, article_triples

    article = extract_text("fuzz", text)
    triples = article_triples(article)
    starts, ends, exacts = {}, {}, {}
    for s, p, o in triples:
        if p == OA.start:
            starts[str(s)[: -len("/position")]] = int(o)
        elif p == OA.end:
            ends[str(s)[: -len("/position")]] = int(o)
        elif p == OA.exact:
            exacts[str(s)[: -len("/quote")]] = str(o)
    for node, quote in exacts.items():
        start, end = starts[node], ends[node]
        assert 0 <= start <= end <= len(article.text), (node, start, end, len(article.text))
        assert quote == article.text[start:end], (node, quote, article.text[start:end])


def check_bytes(data: bytes) -> None:
    """The reader raises nothing but InputError on any bytes (as a text file and as an
    HTML page); the extractor's contract holds on whatever text comes out."""
    from graph_builder.reading.decoding import decode
    from graph_builder.errors import InputError
    from graph_builder.reading.html import html_text

    try:
        text = decode(data, "fuzz")
    except InputError:
        # Undecodable bytes are the reader's business; the extractor still gets a text.
        text = data.decode("utf-8", errors="replace")
    try:
        page = html_text(data, "fuzz.html").text
    except InputError:
        page = ""
    check_text(text)
    if page and page != text:
        check_text(page)


def _record(data: bytes, exc: BaseException) -> None:
    STATS["failures"] += 1
    frames = traceback.extract_tb(exc.__traceback__)
    site = frames[-1] if frames else None
    key = f"{type(exc).__name__}:{site.filename if site else ''}:{site.lineno if site else ''}"
    if key in _SEEN:
        return
    _SEEN.add(key)
    STATS["distinct_failures"] += 1
    digest = hashlib.sha1(data).hexdigest()[:12]
    _OUT.mkdir(parents=True, exist_ok=True)
    (_OUT / f"crash-{digest}.bin").write_bytes(data)
    (_OUT / f"crash-{digest}.txt").write_text(
        key + "\n" + "".join(traceback.format_exception(exc)), encoding="utf-8")
    print(f"fuzz: new failure {key} -> {_OUT / f'crash-{digest}.bin'}", file=sys.stderr, flush=True)


_VOCABULARY: list[str] = []


def vocabulary() -> list[str]:
    """Words and marks of the example articles plus the characters scraped pages carry:
    `--mode tokens` builds texts from these, so mutations stay Vietnamese-like and reach
    the deeper stages (titles, names, meetings) that random bytes rarely get to."""
    import re
    words = set()
    for folder in SEED_DIRS:
        for path in folder.glob("*.txt"):
            words.update(re.findall(r"\w+|[^\w\s]", path.read_text(encoding="utf-8")))
    extra = ["\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\ufeff", "\u0301", "\u0323", "\x00",
             "\u202e", "\U0001f600", "…", "–", "—", "“", "”", "'", "H'Hen", "hoà", "Thuỷ", "Q.", "TP.",
             "đ/c", "Đ/c", "./.", "(", ")", "[", "]", ":", ";", "/", "-", "  ", "\u0300" * 3]
    return sorted(words) + extra


def tokens_to_text(data: bytes) -> str:
    if not _VOCABULARY:
        _VOCABULARY.extend(vocabulary())
    size = len(_VOCABULARY)
    out = []
    for i in range(0, len(data) - 1, 2):
        index = int.from_bytes(data[i:i + 2], "little")
        out.append(_VOCABULARY[index % size])
        out.append(" " if index < 0xF000 else "")
    return "".join(out)


MODE = "bytes"


def one_input(data: bytes) -> None:
    STATS["executions"] += 1
    began = time.perf_counter()
    try:
        if MODE == "tokens":
            check_text(tokens_to_text(data))
        else:
            check_bytes(data)
    except Exception as exc:  # noqa: BLE001 - every failure is a finding
        _record(data, exc)
    took = time.perf_counter() - began
    STATS["max_seconds"] = max(STATS["max_seconds"], took)
    if took > _SLOW:
        STATS["slow_inputs"] += 1
        digest = hashlib.sha1(data).hexdigest()[:12]
        _OUT.mkdir(parents=True, exist_ok=True)
        (_OUT / f"slow-{digest}.bin").write_bytes(data)
        print(f"fuzz: slow input ({took:.1f}s) -> {_OUT / f'slow-{digest}.bin'}", file=sys.stderr, flush=True)


def _summary(began: float, engine: str) -> str:
    figures = dict(STATS, engine=engine, mode=MODE, seconds=round(time.monotonic() - began, 1),
                   max_seconds=round(STATS["max_seconds"], 3), out=str(_OUT))
    return json.dumps(figures)


def run_atheris(minutes: float, began: float) -> None:
    import atheris

    with atheris.instrument_imports(include=["graph_builder"]):
        import graph_builder.reading.html  # noqa: F401
        import graph_builder.extraction.pipeline  # noqa: F401
        import graph_builder.model.rdf  # noqa: F401
    corpus = _OUT / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    if MODE == "tokens":
        # seeds in token form: each article as its vocabulary indices
        index = {word: i for i, word in enumerate(vocabulary())}
        import re
        for folder in SEED_DIRS:
            for path in sorted(folder.glob("*.txt")):
                words = re.findall(r"\n|\w+|[^\w\s]", path.read_text(encoding="utf-8"))
                data = b"".join(index[w].to_bytes(2, "little") for w in words if w in index)
                (corpus / path.name).write_bytes(data)
    else:
        for folder in SEED_DIRS:
            for path in sorted(folder.glob("*.txt")):
                target = corpus / path.name
                if not target.exists():
                    target.write_bytes(path.read_bytes())
    deadline = began + minutes * 60

    def target(data: bytes) -> None:
        one_input(data)
        if time.monotonic() > deadline:
            print("fuzz: " + _summary(began, "atheris"), flush=True)
            sys.stderr.flush()
            os._exit(0)  # libFuzzer treats SystemExit from the target as a crash

    argv = [sys.argv[0], str(corpus), "-max_len=12000", "-timeout=60",
            f"-artifact_prefix={_OUT}/", "-rss_limit_mb=4096",
            f"-max_total_time={int(minutes * 60) + 30}", "-print_final_stats=1"]
    atheris.Setup(argv, target)
    atheris.Fuzz()


def run_hypothesis(minutes: float, began: float) -> None:
    from hypothesis import HealthCheck, given, settings, strategies as st

    seeds = [p.read_text(encoding="utf-8") for folder in SEED_DIRS for p in sorted(folder.glob("*.txt"))]
    deadline = began + minutes * 60

    @settings(max_examples=10**9, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(
        st.text(),
        st.builds(lambda seed, cut, junk: seed[:cut] + junk + seed[cut:],
                  st.sampled_from(seeds), st.integers(0, 3000), st.text(max_size=50)),
        st.binary(max_size=4000)))
    def prop(value):
        if time.monotonic() > deadline:
            raise _Done
        one_input(value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass"))

    try:
        prop()
    except _Done:
        pass
    print("fuzz: " + _summary(began, "hypothesis"), flush=True)


class _Done(Exception):
    pass


def main() -> None:
    global _OUT, _SLOW, MODE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--out", default=str(_OUT), help="where failures and the corpus go")
    parser.add_argument("--slow", type=float, default=_SLOW, help="seconds after which an input counts as slow")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--mode", choices=("bytes", "tokens"), default="bytes",
                        help="bytes: any file content; tokens: texts built from the articles' words")
    args = parser.parse_args()
    _OUT, _SLOW, MODE = Path(args.out), args.slow, args.mode
    sys.path.insert(0, str(ROOT))
    began = time.monotonic()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    if engine == "atheris":
        run_atheris(args.minutes, began)
    else:
        run_hypothesis(args.minutes, began)


if __name__ == "__main__":
    main()
