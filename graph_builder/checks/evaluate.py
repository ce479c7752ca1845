"""Scoring the extraction against gold files, exactly as docs/annotation-rules.md says.

The graph is built and read back through the named queries, the same path an external
scorer takes, so what is scored is what users get. Names and titles are compared after
NFC, case folding, collapsed white space and folded tone placement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, UsageError
from ..querying.queries import run_query
from ..storage.build import build_graph
from ..text import fold
from .scores import Score

MEETING_FIELDS = ("type", "date", "locality", "province", "chair")


@dataclass
class Evaluation:
    articles: int = 0
    sets: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in
                                                          ("persons", "positions", "participants", "organisers")})
    fields: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in MEETING_FIELDS + ("author",)})
    errors: list[str] = field(default_factory=list)
    # changes of post: scored only on articles whose gold file has a `changes` key; the
    # dates over the changes found ([right, total])
    change_dates: list[int] = field(default_factory=lambda: [0, 0])
    identity: object | None = None          # checks.identity.IdentityScore, with an identity.json

    def accuracy(self, name: str) -> float:
        right, total = self.fields[name]
        return right / total if total else 1.0

    def summary(self) -> dict:
        return {"articles": self.articles,
                **{k: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                       "tp": s.tp, "fp": s.fp, "fn": s.fn} for k, s in self.sets.items()},
                **{f"meeting.{k}" if k != "author" else k: {"accuracy": round(self.accuracy(k), 4),
                                                             "right": v[0], "total": v[1]}
                   for k, v in self.fields.items()},
                **({"changes.date": {"accuracy": round(self.change_date_accuracy, 4), "right": self.change_dates[0],
                                     "total": self.change_dates[1]}} if "changes" in self.sets else {}),
                **({"identity": self.identity.summary()} if self.identity is not None else {})}

    @property
    def change_date_accuracy(self) -> float:
        right, total = self.change_dates
        return right / total if total else 1.0

    def report(self) -> str:
        """The scores as the aligned lines `vnkg evaluate` prints: F1 of each set, the
        accuracy of each field, then identity's pairwise scores where there is a gold."""
        lines = [f"articles: {self.articles}"]
        lines += [f"{name:13} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})"
                  for name, s in self.sets.items()]
        lines += [f"{name if name == 'author' else 'meeting.' + name:16} accuracy {self.accuracy(name):.3f}  "
                  f"({right}/{total})" for name, (right, total) in self.fields.items()]
        if "changes" in self.sets:
            right, total = self.change_dates
            lines.append(f"{'changes.date':16} accuracy {self.change_date_accuracy:.3f}  ({right}/{total})")
        if self.identity is not None:
            i = self.identity
            lines.append(f"identity      P {i.precision:.3f}  R {i.recall:.3f}  (pairs: tp {i.tp}, fp {i.fp}, "
                         f"fn {i.fn}; {i.mentions} mentions, {len(i.missing)} not found)")
        return "\n".join(lines)


def _key(value) -> str:
    return fold(value) if value else ""


def load_gold(gold_dir: str | Path) -> dict[str, dict]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise UsageError("no such gold folder", where=str(gold_dir))
    gold = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"not a gold JSON file: {exc}", where=str(path)) from None
        gold[data.get("article") or path.stem] = data
    if not gold:
        raise UsageError("no gold .json files", where=str(gold_dir))
    return gold


def evaluate(articles: list[str | Path], gold_dir: str | Path, identity_gold: str | Path | None = None,
             identity: str | Path | None = None) -> Evaluation:
    """Build the articles, run the named queries and score them against the gold files of
    the same articles (articles with no gold file are ignored). Identity (which mentions
    are one person, pairwise) is scored against `identity_gold`, or an `identity.json` in
    `gold_dir` or beside it; `identity` is a judgements file the build applies.

    >>> result = evaluate(["seeds"], "tests/data/seeds_gold")     # from the repository
    >>> result.sets["persons"].f1
    1.0
    """
    gold = load_gold(gold_dir)
    report = build_graph(articles, identity=identity)
    dataset = report.dataset
    rows = {name: run_query(name, dataset).rows for name in
            ("persons", "positions", "participants", "organisers", "meetings", "authors", "changes")}
    result = Evaluation()
    by_article: dict[str, dict[str, list]] = {}
    for name, table in rows.items():
        for row in table:
            by_article.setdefault(row[0], {}).setdefault(name, []).append(row)
    for article_id, truth in sorted(gold.items()):
        predicted = by_article.get(article_id)
        if predicted is None and article_id not in {Path(p).stem for p in report.read}:
            continue
        predicted = predicted or {}
        result.articles += 1
        _score_sets(result, article_id, truth, predicted)
        _score_meetings(result, article_id, truth, predicted.get("meetings", []))
        author = (predicted.get("authors") or [(article_id, None)])[0][1]
        _field(result, "author", article_id, truth.get("author"), author)
        if "changes" in truth:
            _score_changes(result, article_id, truth["changes"] or [], predicted.get("changes", []))
    identity_file = identity_gold or next((p for p in (Path(gold_dir) / "identity.json",
                                                       Path(gold_dir).parent / "identity.json") if p.is_file()), None)
    if identity_file is not None:
        from .identity import load_identity_gold, predicted_persons, score_identity
        result.identity = score_identity(load_identity_gold(identity_file), predicted_persons(dataset))
        result.errors += [f"identity: joined, not one person: {a[0]}/{a[1]} + {b[0]}/{b[1]}"
                          for a, b in result.identity.wrong]
        result.errors += [f"identity: one person, kept apart: {a[0]}/{a[1]} + {b[0]}/{b[1]}"
                          for a, b in result.identity.missed]
    return result


def _compare(result: Evaluation, kind: str, article_id: str, gold: set, predicted: set) -> None:
    score = result.sets[kind]
    score.tp += len(gold & predicted)
    for item in sorted(predicted - gold):
        score.fp += 1
        result.errors.append(f"{article_id}\t{kind}\tspurious\t{' | '.join(item)}")
    for item in sorted(gold - predicted):
        score.fn += 1
        result.errors.append(f"{article_id}\t{kind}\tmissed\t{' | '.join(item)}")


def _score_sets(result: Evaluation, article_id: str, truth: dict, predicted: dict) -> None:
    gold_persons = {(_key(p["name"]),) for p in truth.get("persons", [])}
    gold_positions = {(_key(p["name"]), _key(t)) for p in truth.get("persons", []) for t in p.get("positions", [])}
    gold_participants = {(_key(n),) for m in truth.get("meetings", []) for n in m.get("participants", [])}
    gold_organisers = {(_key(o),) for m in truth.get("meetings", []) for o in m.get("organisers", [])}
    _compare(result, "persons", article_id, gold_persons, {(_key(r[1]),) for r in predicted.get("persons", [])})
    _compare(result, "positions", article_id, gold_positions,
             {(_key(r[1]), _key(r[2])) for r in predicted.get("positions", [])})
    _compare(result, "participants", article_id, gold_participants,
             {(_key(r[2]),) for r in predicted.get("participants", [])})
    _compare(result, "organisers", article_id, gold_organisers,
             {(_key(r[2]),) for r in predicted.get("organisers", [])})


def _score_changes(result: Evaluation, article_id: str, gold: list[dict], rows: list) -> None:
    """F1 over (person, kind, full title); the date of each change found, right or not."""
    result.sets.setdefault("changes", Score())
    truth = {(_key(c.get("person")), _key(c.get("kind")), _key(c.get("position"))): c.get("date") for c in gold}
    found = {(_key(r[1]), _key(r[2]), _key(r[3])): r[4] for r in rows}
    _compare(result, "changes", article_id, set(truth), set(found))
    for key in sorted(set(truth) & set(found)):
        right = (truth[key] or None) == (found[key] or None)
        result.change_dates[1] += 1
        result.change_dates[0] += right
        if not right:
            result.errors.append(f"{article_id}\tchanges.date\twrong\t{' | '.join(key)}: "
                                 f"gold={truth[key]!r} got={found[key]!r}")


def _field(result: Evaluation, name: str, article_id: str, gold, predicted) -> bool:
    ok = _key(gold) == _key(predicted)
    result.fields[name][1] += 1
    result.fields[name][0] += ok
    if not ok:
        result.errors.append(f"{article_id}\t{name}\twrong\tgold={gold!r} got={predicted!r}")
    return ok


def _score_meetings(result: Evaluation, article_id: str, truth: dict, rows: list) -> None:
    predicted = [dict(zip(("article", "meeting", "type", "date", "locality", "province", "chair"), r)) for r in rows]
    unused = list(predicted)
    for gold in truth.get("meetings", []):
        best = max(unused, key=lambda p: sum(_key(gold.get(f)) == _key(p.get(f)) for f in MEETING_FIELDS),
                   default=None)
        if best is not None:
            unused.remove(best)
        for name in MEETING_FIELDS:
            _field(result, name, article_id, gold.get(name), best.get(name) if best else None)
    for extra in unused:
        result.errors.append(f"{article_id}\tmeeting\tspurious\t{extra.get('type')} {extra.get('date')}")
