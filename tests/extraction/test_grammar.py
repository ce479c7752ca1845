"""extraction/grammar.py: the title grammar's lexicons, as matchers over folded tokens."""

from graph_builder.extraction.grammar import body_type, grammar
from graph_builder.extraction.tokens import tokenize


def test_grammar_matches_roles_bodies_and_units_longest_first():
    tokens = tokenize("Phó Bí thư Thường trực Huyện ủy huyện Mường Nhé")
    roles, bodies, units, _, _ = grammar()
    assert roles.match(tokens, 0)[0]["role"] == "Phó Bí thư Thường trực"
    assert bodies.match(tokens, 5)[0] == body_type("Huyện ủy")
    assert units.match(tokens, 7)[0]["level"] == "district"
    assert body_type("Bộ").binding == "department-central"
