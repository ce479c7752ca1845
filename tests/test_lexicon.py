"""lexicon/: data files with a source line, unique keys, NFC cells; the loader names the
file and line that is wrong."""

import unicodedata
from importlib import resources

import pytest

from graph_builder import lexicon
from graph_builder.errors import LexiconError
from graph_builder.extraction.tokens import abbreviations
from graph_builder.gazetteer import load_gazetteer
from graph_builder.lexicon import load_table, table_names

KEYS = {"abbreviations": "abbreviation", "bodies": "body", "boilerplate": "prefix", "datelines": "code",
        "departments": "name", "meeting_types": "concept", "roles": "role", "surnames": "surname",
        "time_words": "word", "unit_kinds": "word"}


def test_lexicon_ships_the_expected_tables():
    assert set(KEYS) <= set(table_names())


@pytest.mark.parametrize("name", sorted(KEYS))
def test_lexicon_file_has_source_line_and_unique_nfc_keys(name):
    raw = resources.files("graph_builder.lexicon").joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    assert raw.startswith("# source: ")
    assert unicodedata.is_normalized("NFC", raw)
    rows = load_table(name, key=KEYS[name])
    assert rows, f"{name}.tsv has no rows"
    assert all(row[KEYS[name]] for row in rows)


@pytest.mark.parametrize("abbreviation, expansion", [
    ("HĐND", "Hội đồng nhân dân"),
    ("UBND", "Ủy ban nhân dân"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("UB.MTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ("BTV", "Ban Thường vụ"),
    ("UVBTV", "Ủy viên Ban Thường vụ"),
    ("UVTV", "Ủy viên Ban Thường vụ"),
    ("PBT", "Phó Bí thư"),
    ("TT", "Thường trực"),
    ("HU", "Huyện ủy"),
    ("TU", "Tỉnh ủy"),
    ("TUV", "Ủy viên Tỉnh ủy"),
    ("HUV", "Ủy viên Huyện ủy"),
    ("LHPN", "Liên hiệp Phụ nữ"),
    ("LĐLĐ", "Liên đoàn Lao động"),
    ("CCB", "Cựu chiến binh"),
    ("UVBCHTW", "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("UVBTVTU", "Ủy viên Ban Thường vụ Tỉnh ủy"),
])
def test_lexicon_abbreviations_expand_as_the_annotation_rules_say(abbreviation, expansion):
    assert " ".join(abbreviations()[abbreviation]) == expansion


@pytest.mark.parametrize("code, province", [("ĐBP", "Điện Biên"), ("QTO", "Quảng Trị")])
def test_lexicon_dateline_codes_name_their_province(code, province):
    from graph_builder.reading.layout import dateline_codes
    assert dateline_codes()[code] == province


def test_lexicon_every_dateline_province_is_an_official_province():
    gazetteer = load_gazetteer()
    for row in load_table("datelines", key="code"):
        assert gazetteer.lookup("province", row["province"]), row


def test_lexicon_meeting_types_are_the_gold_types():
    labels = {row["label"] for row in load_table("meeting_types", key="concept")}
    assert labels == {"Buổi làm việc", "Hội nghị", "Hội nghị tổng kết", "Hội nghị sơ kết",
                      "Hội nghị giao ban", "Kỳ họp", "Đại hội", "Tiếp xúc cử tri", "Hội nghị đối thoại"}


@pytest.fixture
def lexicon_folder(tmp_path, monkeypatch):
    """Point the loader at a temporary folder of TSV files."""
    monkeypatch.setattr(lexicon.resources, "files", lambda package: tmp_path)
    return tmp_path


def test_lexicon_duplicate_key_names_file_and_line(lexicon_folder):
    (lexicon_folder / "dup.tsv").write_text(
        "# source: a test\nrole\tsurfaces\nBí thư\tbí thư\nChủ tịch\tchủ tịch\nbí THƯ\tbí thư\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_table.__wrapped__("dup", key="role")
    message = str(caught.value)
    assert "lexicon/dup.tsv:5" in message
    assert "first on line 3" in message


def test_lexicon_missing_source_line_is_an_error(lexicon_folder):
    (lexicon_folder / "nosource.tsv").write_text("role\nBí thư\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="source"):
        load_table.__wrapped__("nosource")


def test_lexicon_row_with_too_many_cells_is_an_error(lexicon_folder):
    (lexicon_folder / "wide.tsv").write_text("# source: a test\na\tb\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"wide.tsv:3"):
        load_table.__wrapped__("wide")
