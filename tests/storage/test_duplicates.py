"""The same story at two URLs is one article with both URLs and both outlets; a copy
with other furniture too; two different stories of one kind of meeting stay two."""

from __future__ import annotations

from graph_builder import build_graph, build_store
from graph_builder.model.rdf import SCHEMA
from graph_builder.storage.duplicates import resemblance, same_story, text_sketch
from graph_builder.reading.article import parse_article

from ..support import portal_page, write_warc

STORY = [
    "Chiều 15/4/2024, Ban Thường vụ Huyện ủy Mường Tè tổ chức hội nghị sơ kết công tác quý I. "
    "Đồng chí Pờ Dạ Mé, Bí thư Huyện ủy chủ trì hội nghị.",
    "Dự hội nghị có đồng chí Lò Văn Thưởng, Phó Bí thư Thường trực Huyện ủy; đồng chí Chu Thị Pà, "
    "Phó Chủ tịch UBND huyện.",
    "Quý I, huyện đã trồng mới 300 ha rừng, giải ngân được 24% kế hoạch vốn đầu tư công, "
    "hoàn thành sửa chữa 12 phòng học tại các bản vùng cao.",
    "Kết luận hội nghị, đồng chí Bí thư Huyện ủy đề nghị các xã tập trung phòng, chống cháy rừng "
    "và đẩy nhanh tiến độ các công trình giao thông.",
]
OTHER = [
    "Chiều 16/4/2024, Ban Thường vụ Huyện ủy Sìn Hồ tổ chức hội nghị sơ kết công tác quý I. "
    "Đồng chí Hoàng Văn Dương, Bí thư Huyện ủy chủ trì hội nghị.",
    "Dự hội nghị có đồng chí Tẩn Láo Tả, Phó Chủ tịch UBND huyện.",
    "Quý I, huyện đã hỗ trợ làm 45 nhà ở cho hộ nghèo, mở lớp dạy nghề cho 200 lao động.",
]
PROVINCE = "https://laichau.gov.vn/tin-tuc/so-ket-quy-i-muong-te.html"
DISTRICT = "https://muongte.laichau.gov.vn/tin/so-ket-quy-i.html"
PAPER = "https://baolaichau.vn/chinh-tri/muong-te-so-ket-quy-i.html"


def _pages(tmp_path, *pages):
    return write_warc(tmp_path / "c.warc.gz", list(pages))


def _urls(report):
    by_article: dict[str, set[str]] = {}
    for s, _, o, _ in report.dataset.quads((None, SCHEMA.url, None, None)):
        by_article.setdefault(str(s).rsplit("/", 1)[1], set()).add(str(o))
    return by_article


def test_duplicates_the_same_text_at_two_urls_is_one_article_with_both(tmp_path):
    title = "Huyện ủy Mường Tè sơ kết công tác quý I"
    path = _pages(tmp_path, (PROVINCE, portal_page(title, STORY, site="Cổng TTĐT tỉnh Lai Châu")),
                  (DISTRICT, portal_page(title, STORY, site="Cổng TTĐT huyện Mường Tè")),
                  (PAPER.replace("muong-te", "sin-ho"), portal_page("Sìn Hồ sơ kết quý I", OTHER)))
    report = build_graph([path])
    assert len(report.read) == 2
    assert [how for *_, how in report.duplicates] == ["same text"]
    urls = _urls(report)
    assert sorted(map(sorted, urls.values())) == [[PAPER.replace("muong-te", "sin-ho")], sorted([PROVINCE, DISTRICT])]
    outlets = {str(o) for _, _, o, _ in report.dataset.quads((None, SCHEMA.publisher, None, None))}
    assert len(outlets) == 3
    assert "1 duplicate," in report.summary()


def test_duplicates_a_copy_with_other_furniture_is_the_same_article(tmp_path):
    copy = STORY[:2] + ["Ảnh: Đồng chí Pờ Dạ Mé phát biểu tại hội nghị."] + STORY[2:] + ["Theo Báo Lai Châu"]
    path = _pages(tmp_path, (PAPER, portal_page("Mường Tè sơ kết công tác quý I", STORY, site="Báo Lai Châu")),
                  (DISTRICT, portal_page("Huyện ủy sơ kết quý I năm 2024", copy, site="Cổng TTĐT huyện Mường Tè",
                                         furniture='<div class="share">Chia sẻ: Facebook Zalo</div>')))
    report = build_graph([path])
    assert len(report.read) == 1
    assert [how for *_, how in report.duplicates] == ["near"]
    assert list(_urls(report).values()) == [{PAPER, DISTRICT}]
    assert "1 duplicate (1 near)," in report.summary()


def test_duplicates_two_stories_of_one_kind_stay_two():
    def sketch(paragraphs):
        article = parse_article("a", "\n\n".join(paragraphs))
        article.url = "https://example.vn/a"
        return text_sketch(article)
    assert resemblance(sketch(STORY), sketch(STORY)) == 1.0 and same_story(sketch(STORY), sketch(STORY))
    # the same opening formula, other words: far under the 0.7 a copy reaches
    assert resemblance(sketch(STORY), sketch(OTHER)) < 0.4 and not same_story(sketch(STORY), sketch(OTHER))


def test_duplicates_two_meetings_told_in_the_same_formulas_stay_two():
    filler = ["Các cấp, các ngành đã bám sát sự lãnh đạo, chỉ đạo của cấp ủy, tập trung triển khai đồng bộ "
              "các nhiệm vụ, giải pháp, hoàn thành và vượt nhiều chỉ tiêu đề ra.",
              "Công tác tuyên truyền, vận động nhân dân được đẩy mạnh; khối đại đoàn kết toàn dân tiếp tục "
              "được củng cố, giữ vững; an sinh xã hội được quan tâm thực hiện.",
              "Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, sát với tình hình thực tiễn."]

    def sketch(lead):
        article = parse_article("a", "\n\n".join([lead, *filler]))
        article.url = "https://example.vn/a"
        return text_sketch(article)
    one = sketch("Sáng 3/5/2024, Huyện ủy Phong Thổ tổ chức hội nghị. Đồng chí Sầm Văn Tươi chủ trì.")
    two = sketch("Chiều 9/5/2024, Huyện ủy Tam Đường tổ chức hội nghị. Đồng chí Lý Thị Sử chủ trì.")
    assert resemblance(one, two) >= 0.5 and not same_story(one, two)
    # the district's next meeting, with the same official: another date, another story
    later = sketch("Sáng 7/6/2024, Huyện ủy Phong Thổ tổ chức hội nghị. Đồng chí Sầm Văn Tươi chủ trì.")
    assert resemblance(one, later) >= 0.7 and not same_story(one, later)


def test_duplicates_in_a_store_build(tmp_path):
    title = "Huyện ủy Mường Tè sơ kết công tác quý I"
    path = _pages(tmp_path, (PROVINCE, portal_page(title, STORY)), (DISTRICT, portal_page(title, STORY)))
    first = build_store([path], tmp_path / "s.db")
    second = build_store([path], tmp_path / "s.db")
    assert (first.articles, len(first.duplicates)) == (1, 1)
    assert (second.articles, second.unchanged, len(second.duplicates), second.removed) == (1, 1, 1, [])
