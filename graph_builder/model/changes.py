"""Changes of post -> RDF: a `vnkg:PostChange` (a prov:Activity) per change, and the term
dates it gives the holdings.

A change links its person, post, date, deciding body (`vnkg:decidedBy`, a kind of
prov:wasAssociatedWith) and the meeting that made it; it `prov:generated` the holding of a
post gained and `prov:invalidated` the holding of a post left, and gives that holding its
`vnkg:termStart` or `vnkg:termEnd` (the org:memberDuring interval, written directly).
"""

from __future__ import annotations

from rdflib import URIRef

from .terms import _BOOLEAN, ID, PROV, RDF_TYPE, RDFS_LABEL, VNKG, _date_literal, _hash, _text, holding_iri, \
    meeting_iri

KIND = {"elected": VNKG.Elected, "appointed": VNKG.Appointed, "relieved": VNKG.Relieved,
        "disciplined": VNKG.Disciplined}
MEASURE = {"khiển trách": VNKG.Reprimand, "cảnh cáo": VNKG.Warning, "cách chức": VNKG.Dismissal,
           "khai trừ": VNKG.Expulsion}


def change_iri(article_id: str, person: URIRef, kind: str, title: str) -> URIRef:
    return ID[f"change/{_hash(article_id, str(person), kind, title)}"]


def emit_changes(e, people: dict[int, URIRef]) -> None:
    """The triples of the article's changes, added to `e` (an `rdf` emitter)."""
    article = e.article
    dated: set[URIRef] = set()
    for change in article.changes:
        person = people[id(change.person)]
        post = change.post
        node = change_iri(article.id, person, change.kind, post.title)
        e.add(node, RDF_TYPE, VNKG.PostChange)
        e.add(node, RDFS_LABEL, _text(f"{change.person.name}: {change.kind} {post.title}"))
        e.add(node, VNKG.changeKind, KIND[change.kind])
        e.add(node, VNKG.changedPerson, person)
        e.add(node, VNKG.changedPosition, e.position(post))
        if change.measure:
            e.add(node, VNKG.disciplineMeasure, MEASURE[change.measure])
        if change.kind in ("elected", "appointed"):
            e.add(node, VNKG.acting, _BOOLEAN[change.acting])
        if change.date:
            e.add(node, VNKG.changeDate, _date_literal(change.date))
        if change.decided_by is not None:
            e.add(node, VNKG.decidedBy, e.org(change.decided_by))
        if change.meeting is not None:
            e.add(node, VNKG.madeAt, meeting_iri(article, change.meeting))
        e.evidence(node, change.sentence)
        for title in change.ends:
            # the post left by a transfer or a move up: its term ends with this change
            left = next((h for h in change.person.holdings if h.post.title == title), None)
            if left is not None and left.post.status == "former":
                fact = holding_iri(article.id, person, left.post)
                e.add(node, PROV.invalidated, fact)
                if change.date and fact not in dated:
                    dated.add(fact)
                    e.add(fact, VNKG.termEnd, _date_literal(change.date))
        holding = next((h for h in change.person.holdings if h.post.title == post.title), None)
        if holding is None or change.kind == "disciplined":
            continue
        fact = holding_iri(article.id, person, holding.post)
        gained = change.kind in ("elected", "appointed")
        if gained == (holding.post.status == "former"):
            continue        # a post gained and left in one article: the later change speaks
        e.add(node, PROV.generated if gained else PROV.invalidated, fact)
        if change.date and fact not in dated:
            dated.add(fact)
            e.add(fact, VNKG.termStart if gained else VNKG.termEnd, _date_literal(change.date))
