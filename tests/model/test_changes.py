"""model/changes.py: a change of post in RDF (a vnkg:PostChange, a prov:Activity) with its
kind, person, post, date, decider, meeting, measure and evidence, the holdings it
generates or invalidates with their term dates; it conforms to the shapes."""

from __future__ import annotations

import pytest
from rdflib import RDF, XSD, Literal

from graph_builder import build_graph, validate_graph
from graph_builder.model.rdf import PROV, VNKG

from ..support import CHANGES


@pytest.fixture(scope="module")
def dataset():
    return build_graph([CHANGES / "articles"]).dataset


def _by_person(dataset, name: str) -> list:
    dataset.default_union = True
    (person,) = dataset.subjects(VNKG.name, Literal(name))
    return sorted(dataset.subjects(VNKG.changedPerson, person))


def test_changes_rdf_a_relief_and_an_appointment_with_their_terms(dataset):
    (relief,) = _by_person(dataset, "Cầm Văn Chung")
    assert (relief, RDF.type, VNKG.PostChange) in dataset
    assert dataset.value(relief, VNKG.changeKind) == VNKG.Relieved
    assert dataset.value(relief, VNKG.changeDate) == Literal("2024-03-01", datatype=XSD.date)
    ended = dataset.value(relief, PROV.invalidated)
    assert dataset.value(ended, VNKG.status) == VNKG.FormerHolding
    assert dataset.value(ended, VNKG.termEnd) == Literal("2024-03-01", datatype=XSD.date)
    (appointment,) = _by_person(dataset, "Lò Minh Hùng")
    started = dataset.value(appointment, PROV.generated)
    assert dataset.value(started, VNKG.termStart) == Literal("2024-03-01", datatype=XSD.date)
    assert dataset.value(appointment, VNKG.acting) == Literal(False)


def test_changes_rdf_a_dismissal_carries_its_measure_and_decider(dataset):
    changes = _by_person(dataset, "Giàng Seo Pó")
    kinds = {dataset.value(c, VNKG.changeKind): c for c in changes}
    assert set(kinds) == {VNKG.Disciplined, VNKG.Relieved}
    assert dataset.value(kinds[VNKG.Disciplined], VNKG.disciplineMeasure) == VNKG.Dismissal
    body = dataset.value(kinds[VNKG.Disciplined], VNKG.decidedBy)
    assert dataset.value(body, VNKG.name) == Literal("Ban Thường vụ Tỉnh ủy Hà Giang")
    assert dataset.value(kinds[VNKG.Disciplined], VNKG.evidence) is not None


def test_changes_rdf_an_election_is_made_at_its_session(dataset):
    (election,) = _by_person(dataset, "Lường Thị Hoa")
    meeting = dataset.value(election, VNKG.madeAt)
    assert dataset.value(meeting, VNKG.meetingType) == VNKG.CouncilSession


def test_changes_rdf_conforms_to_the_shapes(dataset):
    report = validate_graph(dataset)
    assert report.conforms, report.text[:2000]


def test_changes_rdf_a_move_up_ends_the_deputy_s_term(dataset):
    (appointment,) = _by_person(dataset, "Lò Minh Hùng")
    ended = [h for h in dataset.objects(appointment, PROV.invalidated)]
    assert len(ended) == 1
    assert dataset.value(dataset.value(ended[0], VNKG.position), VNKG.title) == \
        Literal("Phó Giám đốc Sở Tài chính tỉnh Sơn La")
    assert dataset.value(ended[0], VNKG.termEnd) == Literal("2024-03-01", datatype=XSD.date)
