"""A corpus: the article files named on the command line or found in folders."""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError

ARTICLE_SUFFIXES = (".txt",)


def collect_articles(inputs: list[str | Path]) -> list[Path]:
    """Article files named or found (recursively) in folders, sorted by path."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
        elif path.exists():
            found.append(path)
        else:
            raise UsageError("no such file or folder", where=str(item))
    return sorted(set(found), key=lambda p: (p.stem, str(p)))
