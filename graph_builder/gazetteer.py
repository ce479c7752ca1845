"""Vietnam's administrative units as in force before the 2025 reform.

The data is `vietnam-provinces==0.5.8` (63 provinces, 705 districts with their kinds,
~10,600 communes, General Statistics Office codes); nothing here is hand-typed. Names
are kept without their kind word (`Hàm Yên`, kind `huyện`) in the traditional tone
placement, and indexed by folded name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .text import ascii_fold, canonical, fold

LEVELS = ("province", "district", "commune")
_KIND_PREFIX = re.compile(r"^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\s+", re.I)


@dataclass(frozen=True)
class Unit:
    code: str          # GSO code, zero-padded (province 2, district 3, commune 5 digits)
    name: str          # without the kind word: "Hàm Yên"
    kind: str          # "tỉnh", "thành phố trung ương", "huyện", "quận", "thị xã", "thành phố", "xã", ...
    level: str         # "province" | "district" | "commune"
    parent: str | None  # code of the unit it lies in
    province: str      # code of its province (itself for a province)

    @property
    def full_name(self) -> str:
        """`huyện Hàm Yên`, `tỉnh Điện Biên`, `thành phố Hà Nội`."""
        word = "thành phố" if self.kind == "thành phố trung ương" else self.kind
        return f"{word} {self.name}"


class Gazetteer:
    """Look-ups by code and by folded name within a level."""

    def __init__(self, units: list[Unit]):
        self.by_code: dict[tuple[str, str], Unit] = {(u.level, u.code): u for u in units}
        self.by_name: dict[str, dict[str, list[Unit]]] = {level: {} for level in LEVELS}
        for unit in units:
            self.by_name[unit.level].setdefault(name_key(unit.name), []).append(unit)
        self.longest = {level: max(len(k.split()) for k in self.by_name[level]) for level in LEVELS}
        # Spellings differ from the official list by a diacritic (`Mù Cang Chải` for
        # `Mù Căng Chải`): a diacritic-free key finds the unit when it is unambiguous.
        self.by_ascii: dict[str, dict[str, str | None]] = {level: {} for level in LEVELS}
        for level in LEVELS:
            index = self.by_ascii[level]
            for key in self.by_name[level]:
                plain = ascii_fold(key)
                index[plain] = None if plain in index and index[plain] != key else key

    def get(self, level: str, code: str) -> Unit:
        return self.by_code[(level, code)]

    def province_of(self, unit: Unit) -> Unit:
        return self.by_code[("province", unit.province)]

    def parent_of(self, unit: Unit) -> Unit | None:
        if unit.parent is None:
            return None
        parent_level = LEVELS[LEVELS.index(unit.level) - 1]
        return self.by_code[(parent_level, unit.parent)]

    def lookup(self, level: str, name: str) -> list[Unit]:
        return self.by_name[level].get(name_key(name), [])

    def find(self, level: str, key: str, written: str) -> tuple[Unit, ...]:
        """Units whose folded name is `key`; failing that, the one unit whose name differs
        only in diacritics, named as the text writes it."""
        units = self.by_name[level].get(key)
        if units:
            return tuple(units)
        official = self.by_ascii[level].get(ascii_fold(key))
        if official is None:
            return ()
        return tuple(replace(u, name=written) for u in self.by_name[level][official])


def name_key(name: str) -> str:
    """`Bà Rịa - Vũng Tàu` and `bà rịa vũng tàu` give one key."""
    return " ".join(fold(name).replace("-", " ").split())


def _strip_kind(name: str) -> str:
    return canonical(_KIND_PREFIX.sub("", canonical(name), count=1))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    from vietnam_provinces.enums import DistrictEnum, ProvinceEnum
    from vietnam_provinces.enums.wards import WardEnum

    units: list[Unit] = []
    for member in ProvinceEnum:
        p = member.value
        code = f"{p.code:02d}"
        units.append(Unit(code, _strip_kind(p.name), str(p.division_type.value), "province", None, code))
    district_province: dict[int, str] = {}
    for member in DistrictEnum:
        d = member.value
        province = f"{d.province_code:02d}"
        district_province[d.code] = province
        units.append(Unit(f"{d.code:03d}", _strip_kind(d.name), str(d.division_type.value),
                          "district", province, province))
    for member in WardEnum:
        w = member.value
        units.append(Unit(f"{w.code:05d}", _strip_kind(w.name), str(w.division_type.value),
                          "commune", f"{w.district_code:03d}", district_province[w.district_code]))
    return Gazetteer(units)
