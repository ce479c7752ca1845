"""SHACL validation of a graph against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph


@dataclass
class ValidationReport:
    conforms: bool
    violations: int
    text: str


def validate_graph(dataset: Dataset | Graph) -> ValidationReport:
    """Check every node against the shapes; returns whether it conforms and the report.

    >>> validate_graph(build_graph(["seeds"]).dataset).conforms
    True
    """
    from pyshacl import validate

    from ..model.vocabulary import ontology_graph, shapes_graph

    data = Graph()
    quads = dataset.quads((None, None, None, None)) if isinstance(dataset, Dataset) else (
        (s, p, o, None) for s, p, o in dataset)
    for s, p, o, _ in quads:
        data.add((s, p, o))
    conforms, results, text = validate(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                       inference="none", advanced=True, allow_warnings=True)
    from rdflib.namespace import SH
    violations = sum(1 for _ in results.subjects(predicate=SH.resultSeverity, object=SH.Violation))
    return ValidationReport(bool(conforms), violations, text)
