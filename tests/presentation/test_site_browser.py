"""The site in a real browser (Debian's headless Chromium, network off, driven over the
DevTools protocol by tests/chromium.py): from the index's search, typed without
diacritics, to a person, one of their meetings, the article with its highlighted
evidence, and the body whose succession that evidence is part of. Nothing may leave
file://, nothing may err, hostile names stay text. Screenshots go to tests/artifacts/
(docs/site_person.png is a copy of site_person.png)."""

from __future__ import annotations

import json
import time

import pytest

from graph_builder import build_graph, build_site

from ..chromium import Chromium, find_chromium
from ..support import ROOT
from ..viz_support import HOSTILE_NAME, HOSTILE_PERSON, hostile_dataset
from .site_support import build_inputs
from graph_builder.presentation.site.render import file_name

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser():
    with Chromium(CHROMIUM, width=1280, height=1000) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site-browser") / "site"
    build_site(build_graph(build_inputs()).dataset, out)
    return out


def _js(browser: Chromium, body: str):
    return browser.evaluate(f"(function () {{ {body} }})()")


def _arrive(browser: Chromium, path_end: str) -> str:
    """Wait until the page at a URL containing `path_end` has loaded; its URL. (A poll
    that lands in the middle of the navigation is refused by DevTools: poll again.)"""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            url = browser.evaluate(f"""document.readyState === 'complete'
                && location.href.indexOf({json.dumps(path_end)}) >= 0 && location.href""")
        except RuntimeError as exc:
            if "navigated" not in str(exc):
                raise
            url = None
        if url:
            return url
        time.sleep(0.02)
    raise AssertionError(f"never reached {path_end}; at {browser.evaluate('location.href')}; errors: {browser.errors}")


def _click(browser: Chromium, selector: str, text: str | None = None) -> str:
    """Click the first link matching `selector` (and whose text is `text`); its href."""
    return _js(browser, f"""
        var links = Array.prototype.filter.call(document.querySelectorAll({json.dumps(selector)}), function (a) {{
            return {json.dumps(text)} === null || a.textContent.trim() === {json.dumps(text)}; }});
        if (!links.length) {{ throw new Error('no link ' + {json.dumps(selector)} + ' ' + {json.dumps(text)}); }}
        var href = links[0].getAttribute('href');
        links[0].click();
        return href;""")


def test_site_browser_from_search_to_person_meeting_article_and_succession(browser, site):
    browser.requests.clear()
    browser.errors.clear()
    browser.open(site / "index.html")
    assert browser.wait_for("window.vnkgSearchState && window.vnkgSearchState.ready", timeout=20), browser.errors
    assert _js(browser, "return window.vnkgSearchState.entries;") == 15 + 24 + 8 + 8 + 8
    # typed without diacritics, as on a keyboard without a Vietnamese layout
    found = _js(browser, """var input = document.getElementById('search');
        input.value = 'dang thi mai'; input.dispatchEvent(new Event('input'));
        return [window.vnkgSearchState.count, Array.prototype.map.call(document.querySelectorAll('#results li'),
                function (li) { return li.textContent; }), document.getElementById('search-status').textContent];""")
    assert found == [1, ["Đặng Thị MaiNgườiBí thư Huyện ủy Hàm Yên"], "1 kết quả."]
    # with diacritics, they count: "Hòa" is not "Hoa"
    assert _js(browser, """var input = document.getElementById('search');
        input.value = 'Nguyễn Duy Hòa'; input.dispatchEvent(new Event('input'));
        return window.vnkgSearchState.count;""") == 1

    _js(browser, """var input = document.getElementById('search');
        input.value = 'dang thi mai'; input.dispatchEvent(new Event('input'));""")
    person = _click(browser, "#results a")
    _arrive(browser, person)
    assert browser.evaluate("document.querySelector('h1').textContent") == "Đặng Thị Mai"
    assert browser.evaluate("document.querySelectorAll('#posts tbody tr').length") == 2
    # the stylesheet loaded (with the page's nonce): the page is laid out as designed
    assert browser.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") == "1100px"
    browser.screenshot(ARTIFACTS / "site_person.png")

    meeting = _click(browser, "#meetings a", "Hội nghị sơ kết, 2023-07-14, Hàm Yên")
    _arrive(browser, meeting.lstrip("./"))
    assert browser.evaluate("document.querySelector('h1').textContent") == "Hội nghị sơ kết, 2023-07-14, Hàm Yên"
    assert _js(browser, """var cells = document.querySelectorAll('#participants tbody tr td:first-child');
        return Array.prototype.map.call(cells, function (td) { return td.textContent; });""") == [
        "Đặng Thị Mai", "Hoàng Văn Khải", "Vương Đức Toàn"]

    article = _click(browser, "#evidence a.quote")
    _arrive(browser, "#ev-63-165")
    highlighted = _js(browser, """var target = document.querySelector(':target');
        var marks = document.querySelectorAll('mark');
        return {target: target && target.id, mark: target && target.querySelector('mark').textContent,
                marks: marks.length, colour: getComputedStyle(marks[0]).backgroundColor,
                title: document.querySelector('h1').textContent};""")
    assert highlighted == {"target": "ev-63-165", "marks": 3, "colour": "rgb(255, 241, 168)",
                           "mark": "Chiều ngày 14/07/2023, Huyện ủy Hàm Yên tổ chức Hội nghị sơ kết công tác dân vận "
                                   "6 tháng đầu năm 2023.",
                           "title": "Huyện ủy Hàm Yên sơ kết công tác dân vận 6 tháng đầu năm 2023"}
    assert article.startswith("../article/site_02_ham_yen_2023.html")
    browser.screenshot(ARTIFACTS / "site_article.png")

    # the chair's sentence supports her holding: its post leads to the post's holders
    body = _click(browser, "#ev-166-222 ul.supports a", "Bí thư Huyện ủy Hàm Yên")
    _arrive(browser, body.split("/")[-1])
    succession = _js(browser, """var post = document.querySelector(':target');
        return {post: post.querySelector('h3').textContent, body: document.querySelector('h1').textContent,
                holders: Array.prototype.map.call(post.querySelectorAll('ol.holders > li > a'),
                                                  function (a) { return a.textContent; })};""")
    assert succession == {"post": "Bí thư Huyện ủy Hàm Yên", "body": "Huyện ủy Hàm Yên",
                          "holders": ["Hoàng Văn Khải", "Đặng Thị Mai"]}
    browser.screenshot(ARTIFACTS / "site_body.png")

    # and the person's small graph: the viz page, vis-network from the site's assets
    browser.open(site / person.replace("../", "").replace("person/", "graph/", 1))
    state = browser.wait_for("window.vnkgState && window.vnkgState.stabilised && window.vnkgState", timeout=60)
    assert state and state["nodes"] > 5, browser.errors
    assert browser.errors == []
    assert browser.requests and all(url.startswith("file://") for url in browser.requests), browser.requests


def test_site_browser_hostile_names_are_text_and_run_nothing(browser, tmp_path):
    out = tmp_path / "site"
    build_site(hostile_dataset(), out)
    browser.requests.clear()
    browser.errors.clear()
    browser.open(out / "index.html")
    assert browser.wait_for("window.vnkgSearchState && window.vnkgSearchState.ready", timeout=20), browser.errors
    results = _js(browser, """var input = document.getElementById('search');
        input.value = 'onerror'; input.dispatchEvent(new Event('input'));
        var links = document.querySelectorAll('#results a');
        return Array.prototype.map.call(links, function (a) { return a.textContent; });""")
    assert HOSTILE_NAME in results
    for name in ("index.html", file_name("person", str(HOSTILE_PERSON)),
                 *(p.relative_to(out).as_posix() for p in sorted((out / "article").iterdir()))):
        browser.open(out / name)
        assert browser.wait_for("document.readyState === 'complete'", timeout=20)
        time.sleep(0.3)                      # time for any onerror handler to have fired
        page = _js(browser, """return {pwned: typeof window.__pwned, images: document.images.length,
            scripts: document.scripts.length, h1: document.querySelector('h1').textContent};""")
        assert page["pwned"] == "undefined" and page["images"] == 0, (name, page)
        assert page["scripts"] == (2 if name == "index.html" else 0), (name, page)
        if name.startswith("person/"):
            assert page["h1"] == HOSTILE_NAME
    browser.screenshot(ARTIFACTS / "site_hostile.png")
    assert browser.errors == []
    assert all(url.startswith("file://") for url in browser.requests), browser.requests


def test_site_browser_body_page_shows_terms_from_changes_of_post(browser, tmp_path):
    """A body whose posts changed hands: terms where changes give them, attestations
    otherwise (docs/site_body_terms.png is a copy of site_body_terms.png)."""
    from graph_builder.presentation.site.model import build_site_graph, read_triples

    from ..support import CHANGES
    dataset = build_graph([CHANGES / "articles"]).dataset
    out = tmp_path / "site"
    build_site(dataset, out)
    model = build_site_graph(read_triples(dataset))
    (body,) = [k for k, v in model.bodies.items() if v.name == "Ủy ban nhân dân huyện Mường Ảng"]
    browser.requests.clear()
    browser.errors.clear()
    browser.open(out / file_name("body", body))
    _arrive(browser, file_name("body", body).split("/")[-1])
    holders = _js(browser, """return Array.prototype.map.call(
        document.querySelectorAll('#succession section.post ol.holders li'),
        function (li) { return li.textContent.replace(/\\s+/g, ' ').trim(); });""")
    assert "Lường Thị Hoa nhiệm kỳ từ 13/09/2023 (c01_muong_ang_ky_hop_mien_nhiem_bau)" in holders
    assert "Quàng Văn Dũng đến 13/09/2023 (c01_muong_ang_ky_hop_mien_nhiem_bau)" in holders
    assert all(url.startswith("file://") for url in browser.requests), browser.requests
    assert not browser.errors, browser.errors
    browser.screenshot(ARTIFACTS / "site_body_terms.png")
