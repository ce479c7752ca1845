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
