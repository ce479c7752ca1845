"""Graph files: a build's graph kept in memory (`GraphSink`), written atomically in the
format its file extension names, and loaded back."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph

from ..errors import InputError, UsageError
from ..model.rdf import PREFIXES, VOCABULARY_GRAPH, graph_iri

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}


def format_of(path: str | Path, expected: str | None = None) -> str:
    """The RDF format a file's extension names (`.nq` -> `nquads`); with `expected`, a
    format asked for explicitly, which the extension must agree with."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"unknown graph format {suffix or '(none)'!r}", where=str(path),
                         hint=f"use one of {', '.join(FORMATS)}")
    if expected is not None and expected != FORMATS[suffix]:
        raise UsageError(f"format {expected} does not match the extension {suffix}", where=str(path),
                         hint=f"name the output *{next(s for s, f in FORMATS.items() if f == expected)}"
                              if expected in FORMATS.values() else None)
    return FORMATS[suffix]


def new_dataset() -> Dataset:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    return dataset


class GraphSink:
    """A build into memory: each article's triples in its named graph of one dataset,
    then the vocabulary graph (see `model.rdf.VOCABULARY_GRAPH`) when any article was
    read. Persons are resolved over every article first (`storage.identity`), so the
    articles are held until `finish`. The caller writes it (`write_graph`)."""
    as_nquads = False

    def __init__(self, report, judgements=()) -> None:
        self.dataset = report.dataset = new_dataset()
        self.report = report
        self.judgements = list(judgements)
        self.pending: list[tuple[str, list]] = []
        self.mentions: list = []

    def known(self) -> dict[str, str]:
        return {}

    def add(self, outcome) -> None:
        from .identity import read_rows
        self.pending.append((outcome.article_id, outcome.triples))
        self.mentions.extend(read_rows(outcome.mentions))

    def finish(self, seen: dict[str, Path], shard) -> None:
        from rdflib import URIRef
        from ..resolution.graph import block_triples, identity_graph
        from .identity import resolve_outcomes
        resolution, changes = resolve_outcomes(self.mentions, self.judgements)
        self.report.warnings.extend(resolution.warnings)
        self.report.identity = resolution
        self.pending.reverse()
        while self.pending:
            article_id, triples = self.pending.pop()
            graph = self.dataset.graph(graph_iri(article_id))
            swap = {URIRef(old): URIRef(new) for old, new in changes.get(article_id, {}).items()}
            for s, p, o in triples:
                graph.add((swap.get(s, s), p, swap.get(o, o)) if swap else (s, p, o))
        for block, triples in sorted(block_triples(resolution).items()):
            graph = self.dataset.graph(identity_graph(block))
            for triple in triples:
                graph.add(triple)
        if seen:
            from ..model.vocabulary import vocabulary_triples
            graph = self.dataset.graph(VOCABULARY_GRAPH)
            for triple in vocabulary_triples():
                graph.add(triple)
        self.report.triples = len(self.dataset)

    def close(self) -> None:
        pass


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


def write_graph(dataset: Dataset, out: str | Path, fmt: str | None = None) -> int:
    """Write `dataset` to `out` (format from the extension, which must agree with `fmt`
    when given); returns the bytes written.

    >>> write_graph(build_graph(["seeds"]).dataset, "seeds.ttl")   # doctest: +SKIP
    48210
    """
    data = serialise(dataset, format_of(out, fmt))
    write_atomic(out, data)
    return len(data)


def load_graph(path: str | Path) -> Dataset:
    """A graph file (any supported format) as a dataset.

    >>> dataset = load_graph("seeds.ttl")       # doctest: +SKIP
    >>> len(dataset)                            # doctest: +SKIP
    690
    """
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
