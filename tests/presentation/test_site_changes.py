"""The site's pages with changes of post (tests/data/changes): a person's timeline of
changes, and a body's holders with their terms where changes give them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_builder import build_graph, build_site
from graph_builder.presentation.site.model import build_site_graph, read_triples

from ..support import CHANGES
from .site_support import node_page


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, object]:
    """The site's folder and its model, from the changes set."""
    dataset = build_graph([CHANGES / "articles"]).dataset
    out = tmp_path_factory.mktemp("site_changes") / "site"
    build_site(dataset, out)
    return out, build_site_graph(read_triples(dataset))


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def model(built):
    return built[1]


def _iri(table, name: str) -> str:
    (found,) = [k for k, v in table.items() if v.name == name]
    return found


def test_site_changes_person_page_shows_a_timeline_of_changes(site, model):
    page = node_page(site, "person", _iri(model.persons, "Giàng Seo Pó"))
    items = [li.text for li in page.by_id("changes").find("li")]
    assert [i.split(" · ")[:3] for i in items] == [
        ["không rõ ngày", "bị kỷ luật (cách chức) Chủ tịch Ủy ban nhân dân xã Mậu Duệ",
         "quyết định của Ban Thường vụ Tỉnh ủy Hà Giang"],
        ["không rõ ngày", "thôi giữ chức Chủ tịch Ủy ban nhân dân xã Mậu Duệ",
         "quyết định của Ban Thường vụ Tỉnh ủy Hà Giang"]]
    assert all("thi hành kỷ luật bằng hình thức cách chức" in i for i in items)


def test_site_changes_a_person_without_changes_has_no_timeline(site, model):
    page = node_page(site, "person", _iri(model.persons, "Đặng Xuân Phong"))
    assert not page.find(id="changes")


def test_site_changes_body_page_shows_terms_where_changes_give_them(site, model):
    page = node_page(site, "body", _iri(model.bodies, "Sở Tài chính tỉnh Sơn La"))
    (post,) = [s for s in page.by_id("succession").find("section", cls="post")
               if s.find("h3")[0].text == "Giám đốc Sở Tài chính tỉnh Sơn La"]
    holders = [li.text for li in post.find("ol")[0].find("li")]
    assert holders == ["Cầm Văn Chung đến 01/03/2024 ( c04_son_la_trao_quyet_dinh )",
                       "Lò Minh Hùng nhiệm kỳ từ 01/03/2024 – ghi nhận 04/03/2024 ( c04_son_la_trao_quyet_dinh )"]


def test_site_changes_model_reads_every_change_with_its_kind_and_date(model):
    kinds = sorted((model.persons[c.person].name, c.kind, c.date) for c in model.changes.values()
                   if c.article and model.articles[c.article].ident == "c04_son_la_trao_quyet_dinh")
    assert kinds == [("Cầm Văn Chung", "relieved", "2024-03-01"), ("Lò Minh Hùng", "appointed", "2024-03-01"),
                     ("Đinh Văn Thắng", "appointed", "")]
