"""ontology/vnkg.ttl is the source of truth: it parses, is aligned with the standard
vocabularies, and declares every class, property and concept the builder emits."""

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import SKOS

from graph_builder.lexicon import load_table
from graph_builder.model.rdf import LEVEL, ROLE, STATUS, VNKG
from graph_builder.model.vocabulary import ontology_graph, ontology_path, shapes_graph

from ..support import ONTOLOGY

FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SH = Namespace("http://www.w3.org/ns/shacl#")
BUILT_IN = (str(RDF), str(RDFS), str(OWL))
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return ontology_graph()


def _declared_classes(ontology):
    return set(ontology.subjects(RDF.type, OWL.Class)) | set(ontology.subjects(RDF.type, RDFS.Class))


def _declared_properties(ontology):
    return {s for t in PROPERTY_TYPES for s in ontology.subjects(RDF.type, t)}


@pytest.mark.parametrize("name", ["vnkg.ttl", "shapes.ttl"])
def test_ontology_files_parse_from_repository_and_package(name):
    from_repo = Graph().parse(ONTOLOGY / name, format="turtle")
    shipped = Graph().parse(data=ontology_path(name).read_text(encoding="utf-8"), format="turtle")
    assert len(from_repo) > 100
    assert len(shipped) == len(from_repo)


def test_ontology_header(ontology):
    (header,) = ontology.subjects(RDF.type, OWL.Ontology)
    assert str(header) == "https://w3id.org/vnkg/ontology"


@pytest.mark.parametrize("cls, supers", [
    (VNKG.Person, {FOAF.Person, SCHEMA.Person}),
    (VNKG.Position, {ORG.Post}),
    (VNKG.Organisation, {ORG.Organization}),
    (VNKG.PositionHolding, {ORG.Membership}),
    (VNKG.Meeting, {SCHEMA.Event}),
    (VNKG.Locality, {SCHEMA.AdministrativeArea}),
    (VNKG.Article, {SCHEMA.NewsArticle, PROV.Entity}),
])
def test_ontology_classes_align_with_standard_vocabularies(ontology, cls, supers):
    assert (cls, RDF.type, OWL.Class) in ontology
    assert supers <= set(ontology.objects(cls, RDFS.subClassOf))


def test_ontology_participation_class_is_declared(ontology):
    assert (VNKG.Participation, RDF.type, OWL.Class) in ontology


def test_ontology_terms_have_english_and_vietnamese_labels_and_comments(ontology):
    missing = []
    for term in _declared_classes(ontology) | _declared_properties(ontology):
        if not str(term).startswith(str(VNKG)):
            continue
        for predicate in (RDFS.label, RDFS.comment):
            languages = {o.language for o in ontology.objects(term, predicate)}
            if not {"en", "vi"} <= languages:
                missing.append((term, predicate))
    assert missing == []


def test_ontology_declares_every_class_the_builder_emits(ontology, seeds_dataset):
    emitted = {o for _, _, o, _ in seeds_dataset.quads((None, RDF.type, None, None))}
    undeclared = {t for t in emitted if not str(t).startswith(BUILT_IN)} - _declared_classes(ontology)
    assert undeclared == set()
    assert {VNKG.Person, VNKG.Meeting, VNKG.PositionHolding, VNKG.Participation, VNKG.Article} <= emitted


def test_ontology_declares_every_property_the_builder_emits(ontology, seeds_dataset):
    emitted = {p for _, p, _, _ in seeds_dataset.quads((None, None, None, None))}
    undeclared = {p for p in emitted if not str(p).startswith(BUILT_IN)} - _declared_properties(ontology)
    assert undeclared == set()


def test_ontology_declares_every_concept_the_builder_emits(ontology, seeds_dataset):
    valued = (VNKG.level, VNKG.status, VNKG.role, VNKG.meetingType, VNKG.organisationKind)
    used = {o for p in valued for _, _, o, _ in seeds_dataset.quads((None, p, None, None))}
    assert used, "the seeds emit no concept-valued property"
    concepts = set(ontology.subjects(RDF.type, SKOS.Concept))
    assert used - concepts == set()
    for concept in used:
        assert next(ontology.objects(concept, SKOS.inScheme), None) is not None, concept


def test_ontology_declares_every_concept_the_code_can_emit(ontology):
    concepts = set(ontology.subjects(RDF.type, SKOS.Concept))
    possible = set(LEVEL.values()) | set(STATUS.values()) | set(ROLE.values())
    possible |= {VNKG[row["kind"]] for row in load_table("bodies", key="body")}
    possible |= {VNKG[row["concept"]] for row in load_table("meeting_types", key="concept")}
    assert possible - concepts == set()


def test_ontology_meeting_type_scheme_holds_the_gold_types(ontology):
    labels = {str(label) for concept in ontology.subjects(SKOS.inScheme, VNKG.MeetingTypeScheme)
              for label in ontology.objects(concept, SKOS.prefLabel) if label.language == "vi"}
    assert labels == {"Buổi làm việc", "Hội nghị", "Hội nghị tổng kết", "Hội nghị sơ kết", "Hội nghị giao ban",
                      "Kỳ họp", "Đại hội", "Tiếp xúc cử tri", "Hội nghị đối thoại"}


@pytest.mark.parametrize("scheme, notations", [
    (VNKG.ParticipationRoleScheme, {"chair", "attendee", "speaker", "reporter", "concluder"}),
])
def test_ontology_role_scheme_notations_are_the_query_values(ontology, scheme, notations):
    found = {str(n) for c in ontology.subjects(SKOS.inScheme, scheme) for n in ontology.objects(c, SKOS.notation)}
    assert found == notations


def test_ontology_shapes_target_the_core_classes():
    shapes = shapes_graph()
    targets = set(shapes.objects(None, SH.targetClass))
    assert {VNKG.Person, VNKG.Meeting, VNKG.PositionHolding, VNKG.Participation, VNKG.Article} <= targets


def test_ontology_shape_classes_are_declared(ontology):
    targets = {t for t in shapes_graph().objects(None, SH.targetClass) if isinstance(t, URIRef)}
    assert targets - _declared_classes(ontology) == set()
