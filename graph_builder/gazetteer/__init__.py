"""Vietnam's administrative units on both sides of the reform of 1 July 2025.

Two maps, one gazetteer (data: `units.tsv`, generated from `vietnam-provinces` 0.5.8 and
2025.10.1 by `scripts/make_gazetteer.py`; nothing here is hand-typed):

- `pre2025`: 63 provinces, 705 districts and 10,598 communes, in force until 2025-06-30;
- `2025`: 34 provinces and 3,321 communes, wards and special zones, from 2025-07-01,
  with no district level;
- `both`: the ten provinces the reform left as they were (one unit throughout).

Each old province has the new province it became part of as `successor` (Resolution
202/2025/QH15); an old commune has the new commune that kept its GSO code. A unit's
`key` is its code, prefixed `2025-` on the new map, where codes were reused for other
units. Names are kept without their kind word (`Hàm Yên`, kind `huyện`) in the
traditional tone placement, and indexed by folded name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..errors import LexiconError
from ..text import ascii_fold, fold

LEVELS = ("province", "district", "commune")
REFORM = "2025-07-01"           # the two-tier map took effect
MAPS = ("pre2025", "2025", "both")           # and "unresolved", for `unresolved` units
_APOSTROPHE_SPACE = re.compile(r"'\s+")


@dataclass(frozen=True)
class Unit:
    code: str          # GSO code, zero-padded (province 2, district 3, commune 5 digits)
    name: str          # without the kind word: "Hàm Yên"
    kind: str          # "tỉnh", "thành phố trung ương", "huyện", "quận", "thị xã", "thành phố", "xã", ...
    level: str         # "province" | "district" | "commune"
    parent: str | None  # key of the unit it lies in
    province: str      # key of its province (itself for a province)
    map: str = "pre2025"           # "pre2025" | "2025" | "both"
    successor: str | None = None   # key of the 2025 unit it became part of

    @property
    def key(self) -> str:
        return f"2025-{self.code}" if self.map == "2025" else self.code

    @property
    def resolved(self) -> bool:
        """False for a unit the text names that the list cannot tell apart (`unresolved`)."""
        return bool(self.code)

    @property
    def full_name(self) -> str:
        """`huyện Hàm Yên`, `tỉnh Điện Biên`, `thành phố Hà Nội`."""
        word = "thành phố" if self.kind == "thành phố trung ương" else self.kind
        return f"{word} {self.name}"

    @property
    def valid_from(self) -> str | None:
        return REFORM if self.map == "2025" else None

    @property
    def valid_until(self) -> str | None:
        return "2025-06-30" if self.map == "pre2025" else None

    def in_force(self, era: str | None) -> bool:
        """In force in `era` ("pre2025" or "2025"); any unit when the era is unknown."""
        return era is None or self.map in (era, "both")


def era_of(date: str | None) -> str | None:
    """The map in force on an ISO date (`2024-05-01` -> "pre2025"), None when unknown."""
    if not date or not date[:4].isdigit():
        return None
    return "2025" if date[:10] >= REFORM else "pre2025"


class Gazetteer:
    """Look-ups by key and by folded name within a level, over both maps."""

    def __init__(self, units: list[Unit]):
        self.by_key: dict[str, Unit] = {u.key: u for u in units}
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

    def get(self, key: str) -> Unit:
        return self.by_key[key]

    def province_of(self, unit: Unit) -> Unit | None:
        """The province `unit` lies in (itself for a province); None for an unresolved unit."""
        return self.by_key.get(unit.province)

    def parent_of(self, unit: Unit) -> Unit | None:
        return None if unit.parent is None else self.by_key[unit.parent]

    def successor_of(self, unit: Unit) -> Unit | None:
        return None if unit.successor is None else self.by_key[unit.successor]

    def lineage_province(self, unit: Unit) -> Unit:
        """The province of the 2025 map that `unit`'s province is, or became part of:
        officials of Hà Giang (2024) and of Tuyên Quang (2026) share a lineage."""
        province = self.province_of(unit)
        return self.successor_of(province) or province

    def predecessors_of(self, unit: Unit) -> list[Unit]:
        """The units of the old map that became part of `unit` (by province, and the
        commune that kept its code)."""
        return sorted((u for u in self.by_key.values() if u.successor == unit.key), key=lambda u: u.key)

    def lookup(self, level: str, name: str, era: str | None = None) -> list[Unit]:
        """Units named `name`: those in force in `era` when there are any, else all."""
        units = self.by_name[level].get(name_key(name), [])
        return [u for u in units if u.in_force(era)] or units

    def find(self, level: str, key: str, written: str) -> tuple[Unit, ...]:
        """Units of either map whose folded name is `key`; failing that, the units whose
        name differs only in diacritics, named as the text writes it. A name with an
        apostrophe keeps the text's spelling (`Ia H’Drai`): official lists and papers
        differ in the apostrophe and the space after it."""
        units = self.by_name[level].get(key)
        if units:
            if "'" in key and name_key(written) == key and written != units[0].name:
                return tuple(replace(u, name=written) for u in units)
            return tuple(units)
        official = self.by_ascii[level].get(ascii_fold(key))
        if official is None:
            return ()
        return tuple(replace(u, name=written) for u in self.by_name[level][official])


def unresolved(candidates: tuple[Unit, ...]) -> Unit | None:
    """A unit the text names that the official list cannot tell apart (`xã Tân Hòa`, a
    name in twenty provinces, in an article that names none): its name, kind and level,
    with no code and no province. None where the candidates differ in name or level."""
    if not candidates or len({(u.name, u.level) for u in candidates}) != 1:
        return None
    kinds = sorted({u.kind for u in candidates})
    unit = candidates[0]
    return Unit("", unit.name, kinds[0] if len(kinds) == 1 else unit.kind, unit.level, None, "", "unresolved")


def name_key(name: str) -> str:
    """`Bà Rịa - Vũng Tàu` and `bà rịa vũng tàu` give one key; so do `Ia H' Drai` and
    `Ia H’Drai`."""
    folded = fold(name).replace("\u2019", "'")
    return " ".join(_APOSTROPHE_SPACE.sub("'", folded).replace("-", " ").split())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Both maps, loaded once from the shipped data file."""
    rows = _rows()
    new_keys = {(row["level"], row["code"]) for row in rows if row["map"] == "2025"}

    def ref(level: str, code: str, new: bool) -> str | None:
        # a unit of the new map lies in a new unit, or in a province the reform left as it was
        if not code:
            return None
        return f"2025-{code}" if new and (level, code) in new_keys else code

    units = []
    for row in rows:
        new = row["map"] == "2025"
        parent_level = "district" if row["level"] == "commune" and not new else "province"
        successor = None
        if row["successor"]:
            level, code = row["successor"].split(":")
            successor = ref(level, code, True)
        units.append(Unit(row["code"], row["name"], row["kind"], row["level"],
                          ref(parent_level, row["parent"], new), ref("province", row["province"], new),
                          row["map"], successor))
    return Gazetteer(units)


def _rows() -> list[dict[str, str]]:
    where = "gazetteer/units.tsv"
    text = resources.files(__package__).joinpath("units.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    if len(lines) < 2 or not lines[0].startswith("# source:"):
        raise LexiconError("the first line must be '# source: …'", where=where,
                           hint="regenerate it with scripts/make_gazetteer.py")
    header = lines[1].split("\t")
    rows = []
    for number, line in enumerate(lines[2:], start=3):
        cells = line.split("\t")
        row = dict(zip(header, cells))
        if len(cells) != len(header) or row["map"] not in MAPS or row["level"] not in LEVELS:
            raise LexiconError(f"malformed unit on line {number}", where=where,
                               hint="regenerate it with scripts/make_gazetteer.py")
        rows.append(row)
    return rows
