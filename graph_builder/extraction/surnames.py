"""Vietnamese family names: a name is written family name first (`Nguyễn Duy Hòa`), so
the first syllable of a run tells a person from a place (`Đặng Văn Bình` after `xã` is a
name that starts with a family name, not the commune `Đặng`)."""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import load_table


# Middle syllables (`Văn`, `Thị`), which some writers leave in lower case; one after a
# family name marks a person's name.
MIDDLE_WORDS = {"văn", "thị", "đức", "đình", "hữu", "ngọc", "thế", "công", "quang", "minh",
                "xuân", "thanh", "kim", "thu", "duy", "mạnh", "quốc", "trọng", "bá", "anh", "a"}


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(row["surname"].casefold() for row in load_table("surnames", key="surname"))


def is_surname(word: str) -> bool:
    word = word.casefold()
    # Ê Đê and Gia Rai names: `H'Hen Niê`, `K'Bình`, `Y Thoan Êban`
    return word in surnames() or word.startswith(("h'", "k'", "h\u2019", "k\u2019")) or word == "y"
