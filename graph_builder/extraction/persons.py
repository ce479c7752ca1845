"""One person per name within an article, with the posts the article attests.

Coreference: a later `đồng chí Hoa` is the person whose given name is Hoa; a title
standing alone (`đồng chí Bí thư Huyện ủy kết luận`) is the one person of the article
who holds that post.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..reading.article import Article
from ..gazetteer import Unit, load_gazetteer
from ..text import fold
from .mentions import Mention
from .places import Context
from .positions import Post, render_title


@dataclass
class Holding:
    post: Post
    mention: Mention          # the first mention that attests it (the evidence)


@dataclass
class Person:
    name: str
    mentions: list[Mention] = field(default_factory=list)
    holdings: list[Holding] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].start

    def province(self, context: Context) -> Unit | None:
        """The province of the bodies the person serves, else the article's."""
        gazetteer = load_gazetteer()
        for holding in self.holdings:
            org = holding.post.org
            if org is not None and org.unit is not None and org.unit.resolved:
                return gazetteer.province_of(org.unit)
        return context.province

    def posts(self, status: str | None = None) -> list[Post]:
        return [h.post for h in self.holdings if status is None or h.post.status == status]


def resolve_persons(article: Article) -> list[Person]:
    """Stage: the article's persons (`article.persons`), mentions linked to them."""
    context: Context = article.context or Context()
    rendered: dict[int, list[Post]] = {}
    for mention in article.mentions:
        rendered[id(mention)] = [p for p in (render_title(t, context) for t in mention.titles) if p]
    people: dict[str, Person] = {}
    strong: set[str] = set()
    for mention in article.mentions:
        if mention.name is None or mention.is_short:
            continue
        key = fold(mention.name)
        if mention.anchored or rendered[id(mention)]:
            strong.add(key)
    for mention in article.mentions:
        if mention.name is None or mention.is_short:
            continue
        key = fold(mention.name)
        if key in strong:
            people.setdefault(key, Person(mention.name)).mentions.append(mention)
            mention.person = people[key]
    # `Liêng Hót ha Thoa` written once in full and once cut short: a name that is the start
    # of exactly one longer name of the article is that person
    for key in sorted(people, key=len):
        longer = [k for k in people if k != key and k.startswith(key + " ")]
        if len(longer) == 1:
            target = people[longer[0]]
            for mention in people.pop(key).mentions:
                mention.person = target
                target.mentions.append(mention)
    for mention in article.mentions:
        if mention.is_short:
            matches = [p for k, p in people.items() if k.split()[-1] == fold(mention.name)]
            if len(matches) == 1:
                matches[0].mentions.append(mention)
                mention.person = matches[0]
    for person in people.values():
        person.mentions.sort(key=lambda m: m.start)
        seen: set[tuple[str, str]] = set()
        for mention in person.mentions:
            for post in rendered[id(mention)]:
                if (post.title, post.status) not in seen:
                    seen.add((post.title, post.status))
                    person.holdings.append(Holding(post, mention))
    for mention in article.mentions:
        if mention.name is None and rendered[id(mention)]:
            titles = {p.title for p in rendered[id(mention)]}
            holders = [p for p in people.values() if titles & {h.post.title for h in p.holdings}]
            if len(holders) == 1:
                holders[0].mentions.append(mention)
                mention.person = holders[0]
    persons = sorted(people.values(), key=lambda p: p.first)
    article.persons = persons
    return persons
