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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..lexicon import load_table
from ..reading.article import Article, Span
from ..text import fold
from .appointees import find_persons, joined_chain, names_by_start, person_named, sentence_names
from .chains import find_chains
from .memberships import memberships
from .persons import Person
from .places import Context
from .positions import Post, render_title
from .titles import STATUS_WORDS, TitleRef
from .tokens import Matcher, Token, surface_key, tokenize

KINDS = ("elected", "appointed", "relieved", "disciplined")
# a sentence that spells out the decisions the one before announced
_ACCORDINGLY = re.compile(r"\W*(?:theo đó|cụ thể)\b", re.IGNORECASE)



@dataclass
class Change:
    """One change of post of one person (the evidence is its sentence)."""
    person: Person
    kind: str                       # elected, appointed, relieved, disciplined
    post: Post
    sentence: Span
    trigger: int                    # offset of the verb
    measure: str | None = None      # khiển trách, cảnh cáo, cách chức, khai trừ
    moves: str = ""                 # transfer (điều động: to other work), interim, acting (giao quyền),
                                    # retire (nghỉ hưu)
    lead: int = 0                   # offset of the sentence's first verb (its decider is before)
    ends: list = field(default_factory=list)    # titles of the posts left by a transfer or a move up
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
    negated: str = ""               # not (proposed, not made), background (told as history)
    retire: bool = False            # a retirement: the posts the person holds end
    post_at: int | None = None      # after `giữ chức`
    member_at: int | None = None    # after `tham gia`
    persons: list = field(default_factory=list)
    carried: bool = False           # persons found by the clause itself (named, subject)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[Matcher, re.Pattern]:
    rows = load_table("changes", key="phrase")
    matcher = Matcher({surface_key(r["phrase"]): r for r in rows})
    # a quick look over the whole (lower-cased) text: most articles report no change at
    # all; the verbs as a trie, which the regex engine walks once per word
    screen = re.compile(r"\b" + _trie_pattern([r["phrase"] for r in rows if r["kind"] in KINDS]) + r"\b")
    return matcher, screen


def _trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, factored by common prefixes."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alternatives = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def find_changes(article: Article) -> list:
    """Stage: the article's changes of post (`article.changes`), their persons among
    `article.persons` and their posts among the persons' holdings."""
    from .tenure import settle
    matcher, screen = _lexicon()
    norm = article.norm
    sentences = article.sentences
    starts = [s for s, _ in sentences]
    captions = set(article.captions)
    picked: list[int] = []
    lowered = norm.lower()
    if len(lowered) != len(norm):          # a letter whose lower case is longer: offsets would move
        lowered = norm
        screen = re.compile(screen.pattern, re.IGNORECASE)
    for match in screen.finditer(lowered, article.body[0]):
        k = bisect_right(starts, match.start()) - 1
        if k >= 0 and sentences[k][1] > match.start() and k not in picked and sentences[k] not in captions:
            picked.append(k)
    changes: list[Change] = []
    seen: set[tuple] = set()
    proposed: list[tuple] = []
    implied: dict[int, tuple[str, bool]] = {}
    picked.sort()
    at = 0
    while at < len(picked):
        k = picked[at]
        at += 1
        found, open_kind, proposals = _sentence_changes(article, sentences[k], matcher, implied.get(k))
        proposed += proposals
        after = k + 1
        # a photo caption between (`Đại biểu dự họp.`) is short, when the layout has not
        # already set it apart
        while after < len(sentences) and after <= k + 2 and (
                sentences[after] in captions or sentences[after][1] - sentences[after][0] < 60):
            after += 1
        if open_kind and after < len(sentences) and _ACCORDINGLY.match(norm, sentences[after][0]):
            # `… chỉ định Chủ tịch, Phó Chủ tịch UBND xã. Theo đó, đồng chí A giữ chức vụ …`
            implied[after] = open_kind
            if after not in picked:
                picked.insert(at, after)
        for change in found:
            key = (id(change.person), change.kind, change.post.title)
            if key not in seen:
                seen.add(key)
                changes.append(change)
    article.changes = changes
    settle(article, changes, proposed)
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


def _clauses(tokens: list[Token], marks: list[tuple[int, int, dict]], implied: str | None = None) -> list[_Clause]:
    """Verbs cut the sentence; verbs of one kind with nothing but glue between them are one
    clause (`phân công, điều động, luân chuyển, chỉ định`, `kỷ luật bằng hình thức cảnh cáo`)."""
    clauses: list[_Clause] = []
    negated = ""
    for i, j, row in marks:
        kind = row["kind"]
        if kind in ("not", "background"):
            negated = kind
            continue
        if kind == "post" and implied and (not clauses or clauses[-1].post_at is not None):
            # `Theo đó, đồng chí A giữ chức vụ …; đồng chí B giữ chức vụ …`: the decision
            # the sentence before announced
            clauses.append(_Clause(implied, i, i, post_at=j, negated=negated))
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
        # `thông qua Nghị quyết miễn nhiệm …`: a decision, whatever was proposed before it
        decided = [t.fold for t in tokens[max(0, i - 2):i]] in (["nghị", "quyết"], ["quyết", "định"])
        clauses.append(_Clause(kind, i, j, measure=row["measure"] or None, moves=row["moves"],
                               negated="" if decided else negated))
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


def _chains(tokens: list[Token], names: list[tuple[int, int]]) -> list[tuple[int, int, list[TitleRef]]]:
    return find_chains(tokens, skip={k for a, b in names for k in range(a, b)})


def _sentence_changes(article: Article, span: Span, matcher: Matcher, implied: tuple[str, bool] | None = None
                      ) -> tuple[list[Change], tuple[str, bool] | None, list[tuple]]:
    """The changes of one sentence, the kind of a decision it tells without naming anyone
    (which a `Theo đó, …` sentence after it may spell out), and the changes it only
    proposes (person, kind, post, sentence)."""
    tokens = tokenize(article.norm, span[0], span[1])
    marks = _marks(tokens, matcher)
    clauses = _clauses(tokens, marks, implied and implied[0])
    if not clauses and not (implied and implied[1]):
        return [], None, []
    known = {fold(p.name): p for p in article.persons}
    names = sentence_names(tokens, known)
    chains = _chains(tokens, names)
    context: Context = article.context or Context()
    own_chain = {}          # name start -> the chain that follows the name
    for a, b in names:
        k = b
        # `ông A - Giám đốc Sở X`, `ông B (Giám đốc …)`, `ông C, 54 tuổi, Phó Bí thư …`
        while k < len(tokens) and (tokens[k].fold in (",", "-", "–", "(") or tokens[k].text.isdigit()
                                   and k + 1 < len(tokens) and tokens[k + 1].fold == "tuổi"):
            k += 2 if tokens[k].text.isdigit() else 1
        chain = next((c for c in chains if c[0] == k), None)
        if chain is not None:
            own_chain[a] = joined_chain(tokens, chain, chains)
    if not clauses:
        # `… 6 giám đốc sở nghỉ hưu. Cụ thể: ông A - Giám đốc Sở X, ông B - …`: each person
        # listed leaves the posts given with the name
        clauses = [_Clause("relieved", a, a, end=a, retire=True, persons=[a], carried=True) for a in own_chain]
    changes: list[Change] = []
    proposed: list[tuple] = []
    previous: list = []
    open_kind = None
    # a transfer to other work (`điều động … giữ chức`) leaves the posts held before,
    # unless the sentence says itself which of them end (`thôi giữ chức …`)
    transfer = any(c.moves == "transfer" and not c.negated for c in clauses) and not any(
        c.kind == "relieved" and not c.negated for c in clauses)
    for clause in clauses:
        if not clause.persons:
            find_persons(clause, tokens, names, chains, own_chain, previous)
        if clause.persons and clause.carried:
            previous = clause.persons
        if not clause.negated and not clause.persons:
            open_kind = (clause.kind, _retires(tokens, clause))
        if clause.negated == "not" and clause.persons:
            for a in clause.persons:
                person = known.get(fold(" ".join(t.text for t in tokens[a:names_by_start(names)[a][1]])))
                if person is not None:
                    proposed += [(person, clause.kind, post, span)
                                 for post in _posts(clause, tokens, names, chains, own_chain.get(a), context)]
        if clause.negated or not clause.persons:
            continue
        lead = tokens[clauses[0].start].start
        for a in clause.persons:
            person = person_named(article, tokens, names_by_start(names)[a], span, known)
            for post in _posts(clause, tokens, names, chains, own_chain.get(a), context):
                at = tokens[clause.start].start
                moves = "transfer" if transfer and clause.kind == "appointed" and not clause.moves else \
                    "retire" if clause.kind == "relieved" and _retires(tokens, clause) else clause.moves
                changes.append(Change(person, clause.kind, post, span, at, clause.measure, moves, lead))
                if clause.measure == "cách chức":
                    changes.append(Change(person, "relieved", post, span, at, lead=lead))
    return changes, open_kind, proposed


def _posts(clause: _Clause, tokens, names, chains, own, context: Context) -> list[Post]:
    """The posts a clause changes: after `giữ chức`, the bodies after `tham gia`, else the
    title right after the verb; for a discipline without one, the post held."""
    titles: list[TitleRef] = []
    named = {k for a, b in names for k in range(a, b)}
    if clause.member_at is not None:
        titles += memberships(tokens, clause.member_at, clause.post_at or clause.end, chains)
    if clause.post_at is not None:
        region = (clause.post_at, clause.end)
    elif clause.member_at is None:
        first_name = min((a for a, _ in names if clause.verb_end <= a < clause.end), default=clause.end)
        region = (clause.verb_end, first_name)
    else:
        region = (clause.end, clause.end)
    for a, b, found in chains:
        # `giao quyền Chủ tịch …`: the verb's last word is the title's status word too
        starts = region[0] <= a or (a == region[0] - 1 and tokens[a].fold in STATUS_WORDS)
        if starts and a < region[1] and a not in named and _near(tokens, region[0], a):
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
        if clause.moves == "acting":
            # `giao quyền Chủ tịch UBND huyện`: the post itself, held in an acting capacity
            title = replace(title, status="acting")
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
    return clause.retire or any(t.fold == "hưu" for t in tokens[clause.start:clause.verb_end])


def _near(tokens: list[Token], start: int, a: int) -> bool:
    """The title follows its verb closely (a few words: `chức vụ`, `quyền`, `nhiệm vụ`)."""
    return a - start <= 4 and all(t.fold not in (";", ".") for t in tokens[start:a])
