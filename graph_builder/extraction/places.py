"""The places an article is about: its province, district and commune.

Only units named with their kind word (`huyện Hàm Yên`, `tỉnh Điện Biên`) or as a party
committee (`Huyện ủy Như Xuân`) count: a bare name is too often a slogan, a campaign or
a person (`chiến dịch Điện Biên Phủ`, `tư tưởng Hồ Chí Minh`). A district name that
belongs to one province gives that province; a newspaper's dateline code gives the
province only where the text names none. Nothing is guessed where the text leaves it open.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..reading.article import Article
from ..reading.layout import dateline_codes
from ..gazetteer import Unit, era_of, load_gazetteer, unresolved
from .dates import find_date, iso
from .titles import LEVELS_OF_BINDING, LEVELS_OF_UNIT, grammar, match_place
from .tokens import tokenize


@dataclass
class Context:
    province: Unit | None = None
    district: Unit | None = None
    commune: Unit | None = None
    era: str | None = None          # the map in force: "pre2025", "2025", or None (unknown)

    def unit_for_word(self, word: str | None) -> Unit | None:
        """The unit a bare kind word means in this article (`huyện` -> its district)."""
        if word == "tỉnh":
            return self.province
        if word in ("huyện", "quận", "thị xã"):
            return self.district
        if word == "thành phố":
            if self.district is not None and self.district.kind == "thành phố":
                return self.district
            if self.province is not None and self.province.kind == "thành phố trung ương":
                return self.province
            return None
        if word in ("xã", "phường", "thị trấn", "đặc khu"):
            return self.commune
        return None

    def pick(self, candidates: tuple[Unit, ...]) -> Unit | None:
        """One unit among same-named candidates: the one in the article's province, or the
        only one."""
        if not candidates:
            return None
        candidates = in_era(candidates, self.era)
        if self.province is not None:
            inside = [u for u in candidates if u.province == self.province.key]
            if not inside:
                # a unit of the other map, in the province's lineage (`huyện Bắc Mê` of
                # Hà Giang in a 2026 Tuyên Quang article)
                lineage = load_gazetteer().lineage_province
                inside = [u for u in candidates if lineage(u).key == lineage(self.province).key]
            if inside:
                # several of the name in the province: the one in the article's district
                deeper = [u for u in inside if self.district is not None and u.parent == self.district.key]
                return (deeper or inside)[0]
        if self.district is not None:
            inside = [u for u in candidates if u.parent == self.district.key]
            if inside:
                return inside[0]
        return candidates[0] if len(candidates) == 1 else None


def named_units(article: Article, spans: list | None = None,
                venues: list | None = None) -> list[tuple[Unit, ...]]:
    """Every unit named with a kind word or as a party committee, in text order (in the
    headline and the sentences, or in `spans`); those named as where something takes
    place (`tại tỉnh Đồng Nai`) are added to `venues` too."""
    _, bodies, units, _, _ = grammar()
    if spans is None:
        spans = ([article.title_span] if article.title_span else []) + article.sentences
    found: list[tuple[Unit, ...]] = []
    starters = bodies.first_words | units.first_words
    for start, end in spans:
        tokens = tokenize(article.norm, start, end)
        i = 0
        while i < len(tokens):
            if tokens[i].fold not in starters:
                i += 1
                continue
            levels = None
            body = bodies.match(tokens, i)
            if body and body[0].binding in LEVELS_OF_BINDING:
                levels, j = LEVELS_OF_BINDING[body[0].binding], body[1]
            else:
                unit = units.match(tokens, i)
                if unit:
                    levels, j = LEVELS_OF_UNIT[unit[0]["level"]], unit[1]
            if levels:
                place = match_place(tokens, j, levels)
                if place:
                    found.append(place[0])
                    if venues is not None and i and tokens[i - 1].fold == "tại":
                        venues.append(place[0])
                    i = place[1]
                    # `phường Thuận An (TP.HCM)`: the province a unit lies in, in parentheses
                    within = match_place(tokens, i + 1, ("province",)) if i < len(tokens) and \
                        tokens[i].fold == "(" else None
                    if within and within[1] < len(tokens) and tokens[within[1]].fold == ")":
                        found.append(within[0])
                        i = within[1] + 1
                    continue
            i += 1
    return found


def _headline_place(article: Article) -> list[tuple[Unit, ...]]:
    """`Hàm Thuận Bắc: Công tác chuẩn bị …`, `Long An: …`: a headline that opens with a
    province's or district's name and a colon says where the story is."""
    title = article.title or ""
    head, colon, _ = title.partition(":")
    if not colon or not 1 <= len(head.split()) <= 4 or not all(w[:1].isupper() for w in head.split()):
        return []
    gazetteer = load_gazetteer()
    for level in ("province", "district"):
        units = gazetteer.lookup(level, head.strip())
        if units and len({u.province for u in units}) == 1:
            return [tuple(units)]
    return []


def in_era(candidates: tuple[Unit, ...], era: str | None) -> tuple[Unit, ...]:
    """The candidates in force in `era`, or all of them when none is (a unit of the other
    map that the text names)."""
    return tuple(u for u in candidates if u.in_force(era)) or candidates


def article_date(article: Article) -> str | None:
    """The date whose map applies: a full date in the headline or the lead (the
    meeting's, as a rule), else the publication date."""
    texts = [article.title or ""] + [article.norm[a:b] for a, b in article.sentences[:3]]
    for text in texts:
        found = find_date(text)
        if found is not None and found.year is not None:
            return iso(found.day, found.month, found.year)
    return article.published[:10] if article.published else None


def _today(candidates: tuple[Unit, ...], era: str | None) -> tuple[Unit, ...]:
    """In an article of the new map, an old province it names (`huyện Giao Thủy, tỉnh Nam
    Định` as history) speaks for the province it became part of."""
    if era != "2025" or candidates[0].level != "province" or any(u.in_force(era) for u in candidates):
        return candidates
    successors = tuple(dict.fromkeys(load_gazetteer().lineage_province(u) for u in candidates))
    return successors if len(successors) == 1 else candidates


def _era_from_names(named: list[tuple[Unit, ...]]) -> str | None:
    """Where the date is unknown, the names decide: a unit of the new map only (a new
    commune, a special zone) can be named only after 1 July 2025, while an article of
    then may still name units of the old map (`trước đây thuộc huyện X`); a unit of the
    old map only, with none of the new, places the article before."""
    maps = [{u.map for u in candidates} for candidates in named]
    if any(found == {"2025"} for found in maps):
        return "2025"
    if any(found == {"pre2025"} for found in maps):
        return "pre2025"
    return None


def locate(article: Article) -> Context:
    """Stage: the article's province, district and commune (`article.context`)."""
    gazetteer = load_gazetteer()
    venues: list[tuple[Unit, ...]] = []
    named = named_units(article, venues=venues)
    if article.furniture and not any(c[0].level in ("province", "district") for c in named):
        # a portal's header or breadcrumb may be the only place its district is named
        # (`TRUNG TÂM VĂN HÓA … HUYỆN ĐẠI LỘC`)
        named = named + named_units(article, article.furniture)
    named = _headline_place(article) + named
    era = era_of(article_date(article)) or _era_from_names(named)
    named = [_today(in_era(candidates, era), era) for candidates in named]
    venues = [_today(in_era(candidates, era), era) for candidates in venues]
    # the units as the text names them (spelling included), by key
    written = {u.key: u for candidates in reversed(named) for u in candidates}
    context = Context(era=era)
    lineage = gazetteer.lineage_province
    provinces = Counter()
    for candidates in named:
        if candidates[0].level == "province":
            provinces[candidates[0].key] += 2
    # a district that belongs to one province speaks for that province (and settles a tie
    # between a visiting delegation's province and the host's)
    # So does a commune or ward whose name is one unit's only on the map in force.
    for candidates in named:
        level = candidates[0].level
        if level == "district" and len({u.province for u in candidates}) == 1 or (
                level == "commune" and len(candidates) == 1):
            provinces[candidates[0].province] += 1
    # where the meeting takes place is what the article is about (a visiting delegation's
    # province is named as often as the host's)
    for candidates in venues:
        if len({lineage(u).key for u in candidates}) == 1:
            provinces[candidates[0].province] += 2
    if provinces:
        code = _most_common(provinces, named, "province")
        context.province = written.get(code) or gazetteer.get(code)
    elif article.dateline or article.outlet:
        # a newspaper's dateline code, or an outlet's credit (`Báo Sơn La`), names its province
        name = dateline_codes()[article.dateline] if article.dateline else article.outlet
        found = gazetteer.lookup("province", name, era)
        context.province = found[0] if found else None
    districts = Counter()
    for candidates in named:
        if candidates[0].level == "district":
            unit = context.pick(candidates)
            if unit is not None and (context.province is None or unit.province == context.province.key):
                districts[unit.key] += 1
    if districts:
        context.district = written[_most_common(districts, named, "district")]
        if context.province is None:
            context.province = gazetteer.province_of(context.district)
    elif era != "2025" and context.province is not None:
        # before the reform, a commune that is one unit's only gives its district too
        lone = [c[0] for c in named if c[0].level == "commune" and len(c) == 1
                and c[0].province == context.province.key]
        parents = {u.parent for u in lone}
        if len(parents) == 1:
            context.district = gazetteer.parent_of(lone[0])
    communes = Counter()
    for candidates in named:
        if candidates[0].level == "commune":
            unit = context.pick(candidates) if context.district or context.province else None
            if unit is not None:
                communes[unit.key] += 1
    if communes:
        context.commune = written[_most_common(communes, named, "commune")]
    if context.province is None:
        # a commune or district the text names, that no province tells apart: its name
        for level in ("district", "commune"):
            if getattr(context, level) is None:
                setattr(context, level, _most_named(named, level))
    article.context = context
    return context


def _most_named(named: list[tuple[Unit, ...]], level: str) -> Unit | None:
    """The unresolved unit of `level` the text names most (first, on a tie)."""
    units = [unresolved(candidates) for candidates in named if candidates[0].level == level]
    counts = Counter(u.name for u in units if u is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(u for u in units if u is not None and counts[u.name] == best)


def _most_common(counts: Counter, named: list[tuple[Unit, ...]], level: str) -> str:
    """The most named unit; a tie goes to the one named first."""
    best = max(counts.values())
    order = [u.key if u.level == level else u.province
             for candidates in named for u in candidates if u.level == level or level == "province"]
    return min((code for code, n in counts.items() if n == best), key=order.index)
