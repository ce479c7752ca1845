"""Article facts -> RDF, with provenance.

Every node's IRI comes from canonical content (a person's folded name and province, a
body's full name and unit code, an article's identifier), never from counters, so the
same input gives the same IRIs on any machine, in any order, and two articles about the
same person meet in one node. Each article's facts live in a named graph of their own.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from rdflib import RDFS, XSD, Literal, URIRef

from ..reading.article import Article, Span
from ..extraction.meetings import Meeting
from ..extraction.persons import Person
from ..extraction.positions import Org, Post
from ..gazetteer import Unit, load_gazetteer
from ..text import fold, slug
from .changes import emit_changes
from .terms import (_BOOLEAN, ID, OA, ORG, PROV, RDF_TYPE, RDFS_LABEL, SCHEMA, SKOS, VNKG, _date_literal, _hash,
                    _text, holding_iri, meeting_iri)

PREFIXES = {"vnkg": VNKG.namespace, "id": ID, "org": ORG.namespace, "prov": PROV.namespace,
            "schema": SCHEMA.namespace, "oa": OA.namespace, "skos": SKOS.namespace, "rdfs": RDFS, "xsd": XSD}
LEVEL = {"province": VNKG.ProvinceLevel, "district": VNKG.DistrictLevel, "commune": VNKG.CommuneLevel}
STATUS = {"current": VNKG.CurrentHolding, "acting": VNKG.ActingHolding, "former": VNKG.FormerHolding}
ROLE = {"chair": VNKG.ChairRole, "attendee": VNKG.AttendeeRole, "speaker": VNKG.SpeakerRole,
        "reporter": VNKG.ReporterRole, "concluder": VNKG.ConcluderRole}

Triple = tuple[URIRef, URIRef, URIRef | Literal]
# The concepts that facts point to (a role, a meeting type, a level) are described once,
# in a graph of their own beside the articles' graphs, not restated by every article.
VOCABULARY_GRAPH = ID["vocabulary"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{quote(article_id, safe='')}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph holding one article's facts (never `VOCABULARY_GRAPH`: an article
    identifier is quoted into one path segment under `graph/`)."""
    return ID[f"graph/{quote(article_id, safe='')}"]


def unit_iri(unit: Unit) -> URIRef:
    # The new map reused old codes for other units: its units carry the year in their IRI.
    era = "2025-" if unit.map == "2025" else ""
    return ID[f"place/{era}{unit.level}-{unit.code}-{slug(unit.name)}"]


def person_key(person: Person, article: Article) -> str:
    """The name and the province's lineage, for a person the article gives a post: the
    block of namesakes that `resolution` splits into persons from their posts (a block that
    stays one person keeps this key). A person with no post is only this article's until a
    judgement says otherwise; where no province is knowable, nothing ties the person to a
    namesake in another article."""
    province = person.province(article.context)
    if province is not None:
        # the province's lineage across the 2025 reform: an official of Hà Giang in 2024
        # and of Tuyên Quang in 2026 is one person
        lineage = load_gazetteer().lineage_province(province).key
        return f"{fold(person.name)}|{lineage}" if person.holdings else f"{fold(person.name)}|{lineage}|{article.id}"
    return f"{fold(person.name)}|?|{article.id}"


def person_iri(person: Person, article: Article) -> URIRef:
    return ID[f"person/{slug(person.name)}-{_hash(person_key(person, article))}"]


def resolved_person_iri(name: str, lineage: str, anchor: str | None = None) -> URIRef:
    """A person of a block (folded name, lineage province): the block's IRI, or with
    `anchor` (the article of the cluster's first mention) the IRI of another person of it."""
    key = f"{fold(name)}|{lineage}" if anchor is None else f"{fold(name)}|{lineage}|{anchor}"
    return ID[f"person/{slug(name)}-{_hash(key)}"]


def mention_iri(article_id: str, name: str) -> URIRef:
    """A person as one article names them (`vnkg:PersonMention`)."""
    # the hash tells apart names one slug would merge (`Hùng`, `Hưng`)
    return ID[f"mention/{quote(article_id, safe='')}/{slug(name)}-{_hash(fold(name))}"]


def org_iri(org: Org, article: Article) -> URIRef:
    # A body whose place the article does not make knowable ("Huyện ủy") is only that
    # article's: it must not merge with every other unnamed Huyện ủy.
    scope = _scope(org, article)
    return ID[f"org/{slug(org.name)}-{_hash(fold(org.name), scope)}"]


def _scope(org: Org, article: Article) -> str:
    """What tells a body apart from its namesakes: its unit; a body whose unit the article
    leaves unknown (`Huyện ủy`, `Ủy ban MTTQ xã Tân Hòa` of an unnamed province) is only
    that article's; a central body is one."""
    if org.unit is not None and org.unit.resolved:
        return org.unit.key
    return "" if org.kind == "CentralBody" else article.id


def position_iri(post: Post, article: Article) -> URIRef:
    org = post.org
    scope = _scope(org, article) if org else ""
    return ID[f"position/{slug(post.title)}-{_hash(fold(post.title), scope)}"]


def outlet_iri(url: str | None, site_name: str | None) -> URIRef | None:
    """An outlet is its host and the name its pages give it (`baodienbien.vn` and `Báo
    Điện Biên Phủ`), or either where only one is known."""
    from ..reading.urls import host_of
    host = host_of(url) if url else ""
    if not (host or site_name):
        return None
    named = f"-{_hash(fold(site_name))}" if site_name and host else ""
    return ID[f"outlet/{slug(host or site_name)}{named}"]


def source_triples(article_id: str, url: str | None, site_name: str | None) -> list[Triple]:
    """Where a page came from: its URL and its outlet (`schema:publisher`, an organisation
    named as the page names its site, else by its host). Nothing for a file of text.

    >>> [str(o) for _, _, o in source_triples("a1", "https://baodienbien.vn/tin/a-1.html", None)][:2]
    ['https://baodienbien.vn/tin/a-1.html', 'https://w3id.org/vnkg/id/outlet/baodienbien-vn']
    >>> str(source_triples("a1", "https://baodienbien.vn/tin/a-1.html", "Báo Điện Biên Phủ")[1][2])
    'https://w3id.org/vnkg/id/outlet/baodienbien-vn-52ca79fccf'
    """
    triples: list[Triple] = []
    art, outlet = article_iri(article_id), outlet_iri(url, site_name)
    if url:
        triples.append((art, SCHEMA.url, URIRef(quote(url, safe=":/?#[]@!$&'()*+,;=%~"))))
    if outlet is not None:
        from ..reading.urls import host_of
        name = _text(site_name or host_of(url or ""))
        triples += [(art, SCHEMA.publisher, outlet), (outlet, RDF_TYPE, VNKG.Outlet),
                    (outlet, SCHEMA.name, name), (outlet, RDFS_LABEL, name)]
    return triples


class _Emitter:
    def __init__(self, article: Article):
        self.article = article
        self.art = article_iri(article.id)
        self.triples: list[Triple] = []
        self.done: set[URIRef] = set()

    def add(self, s, p, o) -> None:
        self.triples.append((s, p, o))

    def once(self, node: URIRef) -> bool:
        if node in self.done:
            return False
        self.done.add(node)
        return True

    def evidence(self, fact: URIRef, span: Span) -> None:
        start, end = span
        node = ID[f"evidence/{quote(self.article.id, safe='')}-{start}-{end}"]
        self.add(fact, VNKG.evidence, node)
        self.add(fact, PROV.wasDerivedFrom, self.art)
        if not self.once(node):
            return
        position, quote_node = URIRef(f"{node}/position"), URIRef(f"{node}/quote")
        self.add(node, RDF_TYPE, VNKG.Evidence)
        self.add(node, OA.hasSource, self.art)
        self.add(node, OA.hasSelector, position)
        self.add(node, OA.hasSelector, quote_node)
        self.add(position, RDF_TYPE, OA.TextPositionSelector)
        self.add(position, OA.start, _offset(start))
        self.add(position, OA.end, _offset(end))
        self.add(quote_node, RDF_TYPE, OA.TextQuoteSelector)
        self.add(quote_node, OA.exact, Literal(self.article.text[start:end]))

    def unit(self, unit: Unit) -> URIRef:
        # a unit the list cannot tell apart (`xã Tân Hòa`) is only this article's
        node = unit_iri(unit) if unit.resolved else \
            ID[f"place/{unit.level}-{slug(unit.name)}-{_hash(self.article.id, unit.name)}"]
        if self.once(node):
            self.add(node, RDF_TYPE, VNKG.Locality)
            self.add(node, VNKG.name, _text(unit.name))
            self.add(node, RDFS_LABEL, _text(unit.full_name))
            self.add(node, VNKG.level, LEVEL[unit.level])
            self.add(node, VNKG.divisionType, _text(unit.kind))
            if unit.resolved:
                self.add(node, VNKG.officialCode, _text(unit.code))
            gazetteer = load_gazetteer()
            parent = gazetteer.parent_of(unit)
            if parent is not None:
                self.add(node, SCHEMA.containedInPlace, self.unit(parent))
            if unit.valid_from:
                self.add(node, VNKG.validFrom, _date_literal(unit.valid_from))
            if unit.valid_until:
                self.add(node, VNKG.validUntil, _date_literal(unit.valid_until))
            successor = gazetteer.successor_of(unit)
            if successor is not None:
                self.add(node, VNKG.mergedInto, self.unit(successor))
        return node

    def org(self, org: Org) -> URIRef:
        node = org_iri(org, self.article)
        if self.once(node):
            self.add(node, RDF_TYPE, VNKG.Organisation)
            self.add(node, VNKG.name, _text(org.name))
            self.add(node, RDFS_LABEL, _text(org.name))
            self.add(node, VNKG.organisationKind, VNKG[org.kind])
            if org.unit is not None:
                self.add(node, VNKG.governs, self.unit(org.unit))
            if org.parent is not None:
                self.add(node, ORG.subOrganizationOf, self.org(org.parent))
        return node

    def position(self, post: Post) -> URIRef:
        node = position_iri(post, self.article)
        if self.once(node):
            self.add(node, RDF_TYPE, VNKG.Position)
            self.add(node, VNKG.title, _text(post.title))
            self.add(node, RDFS_LABEL, _text(post.title))
            self.add(node, VNKG.roleName, _text(post.role))
            if post.org is not None:
                self.add(node, ORG.postIn, self.org(post.org))
        return node


@lru_cache(maxsize=65536)
def _offset(value: int) -> Literal:
    # a typed literal from a Python int costs rdflib several microseconds; offsets repeat
    return Literal(value, datatype=XSD.nonNegativeInteger)


def attested_on(article: Article) -> str | None:
    """The date an article attests its holdings: its meeting's date, else publication."""
    for meeting in article.meetings:
        if meeting.date:
            return meeting.date
    return article.published[:10] if article.published and len(article.published) >= 10 else None


def article_triples(article: Article) -> list[Triple]:
    """Every triple of one article's facts (the content of its named graph).

    >>> triples = article_triples(extract_text("a1", "Đồng chí Mùa A Sơn, Phó Bí thư Tỉnh ủy Điện Biên chủ trì hội nghị."))
    >>> len(triples) > 20
    True
    """
    e = _Emitter(article)
    art = e.art
    e.add(art, RDF_TYPE, VNKG.Article)
    e.add(art, VNKG.identifier, _text(article.id))
    e.add(art, RDFS_LABEL, _text(article.title or article.id))
    e.add(art, VNKG.contentHash, _text(article.content_hash))
    if article.title:
        e.add(art, SCHEMA.headline, _text(article.title))
    if article.author:
        e.add(art, VNKG.byline, _text(article.author))
    if article.published:
        kind = XSD.dateTime if "T" in article.published else XSD.gYearMonth if len(article.published) == 7 \
            else XSD.date
        e.add(art, SCHEMA.datePublished, Literal(article.published, datatype=kind))
    e.triples.extend(source_triples(article.id, article.url, article.site_name))
    if article.date_source:
        e.add(art, VNKG.dateSource, _text(article.date_source))
    if article.retrieved:
        e.add(art, PROV.generatedAtTime, Literal(article.retrieved, datatype=XSD.dateTime))
    if article.dateline:
        from ..reading.layout import dateline_codes
        era = article.context.era if article.context is not None else None
        found = load_gazetteer().lookup("province", dateline_codes()[article.dateline], era)
        if found:
            e.add(art, VNKG.datelineProvince, e.unit(found[0]))
    attested = attested_on(article)
    people: dict[int, URIRef] = {}
    for person in article.persons:
        node = person_iri(person, article)
        people[id(person)] = node
        if e.once(node):
            e.add(node, RDF_TYPE, VNKG.Person)
            e.add(node, VNKG.name, _text(person.name))
            e.add(node, RDFS_LABEL, _text(person.name))
        e.add(node, VNKG.mentionedIn, art)
        mention = mention_iri(article.id, person.name)
        # a vnkg:PersonMention by the range of vnkg:unites: three triples a person and article
        e.add(node, VNKG.unites, mention)
        e.add(mention, VNKG.writtenName, _text(person.name))
        e.add(mention, PROV.wasDerivedFrom, art)
        for holding in person.holdings:
            post = holding.post
            fact = holding_iri(article.id, node, post)
            e.add(fact, RDF_TYPE, VNKG.PositionHolding)
            e.add(fact, VNKG.holder, node)
            e.add(fact, VNKG.position, e.position(post))
            if post.org is not None:
                e.add(fact, ORG.organization, e.org(post.org))
            e.add(fact, VNKG.status, STATUS[post.status])
            if attested:
                e.add(fact, VNKG.attestedOn, _date_literal(attested))
            e.evidence(fact, holding.mention.sentence)
    for meeting in article.meetings:
        _meeting(e, meeting, people)
    if article.changes:
        emit_changes(e, people)
    return e.triples


def _meeting(e: _Emitter, meeting: Meeting, people: dict[int, URIRef]) -> None:
    article = e.article
    node = meeting_iri(article, meeting)
    e.add(node, RDF_TYPE, VNKG.Meeting)
    e.add(node, VNKG.meetingType, VNKG[meeting.type])
    label = ", ".join(x for x in (meeting.label, meeting.date, meeting.locality and meeting.locality.name) if x)
    e.add(node, RDFS_LABEL, _text(label))
    if meeting.date:
        e.add(node, VNKG.date, _date_literal(meeting.date))
    if meeting.time_of_day:
        e.add(node, VNKG.timeOfDay, _text(meeting.time_of_day))
    e.add(node, VNKG.online, _BOOLEAN[meeting.online])
    if meeting.locality is not None:
        e.add(node, VNKG.locality, e.unit(meeting.locality))
    if meeting.province is not None:
        e.add(node, VNKG.province, e.unit(meeting.province))
    if meeting.chair is not None:
        e.add(node, VNKG.chair, people[id(meeting.chair)])
    for org in meeting.organisers:
        e.add(node, VNKG.organiser, e.org(org))
    e.evidence(node, meeting.sentence)
    for part in meeting.participations:
        person = people[id(part.person)]
        fact = ID[f"participation/{_hash(str(node), str(person), part.role)}"]
        e.add(fact, RDF_TYPE, VNKG.Participation)
        e.add(fact, VNKG.participant, person)
        e.add(fact, VNKG.meeting, node)
        e.add(fact, VNKG.role, ROLE[part.role])
        e.evidence(fact, part.mention.sentence)
