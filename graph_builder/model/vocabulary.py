"""The ontology and shapes shipped inside the package (`ontology/*.ttl`), loaded once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import RDF, Graph

from .rdf import SKOS

_CONCEPT_PREDICATES = (RDF.type, SKOS.prefLabel, SKOS.notation, SKOS.inScheme)


def shipped_folder(package: str, source: str):
    """A data folder installed as `package` (`graph_builder.ontology` is `ontology/` of the
    repository, see pyproject.toml). Code run from a source checkout that was not installed
    (pytest in the repository imports the package from there) finds the folder beside the
    package instead."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / source).is_dir():
        # a source checkout: its own folder, even where another checkout is installed
        # (an editable install maps `graph_builder.ontology` to that checkout's folder)
        return root / source
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        return root / source


def ontology_path(name: str = "vnkg.ttl"):
    return shipped_folder("graph_builder.ontology", "ontology").joinpath(name)


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    graph = Graph()
    graph.parse(data=ontology_path("vnkg.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    graph = Graph()
    graph.parse(data=ontology_path("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def vocabulary_triples() -> tuple:
    """Every concept of the ontology's schemes (roles, statuses, levels, meeting types,
    kinds of body) with its types, labels, notation and scheme: the content of
    `rdf.VOCABULARY_GRAPH`, which goes with the data so that queries can show `Hội nghị
    giao ban` and `chair` without loading the ontology. Sorted, so that it is written
    the same way on every run."""
    graph = ontology_graph()
    concepts = set(graph.subjects(SKOS.inScheme, None))
    return tuple(sorted(((c, p, o) for c in concepts for p in _CONCEPT_PREDICATES for o in graph.objects(c, p)),
                        key=lambda t: tuple(term.n3() for term in t)))
