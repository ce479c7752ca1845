"""The on-disk store (`--store DIR`): an embedded Oxigraph database, one named graph per
article, built incrementally.

Each article's named graph carries its `vnkg:contentHash`; a re-build extracts only the
files whose hash changed or that are new, drops the graphs of files that are gone (or no
longer readable), and leaves the rest untouched. Nodes shared between articles (a person,
a body, a place) have IRIs made from their content, so each article's graph restates
what it says about them and removing one article's graph never removes another's facts.
The concepts facts point to (a role, a meeting type) are described once, in the
vocabulary graph, kept as the installed ontology has them while any article is stored.

Beside it, `vnkg-identity.sqlite` (see `identity`) keeps each article's person mentions,
so that a build resolves again only the namesakes its changes touch.

The default graph holds the merge of all article graphs, each triple once. Queries run
on it rather than on Oxigraph's union of the named graphs, which repeats a triple once
per graph stating it (a locality's name, a body's kind): a query without
DISTINCT would return a row per repetition, where rdflib's union returns one.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError, UsageError
from .parallel import in_shard
from ..model.rdf import PREFIXES

# Articles per write to the store (~270 MB of N-Quads). Each bulk load lands in RocksDB's
# first level, whose background compaction then rewrites what overlaps it; fewer, larger
# loads cut that work by a third (40k articles: 108 -> 74 CPU-s, the build 222 -> 210 s)
# for ~1.5 GB more peak memory, which stays flat whatever the corpus size.
_WRITE_BATCH = 4000
_WRITERS = 2          # batches loading at once
_BULK = 200           # from this many articles on, a bulk load (fast, not a transaction)
_STATE = "vnkg-build.json"   # beside RocksDB's files, which it leaves alone
# Parts of the package that never change an article's triples; anything else (a new
# module or subpackage included) counts as extraction, to be safe.
_NOT_EXTRACTION = {"__main__.py", "cli.py", "storage", "querying", "presentation", "checks"}

_STORED = """
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
SELECT ?g ?id ?hash WHERE {
  GRAPH ?g { ?a a vnkg:Article ; vnkg:identifier ?id ; vnkg:contentHash ?hash }
}"""


def extractor_fingerprint() -> str:
    """A hash of the code and data that turn an article into triples (the package's
    modules and lexicons, the gazetteer's version). A stored article is reused only when
    both its content hash and this fingerprint are unchanged: a new lexicon entry must
    reach articles already in the store."""
    from importlib import metadata
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".tsv") and p.is_file()
                       and p.relative_to(root).parts[0] not in _NOT_EXTRACTION):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for package in ("rdflib",):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode("utf-8"))
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()


def _read_fingerprint(path: Path) -> str | None:
    try:
        return json.loads((path / _STATE).read_text(encoding="utf-8")).get("extractor")
    except (OSError, ValueError, AttributeError):
        return None


def _write_fingerprint(path: Path, fingerprint: str | None) -> None:
    from .files import write_atomic
    write_atomic(path / _STATE, json.dumps({"extractor": fingerprint}).encode("utf-8"))


def is_store(path: str | Path) -> bool:
    return (Path(path) / "CURRENT").is_file()


def open_store(path: str | Path, *, read_only: bool = False) -> ox.Store:
    """The Oxigraph store at `path`; created when writing, required when reading."""
    path = Path(path)
    if read_only and not is_store(path):
        raise UsageError("no Oxigraph store here", where=str(path),
                         hint="build one with `vnkg build DIR --store PATH`")
    if not read_only and path.exists() and any(path.iterdir()) and not is_store(path):
        raise UsageError("the folder exists and is not an Oxigraph store", where=str(path),
                         hint="name a new or empty folder, or a store built by `vnkg build --store`")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise UsageError("the store is in use by another process", where=str(path),
                             hint="stop the writable server or build that holds it") from None
        raise InputError(f"cannot open the store: {message}", where=str(path)) from None


def stored_articles(store: ox.Store) -> dict[str, tuple[ox.NamedNode, str]]:
    """Article identifier -> (its named graph, its content hash), for every article stored."""
    return {row["id"].value: (row["g"], row["hash"].value) for row in store.query(_STORED)}


class StoreSink:
    """A build into the store at `path`, incremental: `known` offers the stored articles'
    content hashes (none when the extractor changed since the store's last build, which
    then empties it); new and changed articles are loaded in batches by writer threads
    while extraction goes on; `finish` removes the articles whose file is gone (within
    the shard), syncs the vocabulary graph, counts and compacts."""
    as_nquads = True

    def __init__(self, path: str | Path, report, judgements=()) -> None:
        from .identity import MentionIndex
        self.path, self.report = Path(path), report
        self.store = open_store(path)
        self.index = MentionIndex(self.path)
        self.judgements = list(judgements)
        self.stored: dict[str, tuple[ox.NamedNode, str]] = {}
        self.fingerprint = extractor_fingerprint()
        self.drop: list[ox.NamedNode] = []
        self.load: list[bytes] = []
        self.merge: list[bytes] = []
        # Writer threads load batches while extraction goes on: Oxigraph's bulk load
        # releases the GIL, and run in turn the two would each leave the other idle. Two
        # batches may load at once (a bulk load is single-threaded below a million quads,
        # and loading is the build's longest task); a third accumulates, so memory stays
        # bounded.
        self.writer = ThreadPoolExecutor(max_workers=_WRITERS, thread_name_prefix="vnkg-store-writer")
        self.writing: list[tuple[Future, bool]] = []   # a batch being loaded, and whether it removes
        self.restated: set[bytes] = set()              # merge lines already loaded (see _merge_lines)
        self.voided = False

    def known(self) -> dict[str, str]:
        self.stored = stored_articles(self.store)
        # the mention index must be that of the same build (not missing, not interrupted)
        current = _read_fingerprint(self.path) == self.fingerprint == self.index.built_by()
        if self.stored and not current:
            # Everything is extracted again: emptying the store first is much faster than
            # replacing graph after graph.
            _write_fingerprint(self.path, None)
            self.store.clear()
            self.index.clear()
            self.stored, self.report.reextracted = {}, True
        return {article_id: digest for article_id, (_, digest) in self.stored.items()}

    def add(self, outcome) -> None:
        # an addition (a duplicate page's URL) goes into a graph already there: kept
        if outcome.article_id in self.stored and not outcome.addition:
            self.drop.append(self.stored[outcome.article_id][0])
        self.load.append(outcome.nquads)
        self.merge.append(outcome.ntriples)
        if not outcome.addition:         # an addition names no person of its own
            self.index.replace(outcome.article_id, outcome.mentions)
        if len(self.load) >= _WRITE_BATCH:
            self._flush()

    def _flush(self) -> None:
        if not (self.drop or self.load):
            return
        # Until this build completes, the store's recorded fingerprint is void: a build
        # interrupted midway (bulk loads are not transactions) re-extracts everything.
        if not self.voided:
            _write_fingerprint(self.path, None)
            self.voided = True
        # One copy of the batch, and the articles' own bytes let go before waiting for
        # a writer: held side by side through the wait, they were a batch too many.
        data = b"".join([*self.load, _merge_lines(self.merge, self.restated)])
        bulk, dropped = len(self.load) >= _BULK, list(self.drop)
        self.drop.clear()
        self.load.clear()
        self.merge.clear()
        # Removing a graph checks which of its triples other graphs still state, which a
        # concurrent load would make wrong: a batch that removes runs alone.
        writing = self.writing
        alone = bool(dropped) or any(removes for _, removes in writing)
        while writing and (alone or len(writing) >= _WRITERS):
            writing.pop(0)[0].result()
        writing.append((self.writer.submit(_write_batch, self.store, dropped, data, bulk=bulk), bool(dropped)))

    def finish(self, seen: dict[str, Path], shard: tuple[int, int] | None) -> None:
        report, store = self.report, self.store
        for article_id, (graph, _) in sorted(self.stored.items()):
            if article_id not in seen and in_shard(article_id, shard):
                self.drop.append(graph)
                report.removed.append(article_id)
                self.index.remove(article_id)
        self._flush()
        for future, _ in self.writing:
            future.result()
        rewritten = self._resolve()
        # What the store now holds, known without asking it (a query over every article's
        # graph takes seconds on a large store): the articles stored or read, less those removed.
        report.articles = len((self.stored.keys() | seen.keys()) - set(report.removed))
        _sync_vocabulary(store, keep=report.articles > 0)
        store.flush()
        # The count (seconds on a large store, the same answer before and after compaction)
        # runs on one core while the compaction, where there is one, keeps the other busy.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vnkg-store-count") as counter:
            counted = counter.submit(count_triples, store)
            if report.read or report.removed or rewritten:
                # Bulk loads leave many overlapping files; compacting them once makes every
                # later lookup cheaper (named queries run twice as fast on a 5M-triple store).
                store.optimize()
            report.triples = counted.result()
        _write_fingerprint(self.path, self.fingerprint)

    def _resolve(self) -> int:
        """Resolve the blocks whose mentions or judgements changed; rewrite what moved."""
        from .identity import rewrite_plan
        self.index.judged(self.judgements)
        resolution, changes = self.index.resolve(self.judgements)
        self.report.warnings.extend(resolution.warnings)
        self.report.identity = resolution
        removed, added, drop, data = rewrite_plan(self.store, resolution, changes)
        _remove_quads(self.store, removed)
        _remove_graphs(self.store, drop)
        if added:
            self.store.extend(added)
        if data:
            self.store.load(data, format=ox.RdfFormat.N_QUADS)
        self.index.commit(self.fingerprint)
        return len(removed) + len(drop) + len(data)

    def close(self) -> None:
        self.writer.shutdown(wait=True)
        self.index.close()


def _sync_vocabulary(store: ox.Store, *, keep: bool) -> None:
    """The vocabulary graph (and its share of the merge) as the installed ontology
    describes the concepts, while the store holds any article; absent when it holds none.
    Rewritten only when it differs, so a re-run with nothing changed writes nothing."""
    from ..model.oxterms import nquads
    from ..model.rdf import VOCABULARY_GRAPH
    from ..model.vocabulary import vocabulary_triples
    graph = ox.NamedNode(str(VOCABULARY_GRAPH))
    data, triples = nquads(vocabulary_triples(), VOCABULARY_GRAPH) if keep else (b"", b"")
    held = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)}
    if held == set(ox.parse(triples, format=ox.RdfFormat.N_TRIPLES)):
        return
    _remove_graphs(store, [graph])
    if data:
        store.load(data + triples, format=ox.RdfFormat.N_QUADS)


def _merge_lines(merge: list[bytes], restated: set[bytes]) -> bytes:
    """The N-Triples lines of a batch's articles that the merge still needs, each once.

    Articles restate what they say about shared nodes (a place's name, a body's kind, a
    person's name): a line stated by several articles of the batch goes to the merge
    once, and is remembered in `restated`, so later batches of the same build skip it
    (a tenth of each batch's merge after the first). Only repeated lines are remembered,
    which keeps the set small (an article's own facts are stated once). Skipping is safe
    because a line loaded in this build stays in the merge until the build ends: the
    graphs it removes are those of articles stored before it, whose lines a removal
    keeps while any other graph states them."""
    counts = Counter()
    for chunk in merge:
        counts.update(chunk.split(b"\n"))
    counts.pop(b"", None)
    data = b"".join(line + b"\n" for line in counts if line not in restated)
    restated.update(line for line, count in counts.items() if count > 1)
    return data


def _write_batch(store: ox.Store, drop: list[ox.NamedNode], data: bytes, *, bulk: bool) -> None:
    """Remove the graphs of replaced or deleted articles, then load a batch of N-Quads."""
    _remove_graphs(store, drop)
    if data:
        # Lenient: Oxigraph skips re-validating every IRI, which costs a seventh of a bulk
        # load (4 000 articles: 9.1 -> 7.8 s). The data is `oxterms.nquads` output, whose
        # IRIs each passed Oxigraph's own check in the worker that extracted the article.
        load = store.bulk_load if bulk else store.load
        load(data, format=ox.RdfFormat.N_QUADS, lenient=True)


def _remove_graphs(store: ox.Store, graphs: list[ox.NamedNode]) -> None:
    """Remove article graphs, and from the default graph (the merge) every triple that no
    other article graph still states."""
    if not graphs:
        return
    triples = set()
    for graph in graphs:
        triples.update((q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph))
        store.remove_graph(graph)
    default = ox.DefaultGraph()
    for s, p, o in triples:
        # At most one of the matches is in the default graph, so two suffice.
        found = islice(store.quads_for_pattern(s, p, o, None), 2)
        if not any(q.graph_name != default for q in found):
            store.remove(ox.Quad(s, p, o, default))


def _remove_quads(store: ox.Store, quads: list[ox.Quad]) -> None:
    """Remove quads of article graphs, and from the merge each triple no graph still states."""
    default = ox.DefaultGraph()
    for quad in quads:
        store.remove(quad)
    for q in quads:
        found = islice(store.quads_for_pattern(q.subject, q.predicate, q.object, None), 2)
        if not any(f.graph_name != default for f in found):
            store.remove(ox.Quad(q.subject, q.predicate, q.object, default))


def count_triples(store: ox.Store) -> int:
    """Distinct triples of the store (the size of the default graph, the merge)."""
    row = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    return int(row["n"].value)


def store_quads(store_path: str | Path):
    """Every quad of the store, with the datatypes the ontology declares (see oxterms)."""
    from ..model.oxterms import restore
    store = open_store(store_path, read_only=True)
    default = ox.DefaultGraph()
    return (restore(quad) for quad in store if quad.graph_name != default)


def load_store(store_path: str | Path):
    """The store's content as an rdflib Dataset (for export and validation; an in-memory
    copy, so meant for graphs that fit in memory).

    >>> visualise(load_store("corpus.db"), locality="Điện Biên")   # doctest: +SKIP
    """
    from ..model.oxterms import to_rdflib
    from .files import new_dataset
    dataset = new_dataset()
    # Graphs in identifier order, as a build from files creates them: rdflib writes
    # TriG graph by graph in the order they were created.
    by_graph: dict[str, list[ox.Quad]] = {}
    for quad in store_quads(store_path):
        by_graph.setdefault(getattr(quad.graph_name, "value", ""), []).append(quad)
    for name in sorted(by_graph, key=_graph_order):
        for quad in by_graph.pop(name):
            dataset.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object),
                         to_rdflib(quad.graph_name) or dataset.default_graph.identifier))
    return dataset


def _graph_order(name: str) -> tuple[bool, str, str]:
    from urllib.parse import unquote
    from ..model.rdf import VOCABULARY_GRAPH
    return (name == str(VOCABULARY_GRAPH), unquote(name.rsplit("/", 1)[-1]), name)


def export_store(store_path: str | Path, out: str | Path, fmt: str | None = None) -> int:
    """Write the store to `out` (format from the extension, which must agree with `fmt`
    when given), the same bytes as `vnkg build --out` gives for the same articles.
    N-Quads and N-Triples are written by Oxigraph itself (fast at any size); other
    formats go through rdflib. Returns the bytes written.

    >>> export_store("corpus.db", "corpus.nq")   # doctest: +SKIP
    1203344
    """
    from .files import format_of, serialise, write_atomic
    fmt = format_of(out, fmt)
    if fmt in ("nquads", "nt"):
        store = open_store(store_path, read_only=True)
        if fmt == "nt":          # the default graph is the merge: each triple once
            chunks = [store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())]
        else:
            chunks = [_graph_lines(store, graph) for graph in store.named_graphs()]
        lines = sorted(set(line for chunk in chunks for line in _restore_lines(chunk).split(b"\n") if line))
        data = b"\n".join(lines) + b"\n"
    else:
        data = serialise(load_store(store_path), fmt)
    write_atomic(out, data)
    return len(data)


def _graph_lines(store: ox.Store, graph: ox.NamedNode) -> bytes:
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    name = b" " + str(graph).encode("utf-8") + b" .\n"
    return b"".join(line[:-2] + name for line in data.split(b"\n") if line)


def _restore_lines(data: bytes) -> bytes:
    """N-Triples/N-Quads bytes with the datatypes the ontology declares (see oxterms)."""
    import re
    from ..model.oxterms import XSD, non_negative_properties
    predicates = b"|".join(re.escape(p.encode("utf-8")) for p in sorted(non_negative_properties()))
    if not predicates:
        return data
    pattern = re.compile(rb"(<(?:" + predicates + rb")> \"[0-9]+\"\^\^<)" + re.escape(XSD.encode()) + rb"integer>")
    return pattern.sub(rb"\1" + XSD.encode() + b"nonNegativeInteger>", data)


def prefixes() -> dict[str, str]:
    return {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
