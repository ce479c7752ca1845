"""gazetteer.py: Vietnam's units before the 2025 reform, from vietnam-provinces 0.5.8."""

import pytest

from graph_builder.gazetteer import load_gazetteer, name_key


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_gazetteer_has_63_provinces_and_705_districts(gazetteer):
    provinces = [u for (level, _), u in gazetteer.by_code.items() if level == "province"]
    districts = [u for (level, _), u in gazetteer.by_code.items() if level == "district"]
    communes = [u for (level, _), u in gazetteer.by_code.items() if level == "commune"]
    assert len(provinces) == 63
    assert len(districts) == 705
    assert len(communes) > 10_000


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


def test_gazetteer_about_fifteen_district_names_occur_in_several_provinces(gazetteer):
    shared = [k for k, units in gazetteer.by_name["district"].items() if len({u.province for u in units}) > 1]
    assert 12 <= len(shared) <= 20


def test_gazetteer_names_have_no_kind_word_and_traditional_tone_placement(gazetteer):
    province = gazetteer.lookup("province", "Thanh Hoá")[0]     # new placement finds it too
    assert province.name == "Thanh Hóa"
    assert province.full_name == "tỉnh Thanh Hóa"
    assert gazetteer.lookup("province", "Hà Nội")[0].full_name == "thành phố Hà Nội"


def test_gazetteer_commune_parent_chain(gazetteer):
    district = gazetteer.lookup("district", "Hàm Yên")[0]
    communes = [u for u in gazetteer.lookup("commune", "Yên Thuận") if u.parent == district.code]
    assert len(communes) == 1
    assert gazetteer.parent_of(communes[0]) == district
    assert gazetteer.parent_of(district).name == "Tuyên Quang"
    assert gazetteer.parent_of(gazetteer.province_of(district)) is None


def test_gazetteer_name_key_ignores_case_hyphens_and_spaces():
    assert name_key("Bà Rịa - Vũng Tàu") == name_key("bà rịa  vũng tàu")
