"""The graph as FollowTheMoney entities (`vnkg export --format ftm`), one JSON object a
line, for the tools compliance and investigative teams screen politically exposed
persons with (OpenSanctions' yente and nomenklatura, Aleph, the `ftm` command).

Every entity is made by the `followthemoney` library's own model and proxies, which
clean and check each value against the schema; nothing here spells a schema out. What
becomes what:

- a person: `Person` (name, nationality `vn`, `role.pep` when they hold or held any
  post: every post vnkg reads belongs to Viet Nam's political system, the Party, the
  state, the Fatherland Front and its socio-political organisations, whose office
  holders are "cán bộ" under the Law on Cadres and Civil Servants; `position` lists the
  current titles; `proof` the articles naming them);
- a post: `Position` (the full title, country `vn`, `subnationalArea` the place its body
  governs, `organization` the body, a `gov.*` topic for its level);
- a holding: `Occupancy` (holder, post, `status` current or ended (a post a change
  of post ended is ended), `date` the date the article attests it where its year is
  known, `startDate` and `endDate` where a change of post gives the term's start or end;
  the quoted sentence as `description`; `proof` the article);
- a body: `PublicBody` for the state's (people's councils and committees, their
  departments), `Organization` for the others (the Party's committees with topic
  `pol.party`, the Fatherland Front, mass organisations), `parent` the body above;
- a meeting: `Event` (name, `date`, `location`, `organizer` the bodies holding it,
  `involved` every official present, the chair included);
- an article: `Article` (headline, byline, publication date, content hash, and for a
  web page `sourceUrl` and `publisher`, its outlet), the `proof` of the facts above.

An entity's id is `vnkg-KIND-SHA1`: KIND the IRI's kind (`person`, `position`, `org`,
`holding`, `meeting`, `article`) and SHA1 `followthemoney.util.make_entity_id` of the
vnkg IRI, so the same graph always gives the same ids, and the ids of two exports of
growing corpora agree.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import UsageError, VnkgError

_STATE = {"peoples-council": "gov.legislative", "peoples-council-standing-committee": "gov.legislative",
          "peoples-council-committee": "gov.legislative", "peoples-committee": "gov.executive",
          "government-department": "gov.executive"}
_PARTY = {"party-committee", "party-standing-committee", "party-standing-board", "party-advisory-board",
          "party-inspection-commission"}
_LEVEL = {"province": "gov.state", "district": "gov.muni", "commune": "gov.muni"}
_STATUS = {"current": "current", "acting": "current", "former": "ended"}


def entity_id(iri: str) -> str:
    """The FollowTheMoney id of a vnkg node (see the module's docstring)."""
    from followthemoney.util import make_entity_id
    kind = iri.split("/id/", 1)[-1].split("/", 1)[0]
    return f"vnkg-{kind}-{make_entity_id(iri)}"


def _ref(iri: str | None) -> str | None:
    return entity_id(iri) if iri else None


def _rows(con, sql: str):
    """The rows of `sql` as dicts, fetched a batch at a time."""
    cursor = con.execute(sql)
    columns = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(10_000):
        for row in batch:
            yield dict(zip(columns, row))


def _date(value) -> str | None:
    return value.isoformat() if value is not None else None


def _area(locality: str | None, province: str | None) -> str | None:
    if locality and province and locality != province:
        return f"{locality}, {province}"
    return locality or province


def _make(model, schema: str, iri: str, **values):
    entity = model.make_entity(schema)
    entity.id = entity_id(iri)
    for prop, value in values.items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None and item != "":
                entity.add(prop, item)
    return entity


def entities(con):
    """Every entity, made from the tables in `con` (see `tables.build_tables`), kind by
    kind and in IRI order within a kind."""
    from followthemoney import model
    for row in _rows(con, "SELECT * FROM articles ORDER BY article_iri"):
        yield _make(model, "Article", row["article_iri"], name=row["title"] or row["article"], title=row["title"],
                    author=row["byline"], publishedAt=_date(row["published_at"] or row["published"]),
                    contentHash=row["content_hash"], sourceUrl=row["url"], publisher=row["outlet"],
                    language="vie", country="vn")
    for row in _rows(con, "SELECT * FROM organisations ORDER BY organisation_iri"):
        kind = row["kind"] or ""
        topics = [_STATE.get(kind), "pol.party" if kind in _PARTY else None]
        yield _make(model, "PublicBody" if kind in _STATE else "Organization", row["organisation_iri"],
                    name=row["organisation"], country="vn", classification=row["kind_label"], topics=topics,
                    parent=_ref(row["parent_iri"]))
    for row in _rows(con, """
            SELECT po.*, org.level, org.kind FROM positions AS po
            LEFT JOIN organisations AS org USING (organisation_iri) ORDER BY position_iri"""):
        level = "gov.national" if row["kind"] == "central-body" else _LEVEL.get(row["level"])
        yield _make(model, "Position", row["position_iri"], name=row["title"], country="vn",
                    subnationalArea=_area(row["locality"], row["province"]), topics=[level, _STATE.get(row["kind"])],
                    organization=_ref(row["organisation_iri"]))
    for row in _rows(con, """
            WITH held AS (SELECT person_iri, list(DISTINCT title ORDER BY title) FILTER (status <> 'former') AS titles
                          FROM holdings GROUP BY person_iri),
                 named AS (SELECT m.person_iri, list(DISTINCT ar.article_iri ORDER BY ar.article_iri) AS articles
                           FROM mentions AS m JOIN articles AS ar USING (article) GROUP BY m.person_iri)
            SELECT pe.person_iri, pe.person, held.person_iri IS NOT NULL AS holds, held.titles, named.articles
            FROM persons AS pe LEFT JOIN held USING (person_iri) LEFT JOIN named USING (person_iri)
            ORDER BY pe.person_iri"""):
        yield _make(model, "Person", row["person_iri"], name=row["person"], nationality="vn",
                    topics="role.pep" if row["holds"] else None, position=row["titles"] or [],
                    proof=[_ref(iri) for iri in row["articles"] or []])
    for row in _rows(con, """
            SELECT h.*, ar.article_iri FROM holdings AS h LEFT JOIN articles AS ar USING (article)
            ORDER BY holding_iri"""):
        yield _make(model, "Occupancy", row["holding_iri"], holder=_ref(row["person_iri"]),
                    post=_ref(row["position_iri"]), status=_STATUS.get(row["status"]),
                    summary="acting (quyền)" if row["status"] == "acting" else None,
                    date=_date(row["attested"]), startDate=_date(row["term_start"]),
                    endDate=_date(row["term_end"]), description=row["quote"],
                    proof=_ref(row["article_iri"]))
    for row in _rows(con, """
            WITH o AS (SELECT meeting, list(DISTINCT organisation_iri ORDER BY organisation_iri) AS bodies
                       FROM organisers GROUP BY meeting),
                 x AS (SELECT meeting, list(DISTINCT person_iri ORDER BY person_iri) AS people
                       FROM participations GROUP BY meeting)
            SELECT m.*, o.bodies, x.people, ar.article_iri FROM meetings AS m
            LEFT JOIN o USING (meeting) LEFT JOIN x USING (meeting) LEFT JOIN articles AS ar USING (article)
            ORDER BY meeting"""):
        people = sorted(set(row["people"] or []) | ({row["chair_iri"]} if row["chair_iri"] else set()))
        yield _make(model, "Event", row["meeting"], name=row["label"] or row["type"], keywords=row["type"],
                    date=_date(row["date"]), location=_area(row["locality"], row["province"]), country="vn",
                    organizer=[_ref(iri) for iri in row["bodies"] or []],
                    involved=[_ref(iri) for iri in people], description=row["quote"],
                    proof=_ref(row["article_iri"]))


def export_ftm(source, out: str | Path) -> int:
    """Write the graph as FollowTheMoney entities, one JSON object a line, to `out`
    (written in a temporary folder beside it, then renamed into place); `source` is a
    dataset (from `load_graph`) or the path of a store. Returns the number of entities.

    >>> import os, tempfile
    >>> export_ftm(build_graph(["seeds"]).dataset, os.path.join(tempfile.mkdtemp(), "seeds.ftm.json")) > 50
    True
    """
    try:
        import followthemoney  # noqa: F401  (checked before any work)
    except ImportError:
        raise VnkgError("the FollowTheMoney export needs the followthemoney library",
                        hint="install vnkg's ftm extra: pip install 'vnkg[ftm]' (PyICU, which it needs, "
                             "compiles against libicu: apt-get install libicu-dev g++)") from None
    from .tables import build_tables, workspace
    path = Path(out)
    if path.is_dir():
        raise UsageError("the entities go in a file, and this is a folder", where=str(path),
                         hint="name a file, e.g. --out corpus.ftm.json")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise VnkgError(f"cannot create the output's folder ({exc.strerror or exc})", where=str(path)) from None
    count = 0
    with workspace(folder) as (con, temp):
        build_tables(source, con, temp)
        part = temp / path.name
        try:
            with open(part, "w", encoding="utf-8") as stream:
                for entity in entities(con):
                    stream.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
                    count += 1
            os.replace(part, path)
        except OSError as exc:
            raise VnkgError(f"cannot write the output ({exc.strerror or exc})", where=str(path),
                            hint="check that its folder is writable and the disk not full") from None
    return count
