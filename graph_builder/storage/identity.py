"""The resolve step of a build: namesakes split into persons, and the graphs rewritten.

File builds resolve over every article before writing (`resolve_outcomes`). Store builds
keep every article's person mentions, with the IRI each has in the store, in a small
SQLite index beside the store (`vnkg-identity.sqlite`, next to RocksDB's files); an
incremental build resolves again only the blocks (folded name, lineage province) whose
mentions changed (new, changed and removed articles) or that a changed judgement names,
reading their other mentions from the index, and rewrites only the article graphs whose
person IRIs changed, and those blocks' identity graphs.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..resolution.graph import block_triples, identity_graph
from ..resolution.judgements import Judgement, Ref
from ..resolution.mentions import PersonMention
from ..resolution.resolver import Resolution, emitted_iri, resolve

INDEX = "vnkg-identity.sqlite"


def mention_rows(mentions: list[PersonMention]) -> list[tuple[str, str, str, str, str]]:
    """An article's mentions as the index stores them: (article, name, block, the IRI the
    worker gave, the mention as JSON); mentions with no province are their own persons."""
    return [(m.article, m.name, m.block, emitted_iri(m), json.dumps(m.to_json(), ensure_ascii=False))
            for m in mentions if m.block]


def read_rows(rows) -> list[PersonMention]:
    return [PersonMention.from_json(json.loads(row[4])) for row in rows]


def renames(resolution: Resolution, current: dict[tuple[str, str], str]) -> dict[str, dict[str, str]]:
    """Article -> {IRI it holds: IRI it should hold}, for the mentions whose person changed."""
    changes: dict[str, dict[str, str]] = {}
    for key, iri in resolution.iris.items():
        held = current.get(key)
        if held is not None and held != iri:
            changes.setdefault(key[0], {})[held] = iri
    return changes


def resolve_outcomes(mentions: list[PersonMention], judgements: list[Judgement]
                     ) -> tuple[Resolution, dict[str, dict[str, str]]]:
    """A file build's resolution over all its mentions, and the renames it asks for."""
    resolution = resolve(mentions, judgements)
    current = {m.key: emitted_iri(m) for m in mentions if m.block}
    return resolution, renames(resolution, current)


class MentionIndex:
    """Every stored article's person mentions, by block, with the IRI each holds now, and
    the judgements the store's last build applied."""

    def __init__(self, store_path: str | Path):
        self.db = sqlite3.connect(str(Path(store_path) / INDEX))
        self.db.execute("CREATE TABLE IF NOT EXISTS mention (article TEXT, name TEXT, block TEXT, "
                        "iri TEXT, data TEXT, PRIMARY KEY (article, name))")
        self.db.execute("CREATE INDEX IF NOT EXISTS mention_block ON mention (block)")
        self.db.execute("CREATE INDEX IF NOT EXISTS mention_iri ON mention (iri)")
        self.db.execute("CREATE TABLE IF NOT EXISTS judgement (key TEXT PRIMARY KEY, data TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        self.empty = self.db.execute("SELECT 1 FROM mention LIMIT 1").fetchone() is None
        self.affected: set[str] = set()
        self.pending: list[tuple] = []

    def built_by(self) -> str | None:
        """The extractor fingerprint of the build that last completed this index (a store
        whose index is missing or from another build is extracted again)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'extractor'").fetchone()
        return row[0] if row else None

    def clear(self) -> None:
        for table in ("mention", "judgement", "meta"):
            self.db.execute(f"DELETE FROM {table}")
        self.empty = True

    def replace(self, article: str, rows: list[tuple]) -> None:
        """An article's mentions now (new or changed; `mention_rows`), stored in batches."""
        if not self.empty:
            self.flush()
            self.remove(article)
        self.pending.extend(map(tuple, rows))
        self.affected.update(row[2] for row in rows)
        if len(self.pending) >= 20000:
            self.flush()

    def flush(self) -> None:
        self.db.executemany("INSERT OR REPLACE INTO mention VALUES (?, ?, ?, ?, ?)", self.pending)
        self.pending.clear()

    def remove(self, article: str) -> None:
        self.flush()
        self.affected.update(b for (b,) in self.db.execute("SELECT block FROM mention WHERE article = ?", (article,)))
        self.db.execute("DELETE FROM mention WHERE article = ?", (article,))

    def block_of(self, ref: Ref) -> str | None:
        self.flush()
        if ref.person:
            row = self.db.execute("SELECT block FROM mention WHERE iri = ? LIMIT 1", (ref.person,)).fetchone()
        else:
            row = self.db.execute("SELECT block FROM mention WHERE article = ? AND name = ?",
                                  (ref.article, ref.name)).fetchone()
        return row[0] if row else None

    def judged(self, judgements: list[Judgement]) -> None:
        """The blocks of the judgements added or withdrawn since the last build."""
        stored = {key: json.loads(data) for key, data in self.db.execute("SELECT key, data FROM judgement")}
        now = {j.key: j for j in judgements}
        changed = [Ref(**stored[key]["a"]) for key in stored.keys() - now.keys()] + \
                  [Ref(**stored[key]["b"]) for key in stored.keys() - now.keys()] + \
                  [ref for key in now.keys() - stored.keys() for ref in (now[key].a, now[key].b)]
        self.affected.update(b for b in (self.block_of(ref) for ref in changed) if b)
        self.db.execute("DELETE FROM judgement")
        self.db.executemany("INSERT INTO judgement VALUES (?, ?)",
                            [(j.key, json.dumps({"a": vars(j.a), "b": vars(j.b)}, ensure_ascii=False))
                             for j in judgements])

    def resolve(self, judgements: list[Judgement]) -> tuple[Resolution, dict[str, dict[str, str]]]:
        """Resolve the affected blocks again; the index learns the new IRIs."""
        self.flush()
        blocks = sorted(self.affected)
        mentions, current = [], {}
        for start in range(0, len(blocks), 500):
            chunk = blocks[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for iri, data in self.db.execute(f"SELECT iri, data FROM mention WHERE block IN ({marks})", chunk):
                mention = PersonMention.from_json(json.loads(data))
                mentions.append(mention)
                current[mention.key] = iri
        previous = {}
        for judgement in judgements:
            for ref in (judgement.a, judgement.b):
                if ref.person:
                    block = self.block_of(ref)
                    if block:
                        previous[ref.person] = block
        resolution = resolve(mentions, judgements, previous)
        resolution.blocks.update(blocks)
        changes = renames(resolution, current)
        self.db.executemany("UPDATE mention SET iri = ? WHERE article = ? AND name = ?",
                            [(iri, *key) for key, iri in resolution.iris.items() if current.get(key) != iri])
        return resolution, changes

    def commit(self, fingerprint: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('extractor', ?)", (fingerprint,))
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def rewrite_plan(store, resolution: Resolution, changes: dict[str, dict[str, str]]):
    """What a store build rewrites: in each article graph whose person IRIs changed, the
    quads naming an old IRI (removed) and the same with the new one (added, to the graph
    and to the merge); the identity graphs of the blocks resolved (removed, then their new
    N-Quads with their share of the merge)."""
    import pyoxigraph as ox
    from ..model.oxterms import nquads
    from ..model.rdf import graph_iri
    default = ox.DefaultGraph()
    removed, added = [], []
    for article, names in sorted(changes.items()):
        graph = ox.NamedNode(str(graph_iri(article)))
        for old, new in sorted(names.items()):
            old_node, new_node = ox.NamedNode(old), ox.NamedNode(new)
            found = list(store.quads_for_pattern(old_node, None, None, graph)) + \
                [q for q in store.quads_for_pattern(None, None, old_node, graph) if q.subject != old_node]
            for q in found:
                s, o = new_node if q.subject == old_node else q.subject, new_node if q.object == old_node else q.object
                removed.append(q)
                added += [ox.Quad(s, q.predicate, o, graph), ox.Quad(s, q.predicate, o, default)]
    explained = block_triples(resolution)
    drop, data = [], []
    for block in sorted(resolution.blocks):
        graph = identity_graph(block)
        if store.contains_named_graph(ox.NamedNode(str(graph))):
            drop.append(ox.NamedNode(str(graph)))
        if block in explained:
            data.extend(nquads(explained[block], graph))
    return removed, added, drop, b"".join(data)
