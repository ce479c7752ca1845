"""The title grammar's lexicons (`lexicon/roles.tsv`, `bodies.tsv`, `unit_kinds.tsv`,
`departments.tsv`) as matchers over folded tokens, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import load_table
from .tokens import Matcher, surface_key


@dataclass(frozen=True)
class BodyType:
    name: str
    kind: str
    binding: str


class Grammar(NamedTuple):
    """The title grammar's lexicons, as matchers over folded tokens."""
    roles: Matcher
    bodies: Matcher
    units: Matcher
    departments: Matcher
    types: dict[str, BodyType]


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The lexicons of roles, bodies, unit kinds and departments, loaded once."""
    roles = {}
    for row in load_table("roles", key="role"):
        for surface in row["surfaces"].split("|"):
            roles[surface_key(surface)] = row
    bodies = {}
    types = {}
    for row in load_table("bodies", key="body"):
        body_type = BodyType(row["body"], row["kind"], row["binding"])
        types[row["body"]] = body_type
        for surface in row["surfaces"].split("|"):
            bodies[surface_key(surface)] = body_type
    units = {surface_key(r["word"]): r for r in load_table("unit_kinds", key="word")}
    departments = {surface_key(r["name"]): r["name"] for r in load_table("departments", key="name")}
    return Grammar(Matcher(roles), Matcher(bodies), Matcher(units), Matcher(departments), types)


def body_type(name: str) -> BodyType:
    return grammar().types[name]
