"""Blocks of namesakes split into persons: the issue's cases, judgements as constraints."""

from graph_builder.resolution.judgements import parse_judgements
from graph_builder.resolution.resolver import emitted_iri, resolve

from .support import mention

YB = "tỉnh Yên Bái"


def _persons(resolution) -> list[list[str]]:
    by_iri: dict[str, list[str]] = {}
    for (article, _), iri in sorted(resolution.iris.items()):
        by_iri.setdefault(iri, []).append(article)
    return sorted(by_iri.values())


def _three_namesakes():
    return [mention("xa", "11/3/2024", f"Chủ tịch UBND xã Xà Hồ, huyện Trạm Tấu, {YB}"),
            mention("so", "13/3/2024", f"Giám đốc Sở Tài chính {YB}"),
            mention("huyen", "15/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}")]


def test_resolver_three_namesakes_of_one_province_in_one_week_are_three_persons():
    resolution = resolve(_three_namesakes())
    assert _persons(resolution) == [["huyen"], ["so"], ["xa"]]
    verdicts = sorted((c.a.article, c.b.article, c.verdict, c.rule) for c in resolution.candidates)
    assert verdicts == [("huyen", "so", "apart", "district-department"),
                        ("huyen", "xa", "unknown", "no-rule"),
                        ("so", "xa", "apart", "commune-department")]


def test_resolver_one_official_across_promotions_concurrent_posts_and_the_reform_is_one():
    career = [mention("a1", "10/4/2022", f"Phó Chủ tịch UBND huyện Văn Chấn, {YB}"),
              mention("a2", "12/5/2023", f"Chủ tịch UBND huyện Văn Chấn, {YB}"),
              mention("a3", "20/9/2023", f"Bí thư Huyện ủy Văn Chấn, {YB}"),
              mention("a4", "22/9/2023", f"Ủy viên Ban Thường vụ Tỉnh ủy Yên Bái, Bí thư Huyện ủy Văn Chấn, "
                                         f"Chủ tịch HĐND huyện Văn Chấn"),
              mention("a5", "3/6/2024", f"Phó Chủ tịch UBND {YB}"),
              mention("a6", "12/9/2025", "Phó Chủ tịch UBND tỉnh Lào Cai")]
    resolution = resolve(career)
    assert _persons(resolution) == [["a1", "a2", "a3", "a4", "a5", "a6"]]
    # one person: the block's IRI, as the worker emitted it, so nothing is rewritten
    assert set(resolution.iris.values()) == {emitted_iri(career[0])}


def test_resolver_a_split_block_keeps_its_iri_for_the_person_attested_first():
    mentions = _three_namesakes() + [mention("so2", "20/3/2024", f"Giám đốc Sở Tài chính {YB}"),
                                     mention("so3", "27/3/2024", f"Giám đốc Sở Tài chính {YB}")]
    resolution = resolve(mentions)
    block_iri = emitted_iri(mentions[0])
    # the commune chairman is attested first (11/3): he keeps the block's IRI, although the
    # director, attested later, is named by more articles
    assert resolution.iris[("xa", "Nguyễn Văn Hùng")] == block_iri
    director = {resolution.iris[(a, "Nguyễn Văn Hùng")] for a in ("so", "so2", "so3")}
    assert len(director) == 1 and block_iri not in director
    assert resolution.iris[("huyen", "Nguyễn Văn Hùng")] not in director | {block_iri}
    # the same input, in another order, gives the same IRIs
    assert resolve(list(reversed(mentions))).iris == resolution.iris
    # a later article about the director changes no IRI
    later = resolve(mentions + [mention("so4", "2/4/2024", f"Giám đốc Sở Tài chính {YB}")])
    assert {k: v for k, v in later.iris.items() if k[0] != "so4"} == resolution.iris


def test_resolver_a_join_that_would_unite_two_persons_kept_apart_is_refused():
    # the provincial standing member nests with each district secretary, but the two
    # secretaries of two districts at one time are two people
    mentions = [mention("d1", "12/3/2024", f"Bí thư Huyện ủy Văn Chấn, {YB}"),
                mention("d2", "13/3/2024", f"Bí thư Huyện ủy Lục Yên, {YB}"),
                mention("p", "14/3/2024", "Ủy viên Ban Thường vụ Tỉnh ủy Yên Bái")]
    resolution = resolve(mentions)
    assert _persons(resolution) == [["d1", "p"], ["d2"]]      # the first district, by the canonical order
    assert sorted((c.a.article, c.b.article, c.verdict) for c in resolution.candidates) == [
        ("d1", "d2", "apart"), ("d1", "p", "join"), ("d2", "p", "refused")]


def test_resolver_judgements_are_must_link_and_cannot_link():
    mentions = _three_namesakes()
    judgements = parse_judgements("same\txa/Nguyễn Văn Hùng\thuyen/Nguyễn Văn Hùng\tpromoted, one man\n"
                                  "# a comment\n")
    resolution = resolve(mentions, judgements)
    assert _persons(resolution) == [["huyen", "xa"], ["so"]]
    assert [j.note for _, j in resolution.applied] == ["promoted, one man"]
    career = [mention("a1", "12/5/2023", f"Chủ tịch UBND huyện Văn Chấn, {YB}"),
              mention("a2", "20/5/2023", f"Chủ tịch UBND huyện Văn Chấn, {YB}")]
    split = resolve(career, parse_judgements("different\ta1/Nguyễn Văn Hùng\ta2/Nguyễn Văn Hùng"))
    assert _persons(split) == [["a1"], ["a2"]]
    assert [(c.verdict, c.rule) for c in split.candidates] == [("different", "judgement")]


def test_resolver_judgement_naming_a_person_by_iri():
    mentions = _three_namesakes()
    first = resolve(mentions)
    so, xa = first.iris[("so", "Nguyễn Văn Hùng")], first.iris[("xa", "Nguyễn Văn Hùng")]
    resolution = resolve(mentions, parse_judgements(f"same\t<{so}>\t{xa}"))
    assert _persons(resolution) == [["huyen"], ["so", "xa"]]


def test_resolver_judgement_across_names_is_a_warning_not_applied():
    mentions = _three_namesakes() + [mention("b", "15/3/2024", f"Giám đốc Sở Xây dựng {YB}", name="Lê Văn Bình")]
    resolution = resolve(mentions, parse_judgements("same\tso/Nguyễn Văn Hùng\tb/Lê Văn Bình"))
    assert resolution.applied == []
    assert len(resolution.warnings) == 1 and "differ in name or province" in resolution.warnings[0]
