"""A person as one article names them: the record identity is decided from.

Made in the extraction worker from the extracted `Article` and carried to the build in
its `Outcome` (small and JSON-able), so that resolution never needs the article again:
the name, the lineage province (the 2025 province the person's province is or became
part of), the date the article attests, and the posts with their body, level and unit.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..gazetteer import load_gazetteer
from ..text import fold

# The kinds of body (`ontology/vnkg.ttl`, OrganisationKindScheme) in the classes the
# compatibility table speaks of.
BODY_CLASS = {
    "PartyCommittee": "party", "PartyStandingBoard": "party", "PartyStandingCommittee": "party",
    "PartyAdvisoryBoard": "party", "PartyInspectionCommission": "party",
    "PeoplesCouncil": "council", "PeoplesCouncilStandingCommittee": "council", "PeoplesCouncilCommittee": "council",
    "PeoplesCommittee": "government", "FatherlandFrontCommittee": "front", "FatherlandFrontStandingBoard": "front",
    "MassOrganisation": "mass", "GovernmentDepartment": "department", "Office": "department",
    "CentralBody": "central", "OtherOrganisation": "other",
}


@dataclass(frozen=True)
class PostRecord:
    """One post a mention holds: `Bí thư Huyện ủy Hàm Yên`, current, a district's party body."""
    title: str
    status: str                 # current | acting | former
    role: str                   # `Phó Bí thư Thường trực`
    body: str                   # a class of BODY_CLASS, or "" where no body is named
    level: str                  # central | province | district | commune | "" (unknown)
    unit: str                   # gazetteer key of the body's unit, "" when not resolved
    position: str               # the position's IRI: two mentions holding it share it

    @property
    def role_class(self) -> str:
        """head, deputy or member: what the compatibility table matches on."""
        if self.role.startswith("Phó"):
            return "deputy"
        if self.role.startswith(("Ủy viên", "Đại biểu")):
            return "member"
        return "head"


@dataclass(frozen=True)
class PersonMention:
    """(article, name): one person of one article, with what identity is decided from."""
    article: str
    name: str
    lineage: str                # lineage province key, "" when no province is knowable
    date: str                   # ISO date the article attests, "" when unknown or yearless
    posts: tuple[PostRecord, ...] = ()

    @property
    def folded(self) -> str:
        return fold(self.name)

    @property
    def key(self) -> tuple[str, str]:
        return (self.article, self.name)

    @property
    def block(self) -> str:
        """Mentions that may be one person: same folded name, same lineage province;
        "" for a mention with no province, which nothing ties to any other."""
        return f"{self.folded}|{self.lineage}" if self.lineage else ""

    def to_json(self) -> list:
        return [self.article, self.name, self.lineage, self.date,
                [[p.title, p.status, p.role, p.body, p.level, p.unit, p.position] for p in self.posts]]

    @classmethod
    def from_json(cls, data: list) -> "PersonMention":
        article, name, lineage, date, posts = data
        return cls(article, name, lineage, date, tuple(PostRecord(*p) for p in posts))


def person_mentions(article) -> list[PersonMention]:
    """The person mentions of an extracted article, in the order of its persons.

    >>> [m.name for m in person_mentions(extract_text("a1", "Đồng chí Mùa A Sơn, Phó Bí thư Tỉnh ủy Điện Biên phát biểu."))]
    ['Mùa A Sơn']
    """
    from ..model.rdf import attested_on, position_iri
    gazetteer = load_gazetteer()
    date = attested_on(article) or ""
    if not date[:4].isdigit():
        date = ""
    mentions = []
    for person in article.persons:
        province = person.province(article.context)
        lineage = gazetteer.lineage_province(province).key if province is not None else ""
        posts = []
        for holding in person.holdings:
            post = holding.post
            org = post.org
            unit = org.unit if org is not None and org.unit is not None and org.unit.resolved else None
            level = unit.level if unit is not None else "central" if org is not None and org.kind == "CentralBody" else ""
            posts.append(PostRecord(post.title, post.status, post.role, BODY_CLASS.get(org.kind, "") if org else "",
                                    level, unit.key if unit else "", str(position_iri(post, article))))
        mentions.append(PersonMention(article.id, person.name, lineage, date[:10], tuple(posts)))
    return mentions
