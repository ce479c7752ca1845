"""What the site's pages say beyond single nodes: the filters (`select`, as `vnkg viz`
has them), who held each post in order (`succession`, the rows of the named query
`succession`), who met whom (`encounters`, as the named query counts), and the reverse
links every page needs (`Relations`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from ...errors import UsageError
from ..network import date_bound, names_matching
from .model import SiteGraph


def dated(value: str) -> bool:
    """A full date (a month-day without a year has nothing to compare or order by)."""
    return len(value) >= 10 and not value.startswith("--")


def _inside(graph: SiteGraph, places: set[str]) -> set[str]:
    """The places and every place within them."""
    children = defaultdict(set)
    for place in graph.places.values():
        for parent in place.parents:
            children[parent].add(place.iri)
    inside, todo = set(places), list(places)
    while todo:
        for child in children[todo.pop()] - inside:
            inside.add(child)
            todo.append(child)
    return inside


def select(graph: SiteGraph, *, person: str | None = None, locality: str | None = None,
           since: str | None = None, until: str | None = None) -> SiteGraph:
    """The part of `graph` the filters keep: meetings (and posts held) in a place or a
    date range; with `person`, the meetings that person took part in and the posts of
    everyone there. Nodes stay when a kept fact names them. Raises UsageError naming the
    filter that matched nothing."""
    if person is None and locality is None and since is None and until is None:
        return graph
    first, last = date_bound(since, False), date_bound(until, True)
    inside = None
    if locality is not None:
        found = names_matching({p.iri: [p.name, p.label] for p in graph.places.values()}, locality)
        if not found:
            raise UsageError(f"no locality named {locality!r} in the graph")
        inside = _inside(graph, found)

    def when(value: str) -> bool:
        if not (first or last):
            return True
        return dated(value) and not (first and value < first) and not (last and value > last)

    meetings = {m.iri for m in graph.meetings.values() if when(m.date)
                and (inside is None or m.locality in inside or m.province in inside)}
    holdings = {h.iri for h in graph.holdings.values() if when(h.date)
                and (inside is None or h.body in graph.bodies and set(graph.bodies[h.body].places) & inside)}
    if person is not None:
        seeds = names_matching({p.iri: [p.name] for p in graph.persons.values()}, person)
        if not seeds:
            raise UsageError(f"no person named {person!r} in the graph",
                             hint="names are matched without diacritics too")
        present = defaultdict(set)
        for part in graph.participations.values():
            present[part.meeting].add(part.person)
        for m in graph.meetings.values():
            present[m.iri].update(m.chairs)
        meetings = {m for m in meetings if present[m] & seeds}
        near = seeds.union(*(present[m] for m in meetings))
        holdings = {h for h in holdings if graph.holdings[h].holder in near}
    if not meetings and not holdings:
        raise UsageError("no meeting or post matches the filters",
                         hint="loosen --person, --locality, --since or --until")
    return _keep(graph, meetings, holdings)


def _keep(graph: SiteGraph, meetings: set[str], holdings: set[str]) -> SiteGraph:
    participations = {k: v for k, v in graph.participations.items() if v.meeting in meetings}
    kept_holdings = {k: v for k, v in graph.holdings.items() if k in holdings}
    kept_meetings = {k: v for k, v in graph.meetings.items() if k in meetings}
    persons = {h.holder for h in kept_holdings.values()} | {p.person for p in participations.values()}
    persons.update(c for m in kept_meetings.values() for c in m.chairs)
    positions = {h.position for h in kept_holdings.values()}
    bodies = {h.body for h in kept_holdings.values()} | {graph.positions[p].body for p in positions
                                                         if p in graph.positions}
    bodies.update(o for m in kept_meetings.values() for o in m.organisers)
    places = {p for b in bodies if b in graph.bodies for p in graph.bodies[b].places}
    places.update(x for m in kept_meetings.values() for x in (m.locality, m.province))
    todo = list(places)
    while todo:                                   # a place's parents, for its page's context
        place = graph.places.get(todo.pop())
        for parent in place.parents if place else ():
            if parent not in places:
                places.add(parent)
                todo.append(parent)
    facts = set(meetings) | set(holdings) | set(participations)
    sources = {f.article for f in (*kept_meetings.values(), *kept_holdings.values(), *participations.values())}
    evidence = {}
    for iri, ev in graph.evidence.items():
        kept = [f for f in ev.facts if f in facts]
        if kept:
            evidence[iri] = replace(ev, facts=kept)
    return SiteGraph(
        persons={k: replace(v, articles=[a for a in v.articles if a in sources])
                 for k, v in graph.persons.items() if k in persons},
        positions={k: v for k, v in graph.positions.items() if k in positions},
        bodies={k: v for k, v in graph.bodies.items() if k in bodies},
        places={k: v for k, v in graph.places.items() if k in places},
        meetings=kept_meetings, articles={k: v for k, v in graph.articles.items() if k in sources},
        holdings=kept_holdings, participations=participations, evidence=evidence,
        concepts=graph.concepts, notations=graph.notations,
        changes={k: v for k, v in graph.changes.items() if v.person in persons and v.article in sources})


def succession(graph: SiteGraph) -> list[tuple]:
    """The rows of the named query `succession`, from the site's facts: (body, post,
    holder, first, last, articles, body IRI, post IRI, holder IRI, first_from, last_from)
    for each current or acting holder of each post, and each whose term a change ended:
    the term's start and end where changes give them, else the first and last dated
    attestation ("term" or "attested"), in the order of the first date; holders with none
    come last. A test keeps this equal to the query on rdflib and on the store."""
    groups: dict[tuple, tuple[set, ...]] = defaultdict(lambda: (set(), set(), set(), set()))
    for h in graph.holdings.values():
        position = graph.positions.get(h.position)
        body = graph.bodies.get(position.body) if position else None
        article = graph.articles.get(h.article)
        held = h.status in ("current", "acting")
        if not (held or h.end) or body is None or article is None:
            continue
        dates, articles, starts, ends = groups[(body.iri, position.iri, h.holder)]
        articles.add(article.ident)
        if held and dated(h.date):
            dates.add(h.date[:10])
        starts.update(d for d in (h.start,) if dated(d))
        ends.update(d for d in (h.end,) if dated(d))
    rows = []
    for (body, post, holder), (dates, articles, starts, ends) in groups.items():
        first, last = (min(starts) if starts else min(dates, default=None)), (max(ends) if ends else max(
            dates, default=None))
        rows.append((graph.bodies[body].name, graph.positions[post].title, graph.persons[holder].name,
                     first, last, "; ".join(sorted(articles)), body, post, holder, _source(starts, dates),
                     _source(ends, dates)))
    return sorted(rows, key=lambda r: (r[0], r[6], r[1], r[7], r[3] is None and r[4] is None, r[3] or r[4] or "",
                                       r[4] or "", r[2], r[8]))


def _source(term: set, attested: set) -> str:
    return "term" if term else "attested" if attested else ""


@dataclass
class Encounter:
    other: str
    meetings: int
    first: str | None
    last: str | None


def encounters(graph: SiteGraph) -> dict[str, list[Encounter]]:
    """For each person, everyone they took part in meetings with (as the named query
    `encounters` counts: participations in any role), most meetings first."""
    present = defaultdict(set)
    for part in graph.participations.values():
        present[part.meeting].add(part.person)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for meeting, people in present.items():
        for p in people:
            for q in people:
                if p != q:
                    shared[(p, q)].add(meeting)
    found = defaultdict(list)
    for (p, q), meetings in shared.items():
        dates = [graph.meetings[m].date[:10] for m in meetings if dated(graph.meetings[m].date)]
        found[p].append(Encounter(q, len(meetings), min(dates) if dates else None, max(dates) if dates else None))
    for p, items in found.items():
        items.sort(key=lambda e: (-e.meetings, graph.persons[e.other].name, e.other))
    return dict(found)


@dataclass
class Relations:
    """The links the pages follow backwards: a person's facts, a body's posts, a place's
    bodies and meetings, an article's evidence."""
    holdings: dict = field(default_factory=lambda: defaultdict(list))        # person -> holdings
    taking_part: dict = field(default_factory=lambda: defaultdict(list))     # person -> participations
    chaired: dict = field(default_factory=lambda: defaultdict(list))         # person -> meetings
    present: dict = field(default_factory=lambda: defaultdict(list))         # meeting -> participations
    posts: dict = field(default_factory=lambda: defaultdict(list))           # body -> positions
    held: dict = field(default_factory=lambda: defaultdict(list))            # position -> holdings
    sub_bodies: dict = field(default_factory=lambda: defaultdict(list))      # body -> bodies
    organised: dict = field(default_factory=lambda: defaultdict(list))       # body -> meetings
    governing: dict = field(default_factory=lambda: defaultdict(list))       # place -> bodies
    sub_places: dict = field(default_factory=lambda: defaultdict(list))      # place -> places
    merged_from: dict = field(default_factory=lambda: defaultdict(list))     # 2025 unit -> old units
    held_in: dict = field(default_factory=lambda: defaultdict(list))         # place -> meetings
    evidence: dict = field(default_factory=lambda: defaultdict(list))        # article -> evidence
    reported: dict = field(default_factory=lambda: defaultdict(list))        # article -> meetings
    mentioned: dict = field(default_factory=lambda: defaultdict(list))       # article -> persons
    succession: dict = field(default_factory=lambda: defaultdict(list))      # body -> succession rows
    encounters: dict = field(default_factory=dict)                           # person -> [Encounter]
    changes: dict = field(default_factory=lambda: defaultdict(list))         # person -> changes of post


def relate(graph: SiteGraph) -> Relations:
    """Every reverse link of `graph`, each list sorted by IRI (pages sort for display)."""
    r = Relations()
    for h in graph.holdings.values():
        r.holdings[h.holder].append(h.iri)
        if h.position in graph.positions:
            r.held[h.position].append(h.iri)
    for p in graph.participations.values():
        r.taking_part[p.person].append(p.iri)
        r.present[p.meeting].append(p.iri)
    for m in graph.meetings.values():
        for chair in m.chairs:
            r.chaired[chair].append(m.iri)
        for body in m.organisers:
            r.organised[body].append(m.iri)
        for place in {m.locality, m.province} - {None}:
            r.held_in[place].append(m.iri)
        if m.article:
            r.reported[m.article].append(m.iri)
    for position in graph.positions.values():
        if position.body:
            r.posts[position.body].append(position.iri)
    for body in graph.bodies.values():
        for parent in body.parents:
            r.sub_bodies[parent].append(body.iri)
        for place in body.places:
            r.governing[place].append(body.iri)
    for place in graph.places.values():
        for parent in place.parents:
            r.sub_places[parent].append(place.iri)
        for successor in place.successors:
            r.merged_from[successor].append(place.iri)
    for c in graph.changes.values():
        r.changes[c.person].append(c.iri)
    for ev in graph.evidence.values():
        if ev.article:
            r.evidence[ev.article].append(ev.iri)
    for person in graph.persons.values():
        for article in person.articles:
            r.mentioned[article].append(person.iri)
    for links in vars(r).values():
        for values in links.values():
            values.sort()
    for row in succession(graph):
        r.succession[row[6]].append(row)
    r.encounters = encounters(graph)
    return r
