"""Splitting the work: extraction over several processes (`--jobs`) and a corpus over
several machines (`--shard I/N`).

Results always come back in input order, so a build with eight processes gives the same
graph, byte for byte, as a build with one. A shard is chosen by a hash of the article
identifier, never by position in a listing, so the same article lands in the same shard
whatever the folder layout or file order on each machine.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..errors import UsageError, VnkgError
from ..reading.sources import Entry
from .duplicates import text_sketch

Progress = Callable[[int, int], None]     # (articles done, articles in total)

_BATCH = 16           # articles per task: amortises the inter-process round trip
_IN_FLIGHT = 4        # tasks queued per process: bounds memory, keeps workers busy


@dataclass
class Outcome:
    """What extracting one file gave: its triples (or N-Quads bytes), or why it failed,
    or that its content hash matched the one already stored."""
    path: str
    article_id: str
    content_hash: str | None = None
    triples: list = field(default_factory=list)
    nquads: bytes = b""            # in the article's named graph
    ntriples: bytes = b""          # the same triples, for the default graph (the merge)
    error: str | None = None
    persons: int = 0
    meetings: int = 0
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False
    url: str | None = None         # a web page's URL, its outlet and its text's sketch,
    site_name: str | None = None   # for finding the same story at two URLs (`duplicates`)
    sketch: tuple | None = None     # see duplicates.text_sketch
    addition: bool = False         # more triples for an article already added (its other URL)
    # its persons, for resolution: (article, name, block, IRI given, JSON of the PersonMention),
    # made here so that the build's main process only stores them
    mentions: list = field(default_factory=list)


def default_jobs() -> int:
    """The number of cores this process may use (the default of `--jobs`).

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


# ---- shards ---------------------------------------------------------------------------

def parse_shard(text: str) -> tuple[int, int]:
    """`I/N` (1 <= I <= N) as a tuple.

    >>> parse_shard("2/4")
    (2, 4)
    """
    index, sep, count = text.partition("/")
    try:
        i, n = int(index), int(count)
    except ValueError:
        i = n = 0
    if not sep or n < 1 or not 1 <= i <= n:
        raise UsageError(f"--shard {text!r} is not I/N with 1 <= I <= N", hint="e.g. --shard 1/4 ... --shard 4/4")
    return i, n


def shard_of(article_id: str, count: int) -> int:
    """The shard (1..count) an article belongs to: a hash of its identifier."""
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(article_id: str, shard: tuple[int, int] | None) -> bool:
    return shard is None or shard_of(article_id, shard[1]) == shard[0]


def select_shard(entries: Iterable[Entry], shard: tuple[int, int] | None) -> list[Entry]:
    """The articles of one shard."""
    return [e for e in entries if in_shard(e.id, shard)]


# ---- extraction -------------------------------------------------------------------------

def _extract_one(entry: Entry, known_hash: str | None, as_nquads: bool) -> Outcome:
    from ..reading.sources import read_entry
    from ..extraction.pipeline import run_stages
    from ..model.rdf import article_triples, graph_iri
    from ..resolution.mentions import person_mentions
    from .identity import mention_rows
    path = entry.where
    try:
        article = read_entry(entry)
        digest = article.content_hash
        if known_hash is not None and digest == known_hash:
            return Outcome(path, article.id, digest, unchanged=True, url=article.url)
        run_stages(article)
        triples = article_triples(article)
        mentions = mention_rows(person_mentions(article))
    except VnkgError as exc:
        return Outcome(path, entry.id, error=exc.message)
    except Exception as exc:  # a bug in one article's extraction must not stop the corpus
        reason = f"internal error in extraction ({type(exc).__name__}: {exc}; please report it)"
        return Outcome(path, entry.id, error=reason)
    outcome = Outcome(path, article.id, digest, persons=len(article.persons), meetings=len(article.meetings),
                      warnings=list(getattr(article, "warnings", ())), url=article.url,
                      site_name=article.site_name, sketch=text_sketch(article), mentions=mentions)
    if as_nquads:
        from ..model.oxterms import nquads
        outcome.nquads, outcome.ntriples = nquads(triples, graph_iri(article.id))
    else:
        outcome.triples = triples
    return outcome


def addition(kept_id: str, outcome: Outcome, as_nquads: bool) -> Outcome:
    """An outcome adding a duplicate page's URL and outlet to the kept article's graph."""
    from ..model.rdf import graph_iri, source_triples
    triples = source_triples(kept_id, outcome.url, outcome.site_name)
    extra = Outcome(outcome.path, kept_id, addition=True)
    if as_nquads:
        from ..model.oxterms import nquads
        extra.nquads, extra.ntriples = nquads(triples, graph_iri(kept_id))
    else:
        extra.triples = triples
    return extra


def _extract_batch(batch: list[tuple[str, str | None]], as_nquads: bool) -> list[Outcome]:
    outcomes = [_extract_one(path, known, as_nquads) for path, known in batch]
    _settle_worker()
    return outcomes


_settled = False


def _settle_worker() -> None:
    """After a worker's first batch: the lexicons and the gazetteer are loaded and live as
    long as the process, so the cyclic garbage collector stops walking them (`gc.freeze`)
    and runs less often. Extraction allocates many small objects and few cycles; this
    makes it 6 to 10% faster."""
    global _settled
    if not _settled:
        import gc
        gc.collect()
        gc.freeze()
        gc.set_threshold(50_000, 50, 100)
        _settled = True


def _pool(jobs: int) -> ProcessPoolExecutor:
    # forkserver, not fork: the parent may already hold an open RocksDB store, whose
    # background threads must not be forked.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        context.set_forkserver_preload(["graph_builder.extraction.pipeline", "graph_builder.model.rdf"])
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context)


def _lost_worker(done: int, total: int) -> VnkgError:
    # A worker that dies takes its batch with it and leaves the pool unusable: killed by
    # the system (out of memory), or a script that starts a build at import time, which
    # each new worker then re-runs as it imports the caller's main module.
    return VnkgError(f"an extraction worker stopped abruptly after {done} of {total} articles; "
                     "the build stopped there", where="vnkg build",
                     hint="run it again, with fewer --jobs if memory is short (a store build then "
                          "re-extracts everything); from a Python script, call the build under "
                          "`if __name__ == \"__main__\":`")


def extract_outcomes(entries: list[Entry], jobs: int = 1, known: dict[str, str] | None = None,
                     as_nquads: bool = False, progress: Progress | None = None) -> Iterator[Outcome]:
    """Extract every article, `jobs` processes at a time, yielding outcomes in the order
    of `entries`. `known` maps article identifiers to stored content hashes: an article
    whose hash matches is reported unchanged and not extracted. Only a bounded number of
    results is held at once, so memory does not grow with the number of articles."""
    known = known or {}
    work = [(entry, known.get(entry.id)) for entry in entries]
    total, done = len(work), 0
    if jobs <= 1 or total <= _BATCH:
        for path, digest in work:
            yield _extract_one(path, digest, as_nquads)
            done += 1
            if progress:
                progress(done, total)
        return
    batches = [work[i:i + _BATCH] for i in range(0, total, _BATCH)]
    with _pool(jobs) as pool:
        pending: deque = deque()
        upcoming = iter(batches)
        for batch in upcoming:
            pending.append(pool.submit(_extract_batch, batch, as_nquads))
            if len(pending) >= jobs * _IN_FLIGHT:
                break
        while pending:
            try:
                outcomes = pending.popleft().result()
            except BrokenProcessPool:
                raise _lost_worker(done, total) from None
            following = next(upcoming, None)
            if following is not None:
                pending.append(pool.submit(_extract_batch, following, as_nquads))
            for outcome in outcomes:
                yield outcome
                done += 1
                if progress:
                    progress(done, total)
