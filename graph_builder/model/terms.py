"""The terms facts are written with: the namespaces, literals made once, and the IRIs of
facts that more than one emitter points to (holdings, meetings)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef


class _Vocabulary:
    """A namespace whose terms are made once (rdflib builds a new URIRef on every
    attribute access, which shows in the build's profile)."""

    def __init__(self, iri: str):
        self.namespace = Namespace(iri)

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.namespace[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self.namespace[name]


VNKG = _Vocabulary("https://w3id.org/vnkg/ontology#")
ID = Namespace("https://w3id.org/vnkg/id/")
ORG = _Vocabulary("http://www.w3.org/ns/org#")
PROV = _Vocabulary("http://www.w3.org/ns/prov#")
SCHEMA = _Vocabulary("https://schema.org/")
OA = _Vocabulary("http://www.w3.org/ns/oa#")
SKOS = _Vocabulary("http://www.w3.org/2004/02/skos/core#")
RDF_TYPE, RDFS_LABEL = RDF.type, RDFS.label

_BOOLEAN = {True: Literal(True), False: Literal(False)}


@lru_cache(maxsize=65536)
def _text(value: str) -> Literal:
    """A plain string literal; names, titles and labels repeat across facts and articles."""
    return Literal(value)


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


@lru_cache(maxsize=4096)
def _date_literal(value: str) -> Literal:
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    return Literal(value, datatype=XSD.date)


def holding_iri(article_id: str, person: URIRef, post) -> URIRef:
    """A person's holding of a post (with its status) as one article attests it."""
    return ID[f"holding/{_hash(article_id, str(person), post.title, post.status)}"]


def meeting_iri(article, meeting) -> URIRef:
    """A meeting, by its article and the sentence that reports it."""
    part = f"-{meeting.part}" if meeting.part else ""
    return ID[f"meeting/{quote(article.id, safe='')}-{meeting.sentence[0]}{part}"]
