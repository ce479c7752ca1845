"""FollowTheMoney entities (`vnkg export --format ftm`): made and read back by the
followthemoney library itself, every reference resolving, accepted unchanged by its own
`ftm validate` and `ftm aggregate`, ids derived from vnkg's IRIs, and the exact entities of
a seed official."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

# FollowTheMoney is an extra (PyICU compiles against libicu); `.ci/run` installs it, so CI
# runs these tests, while the README's test command on a bare machine skips them.
pytest.importorskip("followthemoney", reason="followthemoney is not installed: the FtM export is the 'ftm' "
                    "extra; to run these tests: pip install '.[ftm]' (needs libicu-dev, pkg-config and a "
                    "C++ compiler), then pytest tests/presentation/test_ftm.py")

from followthemoney import model  # noqa: E402
from followthemoney.util import make_entity_id  # noqa: E402

from graph_builder import UsageError, build_store, export_ftm, export_tables, load_graph

from ..support import SEEDS
from .export_support import readme_blocks, readme_section, run_block, scratch


def _load(path: Path) -> dict:
    """Entities by id, each read back through the library's model."""
    entities = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entity = model.get_proxy(json.loads(line), cleaned=False)
        assert entity.id not in entities, f"two entities with id {entity.id}"
        entities[entity.id] = entity
    return entities


@pytest.fixture(scope="module")
def seeds_ftm(seeds_dataset, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ftm") / "seeds.ftm.json"
    export_ftm(seeds_dataset, path)
    return path


def _named(entities: dict, schema: str, name: str):
    (found,) = [e for e in entities.values() if e.schema.name == schema and name in e.get("name")]
    return found


def test_ftm_entities_load_and_every_reference_resolves(corpus_store, tmp_path):
    out = tmp_path / "corpus.ftm.json"
    count = export_ftm(corpus_store, out)
    entities = _load(out)
    assert count == len(entities)
    references = 0
    for entity in entities.values():
        for prop, value in entity.itervalues():
            if prop.type.name == "entity":
                references += 1
                assert value in entities, f"{entity.id} {prop.name} -> {value} is not in the export"
                assert entities[value].schema.is_a(prop.range), f"{entity.id} {prop.name} -> {entities[value].schema}"
    assert references > 500
    # one entity per row of the tables, kind by kind
    tables = export_tables(corpus_store, tmp_path / "tables", "csv").rows
    schemata = Counter(e.schema.name for e in entities.values())
    assert schemata["Occupancy"] == tables["holdings"] and schemata["Event"] == tables["meetings"]
    assert schemata["Person"] == tables["persons"] and schemata["Article"] == tables["articles"]
    assert schemata["Position"] == tables["positions"]
    assert schemata["PublicBody"] + schemata["Organization"] == tables["organisations"]


@pytest.mark.parametrize("command", ["validate", "aggregate"])
def test_ftm_library_commands_keep_every_entity_unchanged(seeds_ftm, tmp_path, command):
    out = tmp_path / f"{command}.ftm.json"
    ftm = Path(sys.executable).parent / "ftm"
    done = subprocess.run([str(ftm), command, "-i", str(seeds_ftm), "-o", str(out)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    ours, theirs = _load(seeds_ftm), _load(out)
    assert ours.keys() == theirs.keys()
    for key, entity in ours.items():
        # the library re-cleaned every value: nothing was dropped or changed
        assert entity.schema == theirs[key].schema
        assert {p: sorted(v) for p, v in entity.properties.items()} == \
               {p: sorted(v) for p, v in theirs[key].properties.items()}, key


def test_ftm_a_seed_official_is_a_pep_holding_his_post(seeds_ftm):
    entities = _load(seeds_ftm)
    person = _named(entities, "Person", "Mùa A Sơn")
    assert person.get("nationality") == ["vn"] and person.get("topics") == ["role.pep"]
    assert person.get("position") == ["Phó Bí thư Thường trực Tỉnh ủy Điện Biên"]
    (occupancy,) = [e for e in entities.values() if e.schema.name == "Occupancy" and e.get("holder") == [person.id]]
    assert occupancy.get("status") == ["current"] and occupancy.get("date") == ["2023-12-29"]
    assert not occupancy.get("startDate") and not occupancy.get("endDate")
    post = entities[occupancy.get("post")[0]]
    assert post.get("name") == ["Phó Bí thư Thường trực Tỉnh ủy Điện Biên"]
    assert post.get("subnationalArea") == ["Điện Biên"] and post.get("country") == ["vn"]
    assert post.get("topics") == ["gov.state"]
    body = entities[post.get("organization")[0]]
    assert (body.schema.name, body.get("name"), body.get("topics")) == ("Organization", ["Tỉnh ủy Điện Biên"],
                                                                        ["pol.party"])
    article = entities[occupancy.get("proof")[0]]
    assert article.schema.name == "Article" and person.get("proof") == [article.id]
    (event,) = [e for e in entities.values() if e.schema.name == "Event" and person.id in e.get("involved")]
    assert event.get("date") == ["2023-12-29"] and event.get("location") == ["Điện Biên"]
    assert [entities[o].get("name") for o in event.get("organizer")] == [["Thường trực Tỉnh ủy Điện Biên"]]
    assert len(event.get("involved")) == 3 and event.get("proof") == [article.id]


def test_ftm_a_date_without_a_year_is_left_out(seeds_ftm):
    entities = _load(seeds_ftm)
    person = _named(entities, "Person", "Nguyễn Thị Liên")   # "Sáng 8/5": no year in the article
    occupancies = [e for e in entities.values() if e.schema.name == "Occupancy" and e.get("holder") == [person.id]]
    assert len(occupancies) == 2 and all(not o.get("date") for o in occupancies)


def test_ftm_ids_come_from_the_iris_and_a_store_gives_the_same_bytes(seeds_ftm, seeds_ttl, tmp_path):
    entities = _load(seeds_ftm)
    person = _named(entities, "Person", "Mùa A Sơn")
    iri = "https://w3id.org/vnkg/id/person/mua-a-son-"
    (match,) = {word.strip("<>") for word in seeds_ttl.read_text(encoding="utf-8").split()
                if word.startswith(f"<{iri}")}
    assert person.id == f"vnkg-person-{make_entity_id(match)}"
    store = tmp_path / "seeds.db"
    build_store([SEEDS], store, jobs=1)
    for source, name in ((store, "store"), (load_graph(seeds_ttl), "file")):
        export_ftm(source, tmp_path / f"{name}.ftm.json")
        assert (tmp_path / f"{name}.ftm.json").read_bytes() == seeds_ftm.read_bytes(), name


def test_ftm_cli_writes_entities_and_refuses_a_folder(vnkg, seeds_ttl, tmp_path):
    result = vnkg("export", seeds_ttl, "--format", "ftm", "--out", tmp_path / "out" / "seeds.ftm.json")
    assert result.code == 0, result
    assert "FollowTheMoney entities" in result.err and (tmp_path / "out" / "seeds.ftm.json").stat().st_size
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["seeds.ftm.json"]   # no temporary left
    result = vnkg("export", seeds_ttl, "--format", "ftm", "--out", tmp_path)
    assert result.code == 2 and "is a folder" in result.err
    with pytest.raises(UsageError, match="no Oxigraph store here"):
        export_ftm(tmp_path / "nothing.db", tmp_path / "x.ftm.json")


def test_ftm_readme_examples_run_as_written(tmp_path):
    import yaml
    folder = scratch(tmp_path)
    blocks = readme_blocks("FollowTheMoney entities")
    assert [language for language, _ in blocks] == ["sh", "yaml"]
    run_block(*blocks[0], folder)
    entities = _load(folder / "entities.ftm.json")
    assert any("role.pep" in e.get("topics") for e in entities.values())
    # the yente manifest names the file the commands above made
    (dataset,) = yaml.safe_load(blocks[1][1])["datasets"]
    assert (folder / dataset["path"]).is_file()
    assert "YENTE_MANIFEST=vnkg.yml yente reindex" in readme_section("FollowTheMoney entities")


def test_ftm_occupancies_carry_the_terms_changes_of_post_give(tmp_path):
    from ..support import CHANGES
    from graph_builder import build_graph
    path = tmp_path / "changes.ftm.json"
    export_ftm(build_graph([CHANGES / "articles"]).dataset, path)
    entities = _load(path)

    def occupancies(name):
        person = _named(entities, "Person", name)
        return sorted((entities[o.get("post")[0]].get("name")[0], o.get("status"), o.get("startDate"),
                       o.get("endDate")) for o in entities.values()
                      if o.schema.name == "Occupancy" and o.get("holder") == [person.id])

    assert occupancies("Cầm Văn Chung") == [("Giám đốc Sở Tài chính tỉnh Sơn La", ["ended"], [], ["2024-03-01"])]
    assert occupancies("Lò Minh Hùng") == [
        ("Giám đốc Sở Tài chính tỉnh Sơn La", ["current"], ["2024-03-01"], []),
        ("Phó Giám đốc Sở Tài chính tỉnh Sơn La", ["ended"], [], ["2024-03-01"])]     # left by moving up
