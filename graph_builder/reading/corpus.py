"""A corpus: the article files named on the command line or found in folders.

Folders are walked recursively, following symbolic links to folders but never into a
folder already visited (a link to a parent would otherwise loop forever). What cannot be
walked (a symlink loop, a broken link, an unreadable folder) is reported, not skipped
silently. Hidden files and folders (`.git`, `.DS_Store`, editor backups) are not articles.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# files that hold many articles (see `sources`)
SOURCE_SUFFIXES = (".warc", ".warc.gz", ".jsonl")


def is_article_file(path: Path) -> bool:
    """A file a folder's walk takes: an article, a WARC or a JSON lines file."""
    name = path.name.lower()
    return path.suffix.lower() in ARTICLE_SUFFIXES or name.endswith(SOURCE_SUFFIXES)


@dataclass
class Corpus:
    """The article files found (sorted by identifier, then path), and the paths that could
    not be looked at, each with its reason."""
    files: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)   # (path, reason)


def collect_articles(inputs: list[str | Path]) -> list[Path]:
    """Article files named or found (recursively) in folders, sorted by path."""
    return scan_corpus(inputs).files


def scan_corpus(inputs: list[str | Path]) -> Corpus:
    """Article files named or found (recursively) in folders, and what could not be
    walked. A named file is taken whatever its extension; in folders only .txt, .html,
    .htm, .warc, .warc.gz and .jsonl files count. A name that does not exist is a UsageError."""
    corpus = Corpus()
    found: set[Path] = set()
    visited: set[tuple[int, int]] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            _walk(path, found, visited, {}, corpus.problems)
        elif path.is_symlink() and not path.exists():
            corpus.problems.append((str(path), _broken_link(path)))
        elif path.exists():
            found.add(path)
        else:
            raise UsageError("no such file or folder", where=str(item))
    corpus.files = sorted(found, key=lambda p: (p.stem, str(p)))
    return corpus


def _walk(folder: Path, found: set[Path], visited: set[tuple[int, int]],
          ancestors: dict[tuple[int, int], Path], problems: list[tuple[str, str]]) -> None:
    """`ancestors`: the folders on the way down to this one (a link to one of them is a
    loop); `visited`: every folder walked (one reached again through another link holds
    nothing new)."""
    try:
        info = folder.stat()
    except OSError as exc:
        problems.append((str(folder), f"cannot open folder ({exc.strerror or type(exc).__name__})"))
        return
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        problems.append((str(folder), f"symlink loop (a link back to {ancestors[key]}; not followed)"))
        return
    if key in visited:
        return
    visited.add(key)
    try:
        with os.scandir(folder) as entries:
            children = sorted(entries, key=lambda e: e.name)
    except OSError as exc:
        problems.append((str(folder), f"cannot open folder ({exc.strerror or type(exc).__name__})"))
        return
    for entry in children:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()      # follows links
            is_file = entry.is_file()
        except OSError as exc:           # ELOOP: a link that points at itself
            problems.append((str(path), _broken_link(path) if exc.errno == errno.ELOOP
                             else f"cannot follow link ({exc.strerror or type(exc).__name__})"))
            continue
        if is_dir:
            _walk(path, found, visited, {**ancestors, key: folder}, problems)
        elif is_file:
            if is_article_file(path):
                found.add(path)
        elif entry.is_symlink() and is_article_file(path) or _is_link_loop(path):
            problems.append((str(path), _broken_link(path)))


def _is_link_loop(path: Path) -> bool:
    try:
        path.stat()
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _broken_link(path: Path) -> str:
    if _is_link_loop(path):
        return "symlink loop (the link leads back to itself; not followed)"
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return f"broken symlink (it points to {target}, which does not exist)"
