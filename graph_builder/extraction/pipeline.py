"""The extraction pipeline: a sequence of stages over an `Article`.

Like spaCy's components, each stage declares what it requires and assigns; the runner
checks the contract and names the stage that broke it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..reading.article import Article, parse_article
from ..errors import VnkgError
from .changes import find_changes
from .meetings import find_meetings
from .mentions import find_mentions
from .persons import resolve_persons
from .places import locate


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article], object]
    requires: tuple[str, ...]
    assigns: str


STAGES: tuple[Stage, ...] = (
    Stage("places", locate, ("sentences",), "context"),
    Stage("mentions", find_mentions, ("sentences",), "mentions"),
    Stage("persons", resolve_persons, ("mentions", "context"), "persons"),
    Stage("meetings", find_meetings, ("persons", "context"), "meetings"),
    Stage("changes", find_changes, ("persons", "meetings", "context"), "changes"),
)


class StageError(VnkgError):
    exit_code = 1


def run_stages(article: Article, stages: tuple[Stage, ...] = STAGES) -> Article:
    """Run every stage over `article` in order; returns the same article, filled in.

    >>> article = run_stages(parse_article("a1", "Đồng chí Lương Thị Hoa, Bí thư Huyện ủy Như Xuân dự hội nghị."))
    >>> [p.name for p in article.persons]
    ['Lương Thị Hoa']
    """
    done = {"sentences"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in done]
        if missing:
            raise StageError(f"stage {stage.name!r} requires {missing} that no earlier stage assigns",
                             where=article.id)
        stage.run(article)
        done.add(stage.assigns)
    return article


def extract_text(article_id: str, text: str) -> Article:
    """Extract the facts of one article given as text.

    >>> article = extract_text("a1", "Sáng 12/3/2024, đồng chí Mùa A Sơn, Phó Bí thư Thường trực "
    ...                              "Tỉnh ủy Điện Biên chủ trì Hội nghị giao ban.")
    >>> [p.name for p in article.persons], [(m.type, m.date) for m in article.meetings]
    (['Mùa A Sơn'], [('BriefingConference', '2024-03-12')])
    """
    return run_stages(parse_article(article_id, text))


def extract_file(path: str | Path) -> Article:
    """Extract the facts of one article file, read as `vnkg build` reads it (an `.html`
    page through trafilatura, see `reading.sources`).

    >>> article = extract_file("seeds/003_3efc173e9c33baf7.txt")
    >>> [(m.type, m.date) for m in article.meetings]
    [('BriefingConference', '2023-12-29')]
    """
    from ..reading.sources import read_article
    return run_stages(read_article(path))
