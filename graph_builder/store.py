"""Where graphs live: building one from article files, writing it (atomically) in the
format its file extension names, and loading it back."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from .corpus import scan_corpus
from .errors import InputError, UsageError
from .parallel import Progress, extract_outcomes, select_shard
from .rdf import PREFIXES, VOCABULARY_GRAPH, graph_iri

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}


@dataclass
class BuildReport:
    """What a build read, skipped and warned about."""
    dataset: Dataset
    read: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return len(self.dataset)

    def skip_reasons(self) -> dict[str, int]:
        """How many files were skipped for each kind of reason ("empty file": 2, ...),
        most frequent first: a reason's kind is its text before any parenthesis."""
        counts: dict[str, int] = {}
        for _, reason in self.skipped:
            kind = reason.split(" (")[0]
            counts[kind] = counts.get(kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def summary(self) -> str:
        """One line: read, skipped and why, warnings, triples."""
        why = ", ".join(f"{count} {kind}" for kind, count in self.skip_reasons().items())
        return (f"{len(self.read)} articles read, {len(self.skipped)} skipped"
                f"{f' ({why})' if why else ''}, {len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}; "
                f"{self.triples} triples")


def admit(report, seen: dict[str, Path], outcome) -> Path | None:
    """The article file of an extraction outcome, or None (then skipped with its reason:
    it failed, or another file has the same identifier). `report` is a build's report, for
    a file or for a store."""
    path = Path(outcome.path)
    if path.stem in seen:
        report.skipped.append((str(path), f"duplicate article identifier ({path.stem!r}, also {seen[path.stem]})"))
        return None
    if outcome.error is not None:
        report.skipped.append((str(path), outcome.error))
        return None
    seen[path.stem] = path
    return path


def record(report, path: Path, outcome) -> None:
    """Count an extracted article and its warnings (`no person found`, …)."""
    report.read.append(str(path))
    report.warnings.extend(f"{path}: {warning}" for warning in outcome.warnings)
    missing = [what for what, absent in (("person", not outcome.persons),
                                         ("meeting", not outcome.meetings)) if absent]
    if missing:
        report.warnings.append(f"{path}: no {' and no '.join(missing)} found")


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"unknown graph format {suffix or '(none)'!r}", where=str(path),
                         hint=f"use one of {', '.join(FORMATS)}")
    return FORMATS[suffix]


def new_dataset() -> Dataset:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset


def build_graph(inputs: list[str | Path], *, jobs: int = 1, shard: tuple[int, int] | None = None,
                progress: Progress | None = None) -> BuildReport:
    """Extract every article under `inputs` into a dataset, one named graph per article.
    A file that cannot be read is skipped with its reason; the rest still builds.
    `jobs` processes extract in parallel (the result does not depend on it); `shard`
    (I, N) keeps only the I-th of N deterministic slices of the corpus."""
    report = BuildReport(new_dataset())
    seen: dict[str, Path] = {}
    corpus = scan_corpus(inputs)
    # a folder that could not be walked (a symlink loop, a broken link) holds no article
    report.warnings.extend(f"{path}: {reason}" for path, reason in corpus.problems)
    files = []
    for path in corpus.files:
        if _name_problem(path):
            report.skipped.append((str(path), _name_problem(path)))
        else:
            files.append(path)
    paths = select_shard(files, shard)
    for outcome in extract_outcomes(paths, jobs, progress=progress):
        path = admit(report, seen, outcome)
        if path is None:
            continue
        graph = report.dataset.graph(graph_iri(outcome.article_id))
        for triple in outcome.triples:
            graph.add(triple)
        record(report, path, outcome)
    if report.read:
        _add_vocabulary(report.dataset)
    return report


def _add_vocabulary(dataset: Dataset) -> None:
    """The concepts the facts point to, in their own graph (see `rdf.VOCABULARY_GRAPH`)."""
    from .vocabulary import vocabulary_triples
    graph = dataset.graph(VOCABULARY_GRAPH)
    for triple in vocabulary_triples():
        graph.add(triple)


def _name_problem(path: Path) -> str | None:
    """A file name that cannot be an article identifier (it becomes part of IRIs)."""
    try:
        path.stem.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8 (rename the file)"
    return None


def serialise(dataset: Dataset, fmt: str) -> bytes:
    """Bytes of the dataset in `fmt`; triple formats merge the named graphs. N-Triples and
    N-Quads are sorted so that the same facts always give the same bytes."""
    if fmt in ("turtle", "nt", "json-ld"):
        merged = Graph()
        for prefix, namespace in PREFIXES.items():
            merged.bind(prefix, namespace)
        # Added in sorted order: rdflib's JSON-LD writer follows insertion order, and the
        # dataset's own order depends on string hashing, which changes with each process.
        for triple in sorted({(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))},
                             key=_term_key):
            merged.add(triple)
        data = merged.serialize(format=fmt, encoding="utf-8")
        if fmt == "json-ld":
            data = _sorted_json(data)
    elif fmt == "trig":
        data = _trig(dataset)
    else:
        data = dataset.serialize(format=fmt, encoding="utf-8")
    if fmt in ("nt", "nquads"):
        lines = sorted(set(line for line in data.split(b"\n") if line.strip()))
        data = b"\n".join(lines) + b"\n"
    return data


def _term_key(triple) -> tuple[str, ...]:
    return tuple(term.n3() for term in triple)


def _sorted_json(data: bytes) -> bytes:
    """JSON-LD with its node and value arrays sorted: rdflib lists subjects in the order
    of a set. The arrays hold RDF values, which have no order (`@list` keeps its own)."""
    import json

    def canonical(value, ordered: bool = False):
        if isinstance(value, dict):
            return {k: canonical(v, k == "@list") for k, v in value.items()}
        if isinstance(value, list):
            items = [canonical(v) for v in value]
            return items if ordered else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
        return value
    text = json.dumps(canonical(json.loads(data)), indent=2, separators=(",", ": "), sort_keys=True,
                      ensure_ascii=False)
    return text.encode("utf-8")


def _trig(dataset: Dataset) -> bytes:
    """TriG with the named graphs in IRI order (rdflib writes them in the order of a set)."""
    import io
    from rdflib.plugins.serializers.trig import TrigSerializer
    serializer = TrigSerializer(dataset)
    default = serializer.default_context
    serializer.contexts.sort(key=lambda g: (g.identifier == default, str(g.identifier)))
    out = io.BytesIO()
    serializer.serialize(out, encoding="utf-8")
    return out.getvalue()


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename: an interrupted
    write never leaves a truncated file, and the previous file stays intact."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def write_graph(dataset: Dataset, out: str | Path) -> int:
    """Write `dataset` to `out` (format from the extension); returns the bytes written."""
    data = serialise(dataset, format_of(out))
    write_atomic(out, data)
    return len(data)


def load_graph(path: str | Path) -> Dataset:
    """A graph file (any supported format) as a dataset."""
    path = Path(path)
    fmt = format_of(path)
    if not path.is_file():
        raise UsageError("no such graph file", where=str(path), hint="build one with `vnkg build`")
    dataset = new_dataset()
    try:
        if fmt in ("turtle", "nt", "json-ld"):
            dataset.default_graph.parse(str(path), format=fmt)
        else:
            dataset.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many kinds of parser errors
        raise InputError(f"cannot parse {fmt}: {exc}", where=str(path)) from None
    return dataset
