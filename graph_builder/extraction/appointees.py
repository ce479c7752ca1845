"""Who a change of post is about: the names of a change's sentence and which of them each
clause concerns.

A change names its person after the verb (`bầu ông A, B giữ chức …`, `bổ nhiệm ông C,
Chi cục trưởng …`), after `đối với` (`miễn nhiệm … đối với bà D`), or as the subject
before it (`Đồng chí E, Trưởng Ban … thôi giữ chức …`, `ông G được bầu …`), else the
clause goes on with the person of the clause before (`…; phân công, điều động … giữ chức
…`). Names are found with the mention stage's helpers (`names.py`); a name the mention
stage missed becomes a person of the article here.
"""

from __future__ import annotations

import re

from ..reading.article import Article, Span
from ..text import capitalise_name, fold
from .mentions import Mention
from .names import NOT_NAME_START, acceptable, anchor_before, name_run, skip_honorific
from .persons import Person
from .surnames import is_surname
from .titles import grammar, parse_body
from .tokens import Token

_ANCHOR_WORDS = {"đồng", "chí", "đ/c", "đc", "ông", "bà", "các", ":"}
# words of another verb between a name and a change's verb: the name is not its subject
# (`Phó Thủ tướng A vừa ký Quyết định thi hành kỷ luật …`, `ông B trao quyết định bổ nhiệm`)
_NOT_SUBJECT = re.compile(r"(?<!\w)(?:ký|trao|công bố|đề nghị|yêu cầu|chủ trì|phát biểu|dự|chúc mừng|tặng|"
                          r"quyết định|thông báo|cho biết|tổ chức)(?!\w)|[;.]")


def sentence_names(tokens: list[Token], known: dict[str, Person]) -> list[tuple[int, int]]:
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
        # a rank stands before a person's name only (`đối với Trung tá Nguyễn Văn A`)
        anchored = direct or listed or skip_honorific(tokens, i) != i
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


def names_by_start(names: list[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Each name's span by its first token."""
    return {a: (a, b) for a, b in names}


def find_persons(clause, tokens, names, chains, own_chain, previous) -> None:
    """Fill `clause.persons` (name starts); `clause.carried` where the clause named them."""
    stop = clause.post_at if clause.post_at is not None else clause.member_at
    stop = stop if stop is not None else clause.end
    # named after the verb: `bầu ông A, B giữ chức …`, `bổ nhiệm ông C, Chi cục trưởng …`
    after = [a for a, b in names if clause.verb_end <= a < stop
             and _only_list_between(tokens, clause.verb_end, a, names, own_chain)]
    if after:
        clause.persons, clause.carried = after, True
        return
    # `… đối với ông A`, `đối với các ông B, C`, `… cho ông D`, `… với ông E`
    for k in range(clause.verb_end, len(tokens) - 1):
        after = k + 2 if tokens[k].fold == "đối" and tokens[k + 1].fold == "với" else \
            k + 1 if tokens[k].fold in ("cho", "với") and tokens[k + 1].fold in _ANCHOR_WORDS else None
        if after is not None:
            # `giao quyền Chủ tịch UBND huyện cho ông A`
            listed = [a for a, b in names if a >= after and _only_list_between(tokens, after, a, names, own_chain)]
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
    covered = set(range(skip_honorific(tokens, a), a))
    for n, b in names:
        if start <= n < a:
            covered.update(range(skip_honorific(tokens, n), b))
            chain = own_chain.get(n)
            if chain is not None:
                covered.update(range(b, chain[1]))
    return all(k in covered or tokens[k].fold in _ANCHOR_WORDS or tokens[k].fold in _LIST_GLUE
               for k in range(start, a))


# between the names of a list (`các ông: A (Giám đốc Sở X), ông B (…) và ông C`)
_LIST_GLUE = {",", "và", ";", "-", "–", "(", ")"}


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


def person_named(article: Article, tokens: list[Token], name: tuple[int, int], span: Span,
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


def _tenure_end(tokens: list[Token], k: int) -> int:
    """Past a term named after a title (`nhiệm kỳ 2020-2025`, `khóa XIX`)."""
    while k < len(tokens) and (tokens[k].fold in ("nhiệm", "kỳ", "khóa", "khoá", "-", "–")
                               or tokens[k].text.isdigit() or set(tokens[k].text) <= set("IVXL")):
        if tokens[k].fold in ("-", "–") and not (k + 1 < len(tokens) and tokens[k + 1].text.isdigit()):
            break
        k += 1
    return k


def joined_chain(tokens: list[Token], chain: tuple, chains: list) -> tuple:
    """A name's titles with the term of each between them (`Phó Bí thư Tỉnh ủy nhiệm kỳ
    2020-2025, Chủ tịch HĐND tỉnh nhiệm kỳ 2021-2026`): one chain, to the end of the last term."""
    start, end, titles = chain[0], _tenure_end(tokens, chain[1]), list(chain[2])
    while end + 1 < len(tokens) and tokens[end].fold == ",":
        following = next((c for c in chains if c[0] == end + 1), None)
        if following is None:
            break
        titles += following[2]
        end = _tenure_end(tokens, following[1])
    return start, end, titles
