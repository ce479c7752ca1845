"""Hostile data for the network and page tests: the article in tests/data/hostile/ (a title,
quotes and evidence full of markup), plus one person whose *name* is markup, which the
extractor would never produce but a hand-edited or remote graph could hold."""

from __future__ import annotations

from rdflib import RDF, RDFS, Literal

from graph_builder.model.rdf import ID, PROV, VNKG

from .support import ROOT

HOSTILE = ROOT / "tests" / "data" / "hostile"
HOSTILE_NAME = '"><img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> javascript:alert(1) </script>'
HOSTILE_HEADING = '<img src=x onerror=window.__pwned=3> </title><script>window.__pwned=4</script>'
HOSTILE_PERSON = ID["person/hostile-0000000000"]
# The pyvis popup switches to innerHTML when any tooltip contains "href": this one does.
HOSTILE_POST = '<a href="javascript:window.__pwned=5">Bí thư</a>'


def hostile_dataset():
    """The hostile article built as usual, plus the hostile person chairing its meeting."""
    from graph_builder import build_graph
    dataset = build_graph([HOSTILE]).dataset
    graph = dataset.graph(ID["graph/hostile-extra"])
    meeting = next(dataset.quads((None, RDF.type, VNKG.Meeting, None)))[0]
    article = next(dataset.quads((None, RDF.type, VNKG.Article, None)))[0]
    position, holding = ID["position/hostile-post"], ID["holding/hostile"]
    graph.add((HOSTILE_PERSON, RDF.type, VNKG.Person))
    graph.add((HOSTILE_PERSON, VNKG.name, Literal(HOSTILE_NAME)))
    graph.add((HOSTILE_PERSON, RDFS.label, Literal(HOSTILE_NAME)))
    graph.add((meeting, VNKG.chair, HOSTILE_PERSON))
    graph.add((position, RDF.type, VNKG.Position))
    graph.add((position, RDFS.label, Literal(HOSTILE_POST)))
    graph.add((holding, RDF.type, VNKG.PositionHolding))
    graph.add((holding, VNKG.holder, HOSTILE_PERSON))
    graph.add((holding, VNKG.position, position))
    graph.add((holding, PROV.wasDerivedFrom, article))
    return dataset
