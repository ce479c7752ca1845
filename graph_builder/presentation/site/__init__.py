"""The graph as a static site (`vnkg site`): a page for every person, body, place, meeting
and article, an index with a search over all of them, and a small interactive graph
around each person. The folder works from file:// and from any static host, offline.

Reading: the triples once (`model`), the filters and reverse links (`facts`), each
page's content (`views`), its file (`render`), the person graphs (`graph`).
Writing is incremental: a page whose bytes are unchanged is not rewritten, so a rebuild
after adding articles touches only the pages those articles change; the files a build
writes are listed in `vnkg-site.txt`, and the next build removes those it no longer makes.
With several jobs, forked processes render and write a share of the pages each.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import UsageError, VnkgError
from ...text import ascii_fold, fold
from ..network import vi_date
from .facts import dated, relate, select
from .graph import PersonGraphs, vis_network_js
from .model import build_site_graph, read_triples
from .render import asset, file_name, render
from .views import KIND_LABELS, Views

MANIFEST = "vnkg-site.txt"
LISTS = {"person": "persons.html", "body": "bodies.html", "place": "places.html", "meeting": "meetings.html",
         "article": "articles.html"}
_OWN = re.compile(r"(?:(?:person|org|place|meeting|article|graph)/[a-z0-9][a-z0-9_.-]*\.html|[a-z-]+\.(?:html|js)"
                  r"|assets/[a-z.-]+)")


@dataclass
class SiteReport:
    """What `build_site` made: pages per kind, and how many files it wrote, left as they
    were (same bytes) and removed (made by the previous build, not by this one)."""
    out: str
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0

    def summary(self) -> str:
        """One line: the pages of each kind, and what was written."""
        kinds = ", ".join(f"{self.counts.get(k, 0)} {name}" for k, name in
                          (("person", "people"), ("body", "bodies"), ("place", "places"),
                           ("meeting", "meetings"), ("article", "articles")))
        return (f"{kinds}; {self.files} files ({self.written} written, {self.unchanged} unchanged, "
                f"{self.removed} removed)")


class _Site:
    """Everything a page needs, made once before rendering (and shared with forked workers)."""

    def __init__(self, source, filters: dict):
        triples = read_triples(source)
        self.graph = select(build_site_graph(triples), **filters)
        self.views = Views(self.graph, relate(self.graph))
        self.graphs = PersonGraphs(triples, self.graph)
        self.filters = [f"--{k} {v}" for k, v in filters.items() if v is not None]
        self.listed: dict[str, list] = {}

    def jobs(self) -> list[tuple[str, str, str | None]]:
        """(file, kind, IRI) of every file of the site, in a fixed order."""
        jobs = [("assets/site.css", "asset", "site.css"), ("assets/search.js", "asset", "search.js"),
                ("assets/vis-network.min.js", "asset", None), ("search-index.js", "search", None),
                ("index.html", "index", None)]
        jobs += [(name, "list", kind) for kind, name in LISTS.items()]
        for kind, table in self.views.tables.items():
            jobs += [(file_name(kind, iri), kind, iri) for iri in sorted(table)]
        jobs += [(file_name("graph", iri), "graph", iri) for iri in sorted(self.graph.persons)]
        return jobs

    def render(self, kind: str, iri: str | None) -> bytes | None:
        v = self.views
        if kind == "asset":
            return asset(iri) if iri else vis_network_js()
        if kind == "graph":
            return self.graphs.page(iri, f"Mạng lưới quanh {self.graph.persons[iri].name}")
        if kind == "search":
            return self.search_index()
        if kind == "index":
            return render("index.html", root="", kind="index", name="Đồ thị cán bộ, cơ quan và cuộc họp địa phương",
                          filters=self.filters, facts={"holdings": len(self.graph.holdings),
                                                       "participations": len(self.graph.participations),
                                                       "evidence": len(self.graph.evidence)},
                          counts=[{"label": KIND_LABELS[k], "count": len(v.tables[k]), "href": name}
                                  for k, name in LISTS.items()])
        if kind == "list":
            items = [{"text": text, "href": href, "hint": hint} for _, text, href, hint in self.entries(iri)]
            return render("list.html", root="", kind="list", name=KIND_LABELS[iri], items=items)
        return render(f"{kind}.html", root="../", **getattr(v, kind)(iri))

    def entries(self, kind: str) -> list[tuple[str, str, str, str]]:
        """(kind, label, file, hint) of every node of a kind, in the order lists show them:
        meetings by date, articles by publication, the others by name."""
        if kind in self.listed:
            return self.listed[kind]
        v, g = self.views, self.graph
        keyed = []
        for iri in v.tables[kind]:
            entry = (kind, v.name(kind, iri), file_name(kind, iri), self.hint(kind, iri))
            if kind == "meeting":
                key = v.meeting_sort(iri)
            elif kind == "article":
                key = (g.articles[iri].published, g.articles[iri].ident, iri)
            else:
                # Vietnamese order, roughly: Đ with D, letters before their accented forms
                key = (ascii_fold(fold(entry[1])), fold(entry[1]), entry[1], iri)
            keyed.append((key, entry))
        self.listed[kind] = [entry for _, entry in sorted(keyed)]
        return self.listed[kind]

    def hint(self, kind: str, iri: str) -> str:
        v, g = self.views, self.graph
        if kind == "person":
            current = [g.holdings[h] for h in v.r.holdings[iri] if g.holdings[h].status in ("current", "acting")
                       and g.holdings[h].position in g.positions]
            current.sort(key=lambda h: (dated(h.date), h.date, g.positions[h.position].title), reverse=True)
            return g.positions[current[0].position].title if current else ""
        if kind == "body":
            return ", ".join(sorted(g.places[p].label for p in g.bodies[iri].places if p in g.places))
        if kind == "place":
            place = g.places[iri]
            parents = [g.places[p].label for p in place.parents if p in g.places]
            return " · ".join(x for x in (place.division, *parents) if x)
        if kind == "meeting":
            return vi_date(g.meetings[iri].date) if g.meetings[iri].date else ""
        article = g.articles[iri]
        return " · ".join(x for x in (article.published[:10], article.ident) if x)

    def search_index(self) -> bytes:
        entries = [list(e) for kind in LISTS for e in self.entries(kind)]
        text = json.dumps({"entries": entries}, ensure_ascii=False, separators=(",", ":"))
        # as Jinja's tojson does: no markup characters, even inside strings
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return f"window.vnkgSearch = {text};\n".encode("utf-8")


# ---- writing ---------------------------------------------------------------------------

def _write(path: Path, data: bytes) -> bool:
    """Write `data` unless the file holds it already (True when written). A page that
    changes is replaced through a temporary file and a rename, so a server never sends
    half of it; a new page is written in place (creating files is most of the cost of a
    first build, and a page cut short by an interruption differs, so the next build
    writes it again). Nothing is synced to disk file by file: a site can be made again."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return True
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return True


_SHARED: dict = {}      # the site being built, for forked workers


def _work(jobs: list[tuple[str, str, str | None]]) -> tuple[int, int, list[str]]:
    """Render and write a share of the pages: (written, unchanged, files made)."""
    site, out = _SHARED["site"], _SHARED["out"]
    written = unchanged = 0
    made = []
    for name, kind, iri in jobs:
        data = site.render(kind, iri)
        if data is None:
            continue
        made.append(name)
        if _write(out / name, data):
            written += 1
        else:
            unchanged += 1
    return written, unchanged, made


def _previous_files(out: Path) -> set[str] | None:
    """The files the previous build listed (only names it could have made), or None when
    `out` is not a site folder; refuses a non-empty folder that is not one."""
    manifest = out / MANIFEST
    if manifest.is_file():
        lines = manifest.read_text(encoding="utf-8").splitlines()
        return {line for line in lines if _OWN.fullmatch(line) and ".." not in line}
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError("the folder exists and is not a site made by `vnkg site`", where=str(out),
                         hint="name a new or empty folder, or one `vnkg site` wrote before")
    return None


def build_site(source, out, *, person: str | None = None, locality: str | None = None,
               since: str | None = None, until: str | None = None, jobs: int = 1,
               progress=None) -> SiteReport:
    """Write the static site of `source` (an rdflib Dataset, or the path of a store built
    by `vnkg build --store`) into the folder `out`; the filters keep part of the graph as
    `vnkg viz` does (a person's meetings, a place, a date range). Rewrites only the pages
    whose bytes change; `jobs` processes render them; `progress(done, total)` is called as
    pages are done. Returns what was written.

    >>> import tempfile
    >>> report = build_site(build_graph(["seeds"]).dataset, tempfile.mkdtemp(), person="Lương Thị Hoa")
    >>> report.counts["person"], report.counts["meeting"], report.removed
    (3, 1, 0)
    >>> build_site("corpus.db", "site", jobs=2).summary()      # doctest: +SKIP
    '3806 people, 3583 bodies, 739 places, 2000 meetings, 2000 articles; 15944 files (...)'
    """
    out = Path(out)
    previous = _previous_files(out)
    site = _Site(source, {"person": person, "locality": locality, "since": since, "until": until})
    report = SiteReport(str(out), counts={kind: len(table) for kind, table in site.views.tables.items()})
    try:
        _write_site(site, out, previous, report, jobs, progress)
    except OSError as exc:
        raise VnkgError(f"cannot write the site ({exc.strerror or exc})", where=str(exc.filename or out),
                        hint="check that the folder is writable") from None
    return report


def _write_site(site: _Site, out: Path, previous: set[str] | None, report: SiteReport, jobs: int,
                progress) -> None:
    work = site.jobs()
    # Listed first with everything this build may write: an interrupted build leaves a
    # folder the next build recognises as a site, and cleans.
    _write(out / MANIFEST, _listing((previous or set()) | {name for name, _, _ in work}))
    _SHARED.update(site=site, out=out)
    made: list[str] = []
    try:
        chunks = [work[i:i + 200] for i in range(0, len(work), 200)]
        for written, unchanged, files in _run(chunks, jobs, progress, len(work)):
            report.written += written
            report.unchanged += unchanged
            made += files
    finally:
        _SHARED.clear()
    for name in sorted((previous or set()) - set(made)):
        try:
            (out / name).unlink()
            report.removed += 1
        except FileNotFoundError:
            pass
    _write(out / MANIFEST, _listing(made))
    report.files = len(made)


def _listing(names) -> bytes:
    return "".join(f"{name}\n" for name in sorted(set(names))).encode("utf-8")


def _run(chunks: list, jobs: int, progress, total: int):
    import multiprocessing
    done = 0
    if "fork" not in multiprocessing.get_all_start_methods():
        jobs = 1                      # (Windows) workers could not share the site already read
    if jobs <= 1 or len(chunks) < 2:
        results = map(_work, chunks)
    else:
        # Forked workers share the site already read (copy-on-write) instead of reading it again.
        pool = multiprocessing.get_context("fork").Pool(min(jobs, len(chunks)))
        results = pool.imap(_work, chunks)
    try:
        for chunk, result in zip(chunks, results):
            done += len(chunk)
            if progress is not None:
                progress(done, total)
            yield result
    finally:
        if jobs > 1 and len(chunks) >= 2:
            pool.terminate()
