"""gazetteer: Vietnam's units on both sides of the reform of 1 July 2025, from
vietnam-provinces 0.5.8 and 2025.10.1 (scripts/make_gazetteer.py)."""

from importlib import resources

import pytest

from graph_builder.gazetteer import era_of, load_gazetteer, name_key


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def _count(gazetteer, era, level):
    return sum(1 for u in gazetteer.by_key.values() if u.level == level and u.in_force(era))


def test_gazetteer_counts_of_both_maps(gazetteer):
    assert (_count(gazetteer, "pre2025", "province"), _count(gazetteer, "pre2025", "district"),
            _count(gazetteer, "pre2025", "commune")) == (63, 705, 10598)
    assert (_count(gazetteer, "2025", "province"), _count(gazetteer, "2025", "district"),
            _count(gazetteer, "2025", "commune")) == (34, 0, 3321)


def test_gazetteer_ten_provinces_are_one_unit_on_both_maps(gazetteer):
    both = sorted(u.name for u in gazetteer.by_key.values() if u.map == "both")
    assert both == ["Cao Bằng", "Hà Nội", "Hà Tĩnh", "Lai Châu", "Lạng Sơn", "Nghệ An", "Quảng Ninh",
                    "Sơn La", "Thanh Hóa", "Điện Biên"]


@pytest.mark.parametrize("old, new", [
    ("Hà Giang", "Tuyên Quang"), ("Tuyên Quang", "Tuyên Quang"), ("Bạc Liêu", "Cà Mau"),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("Bình Dương", "Hồ Chí Minh"), ("Kon Tum", "Quảng Ngãi"),
    ("Thừa Thiên Huế", "Huế"), ("Quảng Bình", "Quảng Trị"), ("Bình Định", "Gia Lai"),
])
def test_gazetteer_old_province_merged_into_new(gazetteer, old, new):
    (unit,) = gazetteer.lookup("province", old, "pre2025")
    successor = gazetteer.successor_of(unit)
    assert (successor.name, successor.map, unit.valid_until, successor.valid_from) == \
        (new, "2025", "2025-06-30", "2025-07-01")


def test_gazetteer_successor_table_agrees_with_the_units(gazetteer):
    text = resources.files("graph_builder.gazetteer").joinpath("successors.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[2:]]
    assert len(rows) == 63
    for old, new in rows:
        (unit,) = gazetteer.lookup("province", old, "pre2025")
        assert gazetteer.lineage_province(unit).name == new


def test_gazetteer_a_name_on_one_map_only(gazetteer):
    assert [(u.map, gazetteer.province_of(u).name) for u in gazetteer.lookup("commune", "Bắc Mê")] == \
        [("2025", "Tuyên Quang")]
    assert [(u.map, gazetteer.province_of(u).name) for u in gazetteer.lookup("district", "Bắc Mê")] == \
        [("pre2025", "Hà Giang")]


def test_gazetteer_lookup_prefers_the_map_in_force(gazetteer):
    assert {gazetteer.province_of(u).name for u in gazetteer.lookup("commune", "Long Hải", "2025")} == \
        {"Hồ Chí Minh"}
    assert {gazetteer.province_of(u).name for u in gazetteer.lookup("commune", "Long Hải", "pre2025")} == \
        {"Bình Thuận", "Bà Rịa - Vũng Tàu"}
    # a unit of the other map is still found when the map in force has none
    assert gazetteer.lookup("district", "Bắc Mê", "2025")[0].map == "pre2025"


def test_gazetteer_new_commune_lies_in_its_new_province(gazetteer):
    (commune,) = gazetteer.lookup("commune", "Bắc Mê")
    assert gazetteer.parent_of(commune) == gazetteer.province_of(commune)
    assert commune.key.startswith("2025-") and commune.kind == "xã"
    # in a province the reform left as it was, the province is the one unit of both maps
    thanh_hoa = gazetteer.lookup("province", "Thanh Hóa")[0]
    new_communes = [u for u in gazetteer.by_key.values() if u.map == "2025" and u.province == thanh_hoa.key]
    assert len(new_communes) == 166


def test_gazetteer_lineage_joins_old_and_new_provinces(gazetteer):
    ha_giang = gazetteer.lookup("province", "Hà Giang")[0]
    tuyen_quang_2026 = gazetteer.lookup("province", "Tuyên Quang", "2025")[0]
    assert gazetteer.lineage_province(ha_giang) == gazetteer.lineage_province(tuyen_quang_2026)
    assert ha_giang in gazetteer.predecessors_of(tuyen_quang_2026)


@pytest.mark.parametrize("date, era", [("2025-06-30", "pre2025"), ("2025-07-01", "2025"),
                                       ("2026-01-12T09:10:00", "2025"), (None, None), ("--05-30", None)])
def test_gazetteer_era_of_a_date(date, era):
    assert era_of(date) == era


@pytest.mark.parametrize("name, kind, province", [
    ("Hàm Yên", "huyện", "Tuyên Quang"),
    ("Như Xuân", "huyện", "Thanh Hóa"),
    ("Bắc Mê", "huyện", "Hà Giang"),
    ("Tủa Chùa", "huyện", "Điện Biên"),
    ("Hương Thủy", "thị xã", "Thừa Thiên Huế"),
    ("Điện Biên Phủ", "thành phố", "Điện Biên"),
    ("Ninh Kiều", "quận", "Cần Thơ"),
])
def test_gazetteer_district_has_kind_and_province(gazetteer, name, kind, province):
    units = gazetteer.lookup("district", name)
    assert len(units) == 1
    assert units[0].kind == kind
    assert gazetteer.province_of(units[0]).name == province


@pytest.mark.parametrize("name, provinces", [
    ("Bảo Lâm", {"Cao Bằng", "Lâm Đồng"}),
    ("Tam Nông", {"Phú Thọ", "Đồng Tháp"}),
    ("Phong Điền", {"Thừa Thiên Huế", "Cần Thơ"}),
])
def test_gazetteer_shared_district_names_stay_ambiguous(gazetteer, name, provinces):
    assert {gazetteer.province_of(u).name for u in gazetteer.lookup("district", name)} == provinces


def test_gazetteer_names_have_no_kind_word_and_traditional_tone_placement(gazetteer):
    province = gazetteer.lookup("province", "Thanh Hoá")[0]     # new placement finds it too
    assert province.name == "Thanh Hóa"
    assert province.full_name == "tỉnh Thanh Hóa"
    assert gazetteer.lookup("province", "Hà Nội")[0].full_name == "thành phố Hà Nội"


def test_gazetteer_commune_parent_chain(gazetteer):
    district = gazetteer.lookup("district", "Hàm Yên")[0]
    communes = [u for u in gazetteer.lookup("commune", "Yên Thuận") if u.parent == district.key]
    assert len(communes) == 1
    assert gazetteer.parent_of(communes[0]) == district
    assert gazetteer.parent_of(district).name == "Tuyên Quang"
    assert gazetteer.parent_of(gazetteer.province_of(district)) is None


def test_gazetteer_name_key_ignores_case_hyphens_spaces_and_apostrophe_forms():
    assert name_key("Bà Rịa - Vũng Tàu") == name_key("bà rịa  vũng tàu")
    assert name_key("Ia H' Drai") == name_key("Ia H’Drai") == name_key("ia h'drai")


def test_gazetteer_apostrophe_names_keep_the_text_spelling(gazetteer):
    (unit,) = gazetteer.find("district", name_key("Ia H’Drai"), "Ia H’Drai")
    assert (unit.name, gazetteer.province_of(unit).name) == ("Ia H’Drai", "Kon Tum")
