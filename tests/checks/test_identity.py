"""Identity scored pairwise over (article, name) mentions, and the floor on the dev set."""

import json

import pytest

from graph_builder import evaluate
from graph_builder.checks.identity import load_identity_gold, score_identity
from graph_builder.errors import InputError

from ..support import ROOT

IDENTITY_DEV = ROOT / "tests" / "data" / "identity" / "dev"
IDENTITY_HOLDOUT = ROOT / "tests" / "data" / "identity" / "holdout"


def test_identity_pairwise_scores_count_joined_and_kept_apart_pairs():
    gold = {("a1", "hùng"): "p", ("a2", "hùng"): "p", ("a3", "hùng"): "q", ("a4", "hùng"): "r"}
    predicted = {("a1", "hùng"): "P", ("a2", "hùng"): "X", ("a3", "hùng"): "Q", ("a4", "hùng"): "Q"}
    score = score_identity(gold, predicted)
    assert (score.tp, score.fp, score.fn) == (0, 1, 1)
    assert score.wrong == [(("a3", "hùng"), ("a4", "hùng"))]
    assert score.missed == [(("a1", "hùng"), ("a2", "hùng"))]
    missing = score_identity(gold, {k: "P" for k in list(gold)[:3]})
    assert missing.missing == [("a4", "hùng")] and (missing.tp, missing.fp, missing.fn) == (1, 2, 0)


def test_identity_gold_file_errors_name_the_file(tmp_path):
    bad = tmp_path / "identity.json"
    bad.write_text(json.dumps({"people": []}), encoding="utf-8")
    with pytest.raises(InputError, match="identity.json: not an identity gold file"):
        load_identity_gold(bad)


def test_identity_dev_set_floor():
    # what resolution reached on the dev set when these tests were written: a regression
    # floor (the issue's targets: precision 0.99, recall 0.9 on held-out cases)
    result = evaluate([IDENTITY_DEV / "articles"], IDENTITY_DEV / "gold")
    score = result.identity
    assert score.mentions == 109 and score.missing == []
    assert score.precision >= 0.99 and score.recall >= 0.99


def test_identity_holdout_set_meets_the_issue_targets():
    # written apart from the rules and scored once before it was committed (see its README)
    result = evaluate([IDENTITY_HOLDOUT / "articles"], IDENTITY_HOLDOUT / "gold")
    score = result.identity
    assert score.mentions == 122 and score.missing == []
    assert score.precision >= 0.99 and score.recall >= 0.9
