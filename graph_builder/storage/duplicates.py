"""The same story at two URLs: portals republish (a district portal copies the province's,
a newspaper a press agency's), so a build keeps one article with every URL.

- The same text (the same content hash) is a duplicate.
- So is a near-duplicate: the same story with other furniture (a caption, a credit line,
  a related-news title the extraction kept). Two measures must agree:
  - the resemblance of the two texts' sets of 4-word shingles (runs of four words of the
    folded sentences), estimated by MinHash (Broder, 1997) in its one-permutation form
    (Li, Owen and Zhang, 2012: one 64-bit hash per shingle, the least in each of 32
    bins), is at least 0.7;
  - and their facts are the same: their sets of numbers (dates, figures) overlap by at
    least 0.9, and their sets of capitalised words (names of people, bodies and places)
    by at least 0.8 (Jaccard).
  Reports of the same kind of meeting share their formulas ("tập trung triển khai đồng
  bộ các nhiệm vụ, giải pháp …"), which can raise the resemblance of two different
  stories, and a district's next meeting has the same officials; their dates differ, so
  they stay two.
  Candidates are found by locality-sensitive hashing: 8 bands of 4 MinHash values, a
  pair being compared when one band agrees whole and so does the least hash of their
  numbers (the same for sets of numbers that overlap by 0.9 nine times in ten): reports
  sharing their formulas but not their dates are not even compared.

Only pages (articles with a URL) are compared; the first in the build's order is kept and
the others' URLs and outlets are added to it. Within one build; a store build also finds
a page whose text is stored already and unchanged.
"""

from __future__ import annotations

import re
from hashlib import blake2b

from ..text import fold

SHINGLE = 4
HASHES, BAND = 32, 4
NEAR, SAME_NUMBERS, SAME_NAMES = 0.7, 0.9, 0.8
_EMPTY = 1 << 64       # a bin no shingle fell in
_WORD = re.compile(r"\w+")

Sketch = tuple[tuple[int, ...], frozenset[str], frozenset[str]]   # MinHash, numbers, names


def text_sketch(article) -> Sketch | None:
    """A page's MinHash signature and its facts (None for an article with no URL)."""
    if not getattr(article, "url", None):
        return None
    text = " ".join(article.text[s:e] for s, e in article.sentences) or article.text
    words = _WORD.findall(fold(text))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    least = [_EMPTY] * HASHES
    for shingle in shingles:
        h = _hash(shingle)
        if h < least[h % HASHES]:
            least[h % HASHES] = h
    signature = tuple(least)
    tokens = _WORD.findall(text)
    return (signature, frozenset(w for w in tokens if w.isdigit()),
            frozenset(w for w in tokens if w[0].isupper()))


def _hash(text: str) -> int:
    return int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def resemblance(a: Sketch, b: Sketch) -> float:
    """The estimated share of shingles two texts have in common (0 to 1): the share of
    bins with the same least hash, among those not empty in both."""
    bins = [(x, y) for x, y in zip(a[0], b[0]) if x != _EMPTY or y != _EMPTY]
    return sum(1 for x, y in bins if x == y) / len(bins) if bins else 1.0


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def same_story(a: Sketch, b: Sketch) -> bool:
    """Whether two pages tell one story (see the module docstring)."""
    return (resemblance(a, b) >= NEAR and _overlap(a[1], b[1]) >= SAME_NUMBERS
            and _overlap(a[2], b[2]) >= SAME_NAMES)


class Duplicates:
    """The pages of a build so far, to tell whether the next one repeats one of them."""

    def __init__(self) -> None:
        self.by_hash: dict[str, str] = {}               # content hash -> kept article id
        self.sketches: dict[str, Sketch] = {}
        self.bands: dict[tuple, list[str]] = {}         # (band, its values) -> kept article ids

    def original(self, outcome) -> tuple[str, str] | None:
        """(the kept article's id, `same text` or `near`) when `outcome` repeats a page
        seen before; else None, and the page is remembered."""
        if outcome.unchanged:
            if outcome.url:
                self.by_hash.setdefault(outcome.content_hash, outcome.article_id)
            return None
        if not outcome.url or outcome.content_hash is None:
            return None
        kept = self.by_hash.get(outcome.content_hash)
        if kept is not None:
            return kept, "same text"
        sketch = outcome.sketch
        if sketch:
            numbers = min((_hash(n) for n in sketch[1]), default=0)
            keys = [(i, numbers, sketch[0][i:i + BAND]) for i in range(0, HASHES, BAND)]
            candidates = sorted({c for key in keys for c in self.bands.get(key, ())})
            for candidate in candidates:
                if same_story(sketch, self.sketches[candidate]):
                    return candidate, "near"
            self.sketches[outcome.article_id] = sketch
            for key in keys:
                self.bands.setdefault(key, []).append(outcome.article_id)
        self.by_hash[outcome.content_hash] = outcome.article_id
        return None
