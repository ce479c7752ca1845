"""The tokenizer and the longest-match lexicon matcher, on real title wording."""

from graph_builder.extraction.tokens import Matcher, surface_key, tokenize


def _matcher(*surfaces: str) -> Matcher:
    return Matcher({surface_key(s): s for s in surfaces})


def test_tokens_matcher_takes_the_longest_entry():
    roles = _matcher("Phó Bí thư", "Phó Bí thư Thường trực", "Bí thư")
    text = "Phó Bí thư Thường trực Huyện ủy Nguyễn Văn Sơn phát biểu"
    tokens = tokenize(text)
    assert roles.match(tokens, 0) == ("Phó Bí thư Thường trực", 5)
    assert roles.match(tokens, 1) == ("Bí thư", 3)
    assert roles.match(tokens, 5) is None


def test_tokens_matcher_falls_back_when_a_longer_entry_breaks_off():
    # `Phó Bí thư Thường vụ`: the walk goes past `phó bí thư` into `thường`, finds no
    # `thường trực`, and keeps the last entry it passed
    roles = _matcher("Phó Bí thư", "Phó Bí thư Thường trực")
    tokens = tokenize("Phó Bí thư Thường vụ")
    assert roles.match(tokens, 0) == ("Phó Bí thư", 3)
    # an entry may end the sentence
    assert roles.match(tokenize("Phó Bí thư Thường trực"), 0) == ("Phó Bí thư Thường trực", 5)
    assert roles.match(tokens, len(tokens)) is None


def test_tokens_matcher_matches_expanded_abbreviations():
    bodies = _matcher("Ủy ban nhân dân", "Ủy ban nhân dân tỉnh")
    tokens = tokenize("Chủ tịch UBND tỉnh Hà Giang")
    assert bodies.match(tokens, 2) == ("Ủy ban nhân dân tỉnh", 7)
    assert all(t.expanded for t in tokens[2:6]) and tokens[2].start == tokens[5].start


def test_tokens_a_kind_word_glued_to_its_unit_is_split():
    # `H.Tân Hưng`, `TX.Sơn Tây`: the abbreviated kind word and the name are two words
    assert [t.text for t in tokenize("Đảng bộ H.Cần Giuộc")] == ["Đảng", "bộ", "huyện", "Cần", "Giuộc"]
    assert [t.text for t in tokenize("UBND TX.Sơn Tây")][-4:] == ["thị", "xã", "Sơn", "Tây"]
    # a whole abbreviation with a dot stays one (`TP.HCM`)
    assert [t.text for t in tokenize("TP.HCM")] == ["Hồ", "Chí", "Minh"]
