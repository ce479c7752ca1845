"""Scoring identity: pairwise precision and recall over (article, name) mentions.

The gold file `identity.json` lists every named official of a set's articles as persons,
`{"persons": [{"id": "p1", "mentions": [["ARTICLE_ID", "Name"], ...]}, ...]}`, singletons
included. Two gold mentions are a true pair when one gold person lists both; a predicted
pair when the built graph puts both in one person (`vnkg:unites`). Names are compared
folded. A gold mention the graph does not have is a person of its own (it joins nothing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from ..errors import InputError
from ..text import fold
from .scores import Score

_UNITED = """
PREFIX vnkg: <https://w3id.org/vnkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?person ?article ?name WHERE {
  ?person vnkg:unites ?m . ?m vnkg:writtenName ?name ; prov:wasDerivedFrom ?a . ?a vnkg:identifier ?article .
}"""


@dataclass
class IdentityScore(Score):
    """Pairwise identity scores, with the pairs wrongly joined and wrongly kept apart."""
    mentions: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)      # gold mentions not in the graph
    wrong: list[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=list)   # joined, not one
    missed: list[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=list)  # one, kept apart

    def summary(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "tp": self.tp,
                "fp": self.fp, "fn": self.fn, "mentions": self.mentions, "missing": len(self.missing)}


def load_identity_gold(path: str | Path) -> dict[tuple[str, str], str]:
    """(article, folded name) -> gold person id, from an `identity.json`."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = {}
        for person in data["persons"]:
            for article, name in person["mentions"]:
                gold[(article, fold(name))] = str(person["id"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not an identity gold file ({type(exc).__name__}: {exc})", where=str(path),
                         hint='write {"persons": [{"id": "p1", "mentions": [["ARTICLE_ID", "Name"]]}]}') from None
    return gold


def predicted_persons(dataset) -> dict[tuple[str, str], str]:
    """(article, folded name) -> the person IRI the graph puts the mention in."""
    union = dataset.default_union
    dataset.default_union = True          # the articles' named graphs
    try:
        return {(str(row[1]), fold(str(row[2]))): str(row[0]) for row in dataset.query(_UNITED)}
    finally:
        dataset.default_union = union


def score_identity(gold: dict[tuple[str, str], str], predicted: dict[tuple[str, str], str]) -> IdentityScore:
    """Pairwise precision and recall of `predicted` over the gold mentions.

    >>> score = score_identity({("a1", "x"): "p", ("a2", "x"): "p"}, {("a1", "x"): "P", ("a2", "x"): "P"})
    >>> score.precision, score.recall
    (1.0, 1.0)
    """
    score = IdentityScore(mentions=len(gold))
    keys = sorted(gold)
    score.missing = [k for k in keys if k not in predicted]
    for a, b in combinations(keys, 2):
        one = gold[a] == gold[b]
        joined = a in predicted and b in predicted and predicted[a] == predicted[b]
        if one and joined:
            score.tp += 1
        elif joined:
            score.fp += 1
            score.wrong.append((a, b))
        elif one:
            score.fn += 1
            score.missed.append((a, b))
    return score
