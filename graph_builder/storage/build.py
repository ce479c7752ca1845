"""One path for every build: scan the inputs -> extract (in parallel) -> admit each
outcome -> hand it to a sink.

A sink is where the graph goes: `files.GraphSink` (an in-memory dataset, then one graph
file) or `store.StoreSink` (the on-disk Oxigraph store, incremental). Everything else,
the corpus scan, file-name checks, shards, `--jobs`, duplicate identifiers, unchanged
articles and the report, is written once, here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..reading.corpus import scan_corpus
from ..reading.sources import Entry, list_entries
from .duplicates import Duplicates
from .parallel import Outcome, Progress, addition, extract_outcomes, select_shard


@dataclass
class BuildReport:
    """What a build read, skipped and warned about. A graph build carries its `dataset`;
    a store build is a `StoreReport`."""
    dataset: object | None = None                             # rdflib Dataset of a graph build
    read: list[str] = field(default_factory=list)             # extracted (new or changed)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[str] = field(default_factory=list)
    unchanged: int = 0                                        # stored already, not extracted
    triples: int = 0                                          # distinct triples after
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)   # (page, kept id, how)
    identity: object | None = None                            # the persons resolved (resolution.Resolution)

    def skip_reasons(self) -> dict[str, int]:
        """How many files were skipped for each kind of reason ("empty file": 2, ...),
        most frequent first: a reason's kind is its text before any parenthesis."""
        counts: dict[str, int] = {}
        for _, reason in self.skipped:
            kind = reason.split(" (")[0]
            counts[kind] = counts.get(kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def _warning_count(self) -> str:
        return f"{len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}"

    def summary(self) -> str:
        """One line: read, skipped and why, warnings, triples."""
        why = ", ".join(f"{count} {kind}" for kind, count in self.skip_reasons().items())
        return (f"{len(self.read)} articles read, {len(self.skipped)} skipped"
                f"{f' ({why})' if why else ''}{self._duplicate_count()}, {self._warning_count()}; "
                f"{self.triples} triples")

    def _duplicate_count(self) -> str:
        """`, 3 duplicates (1 near)`: pages kept as another article's URL; nothing if none."""
        if not self.duplicates:
            return ""
        near = sum(1 for *_, how in self.duplicates if how == "near")
        return (f", {len(self.duplicates)} duplicate{'' if len(self.duplicates) == 1 else 's'}"
                f"{f' ({near} near)' if near else ''}")


@dataclass
class StoreReport(BuildReport):
    """What an incremental build into a store did."""
    store: str = ""
    reextracted: bool = False                                 # the extractor changed: all redone
    removed: list[str] = field(default_factory=list)          # article ids whose graph went
    articles: int = 0                                         # article graphs in the store after

    def summary(self) -> str:
        """One line: what was extracted, kept, removed and skipped; the store's size."""
        redo = " (the extractor changed: all re-extracted)" if self.reextracted else ""
        return (f"{len(self.read)} articles extracted{redo}, {self.unchanged} unchanged, "
                f"{len(self.removed)} removed, {len(self.skipped)} skipped{self._duplicate_count()}, "
                f"{self._warning_count()}; "
                f"{self.articles} articles, {self.triples} triples in the store")


class Sink(Protocol):
    """Where a build's articles go. `known` is asked once, before extraction starts:
    article identifier -> content hash of what the sink already holds (an article whose
    file still has that hash is not extracted again). `add` takes each new or changed
    article; `finish` runs once all are added (`seen`: every admitted identifier);
    `close` always runs, last."""
    as_nquads: bool

    def known(self) -> dict[str, str]: ...
    def add(self, outcome: Outcome) -> None: ...
    def finish(self, seen: dict[str, Path], shard: tuple[int, int] | None) -> None: ...
    def close(self) -> None: ...


def run_build(inputs: list[str | Path], sink: Sink, report: BuildReport, *, jobs: int = 1,
              shard: tuple[int, int] | None = None, progress: Progress | None = None) -> BuildReport:
    """Extract the articles under `inputs` (`jobs` processes, the `shard` slice) into
    `sink`, recording in `report` what was read, skipped and warned about."""
    try:
        entries = select_shard(screen_corpus(inputs, report), shard)
        seen: dict[str, str] = {}
        duplicates = Duplicates()
        for outcome in extract_outcomes(entries, jobs, sink.known(), as_nquads=sink.as_nquads,
                                        progress=progress):
            path = admit(report, seen, outcome)
            if path is None:
                continue
            original = duplicates.original(outcome)
            if original is not None:
                # one article with both URLs: the first page's, with this one's URL added
                del seen[outcome.article_id]
                report.duplicates.append((outcome.path, *original))
                sink.add(addition(original[0], outcome, sink.as_nquads))
                continue
            if outcome.unchanged:
                report.unchanged += 1
                continue
            sink.add(outcome)
            record(report, path, outcome)
        sink.finish(seen, shard)
    finally:
        sink.close()
    return report


def build_graph(inputs: list[str | Path], *, jobs: int = 1, shard: tuple[int, int] | None = None,
                progress: Progress | None = None, identity: str | Path | None = None) -> BuildReport:
    """Extract every article under `inputs` into a dataset, one named graph per article.

    A file that cannot be read is skipped with its reason; the rest still builds. `jobs`
    processes extract in parallel (the result does not depend on it); `shard` (I, N)
    keeps only the I-th of N deterministic slices of the corpus. Namesakes are resolved
    into persons from their posts, honouring the judgements file `identity` (see README:
    Identity).

    >>> report = build_graph(["seeds"])
    >>> len(report.read), report.triples > 0
    (5, True)
    """
    from ..resolution.judgements import read_judgements
    from .files import GraphSink
    judgements = read_judgements(identity)
    report = BuildReport()
    return run_build(inputs, GraphSink(report, judgements), report, jobs=jobs, shard=shard, progress=progress)


def build_store(inputs: list[str | Path], store_path: str | Path, *, jobs: int = 1,
                shard: tuple[int, int] | None = None, progress: Progress | None = None,
                identity: str | Path | None = None) -> StoreReport:
    """Bring the store at `store_path` up to date with the articles under `inputs`.

    Only new and changed files are extracted. Stored articles whose file is gone are
    removed; with `shard`, only articles of that shard are considered, so the N shards
    can be built one after another into the same store (or into N stores and merged).
    Persons are resolved again only in the blocks of namesakes whose articles or
    judgements (`identity`) changed.

    >>> report = build_store(["seeds"], "/tmp/seeds.db")   # doctest: +SKIP
    >>> report.articles                                     # doctest: +SKIP
    5
    """
    from ..resolution.judgements import read_judgements
    from .store import StoreSink
    judgements = read_judgements(identity)
    report = StoreReport(store=str(store_path))
    return run_build(inputs, StoreSink(store_path, report, judgements), report, jobs=jobs, shard=shard,
                     progress=progress)


def screen_corpus(inputs: list[str | Path], report: BuildReport) -> list[Entry]:
    """The articles under `inputs` (a WARC or JSON lines file holds many); folders that
    could not be walked become warnings, files whose name cannot be an identifier and
    damaged records or lines are skipped with the reason."""
    corpus = scan_corpus(inputs)
    # a folder that could not be walked (a symlink loop, a broken link) holds no article
    report.warnings.extend(f"{path}: {reason}" for path, reason in corpus.problems)
    entries: list[Entry] = []
    for path in corpus.files:
        problem = _name_problem(path)
        if problem:
            report.skipped.append((str(path), problem))
            continue
        found, problems = list_entries(path)
        report.skipped.extend(problems)
        entries.extend(found)
    return entries


def _name_problem(path: Path) -> str | None:
    """A file name that cannot be an article identifier (it becomes part of IRIs)."""
    try:
        path.stem.encode("utf-8")
    except UnicodeEncodeError:
        return "file name is not valid UTF-8 (rename the file)"
    return None


def admit(report: BuildReport, seen: dict[str, str], outcome: Outcome) -> str | None:
    """Where the article of an extraction outcome is (its file, or its page in a file), or
    None (then skipped with its reason: it failed, or another article has the same
    identifier)."""
    path, article_id = outcome.path, outcome.article_id
    if article_id in seen:
        report.skipped.append((str(path), f"duplicate article identifier ({article_id!r}, also {seen[article_id]})"))
        return None
    if outcome.error is not None:
        report.skipped.append((str(path), outcome.error))
        return None
    seen[article_id] = path
    return path


def record(report: BuildReport, path: str, outcome: Outcome) -> None:
    """Count an extracted article and its warnings (`no person found`, …)."""
    report.read.append(str(path))
    report.warnings.extend(f"{path}: {warning}" for warning in outcome.warnings)
    missing = [what for what, absent in (("person", not outcome.persons),
                                         ("meeting", not outcome.meetings)) if absent]
    if missing:
        report.warnings.append(f"{path}: no {' and no '.join(missing)} found")
