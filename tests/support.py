"""Paths, the query contract and small builders shared by the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEEDS_GOLD = ROOT / "tests" / "data" / "seeds_gold"
DEV = ROOT / "tests" / "data" / "dev"
QUERIES = ROOT / "queries"
ONTOLOGY = ROOT / "ontology"
CHANGES = ROOT / "tests" / "data" / "changes"
# Seeds, dev, the first held-out set and the changes of post: 51 articles, more than one
# parallel batch.
CORPUS = [SEEDS, DEV / "articles", ROOT / "tests" / "data" / "holdout" / "articles", CHANGES / "articles"]

# The public contract of the named queries (the foundation issue): these headers first,
# in this order; extra columns may follow.
CONTRACT = {
    "persons": ["article", "person"],
    "positions": ["article", "person", "title"],
    "meetings": ["article", "meeting", "type", "date", "locality", "province", "chair"],
    "participants": ["article", "meeting", "person", "role"],
    "organisers": ["article", "meeting", "organisation"],
    "authors": ["article", "author"],
    "chairs": ["person", "title", "type", "date", "locality", "article"],
    "timeline": ["person", "title", "date", "article"],
    "encounters": ["person", "other", "meetings", "first", "last"],
    "activity": ["province", "locality", "type", "meetings", "first", "last"],
    "succession": ["body", "post", "holder", "first", "last", "articles"],
    "changes": ["article", "person", "kind", "title", "date", "decided_by", "measure", "meeting"],
}



def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """A folder of articles, one `ID.txt` per text of `articles`."""
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def context(province: str | None = None, district: str | None = None, commune: str | None = None):
    """A places `Context` by unit names (a district alone fixes its province)."""
    from graph_builder.extraction.places import Context
    from graph_builder.gazetteer import load_gazetteer
    gazetteer = load_gazetteer()
    ctx = Context()
    if province:
        ctx.province = gazetteer.lookup("province", province, "pre2025")[0]
    if district:
        units = [u for u in gazetteer.lookup("district", district)
                 if ctx.province is None or u.province == ctx.province.key]
        assert len(units) == 1, f"district {district!r} is ambiguous or unknown: {units}"
        ctx.district = units[0]
        ctx.province = gazetteer.province_of(ctx.district)
    if commune:
        units = [u for u in gazetteer.lookup("commune", commune, "pre2025")
                 if ctx.district is None or u.parent == ctx.district.key]
        assert len(units) == 1, f"commune {commune!r} is ambiguous or unknown: {units}"
        ctx.commune = units[0]
    return ctx


def article_until(text: str, stage: str, article_id: str = "t"):
    """Parse `text` and run the pipeline up to and including `stage`."""
    from graph_builder.reading.article import parse_article
    from graph_builder.extraction.pipeline import STAGES, run_stages
    names = [s.name for s in STAGES]
    return run_stages(parse_article(article_id, text), STAGES[:names.index(stage) + 1])


def write_warc(path: Path, pages: list[tuple], *, date: str = "2024-05-02T03:00:00Z") -> Path:
    """A WARC file (gzipped if `path` ends in .gz) of response records: `pages` holds
    (url, body bytes) or (url, body, status, content type); b"" for a raw record holds
    the body as the record's bytes as they are (a damaged record)."""
    import gzip
    import io
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    gzipped = str(path).endswith(".gz")
    with open(path, "wb") as handle:
        for page in pages:
            url, body, status, kind = page if len(page) == 4 else (*page, 200, "text/html; charset=utf-8")
            if url is None:      # raw bytes: a damaged record
                handle.write(gzip.compress(body) if gzipped else body)
                continue
            buffer = io.BytesIO()
            writer = WARCWriter(buffer, gzip=gzipped)
            headers = StatusAndHeaders(f"{status} OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": date}))
            handle.write(buffer.getvalue())
    return path


def portal_page(title: str, paragraphs: list[str], *, site: str = "Cổng thông tin điện tử huyện",
                date: str | None = None, furniture: str = "") -> bytes:
    """A portal-style page: a menu, the headline, a date line, the paragraphs, a
    related-news list, a footer; `furniture` is more page furniture inside the article."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    dated = f'<div class="date">{date}</div>' if date else ""
    return (f'<html><head><meta charset="utf-8"><title>{title} | {site}</title>'
            f'<meta property="og:site_name" content="{site}"></head><body>'
            '<div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a> <a href="/vb">Văn bản</a></div>'
            f'<div class="detail"><h1>{title}</h1>{dated}{furniture}{body}</div>'
            '<div class="other"><h3>Các tin khác</h3><ul><li><a href="/a">Khai giảng năm học mới</a></li>'
            '<li><a href="/b">Ra quân làm đường giao thông nông thôn</a></li></ul></div>'
            f'<div class="footer">{site}. Địa chỉ: số 1 đường Trần Hưng Đạo.</div></body></html>').encode("utf-8")
