"""The network (`network.build_network`) as a file for Gephi and other graph tools:
GraphML or GEXF, filtered as the interactive page is."""

from __future__ import annotations

import networkx as nx
from rdflib import Dataset

from ..errors import UsageError
from .network import build_network

EXPORT_FORMATS = ("graphml", "gexf")


def export_network(dataset: Dataset, out, fmt: str, **filters) -> int:
    """Write the network as GraphML or GEXF (for Gephi); returns the bytes written.

    >>> export_network(load_graph("seeds.ttl"), "seeds.graphml", "graphml")   # doctest: +SKIP
    23018
    """
    from ..storage.files import write_atomic
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown network format {fmt!r}", hint=f"use one of {', '.join(EXPORT_FORMATS)}")
    g = build_network(dataset, **filters)
    lines = nx.generate_graphml(g) if fmt == "graphml" else nx.generate_gexf(g)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    write_atomic(out, data)
    return len(data)
