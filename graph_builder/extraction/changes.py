"""Changes of post: who gains, loses or is disciplined in which post, by whose decision.

Personnel news says a change with a verb and the posts after it: `bầu ông A, Phó Bí thư
Huyện ủy, giữ chức Chủ tịch UBND huyện`, `miễn nhiệm chức vụ Chủ tịch HĐND huyện đối với
ông B`, `Đồng chí C thôi giữ chức …; phân công, điều động, chỉ định tham gia BCH, Ban
Thường vụ, giữ chức Bí thư Huyện ủy X từ ngày 5/10/2023`, `thi hành kỷ luật bằng hình
thức cảnh cáo đối với ông D, Phó Chủ tịch UBND tỉnh`. A sentence is cut into clauses at
its verbs (`lexicon/changes.tsv`); each clause names its posts (after `giữ chức`, the
bodies after `tham gia`, else the title right after the verb) and its persons (named
after the verb, after `đối với`, or as the subject before it, else the persons of the
clause before). A proposal (`tờ trình`, `giới thiệu để bầu`, `đề nghị`) or a change told
as history (`sau khi … nghỉ hưu`) is no change. Dates, deciders and what a change does to
the person's posts are `tenure`'s.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import load_table
from ..reading.article import Article, Span
from ..text import capitalise_name, fold
from .chains import parse_chain
from .mentions import Mention
from .names import ANCHORS, NOT_NAME_START, acceptable, anchor_before, name_run
from .persons import Person
from .places import Context
from .positions import Post, render_title
from .surnames import is_surname
from .titles import STATUS_WORDS, BodyRef, TitleRef, grammar, parse_body
from .tokens import Matcher, Token, surface_key, tokenize

KINDS = ("elected", "appointed", "relieved", "disciplined")
_ANCHOR_WORDS = {"đồng", "chí", "đ/c", "đc", "ông", "bà", "các", ":"}
# words of another verb between a name and a change's verb: the name is not its subject
# (`Phó Thủ tướng A vừa ký Quyết định thi hành kỷ luật …`, `ông B trao quyết định bổ nhiệm`)
_NOT_SUBJECT = re.compile(r"(?<!\w)(?:ký|trao|công bố|đề nghị|yêu cầu|chủ trì|phát biểu|dự|chúc mừng|tặng|"
                          r"quyết định|thông báo|cho biết|tổ chức)(?!\w)|[;.]")


@dataclass
class Change:
    """One change of post of one person (the evidence is its sentence)."""
    person: Person
    kind: str                       # elected, appointed, relieved, disciplined
    post: Post
    sentence: Span
    trigger: int                    # offset of the verb
    measure: str | None = None      # khiển trách, cảnh cáo, cách chức, khai trừ
    moves: str = ""                 # transfer (điều động: to other work), interim (giao quyền)
    lead: int = 0                   # offset of the sentence's first verb (its decider is before)
    date: str | None = None
    decided_by: object | None = None    # an Org
    meeting: object | None = None       # the Meeting that made it

    @property
    def acting(self) -> bool:
        return self.post.status == "acting"


@dataclass
class _Clause:
    kind: str
    start: int                      # token index of the verb
    verb_end: int
    end: int = 0
    measure: str | None = None
    moves: str = ""
    negated: bool = False
    post_at: int | None = None      # after `giữ chức`
    member_at: int | None = None    # after `tham gia`
    persons: list = field(default_factory=list)
    carried: bool = False           # persons found by the clause itself (named, subject)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Matcher, re.Pattern]:
    rows = load_table("changes", key="phrase")
    matcher = Matcher({surface_key(r["phrase"]): r for r in rows})
    verbs = sorted((r["phrase"] for r in rows if r["kind"] in KINDS), key=len, reverse=True)
    # a quick look over the whole text: most articles report no change at all
    screen = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(v) for v in verbs) + r")(?!\w)", re.IGNORECASE)
    return matcher, screen


def find_changes(article: Article) -> list:
    """Stage: the article's changes of post (`article.changes`), their persons among
    `article.persons` and their posts among the persons' holdings."""
    from .tenure import settle
    matcher, screen = _lexicon()
    norm = article.norm
    starts = [s for s, _ in article.sentences]
    picked: list[Span] = []
    for match in screen.finditer(norm, article.body[0]):
        k = bisect_right(starts, match.start()) - 1
        if k >= 0 and article.sentences[k][1] > match.start() and article.sentences[k] not in picked:
            if not article.captions or article.sentences[k] not in article.captions:
                picked.append(article.sentences[k])
    changes: list[Change] = []
    seen: set[tuple] = set()
    for span in picked:
        for change in _sentence_changes(article, span, matcher):
            key = (id(change.person), change.kind, change.post.title)
            if key not in seen:
                seen.add(key)
                changes.append(change)
    article.changes = changes
    settle(article, changes)
    return changes


def _marks(tokens: list[Token], matcher: Matcher) -> list[tuple[int, int, dict]]:
    marks, i = [], 0
    while i < len(tokens):
        found = matcher.match(tokens, i)
        if found:
            marks.append((i, found[1], found[0]))
            i = found[1]
        else:
            i += 1
    return marks


def _clauses(tokens: list[Token], marks: list[tuple[int, int, dict]]) -> list[_Clause]:
    """Verbs cut the sentence; verbs of one kind with nothing but glue between them are one
    clause (`phân công, điều động, luân chuyển, chỉ định`, `kỷ luật bằng hình thức cảnh cáo`)."""
    clauses: list[_Clause] = []
    negated = False
    for i, j, row in marks:
        kind = row["kind"]
        if kind in ("not", "background"):
            negated = True
            continue
        if kind in ("post", "member"):
            if clauses and clauses[-1].post_at is None and (kind == "post" or clauses[-1].member_at is None):
                if kind == "post":
                    clauses[-1].post_at = j
                else:
                    clauses[-1].member_at = j
            continue
        if kind not in KINDS:
            continue
        last = clauses[-1] if clauses else None
        if last is not None and last.kind == kind and last.post_at is None and last.member_at is None \
                and all(not t.is_cap and (t.fold in (",", "và", "-") or not t.is_word or t.fold in _GLUE_WORDS)
                        for t in tokens[last.verb_end:i]):
            last.verb_end = j
            last.measure = row["measure"] or last.measure
            last.moves = last.moves or row["moves"]
            _open(last, row, j)
            continue
        clauses.append(_Clause(kind, i, j, measure=row["measure"] or None, moves=row["moves"], negated=negated))
        _open(clauses[-1], row, j)
    for k, clause in enumerate(clauses):
        clause.end = clauses[k + 1].start if k + 1 < len(clauses) else len(tokens)
    return clauses


def _open(clause: _Clause, row: dict, j: int) -> None:
    """`thôi giữ chức X`, `thôi tham gia BCH, Ban Thường vụ`: the verb names the posts itself."""
    if row["opens"] == "post":
        clause.post_at = j
    elif row["opens"] == "member":
        clause.member_at = j


_GLUE_WORDS = {"bằng", "hình", "thức", "thi", "hành", "với", "đối", "quyết", "định", "đồng", "thời"}


def _names(tokens: list[Token], known: dict[str, Person]) -> list[tuple[int, int]]:
    """The persons' names of a sentence (token spans): anchored by `ông`/`đồng chí`, listed
    after one (`các ông A, B`), or known to the article."""
    names: list[tuple[int, int]] = []
    i = 0
    listed = False
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_word or not tok.is_cap or tok.expanded or tok.fold in NOT_NAME_START \
                or grammar().roles.match(tokens, i):
            listed = listed and tok.fold in (",", "và", ";")
            i += 1
            continue
        j = name_run(tokens, i, len(tokens))
        direct = anchor_before(tokens, i) is not None
        anchored = direct or listed or anchor_before(tokens, i, ANCHORS) is not None
        text = " ".join(t.text for t in tokens[i:j])
        # a name the article knows counts where it starts with a family name (the mention
        # stage may have taken a body's words for one)
        anchored = anchored or (fold(text) in known and is_surname(tokens[i].text))
        if j > i and acceptable(tokens, i, j, anchored, direct):
            names.append((i, j))
            listed = anchored
            i = j
            continue
        listed = False
        i = max(j, i + 1)
    return names


def _chains(tokens: list[Token], names: list[tuple[int, int]]) -> list[tuple[int, int, list[TitleRef]]]:
    starters = grammar().roles.first_words | frozenset(STATUS_WORDS)
    inside = {k for a, b in names for k in range(a, b)}
    chains, i = [], 0
    while i < len(tokens):
        if i not in inside and tokens[i].fold in starters:
            found = parse_chain(tokens, i)
            if found:
                chains.append((i, found[1], found[0]))
                i = found[1]
                continue
        i += 1
    return chains


def _sentence_changes(article: Article, span: Span, matcher: Matcher) -> list[Change]:
    tokens = tokenize(article.norm, span[0], span[1])
    marks = _marks(tokens, matcher)
    clauses = _clauses(tokens, marks)
    if not clauses:
        return []
    known = {fold(p.name): p for p in article.persons}
    names = _names(tokens, known)
    chains = _chains(tokens, names)
    context: Context = article.context or Context()
    own_chain = {}          # name start -> the chain that follows the name
    for a, b in names:
        k = b
        while k < len(tokens) and tokens[k].fold in (",", "-", "–", "("):
            k += 1
        chain = next((c for c in chains if c[0] == k), None)
        if chain is not None:
            own_chain[a] = chain
    changes: list[Change] = []
    previous: list = []
    for clause in clauses:
        _find_persons(clause, tokens, names, chains, own_chain, previous)
        if clause.persons and clause.carried:
            previous = clause.persons
        if clause.negated or not clause.persons:
            continue
        lead = tokens[clauses[0].start].start
        for a in clause.persons:
            person = _person(article, tokens, names_by_start(names)[a], span, known)
            for post in _posts(clause, tokens, names, chains, own_chain.get(a), context):
                at = tokens[clause.start].start
                changes.append(Change(person, clause.kind, post, span, at, clause.measure, clause.moves, lead))
                if clause.measure == "cách chức":
                    changes.append(Change(person, "relieved", post, span, at, lead=lead))
    return changes


def names_by_start(names: list[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    return {a: (a, b) for a, b in names}


def _find_persons(clause: _Clause, tokens, names, chains, own_chain, previous) -> None:
    stop = clause.post_at if clause.post_at is not None else clause.member_at
    stop = stop if stop is not None else clause.end
    # named after the verb: `bầu ông A, B giữ chức …`, `bổ nhiệm ông C, Chi cục trưởng …`
    after = [a for a, b in names if clause.verb_end <= a < stop
             and _only_list_between(tokens, clause.verb_end, a, names, own_chain)]
    if after:
        clause.persons, clause.carried = after, True
        return
    # `… đối với ông A`, `đối với các ông B, C`
    for k in range(clause.verb_end, len(tokens) - 1):
        if tokens[k].fold == "đối" and tokens[k + 1].fold == "với":
            listed = [a for a, b in names if a >= k + 2 and _only_list_between(tokens, k + 2, a, names, own_chain)]
            if listed:
                clause.persons = listed
                return
    # the subject: `Đồng chí A, Trưởng Ban … thôi giữ chức`, `ông B được bầu`
    before = [(a, b) for a, b in names if b <= clause.start]
    if before:
        a, b = before[-1]
        chain = own_chain.get(a)
        gap_from = chain[1] if chain is not None else b
        covered = _body_spans(tokens, gap_from, clause.start)
        covered.update(k for c in chains for k in range(c[0], c[1]))
        # what is left between is the subject's own words (an unusual title, `được`), not
        # another verb whose object the change would be
        gap = " ".join(tokens[k].fold for k in range(gap_from, clause.start) if k not in covered)
        if clause.start - gap_from <= 25 and not _NOT_SUBJECT.search(gap):
            clause.persons, clause.carried = [a], True
            return
    if previous:
        clause.persons = previous


def _only_list_between(tokens, start: int, a: int, names, own_chain) -> bool:
    """Only anchors, list glue and the chains of earlier listed names stand between."""
    covered = set()
    for n, b in names:
        if start <= n < a:
            covered.update(range(n, b))
            chain = own_chain.get(n)
            if chain is not None:
                covered.update(range(b, chain[1]))
    return all(k in covered or tokens[k].fold in _ANCHOR_WORDS or tokens[k].fold in (",", "và", ";", "-")
               for k in range(start, a))


def _body_spans(tokens: list[Token], a: int, b: int) -> set[int]:
    """Token indices of bodies named in tokens[a:b] (`được UBND tỉnh giao …`)."""
    covered: set[int] = set()
    k = a
    while k < b:
        parsed = parse_body(tokens, k) if grammar().bodies.match(tokens, k) else None
        if parsed:
            covered.update(range(k, parsed[1]))
            k = parsed[1]
        else:
            k += 1
    return covered


def _posts(clause: _Clause, tokens, names, chains, own, context: Context) -> list[Post]:
    """The posts a clause changes: after `giữ chức`, the bodies after `tham gia`, else the
    title right after the verb; for a discipline without one, the post held."""
    titles: list[TitleRef] = []
    named = {k for a, b in names for k in range(a, b)}
    if clause.member_at is not None:
        titles += _memberships(tokens, clause.member_at, clause.post_at or clause.end, chains)
    if clause.post_at is not None:
        region = (clause.post_at, clause.end)
    elif clause.member_at is None:
        first_name = min((a for a, _ in names if clause.verb_end <= a < clause.end), default=clause.end)
        region = (clause.verb_end, first_name)
    else:
        region = (clause.end, clause.end)
    for a, b, found in chains:
        if region[0] <= a < region[1] and a not in named and _near(tokens, region[0], a):
            titles += found
            break
    if not titles and clause.kind in ("disciplined", "relieved") and own is not None \
            and not (clause.kind == "relieved" and clause.post_at is not None):
        held = [t for t in own[2] if t.status != "former"]
        titles = held[:1] if clause.kind == "disciplined" else (held if _retires(tokens, clause) else [])
    posts = []
    for title in titles:
        if title.status == "former" or _unread_body(tokens, title):
            continue
        post = render_title(title, context)
        if post is not None and post not in posts:
            posts.append(post)
    return posts


def _unread_body(tokens: list[Token], title: TitleRef) -> bool:
    """`Bí thư Ban Cán sự đảng Kiểm toán Nhà nước`: a Party role whose body the grammar
    cannot read is not the article's own committee's post."""
    if title.body is not None or title.implied is not None or not title.needs_committee:
        return False
    after = next((k for k, t in enumerate(tokens) if t.start >= title.end), None)
    return after is not None and tokens[after].is_cap and tokens[after].is_word


def _retires(tokens: list[Token], clause: _Clause) -> bool:
    return any(t.fold == "hưu" for t in tokens[clause.start:clause.verb_end])


def _near(tokens: list[Token], start: int, a: int) -> bool:
    """The title follows its verb closely (a few words: `chức vụ`, `quyền`, `nhiệm vụ`)."""
    return a - start <= 4 and all(t.fold not in (";", ".") for t in tokens[start:a])


def _memberships(tokens: list[Token], at: int, stop: int, chains) -> list[TitleRef]:
    """`tham gia BCH, Ban Thường vụ Thành ủy`: a member of each body; a bare executive
    committee or standing board is that of the Party committee named next."""
    refs: list[BodyRef] = []
    k = at
    while k < stop:
        tok = tokens[k]
        if tok.fold in (",", "và"):
            k += 1
            continue
        parsed = parse_body(tokens, k) if grammar().bodies.match(tokens, k) else None
        if not parsed:
            break
        refs.append(parsed[0])
        k = parsed[1]
    committee = next((t.body.committee() for c in chains if c[0] >= at for t in c[2]
                      if t.body is not None and t.body.committee() is not None), None)
    if committee is None:
        committee = next((r.parent.committee() for r in refs if r.parent is not None
                          and r.parent.committee() is not None), None)
    titles = []
    for ref in refs:
        body, needs = ref, False
        if ref.type.name in ("Ban Chấp hành", "Ban Thường vụ") and ref.parent is None and not ref.places \
                and not ref.unit_word:
            if ref.type.name == "Ban Chấp hành":
                body = committee
            else:
                ref.parent = committee
            needs = committee is None
        titles.append(TitleRef("Ủy viên", body, "current", ref.start, ref.end, needs_committee=needs))
    return titles


def _person(article: Article, tokens: list[Token], name: tuple[int, int], span: Span,
            known: dict[str, Person]) -> Person:
    """The article's person of a name, made one where the mention stage missed it."""
    a, b = name
    text = capitalise_name(" ".join(t.text for t in tokens[a:b]))
    key = fold(text)
    if key in known:
        return known[key]
    if " " not in text:
        same = [p for k, p in known.items() if k.split()[-1] == key]
        if len(same) == 1:
            return same[0]
    longer = [p for k, p in known.items() if k.startswith(key + " ")]
    if len(longer) == 1:
        return longer[0]
    mention = Mention(text, [], tokens[a].start, tokens[b - 1].end, span, True)
    person = Person(text, [mention])
    mention.person = person
    known[key] = person
    article.persons.append(person)
    article.persons.sort(key=lambda p: p.first)
    return person
