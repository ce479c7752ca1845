"""What resolution decided, as RDF: one named graph per block that needs explaining.

A block whose namesakes stay more than one person, or that a judgement touches, gets the
graph `id/graph/identity/HASH` (HASH of the block: folded name and lineage province): its
candidate pairs (`vnkg:IdentityCandidate`: verdict, rule and reason, the two mentions and
the persons they ended in, the posts that decided, with their dates) and the judgements
applied (`vnkg:IdentityJudgement`, a `prov:Entity` with its note, author and time). An
incremental store build replaces the graphs of the blocks it resolves again, and only those.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Literal, URIRef

from ..model.rdf import ID, PROV, VNKG, mention_iri
from ..text import slug
from .judgements import Judgement, Ref
from .mentions import PersonMention
from .resolver import Candidate, Resolution
from .rules import load_rules

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_REASONS = {"no-post": "one of the two is named with no post: a name alone never joins",
            "years-apart": "the posts are years apart with nothing between them",
            "no-rule": "no rule of the compatibility table relates the two posts at these dates",
            "judgement": "a user's judgement"}


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def identity_graph(block: str) -> URIRef:
    """The named graph of one block's candidates and judgements."""
    return ID[f"graph/identity/{_hash(block)}"]


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    return {rule.name: rule.source for rule in load_rules()} | {
        "shared-post": "one post in one unit, named alike by both articles"}


def _posts(mention: PersonMention) -> str:
    return "; ".join(post.title for post in mention.posts)


def _ref(ref: Ref) -> URIRef:
    return URIRef(ref.person) if ref.person else mention_iri(ref.article, ref.name)


def block_triples(resolution: Resolution) -> dict[str, list]:
    """Block -> the triples of its identity graph (blocks with nothing to explain absent).

    >>> block_triples(Resolution())
    {}
    """
    graphs: dict[str, list] = {}
    for candidate in resolution.candidates:
        graphs.setdefault(candidate.block, []).extend(_candidate(candidate))
    persons = {key: iri for key, iri in resolution.iris.items()}
    for block, judgement in resolution.applied:
        graphs.setdefault(block, []).extend(_judgement(judgement, persons))
    return graphs


def _candidate(c: Candidate) -> list:
    node = ID[f"candidate/{_hash('|'.join((c.block, *c.a.key, *c.b.key)))}"]
    reason = _sources().get(c.rule) or _REASONS.get(c.rule, c.rule)
    triples = [(node, RDF.type, VNKG.IdentityCandidate), (node, VNKG.verdict, Literal(c.verdict)),
               (node, VNKG.rule, Literal(c.rule)), (node, RDFS.comment, Literal(reason))]
    for mention, person, which in ((c.a, c.person_a, "first"), (c.b, c.person_b, "second")):
        triples.append((node, VNKG[f"{which}Mention"], mention_iri(mention.article, mention.name)))
        triples.append((node, VNKG[f"{which}Person"], URIRef(person)))
        triples.append((node, VNKG[f"{which}Posts"], Literal(_posts(mention))))
        if mention.date:
            triples.append((node, VNKG[f"{which}Date"], Literal(mention.date, datatype=XSD.date)))
    return triples


def _judgement(j: Judgement, persons: dict[tuple[str, str], str]) -> list:
    node = ID[f"judgement/{j.key}"]
    triples = [(node, RDF.type, VNKG.IdentityJudgement), (node, VNKG.verdict, Literal(j.verdict))]
    for ref in (j.a, j.b):
        triples.append((node, VNKG.concerns, _ref(ref)))
        person = ref.person or persons.get((ref.article, ref.name))
        if person:
            triples.append((URIRef(person), PROV.wasInfluencedBy, node))
    if j.note:
        triples.append((node, RDFS.comment, Literal(j.note)))
    if j.author:
        agent = ID[f"agent/{slug(j.author)}-{_hash(j.author)}"]
        triples += [(node, PROV.wasAttributedTo, agent), (agent, RDF.type, PROV.Agent),
                    (agent, RDFS.label, Literal(j.author))]
    if _ISO_TIME.match(j.time):
        triples.append((node, PROV.generatedAtTime, Literal(j.time, datatype=XSD.dateTime)))
    elif _ISO_DATE.match(j.time):
        triples.append((node, PROV.generatedAtTime, Literal(j.time + "T00:00:00", datatype=XSD.dateTime)))
    return triples
