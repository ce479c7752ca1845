"""`vnkg site`: a page per person, body, place, meeting and article, built from the seeds
and the site's test articles (tests/data/site/articles: Hàm Yên, where the Bí thư changes
between 2022 and 2023). Pages are read with a small DOM (site_support) and checked for
exact facts; the browser test (test_site_browser.py) follows the links in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph_builder import UsageError, build_graph, build_site
from graph_builder.presentation.site.model import build_site_graph, read_triples
from graph_builder.presentation.site.render import file_name

from ..support import SEEDS
from .site_support import build_inputs, node_page, page, parse

ID = "https://w3id.org/vnkg/id/"


@pytest.fixture(scope="module")
def dataset():
    return build_graph(build_inputs()).dataset


@pytest.fixture(scope="module")
def model(dataset):
    return build_site_graph(read_triples(dataset))


@pytest.fixture(scope="module")
def site(dataset, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(dataset, out)
    return out


def iri(model, kind: str, name: str) -> str:
    table = {"person": model.persons, "body": model.bodies, "place": model.places, "meeting": model.meetings,
             "article": model.articles}[kind]
    (found,) = [k for k, v in table.items() if name in (getattr(v, "name", None), getattr(v, "label", None),
                                                         getattr(v, "ident", None))]
    return found


def rows(table) -> list[list[str]]:
    return [[td.text for td in tr.find("td")] for tr in table.find("tr") if tr.find("td")]


def test_site_index_counts_every_kind_and_lists_them(site, model):
    index = page(site, "index.html")
    counts = {a.text: a.parent.find("span")[0].text for a in index.by_id("lists").find("a")}
    assert counts == {"Người": "15", "Cơ quan": "24", "Địa phương": "8", "Cuộc họp": "8", "Bài báo": "8"}
    persons = [text for _, text in page(site, "persons.html").find("main")[0].links()]
    assert len(persons) == 15 and persons[:3] == ["Đặng Thị Mai", "Hoàng Văn Khải", "Lê Mạnh Cường"]
    meetings = [text for _, text in page(site, "meetings.html").find("main")[0].links()]
    assert meetings[:2] == ["Hội nghị tổng kết, 2022-01-06, Bắc Mê", "Hội nghị tổng kết, 2022-01-10, Hàm Yên"]
    assert meetings[-1] == "Buổi làm việc, --05-08"          # a date without a year comes last


def test_site_search_index_holds_every_entity_with_its_page(site, model):
    text = (site / "search-index.js").read_text(encoding="utf-8")
    assert text.startswith("window.vnkgSearch = {") and text.endswith("};\n")
    import json
    entries = json.loads(text[len("window.vnkgSearch = "):-2])["entries"]
    assert len(entries) == 15 + 24 + 8 + 8 + 8
    mai = [e for e in entries if e[1] == "Đặng Thị Mai"]
    assert mai == [["person", "Đặng Thị Mai", file_name("person", iri(model, "person", "Đặng Thị Mai")),
                    "Bí thư Huyện ủy Hàm Yên"]]
    assert all((site / e[2]).is_file() for e in entries)


def test_site_person_page_shows_posts_over_time_meetings_and_whom_they_met(site, model):
    mai = node_page(site, "person", iri(model, "person", "Đặng Thị Mai"))
    assert mai.find("h1")[0].text == "Đặng Thị Mai"
    posts = rows(mai.by_id("posts").find("table")[0])
    assert [r[:5] for r in posts] == [
        ["Phó Bí thư Thường trực Huyện ủy Hàm Yên", "Huyện ủy Hàm Yên", "đương nhiệm", "10/01/2022", "10/01/2022"],
        ["Bí thư Huyện ủy Hàm Yên", "Huyện ủy Hàm Yên", "đương nhiệm", "14/07/2023", "02/04/2024"]]
    # each attestation: its date, the article, and the sentence that says so
    sources = mai.by_id("posts").find("ul", cls="sources")[1].find("li")
    assert [li.find("span")[0].text for li in sources] == ["14/07/2023", "02/04/2024"]
    assert "Đồng chí Đặng Thị Mai, Bí thư Huyện ủy chủ trì hội nghị." in sources[0].find("q")[0].text
    href = sources[0].find("a")[0].attrs["href"]
    assert href.startswith("../article/site_02_ham_yen_2023.html#ev-")
    meetings = rows(mai.by_id("meetings").find("table")[0])
    assert [(r[0], r[2], r[4]) for r in meetings] == [
        ("10/01/2022", "Hội nghị tổng kết", "Dự"), ("14/07/2023", "Hội nghị sơ kết", "Chủ trì"),
        ("02/04/2024", "Hội nghị giao ban", "Chủ trì, Kết luận")]
    met = rows(mai.by_id("met").find("table")[0])
    assert met == [["Vương Đức Toàn", "3", "10/01/2022", "02/04/2024"], ["Hoàng Văn Khải", "2", "10/01/2022",
                                                                          "14/07/2023"]]
    graph = mai.find("a", cls="graph-link")[0].attrs["href"]
    assert graph == "../" + file_name("graph", iri(model, "person", "Đặng Thị Mai"))
    assert (site / graph[3:]).is_file()


def test_site_body_page_lists_each_post_s_holders_in_order_of_attestation(site, model):
    body = node_page(site, "body", iri(model, "body", "Huyện ủy Hàm Yên"))
    facts = dict(zip([dt.text for dt in body.find("dt")], [dd.text for dd in body.find("dd")]))
    assert facts == {"Loại": "Cấp ủy Đảng", "Địa phương": "huyện Hàm Yên", "Trực thuộc": "—",
                     "Cơ quan trực thuộc": "Thường trực Huyện ủy Hàm Yên"}
    posts = {s.find("h3")[0].text: s for s in body.by_id("succession").find("section", cls="post")}
    assert list(posts) == ["Bí thư Huyện ủy Hàm Yên", "Phó Bí thư Huyện ủy Hàm Yên",
                           "Phó Bí thư Thường trực Huyện ủy Hàm Yên"]
    secretary = [li.text for li in posts["Bí thư Huyện ủy Hàm Yên"].find("ol")[0].find("li")]
    assert secretary == ["Hoàng Văn Khải ghi nhận 10/01/2022 ( site_01_ham_yen_2022 )",
                         "Đặng Thị Mai ghi nhận 14/07/2023 – 02/04/2024 ( Hàm Yên giao ban Quý I 2024 , "
                         "site_02_ham_yen_2023 )"]
    # a former holder ("nguyên Bí thư") is shown apart, never as a term of office
    assert [li.find("a")[0].text for li in posts["Bí thư Huyện ủy Hàm Yên"].find("ul", cls="former")[0].find("li")] \
        == ["Hoàng Văn Khải"]
    deputy = [li.find("a")[0].text for li in posts["Phó Bí thư Thường trực Huyện ủy Hàm Yên"].find("li")]
    assert deputy == ["Đặng Thị Mai", "Nguyễn Duy Hòa"]      # 2022-01-10 (test article), 2022-12-27 (seed)
    assert [r[1] for r in rows(body.by_id("meetings").find("table")[0])] == [
        "Hội nghị tổng kết, 2022-01-10, Hàm Yên", "Hội nghị sơ kết, 2023-07-14, Hàm Yên"]


def test_site_place_page_shows_kind_parent_bodies_and_meetings(site, model):
    place = node_page(site, "place", iri(model, "place", "huyện Hàm Yên"))
    facts = dict(zip([dt.text for dt in place.find("dt")], [dd.text for dd in place.find("dd")]))
    assert facts == {"Loại đơn vị": "huyện", "Cấp": "Cấp huyện", "Mã đơn vị hành chính": "074",
                     "Thuộc": "tỉnh Tuyên Quang", "Hiệu lực": "đến 2025-06-30"}
    assert [a.text for a in place.by_id("bodies").find("a")] == [
        "Huyện ủy Hàm Yên", "Hội đồng nhân dân huyện Hàm Yên", "Thường trực Huyện ủy Hàm Yên",
        "Ủy ban nhân dân huyện Hàm Yên"]
    assert [r[0] for r in rows(place.by_id("meetings").find("table")[0])] == [
        "10/01/2022", "27/12/2022", "14/07/2023", "02/04/2024"]
    province = node_page(site, "place", next(k for k, v in model.places.items()
                                             if v.label == "tỉnh Tuyên Quang" and "/2025-" not in k))
    terms = [dt.text for dt in province.find("dt")]
    assert "huyện Hàm Yên" in [a.text for a in province.find("dd")[terms.index("Gồm")].find("a")]


def test_site_place_page_shows_what_the_2025_reform_made_of_it(site, model):
    district = node_page(site, "place", iri(model, "place", "huyện Hàm Yên"))
    assert [dd.text for dd in district.by_id("succession").find("dd")] == ["đến 2025-06-30"]
    old = node_page(site, "place", next(k for k, v in model.places.items()
                                        if v.label == "tỉnh Tuyên Quang" and "/2025-" not in k))
    new = node_page(site, "place", next(k for k, v in model.places.items()
                                        if v.label == "tỉnh Tuyên Quang" and "/2025-" in k))
    assert [a.text for a in old.by_id("succession").find("a")] == ["tỉnh Tuyên Quang"]
    assert "tỉnh Tuyên Quang" in [a.text for a in new.by_id("succession").find("a")]
    assert [dd.text for dd in new.by_id("succession").find("dd")][0] == "từ 2025-07-01"


def test_site_meeting_page_shows_type_date_place_chair_participants_and_quote(site, model):
    meeting = node_page(site, "meeting", iri(model, "meeting", "Hội nghị sơ kết, 2023-07-14, Hàm Yên"))
    facts = dict(zip([dt.text for dt in meeting.find("dt")], [dd.text for dd in meeting.find("dd")]))
    assert facts == {"Loại": "Hội nghị sơ kết", "Ngày": "14/07/2023 (chiều)",
                     "Địa điểm": "huyện Hàm Yên , tỉnh Tuyên Quang", "Trực tuyến": "không",
                     "Chủ trì": "Đặng Thị Mai", "Cơ quan tổ chức": "Huyện ủy Hàm Yên",
                     "Bài báo": "Huyện ủy Hàm Yên sơ kết công tác dân vận 6 tháng đầu năm 2023"}
    assert [r[:3] for r in rows(meeting.by_id("participants").find("table")[0])] == [
        ["Đặng Thị Mai", "Bí thư Huyện ủy Hàm Yên", "Chủ trì"],
        ["Hoàng Văn Khải", "nguyên Bí thư Huyện ủy Hàm Yên", "Dự"],
        ["Vương Đức Toàn", "Chủ tịch Ủy ban nhân dân huyện Hàm Yên; Phó Bí thư Huyện ủy Hàm Yên", "Dự"]]
    (quote,) = meeting.by_id("evidence").find("a")
    assert quote.text == ("Chiều ngày 14/07/2023, Huyện ủy Hàm Yên tổ chức Hội nghị sơ kết công tác dân vận "
                          "6 tháng đầu năm 2023.")
    assert quote.attrs["href"] == "../article/site_02_ham_yen_2023.html#ev-63-165"


def test_site_article_page_highlights_each_evidence_sentence_linked_to_its_facts(site, model):
    article = node_page(site, "article", iri(model, "article", "001_e53dd4812b96e18f"))
    blocks = article.find("div", cls="evidence")
    assert [b.attrs["id"] for b in blocks] == ["ev-75-191", "ev-192-381", "ev-2388-2525"]
    assert [g.text for g in article.find("p", cls="gap")] == ["[… 75 ký tự …]", "[… 1 ký tự …]",
                                                              "[… 2007 ký tự …]"]
    marks = [b.find("mark")[0].text for b in blocks]
    assert marks[0] == ("Chiều ngày 20/03/2023, Thường trực Huyện ủy Như Xuân đã có buổi làm việc với "
                        "Mặt trận Tổ quốc và các Đoàn thể huyện.")
    # the highlight links to the first fact it supports; the list under it names them all
    meeting = file_name("meeting", iri(model, "meeting", "Buổi làm việc, 2023-03-20, Như Xuân"))
    assert blocks[0].find("a", cls="highlight")[0].attrs["href"] == "../" + meeting
    supports = [li.text for li in blocks[1].find("ul", cls="supports")[0].find("li")]
    assert supports[:2] == ["Chức vụ: Lê Văn Thuận — Phó Bí thư Thường trực Huyện ủy Như Xuân",
                            "Chức vụ: Lương Thị Hoa — Bí thư Huyện ủy Như Xuân"]
    assert supports[-1] == "Tham gia: Nguyễn Đức Đồng: Dự"
    hoa, post = [a.attrs["href"] for a in blocks[1].find("ul")[0].find("li")[1].find("a")]
    assert hoa.startswith("../" + file_name("person", iri(model, "person", "Lương Thị Hoa")) + "#h-")
    assert post.startswith("../" + file_name("body", iri(model, "body", "Huyện ủy Như Xuân")) + "#post-")


def test_site_every_link_leads_to_a_page_and_the_element_it_names(site):
    pages = sorted(site.rglob("*.html"))
    ids = {p: set(re.findall(r'\bid="([^"]+)"', p.read_text(encoding="utf-8"))) for p in pages}
    checked = 0
    for path in pages:
        if path.parent.name == "graph":
            continue
        for href, _ in parse(path.read_text(encoding="utf-8")).links():
            target, _, fragment = href.partition("#")
            resolved = (path.parent / target).resolve()
            assert resolved.is_file(), f"{path.relative_to(site)}: {href}"
            assert not fragment or fragment in ids[resolved], f"{path.relative_to(site)}: {href}"
            checked += 1
    assert checked > 500


def test_site_pages_are_offline_with_a_nonce_of_their_own(site):
    nonces = set()
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        assert "default-src 'none'" in html, path
        assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:|//|javascript:|data:)""", html, re.I), path
        (nonce,) = set(re.findall(r"'nonce-([A-Za-z0-9_-]+)'", html))
        assert set(re.findall(r'nonce="([^"]+)"', html)) == {nonce}, path
        nonces.add(nonce)
    assert len(nonces) == len(list(site.rglob("*.html")))         # each page's nonce is its own hash


@pytest.mark.parametrize("how", ["in this process, inputs reversed, two jobs",
                                 "another process, from Turtle, another hash seed"])
def test_site_same_graph_gives_byte_identical_files(dataset, site, tmp_path, how):
    again = tmp_path / "again"
    if how.startswith("in this process"):
        build_site(build_graph(list(reversed(build_inputs()))).dataset, again, jobs=2)
    else:
        import os
        import subprocess
        import sys
        from graph_builder import write_graph
        write_graph(dataset, tmp_path / "graph.ttl")
        # str and set orders change with the hash seed: nothing may depend on them
        subprocess.run([sys.executable, "-m", "graph_builder", "site", "--graph", str(tmp_path / "graph.ttl"),
                        "--out", str(again)], check=True, capture_output=True,
                       env={**os.environ, "PYTHONHASHSEED": "12345"})
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_site_from_the_store_is_the_site_from_the_graph(corpus_build, corpus_store, tmp_path):
    from_graph, from_store = tmp_path / "graph", tmp_path / "store"
    build_site(corpus_build.dataset, from_graph)
    report = build_site(corpus_store, from_store, jobs=2)
    assert report.counts["article"] == 51
    files = sorted(p.relative_to(from_graph) for p in from_graph.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(from_store) for p in from_store.rglob("*") if p.is_file())
    assert [f for f in files if (from_graph / f).read_bytes() != (from_store / f).read_bytes()] == []


def test_site_rebuild_after_adding_articles_rewrites_only_changed_pages(tmp_path, model):
    out = tmp_path / "site"
    first = build_site(build_graph([SEEDS]).dataset, out)
    assert first.written == first.files and first.unchanged == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    report = build_site(build_graph(build_inputs()).dataset, out)
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    changed = {p.relative_to(out).as_posix() for p in after if before.get(p) != after[p]}
    assert report.written == len(changed) + 1           # and the search index
    assert report.unchanged == report.files - report.written and report.removed == 0
    # untouched by the Hàm Yên articles: Điện Biên's people, meeting and article
    son = file_name("person", iri(model, "person", "Mùa A Sơn"))
    assert son not in changed and "article/003_3efc173e9c33baf7.html" not in changed
    assert file_name("person", iri(model, "person", "Nguyễn Duy Hòa")) not in changed
    # changed: Hàm Yên's place and body pages, and the new people's pages
    assert file_name("place", iri(model, "place", "huyện Hàm Yên")) in changed
    assert file_name("body", iri(model, "body", "Huyện ủy Hàm Yên")) in changed
    assert file_name("person", iri(model, "person", "Đặng Thị Mai")) in changed
    assert build_site(build_graph(build_inputs()).dataset, out).written == 0


def test_site_rebuild_removes_the_pages_it_no_longer_makes(tmp_path, dataset):
    out = tmp_path / "site"
    full = build_site(dataset, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    narrow = build_site(dataset, out, person="Mùa A Sơn")
    assert narrow.removed == full.files - narrow.files
    listed = (out / "vnkg-site.txt").read_text(encoding="utf-8").split()
    assert sorted(str(p.relative_to(out).as_posix()) for p in out.rglob("*")
                  if p.is_file() and p.name not in ("vnkg-site.txt", "notes.txt")) == listed
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"     # not a file the site made


def test_site_refuses_a_folder_it_did_not_make(tmp_path, dataset):
    (tmp_path / "report.docx").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="not a site made by `vnkg site`"):
        build_site(dataset, tmp_path)


@pytest.mark.parametrize("filters, persons, meetings", [
    ({"person": "dang thi mai"}, ["Hoàng Văn Khải", "Vương Đức Toàn", "Đặng Thị Mai"], 3),
    ({"locality": "Như Xuân"}, ["Lê Văn Thuận", "Lương Thị Hoa", "Nguyễn Đức Đồng"], 1),
    ({"since": "2023-07", "until": "2023"}, ["Hoàng Văn Khải", "Lò Văn Phương", "Lò Văn Tiến", "Mùa A Sơn",
                                             "Vương Đức Toàn", "Đặng Thị Mai"], 2),
])
def test_site_filters_keep_part_of_the_graph_as_viz_does(tmp_path, dataset, filters, persons, meetings):
    report = build_site(dataset, tmp_path / "site", **filters)
    listed = sorted(text for _, text in page(tmp_path / "site", "persons.html").find("main")[0].links())
    assert (listed, report.counts["meeting"]) == (persons, meetings)
    assert "Chỉ gồm phần đồ thị khớp bộ lọc" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("filters, message", [
    ({"person": "Không Có Ai"}, "no person named 'Không Có Ai'"),
    ({"locality": "Atlantis"}, "no locality named 'Atlantis'"),
    ({"since": "2030"}, "no meeting or post matches the filters"),
    ({"until": "2023-13"}, "not a date: '2023-13'"),
])
def test_site_filter_that_matches_nothing_is_a_usage_error(tmp_path, dataset, filters, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        build_site(dataset, tmp_path / "site", **filters)
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("kind, node, name", [
    # vnkg's own IRIs keep their last segment
    ("person", ID + "person/luong-thi-hoa-08793249ea", "person/luong-thi-hoa-08793249ea.html"),
    ("article", ID + "article/001_e53dd4812b96e18f", "article/001_e53dd4812b96e18f.html"),
    ("graph", ID + "person/mua-a-son-39b366ccb3", "graph/mua-a-son-39b366ccb3.html"),
    # anything else: a slug and a hash of the IRI (no %, no capitals, no device names)
    ("meeting", ID + "meeting/H%C3%A0m%20Y%C3%AAn%202024-54", "meeting/ham-yen-2024-54-{hash}.html"),
    ("article", ID + "article/Report", "article/report-{hash}.html"),
    ("article", ID + "article/con", "article/con-{hash}.html"),
    ("body", "http://example.org/other/Ủy ban", "org/uy-ban-{hash}.html"),
])
def test_site_file_names_come_from_iris_and_are_safe(kind, node, name):
    import hashlib
    assert file_name(kind, node) == name.format(hash=hashlib.sha1(node.encode("utf-8")).hexdigest()[:10])


def test_site_hostile_names_and_texts_are_escaped(tmp_path):
    from ..viz_support import HOSTILE_NAME, HOSTILE_PERSON, HOSTILE_POST, hostile_dataset
    out = tmp_path / "site"
    build_site(hostile_dataset(), out)
    person = node_page(out, "person", str(HOSTILE_PERSON))
    assert person.find("h1")[0].text == HOSTILE_NAME
    assert rows(person.by_id("posts").find("table")[0])[0][0] == HOSTILE_POST
    for path in out.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for markup in ("<script>window.__pwned", "<img", "<b onmouseover", '<a href="javascript:', "</title><script"):
            assert markup not in html, (path, markup)
        scripts = re.findall(r"<script\b[^>]*>", html)
        expected = 2 if path.name == "index.html" or path.parent.name == "graph" else 0
        assert len(scripts) == expected and all("nonce=" in tag for tag in scripts), (path, scripts)
    (article,) = list((out / "article").iterdir())
    title = parse(article.read_text(encoding="utf-8")).find("h1")[0].text
    assert title.startswith("Hội nghị <script>window.__pwned=1</script> giao ban")
    marks = [m.text for m in parse(article.read_text(encoding="utf-8")).find("mark")]
    assert any('<b onmouseover="window.__pwned=1">quý I</b>' in m for m in marks)
    index = (out / "search-index.js").read_text(encoding="utf-8")
    assert "<" not in index and ">" not in index and "\\u003cscript\\u003e" in index


def test_site_person_graph_is_the_viz_page_of_their_neighbourhood(site, dataset, model):
    import json
    from graph_builder import visualise
    html = (site / file_name("graph", iri(model, "person", "Lương Thị Hoa"))).read_text(encoding="utf-8")
    nodes = json.loads(re.search(r"var nodeData = (\[.*?\]);\n", html).group(1))
    expected = visualise(dataset, person="Lương Thị Hoa")
    assert sorted(n["id"] for n in nodes) == sorted(n["id"] for n in expected.nodes)
    assert '<script nonce="' in html and 'src="../assets/vis-network.min.js"></script>' in html
    assert len(html) < 60_000                    # vis-network is the site's asset, not inlined


def test_site_cli_writes_the_site_and_says_what_it_did(vnkg, seeds_ttl, tmp_path):
    result = vnkg("site", "--graph", seeds_ttl, "--out", tmp_path / "site", "--jobs", "1")
    assert result.code == 0, result
    assert result.err.startswith("vnkg: 12 people, 23 bodies, 8 places, 5 meetings, 5 articles; ")
    assert "written, 0 unchanged, 0 removed) -> " in result.err
    assert (tmp_path / "site" / "index.html").is_file()
    assert vnkg("site", "--out", tmp_path / "x").code == 2
    assert vnkg("site", "--graph", seeds_ttl, "--out", tmp_path / "y", "--person", "Ai Đó").code == 2
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "thesis.tex").write_text("x", encoding="utf-8")
    result = vnkg("site", "--graph", seeds_ttl, "--out", tmp_path / "z")
    assert result.code == 2 and "not a site made by `vnkg site`" in result.err
    result = vnkg("site", "--graph", seeds_ttl, "--out", tmp_path / "z" / "thesis.tex" / "site")
    assert result.code == 1 and "cannot write the site" in result.err and "Traceback" not in result.err


def test_site_an_article_without_a_headline_is_named_by_its_id_and_date(tmp_path):
    from ..support import write_corpus
    (tmp_path / "in").mkdir()
    write_corpus(tmp_path / "in", {"vtc_0412": (
        "Thứ Tư, 04/12/2024 09:30\n(VTC News) -\nSáng 4/12, đồng chí Hoàng Văn Lâm, Bí thư Huyện ủy Hàm Yên chủ "
        "trì hội nghị sơ kết công tác dân vận năm 2024 của huyện, với sự tham dự của lãnh đạo các xã.\n")})
    dataset = build_graph([tmp_path / "in"]).dataset
    model = build_site_graph(read_triples(dataset))
    (article,) = model.articles.values()
    assert article.title == "vtc_0412 (2024-12-04)"
    build_site(dataset, tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*.html"))
    assert "vtc_0412 (2024-12-04)" in index and "(VTC News) -" not in index


def test_site_person_page_lists_namesakes_possibly_the_same_person(tmp_path):
    from ..resolution.support import said
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article_id, date, title in (("so", "13/3/2024", "Giám đốc Sở Tài chính tỉnh Yên Bái"),
                                     ("huyen", "15/3/2024", "Bí thư Huyện ủy Văn Chấn, tỉnh Yên Bái")):
        (corpus / f"{article_id}.txt").write_text(said(article_id, date, title), encoding="utf-8")
    dataset = build_graph([corpus]).dataset
    build_site(dataset, tmp_path / "site")
    graph = build_site_graph(read_triples(dataset))
    persons = {p.articles[0].rsplit("/", 1)[-1]: p for p in graph.persons.values()}
    text = (tmp_path / "site" / file_name("person", persons["so"].iri)).read_text(encoding="utf-8")
    section = text.split('id="candidates"', 1)[1].split("</section>", 1)[0]
    assert f'href="../{file_name("person", persons["huyen"].iri)}"' in section
    assert "Bí thư Huyện ủy Văn Chấn: khác người theo quy tắc" in section
