"""The user's judgements (`--identity FILE`): what a person knows that the rules cannot.

One judgement a line, fields separated by tabs:

    same|different <TAB> A <TAB> B [<TAB> note [<TAB> author [<TAB> time]]]

A and B are each a person's IRI (`https://w3id.org/vnkg/id/person/…`, as `vnkg identity`
lists it) or a mention, `ARTICLE/Name` (the article identifier, a slash, the name as the
article writes it). Blank lines and lines starting with `#` are ignored. `same` is a
must-link (the two are one person whatever the rules say), `different` a cannot-link (no
rule joins them). Judgements are data, kept in the user's file; each build applies them
again, so they survive rebuilds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from ..text import canonical

PERSON_PREFIX = "https://w3id.org/vnkg/id/person/"
VERDICTS = ("same", "different")


@dataclass(frozen=True)
class Ref:
    """A person (its IRI) or a mention (article, name)."""
    person: str = ""
    article: str = ""
    name: str = ""

    def text(self) -> str:
        return self.person or f"{self.article}/{self.name}"


@dataclass(frozen=True)
class Judgement:
    verdict: str
    a: Ref
    b: Ref
    note: str = ""
    author: str = ""
    time: str = ""
    where: str = ""              # file:line

    @property
    def key(self) -> str:
        """A canonical identity of the judgement (its IRI's hash): the same two sides in
        either order with the same verdict, note, author and time."""
        sides = sorted((self.a.text(), self.b.text()))
        return hashlib.sha1("\x1f".join([self.verdict, *sides, self.note, self.author, self.time])
                            .encode("utf-8")).hexdigest()[:12]


def parse_ref(text: str, where: str) -> Ref:
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text.startswith(PERSON_PREFIX):
        return Ref(person=text)
    article, slash, name = text.partition("/")
    if not slash or not article.strip() or not name.strip() or "://" in text:
        raise InputError(f"{text!r} is neither a person's IRI nor ARTICLE/Name", where=where,
                         hint=f"write a person as {PERSON_PREFIX}… or a mention as ARTICLE_ID/Name, "
                              "e.g. 2024-hg-01/Nguyễn Văn Hùng")
    return Ref(article=article.strip(), name=canonical(name.strip()))


def parse_judgements(text: str, source: str = "judgements") -> list[Judgement]:
    """The judgements of a file's text; a malformed line raises InputError naming it.

    >>> [j.verdict for j in parse_judgements("same\\ta1/Lê Văn Hùng\\ta2/Lê Văn Hùng\\tone man")]
    ['same']
    """
    judgements = []
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t")
        if len(cells) < 3 or len(cells) > 6:
            raise InputError(f"{len(cells)} tab-separated fields where 3 to 6 are needed", where=where,
                             hint="write same|different, A, B, then optionally a note, author and time, "
                                  "separated by tabs")
        verdict = cells[0].strip().lower()
        if verdict not in VERDICTS:
            raise InputError(f"the verdict {cells[0]!r} is neither 'same' nor 'different'", where=where,
                             hint="start the line with same or different")
        a, b = parse_ref(cells[1], where), parse_ref(cells[2], where)
        if a == b:
            raise InputError("both sides name the same person or mention", where=where,
                             hint="name two different persons or mentions")
        extra = [canonical(c.strip()) for c in cells[3:]] + ["", "", ""]
        judgements.append(Judgement(verdict, a, b, extra[0], extra[1], extra[2], where))
    return judgements


def read_judgements(path: str | Path | None) -> list[Judgement]:
    """The judgements file at `path` (none when `path` is None)."""
    if path is None:
        return []
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError("no such judgements file", where=str(path),
                         hint="create it (one judgement a line, see README: Identity)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the judgements file: {exc}", where=str(path)) from None
    return parse_judgements(text, str(path))
