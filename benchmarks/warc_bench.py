"""Articles per second per core from a WARC file of portal-style pages to the graph, beside
the same articles as `.txt` files (one process each, `jobs=1`, so a rate is per core),
their ratio from the same run, and the share of the WARC build's time spent in HTML
extraction (trafilatura's main text and metadata, `reading.web.read_page`). Each is given
in CPU time of the process (what a core spends, steady on a shared machine) and in wall
time.

The pages are the synthetic articles of `generate.py`, each wrapped in one of three
portal layouts (menus, a date line, a photo caption, a related-news list, a visitor
counter, a footer), written as response records of one `.warc.gz`.

    python benchmarks/generate.py --count 1000 --seed 1 --out /tmp/vnkg-1k
    python benchmarks/warc_bench.py /tmp/vnkg-1k
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import time
from pathlib import Path

LAYOUTS = [
    # a district portal: menu bar, breadcrumbs, the article, other news, a counter, a footer
    ('<div class="top-menu"><a>Trang chủ</a> <a>Giới thiệu</a> <a>Tin tức - Sự kiện</a> <a>Văn bản</a></div>'
     '<div class="path">Trang chủ / Tin tức / Chính trị</div><div class="news-detail"><h1>{title}</h1>'
     '<div class="news-date">Thứ Hai, {date}</div><div class="news-content">{body}'
     '<p class="image_desc">Quang cảnh hội nghị. Ảnh: Thu Hà</p></div></div>'
     '<div class="other-news"><h3>Các tin khác</h3><ul><li><a>Ra quân làm đường giao thông nông thôn</a></li>'
     '<li><a>Khai giảng năm học mới</a></li></ul></div><div class="box">Đang truy cập: 25</div>'
     '<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân huyện. Địa chỉ: số 1 đường Trần Phú.</div>'),
    # a provincial newspaper: header, nav, article with figure, share bar, related, comments
    ('<header><a href="/">Báo tỉnh</a><nav><a>Thời sự</a> <a>Chính trị</a> <a>Kinh tế</a></nav></header>'
     '<main><article><h1>{title}</h1><div class="meta"><span class="time">{date}</span></div>'
     '<div class="share">Chia sẻ: Facebook Zalo</div>{body}<figure><figcaption>Các đại biểu dự hội nghị.'
     '</figcaption></figure></article><section class="related"><h3>Tin cùng chuyên mục</h3><ul>'
     '<li><a>Hội nghị Ban Chấp hành Đảng bộ tỉnh</a></li></ul></section>'
     '<div class="comments"><form><textarea></textarea><button>Gửi</button></form></div></main>'
     '<footer>Báo tỉnh - Cơ quan của Đảng bộ tỉnh</footer>'),
    # an old table-based portal: a left menu column, no <h1>
    ('<table><tr><td class="left_col"><a>Tin hoạt động</a><br><a>Lịch công tác</a><br><a>Hỏi đáp</a></td>'
     '<td class="main_col"><span class="title_news">{title}</span><br><span class="date_news">Cập nhật: '
     '{date}</span><div class="content_news">{body}</div><b>Các tin đã đưa:</b><br><a>- Tổng kết năm học'
     '</a></td></tr><tr><td colspan="2">Bản quyền thuộc UBND huyện</td></tr></table>'),
]


def _page(text: str, index: int) -> bytes:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    title, body = paragraphs[0], paragraphs[1:]
    inner = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    date = f"{1 + index % 28:02d}/0{1 + index % 9}/2024 08:{index % 60:02d}"
    layout = LAYOUTS[index % len(LAYOUTS)].format(title=html.escape(title), date=date, body=inner)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)} | '
            f'Cổng thông tin điện tử</title><meta property="og:site_name" content="Cổng thông tin điện tử">'
            f'</head><body>{layout}</body></html>').encode("utf-8")


def write_warc(texts: list[Path], out: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    with open(out, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for index, path in enumerate(texts):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            url = f"https://portal{index % 7}.example.vn/tin/{path.stem}.html"
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(_page(path.read_text(encoding="utf-8"), index)),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2024-10-01T02:00:00Z"}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of .txt articles (from generate.py)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/vnkg-warc-bench"))
    args = parser.parse_args()
    from graph_builder import build_graph
    import graph_builder.reading.web as web

    texts = sorted(args.corpus.rglob("*.txt"))
    args.work.mkdir(parents=True, exist_ok=True)
    warc = args.work / "pages.warc.gz"
    write_warc(texts, warc)
    print(f"{len(texts)} articles; {warc} {warc.stat().st_size / 1e6:.1f} MB")

    start, cpu = time.perf_counter(), time.process_time()
    as_text = build_graph(texts, jobs=1)
    text_wall, text_cpu = time.perf_counter() - start, time.process_time() - cpu

    spent = [0.0, 0.0]
    read_page = web.read_page

    def timed(*a, **k):
        began, began_cpu = time.perf_counter(), time.process_time()
        try:
            return read_page(*a, **k)
        finally:
            spent[0] += time.perf_counter() - began
            spent[1] += time.process_time() - began_cpu

    web.read_page = timed
    start, cpu = time.perf_counter(), time.process_time()
    as_pages = build_graph([warc], jobs=1)
    warc_wall, warc_cpu = time.perf_counter() - start, time.process_time() - cpu
    web.read_page = read_page

    n_text, n_pages = len(as_text.read), len(as_pages.read)
    print(f".txt : {n_text} articles; CPU {text_cpu:.1f} s = {n_text / text_cpu:.1f} articles/s per core "
          f"(wall {text_wall:.1f} s = {n_text / text_wall:.1f}/s); {as_text.triples} triples")
    print(f".warc: {n_pages} articles; CPU {warc_cpu:.1f} s = {n_pages / warc_cpu:.1f} articles/s per core "
          f"(wall {warc_wall:.1f} s = {n_pages / warc_wall:.1f}/s); {as_pages.triples} triples; "
          f"{len(as_pages.skipped)} skipped, {len(as_pages.duplicates)} duplicates")
    print(f"ratio .warc/.txt rate: CPU {(n_pages / warc_cpu) / (n_text / text_cpu):.2f} "
          f"(wall {(n_pages / warc_wall) / (n_text / text_wall):.2f})")
    print(f"HTML extraction (trafilatura, read_page): CPU {spent[1]:.1f} s = {100 * spent[1] / warc_cpu:.0f}% "
          f"of the WARC build (wall {spent[0]:.1f} s = {100 * spent[0] / warc_wall:.0f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
