"""The graph as the site shows it: every person, post, body, place, meeting and article,
with the facts that tie them (holdings, participations) and the evidence of each fact,
read in one pass over the triples.

The triples come from an rdflib Dataset, or from a store's default graph (the merge of the
article graphs, each triple once) through Oxigraph's pattern index: a big store is never
copied into an rdflib Dataset. Nodes are keyed by IRI, plain strings; everything the pages
show is sorted here or where it is shown, so the same graph always gives the same site.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Literal, URIRef

from ...model.rdf import OA, ORG, PROV, SCHEMA, SKOS, VNKG

STATUS = {str(VNKG.CurrentHolding): "current", str(VNKG.ActingHolding): "acting",
          str(VNKG.FormerHolding): "former"}
KINDS = {str(VNKG.Elected): "elected", str(VNKG.Appointed): "appointed", str(VNKG.Relieved): "relieved",
         str(VNKG.Disciplined): "disciplined"}
ROLES = {str(VNKG.ChairRole): "chair", str(VNKG.AttendeeRole): "attendee", str(VNKG.SpeakerRole): "speaker",
         str(VNKG.ReporterRole): "reporter", str(VNKG.ConcluderRole): "concluder"}


@dataclass
class Evidence:
    iri: str
    article: str | None
    start: int
    end: int
    quote: str
    facts: list[str] = field(default_factory=list)      # the meetings, holdings, participations


@dataclass
class Person:
    iri: str
    name: str
    articles: list[str] = field(default_factory=list)   # the articles that mention them
    # namesakes resolution kept apart: (the other person, their posts, verdict, reason)
    candidates: list[tuple[str, str, str, str]] = field(default_factory=list)


@dataclass
class Position:
    iri: str
    title: str
    body: str | None


@dataclass
class Body:
    iri: str
    name: str
    kind: str | None
    places: list[str]
    parents: list[str]


@dataclass
class Place:
    iri: str
    name: str
    label: str
    level: str | None
    division: str
    code: str
    parents: list[str]
    successors: list[str] = field(default_factory=list)   # the 2025 units it was merged into
    valid: str = ""                                       # "đến 2025-06-30", "từ 2025-07-01"


@dataclass
class Meeting:
    iri: str
    label: str
    type: str | None
    date: str
    time: str
    online: bool | None
    locality: str | None
    province: str | None
    chairs: list[str]
    organisers: list[str]
    article: str | None
    evidence: list[str]


@dataclass
class Holding:
    iri: str
    holder: str
    position: str | None
    body: str | None
    status: str           # current, acting, former ("" when the graph does not say)
    date: str             # as attested: YYYY-MM-DD, --MM-DD, or ""
    article: str | None
    evidence: list[str]
    start: str = ""       # the term's start and end, where a change of post gives them
    end: str = ""


@dataclass
class Change:
    """A change of post (`vnkg:PostChange`)."""
    iri: str
    person: str
    position: str | None
    kind: str             # elected, appointed, relieved, disciplined
    date: str             # YYYY-MM-DD, --MM-DD, or ""
    decided_by: str | None
    measure: str | None   # the measure's concept IRI
    article: str | None
    evidence: list[str]


@dataclass
class Participation:
    iri: str
    person: str
    meeting: str
    role: str             # chair, attendee, speaker, reporter, concluder
    article: str | None
    evidence: list[str]


@dataclass
class Article:
    iri: str
    ident: str
    title: str
    published: str
    author: str
    dateline: str | None
    content_hash: str
    urls: list[str] = field(default_factory=list)       # the pages it was read from
    outlets: list[str] = field(default_factory=list)    # their outlets' names


@dataclass
class SiteGraph:
    """Every node and fact the site shows, by IRI."""
    persons: dict[str, Person]
    positions: dict[str, Position]
    bodies: dict[str, Body]
    places: dict[str, Place]
    meetings: dict[str, Meeting]
    articles: dict[str, Article]
    holdings: dict[str, Holding]
    participations: dict[str, Participation]
    evidence: dict[str, Evidence]
    concepts: dict[str, str]                 # a concept's Vietnamese label
    notations: dict[str, str]                # a concept's notation (`chair`, `hoi-nghi-giao-ban`)
    changes: dict[str, Change] = field(default_factory=dict)


# ---- reading -------------------------------------------------------------------------

def read_triples(source) -> list[tuple]:
    """Every distinct triple of `source`, as rdflib terms: an rdflib Dataset (all its
    graphs), or the path of a store built by `vnkg build --store` (its default graph, the
    merge, read with Oxigraph's pattern index, never as an rdflib copy)."""
    if isinstance(source, (str, Path)):
        return _store_triples(source)
    return list({(s, p, o) for s, p, o, _ in source.quads((None, None, None, None))})


def _store_triples(path) -> list[tuple]:
    import pyoxigraph as ox
    from ...storage.store import open_store
    store = open_store(path, read_only=True)
    # Names, places, bodies and predicates repeat across articles: each term is made once.
    node = lru_cache(maxsize=None)(URIRef)

    @lru_cache(maxsize=1 << 18)
    def literal(value: str, datatype: str, language: str | None):
        if language:
            return Literal(value, lang=language)
        return Literal(value, datatype=None if datatype.endswith("#string") else URIRef(datatype))

    def term(t):
        if isinstance(t, ox.NamedNode):
            return node(t.value)
        if isinstance(t, ox.Literal):
            return literal(t.value, t.datatype.value, t.language)
        return BNode(t.value)

    return [(node(q.subject.value) if isinstance(q.subject, ox.NamedNode) else term(q.subject),
             node(q.predicate.value), term(q.object))
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]


class _Index:
    """The triples by predicate, then subject; each list of values sorted."""

    def __init__(self, triples):
        self.by = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            self.by[p][s].append(o)
        for subjects in self.by.values():
            for values in subjects.values():
                values.sort(key=str)

    def of(self, rdf_type) -> list:
        return sorted((s for s, types in self.by[RDF.type].items() if rdf_type in types), key=str)

    def all(self, p, s) -> list[str]:
        return [str(o) for o in self.by[p].get(s, ())]

    def one(self, p, s) -> str | None:
        values = self.by[p].get(s)
        return str(values[0]) if values else None

    def text(self, p, s) -> str:
        return self.one(p, s) or ""

    def label(self, s) -> str:
        for p in (RDFS.label, VNKG.name, VNKG.title, SKOS.prefLabel):
            if self.by[p].get(s):
                return str(self.by[p][s][0])
        return str(s).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _untitled(x: _Index, s) -> str:
    """A page without a headline (its text starts with the dateline) is named by its
    identifier and publication day, never by its first line."""
    ident = x.text(VNKG.identifier, s) or x.label(s)
    published = x.text(SCHEMA.datePublished, s)
    return f"{ident} ({published[:10]})" if published else ident


def _concepts(index: _Index) -> tuple[dict[str, str], dict[str, str]]:
    """Vietnamese labels and notations of the concepts; the data carries them (the
    vocabulary graph), the ontology fills in any it lacks."""
    from ...model.vocabulary import ontology_graph
    labels, notations = {}, {}
    for source in (ontology_graph(), None):
        pairs = (source.subject_objects(SKOS.prefLabel) if source is not None else
                 ((s, o) for s, values in index.by[SKOS.prefLabel].items() for o in values))
        for s, o in sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1]))):
            if isinstance(o, Literal) and o.language == "vi":
                labels[str(s)] = str(o)
        notes = (source.subject_objects(SKOS.notation) if source is not None else
                 ((s, o) for s, values in index.by[SKOS.notation].items() for o in values))
        for s, o in sorted(notes, key=lambda pair: (str(pair[0]), str(pair[1]))):
            notations[str(s)] = str(o)
    return labels, notations


def _validity(start: str, until: str) -> str:
    """When a unit was in force, in the page's words (the 2025 reform's maps)."""
    return " ".join(part for part in (f"từ {start}" if start else "", f"đến {until}" if until else "") if part)


def build_site_graph(triples) -> SiteGraph:
    """The site's nodes and facts from `triples` (see `read_triples`)."""
    x = _Index(triples)
    persons = {str(s): Person(str(s), x.text(VNKG.name, s) or x.label(s), x.all(VNKG.mentionedIn, s))
               for s in x.of(VNKG.Person)}
    for c in x.of(VNKG.IdentityCandidate):
        first, second, verdict = x.one(VNKG.firstPerson, c), x.one(VNKG.secondPerson, c), x.text(VNKG.verdict, c)
        if first in persons and second in persons and first != second:
            why = (verdict, x.text(RDFS.comment, c))
            persons[first].candidates.append((second, x.text(VNKG.secondPosts, c), *why))
            persons[second].candidates.append((first, x.text(VNKG.firstPosts, c), *why))
    positions = {str(s): Position(str(s), x.text(VNKG.title, s) or x.label(s), x.one(ORG.postIn, s))
                 for s in x.of(VNKG.Position)}
    bodies = {str(s): Body(str(s), x.text(VNKG.name, s) or x.label(s), x.one(VNKG.organisationKind, s),
                           x.all(VNKG.governs, s), x.all(ORG.subOrganizationOf, s))
              for s in x.of(VNKG.Organisation)}
    places = {str(s): Place(str(s), x.text(VNKG.name, s) or x.label(s), x.label(s), x.one(VNKG.level, s),
                            x.text(VNKG.divisionType, s), x.text(VNKG.officialCode, s),
                            x.all(SCHEMA.containedInPlace, s), x.all(VNKG.mergedInto, s),
                            _validity(x.text(VNKG.validFrom, s), x.text(VNKG.validUntil, s)))
              for s in x.of(VNKG.Locality)}
    meetings = {}
    for s in x.of(VNKG.Meeting):
        online = x.one(VNKG.online, s)
        meetings[str(s)] = Meeting(
            str(s), x.label(s), x.one(VNKG.meetingType, s), x.text(VNKG.date, s), x.text(VNKG.timeOfDay, s),
            None if online is None else online == "true", x.one(VNKG.locality, s), x.one(VNKG.province, s),
            [c for c in x.all(VNKG.chair, s) if c in persons], x.all(VNKG.organiser, s),
            x.one(PROV.wasDerivedFrom, s), x.all(VNKG.evidence, s))
    holdings = {}
    for s in x.of(VNKG.PositionHolding):
        holder, position = x.one(VNKG.holder, s), x.one(VNKG.position, s)
        if holder not in persons:
            continue
        body = x.one(ORG.organization, s) or (positions[position].body if position in positions else None)
        holdings[str(s)] = Holding(str(s), holder, position, body, STATUS.get(x.one(VNKG.status, s), ""),
                                   x.text(VNKG.attestedOn, s), x.one(PROV.wasDerivedFrom, s),
                                   x.all(VNKG.evidence, s), x.text(VNKG.termStart, s), x.text(VNKG.termEnd, s))
    changes = {str(s): Change(str(s), x.one(VNKG.changedPerson, s), x.one(VNKG.changedPosition, s),
                              KINDS.get(x.one(VNKG.changeKind, s), ""), x.text(VNKG.changeDate, s),
                              x.one(VNKG.decidedBy, s), x.one(VNKG.disciplineMeasure, s),
                              x.one(PROV.wasDerivedFrom, s), x.all(VNKG.evidence, s))
               for s in x.of(VNKG.PostChange) if x.one(VNKG.changedPerson, s) in persons}
    participations = {}
    for s in x.of(VNKG.Participation):
        person, meeting = x.one(VNKG.participant, s), x.one(VNKG.meeting, s)
        if person in persons and meeting in meetings:
            participations[str(s)] = Participation(str(s), person, meeting,
                                                   ROLES.get(x.one(VNKG.role, s), "attendee"),
                                                   x.one(PROV.wasDerivedFrom, s), x.all(VNKG.evidence, s))
    articles = {str(s): Article(str(s), x.text(VNKG.identifier, s) or x.label(s),
                                x.text(SCHEMA.headline, s) or _untitled(x, s), x.text(SCHEMA.datePublished, s),
                                x.text(VNKG.byline, s), x.one(VNKG.datelineProvince, s),
                                x.text(VNKG.contentHash, s),
                                [u for u in x.all(SCHEMA.url, s) if u.startswith(("https://", "http://"))],
                                sorted({x.label(o) for o in x.by[SCHEMA.publisher].get(s, ())}))
                for s in x.of(VNKG.Article)}
    evidence = {}
    for s in x.of(VNKG.Evidence):
        start = end = None
        quote = ""
        for selector in x.by[OA.hasSelector].get(s, ()):
            if x.by[OA.start].get(selector):
                start, end = int(x.one(OA.start, selector)), int(x.one(OA.end, selector) or 0)
            if x.by[OA.exact].get(selector):
                quote = x.one(OA.exact, selector)
        if start is not None:
            evidence[str(s)] = Evidence(str(s), x.one(OA.hasSource, s), start, end, quote)
    facts = {**meetings, **holdings, **participations}
    for fact, values in sorted(x.by[VNKG.evidence].items(), key=lambda item: str(item[0])):
        for ev in values:
            if str(ev) in evidence and str(fact) in facts:
                evidence[str(ev)].facts.append(str(fact))
    labels, notations = _concepts(x)
    return SiteGraph(persons, positions, bodies, places, meetings, articles, holdings, participations,
                     evidence, labels, notations, changes)
