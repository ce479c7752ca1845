"""What each page of the site shows, as plain data for its template: text and the
relative links between pages (None where the target has no page in this site).

Dates are shown as the articles attest them (`vi_date`): a holding's date is the date an
article shows the person in the post; the start or end of a term is shown only where a
change of post gives it, and labelled so.
"""

from __future__ import annotations

from collections import defaultdict

from ..network import vi_date
from .facts import Relations, dated
from .model import ROLES, STATUS, SiteGraph
from .render import anchor, file_name

# how resolution left two namesakes (see `vnkg identity`), in the page's words
CANDIDATE_LABELS = {"apart": "khác người theo quy tắc", "unknown": "chưa đủ căn cứ",
                    "refused": "không nhập vì mâu thuẫn", "different": "khác người theo phán định"}
KIND_LABELS = {"person": "Người", "body": "Cơ quan", "place": "Địa phương", "meeting": "Cuộc họp",
               "article": "Bài báo"}
CHANGE_LABELS = {"elected": "được bầu", "appointed": "được bổ nhiệm, chỉ định", "relieved": "thôi giữ chức",
                 "disciplined": "bị kỷ luật"}
ROLE_ORDER = ["chair", "concluder", "speaker", "reporter", "attendee"]
TOP_ENCOUNTERS = 20


def evidence_anchor(ev) -> str:
    """The id of an evidence sentence on its article's page: its offsets, unique there."""
    return f"ev-{ev.start}-{ev.end}"


def _day(value: str) -> str:
    return vi_date(value) if value else ""


class Views:
    """The context of every page, from the graph and its reverse links."""

    def __init__(self, graph: SiteGraph, relations: Relations):
        self.g, self.r = graph, relations
        self.tables = {"person": graph.persons, "body": graph.bodies, "place": graph.places,
                       "meeting": graph.meetings, "article": graph.articles}
        self.by_ident = {a.ident: a.iri for a in graph.articles.values()}
        self.role_labels = {name: graph.concepts.get(iri, name) for iri, name in ROLES.items()}
        self.status_labels = {name: graph.concepts.get(iri, name) for iri, name in STATUS.items()}

    # ---- links ---------------------------------------------------------------------

    def href(self, kind: str, iri: str | None, fragment: str = "") -> str | None:
        if iri is None or iri not in self.tables[kind]:
            return None
        return "../" + file_name(kind, iri) + (f"#{fragment}" if fragment else "")

    def name(self, kind: str, iri: str | None) -> str:
        node = self.tables[kind].get(iri)
        if node is None:
            return ""
        return {"person": lambda: node.name, "body": lambda: node.name, "place": lambda: node.label,
                "meeting": lambda: node.label, "article": lambda: node.title}[kind]()

    def link(self, kind: str, iri: str | None, fragment: str = "", text: str | None = None) -> dict:
        return {"text": self.name(kind, iri) if text is None else text, "href": self.href(kind, iri, fragment)}

    def links(self, kind: str, iris) -> list[dict]:
        found = [self.link(kind, iri) for iri in iris if iri in self.tables[kind]]
        return sorted(found, key=lambda link: (link["text"], link["href"]))

    def concept(self, iri: str | None) -> str:
        return self.g.concepts.get(iri, iri.rsplit("#", 1)[-1]) if iri else ""

    def evidence_link(self, article: str | None, evidence: list[str], text: str | None = None) -> dict:
        """The article's page at the fact's first evidence sentence, and that sentence."""
        ev = next((self.g.evidence[e] for e in evidence if e in self.g.evidence), None)
        link = self.link("article", article, evidence_anchor(ev) if ev else "", text)
        link["quote"] = ev.quote if ev else ""
        return link

    def meeting_sort(self, iri: str) -> tuple:
        m = self.g.meetings[iri]
        return (not dated(m.date), m.date, m.label, iri)

    def meeting_rows(self, iris, roles: dict | None = None) -> list[dict]:
        """Meetings by date (undated last), with the person's roles in each when given."""
        rows = []
        for iri in sorted(set(iris), key=self.meeting_sort):
            m = self.g.meetings[iri]
            rows.append({"date": _day(m.date), "meeting": self.link("meeting", iri), "type": self.concept(m.type),
                         "place": self.link("place", m.locality or m.province)})
            if roles is not None:
                rows[-1]["roles"] = ", ".join(self.role_labels.get(x, x)
                                              for x in sorted(roles[iri], key=ROLE_ORDER.index))
        return rows

    # ---- facts (what an evidence sentence supports) -----------------------------------

    def fact(self, iri: str) -> dict:
        """A fact an evidence sentence supports: what it is, a link to where its page
        shows it, and for a holding the post, linked to its holders on the body's page."""
        g = self.g
        if iri in g.meetings:
            return {"order": (0, ""), "what": "Cuộc họp", "post": None, **self.link("meeting", iri)}
        if iri in g.holdings:
            h = g.holdings[iri]
            person = g.persons[h.holder].name
            post = g.positions.get(h.position)
            title = self.post_text(h) if post else ""
            return {"order": (1, person, title), "what": "Chức vụ",
                    "post": self.link("body", post.body, anchor("post", post.iri), title) if post else None,
                    **self.link("person", h.holder, anchor("h", iri), person)}
        p = g.participations[iri]
        text = f"{g.persons[p.person].name}: {self.role_labels.get(p.role, p.role)}"
        return {"order": (2, text), "what": "Tham gia", "post": None,
                **self.link("meeting", p.meeting, anchor("p", iri), text)}

    def post_text(self, h) -> str:
        """A post as an article gives it: `nguyên Bí thư …` for a former holding, `quyền …`
        for an acting one."""
        title = self.g.positions[h.position].title
        return f"{self.status_labels[h.status]} {title}" if h.status in ("former", "acting") else title

    # ---- pages ---------------------------------------------------------------------

    def person(self, iri: str) -> dict:
        g, r = self.g, self.r
        groups = defaultdict(list)
        for h in r.holdings[iri]:
            holding = g.holdings[h]
            groups[(holding.position, holding.status)].append(holding)
        posts = []
        for (position, status), holdings in groups.items():
            post = g.positions.get(position)
            body = post.body if post else None
            dates = sorted(h.date[:10] for h in holdings if dated(h.date))
            holdings.sort(key=lambda h: (not dated(h.date), h.date, self.name("article", h.article), h.iri))
            posts.append({
                "title": self.link("body", body, anchor("post", position), post.title if post else ""),
                "body": self.link("body", body), "status": self.status_labels.get(status, ""),
                "first": _day(dates[0]) if dates else "", "last": _day(dates[-1]) if dates else "",
                "sort": (not dates, dates[0] if dates else "", post.title if post else "", status),
                "attestations": [{"anchor": anchor("h", h.iri), "date": _day(h.date),
                                  "source": self.evidence_link(h.article, h.evidence)} for h in holdings]})
        posts.sort(key=lambda post: post["sort"])
        roles = defaultdict(set)
        for p in r.taking_part[iri]:
            roles[g.participations[p].meeting].add(g.participations[p].role)
        for m in r.chaired[iri]:
            roles[m].add("chair")
        meetings = self.meeting_rows(roles, roles)
        met = [{"person": self.link("person", e.other), "meetings": e.meetings, "first": _day(e.first or ""),
                "last": _day(e.last or "")} for e in r.encounters.get(iri, [])[:TOP_ENCOUNTERS]]
        articles = sorted(g.persons[iri].articles, key=lambda a: (g.articles[a].published, g.articles[a].ident)
                          if a in g.articles else ("", a))
        candidates = [{"person": self.link("person", other), "posts": posts, "reason": reason,
                       "verdict": CANDIDATE_LABELS.get(verdict, verdict)}
                      for other, posts, verdict, reason in sorted(set(g.persons[iri].candidates))]
        return {"kind": "person", "name": g.persons[iri].name, "iri": iri, "posts": posts, "meetings": meetings,
                "changes": self.change_rows(r.changes[iri]),
                "candidates": candidates,
                "met": met, "more_met": max(0, len(r.encounters.get(iri, [])) - TOP_ENCOUNTERS),
                "articles": [self.link("article", a) for a in articles if a in g.articles],
                "graph": "../" + file_name("graph", iri)}

    def body(self, iri: str) -> dict:
        g, r = self.g, self.r
        body = g.bodies[iri]
        rows = defaultdict(list)
        for row in r.succession[iri]:
            rows[row[7]].append(row)
        posts = []
        for position in sorted(set(r.posts[iri]) | set(rows), key=lambda p: (g.positions[p].title, p)):
            holders = [{"holder": self.link("person", row[8]), "first": _day(row[3] or ""),
                        "last": _day(row[4] or ""), "first_term": row[9] == "term", "last_term": row[10] == "term",
                        "articles": [self.link("article", self.by_ident.get(a), text=a) for a in row[5].split("; ")]}
                       for row in rows[position]]
            former = sorted(({"holder": self.link("person", h.holder), "date": _day(h.date),
                              "source": self.evidence_link(h.article, h.evidence, self.name("article", h.article))}
                             for h in (g.holdings[x] for x in r.held[position]) if h.status == "former"),
                            key=lambda f: (f["holder"]["text"], f["date"], f["source"]["href"] or ""))
            posts.append({"anchor": anchor("post", position), "title": g.positions[position].title,
                          "holders": holders, "former": former})
        return {"kind": "body", "name": body.name, "iri": iri, "type": self.concept(body.kind),
                "places": self.links("place", body.places), "parents": self.links("body", body.parents),
                "children": self.links("body", r.sub_bodies[iri]), "posts": posts,
                "meetings": self.meeting_rows(r.organised[iri])}

    def change_rows(self, iris) -> list[dict]:
        """A person's changes of post, by date (undated last): what, which post, decided
        by whom, and the sentence that says so."""
        g = self.g
        rows = []
        for c in sorted((g.changes[i] for i in iris), key=lambda c: (not dated(c.date), c.date, c.kind, c.iri)):
            post = g.positions.get(c.position)
            rows.append({"date": _day(c.date), "kind": CHANGE_LABELS.get(c.kind, c.kind),
                         "measure": self.concept(c.measure),
                         "post": self.link("body", post.body, anchor("post", post.iri), post.title) if post
                         else {"text": "", "href": None},
                         "decided_by": self.link("body", c.decided_by),
                         "source": self.evidence_link(c.article, c.evidence)})
        return rows

    def place(self, iri: str) -> dict:
        g, r = self.g, self.r
        place = g.places[iri]
        return {"kind": "place", "name": place.label, "iri": iri, "short": place.name,
                "division": place.division, "level": self.concept(place.level), "code": place.code,
                "parents": self.links("place", place.parents), "children": self.links("place", r.sub_places[iri]),
                **self.place_succession(iri),
                "bodies": self.links("body", r.governing[iri]), "meetings": self.meeting_rows(r.held_in[iri])}

    def place_succession(self, iri: str) -> dict:
        """What the reform of 1 July 2025 made of a place (`vnkg:mergedInto`): the units of
        the old map merged into it, the unit of the new map it became part of, and when it
        was in force."""
        place = self.g.places[iri]
        return {"predecessors": self.links("place", sorted(self.r.merged_from[iri])),
                "successors": self.links("place", place.successors), "valid": place.valid}

    def meeting(self, iri: str) -> dict:
        g, r = self.g, self.r
        m = g.meetings[iri]
        people = defaultdict(list)
        for p in r.present[iri]:
            people[g.participations[p].person].append(g.participations[p])
        participants = []
        for person, parts in people.items():
            parts.sort(key=lambda p: ROLE_ORDER.index(p.role))
            first = parts[0]
            held = sorted({self.post_text(g.holdings[x]) for x in r.holdings[person]
                           if g.holdings[x].article == m.article and g.holdings[x].position in g.positions})
            participants.append({"person": self.link("person", person), "anchors": [anchor("p", x.iri) for x in parts],
                                 "posts": "; ".join(held),
                                 "roles": ", ".join(self.role_labels.get(x.role, x.role) for x in parts),
                                 "source": self.evidence_link(first.article, first.evidence, "câu nguồn"),
                                 "sort": (ROLE_ORDER.index(parts[0].role), g.persons[person].name, person)})
        participants.sort(key=lambda p: p["sort"])
        quotes = sorted((g.evidence[e] for e in m.evidence if e in g.evidence), key=lambda e: (e.start, e.iri))
        return {"kind": "meeting", "name": m.label, "iri": iri, "type": self.concept(m.type), "date": _day(m.date),
                "time": m.time, "online": m.online, "locality": self.link("place", m.locality),
                "province": self.link("place", m.province) if m.province != m.locality else None,
                "chairs": self.links("person", m.chairs), "participants": participants,
                "organisers": self.links("body", m.organisers), "article": self.link("article", m.article),
                "quotes": [{**self.link("article", m.article, evidence_anchor(e)), "text": e.quote} for e in quotes]}

    def article(self, iri: str) -> dict:
        g, r = self.g, self.r
        a = g.articles[iri]
        return {"kind": "article", "name": a.title, "iri": iri, "ident": a.ident, "published": _day(a.published),
                "author": a.author, "dateline": self.link("place", a.dateline) if a.dateline else None,
                "content_hash": a.content_hash, "urls": a.urls, "outlets": a.outlets,
                "blocks": self.text_blocks(iri),
                "meetings": self.meeting_rows(r.reported[iri]), "persons": self.links("person", r.mentioned[iri])}

    def text_blocks(self, iri: str) -> list[dict]:
        """The article as the graph keeps it: its evidence sentences in the order of the
        text, each highlighted with the facts it supports, and the length of each gap
        between them (the graph stores the quotes and their offsets, not the whole text).
        Spans that overlap are shown once, as one block."""
        blocks: list[dict] = []
        end = 0
        for ev in sorted((self.g.evidence[e] for e in self.r.evidence[iri]), key=lambda e: (e.start, e.end, e.iri)):
            facts = [self.fact(f) for f in ev.facts]
            if blocks and ev.start < end:
                block = blocks[-1]
                if ev.end > end:
                    block["text"] += ev.quote[end - ev.start:]
                    end = ev.end
                block["anchors"].append(evidence_anchor(ev))
                block["facts"].extend(facts)
            else:
                blocks.append({"gap": ev.start - end, "anchors": [evidence_anchor(ev)], "text": ev.quote,
                               "start": ev.start, "facts": facts})
                end = ev.end
        for block in blocks:
            unique = {(f["order"], f["href"] or ""): f for f in block["facts"]}
            block["facts"] = [unique[k] for k in sorted(unique)]
            block["href"] = block["facts"][0]["href"] if block["facts"] else None
            block["source"] = _at_text(self.g.articles[iri].urls, block["text"])
        return blocks


def _at_text(urls: list[str], sentence: str) -> str | None:
    """The sentence on the original page: its URL with a text fragment (`#:~:text=`, which
    browsers scroll to and highlight) of the sentence's first words."""
    if not urls:
        return None
    from urllib.parse import quote
    words = " ".join(sentence.split()[:8])
    # a dash beside a comma would read as the fragment's own syntax: it is escaped too
    return f"{urls[0].split('#')[0]}#:~:text={quote(words, safe='').replace('-', '%2D')}"
