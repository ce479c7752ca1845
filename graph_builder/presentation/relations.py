"""The graph's facts as DuckDB relations, read from Oxigraph: the raw material of the
analysis tables (`tables`) and of the FollowTheMoney entities (`ftm`).

Oxigraph writes the results of simple SPARQL queries as CSV itself; DuckDB reads that CSV
in parallel and does every join (a fact to its evidence, a post to its body and place) as
a hash join. Nothing passes through Python row by row. Oxigraph's cost is a string lookup
for each IRI or long text it writes and an index seek for each value it looks up from a
node (a few microseconds each), so:

- the many facts (holdings, participations, their evidence) are read a property at a
  time, `?s P ?o` over the property's index in order, which costs less than looking each
  value up from its fact, though it writes the fact's IRI once per property;
- the kinds with fewer, wider rows (articles, meetings, posts, bodies, places) are read by
  one query of single-pattern OPTIONALs from the node, each value looked up once;
- the queries run on two threads (Oxigraph releases the GIL), the slowest first.

A graph file's dataset (rdflib) is first copied into an in-memory Oxigraph store, so
both sources give the same relations.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from ..errors import UsageError, VnkgError


def _kind(cls: str) -> tuple[tuple[str, ...], str]:
    return ("s",), f"SELECT ?s WHERE {{ ?s a {cls} }}"


def _scan(path: str) -> tuple[tuple[str, ...], str]:
    return ("s", "o"), f"SELECT ?s ?o WHERE {{ ?s {path} ?o }}"


# Name -> (columns, query). Every column is read as text; `tables` types them. A node
# missing a property gives an empty (NULL) cell; a property with two values gives two
# rows, which `tables` reduces to one.
RAW: dict[str, tuple[tuple[str, ...], str]] = {
    "articles": (("a", "id", "headline", "byline", "published", "hash", "dateline"), """
        SELECT ?a ?id ?headline ?byline ?published ?hash ?dateline WHERE {
          ?a a vnkg:Article .
          OPTIONAL { ?a vnkg:identifier ?id } OPTIONAL { ?a schema:headline ?headline }
          OPTIONAL { ?a vnkg:byline ?byline } OPTIONAL { ?a schema:datePublished ?published }
          OPTIONAL { ?a vnkg:contentHash ?hash } OPTIONAL { ?a vnkg:datelineProvince ?dateline } }"""),
    # a web page's URLs and outlets (an article republished at several has each)
    "urls": (("a", "url"), """
        SELECT ?a ?url WHERE { ?a a vnkg:Article ; schema:url ?url }"""),
    "outlets": (("a", "name"), """
        SELECT ?a ?name WHERE { ?a a vnkg:Article ; schema:publisher ?o . ?o schema:name ?name }"""),
    "persons": (("p", "name"), """
        SELECT ?p ?name WHERE { ?p a vnkg:Person . OPTIONAL { ?p vnkg:name ?name } }"""),
    "mentions": (("p", "a"), """
        SELECT ?p ?a WHERE { ?p vnkg:mentionedIn ?a }"""),
    "localities": (("l", "name", "level", "parent"), """
        SELECT ?l ?name ?level ?parent WHERE {
          ?l a vnkg:Locality .
          OPTIONAL { ?l vnkg:name ?name } OPTIONAL { ?l vnkg:level ?level }
          OPTIONAL { ?l schema:containedInPlace ?parent } }"""),
    "organisations": (("o", "name", "kind", "locality", "parent"), """
        SELECT ?o ?name ?kind ?locality ?parent WHERE {
          ?o a vnkg:Organisation .
          OPTIONAL { ?o vnkg:name ?name } OPTIONAL { ?o vnkg:organisationKind ?kind }
          OPTIONAL { ?o vnkg:governs ?locality } OPTIONAL { ?o org:subOrganizationOf ?parent } }"""),
    "positions": (("pos", "title", "role", "o"), """
        SELECT ?pos ?title ?role ?o WHERE {
          ?pos a vnkg:Position .
          OPTIONAL { ?pos vnkg:title ?title } OPTIONAL { ?pos vnkg:roleName ?role }
          OPTIONAL { ?pos org:postIn ?o } }"""),
    # A fact's article is its evidence's source (below): the shapes require evidence on
    # every meeting, holding and participation, and the evidence sentences are fewer than
    # the facts quoting them, so each article IRI is read a third as often.
    # A holding's body (org:organization) is its post's (org:postIn), read with the post.
    "meetings": (("m", "label", "type", "date", "time", "online", "locality", "province", "chair"), """
        SELECT ?m ?label ?type ?date ?time ?online ?locality ?province ?chair WHERE {
          ?m a vnkg:Meeting .
          OPTIONAL { ?m rdfs:label ?label } OPTIONAL { ?m vnkg:meetingType ?type }
          OPTIONAL { ?m vnkg:date ?date } OPTIONAL { ?m vnkg:timeOfDay ?time }
          OPTIONAL { ?m vnkg:online ?online } OPTIONAL { ?m vnkg:locality ?locality }
          OPTIONAL { ?m vnkg:province ?province } OPTIONAL { ?m vnkg:chair ?chair } }"""),
    # A holding's body (org:organization) is its post's (org:postIn), read with the post.
    "holding_ids": _kind("vnkg:PositionHolding"),
    "holders": _scan("vnkg:holder"),
    "holding_posts": _scan("vnkg:position"),
    "statuses": _scan("vnkg:status/skos:notation"),
    "attested": _scan("vnkg:attestedOn"),
    "term_starts": _scan("vnkg:termStart"),
    "term_ends": _scan("vnkg:termEnd"),
    "changes": (("c", "p", "pos", "kind", "date", "decided_by", "measure", "meeting", "acting"), """
        SELECT ?c ?p ?pos ?kind ?date ?decided_by ?measure ?meeting ?acting WHERE {
          ?c a vnkg:PostChange .
          OPTIONAL { ?c vnkg:changedPerson ?p } OPTIONAL { ?c vnkg:changedPosition ?pos }
          OPTIONAL { ?c vnkg:changeKind ?kind } OPTIONAL { ?c vnkg:changeDate ?date }
          OPTIONAL { ?c vnkg:decidedBy ?decided_by } OPTIONAL { ?c vnkg:disciplineMeasure ?measure }
          OPTIONAL { ?c vnkg:madeAt ?meeting } OPTIONAL { ?c vnkg:acting ?acting } }"""),
    "participation_ids": _kind("vnkg:Participation"),
    "participants": _scan("vnkg:participant"),
    "participation_meetings": _scan("vnkg:meeting"),
    "roles": _scan("vnkg:role/skos:notation"),
    # The evidence of every fact. A fact's article is its evidence's source (below): the
    # shapes require evidence on every meeting, holding and participation, and the
    # evidence sentences are fewer than the facts quoting them.
    "evidence": _scan("vnkg:evidence"),
    "organisers": (("m", "o"), """
        SELECT ?m ?o WHERE { ?m a vnkg:Meeting ; vnkg:organiser ?o }"""),
    # Each evidence node has a source (its article), a position selector (offsets) and a
    # quote selector (text), read apart: scanning a property costs less than looking it
    # up from each node, and one pattern joining both selectors would try each as either.
    "sources": (("e", "a"), """
        SELECT ?e ?a WHERE { ?e oa:hasSource ?a }"""),
    "offsets": (("e", "start", "end"), """
        SELECT ?e ?start ?end WHERE { ?e oa:hasSelector ?s . ?s oa:start ?start ; oa:end ?end }"""),
    "quotes": (("e", "quote"), """
        SELECT ?e ?quote WHERE { ?e oa:hasSelector ?s . ?s oa:exact ?quote }"""),
    # The concepts facts point to (a meeting type, a body's kind, a level): their code and
    # Vietnamese label, from the vocabulary graph every build carries.
    "concepts": (("c", "code", "label"), """
        SELECT ?c ?code ?label WHERE {
          ?c skos:notation ?code .
          OPTIONAL { ?c skos:prefLabel ?label FILTER(LANG(?label) = "vi") } }"""),
}

# The slowest first, so that the two threads finish together.
_ORDER = ("evidence", "offsets", "quotes", "meetings", "articles", "statuses", "holders", "holding_posts",
          "attested", "roles", "mentions", "participants", "participation_meetings", "sources", "holding_ids",
          "positions", "participation_ids", "organisations", "organisers", "persons", "localities", "concepts",
          "changes", "term_starts", "term_ends", "urls", "outlets")

# The facts read a property at a time, put back together: one row per fact and value.
FACTS = {
    "holdings": """
        SELECT f.s AS h, p.o AS p, pos.o AS pos, st.o AS status, att.o AS attested, ts.o AS term_start,
               te.o AS term_end, e.o AS e
        FROM raw_holding_ids AS f LEFT JOIN raw_holders AS p USING (s) LEFT JOIN raw_holding_posts AS pos USING (s)
        LEFT JOIN raw_statuses AS st USING (s) LEFT JOIN raw_attested AS att USING (s)
        LEFT JOIN raw_term_starts AS ts USING (s) LEFT JOIN raw_term_ends AS te USING (s)
        LEFT JOIN raw_evidence AS e USING (s)""",
    "participations": """
        SELECT f.s AS x, p.o AS p, m.o AS m, r.o AS role, e.o AS e
        FROM raw_participation_ids AS f LEFT JOIN raw_participants AS p USING (s)
        LEFT JOIN raw_participation_meetings AS m USING (s) LEFT JOIN raw_roles AS r USING (s)
        LEFT JOIN raw_evidence AS e USING (s)""",
    "meeting_facts": """
        SELECT m.*, e.o AS e FROM raw_meetings AS m LEFT JOIN raw_evidence AS e ON e.s = m.m""",
    "change_facts": """
        SELECT c.*, e.o AS e FROM raw_changes AS c LEFT JOIN raw_evidence AS e ON e.s = c.c""",
}
# What FACTS are made of, dropped once they are made.
_PARTS = ("holding_ids", "holders", "holding_posts", "statuses", "attested", "participation_ids", "participants",
          "participation_meetings", "roles", "evidence", "meetings", "changes", "term_starts", "term_ends")


def open_source(source) -> ox.Store:
    """The Oxigraph store to read: the on-disk store at a path, or an in-memory copy of
    an rdflib dataset or graph (every graph merged, as the store's default graph is)."""
    if isinstance(source, (str, Path)):
        from ..storage.store import open_store
        return open_store(source, read_only=True)
    quads = getattr(source, "quads", None)
    if quads is None:
        raise UsageError(f"cannot export a {type(source).__name__}",
                         hint="give a dataset from load_graph or the path of a store")
    from ..model.oxterms import to_ox
    store = ox.Store()
    default = ox.DefaultGraph()
    # One quad per distinct triple: a dataset built with one graph per article restates
    # shared nodes (a place's name) in each.
    triples = {(s, p, o) for s, p, o, _ in quads((None, None, None, None))}
    store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), default) for s, p, o in triples)
    return store


def load_relations(source, con, folder: str | Path) -> None:
    """Read the graph (see `open_source`) into the DuckDB connection `con` as tables
    `raw_<name>`: `raw_holdings`, `raw_participations`, `raw_meeting_facts` and
    `raw_change_facts` (each fact with its evidence), put together from the queries of `RAW`, and one for each
    other query (by way of CSV files in `folder`)."""
    from ..model.rdf import PREFIXES
    store = open_source(source)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

    def run(name: str) -> Path:
        path = Path(folder) / f"{name}.csv"
        solutions = store.query(RAW[name][1], prefixes=prefixes)
        solutions.serialize(str(path), format=ox.QueryResultsFormat.CSV)
        return path

    names = [*_ORDER, *(name for name in RAW if name not in _ORDER)]
    try:
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix="vnkg-relations") as pool:
            paths = dict(zip(names, pool.map(run, names)))
    except OSError as exc:
        raise VnkgError(f"cannot write temporary files ({exc.strerror or exc})", where=str(folder),
                        hint="free some disk space there") from None
    for name in RAW:
        columns = ", ".join(f"'{column}': 'VARCHAR'" for column in RAW[name][0])
        con.execute(f"CREATE TABLE raw_{name} AS SELECT * FROM read_csv(?, header = true, auto_detect = false, "
                    f"delim = ',', quote = '\"', escape = '\"', columns = {{{columns}}})", [str(paths[name])])
        paths[name].unlink()
    for name, sql in FACTS.items():
        con.execute(f"CREATE TABLE raw_{name} AS {sql}")
    for name in _PARTS:
        con.execute(f"DROP TABLE raw_{name}")
