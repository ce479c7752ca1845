"""Can two namesake mentions be one person? The compatibility table decides from their posts.

`compatibility.tsv` (data, loaded once) says which posts one person holds together, which
moves over time are plausible and which posts exclude each other; `decide` applies it to
two mentions of one block (same folded name, same lineage province) and returns `join`,
`apart` or `unknown`, with the rule and the two posts that decided. Precision first: only
positive evidence joins (a shared post, or posts that nest or follow plausibly within
MOVE_WINDOW days); a mention with no post never joins by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from importlib import resources

from ..errors import LexiconError
from ..gazetteer import load_gazetteer, name_key
from .mentions import PersonMention, PostRecord

# Two articles within four months describe one period of office: a post held then is
# held "at the same time" as the other. Moves (a promotion, a rotation) take longer.
SAME_PERIOD = 120
# Posts of one locality within one five-year term (of a Party congress, of a council) may
# be one person's; a move to another level (a promotion from district to province) is
# believed within two years. Beyond, posts with nothing between them are left apart: a
# candidate for a user's judgement.
TERM = 5 * 365 + 1
MOVE_WINDOW = 2 * 365
_FILE = "compatibility.tsv"
_COLUMNS = ["rule", "period", "a", "b", "units", "bodies", "decision", "source"]
_VALUES = {"period": {"same", "later", "any"}, "units": {"same", "within", "other", "*"},
           "bodies": {"same", "other", "*"}, "decision": {"join", "apart"}}
_LEVELS = {"central", "province", "district", "commune", "*"}
_BODIES = {"party", "council", "government", "front", "mass", "department", "other", "central", "*"}
_ROLES = {"head", "deputy", "member", "*"}


@dataclass(frozen=True)
class Rule:
    name: str
    period: str
    a: tuple[str, str, str]
    b: tuple[str, str, str]
    units: str
    bodies: str
    decision: str
    source: str


@dataclass(frozen=True)
class Decision:
    """What the rules say of two mentions: `join`, `apart` or `unknown`, the rule's name
    (or why nothing decided) and the two posts that decided (titles), if any."""
    verdict: str
    rule: str
    posts: tuple[str, str] = ("", "")


@lru_cache(maxsize=None)
def load_rules() -> tuple[Rule, ...]:
    """The compatibility table, checked: a malformed line names the file and line."""
    text = resources.files(__package__).joinpath(_FILE).read_text(encoding="utf-8")
    rules, header = [], None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            if cells != _COLUMNS:
                raise LexiconError(f"the header must be {' '.join(_COLUMNS)}", where=f"resolution/{_FILE}:{number}")
            header = cells
            continue
        row = dict(zip(_COLUMNS, cells))
        problem = _problem(row, len(cells))
        if problem:
            raise LexiconError(problem, where=f"resolution/{_FILE}:{number}")
        rules.append(Rule(row["rule"], row["period"], tuple(row["a"].split("/")), tuple(row["b"].split("/")),
                          row["units"], row["bodies"], row["decision"], row["source"]))
    if not text.startswith("# source:"):
        raise LexiconError("the first line must be '# source: …'", where=f"resolution/{_FILE}")
    return tuple(rules)


def _problem(row: dict[str, str], count: int) -> str | None:
    if count != len(_COLUMNS) or not row["source"].strip():
        return f"{count} cells where {len(_COLUMNS)} are needed, the last a source or reason"
    for column, allowed in _VALUES.items():
        if row[column] not in allowed:
            return f"{column} {row[column]!r} is not one of {', '.join(sorted(allowed))}"
    for column in ("a", "b"):
        parts = row[column].split("/")
        if len(parts) != 3 or parts[0] not in _LEVELS or parts[1] not in _BODIES or parts[2] not in _ROLES:
            return f"{column} {row[column]!r} is not level/body/role"
    return None


@lru_cache(maxsize=65536)
def _days(value: str) -> int | None:
    try:
        return Date.fromisoformat(value).toordinal()
    except ValueError:
        return None


@lru_cache(maxsize=262144)
def unit_relation(a: str, b: str) -> str:
    """same, within (a lies in b), contains (b lies in a), other; unknown if either is ""."""
    if not a or not b:
        return "unknown"
    if a == b:
        return "same"
    gazetteer = load_gazetteer()
    ua, ub = gazetteer.by_key.get(a), gazetteer.by_key.get(b)
    if ua is None or ub is None:
        return "other"
    if ua.successor == b or ub.successor == a or _renamed(ua, ub) or _renamed(ub, ua):
        return "same"
    if _inside(ua, ub):
        return "within"
    if _inside(ub, ua):
        return "contains"
    return "other"


def _renamed(old, new) -> bool:
    """A 2025 commune named after the old district it was formed in (`xã Trấn Yên` of Lào
    Cai from `huyện Trấn Yên` of Yên Bái): the reform named many new communes after the
    district whose seat they took, and the district's officials went on to lead them."""
    if not (old.level == "district" and old.map != "2025" and new.level == "commune" and new.map == "2025"):
        return False
    gazetteer = load_gazetteer()
    return name_key(old.name) == name_key(new.name) and gazetteer.lineage_province(old) == gazetteer.lineage_province(new)


def _inside(unit, outer) -> bool:
    gazetteer = load_gazetteer()
    if outer.level == "province" and outer.map == "2025" and unit.map != "2025":
        # across the reform: a district of Hà Giang lies in the Tuyên Quang it became part of
        return gazetteer.lineage_province(unit).key == outer.key
    parent = unit.parent
    while parent is not None:
        if parent == outer.key:
            return True
        parent = gazetteer.by_key[parent].parent
    return False


def _matches(pattern: tuple[str, str, str], post: PostRecord) -> bool:
    level, body, role = pattern
    return ((level == "*" or level == post.level) and (body == "*" or body == post.body)
            and (role == "*" or role == post.role_class))


def _periods(a: PostRecord, da: int | None, b: PostRecord, db: int | None) -> list[tuple[str, bool]]:
    """The periods (same, later, any) the two posts' dates fit, each with whether `a` is
    the earlier (for `later`)."""
    if a.status == "former" or b.status == "former":
        if a.status == b.status:
            return [("any", True)]
        return [("later", a.status == "former"), ("any", True)]
    if da is None or db is None:
        return [("same", True), ("any", True)]
    gap = abs(da - db)
    if gap <= SAME_PERIOD:
        return [("same", True), ("any", True)]
    if gap <= MOVE_WINDOW:
        return [("later", da < db), ("any", True)]
    return [("any", True)] if gap <= TERM else []


def decide_posts(a: PostRecord, da: int | None, b: PostRecord, db: int | None) -> Rule | None:
    """The first rule of the table that matches two posts at their dates, or None."""
    if a.position == b.position or (a.title == b.title and (a.unit or b.unit)):
        # the same title of a named body: one article may leave the unit unresolved
        return _SHARED
    periods = _periods(a, da, b, db)
    if not periods:
        return None
    relation = unit_relation(a.unit, b.unit)
    inverse = {"within": "contains", "contains": "within"}.get(relation, relation)
    for rule in load_rules():
        for period, a_first in periods:
            if rule.period != period:
                continue
            orders = [(a, b, relation)] if period == "later" and a_first else \
                [(b, a, inverse)] if period == "later" else [(a, b, relation), (b, a, inverse)]
            for x, y, units in orders:
                if (_matches(rule.a, x) and _matches(rule.b, y)
                        and (rule.units == "*" or rule.units == units)
                        and (rule.bodies == "*" or (rule.bodies == "same") == _same_body(x, y))):
                    return rule
    return None


def _same_body(x: PostRecord, y: PostRecord) -> bool:
    # the body is the title less the role: `Giám đốc Sở Tài chính tỉnh X` -> `Sở Tài chính tỉnh X`
    return x.unit == y.unit and x.title[len(x.role):] == y.title[len(y.role):]


_SHARED = Rule("shared-post", "any", ("*", "*", "*"), ("*", "*", "*"), "same", "same", "join",
               "one post in one unit, named alike by both articles")


def decide(a: PersonMention, b: PersonMention) -> Decision:
    """join, apart or unknown for two mentions of one block, with the deciding rule.

    >>> decide(PersonMention("a1", "Lê Văn Hùng", "2025-08", "2024-03-01"), PersonMention("a2", "Lê Văn Hùng", "2025-08", "2024-03-02")).verdict
    'unknown'
    """
    if not a.posts or not b.posts:
        return Decision("unknown", "no-post")
    da, db = _days(a.date) if a.date else None, _days(b.date) if b.date else None
    joined: Decision | None = None
    far = True
    for pa in a.posts:
        for pb in b.posts:
            rule = decide_posts(pa, da, pb, db)
            if rule is None:
                continue
            far = False
            if rule.decision == "apart":
                return Decision("apart", rule.name, (pa.title, pb.title))
            if joined is None:
                joined = Decision("join", rule.name, (pa.title, pb.title))
    if joined is not None:
        return joined
    if da is not None and db is not None and abs(da - db) > MOVE_WINDOW and far:
        return Decision("unknown", "years-apart")
    return Decision("unknown", "no-rule")
