"""The same story at two URLs: portals republish (a district portal copies the province's,
a newspaper a press agency's), so a build keeps one article with every URL.

- The same text (the same content hash) is a duplicate.
- So is a near-duplicate: the same story with other furniture (a caption, a credit line,
  a related-news title the extraction kept). The measure is the resemblance of the two
  texts' sets of 4-word shingles (runs of four words of the folded body text), estimated
  from a bottom-k sketch: the 32 smallest 64-bit hashes of each text's shingles (Broder,
  1997). Texts whose estimated resemblance is at least 0.7 are one story: two different
  reports share far fewer four-word runs, even on the same meeting, since each writer
  words it anew.

Only pages (articles with a URL) are compared; the first in the build's order is kept and
the others' URLs and outlets are added to it. Within one build; a store build also finds
a page whose text is stored already and unchanged.
"""

from __future__ import annotations

import heapq
import re
from hashlib import blake2b

from ..text import fold

SHINGLE = 4
SKETCH = 32
NEAR = 0.7
_WORD = re.compile(r"\w+")


def text_sketch(article) -> tuple[int, ...] | None:
    """The bottom-k sketch of a page's body text (None for an article with no URL)."""
    if not getattr(article, "url", None):
        return None
    start, end = article.body
    words = _WORD.findall(fold(article.text[start:end]))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    hashes = {int.from_bytes(blake2b(s.encode("utf-8"), digest_size=8).digest(), "big") for s in shingles}
    return tuple(sorted(heapq.nsmallest(SKETCH, hashes)))


def resemblance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """The estimated share of shingles two texts have in common (0 to 1).

    >>> resemblance((1, 2, 3, 4), (1, 2, 3, 4))
    1.0
    """
    union = heapq.nsmallest(min(SKETCH, len(set(a) | set(b))), set(a) | set(b))
    if not union:
        return 0.0
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


class Duplicates:
    """The pages of a build so far, to tell whether the next one repeats one of them."""

    def __init__(self) -> None:
        self.by_hash: dict[str, str] = {}               # content hash -> kept article id
        self.sketches: dict[str, tuple[int, ...]] = {}
        self.postings: dict[int, list[str]] = {}        # sketch hash -> kept article ids

    def original(self, outcome) -> tuple[str, str] | None:
        """(the kept article's id, `same text` or `near`) when `outcome` repeats a page
        seen before; else None, and the page is remembered."""
        if outcome.unchanged:
            self.by_hash.setdefault(outcome.content_hash, outcome.article_id)
            return None
        if not outcome.url or outcome.content_hash is None:
            return None
        kept = self.by_hash.get(outcome.content_hash)
        if kept is not None:
            return kept, "same text"
        sketch = outcome.sketch
        if sketch:
            candidates = sorted({i for h in sketch for i in self.postings.get(h, ())})
            for candidate in candidates:
                if resemblance(sketch, self.sketches[candidate]) >= NEAR:
                    return candidate, "near"
            self.sketches[outcome.article_id] = sketch
            for h in sketch:
                self.postings.setdefault(h, []).append(outcome.article_id)
        self.by_hash[outcome.content_hash] = outcome.article_id
        return None
