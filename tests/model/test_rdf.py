"""rdf.py + store.py: the RDF model. Readable, content-derived IRIs; provenance and
evidence on every fact; holding status; a named graph per article; byte-identical builds."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph_builder import build_graph, extract_file, load_graph, run_query, write_graph
from graph_builder.model.rdf import ID, OA, PROV, SCHEMA, SKOS, VNKG, article_iri, graph_iri

from ..support import SEEDS, write_corpus

CORPUS = {
    "a_ham_yen": "Huyện ủy Hàm Yên tổng kết công tác năm 2022\n\nSáng 27/12/2022, Huyện ủy Hàm Yên tổ chức Hội "
                 "nghị tổng kết công tác năm 2022. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị. Dự hội "
                 "nghị có đồng chí Lê Thị Mai, quyền Chủ tịch UBND huyện và ông Trần Quốc Toản, nguyên Bí thư Huyện "
                 "ủy Hàm Yên.\n\nTuấn Tú\n",
    "b_ham_yen": "Huyện ủy Hàm Yên giao ban quý I năm 2023\n\nSáng 20/3/2023, Huyện ủy Hàm Yên tổ chức hội nghị "
                 "giao ban quý I năm 2023. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.\n",
    "c_dien_bien": "Huyện ủy Tủa Chùa giao ban quý I năm 2023\n\nSáng 21/3/2023, Huyện ủy Tủa Chùa tổ chức hội "
                   "nghị giao ban quý I năm 2023. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy chủ trì hội nghị.\n",
    "d_no_place": "Hội nghị đối thoại với Nhân dân\n\nNgày 14/6, Ban Thường vụ Huyện ủy tổ chức Hội nghị đối "
                  "thoại với Nhân dân. Đồng chí Trịnh Văn Hải, Bí thư Huyện ủy chủ trì hội nghị.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), CORPUS)


@pytest.fixture(scope="module")
def corpus_dataset(corpus):
    return build_graph([corpus]).dataset


def _rows(name, dataset, **params):
    return run_query(name, dataset, params).rows


def test_rdf_article_metadata(seeds_graph):
    art = article_iri("000_76ec2816e9efe202")
    assert str(art) == "https://w3id.org/vnkg/id/article/000_76ec2816e9efe202"
    triples = set(seeds_graph.triples((art, None, None)))
    assert (art, RDF.type, VNKG.Article) in triples
    assert (art, VNKG.identifier, Literal("000_76ec2816e9efe202")) in triples
    assert (art, VNKG.byline, Literal("Tuấn Tú")) in triples
    assert (art, SCHEMA.headline, Literal("Ban Thường trực UB.MTTQ tỉnh làm việc với Thường trực Huyện ủy Hàm Yên")) \
        in triples


def test_rdf_iris_are_readable_and_content_derived(seeds_graph):
    people = {str(s) for s in seeds_graph.subjects(RDF.type, VNKG.Person)}
    assert any(iri.startswith(str(ID) + "person/nguyen-duy-hoa-") for iri in people)
    assert any(iri.startswith(str(ID) + "person/mua-a-son-") for iri in people)
    orgs = {str(s) for s in seeds_graph.subjects(RDF.type, VNKG.Organisation)}
    assert any(iri.startswith(str(ID) + "org/huyen-uy-ham-yen-") for iri in orgs)
    places = {str(s) for s in seeds_graph.subjects(RDF.type, VNKG.Locality)}
    assert any(iri.startswith(str(ID) + "place/district-") and iri.endswith("-ham-yen") for iri in places)


@pytest.mark.parametrize("cls", [VNKG.PositionHolding, VNKG.Meeting, VNKG.Participation])
def test_rdf_every_fact_has_its_article_and_evidence_quote(seeds_graph, cls):
    texts = {p.stem: extract_file(p).text for p in SEEDS.glob("*.txt")}
    facts = set(seeds_graph.subjects(RDF.type, cls))
    assert facts
    for fact in facts:
        (article,) = set(seeds_graph.objects(fact, PROV.wasDerivedFrom))
        article_id = str(next(seeds_graph.objects(article, VNKG.identifier)))
        evidence = next(seeds_graph.objects(fact, VNKG.evidence))
        assert (evidence, OA.hasSource, article) in seeds_graph
        selectors = set(seeds_graph.objects(evidence, OA.hasSelector))
        (position,) = [s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in seeds_graph]
        (quote,) = [s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in seeds_graph]
        start = int(next(seeds_graph.objects(position, OA.start)))
        end = int(next(seeds_graph.objects(position, OA.end)))
        exact = str(next(seeds_graph.objects(quote, OA.exact)))
        assert 0 <= start < end
        assert texts[article_id][start:end] == exact


def test_rdf_holding_evidence_quotes_the_sentence_naming_the_person(seeds_graph):
    for holding in seeds_graph.subjects(RDF.type, VNKG.PositionHolding):
        person = next(seeds_graph.objects(holding, VNKG.holder))
        name = str(next(seeds_graph.objects(person, VNKG.name)))
        quote = next(o for e in seeds_graph.objects(holding, VNKG.evidence)
                     for s in seeds_graph.objects(e, OA.hasSelector) for o in seeds_graph.objects(s, OA.exact))
        assert name.split()[-1].casefold() in str(quote).casefold(), (name, str(quote))


def test_rdf_holding_status_current_acting_former(corpus_dataset):
    timeline = {(r[0], r[1], r[4]) for r in _rows("timeline", corpus_dataset) if r[3] == "a_ham_yen"}
    assert timeline == {("Nguyễn Văn An", "Bí thư Huyện ủy Hàm Yên", "current"),
                        ("Lê Thị Mai", "Chủ tịch Ủy ban nhân dân huyện Hàm Yên", "acting"),
                        ("Trần Quốc Toản", "Bí thư Huyện ủy Hàm Yên", "former")}
    positions = {(r[1], r[2]) for r in _rows("positions", corpus_dataset, article="a_ham_yen")}
    # former posts stay in the graph but the positions query leaves them out
    assert positions == {("Nguyễn Văn An", "Bí thư Huyện ủy Hàm Yên"),
                         ("Lê Thị Mai", "Chủ tịch Ủy ban nhân dân huyện Hàm Yên")}


def test_rdf_same_name_same_province_is_one_node_other_province_another(corpus_dataset):
    nodes = {}
    for person in corpus_dataset.subjects(VNKG.name, Literal("Nguyễn Văn An")):
        articles = {str(next(corpus_dataset.objects(a, VNKG.identifier)))
                    for a in corpus_dataset.objects(person, VNKG.mentionedIn)}
        nodes[person] = articles
    assert sorted(nodes.values(), key=len) == [{"c_dien_bien"}, {"a_ham_yen", "b_ham_yen"}]


def test_rdf_body_with_unknowable_place_stays_in_its_article(corpus_dataset):
    orgs = [o for o in corpus_dataset.subjects(VNKG.name, Literal("Huyện ủy"))]
    assert len(orgs) == 1
    assert next(corpus_dataset.objects(orgs[0], VNKG.governs), None) is None


def test_rdf_dates_are_xsd_date_or_gmonthday(corpus_dataset):
    dates = {str(m): next(corpus_dataset.objects(m, VNKG.date)) for m in corpus_dataset.subjects(RDF.type, VNKG.Meeting)}
    by_article = {k.split("/")[-1].rsplit("-", 1)[0]: v for k, v in dates.items()}
    assert by_article["a_ham_yen"] == Literal("2022-12-27", datatype=XSD.date)
    assert by_article["d_no_place"] == Literal("--06-14", datatype=XSD.gMonthDay)


def test_rdf_locality_carries_level_parent_and_code(seeds_graph):
    (ham_yen,) = [s for s in seeds_graph.subjects(VNKG.name, Literal("Hàm Yên"))
                  if (s, RDF.type, VNKG.Locality) in seeds_graph]
    assert (ham_yen, VNKG.level, VNKG.DistrictLevel) in seeds_graph
    assert next(seeds_graph.objects(ham_yen, VNKG.officialCode)) == Literal("074")
    parent = next(seeds_graph.objects(ham_yen, SCHEMA.containedInPlace))
    assert next(seeds_graph.objects(parent, VNKG.name)) == Literal("Tuyên Quang")


def test_rdf_sub_organisation_links_to_its_committee(seeds_graph):
    from rdflib import Namespace
    org = Namespace("http://www.w3.org/ns/org#")
    (board,) = seeds_graph.subjects(VNKG.name, Literal("Thường trực Huyện ủy Hàm Yên"))
    parent = next(seeds_graph.objects(board, org.subOrganizationOf))
    assert next(seeds_graph.objects(parent, VNKG.name)) == Literal("Huyện ủy Hàm Yên")


def test_rdf_one_named_graph_per_article(seeds_nq, seeds_ttl):
    dataset = load_graph(seeds_nq)
    graphs = {str(g) for _, _, _, g in dataset.quads((None, None, None, None))}
    expected = {str(graph_iri(p.stem)) for p in SEEDS.glob("*.txt")}
    assert expected <= graphs
    # each article's facts stay in its own graph
    graph = dataset.graph(graph_iri("003_3efc173e9c33baf7"))
    names = {str(o) for s in graph.subjects(RDF.type, VNKG.Person) for o in graph.objects(s, VNKG.name)}
    assert names == {"Mùa A Sơn", "Lò Văn Phương", "Lò Văn Tiến"}
    # Turtle merges them: the same triples
    merged = Graph().parse(seeds_ttl, format="turtle")
    assert set(merged) == {(s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))}


def test_rdf_concepts_are_described_once_in_the_vocabulary_graph(seeds_nq):
    from graph_builder.model.rdf import VOCABULARY_GRAPH
    dataset = load_graph(seeds_nq)
    vocabulary = dataset.graph(VOCABULARY_GRAPH)
    concept_valued = (VNKG.role, VNKG.status, VNKG.level, VNKG.meetingType, VNKG.organisationKind)
    used = {o for p in concept_valued for _, _, o, _ in dataset.quads((None, p, None, None))}
    assert {VNKG.ChairRole, VNKG.CurrentHolding, VNKG.ProvinceLevel} <= used
    for concept in used:
        labels = {label.language for label in vocabulary.objects(concept, SKOS.prefLabel)}
        assert labels == {"vi", "en"}, concept
    # an article's graph holds its facts, not the ontology's description of a role
    for p in SEEDS.glob("*.txt"):
        assert not set(dataset.graph(graph_iri(p.stem)).triples((None, SKOS.prefLabel, None))), p.name


def test_rdf_turtle_round_trip_is_isomorphic(seeds_graph, seeds_ttl):
    assert isomorphic(seeds_graph, Graph().parse(seeds_ttl, format="turtle"))


# ---- determinism: same input, same bytes, whatever the order or the hash seed -------------

SUFFIXES = (".ttl", ".nq", ".nt", ".trig", ".jsonld")
_BUILD_ALL = """
import sys
from graph_builder.cli import main
out, inputs = sys.argv[1], sys.argv[2:]
for suffix in {suffixes!r}:
    assert main(["build", *inputs, "--out", out + suffix]) == 0
"""


def _build_all(stem: Path, inputs: list[str], seed: str) -> dict[str, bytes]:
    """`vnkg build` into every format, in a fresh interpreter with its own hash seed."""
    env = dict(os.environ, PYTHONHASHSEED=seed)
    subprocess.run([sys.executable, "-c", _BUILD_ALL.format(suffixes=SUFFIXES), str(stem), *inputs],
                   check=True, capture_output=True, env=env)
    return {suffix: Path(f"{stem}{suffix}").read_bytes() for suffix in SUFFIXES}


@pytest.fixture(scope="module")
def shuffled_seeds(tmp_path_factory) -> list[str]:
    """The seed files copied elsewhere and given in reverse order."""
    folder = tmp_path_factory.mktemp("shuffled")
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    return [str(p) for p in sorted(folder.glob("*.txt"), reverse=True)]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, shuffled_seeds):
    folder = tmp_path_factory.mktemp("builds")
    return (_build_all(folder / "first", [str(SEEDS)], "1"),
            _build_all(folder / "second", shuffled_seeds, "2"))


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_rdf_two_builds_are_byte_identical_whatever_the_order(two_builds, suffix):
    first, second = two_builds
    assert first[suffix] == second[suffix]
    assert len(first[suffix]) > 10_000


def test_rdf_in_process_build_is_independent_of_file_order(shuffled_seeds, seeds_graph):
    again = build_graph(shuffled_seeds).dataset
    assert {q[:3] for q in again.quads((None, None, None, None))} == set(seeds_graph)


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_rdf_every_format_reads_back_to_the_same_triples(tmp_path, seeds_dataset, seeds_graph, suffix):
    out = tmp_path / f"seeds{suffix}"
    assert write_graph(seeds_dataset, out) > 1000
    back = load_graph(out)
    triples = Graph()
    for s, p, o, _ in back.quads((None, None, None, None)):
        triples.add((s, p, o))
    assert isomorphic(triples, seeds_graph)


def test_rdf_no_blank_nodes(seeds_graph):
    from rdflib import BNode
    assert not any(isinstance(t, BNode) for triple in seeds_graph for t in triple)


def test_rdf_names_are_nfc_plain_literals(seeds_graph):
    import unicodedata
    for name in seeds_graph.objects(None, VNKG.name):
        assert isinstance(name, Literal) and name.datatype is None
        assert unicodedata.is_normalized("NFC", str(name))


def test_rdf_article_iri_is_quoted_safely():
    assert article_iri("bài viết/1") == URIRef("https://w3id.org/vnkg/id/article/b%C3%A0i%20vi%E1%BA%BFt%2F1")


@pytest.mark.parametrize("title", [", Bí thư Huyện ủy", ""])
def test_rdf_unplaced_namesakes_in_two_articles_stay_apart(tmp_path, title):
    for name, meeting in (("x1", "Hội nghị đối thoại với Nhân dân"), ("x2", "Hội nghị giao ban công tác dân vận")):
        (tmp_path / f"{name}.txt").write_text(
            f"{meeting} năm nay\n\nNgày 14/6, Ban Thường vụ Huyện ủy tổ chức {meeting}. "
            f"Đồng chí Trịnh Văn Hải{title} chủ trì hội nghị.\n", encoding="utf-8")
    dataset = build_graph([tmp_path]).dataset
    people = {s for s, _, _, _ in dataset.quads((None, VNKG.name, Literal("Trịnh Văn Hải"), None))}
    assert len(people) == 2
