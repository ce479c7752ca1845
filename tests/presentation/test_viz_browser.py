"""The page in a real browser: Debian's headless Chromium, network off, driven over the
DevTools protocol (tests/chromium.py). Screenshots go to tests/artifacts/ for a person to
look at."""

from __future__ import annotations

import json
import time

import pytest

from graph_builder import visualise
from graph_builder.presentation.viz import page_id, write_page

from ..chromium import Chromium, find_chromium
from ..support import ROOT
from ..viz_support import HOSTILE_HEADING, HOSTILE_NAME, HOSTILE_PERSON, HOSTILE_POST, hostile_dataset

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium): "
                             "the page is checked as HTML only, by tests/test_viz.py")
ARTIFACTS = ROOT / "tests" / "artifacts"
CHAIRS = {("Lương Thị Hoa", "Buổi làm việc, 2023-03-20, Như Xuân"),
          ("Mùa A Sơn", "Hội nghị giao ban, 2023-12-29, Điện Biên"),
          ("Nguyễn Thị Liên", "Buổi làm việc, --05-08")}


@pytest.fixture(scope="module")
def browser():
    with Chromium(CHROMIUM) as chromium:
        yield chromium


def _load(browser: Chromium, path) -> dict:
    browser.requests.clear()
    browser.errors.clear()
    browser.open(path)
    state = browser.wait_for("window.vnkgState && window.vnkgState.stabilised && window.vnkgState", timeout=60)
    assert state, f"the page never stabilised; errors: {browser.errors}"
    return state


def _js(browser: Chromium, expression: str):
    return browser.evaluate(f"(function () {{ {expression} }})()")


def _hover(browser: Chromium, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip's text once it shows."""
    x, y = _js(browser, f"""
        var d = vnkgNetwork.canvasToDOM(vnkgNetwork.getPosition({json.dumps(node_id)}));
        var r = document.getElementById('mynetwork').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y];""")
    browser.mouse_move(x - 40, y - 40)
    browser.mouse_move(x, y)
    shown = browser.wait_for("""(function () { var t = document.querySelector('div.vis-tooltip');
        return t && t.style.visibility !== 'hidden' && t.textContent; })()""", timeout=10)
    assert shown, f"no tooltip for {node_id}"
    return shown


def _page_nodes(browser):
    return _js(browser, "return vnkgNetwork.body.data.nodes.get().map(function (n) { return {id: n.id, label: n.label}; });")


@pytest.fixture(scope="module")
def seeds_page_file(seeds_dataset, tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "seeds.html"
    write_page(visualise(seeds_dataset), path)
    return path


def test_viz_browser_seeds_page_shows_meetings_chairs_participants(browser, seeds_page_file):
    state = _load(browser, seeds_page_file)
    assert (state["nodes"], state["edges"]) == (66, 93)
    data = _js(browser, """var d = vnkgNetwork.body.data, label = function (id) { return d.nodes.get(id).label; };
        return {meetings: d.nodes.get({filter: function (n) { return n.kind === 'meeting'; }}).map(function (n) { return n.label; }),
                chairs: d.edges.get({filter: function (e) { return e.relation === 'chaired'; }})
                        .map(function (e) { return [label(e.from), label(e.to)]; }),
                people: d.edges.get({filter: function (e) { return d.nodes.get(e.from).kind === 'person'
                        && d.nodes.get(e.to).kind === 'meeting'; }}).length,
                physics: vnkgNetwork.physics.physicsEnabled,
                canvas: document.querySelector('#mynetwork canvas').toDataURL().length};""")
    assert sorted(data["meetings"]) == [
        "Buổi làm việc, --05-08", "Buổi làm việc, 2022-12-27, Hàm Yên", "Buổi làm việc, 2023-03-20, Như Xuân",
        "Hội nghị giao ban, 2023-12-29, Điện Biên", "Hội nghị tổng kết, 2022-01-06, Bắc Mê"]
    assert {tuple(pair) for pair in data["chairs"]} == CHAIRS
    assert data["people"] == 15                  # 3 chaired + 5 attended + 3 spoke + 1 reported + 3 concluded
    assert data["physics"] is False              # settled, then stopped
    assert data["canvas"] > 20_000               # something was drawn
    shot = browser.screenshot(ARTIFACTS / "viz_seeds.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert browser.errors == []
    assert browser.requests and all(url.startswith("file://") for url in browser.requests), browser.requests


def test_viz_browser_tooltip_of_a_meeting(browser, seeds_page_file):
    _load(browser, seeds_page_file)
    node = next(n["id"] for n in _page_nodes(browser) if n["label"].startswith("Hội nghị giao ban"))
    text = _hover(browser, node)
    assert "Chủ trì: Mùa A Sơn" in text and "Loại: Hội nghị giao ban" in text
    browser.screenshot(ARTIFACTS / "viz_seeds_tooltip.png")
    assert browser.errors == []


def test_viz_browser_search_kind_filter_and_physics_button(browser, seeds_page_file):
    _load(browser, seeds_page_file)
    found = _js(browser, """document.getElementById('search').value = 'luong thi hoa';
        document.getElementById('search-form').requestSubmit(); return window.vnkgState.found;""")
    assert found == ["person/luong-thi-hoa-08793249ea"]
    assert _js(browser, "return vnkgNetwork.getSelectedNodes();") == found
    visible = _js(browser, """document.querySelector('input[data-kind=position]').click();
        return window.vnkgState.visible;""")
    assert visible == 66 - 19
    assert _js(browser, """document.querySelector('input[data-kind=position]').click();
        return window.vnkgState.visible;""") == 66
    button = _js(browser, """var b = document.getElementById('physics'); b.click();
        return [b.textContent, vnkgNetwork.physics.physicsEnabled];""")
    assert button == ["Tắt chuyển động", True]
    button = _js(browser, """var b = document.getElementById('physics'); b.click();
        return [b.textContent, vnkgNetwork.physics.physicsEnabled];""")
    assert button == ["Bật lại chuyển động", False]
    assert browser.errors == []


def test_viz_browser_hostile_labels_are_text_and_run_nothing(browser, tmp_path):
    path = tmp_path / "hostile.html"
    write_page(visualise(hostile_dataset(), heading=HOSTILE_HEADING), path)
    _load(browser, path)
    person = page_id(str(HOSTILE_PERSON))
    text = _hover(browser, person)
    assert text.startswith(HOSTILE_NAME)
    post = next(n["id"] for n in _page_nodes(browser) if n["label"] == HOSTILE_POST)
    assert _hover(browser, post).startswith(HOSTILE_POST)
    time.sleep(0.3)                                 # time for any onerror handler to have fired
    page = _js(browser, f"""return {{
        pwned: typeof window.__pwned,
        heading: document.getElementById('heading').textContent,
        title: document.title,
        images: document.images.length,
        scripts: document.scripts.length,
        links: document.querySelectorAll('a, iframe, object, embed').length,
        label: vnkgNetwork.body.data.nodes.get({json.dumps(person)}).label,
        option: Array.prototype.some.call(document.querySelectorAll('#names option'),
                                           function (o) {{ return o.value === {json.dumps(HOSTILE_NAME)}; }})}};""")
    assert page == {"pwned": "undefined", "heading": HOSTILE_HEADING, "title": HOSTILE_HEADING, "images": 0,
                    "scripts": 2, "links": 0, "label": HOSTILE_NAME, "option": True}
    browser.screenshot(ARTIFACTS / "viz_hostile.png")
    assert browser.errors == []
    assert all(url.startswith("file://") for url in browser.requests), browser.requests
