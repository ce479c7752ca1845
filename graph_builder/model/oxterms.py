"""RDF terms between rdflib and Oxigraph (pyoxigraph), and what Oxigraph's storage changes.

Oxigraph stores every integer-derived datatype as plain `xsd:integer`: a value written as
`"416"^^xsd:nonNegativeInteger` reads back as `"416"^^xsd:integer`. The ontology declares
which properties take a `xsd:nonNegativeInteger` (`oa:start`, `oa:end`), so whatever
leaves the store (export, push) gets that datatype back and stays valid under the shapes.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

XSD = "http://www.w3.org/2001/XMLSchema#"
_SCHEMA_RANGE = "https://schema.org/rangeIncludes"
_XSD_STRING = URIRef(XSD + "string")


@lru_cache(maxsize=1 << 16)
def _named(iri: str) -> ox.NamedNode:
    # predicates, classes, places and bodies repeat across triples and articles
    return ox.NamedNode(iri)


def to_ox(term):
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return _named(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term):
    """A pyoxigraph term as an rdflib term (None stays None)."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == XSD + "string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


def nquads(triples, graph) -> tuple[bytes, bytes]:
    """`triples` (rdflib terms) as N-Quads bytes in the named graph `graph`, and as
    N-Triples bytes (which load into the default graph). Written here rather than through
    Oxigraph's serialiser: building an Oxigraph term for each of ~200 terms per article
    only to print it cost a sixth of an article's extraction."""
    name = _term_text(graph)
    lines = [f"{_term_text(s)} {_term_text(p)} {_term_text(o)}" for s, p, o in triples]
    return ("".join(f"{line} {name} .\n" for line in lines).encode("utf-8"),
            "".join(f"{line} .\n" for line in lines).encode("utf-8"))


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


@lru_cache(maxsize=1 << 16)
def _iri_text(iri: str) -> str:
    # Oxigraph checks the IRI here, in the worker, where a bad one fails its article
    # only; unchecked, it would fail the bulk load of a thousand articles. Keyed by the
    # plain string: rdflib compares its terms in Python, a str compares in C.
    return str(ox.NamedNode(iri))


def _term_text(term) -> str:
    """An rdflib term in N-Triples syntax."""
    kind = type(term)
    if kind is URIRef:
        return _iri_text(str(term))
    if kind is Literal:
        value = str(term)
        # most values hold nothing to escape; four scans in C beat a translation table
        if '"' in value or "\\" in value or "\n" in value or "\r" in value:
            value = value.translate(_ESCAPES)
        if term.language:
            return f'"{value}"@{term.language}'
        datatype = term.datatype
        if datatype is not None and datatype != _XSD_STRING:
            return f'"{value}"^^{_iri_text(str(datatype))}'
        return f'"{value}"'
    return str(to_ox(term))


@lru_cache(maxsize=1)
def non_negative_properties() -> frozenset[str]:
    """Properties whose values the ontology declares as xsd:nonNegativeInteger."""
    from .vocabulary import ontology_path
    data = ontology_path("vnkg.ttl").read_bytes()
    found = set()
    for triple in ox.parse(data, format=ox.RdfFormat.TURTLE):
        if (triple.predicate.value == _SCHEMA_RANGE and isinstance(triple.object, ox.NamedNode)
                and triple.object.value == XSD + "nonNegativeInteger"):
            found.add(triple.subject.value)
    return frozenset(found)


def restore(quad: ox.Quad) -> ox.Quad:
    """`quad` with the datatype the ontology declares, where the store dropped it."""
    obj = quad.object
    if (isinstance(obj, ox.Literal) and obj.datatype.value == XSD + "integer"
            and quad.predicate.value in non_negative_properties()):
        obj = ox.Literal(obj.value, datatype=ox.NamedNode(XSD + "nonNegativeInteger"))
        return ox.Quad(quad.subject, quad.predicate, obj, quad.graph_name)
    return quad
