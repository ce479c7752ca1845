"""The judgements file: its format, and a bad line named with what to fix."""

import pytest

from graph_builder.errors import InputError, UsageError
from graph_builder.resolution.judgements import parse_judgements, read_judgements


def test_judgements_parse_mentions_persons_notes_authors_and_times():
    text = ("# who is who in Văn Chấn\n\n"
            "same\tvc-01/Nguyễn Văn Hùng\tvc-07/Nguyễn Văn  Hùng\tmoved to the province\tLan\t2026-12-01\n"
            "different\t<https://w3id.org/vnkg/id/person/nguyen-van-hung-1234567890>\tvc-09/Nguyễn Văn Hùng\n")
    same, different = parse_judgements(text, "j.tsv")
    assert (same.verdict, same.a.article, same.a.name, same.b.name) == ("same", "vc-01", "Nguyễn Văn Hùng", "Nguyễn Văn Hùng")
    assert (same.note, same.author, same.time, same.where) == ("moved to the province", "Lan", "2026-12-01", "j.tsv:3")
    assert different.a.person == "https://w3id.org/vnkg/id/person/nguyen-van-hung-1234567890"
    assert different.note == "" and different.where == "j.tsv:4"


@pytest.mark.parametrize("line, problem", [
    ("same\tvc-01/Nguyễn Văn Hùng", "2 tab-separated fields"),
    ("maybe\tvc-01/Nguyễn Văn Hùng\tvc-02/Nguyễn Văn Hùng", "neither 'same' nor 'different'"),
    ("same\tNguyễn Văn Hùng\tvc-02/Nguyễn Văn Hùng", "neither a person's IRI nor ARTICLE/Name"),
    ("same\tvc-01/Nguyễn Văn Hùng\tvc-01/Nguyễn Văn Hùng", "both sides name the same"),
])
def test_judgements_bad_line_raises_input_error_naming_file_and_line(line, problem):
    with pytest.raises(InputError, match=rf"^j.tsv:2: .*{problem}") as caught:
        parse_judgements("# first line\n" + line + "\n", "j.tsv")
    assert caught.value.hint


def test_judgements_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such judgements file"):
        read_judgements(tmp_path / "none.tsv")
    assert read_judgements(None) == []
