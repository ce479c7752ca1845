"""The networkx network built from the seed graph: nodes, edges, tooltips, filters, export."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pytest

from graph_builder.errors import UsageError
from graph_builder.presentation.gephi import export_network
from graph_builder.presentation.network import build_network, full_network, vi_date
from graph_builder.storage.files import load_graph

from ..viz_support import HOSTILE_NAME, hostile_dataset

MEETINGS = {
    "Hội nghị giao ban, 2023-12-29, Điện Biên": (["Mùa A Sơn"], [
        ("Lò Văn Phương", "attended"), ("Lò Văn Tiến", "attended"), ("Mùa A Sơn", "chaired"),
        ("Mùa A Sơn", "concluded")]),
    "Buổi làm việc, --05-08": (["Nguyễn Thị Liên"], [
        ("Lưu Duy Khanh", "spoke"), ("Nguyễn Thế Quyền", "reported"), ("Nguyễn Thị Liên", "chaired"),
        ("Nguyễn Thị Liên", "concluded"), ("Phạm Thị Thương", "spoke")]),
    "Buổi làm việc, 2023-03-20, Như Xuân": (["Lương Thị Hoa"], [
        ("Lê Văn Thuận", "attended"), ("Lương Thị Hoa", "chaired"), ("Lương Thị Hoa", "concluded"),
        ("Nguyễn Đức Đồng", "attended")]),
    "Buổi làm việc, 2022-12-27, Hàm Yên": ([], [("Nguyễn Duy Hòa", "attended")]),
    "Hội nghị tổng kết, 2022-01-06, Bắc Mê": ([], [("Lê Mạnh Cường", "spoke")]),
}


@pytest.fixture(scope="module")
def seeds_network(seeds_dataset):
    return full_network(seeds_dataset)


def _by_label(g, label):
    return next(n for n, d in g.nodes(data=True) if d["label"] == label)


def _meetings(g):
    return sorted(d["label"] for _, d in g.nodes(data=True) if d["kind"] == "meeting")


def test_network_seeds_counts(seeds_network):
    g = seeds_network
    assert (g.number_of_nodes(), g.number_of_edges()) == (66, 93)
    assert Counter(d["kind"] for _, d in g.nodes(data=True)) == {
        "organisation": 23, "position": 19, "person": 12, "locality": 7, "meeting": 5}
    assert Counter(k for _, _, k in g.edges(keys=True)) == {
        "part_of": 29, "located_in": 21, "holds": 20, "organised": 8, "attended": 5, "spoke": 3,
        "chaired": 3, "concluded": 3, "reported": 1}


def test_network_meetings_have_chairs_and_participants(seeds_network):
    g = seeds_network
    found = {}
    for node, data in g.nodes(data=True):
        if data["kind"] == "meeting":
            people = [(g.nodes[u]["label"], k) for u, _, k in g.in_edges(node, keys=True)
                      if g.nodes[u]["kind"] == "person"]
            chairs = [name for name, k in people if k == "chaired"]
            found[data["label"]] = (sorted(chairs), sorted(people))
    assert found == MEETINGS


def test_network_same_from_turtle_and_named_graphs(seeds_network, seeds_nq, seeds_ttl):
    for path in (seeds_nq, seeds_ttl):
        g = full_network(load_graph(path))
        assert set(g.nodes) == set(seeds_network.nodes)
        assert set(g.edges(keys=True)) == set(seeds_network.edges(keys=True))


def test_network_person_tooltip_lists_posts_dates_sources(seeds_network):
    data = seeds_network.nodes[_by_label(seeds_network, "Lương Thị Hoa")]
    assert data["tooltip"].split("\n") == [
        "Lương Thị Hoa",
        "Chức vụ:",
        " • Bí thư Huyện ủy Như Xuân (đương nhiệm, 20/03/2023); nguồn: 001_e53dd4812b96e18f — "
        "Thường trực Huyện ủy làm việc với Mặt trận Tổ quốc và các Đoàn thể huyện.",
        "Cuộc họp:",
        " • chủ trì: Buổi làm việc, 2023-03-20, Như Xuân",
        " • kết luận: Buổi làm việc, 2023-03-20, Như Xuân",
    ]
    assert data["strength"] == 1


def test_network_meeting_tooltip(seeds_network):
    data = seeds_network.nodes[_by_label(seeds_network, "Hội nghị giao ban, 2023-12-29, Điện Biên")]
    lines = data["tooltip"].split("\n")
    assert lines[:6] == [
        "Hội nghị giao ban, 2023-12-29, Điện Biên", "Loại: Hội nghị giao ban", "Ngày: 29/12/2023 (chiều)",
        "Địa phương: tỉnh Điện Biên", "Chủ trì: Mùa A Sơn",
        "Thành phần: Mùa A Sơn (chủ trì), Lò Văn Phương (dự), Lò Văn Tiến (dự), Mùa A Sơn (kết luận)"]
    assert lines[6].startswith("Trích dẫn: “ĐBP - Chiều nay (29/12), dưới sự chủ trì của đồng chí Mùa A Sơn")
    assert lines[7] == "Bài báo: 003_3efc173e9c33baf7"
    assert data["strength"] == 3     # three people took part


def test_network_body_tooltip(seeds_network):
    data = seeds_network.nodes[_by_label(seeds_network, "Thường trực Tỉnh ủy Điện Biên")]
    assert data["tooltip"].split("\n") == [
        "Thường trực Tỉnh ủy Điện Biên", "Loại: Thường trực cấp ủy", "Địa phương: tỉnh Điện Biên",
        "Trực thuộc: Tỉnh ủy Điện Biên"]


@pytest.mark.parametrize("value, expected", [
    ("2023-12-29", "29/12/2023"), ("--05-08", "08/05 (không rõ năm)"), ("2023", "2023")])
def test_network_vi_date(value, expected):
    assert vi_date(value) == expected


@pytest.mark.parametrize("filters, nodes, edges, meetings", [
    ({"person": "Lương Thị Hoa", "depth": 1}, 3, 3, ["Buổi làm việc, 2023-03-20, Như Xuân"]),
    ({"person": "luong thi hoa", "depth": 1}, 3, 3, ["Buổi làm việc, 2023-03-20, Như Xuân"]),
    ({"person": "Mùa A Sơn", "depth": 0}, 1, 0, []),
    ({"person": "Lương Thị Hoa"}, 9, 13, ["Buổi làm việc, 2023-03-20, Như Xuân"]),
    ({"locality": "Điện Biên"}, 14, 21, ["Hội nghị giao ban, 2023-12-29, Điện Biên"]),
    ({"locality": "huyện Bắc Mê"}, 9, 11, ["Hội nghị tổng kết, 2022-01-06, Bắc Mê"]),
    ({"locality": "Tuyên Quang", "depth": 1}, 7, 9, ["Buổi làm việc, 2022-12-27, Hàm Yên"]),
    ({"meeting_type": "Buổi làm việc"}, 41, 59, [
        "Buổi làm việc, --05-08", "Buổi làm việc, 2022-12-27, Hàm Yên", "Buổi làm việc, 2023-03-20, Như Xuân"]),
    ({"meeting_type": "BriefingConference", "depth": 0}, 1, 0, ["Hội nghị giao ban, 2023-12-29, Điện Biên"]),
    ({"since": "2023-01-01", "until": "2023-06-30"}, 14, 21, ["Buổi làm việc, 2023-03-20, Như Xuân"]),
    ({"since": "2023", "depth": 0}, 2, 0, [
        "Buổi làm việc, 2023-03-20, Như Xuân", "Hội nghị giao ban, 2023-12-29, Điện Biên"]),
    ({"until": "2022-12", "depth": 0}, 2, 0, [
        "Buổi làm việc, 2022-12-27, Hàm Yên", "Hội nghị tổng kết, 2022-01-06, Bắc Mê"]),
    ({"max_nodes": 5}, 5, 0, sorted(MEETINGS)),
])
def test_network_filters(seeds_dataset, filters, nodes, edges, meetings):
    g = build_network(seeds_dataset, **filters)
    assert (g.number_of_nodes(), g.number_of_edges(), _meetings(g)) == (nodes, edges, meetings)


def test_network_max_nodes_keeps_nearest_first(seeds_dataset):
    g = build_network(seeds_dataset, person="Lương Thị Hoa", max_nodes=2)
    assert sorted(d["label"] for _, d in g.nodes(data=True)) == [
        "Buổi làm việc, 2023-03-20, Như Xuân", "Lương Thị Hoa"]
    assert (g.graph["shown_nodes"], g.graph["total_nodes"]) == (2, 9)


@pytest.mark.parametrize("filters, message", [
    ({"person": "Không Có Ai"}, "no person named 'Không Có Ai' in the graph"),
    ({"locality": "Hà Nội"}, "no locality named 'Hà Nội' in the graph"),
    ({"meeting_type": "tiệc trà"}, "unknown meeting type 'tiệc trà'"),
    ({"meeting_type": "Kỳ họp"}, "no meeting matches the filters"),
    ({"since": "2030"}, "no meeting matches the filters"),
    ({"since": "29/12/2023"}, "not a date: '29/12/2023'"),
    ({"depth": 2}, "--depth needs a selection"),
    ({"max_nodes": 0}, "--depth must be 0 or more and --max-nodes 1 or more"),
])
def test_network_filter_matching_nothing_is_a_usage_error(seeds_dataset, filters, message):
    with pytest.raises(UsageError) as raised:
        build_network(seeds_dataset, **filters)
    assert raised.value.message == message


def test_network_empty_graph_is_a_usage_error():
    from graph_builder.storage.files import new_dataset
    with pytest.raises(UsageError) as raised:
        build_network(new_dataset())
    assert raised.value.message == "the graph holds no person, post, body, place or meeting"


def test_network_hostile_text_stays_data():
    g = full_network(hostile_dataset())
    person = next(d for _, d in g.nodes(data=True) if d["label"] == HOSTILE_NAME)
    assert person["tooltip"].startswith(HOSTILE_NAME + "\n")
    meeting = next(d for _, d in g.nodes(data=True) if d["kind"] == "meeting")
    assert f"Chủ trì: {HOSTILE_NAME}, Lương Thị Hoa" in meeting["tooltip"].split("\n")
    assert "<script>window.__pwned=1</script>" in meeting["tooltip"]   # the article title, verbatim


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_export_round_trips(seeds_dataset, seeds_network, tmp_path, fmt, read):
    out = tmp_path / f"seeds.{fmt}"
    size = export_network(seeds_dataset, out, fmt)
    assert size == out.stat().st_size
    back = read(out)
    assert (back.number_of_nodes(), back.number_of_edges()) == (66, 93)
    node = _by_label(seeds_network, "Lương Thị Hoa")
    assert back.nodes[node]["label"] == "Lương Thị Hoa" and back.nodes[node]["kind"] == "person"


def test_network_export_unknown_format(seeds_dataset, tmp_path):
    with pytest.raises(UsageError):
        export_network(seeds_dataset, tmp_path / "x.dot", "dot")


def test_network_cli_export_graphml_and_rdf(vnkg, seeds_ttl, tmp_path):
    result = vnkg("export", seeds_ttl, "--format", "graphml", "--out", tmp_path / "s.graphml")
    assert result.code == 0, result
    assert nx.read_graphml(tmp_path / "s.graphml").number_of_nodes() == 66
    result = vnkg("export", seeds_ttl, "--format", "gexf", "--out", tmp_path / "s.gexf", "--since", "2023")
    assert result.code == 0, result
    assert vnkg("export", seeds_ttl, "--out", tmp_path / "s.nq").code == 0
    assert load_graph(tmp_path / "s.nq")
    bad = vnkg("export", seeds_ttl, "--format", "turtle", "--out", tmp_path / "s.nq")
    assert bad.code == 2 and "does not match" in bad.err
    bad = vnkg("export", seeds_ttl, "--out", tmp_path / "s2.nq", "--person", "Lương Thị Hoa")
    assert bad.code == 2 and "graphml or gexf only" in bad.err


@pytest.mark.parametrize("filters", [["--person", "Mùa A Sơn"], ["--locality", "Hàm Yên", "--max-nodes", "6"]])
def test_network_filtered_export_is_the_same_bytes_in_every_process(seeds_ttl, tmp_path, filters):
    # a networkx subgraph iterates the order of a set, which the hash seed changes
    import os
    import subprocess
    import sys
    outputs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"{seed}.graphml"
        subprocess.run([sys.executable, "-m", "graph_builder", "export", str(seeds_ttl), "--format", "graphml",
                        "--out", str(out), *filters], check=True, capture_output=True,
                       env=dict(os.environ, PYTHONHASHSEED=seed))
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
