"""Who is who across articles: blocks of namesakes split into persons from their posts.

A block is every mention of one folded name in one lineage province. Within a block,
mentions that share a post are one person at once; the groups this makes are then joined,
strongest rule first, wherever the compatibility rules find positive evidence (`rules`),
unless the join would put two mentions the rules keep apart, or a user's `different`
judgement separates, in one person (cannot-link). A user's `same` joins whatever the rules
say (must-link). What stays apart is a candidate pair, with the rule or reason.

IRIs are stable and cheap: the worker names every mention with a post by its block's IRI;
a block that stays one person keeps it and nothing is rewritten. A block that splits keeps
the block IRI for the person attested first (the earliest dated mention; ties by article)
and names each other person after the article that first attests it; a mention with no
post is its own person, named after its article, until a judgement joins it. An IRI thus
changes only where the evidence does: an older article added that attests another person
first, or a mention earlier than a person's first that joins it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.rdf import resolved_person_iri
from .judgements import Judgement, Ref
from .mentions import PersonMention
from .rules import Decision, decide, load_rules

_STRENGTH = {rule.name: n for n, rule in enumerate(load_rules())}


@dataclass(frozen=True)
class Candidate:
    """Two persons of one block that may be one (or were joined by a rule other than a
    shared post): the verdict, the rule or reason, the two mentions that decided."""
    block: str
    verdict: str                  # apart | unknown | join | refused
    rule: str
    a: PersonMention
    b: PersonMention
    person_a: str
    person_b: str
    posts: tuple[str, str] = ("", "")


@dataclass
class Resolution:
    """Mention (article, name) -> person IRI, for the mentions of every block resolved;
    the candidate pairs; the judgements applied (with their block); what could not be."""
    iris: dict[tuple[str, str], str] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    applied: list[tuple[str, Judgement]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    blocks: set[str] = field(default_factory=set)


def emitted_iri(mention: PersonMention) -> str:
    """The IRI the extraction worker gave the mention (see `model.rdf.person_key`)."""
    if mention.posts:
        return str(resolved_person_iri(mention.name, mention.lineage))
    return str(resolved_person_iri(mention.name, mention.lineage, mention.article))


class _Clusters:
    """Union-find over a block's mentions, each root holding its members."""

    def __init__(self, count: int):
        self.parent = list(range(count))
        self.members = {i: [i] for i in range(count)}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> int:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return ri
        keep, gone = min(ri, rj), max(ri, rj)
        self.parent[gone] = keep
        self.members[keep].extend(self.members.pop(gone))
        return keep


def resolve_block(mentions: list[PersonMention], judgements: list[tuple[Judgement, int, int]] = ()
                  ) -> tuple[list[str], list[Candidate]]:
    """The person IRI of each mention of one block (in the order given, which must be
    sorted by mention key) and the block's candidate pairs. `judgements` are
    (judgement, index of a, index of b) within `mentions`."""
    count = len(mentions)
    uf = _Clusters(count)
    cannot = {frozenset((i, j)) for j_, i, j in judgements if j_.verdict == "different"}
    for judgement, i, j in judgements:
        if judgement.verdict == "same":
            uf.union(i, j)

    def blocked(ri: int, rj: int) -> bool:
        return bool(cannot) and any(frozenset((x, y)) in cannot for x in uf.members[ri] for y in uf.members[rj])

    # mentions that name one post in one unit are one person (a post has one holder at a time)
    holders: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        for post in mention.posts:
            first = holders.setdefault(post.position, i)
            if first != i and uf.find(first) != uf.find(i) and not blocked(uf.find(first), uf.find(i)):
                uf.union(first, i)
    # the groups that leaves, compared once per distinct (posts, date) of each
    groups = sorted(uf.members)
    group_of = {i: g for g in groups for i in uf.members[g]}
    forbidden = {frozenset((group_of[x], group_of[y])) for x, y in map(tuple, cannot)}
    judged = set(forbidden)
    profiles = {g: _profiles(mentions, uf.members[g]) for g in groups}
    decisions: dict[tuple[int, int], tuple[Decision, int, int]] = {}
    edges = []
    for n, g in enumerate(groups):
        for h in groups[n + 1:]:
            found = _compare(mentions, profiles[g], profiles[h])
            decisions[(g, h)] = found
            if found[0].verdict == "apart":
                forbidden.add(frozenset((g, h)))
            elif found[0].verdict == "join":
                edges.append((_STRENGTH.get(found[0].rule, -1), g, h))
    held = {g: [g] for g in groups}        # cluster root -> its groups
    joined: set[tuple[int, int]] = set()
    refused: set[tuple[int, int]] = set()
    for _, g, h in sorted(edges):
        rg, rh = uf.find(g), uf.find(h)
        if rg == rh:
            continue
        if any(frozenset((x, y)) in forbidden for x in held[rg] for y in held[rh]):
            refused.add((g, h))
            continue
        root = uf.union(rg, rh)
        merged = held.pop(rg) + held.pop(rh)
        held[root] = merged
        joined.add((g, h))
    iris = _iris(mentions, uf)
    candidates = []
    for (g, h), (decision, x, y) in decisions.items():
        same = uf.find(g) == uf.find(h)
        if same and (g, h) not in joined:
            continue
        if not same and not (mentions[x].posts or mentions[y].posts):
            continue                       # two mentions with no post: nothing to review
        if same and decision.rule == "shared-post":
            continue
        verdict, rule = "refused" if (g, h) in refused else decision.verdict, decision.rule
        if frozenset((g, h)) in judged:
            verdict, rule = "different", "judgement"
        candidates.append(Candidate(mentions[0].block, verdict, rule, mentions[x], mentions[y],
                                    iris[x], iris[y], decision.posts))
    return iris, candidates


def _profiles(mentions: list[PersonMention], members: list[int]) -> list[int]:
    """One member per distinct (posts, date): comparing the others decides nothing new."""
    seen, kept = set(), []
    for i in sorted(members):
        key = (tuple(p.position for p in mentions[i].posts), mentions[i].date)
        if key not in seen:
            seen.add(key)
            kept.append(i)
    return kept


def _compare(mentions: list[PersonMention], xs: list[int], ys: list[int]) -> tuple[Decision, int, int]:
    """What the rules say of two groups: apart if any two members are apart, else joined
    by the strongest rule that joins any two, else unknown (the first pair's reason)."""
    best = None
    for x in xs:
        for y in ys:
            decision = decide(mentions[x], mentions[y])
            if decision.verdict == "apart":
                return decision, x, y
            rank = (0, _STRENGTH.get(decision.rule, -1)) if decision.verdict == "join" else (1, 0)
            if best is None or rank < best[0]:
                best = (rank, (decision, x, y))
    return best[1]


def _first_attested(mention: PersonMention) -> tuple:
    """Earlier attestations first; a mention of no known date after every dated one."""
    return (not mention.date, mention.date, mention.key)


def _iris(mentions: list[PersonMention], uf: _Clusters) -> list[str]:
    # Each person is anchored on the mention that first attests it, and the block's IRI
    # goes to the person attested first. News arrives later than what it follows, so a
    # namesake appearing later never takes an established person's IRI (as "the largest
    # person" would, once the newcomer's mentions outnumber the first's).
    clusters = [sorted(members, key=lambda i: _first_attested(mentions[i])) for members in uf.members.values()]
    with_posts = [c for c in clusters if any(mentions[i].posts for i in c)]
    main = min(with_posts, key=lambda c: _first_attested(mentions[c[0]])) if with_posts else None
    iris = [""] * len(mentions)
    for cluster in clusters:
        anchor = mentions[cluster[0]]
        iri = str(resolved_person_iri(anchor.name, anchor.lineage, None if cluster is main else anchor.article))
        for i in cluster:
            iris[i] = iri
    return iris


def resolve(mentions: list[PersonMention], judgements: list[Judgement] = (),
            previous: dict[str, str] | None = None) -> Resolution:
    """Resolve every block of `mentions` (mentions with no province are left out: they are
    their own persons) under the user's `judgements`. `previous` maps person IRIs a user
    may name (as a store last wrote them) to a block, for judgements that name a person.

    >>> from graph_builder.resolution.mentions import PersonMention
    >>> len(resolve([PersonMention("a1", "Lê Văn Hùng", "2025-08", "", ())]).iris)
    1
    """
    result = Resolution()
    blocks: dict[str, list[PersonMention]] = {}
    for mention in mentions:
        if mention.block:
            blocks.setdefault(mention.block, []).append(mention)
    placed = _place_judgements(blocks, judgements, previous or {}, result)
    for block in sorted(blocks):
        members = sorted(blocks[block], key=lambda m: m.key)
        index = {m.key: i for i, m in enumerate(members)}
        chosen = []
        for judgement in placed.get(block, []):
            sides = [_side(ref, members, index) for ref in (judgement.a, judgement.b)]
            if None in sides:
                result.warnings.append(f"{judgement.where}: judgement not applied: "
                                       f"{judgement.a.text() if sides[0] is None else judgement.b.text()} is not in the build")
                continue
            chosen.append((judgement, sides[0], sides[1]))
            result.applied.append((block, judgement))
        iris, candidates = resolve_block(members, chosen)
        result.blocks.add(block)
        result.candidates.extend(candidates)
        for mention, iri in zip(members, iris):
            result.iris[mention.key] = iri
    return result


def _side(ref: Ref, members: list[PersonMention], index: dict) -> int | None:
    if not ref.person:
        return index.get((ref.article, ref.name))
    # a person as the rules alone make it: the block's person with that IRI
    iris, _ = resolve_block(members)
    for i, iri in enumerate(iris):
        if iri == ref.person:
            return i
    return None


def _place_judgements(blocks: dict[str, list[PersonMention]], judgements: list[Judgement],
                      previous: dict[str, str], result: Resolution) -> dict[str, list[Judgement]]:
    """Each judgement under the block both its sides belong to."""
    by_key = {m.key: block for block, members in blocks.items() for m in members} if judgements else {}
    by_person = dict(previous)
    if judgements and any(j.a.person or j.b.person for j in judgements):
        for block, members in blocks.items():
            for iri in set(resolve_block(sorted(members, key=lambda m: m.key))[0]):
                by_person.setdefault(iri, block)
    placed: dict[str, list[Judgement]] = {}
    for judgement in judgements:
        sides = [by_person.get(r.person) if r.person else by_key.get((r.article, r.name))
                 for r in (judgement.a, judgement.b)]
        if None in sides:
            continue              # not in this build (another shard, a removed article)
        if sides[0] != sides[1]:
            result.warnings.append(f"{judgement.where}: judgement not applied: {judgement.a.text()} and "
                                   f"{judgement.b.text()} differ in name or province, which vnkg keeps apart")
            continue
        placed.setdefault(sides[0], []).append(judgement)
    return placed
