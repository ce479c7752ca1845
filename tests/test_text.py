"""text.py: NFC, tone-placement folding, plain spaces and quotes, same length, idempotent."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder.text import (ascii_fold, canonical, capitalise_name, fold, fold_tone_placement,
                                normalise, read_text, slug)


@pytest.mark.parametrize("new, traditional", [
    ("uỷ", "ủy"),
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("UỶ BAN", "ỦY BAN"),
    ("hoà", "hòa"),
    ("Nguyễn Duy Hoà", "Nguyễn Duy Hòa"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("thuỷ lợi", "thủy lợi"),
    ("khoẻ", "khỏe"),
    ("tuỳ", "tùy"),
    ("xoá đói", "xóa đói"),
    ("Thuý", "Thúy"),
])
def test_text_folds_new_tone_placement(new, traditional):
    assert normalise(new) == traditional
    assert fold_tone_placement(new) == traditional


@pytest.mark.parametrize("word", [
    "quý", "Quý", "quỳ", "quả", "quốc",          # `qu` is a consonant: the mark stays on y / a
    "hoàn thành", "toàn dân", "hoạt động",       # closed syllables keep their placement
    "thuyết phục", "khuya", "ủy", "hòa", "Hàm Yên",
])
def test_text_keeps_traditional_and_closed_syllables(word):
    assert normalise(word) == word


def test_text_read_text_is_nfc_with_plain_newlines():
    decomposed = unicodedata.normalize("NFD", "Huyện ủy Hàm Yên\r\nTỉnh ủy\rĐiện Biên")
    text = read_text(decomposed)
    assert text == "Huyện ủy Hàm Yên\nTỉnh ủy\nĐiện Biên"
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("raw, plain", [
    ("Hàm\u00a0Yên", "Hàm Yên"),                     # non-breaking space
    ("Hàm\u202fYên", "Hàm Yên"),                     # narrow no-break space
    ("Hàm\u200bYên", "Hàm Yên"),                     # zero-width space
    ("Hàm\tYên", "Hàm Yên"),
    ("“Vì người nghèo”", '"Vì người nghèo"'),       # curly double quotes
    ("‘Dân vận khéo’", "'Dân vận khéo'"),            # curly single quotes
    ("Lê Văn Minh – UVTV", "Lê Văn Minh - UVTV"),    # en dash
    ("2020 — 2025", "2020 - 2025"),                   # em dash
])
def test_text_makes_spaces_quotes_and_dashes_plain(raw, plain):
    assert normalise(raw) == plain


@pytest.mark.parametrize("raw", [
    "Đồng chí Nguyễn Duy Hoà,\u00a0Phó Bí thư TT Huyện uỷ – Chủ tịch HĐND huyện “Hàm Yên”.",
    "Ngày 27/12,\u202fBan Thường trực UB.MTTQ tỉnh làm việc với Thường trực Huyện uỷ.",
    "Quý I năm 2023, thuỷ lợi, khoẻ mạnh, hoà giải.",
])
def test_text_normalise_preserves_length_and_is_idempotent(raw):
    text = read_text(raw)
    once = normalise(text)
    assert len(once) == len(text)
    assert normalise(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    list("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYqQđĐhHnNtT ,.-\u00a0\u201c\u201d\u2013")
    + list("àáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁẢÃẠÒÓỎÕỌỲÝỶỸỴ")), max_size=40))
def test_text_normalise_properties_hold_for_any_text(raw):
    text = read_text(raw)
    once = normalise(text)
    assert len(once) == len(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)


def test_text_canonical_and_fold_give_one_key_for_both_placements():
    assert canonical("  Nguyễn\u00a0 Duy   Hoà ") == "Nguyễn Duy Hòa"
    assert fold("Nguyễn Duy Hoà") == fold("NGUYỄN DUY HÒA") == "nguyễn duy hòa"
    assert fold("Huyện Uỷ") == fold("huyện ủy")


@pytest.mark.parametrize("name, capitalised", [
    ("Lê văn Thuận", "Lê Văn Thuận"),
    ("lò văn phương", "Lò Văn Phương"),
    ("Mùa a Sơn", "Mùa A Sơn"),
    ("H'Hen Niê", "H'Hen Niê"),
])
def test_text_capitalise_name_writes_every_syllable_with_a_capital(name, capitalised):
    assert capitalise_name(name) == capitalised


@pytest.mark.parametrize("text, expected", [
    ("Nguyễn Duy Hòa", "nguyen-duy-hoa"),
    ("Đồng Tháp", "dong-thap"),
    ("Huyện ủy Hàm Yên", "huyen-uy-ham-yen"),
    ("!!!", "x"),
])
def test_text_slug_is_ascii_and_readable(text, expected):
    assert slug(text) == expected


def test_text_ascii_fold_strips_marks_and_d_bar():
    assert ascii_fold("Điện Biên Phủ") == "Dien Bien Phu"


@settings(max_examples=300)
@given(st.text())
def test_text_ascii_fold_drops_exactly_the_combining_marks(raw):
    # the fast path (one translation over the BMP) must agree with the definition,
    # for any text: Vietnamese, other scripts, marks beyond the BMP
    expected = "".join(ch for ch in unicodedata.normalize("NFD", raw.replace("đ", "d").replace("Đ", "D"))
                       if not unicodedata.combining(ch))
    assert ascii_fold(raw) == expected
    assert ascii_fold("Ủy ban nhân dân xã Nậm Nèn \U0001d167") == "Uy ban nhan dan xa Nam Nen "
