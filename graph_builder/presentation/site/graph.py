"""A small graph around each person: the `vnkg viz` page (network.py's network, viz.py's
`to_pyvis`, with the template's vis-network swapped for the site's asset), filtered to the person's neighbourhood as `visualise(dataset,
person=...)` filters it (every node within two steps).

The network of the whole graph is built once and each person's page cut from it: calling
`visualise` per person would rebuild the whole network for each. And a site holds thousands
of these pages, so vis-network (470 kB) is not inlined in each: the page loads it from the
site's `assets/` (with the page's nonce), and keeps only the stylesheet rules it uses
(the others style widgets the page does not show, some with inlined images). The page's
random nonce becomes a hash of the page, as on every page of the site, and the
neighbourhood keeps the network's order of nodes and edges: the same graph gives the same
bytes.
"""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache
from pathlib import Path

import networkx as nx

from ..network import full_network, ordered_subgraph
from .model import SiteGraph
from .render import PLACEHOLDER, seal
from ..viz import _template_env, render_html, to_pyvis

_LIB = "lib/vis-9.1.2/"
_MARK = "/*vnkg:vis-network from assets*/"
_SOURCE_MAP = "//# sourceMappingURL=vis-network.min.js.map"
DEPTH = 2
# The page's options enable none of vis-network's widgets (navigation and editing buttons,
# configurator, colour picker): of its stylesheet, only these rules apply.
_USED_CSS = ("vis-tooltip", "vis-overlay", "vis-active")


def _pyvis_file(name: str) -> Path:
    import pyvis
    return Path(pyvis.__file__).parent / "templates" / _LIB / name


def vis_network_js() -> bytes:
    """vis-network as the site's asset (the source map it names is not shipped)."""
    return _pyvis_file("vis-network.min.js").read_bytes().replace(_SOURCE_MAP.encode("ascii"), b"")


@lru_cache(maxsize=1)
def _light_environment():
    """viz.py's template environment, with vis-network replaced by a mark (swapped for a
    <script src>) and its stylesheet by the rules the page uses."""
    from jinja2 import ChoiceLoader, DictLoader, Environment
    css = _pyvis_file("vis-network.css").read_text(encoding="utf-8")
    rules = "".join(f"{selector}{{{body}}}" for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)
                    if any(name in selector for name in _USED_CSS))
    overrides = DictLoader({_LIB + "vis-network.css": rules, _LIB + "vis-network.min.js": _MARK})
    return Environment(loader=ChoiceLoader([overrides, _template_env().loader]), autoescape=True)


class _Triples:
    """The triples the site read, shaped as the dataset network.py reads."""

    def __init__(self, triples):
        self.triples = triples

    def quads(self, pattern):
        return ((s, p, o, None) for s, p, o in self.triples)


class PersonGraphs:
    """The network once, and each person's small page cut from it."""

    def __init__(self, triples, graph: SiteGraph):
        self.network = full_network(_Triples(triples))
        # A filtered site's graph pages show the site's nodes only.
        self.keep = set(graph.persons) | set(graph.meetings) | set(graph.bodies) | set(graph.places) \
            | set(graph.positions)
        # The network's own order (full_network adds nodes and edges in sorted order): a
        # networkx subgraph of a few nodes iterates them in the order of a set, which
        # changes from one process to the next.
        self.order = {node: i for i, node in enumerate(self.network)}

    def neighbourhood(self, person: str) -> nx.MultiDiGraph:
        """Everything within DEPTH steps of `person`, either way along the edges, in the
        network's order (what `visualise(dataset, person=...)` shows)."""
        g, keep = self.network, self.keep
        seen, queue = {person: 0}, deque([person])
        while queue:
            node = queue.popleft()
            if seen[node] == DEPTH:
                continue
            for nxt in (*g.successors(node), *g.predecessors(node)):
                if nxt not in seen and nxt in keep:
                    seen[nxt] = seen[node] + 1
                    queue.append(nxt)
        return ordered_subgraph(g, seen, self.order)

    def page(self, person: str, heading: str) -> bytes | None:
        """The viz page of `person`'s neighbourhood (None if the network lacks them); its
        script `src` is relative to the page's folder (graph/)."""
        if person not in self.network or person not in self.keep:
            return None
        html = render_html(to_pyvis(self.neighbourhood(person), heading, _light_environment()))
        nonce = re.search(r"'nonce-([A-Za-z0-9_-]+)'", html).group(1)
        inline = f'<script nonce="{nonce}">{_MARK}</script>'
        if inline not in html:
            raise RuntimeError("the viz template no longer inlines vis-network as site/graph.py expects")
        html = html.replace(inline, f'<script nonce="{nonce}" src="../assets/vis-network.min.js"></script>')
        return seal(html.replace(nonce, PLACEHOLDER))
