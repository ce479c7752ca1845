"""Lexicons are data: one TSV file per lexicon in this folder, loaded once.

Each file starts with a `# source:` comment saying where its facts come from, then a
header row. Loading checks the columns and duplicate keys and names the file and the
line that is wrong.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..errors import LexiconError
from ..text import canonical, fold


@lru_cache(maxsize=None)
def load_table(name: str, key: str | None = None) -> tuple[dict[str, str], ...]:
    """The rows of `name.tsv` as dicts (cells in canonical form). `key`, when given, is a
    column whose folded values must be unique."""
    filename = f"{name}.tsv"
    text = resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# source:"):
        raise LexiconError("the first line must be '# source: …' saying where the facts come from",
                           where=f"lexicon/{filename}")
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [canonical(cell) for cell in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{len(cells)} cells where the header has {len(header)}",
                               where=f"lexicon/{filename}:{number}")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells))))
        if key is not None:
            folded = fold(row[key])
            if folded in seen:
                raise LexiconError(f"duplicate {key} {row[key]!r} (first on line {seen[folded]})",
                                   where=f"lexicon/{filename}:{number}")
            seen[folded] = number
        rows.append(row)
    if header is None:
        raise LexiconError("no header row", where=f"lexicon/{filename}")
    return tuple(rows)


def table_names() -> list[str]:
    """Every lexicon shipped in the package."""
    return sorted(p.name[:-4] for p in resources.files(__package__).iterdir()
                  if p.name.endswith(".tsv"))
