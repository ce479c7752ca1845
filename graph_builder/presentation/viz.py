"""The network as an interactive pyvis page that works offline (`vnkg viz`, or Jupyter).

pyvis 0.3.2 is used for its node/edge model and Jupyter support, but the page comes from
our own template (templates/network.html): pyvis's template links bootstrap from a CDN,
inserts the heading unescaped and switches tooltips to `innerHTML` as soon as one title
contains "href". Ours inlines vis-network, escapes the heading, renders tooltips with
`textContent`, and a Content-Security-Policy forbids any request and any script it did
not put there itself.
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections import deque
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import Dataset

from .network import KINDS, RELATIONS, build_network
from ..model.rdf import ID

# Okabe-Ito colours (distinguishable with colour-blindness), one shape per kind.
STYLE = {"person": ("#0072B2", "dot"), "meeting": ("#E69F00", "diamond"),
         "organisation": ("#009E73", "square"), "position": ("#CC79A7", "triangle"),
         "locality": ("#8C6D31", "hexagon")}
CHAIR_COLOUR = "#D55E00"
DEFAULT_HEADING = "Mạng lưới cán bộ, cơ quan và cuộc họp"
RING = 90.0         # px between BFS rings of the initial layout


@lru_cache(maxsize=1)
def _template_env():
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    import pyvis
    ours = str(resources.files(__package__).joinpath("templates"))
    theirs = str(Path(pyvis.__file__).parent / "templates")   # vis-network, inlined from here
    return Environment(loader=ChoiceLoader([FileSystemLoader(ours), FileSystemLoader(theirs)]),
                       autoescape=True)


def _radial(g: nx.Graph, nodes: set, hub) -> dict:
    """Rings of BFS distance around the hub, each child near its parent's angle, so that
    the physics only polishes a picture that is already nearly right."""
    angle, ring, order = {hub: 0.0}, {hub: 0}, [hub]
    queue = deque([hub])
    while queue:
        node = queue.popleft()
        for nxt in sorted(g.neighbors(node), key=str):
            if nxt in nodes and nxt not in ring:
                ring[nxt] = ring[node] + 1
                angle[nxt] = angle[node]
                order.append(nxt)
                queue.append(nxt)
    by_ring: dict[int, list] = {}
    for node in order:
        by_ring.setdefault(ring[node], []).append(node)
    pos = {hub: (0.0, 0.0)}
    for r, members in by_ring.items():
        if r == 0:
            continue
        members.sort(key=lambda n: angle[n])
        for i, node in enumerate(members):
            angle[node] = 2 * math.pi * (i + 0.5) / len(members)
            pos[node] = (r * RING * math.cos(angle[node]), r * RING * math.sin(angle[node]))
    return pos


def initial_layout(network: nx.MultiDiGraph) -> dict:
    """Positions for every node: each connected component laid out radially around its
    best-connected node, components packed in rows, largest first. Pure Python (networkx
    layouts need numpy, which vnkg does not otherwise depend on)."""
    g = nx.Graph(network)
    components = sorted(nx.connected_components(g), key=lambda c: (-len(c), min(map(str, c))))
    laid = []
    for nodes in components:
        local = _radial(g, nodes, max(nodes, key=lambda n: (g.degree(n), str(n))))
        laid.append((local, max((math.hypot(px, py) for px, py in local.values()), default=0.0) + RING / 2))
    # Rows about 1.7 times as wide as the packed area is tall: the shape of a screen.
    width = 1.7 * math.sqrt(sum((2 * radius) ** 2 for _, radius in laid) or 1.0)
    pos, x, y, row_height, row_width = {}, 0.0, 0.0, 0.0, 0.0
    for local, radius in laid:
        if row_width and row_width + 2 * radius > width:
            x, y, row_width, row_height = 0.0, y + row_height, 0.0, 0.0
        for node, (px, py) in local.items():
            pos[node] = (round(x + radius + px, 1), round(y + radius + py, 1))
        x += 2 * radius
        row_width += 2 * radius
        row_height = max(row_height, 2 * radius)
    return pos


def page_id(iri: str) -> str:
    """The node's id inside the page: its IRI without the `https://w3id.org/vnkg/id/` base,
    so the page carries no http(s) URL at all (and stays as deterministic as the IRIs)."""
    if iri.startswith(str(ID)):
        return iri[len(str(ID)):]
    return "x/" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]


def _options(size: int) -> dict:
    # Bounded stabilisation: an iteration costs time in proportion to the nodes, so big
    # pages start from the initial layout and get fewer iterations (2,000 nodes: 50, a few
    # seconds instead of minutes); overlap avoidance, costly too, only on small pages.
    iterations = max(40, min(400, 100_000 // max(size, 1)))
    return {
        "nodes": {"font": {"size": 16, "face": "DejaVu Sans, Arial, sans-serif"},
                  "widthConstraint": {"maximum": 170}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False,
                  "font": {"size": 10, "align": "middle", "color": "#444"},
                  "color": {"color": "#9a9a9a", "highlight": "#333"}},
        "physics": {"enabled": True, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -2500, "springLength": 120,
                                  "springConstant": 0.03, "damping": 0.3,
                                  "avoidOverlap": 0.4 if size <= 500 else 0},
                    "stabilization": {"enabled": True, "iterations": iterations,
                                      "updateInterval": 10, "fit": True},
                    "minVelocity": 1.0},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": size > 500},
    }


def _legend() -> list[dict]:
    return [{"kind": kind, "label": KINDS[kind], "color": STYLE[kind][0], "shape": STYLE[kind][1]}
            for kind in ("person", "meeting", "organisation", "position", "locality")]


@lru_cache(maxsize=1)
def _page_class():
    from pyvis.network import Network   # imported on first use: pyvis pulls in IPython

    class VnkgNetwork(Network):
        """A pyvis Network rendered with the vnkg template (also by `show()` in Jupyter)."""

        vnkg_stats: dict = {}

        def generate_html(self, name="index.html", local=True, notebook=False):
            nodes, edges, heading, height, width, _ = self.get_network_data()
            template = self.templateEnv.get_template(self.path)
            self.html = template.render(
                nodes=nodes, edges=edges, heading=heading, height=height, width=width,
                options=self.options, legend=_legend(), relations=RELATIONS,
                chair_colour=CHAIR_COLOUR, stats=self.vnkg_stats,
                nonce=secrets.token_urlsafe(18))   # a fresh nonce: injected markup cannot guess it
            # The bundle names a source map that is not shipped: DevTools would warn about it.
            self.html = self.html.replace("//# sourceMappingURL=vis-network.min.js.map", "")
            return self.html

    return VnkgNetwork


def to_pyvis(network: nx.MultiDiGraph, heading: str = DEFAULT_HEADING, environment=None):
    """The pyvis Network for an already built (and filtered) networkx network, rendered
    with `environment` (default: the page's own templates, compiled once)."""
    page = _page_class()(height="82vh", width="100%", directed=True, heading=heading,
                         cdn_resources="in_line")
    page.templateEnv, page.path = environment or _template_env(), "network.html"
    page.template = page.templateEnv.get_template(page.path)   # what Jupyter's show() uses
    page.options = _options(network.number_of_nodes())
    page.vnkg_stats = {"total_nodes": network.graph.get("total_nodes", network.number_of_nodes()),
                       "nodes": network.number_of_nodes(), "edges": network.number_of_edges()}
    pos = initial_layout(network)
    for node, data in network.nodes(data=True):
        colour, shape = STYLE[data["kind"]]
        page.add_node(page_id(node), label=data["label"], shape=shape, color=colour,
                      size=round(10 + 7 * math.sqrt(data.get("strength", 0)), 1),
                      x=pos[node][0], y=pos[node][1], kind=data["kind"],
                      tooltip=data.get("tooltip", data["label"]))
    seen: dict[tuple, int] = {}
    for u, v, data in network.edges(data=True):
        pair = (min(u, v), max(u, v))
        seen[pair] = seen.get(pair, -1) + 1
        edge = {"label": data["label"], "relation": data["relation"]}
        if seen[pair]:   # a second relation between the same two nodes curves away from the first
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * seen[pair]}
        if data["relation"] == "chaired":
            edge.update(color=CHAIR_COLOUR, width=4, font={"color": CHAIR_COLOUR, "size": 12,
                                                             "bold": True})
        page.add_edge(page_id(u), page_id(v), **edge)
    return page


def visualise(dataset: Dataset, *, heading: str = DEFAULT_HEADING, **filters):
    """The interactive page for `dataset` as a pyvis Network (in Jupyter: `net.show(...)`
    or `IPython.display.HTML(render_html(net))`). `filters` are those of
    `network.build_network` (person, locality, meeting_type, since, until, depth, max_nodes).

    >>> net = visualise(build_graph(["seeds"]).dataset, person="Mùa A Sơn")
    >>> net.vnkg_stats["nodes"] > 1
    True
    """
    return to_pyvis(build_network(dataset, **filters), heading=heading)


def render_html(page) -> str:
    """The complete, self-contained HTML of a page made by `visualise`.

    >>> render_html(visualise(build_graph(["seeds"]).dataset))[:15]
    '<!DOCTYPE html>'
    """
    return page.generate_html()


def write_page(page, out) -> int:
    """Write the page as UTF-8 (pyvis's own writer uses the locale's encoding); returns bytes.

    >>> write_page(visualise(load_graph("seeds.ttl")), "graph.html")   # doctest: +SKIP
    912345
    """
    from ..storage.files import write_atomic
    data = render_html(page).encode("utf-8")
    write_atomic(out, data)
    return len(data)
