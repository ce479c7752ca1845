"""Loading graphs into a remote server: SPARQL 1.1 Graph Store Protocol (Fuseki, GraphDB,
Virtuoso, a shared Oxigraph server).

Each article's named graph, and the vocabulary graph, is sent with its own
`PUT ?graph=IRI`, which replaces what the server held under that name: pushing again
after a rebuild updates changed articles in place and never duplicates facts. Graphs of articles deleted locally are left on the
server (the protocol has no "keep only these"); push to an emptied server to drop them.
"""

from __future__ import annotations

import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox

from ..querying.engines import _send
from ..errors import EndpointError, UsageError


@dataclass
class PushReport:
    endpoint: str
    graphs: int = 0
    triples: int = 0


Graphs = tuple[int, Iterator[tuple[ox.NamedNode | None, list[ox.Triple]]]]


def _store_graphs(store_path: str | Path) -> Graphs:
    from .store import open_store
    from ..model.oxterms import restore
    store = open_store(store_path, read_only=True)
    names = sorted(store.named_graphs(), key=lambda g: g.value)

    def each():
        for name in names:   # one graph in memory at a time
            quads = (restore(q) for q in store.quads_for_pattern(None, None, None, name))
            yield name, [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    return len(names), each()


def _file_graphs(path: str | Path) -> Graphs:
    from ..model.oxterms import to_ox
    from .files import load_graph
    dataset = load_graph(path)
    default = dataset.default_graph.identifier
    contexts = sorted((c for c in dataset.graphs() if len(c)), key=lambda g: str(g.identifier))

    def each():
        for context in contexts:
            name = None if context.identifier == default else to_ox(context.identifier)
            yield name, [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in context]
    return len(contexts), each()


def graph_url(endpoint: str, graph: ox.NamedNode | None) -> str:
    query = "default" if graph is None else urllib.parse.urlencode({"graph": graph.value})
    return endpoint + ("&" if "?" in endpoint else "?") + query


def push(endpoint: str, *, store: str | Path | None = None, graph: str | Path | None = None,
         progress: Callable[[int, int], None] | None = None, timeout: float = 60.0) -> PushReport:
    """PUT every named graph of a store (or of a graph file) to a Graph Store Protocol
    `endpoint` (for Oxigraph: http://HOST:PORT/store; for Fuseki: http://HOST:3030/DATASET/data).
    A graph file without named graphs goes to the server's default graph.

    >>> push("http://127.0.0.1:7878/store", store="corpus.db").graphs   # doctest: +SKIP
    10001
    """
    if (store is None) == (graph is None):
        raise UsageError("give either --store DIR or --graph FILE to push")
    if not endpoint.startswith(("http://", "https://")):
        raise UsageError(f"--endpoint {endpoint!r} is not an http(s) URL",
                         hint="e.g. http://127.0.0.1:7878/store")
    total, graphs = _store_graphs(store) if store is not None else _file_graphs(graph)
    report = PushReport(endpoint)
    for done, (name, triples) in enumerate(graphs, 1):
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        request = urllib.request.Request(graph_url(endpoint, name), data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        _send(request, endpoint, timeout, EndpointError)
        report.graphs += 1
        report.triples += len(triples)
        if progress:
            progress(done, total)
    return report
