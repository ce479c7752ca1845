"""The extraction pipeline: a sequence of stages over an `Article`.

Like spaCy's components, each stage declares what it requires and assigns; the runner
checks the contract and names the stage that broke it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .article import Article, parse_article, read_article
from .errors import VnkgError
from .extract.meetings import find_meetings
from .extract.mentions import find_mentions
from .extract.persons import resolve_persons
from .extract.places import locate


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
)


class StageError(VnkgError):
    exit_code = 1


def run_stages(article: Article, stages: tuple[Stage, ...] = STAGES) -> Article:
    """Run every stage over `article` in order; returns the same article, filled in."""
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
    """Extract the facts of one article given as text."""
    return run_stages(parse_article(article_id, text))


def extract_file(path: str | Path) -> Article:
    """Extract the facts of one article file."""
    return run_stages(read_article(path))
