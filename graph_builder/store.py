"""Where graphs live: building one from article files, writing it (atomically) in the
format its file extension names, and loading it back."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph

from .corpus import collect_articles
from .errors import InputError, UsageError, VnkgError
from .pipeline import extract_file
from .rdf import PREFIXES, article_triples, graph_iri

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


def build_graph(inputs: list[str | Path]) -> BuildReport:
    """Extract every article under `inputs` into a dataset, one named graph per article.
    A file that cannot be read is skipped with its reason; the rest still builds."""
    report = BuildReport(new_dataset())
    seen: dict[str, Path] = {}
    for path in collect_articles(inputs):
        if path.stem in seen:
            report.skipped.append((str(path), f"duplicate article identifier {path.stem!r} (also {seen[path.stem]})"))
            continue
        try:
            article = extract_file(path)
        except VnkgError as exc:
            report.skipped.append((str(path), exc.message))
            continue
        seen[path.stem] = path
        graph = report.dataset.graph(graph_iri(article.id))
        for triple in article_triples(article):
            graph.add(triple)
        report.read.append(str(path))
        if not article.persons:
            report.warnings.append(f"{path}: no person found")
    return report


def serialise(dataset: Dataset, fmt: str) -> bytes:
    """Bytes of the dataset in `fmt`; triple formats merge the named graphs. N-Triples and
    N-Quads are sorted so that the same facts always give the same bytes."""
    if fmt in ("turtle", "nt", "json-ld"):
        merged = Graph()
        for prefix, namespace in PREFIXES.items():
            merged.bind(prefix, namespace)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            merged.add((s, p, o))
        data = merged.serialize(format=fmt, encoding="utf-8")
    else:
        data = dataset.serialize(format=fmt, encoding="utf-8")
    if fmt in ("nt", "nquads"):
        lines = sorted(set(line for line in data.split(b"\n") if line.strip()))
        data = b"\n".join(lines) + b"\n"
    return data


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
            dataset.default_context.parse(str(path), format=fmt)
        else:
            dataset.parse(str(path), format=fmt)
    except Exception as exc:  # rdflib raises many kinds of parser errors
        raise InputError(f"cannot parse {fmt}: {exc}", where=str(path)) from None
    return dataset
