"""The RDF graph as a networkx network of people, posts, bodies, places and meetings, with
the filters that keep a view readable (`vnkg viz`) and GraphML/GEXF export (`vnkg export`).

Nodes are keyed by IRI and carry `kind`, a Vietnamese `label`, a plain-text `tooltip` and
`strength` (the measure node size is drawn from); edges are keyed by relation. Every
attribute is a string or a number, because GraphML and GEXF accept nothing else.
"""

from __future__ import annotations

from collections import defaultdict, deque
from datetime import date

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from ..errors import UsageError
from ..model.rdf import OA, ORG, PROV, SCHEMA, SKOS, VNKG
from ..text import ascii_fold, fold

KINDS = {"person": "Người", "position": "Chức vụ", "organisation": "Cơ quan",
         "locality": "Địa phương", "meeting": "Cuộc họp"}
RELATIONS = {"chaired": "chủ trì", "attended": "dự", "spoke": "phát biểu", "reported": "báo cáo",
             "concluded": "kết luận", "holds": "giữ chức", "part_of": "thuộc",
             "located_in": "tại", "organised": "tổ chức", "merged_into": "sáp nhập vào"}
_TYPES = {VNKG.Person: "person", VNKG.Position: "position", VNKG.Organisation: "organisation",
          VNKG.Locality: "locality", VNKG.Meeting: "meeting"}
_ROLES = {VNKG.ChairRole: "chaired", VNKG.AttendeeRole: "attended", VNKG.SpeakerRole: "spoke",
          VNKG.ReporterRole: "reported", VNKG.ConcluderRole: "concluded"}


class _Facts:
    """Every triple of every named graph indexed by subject and predicate: one pass over the
    quads, whatever file format (merged or one graph per article) the dataset came from."""

    def __init__(self, dataset: Dataset):
        self.by = defaultdict(lambda: defaultdict(list))
        self.typed = defaultdict(set)
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            if p == RDF.type:
                self.typed[o].add(s)
            if o not in self.by[s][p]:
                self.by[s][p].append(o)
        # Quads come in hash order, which changes from run to run: sort so that the same
        # graph always gives the same network, tooltips and page.
        for predicates in self.by.values():
            for values in predicates.values():
                values.sort(key=str)

    def of(self, rdf_type) -> list:
        return sorted(self.typed.get(rdf_type, ()), key=str)

    def all(self, s, p) -> list:
        return self.by.get(s, {}).get(p, [])

    def one(self, s, p):
        values = self.all(s, p)
        return values[0] if values else None

    def text(self, s, p) -> str:
        value = self.one(s, p)
        return str(value) if value is not None else ""

    def label(self, node) -> str:
        for p in (RDFS.label, VNKG.name, VNKG.title, SKOS.prefLabel):
            if self.all(node, p):
                return str(self.all(node, p)[0])
        return str(node).rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def concept(self, concept) -> str:
        """A concept's Vietnamese label (the data carries it; the ontology is the fallback)."""
        labels = self.all(concept, SKOS.prefLabel)
        if not labels:
            from ..model.vocabulary import ontology_graph
            labels = list(ontology_graph().objects(concept, SKOS.prefLabel))
        for label in labels:
            if isinstance(label, Literal) and label.language == "vi":
                return str(label)
        return str(labels[0]) if labels else str(concept).rsplit("#", 1)[-1]

    def quote(self, fact) -> str:
        for evidence in self.all(fact, VNKG.evidence):
            for selector in self.all(evidence, OA.hasSelector):
                if self.all(selector, OA.exact):
                    return str(self.one(selector, OA.exact))
        return ""

    def source(self, fact) -> str:
        article = self.one(fact, PROV.wasDerivedFrom)
        if article is None:
            return ""
        ident = self.text(article, VNKG.identifier) or str(article).rsplit("/", 1)[-1]
        title = self.text(article, SCHEMA.headline) or self.text(article, RDFS.label)
        return f"{ident} — {title}" if title and title != ident else ident


def vi_date(value: str) -> str:
    """ISO dates as Vietnamese write them; a month-day without a year says so."""
    if value.startswith("--"):
        return f"{value[5:7]}/{value[2:4]} (không rõ năm)"
    parts = value[:10].split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else value


def _nodes(facts: _Facts, g: nx.MultiDiGraph) -> None:
    for rdf_type, kind in _TYPES.items():
        for node in facts.of(rdf_type):
            label = facts.label(node)
            g.add_node(str(node), kind=kind, kind_label=KINDS[kind], label=label,
                       name=facts.text(node, VNKG.name) or label, iri=str(node))
            if kind == "meeting":   # what the date and type filters compare
                g.nodes[str(node)].update(date=facts.text(node, VNKG.date),
                                          meeting_type=str(facts.one(node, VNKG.meetingType) or ""))


def _edge(g: nx.MultiDiGraph, u, v, relation: str, **data) -> None:
    u, v = str(u), str(v)
    if u in g and v in g and not g.has_edge(u, v, key=relation):
        g.add_edge(u, v, key=relation, relation=relation, label=RELATIONS[relation], **data)


def _edges(facts: _Facts, g: nx.MultiDiGraph) -> None:
    for meeting in facts.of(VNKG.Meeting):
        for chair in facts.all(meeting, VNKG.chair):
            _edge(g, chair, meeting, "chaired")
        for org in facts.all(meeting, VNKG.organiser):
            _edge(g, org, meeting, "organised")
        place = facts.one(meeting, VNKG.locality) or facts.one(meeting, VNKG.province)
        if place is not None:
            _edge(g, meeting, place, "located_in")
    for part in facts.of(VNKG.Participation):
        relation = _ROLES.get(facts.one(part, VNKG.role), "attended")
        _edge(g, facts.one(part, VNKG.participant), facts.one(part, VNKG.meeting), relation)
    for holding in facts.of(VNKG.PositionHolding):
        target = facts.one(holding, VNKG.position) or facts.one(holding, ORG.organization)
        _edge(g, facts.one(holding, VNKG.holder), target, "holds")
    for position in facts.of(VNKG.Position):
        for org in facts.all(position, ORG.postIn):
            _edge(g, position, org, "part_of")
    for org in facts.of(VNKG.Organisation):
        for parent in facts.all(org, ORG.subOrganizationOf):
            _edge(g, org, parent, "part_of")
        for place in facts.all(org, VNKG.governs):
            _edge(g, org, place, "located_in")
    for place in facts.of(VNKG.Locality):
        for parent in facts.all(place, SCHEMA.containedInPlace):
            _edge(g, place, parent, "part_of")
        for successor in facts.all(place, VNKG.mergedInto):
            _edge(g, place, successor, "merged_into")


def _people_of(g: nx.MultiDiGraph, meeting: str) -> list[tuple[str, str, int]]:
    """(name, role) of everyone at a meeting, the chair first."""
    order = list(RELATIONS)
    return sorted(((g.nodes[u]["label"], data["label"], order.index(data["relation"]))
                   for u, _, data in g.in_edges(meeting, data=True) if g.nodes[u]["kind"] == "person"),
                  key=lambda x: (x[2], x[0]))


def _person_tip(facts: _Facts, g, node: str, holdings: list) -> list[str]:
    lines = ["Chức vụ:"] if holdings else []
    for h in sorted(holdings, key=lambda h: facts.label(facts.one(h, VNKG.position))):
        when = facts.text(h, VNKG.attestedOn)
        status = facts.concept(facts.one(h, VNKG.status)) if facts.one(h, VNKG.status) else ""
        detail = ", ".join(x for x in (status, vi_date(when) if when else "") if x)
        lines.append(f" • {facts.label(facts.one(h, VNKG.position))} ({detail}); nguồn: {facts.source(h)}")
    met = [f" • {d['label']}: {g.nodes[v]['label']}" for _, v, d in g.out_edges(node, data=True)
           if g.nodes[v]["kind"] == "meeting"]
    return lines + (["Cuộc họp:"] + met if met else [])


def _meeting_tip(facts: _Facts, g, node: str) -> list[str]:
    iri = URIRef(node)
    when, time_of_day = facts.text(iri, VNKG.date), facts.text(iri, VNKG.timeOfDay)
    place = facts.one(iri, VNKG.locality) or facts.one(iri, VNKG.province)
    people = _people_of(g, node)
    chairs = [name for name, role, _ in people if role == RELATIONS["chaired"]]
    return [f"Loại: {facts.concept(facts.one(iri, VNKG.meetingType))}",
            f"Ngày: {vi_date(when) if when else 'không rõ'}" + (f" ({time_of_day})" if time_of_day else ""),
            f"Địa phương: {facts.label(place) if place is not None else 'không rõ'}",
            "Chủ trì: " + (", ".join(chairs) or "không rõ"),
            "Thành phần: " + (", ".join(f"{name} ({role})" for name, role, _ in people) or "không rõ"),
            f"Trích dẫn: “{facts.quote(iri)}”", f"Bài báo: {facts.source(iri)}"]


def _body_tip(facts: _Facts, iri: URIRef) -> list[str]:
    kind = facts.one(iri, VNKG.organisationKind)
    places = ", ".join(facts.label(p) for p in facts.all(iri, VNKG.governs))
    return ([f"Loại: {facts.concept(kind) if kind is not None else 'không rõ'}",
             f"Địa phương: {places or 'không rõ'}"]
            + [f"Trực thuộc: {facts.label(p)}" for p in facts.all(iri, ORG.subOrganizationOf)])


def _tooltips(facts: _Facts, g: nx.MultiDiGraph) -> None:
    """Plain text (never HTML): the page puts it on screen with textContent."""
    holdings = defaultdict(list)
    for holding in facts.of(VNKG.PositionHolding):
        holdings[str(facts.one(holding, VNKG.holder))].append(holding)
    for node, data in g.nodes(data=True):
        iri, kind = URIRef(node), data["kind"]
        if kind == "person":
            lines = _person_tip(facts, g, node, holdings[node])
        elif kind == "meeting":
            lines = _meeting_tip(facts, g, node)
        elif kind == "organisation":
            lines = _body_tip(facts, iri)
        elif kind == "position":
            holders = sorted(g.nodes[u]["label"] for u, _, k in g.in_edges(node, keys=True) if k == "holds")
            lines = [f"Thuộc: {facts.label(o)}" for o in facts.all(iri, ORG.postIn)] \
                + ([f"Người giữ: {', '.join(holders)}"] if holders else [])
        else:
            level = facts.text(iri, VNKG.divisionType)
            lines = ([f"Cấp: {level}"] if level else []) \
                + [f"Thuộc: {facts.label(p)}" for p in facts.all(iri, SCHEMA.containedInPlace)] \
                + [f"Từ 1/7/2025 thuộc: {facts.label(p)}" for p in facts.all(iri, VNKG.mergedInto)]
        data["tooltip"] = "\n".join([data["label"], *lines])


def _strength(g: nx.MultiDiGraph) -> None:
    """How many meetings a person, body or place is tied to (how many people a meeting or a
    post has): the people who meet most are drawn largest."""
    simple = nx.Graph(g)
    for node, data in g.nodes(data=True):
        other = "person" if data["kind"] in ("meeting", "position") else "meeting"
        data["strength"] = sum(1 for n in simple.neighbors(node) if g.nodes[n]["kind"] == other)


def ordered_subgraph(g: nx.MultiDiGraph, keep, order: dict | None = None) -> nx.MultiDiGraph:
    """The nodes `keep` of `g` and the edges between them, in `g`'s own order (`order`:
    node -> position, when already known). A networkx subgraph iterates the order of a
    set, which changes from one process to the next: the same graph must give the same
    page and the same GraphML bytes."""
    order = order or {node: i for i, node in enumerate(g)}
    nodes = sorted(keep, key=order.__getitem__)
    view = nx.MultiDiGraph()
    view.add_nodes_from((node, g.nodes[node]) for node in nodes)
    view.add_edges_from((u, v, key, data) for u in nodes for v, keyed in g.adj[u].items() if v in keep
                        for key, data in keyed.items())
    return view


def full_network(dataset: Dataset) -> nx.MultiDiGraph:
    """Every person, post, body, place and meeting in `dataset`, unfiltered."""
    facts = _Facts(dataset)
    g = nx.MultiDiGraph()
    _nodes(facts, g)
    _edges(facts, g)
    # A unit the graph knows only as what another became in 2025 (a 2024 corpus's
    # provinces merged into new ones) says nothing of its own: it is shown where a body or
    # a meeting of the corpus is in it too.
    g.remove_nodes_from([n for n, d in list(g.nodes(data=True)) if d["kind"] == "locality"
                         and all(k == "merged_into" for _, _, k in g.in_edges(n, keys=True))
                         and not g.out_edges(n)])
    _tooltips(facts, g)
    _strength(g)
    return g


def date_bound(value: str | None, end: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or last) day it covers."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) in (4, 7):
            first = date.fromisoformat(text + ("-01-01" if len(text) == 4 else "-01")).isoformat()
            # String comparison with ISO dates: "-99" sorts after any real day of the period.
            return text + "-99" if end else first
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"not a date: {value!r}", hint="use YYYY, YYYY-MM or YYYY-MM-DD") from None


def _plain(text: str) -> str:
    return ascii_fold(fold(text))


def _matching(g, kind: str, name: str) -> set[str]:       # the nodes of `kind` called `name`
    return names_matching({n: [d["name"], d["label"]] for n, d in g.nodes(data=True) if d["kind"] == kind}, name)


def names_matching(names: dict[str, list[str]], wanted: str) -> set[str]:
    """The keys of `names` whose names are `wanted`: an exact name beats a part of one, and
    diacritics count unless nothing matches with them (Hòa and Hoa are different people,
    but a user typing without a Vietnamese keyboard should still find Lương Thị Hoa)."""
    for folder in (fold, _plain):
        key = folder(wanted)
        keyed = {node: {folder(x) for x in values} for node, values in names.items()}
        exact = {node for node, folded in keyed.items() if key in folded}
        part = {node for node, folded in keyed.items() if key and any(key in x for x in folded)}
        if exact or part:
            return exact or part
    return set()


def _meeting_types(wanted: str) -> set[str]:
    """The meeting-type concept named `wanted` (its Vietnamese or English label, notation or
    local name), from the ontology so that a type no article has yet is still known."""
    from ..model.vocabulary import ontology_graph
    onto, key, known = ontology_graph(), fold(wanted), []
    for concept in onto.subjects(SKOS.inScheme, VNKG.MeetingTypeScheme):
        names = [concept.rsplit("#", 1)[-1]] + [str(x) for p in (SKOS.prefLabel, SKOS.notation)
                                                for x in onto.objects(concept, p)]
        known.append(next((str(x) for x in onto.objects(concept, SKOS.prefLabel) if x.language == "vi"),
                          names[0]))
        if key in {fold(x) for x in names} or _plain(wanted) in {_plain(x) for x in names}:
            return {str(concept)}
    raise UsageError(f"unknown meeting type {wanted!r}", hint="use one of: " + ", ".join(sorted(known)))


def _within(g, seeds: set[str], depth: int) -> dict[str, int]:
    """Distance (ignoring edge direction) from the seeds, up to `depth`."""
    seen = {n: 0 for n in seeds}
    queue = deque(seeds)
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        for nxt in list(g.successors(node)) + list(g.predecessors(node)):
            if nxt not in seen:
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return seen


def _inside(g, places: set[str], lineage: bool = False) -> set[str]:
    """The places and every place within them: a district's meetings are its province's too.
    With `lineage`, the units merged into them in 2025 (and the places within those)."""
    inside = set(places)
    kinds = ("part_of", "merged_into") if lineage else ("part_of",)
    while True:
        more = {u for u, _, k in g.in_edges(inside, keys=True)
                if k in kinds and g.nodes[u]["kind"] == "locality"} - inside
        if not more:
            return inside
        inside |= more


def _drop_meetings(g, types, first, last, inside) -> None:
    """Remove the meetings the filters exclude (and with them, their edges)."""
    dropped = []
    for node, data in g.nodes(data=True):
        if data["kind"] != "meeting":
            continue
        when = data["date"]
        dated = len(when) >= 10 and not when.startswith("--")   # a month-day has no year to compare
        if (types is not None and data["meeting_type"] not in types
                or (first or last) and not dated or first and when < first or last and when > last
                or inside is not None and not any(v in inside for v in g.successors(node))):
            dropped.append(node)
    g.remove_nodes_from(dropped)


def build_network(dataset: Dataset, *, person: str | None = None, locality: str | None = None,
                  meeting_type: str | None = None, since: str | None = None, until: str | None = None,
                  depth: int | None = None, max_nodes: int | None = None,
                  lineage: bool = False) -> nx.MultiDiGraph:
    """The network of `dataset`, narrowed by the filters: meetings of a type, in a place (with
    `lineage`, in the units merged into it by the 2025 reform too) or a date range; the `depth`-step neighbourhood (default 2) of the persons named, or else of
    the meetings left; at most `max_nodes` nodes, the nearest and best-connected first.
    Raises UsageError naming the filter that matched nothing."""
    if depth is not None and depth < 0 or max_nodes is not None and max_nodes < 1:
        raise UsageError("--depth must be 0 or more and --max-nodes 1 or more")
    first, last = date_bound(since, False), date_bound(until, True)
    types = _meeting_types(meeting_type) if meeting_type is not None else None
    g = full_network(dataset)
    if not g:
        raise UsageError("the graph holds no person, post, body, place or meeting",
                         hint="build it from articles with `vnkg build`")
    places = _matching(g, "locality", locality) if locality is not None else set()
    if locality is not None and not places:
        raise UsageError(f"no locality named {locality!r} in the graph")
    meeting_filter = any(x is not None for x in (locality, types, first, last))
    _drop_meetings(g, types, first, last, _inside(g, places, lineage) if locality is not None else None)
    if meeting_filter and not any(d["kind"] == "meeting" for _, d in g.nodes(data=True)):
        raise UsageError("no meeting matches the filters",
                         hint="loosen --locality, --meeting-type, --since or --until")
    seeds: set[str] = set()
    if person is not None:
        seeds = _matching(g, "person", person)
        if not seeds:
            raise UsageError(f"no person named {person!r} in the graph",
                             hint="names are matched without diacritics too")
    elif meeting_filter:
        seeds = {n for n, d in g.nodes(data=True) if d["kind"] == "meeting"} | places
    if seeds:
        distance = _within(g, seeds, 2 if depth is None else depth)
    elif depth is not None:
        raise UsageError("--depth needs a selection",
                         hint="add --person, --locality, --meeting-type, --since or --until")
    else:
        distance = {n: 0 for n in g}
    # Meetings and the people in them are what a view is for; posts and places come last.
    order = {kind: i for i, kind in enumerate(("meeting", "person", "organisation", "position", "locality"))}
    ranked = sorted(distance, key=lambda n: (distance[n], order[g.nodes[n]["kind"]],
                                             -g.nodes[n]["strength"], g.nodes[n]["label"], n))
    keep = ranked[:max_nodes] if max_nodes else ranked
    view = ordered_subgraph(g, set(keep))
    view.graph.update(total_nodes=len(distance), shown_nodes=len(keep))
    return view
