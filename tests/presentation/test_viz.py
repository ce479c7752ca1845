"""The interactive page as HTML: offline, escaped, styled per kind (the browser test checks
what a browser actually does with it)."""

from __future__ import annotations

import json
import re

import pytest
from pyvis.network import Network

from graph_builder import render_html, visualise
from graph_builder.presentation.viz import CHAIR_COLOUR, STYLE, _options, initial_layout, page_id, write_page
from graph_builder.presentation.network import full_network

from ..viz_support import HOSTILE_HEADING, HOSTILE_NAME, HOSTILE_POST, hostile_dataset

# URLs that appear inside the vendored vis-network bundle: licence comments, an error
# message and the SVG namespace. They are identifiers, never fetched (and the page's CSP
# would refuse them anyway).
VIS_BUNDLE_URLS = {
    "http://almende.com", "http://opensource.org/licenses/MIT", "http://www.apache.org/licenses/LICENSE-2.0",
    "http://www.w3.org/2000/svg", "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://github.com/visjs", "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE", "https://visjs.github.io/vis-network/"}


@pytest.fixture(scope="module")
def seeds_page(seeds_dataset):
    return visualise(seeds_dataset)


@pytest.fixture(scope="module")
def seeds_html(seeds_page):
    return render_html(seeds_page)


@pytest.fixture(scope="module")
def hostile_html():
    return render_html(visualise(hostile_dataset(), heading=HOSTILE_HEADING))


def test_viz_visualise_returns_a_pyvis_network(seeds_page):
    assert isinstance(seeds_page, Network)
    assert (len(seeds_page.nodes), len(seeds_page.edges)) == (66, 93)
    assert seeds_page.vnkg_stats == {"total_nodes": 66, "nodes": 66, "edges": 93}


def test_viz_page_is_self_contained(seeds_html):
    assert re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", seeds_html, re.I) is None
    assert re.search(r"url\(\s*['\"]?(https?:)?//", seeds_html, re.I) is None
    assert "@import" not in seeds_html
    assert set(re.findall(r"https?://[^\s\"'<>)]+", seeds_html)) <= VIS_BUNDLE_URLS
    assert "default-src 'none'" in seeds_html          # and the browser refuses anything else
    assert "bootstrap" not in seeds_html and "tom-select" not in seeds_html.lower()


def test_viz_nodes_are_styled_per_kind_with_positions(seeds_page):
    kinds = {}
    for node in seeds_page.nodes:
        kinds.setdefault(node["kind"], set()).add((node["color"], node["shape"]))
        assert isinstance(node["x"], float) and isinstance(node["y"], float)
    assert kinds == {kind: {style} for kind, style in STYLE.items()}
    assert len({c for c, _ in STYLE.values()}) == len({s for _, s in STYLE.values()}) == 5


def test_viz_node_size_follows_meetings(seeds_page):
    size = {n["label"]: n["size"] for n in seeds_page.nodes}
    # four people at the 8 May meeting, one at Bắc Mê; a person in one meeting beats one in none
    assert size["Buổi làm việc, --05-08"] > size["Hội nghị tổng kết, 2022-01-06, Bắc Mê"]
    assert size["Mùa A Sơn"] > size["tỉnh Hà Giang"]


def test_viz_chair_edges_stand_out(seeds_page):
    chairs = [e for e in seeds_page.edges if e["relation"] == "chaired"]
    others = [e for e in seeds_page.edges if e["relation"] != "chaired"]
    assert len(chairs) == 3
    assert all(e["color"] == CHAIR_COLOUR and e["width"] == 4 and e["label"] == "chủ trì" for e in chairs)
    assert all("color" not in e for e in others)
    assert {e["label"] for e in others} == {"dự", "phát biểu", "báo cáo", "kết luận", "giữ chức", "thuộc",
                                            "tại", "tổ chức"}


def test_viz_parallel_relations_are_curved_apart(seeds_page):
    # Lương Thị Hoa chaired and concluded the same meeting: two edges, not one on top of the other.
    hoa = next(n["id"] for n in seeds_page.nodes if n["label"] == "Lương Thị Hoa")
    pair = [e for e in seeds_page.edges if e["from"] == hoa and "meeting/" in e["to"]]
    assert sorted(e["relation"] for e in pair) == ["chaired", "concluded"]
    assert sum(1 for e in pair if e.get("smooth", {}).get("type") == "curvedCW") == 1


def _ours(html: str) -> str:
    """The page without the inlined vis-network bundle (which holds a "<script>" string of
    its own): what is left is our template and the data."""
    start = html.index("/**\n * vis-network")
    return html[:start] + html[html.index("</script>", start):]


def _json(html: str, name: str):
    return json.loads(re.search(rf"var {name} = (.*?);\n", html).group(1))


def test_viz_labels_and_legend_in_vietnamese(seeds_html):
    assert [item["label"] for item in _json(seeds_html, "legend")] == [
        "Người", "Cuộc họp", "Cơ quan", "Chức vụ", "Địa phương"]
    for text in ("Tìm", "Bật lại chuyển động", "chủ trì", "quan hệ khác"):
        assert text in seeds_html
    assert '<html lang="vi">' in seeds_html
    assert "Lương Thị Hoa" in {node["label"] for node in _json(seeds_html, "nodeData")}


def test_viz_physics_is_bounded_and_stops(seeds_page, seeds_html):
    physics = seeds_page.options["physics"]
    assert physics["stabilization"]["enabled"] and physics["stabilization"]["iterations"] <= 400
    assert seeds_page.options["layout"] == {"improvedLayout": False}
    assert "setOptions({physics: {enabled: false}})" in seeds_html
    assert "var budgetMs = 3000;" in seeds_html and "network.stopSimulation();" in seeds_html


@pytest.mark.parametrize("size, iterations, overlap", [(66, 400, 0.4), (500, 200, 0.4), (2000, 50, 0), (9000, 40, 0)])
def test_viz_iterations_shrink_as_pages_grow(size, iterations, overlap):
    physics = _options(size)["physics"]
    assert (physics["stabilization"]["iterations"], physics["barnesHut"]["avoidOverlap"]) == (iterations, overlap)


def test_viz_hostile_text_never_becomes_markup(hostile_html):
    for payload in ("<img src=x", "<script>window.__pwned", '"><img', "</title><script>",
                    '<a href="javascript'):
        assert payload not in hostile_html
    ours = _ours(hostile_html)
    assert ours.count("<script") == 2      # vis-network's tag and ours, nothing else
    assert "&lt;img src=x onerror=window.__pwned=3&gt;" in ours    # the heading, escaped
    assert "innerHTML" not in ours and "sourceMappingURL" not in hostile_html


def test_viz_hostile_values_survive_as_text(hostile_html):
    labels = {node["label"] for node in _json(hostile_html, "nodeData")}
    assert {HOSTILE_NAME, HOSTILE_POST} <= labels


def test_viz_filters_pass_through(seeds_dataset):
    page = visualise(seeds_dataset, person="Lương Thị Hoa", depth=1)
    assert sorted(n["label"] for n in page.nodes) == [
        "Buổi làm việc, 2023-03-20, Như Xuân", "Bí thư Huyện ủy Như Xuân", "Lương Thị Hoa"]


def test_viz_layout_is_deterministic_and_separates_nodes(seeds_dataset):
    g = full_network(seeds_dataset)
    first, second = initial_layout(g), initial_layout(full_network(seeds_dataset))
    assert first == second and set(first) == set(g)
    assert len(set(first.values())) == len(first)


def test_viz_page_ids_carry_no_url():
    assert page_id("https://w3id.org/vnkg/id/person/luong-thi-hoa-08793249ea") == "person/luong-thi-hoa-08793249ea"
    assert page_id("http://example.org/x").startswith("x/")


def test_viz_write_page_is_utf8_whatever_the_locale(seeds_page, tmp_path, monkeypatch):
    monkeypatch.setenv("LC_ALL", "C")
    out = tmp_path / "page.html"
    size = write_page(seeds_page, out)
    assert size == out.stat().st_size
    assert "Mạng lưới cán bộ" in out.read_bytes().decode("utf-8")


def test_viz_jupyter_rendering_uses_our_template(seeds_page):
    html = seeds_page.generate_html(notebook=True)
    assert "default-src 'none'" in html and "bootstrap" not in html


def test_viz_cli_writes_page(vnkg, seeds_ttl, tmp_path):
    out = tmp_path / "graph.html"
    result = vnkg("viz", "--graph", seeds_ttl, "--out", out, "--person", "Lương Thị Hoa")
    assert result.code == 0, result
    assert "9 nodes, 13 edges" in result.err and out.stat().st_size > 100_000
    result = vnkg("viz", "--graph", seeds_ttl, "--out", out, "--max-nodes", "10")
    assert "10 nodes (of 66)" in result.err
    result = vnkg("viz", "--graph", seeds_ttl, "--out", tmp_path / "none.html", "--locality", "Hà Nội")
    assert result.code == 2 and "no locality named 'Hà Nội'" in result.err
    assert not (tmp_path / "none.html").exists()
