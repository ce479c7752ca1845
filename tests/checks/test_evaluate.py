"""evaluate.py, end to end: the seed scores, the floor on the dev set, and the scoring
rules of docs/annotation-rules.md on hand-made gold files."""

import json

import pytest

from graph_builder import evaluate
from graph_builder.errors import InputError, UsageError
from graph_builder.checks.evaluate import Score

from ..support import DEV, SEEDS, SEEDS_GOLD

SETS = ("persons", "positions", "participants", "organisers")
FIELDS = ("type", "date", "locality", "province", "chair", "author")

# What the extraction reached on tests/data/dev when these tests were written, rounded
# down to two decimals: a regression floor, not a target (the targets are in issue 3).
DEV_FLOOR = {
    "persons": 1.00, "positions": 1.00, "participants": 1.00, "organisers": 1.00,
    "type": 1.00, "date": 1.00, "locality": 1.00, "province": 1.00, "chair": 1.00, "author": 1.00,
}
DEV_ARTICLES = 20


@pytest.fixture(scope="module")
def seed_scores():
    return evaluate([str(SEEDS)], str(SEEDS_GOLD))


@pytest.fixture(scope="module")
def dev_scores():
    return evaluate([str(DEV / "articles")], str(DEV / "gold"))


def test_evaluate_seeds_score_perfectly(seed_scores):
    assert seed_scores.articles == 5
    assert {name: seed_scores.sets[name].f1 for name in SETS} == {name: 1.0 for name in SETS}
    assert {name: seed_scores.accuracy(name) for name in FIELDS} == {name: 1.0 for name in FIELDS}
    assert seed_scores.errors == []


def test_evaluate_seeds_counts(seed_scores):
    counts = {name: (s.tp, s.fp, s.fn) for name, s in seed_scores.sets.items()}
    assert counts == {"persons": (12, 0, 0), "positions": (20, 0, 0), "participants": (12, 0, 0),
                      "organisers": (8, 0, 0)}
    assert seed_scores.fields["type"] == [5, 5] and seed_scores.fields["author"] == [5, 5]


@pytest.mark.parametrize("name", SETS + FIELDS)
def test_evaluate_dev_set_stays_above_its_floor(dev_scores, name):
    assert dev_scores.articles >= DEV_ARTICLES
    value = dev_scores.sets[name].f1 if name in SETS else dev_scores.accuracy(name)
    assert value >= DEV_FLOOR[name], "\n".join(dev_scores.errors)


def _gold(tmp_path, article: str, **overrides):
    data = json.loads((SEEDS_GOLD / f"{article}.json").read_text(encoding="utf-8"))
    data.update(overrides)
    folder = tmp_path / "gold"
    folder.mkdir(exist_ok=True)
    (folder / f"{article}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder, data


def test_evaluate_compares_names_after_folding_case_and_tone_placement(tmp_path):
    article = "000_76ec2816e9efe202"
    data = json.loads((SEEDS_GOLD / f"{article}.json").read_text(encoding="utf-8"))
    data["persons"][0]["name"] = "NGUYỄN  DUY HOÀ"                 # case, spaces, new tone placement
    data["persons"][0]["positions"] = ["phó bí thư thường trực huyện uỷ hàm yên",
                                       "Chủ tịch Hội đồng nhân dân huyện Hàm Yên"]
    data["meetings"][0]["participants"] = ["Nguyễn Duy Hoà"]
    folder, _ = _gold(tmp_path, article, persons=data["persons"], meetings=data["meetings"])
    result = evaluate([str(SEEDS / f"{article}.txt")], str(folder))
    assert (result.sets["persons"].tp, result.sets["positions"].tp, result.sets["participants"].tp) == (1, 2, 1)
    assert result.errors == []


def test_evaluate_lists_misses_spurious_and_wrong_fields(tmp_path):
    article = "003_3efc173e9c33baf7"
    data = json.loads((SEEDS_GOLD / f"{article}.json").read_text(encoding="utf-8"))
    data["persons"] = data["persons"][:2]                           # Lò Văn Tiến becomes spurious
    data["meetings"][0]["date"] = "2023-12-28"
    folder, _ = _gold(tmp_path, article, persons=data["persons"], meetings=data["meetings"], author="Ai Đó")
    result = evaluate([str(SEEDS)], str(folder))
    assert result.articles == 1
    assert result.sets["persons"].fp == 1 and result.sets["persons"].precision == pytest.approx(2 / 3)
    assert f"{article}\tpersons\tspurious\tlò văn tiến" in result.errors
    assert f"{article}\tdate\twrong\tgold='2023-12-28' got='2023-12-29'" in result.errors
    assert result.accuracy("author") == 0.0 and result.accuracy("type") == 1.0


def test_evaluate_score_arithmetic():
    assert (Score(0, 0, 0).precision, Score(0, 0, 0).recall) == (1.0, 1.0)
    score = Score(tp=3, fp=1, fn=2)
    assert (score.precision, score.recall) == (0.75, 0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_evaluate_missing_gold_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        evaluate([str(SEEDS)], str(tmp_path / "nothing"))


def test_evaluate_broken_gold_file_is_an_input_error(tmp_path):
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="x.json"):
        evaluate([str(SEEDS)], str(tmp_path))


# The targets, checked on every hand-written article set (dev, and the three sets
# written later to measure generalisation: tests/data/holdout*/).
TARGETS = {"persons": 0.95, "positions": 0.90, "participants": 0.90,
           "type": 0.90, "date": 0.90, "locality": 0.90, "province": 0.90, "chair": 0.90, "author": 0.90}
# The changes set (tests/data/changes) is about changes of post, scored by its own test.
ARTICLE_SETS = sorted(p.parent.name for p in (DEV.parent).glob("*/gold")
                      if (p.parent / "articles").is_dir() and p.parent.name != "changes")


@pytest.mark.parametrize("article_set", ARTICLE_SETS)
def test_evaluate_written_article_sets_meet_the_targets(article_set):
    folder = DEV.parent / article_set
    scores = evaluate([str(folder / "articles")], str(folder / "gold"))
    assert scores.articles >= 15
    reached = {name: scores.sets[name].f1 if name in SETS else scores.accuracy(name) for name in TARGETS}
    assert all(reached[name] >= target for name, target in TARGETS.items()), (reached, scores.errors)


def test_evaluate_changes_set_scores_changes_and_their_dates():
    folder = DEV.parent / "changes"
    scores = evaluate([str(folder / "articles")], str(folder / "gold"))
    assert scores.articles == 11
    assert scores.sets["changes"].f1 == 1.0 and scores.change_date_accuracy == 1.0, scores.errors
    assert scores.summary()["changes.date"] == {"accuracy": 1.0, "right": 31, "total": 31}
    assert scores.sets["persons"].f1 == 1.0 and scores.sets["positions"].f1 == 1.0, scores.errors


def test_evaluate_changes_are_skipped_where_the_gold_has_no_changes_key(tmp_path):
    gold = json.loads((DEV.parent / "changes" / "gold" / "c07_thanh_hoa_dieu_dong_nhu_xuan.json").read_text())
    del gold["changes"]
    (tmp_path / "c07_thanh_hoa_dieu_dong_nhu_xuan.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate([str(DEV.parent / "changes" / "articles" / "c07_thanh_hoa_dieu_dong_nhu_xuan.txt")],
                      str(tmp_path))
    assert scores.articles == 1 and "changes" not in scores.sets and "changes.date" not in scores.summary()


def test_evaluate_a_wrong_change_date_is_counted_and_reported(tmp_path):
    name = "c07_thanh_hoa_dieu_dong_nhu_xuan"
    gold = json.loads((DEV.parent / "changes" / "gold" / f"{name}.json").read_text())
    gold["changes"][1]["date"] = "2024-04-09"
    (tmp_path / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    scores = evaluate([str(DEV.parent / "changes" / "articles" / f"{name}.txt")], str(tmp_path))
    assert scores.sets["changes"].f1 == 1.0 and scores.change_dates == [1, 2]
    assert any("changes.date\twrong" in e and "2024-04-09" in e for e in scores.errors)
