"""Generate the gazetteer's data files from the two releases of `vietnam-provinces`.

Vietnam's map changed on 1 July 2025 (two-tier local government: 34 provinces, no
districts, ~3,300 communes and wards). `vietnam-provinces` 0.5.8 holds the units before
the reform and 2025.10.1 the units after it; the two releases cannot be installed side
by side (same package), and the new one has no districts, so vnkg ships both maps as
data files generated here, once, from the two wheels (fetched with `pip download`):

    python scripts/make_gazetteer.py            # writes graph_builder/gazetteer/*.tsv

- `units.tsv`: every unit of both maps (map, level, code, kind, name, parent, province,
  successor). A province the reform left unchanged (same code, same name, nothing merged
  into it) is one unit in force on both sides (map `both`).
- `successors.tsv`: each old province and the new province it became part of (the
  National Assembly's Resolution 202/2025/QH15 of 12 June 2025), checked here against the
  data: every new commune carries the GSO code of one of the communes it was formed
  from, so the old commune's province and the new commune's province must agree with
  the table for every shared code.

The old commune that a new commune's code comes from gets that commune as successor;
the rest of the old communes and all districts are linked through their province only
(no official old -> new list of communes ships with either release).
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_builder.text import canonical  # noqa: E402

OUT = ROOT / "graph_builder" / "gazetteer"
OLD, NEW = "0.5.8", "2025.10.1"

# Resolution 202/2025/QH15 on the arrangement of provincial-level administrative units
# (National Assembly, 12 June 2025, in force 1 July 2025): the new province each old one
# is part of. Provinces not listed here kept their boundaries.
MERGED = {
    "Hà Giang": "Tuyên Quang", "Tuyên Quang": "Tuyên Quang",
    "Yên Bái": "Lào Cai", "Lào Cai": "Lào Cai",
    "Bắc Kạn": "Thái Nguyên", "Thái Nguyên": "Thái Nguyên",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Phú Thọ": "Phú Thọ",
    "Bắc Giang": "Bắc Ninh", "Bắc Ninh": "Bắc Ninh",
    "Thái Bình": "Hưng Yên", "Hưng Yên": "Hưng Yên",
    "Hải Dương": "Hải Phòng", "Hải Phòng": "Hải Phòng",
    "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Ninh Bình": "Ninh Bình",
    "Quảng Bình": "Quảng Trị", "Quảng Trị": "Quảng Trị",
    "Quảng Nam": "Đà Nẵng", "Đà Nẵng": "Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Quảng Ngãi": "Quảng Ngãi",
    "Bình Định": "Gia Lai", "Gia Lai": "Gia Lai",
    "Ninh Thuận": "Khánh Hòa", "Khánh Hòa": "Khánh Hòa",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Lâm Đồng": "Lâm Đồng",
    "Phú Yên": "Đắk Lắk", "Đắk Lắk": "Đắk Lắk",
    "Bình Dương": "Hồ Chí Minh", "Bà Rịa - Vũng Tàu": "Hồ Chí Minh", "Hồ Chí Minh": "Hồ Chí Minh",
    "Bình Phước": "Đồng Nai", "Đồng Nai": "Đồng Nai",
    "Long An": "Tây Ninh", "Tây Ninh": "Tây Ninh",
    "Sóc Trăng": "Cần Thơ", "Hậu Giang": "Cần Thơ", "Cần Thơ": "Cần Thơ",
    "Bến Tre": "Vĩnh Long", "Trà Vinh": "Vĩnh Long", "Vĩnh Long": "Vĩnh Long",
    "Tiền Giang": "Đồng Tháp", "Đồng Tháp": "Đồng Tháp",
    "Bạc Liêu": "Cà Mau", "Cà Mau": "Cà Mau",
    "Kiên Giang": "An Giang", "An Giang": "An Giang",
    # a centrally-run city since 1 January 2025 (Resolution 1314/NQ-UBTVQH15), under its new name
    "Thừa Thiên Huế": "Huế",
}
UNCHANGED = ("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
             "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng")

_KIND = re.compile(r"^(Tỉnh|Thành phố|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s+", re.I)


def _name(full: str) -> str:
    """`Tỉnh Hoà Bình` -> `Hòa Bình`: without the kind word, in vnkg's canonical form
    (traditional tone placement, plain quotes and spaces)."""
    return canonical(_KIND.sub("", canonical(full), count=1))


_DUMP_OLD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from vietnam_provinces.enums import DistrictEnum, ProvinceEnum
from vietnam_provinces.enums.wards import WardEnum
# 0.5.8's JSON gives every province the kind 'tỉnh'; its enums have the real kinds
provinces = {m.value.code: {"name": m.value.name, "code": m.value.code,
                            "division_type": m.value.division_type.value, "districts": []}
             for m in ProvinceEnum}
districts = {}
for m in DistrictEnum:
    d = {"name": m.value.name, "code": m.value.code, "division_type": m.value.division_type.value,
         "wards": []}
    districts[m.value.code] = d
    provinces[m.value.province_code]["districts"].append(d)
for m in WardEnum:
    districts[m.value.district_code]["wards"].append(
        {"name": m.value.name, "code": m.value.code, "division_type": m.value.division_type.value})
print(json.dumps(list(provinces.values()), ensure_ascii=False))
"""


def _wheel(version: str, folder: Path) -> list:
    """The nested units of one release: 2025.10.1's JSON as shipped; 0.5.8's from its
    enums (imported from the unpacked wheel, whatever release is installed)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
                    f"vietnam-provinces=={version}"], check=True, stderr=subprocess.DEVNULL)
    wheel = next(folder.glob(f"vietnam_provinces-{version}-*.whl"))
    unpacked = folder / version
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    if version != OLD:
        return json.loads((unpacked / "vietnam_provinces/data/nested-divisions.json").read_text("utf-8"))
    done = subprocess.run([sys.executable, "-c", _DUMP_OLD, str(unpacked)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)


def generate(old: list, new: list) -> tuple[list[list[str]], list[list[str]]]:
    rows: list[list[str]] = []
    old_provinces = {f"{p['code']:02d}": _name(p["name"]) for p in old}
    new_by_name = {_name(p["name"]): f"{p['code']:02d}" for p in new}
    successor_of = {name: MERGED.get(name, name if name in UNCHANGED else None) for name in old_provinces.values()}
    missing = [n for n, s in successor_of.items() if s is None or s not in new_by_name]
    if missing:
        raise SystemExit(f"no successor for {missing}")
    # The data's own lineage: a new commune keeps the code of one of its predecessors.
    old_commune_province = {w["code"]: old_provinces[f"{p['code']:02d}"] for p in old
                            for d in p["districts"] for w in d["wards"]}
    for p in new:
        for w in p["wards"]:
            before = old_commune_province.get(w["code"])
            if before is not None and successor_of[before] != _name(p["name"]):
                raise SystemExit(f"commune {w['code']}: {before} -> {p['name']} disagrees with the table")
    unchanged = {code for code, name in old_provinces.items()
                 if name in UNCHANGED and new_by_name.get(name) == code}
    new_communes = {w["code"] for p in new for w in p["wards"]}
    for p in old:
        code = f"{p['code']:02d}"
        name = old_provinces[code]
        both = code in unchanged
        rows.append(["both" if both else "pre2025", "province", code, p["division_type"], name, "", code,
                     "" if both else f"province:{new_by_name[successor_of[name]]}"])
        for d in p["districts"]:
            dcode = f"{d['code']:03d}"
            rows.append(["pre2025", "district", dcode, d["division_type"], _name(d["name"]), code, code, ""])
            for w in d["wards"]:
                successor = f"commune:{w['code']:05d}" if w["code"] in new_communes else ""
                rows.append(["pre2025", "commune", f"{w['code']:05d}", w["division_type"], _name(w["name"]),
                             dcode, code, successor])
    for p in new:
        code = f"{p['code']:02d}"
        if code not in unchanged:
            rows.append(["2025", "province", code, p["division_type"], _name(p["name"]), "", code, ""])
        for w in p["wards"]:
            rows.append(["2025", "commune", f"{w['code']:05d}", w["division_type"], _name(w["name"]), code, code, ""])
    table = [[old_name, successor_of[old_name]] for old_name in sorted(old_provinces.values())]
    return rows, table


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        old, new = _wheel(OLD, Path(temp)), _wheel(NEW, Path(temp))
    rows, table = generate(old, new)
    today = datetime.date.today().isoformat()
    header = (f"# source: vietnam-provinces {OLD} (units before the reform of 1 July 2025) and {NEW} "
              f"(units from 1 July 2025), General Statistics Office codes; generated by "
              f"scripts/make_gazetteer.py on {today}. map: pre2025 (in force until 2025-06-30), 2025 "
              f"(from 2025-07-01), both (a province the reform left unchanged); names without their kind "
              f"word, traditional tone placement; successor: the unit of the 2025 map it became part of "
              f"(provinces: Resolution 202/2025/QH15; communes: the new commune that kept its code)\n")
    lines = ["\t".join(["map", "level", "code", "kind", "name", "parent", "province", "successor"])]
    lines += ["\t".join(row) for row in rows]
    (OUT / "units.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    lines = ["# source: Resolution 202/2025/QH15 of the National Assembly on the arrangement of "
             "provincial-level administrative units (12 June 2025, in force 1 July 2025); checked by "
             "scripts/make_gazetteer.py against the communes' codes in vietnam-provinces "
             f"{OLD} and {NEW}", "province\tbecame"]
    lines += ["\t".join(row) for row in table]
    (OUT / "successors.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        counts[(row[0], row[1])] = counts.get((row[0], row[1]), 0) + 1
    print(", ".join(f"{m} {lvl}: {n}" for (m, lvl), n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
