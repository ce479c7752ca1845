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
from ..gazetteer import Unit, load_gazetteer
from .titles import LEVELS_OF_BINDING, LEVELS_OF_UNIT, grammar, match_place
from .tokens import tokenize


@dataclass
class Context:
    province: Unit | None = None
    district: Unit | None = None
    commune: Unit | None = None

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
        if word in ("xã", "phường", "thị trấn"):
            return self.commune
        return None

    def pick(self, candidates: tuple[Unit, ...]) -> Unit | None:
        """One unit among same-named candidates: the one in the article's province, or the
        only one."""
        if not candidates:
            return None
        if self.province is not None:
            inside = [u for u in candidates if u.province == self.province.province]
            if inside:
                return inside[0]
        if self.district is not None:
            inside = [u for u in candidates if u.parent == self.district.code]
            if inside:
                return inside[0]
        return candidates[0] if len({u.province for u in candidates}) == 1 and len(candidates) == 1 else None


def named_units(article: Article) -> list[tuple[Unit, ...]]:
    """Every unit named with a kind word or as a party committee, in text order."""
    _, bodies, units, _, _ = grammar()
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
                    i = place[1]
                    continue
            i += 1
    return found


def locate(article: Article) -> Context:
    """Stage: the article's province, district and commune (`article.context`)."""
    gazetteer = load_gazetteer()
    named = named_units(article)
    # the units as the text names them (spelling included), by level and code
    written = {(u.level, u.code): u for candidates in reversed(named) for u in candidates}
    context = Context()
    provinces = Counter()
    for candidates in named:
        if candidates[0].level == "province":
            provinces[candidates[0].code] += 2
    # a district that belongs to one province speaks for that province (and settles a tie
    # between a visiting delegation's province and the host's)
    for candidates in named:
        if candidates[0].level == "district" and len({u.province for u in candidates}) == 1:
            provinces[candidates[0].province] += 1
    if provinces:
        code = _most_common(provinces, named, "province")
        context.province = written.get(("province", code)) or gazetteer.get("province", code)
    elif article.dateline:
        found = gazetteer.lookup("province", dateline_codes()[article.dateline])
        context.province = found[0] if found else None
    districts = Counter()
    for candidates in named:
        if candidates[0].level == "district":
            unit = context.pick(candidates)
            if unit is not None and (context.province is None or unit.province == context.province.code):
                districts[unit.code] += 1
    if districts:
        context.district = written[("district", _most_common(districts, named, "district"))]
        if context.province is None:
            context.province = gazetteer.province_of(context.district)
    communes = Counter()
    for candidates in named:
        if candidates[0].level == "commune":
            unit = context.pick(candidates) if context.district or context.province else None
            if unit is not None:
                communes[unit.code] += 1
    if communes:
        context.commune = written[("commune", _most_common(communes, named, "commune"))]
    article.context = context
    return context


def _most_common(counts: Counter, named: list[tuple[Unit, ...]], level: str) -> str:
    """The most named unit; a tie goes to the one named first."""
    best = max(counts.values())
    order = [u.code if u.level == level else u.province
             for candidates in named for u in candidates if u.level == level or level == "province"]
    return min((code for code, n in counts.items() if n == best), key=order.index)
