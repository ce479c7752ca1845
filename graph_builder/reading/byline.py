"""Bylines: the reporter's name a page prints above or below the story (`Thu Hà`,
`THANH HUYỀN - VĨNH THÀNH`, `Tác giả: Long Hà`, `Đ.T.H`), told apart from photo credits,
anonymous signatures (`PV`) and an organisation's credit (`Trung tâm VH-TT huyện`); a
reporter signing with the body they write for (`Trần Quang Vinh - LĐLĐ huyện Yên Thế`)
keeps their name only."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_table
from ..text import canonical, fold

BYLINE_LABEL = re.compile(r"^(?:tác giả|tin,? ảnh|tin và ảnh|bài,? ảnh|bài và ảnh|ảnh,? bài|bài|tin|phóng viên|pv"
                           r"|thực hiện|nhóm thực hiện|nhóm phóng viên|bài và ảnh|người viết|tổng hợp|nguồn tin)\s*:\s*", re.I)
_ORG_BYLINE = ("trung tâm", "ban ", "phòng", "văn phòng", "đài", "báo ", "cổng", "ubnd", "ủy ban",
               "huyện ủy", "tỉnh ủy", "bbt", "ban biên tập", "hội ", "tòa soạn", "nguồn", "theo ",
               "sở ", "bộ ", "công an", "đảng ủy", "trường", "thông tấn", "ttxvn", "vov", "vtv")
_ANONYMOUS = {"pv", "ctv", "btv", "phóng viên", "nhóm pv", "nhóm phóng viên", "bbt"}
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_']*$")
# `Ảnh: X` alone credits a photo, not the story.
_PHOTO_CREDIT = re.compile(r"^(?:ảnh|nguồn ảnh|ảnh minh họa|video|clip)\s*:", re.I)


# A byline of initials: `Đ.T.H`, `N.V.A.`
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.){1,4}[A-ZĐ]?\.?$")


def looks_like_byline(line: str) -> bool:
    if _PHOTO_CREDIT.match(line):
        return False
    if _INITIALS.match(line.strip()):
        return True
    if BYLINE_LABEL.match(line):
        return True
    head = line.split(":")[0].split("(")[0].strip()
    # `Nguyễn Hương - Trung tâm TT-VH huyện`: a name, then the organisation
    parts = head.split(" - ")
    if len(parts) > 1 and any(_names_body(p) for p in parts[1:]):
        head = " - ".join(p for p in parts if not _names_body(p))
    words = head.replace("-", " ").split()
    if not words or len(words) > 8 or line.rstrip().endswith((".", ";", ",")) and not line.endswith("./."):
        return False
    if _names_body(line):
        return True
    return all(_NAME_WORD.match(w) and w[0].isupper() for w in words) and len(words) <= 6


@lru_cache(maxsize=1)
def _body_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Abbreviations (`LĐLĐ`, `UBND`) and folded body names (`liên đoàn lao động`) that
    open an organisation's byline, from the lexicons."""
    abbreviations = frozenset(row["abbreviation"] for row in load_table("abbreviations"))
    surfaces = {surface for row in load_table("bodies") for surface in row["surfaces"].split("|")}
    return abbreviations, tuple(sorted(surfaces))


def _names_body(part: str) -> bool:
    """`LĐLĐ huyện Chợ Mới`, `Trung tâm VH-TT huyện`: the part of a byline that is an
    organisation, not a reporter."""
    part = part.strip()
    folded = fold(part)
    if folded.startswith(_ORG_BYLINE):
        return True
    abbreviations, surfaces = _body_words()
    first = part.split()[0] if part.split() else ""
    return first in abbreviations or any(folded == s or folded.startswith(s + " ") for s in surfaces)


def author_from(line: str, written: str) -> str | None:
    """The byline's name(s), as `written` (the same line of the article text) spells them."""
    label = BYLINE_LABEL.match(line)
    if label:
        line, written = line[label.end():], written[label.end():]
    line, written = line.strip(), written[len(written) - len(written.lstrip()):]
    if _names_body(line):
        return None
    # "Phương Thảo: Huyện Bắc Mê", "Văn Thành (TTVH)", "Thu Hà; Ảnh: Minh Anh": the name
    # comes first; "Văn Thành - Trung tâm VH-TT huyện": an organisation after a dash is not
    name = re.split(r"\s*[:(;]\s*", line, maxsplit=1)[0].strip(" -")
    parts = [p for p in name.split(" - ") if not _names_body(p)]
    name = " - ".join(parts)
    words = name.replace(" - ", " ").split()
    if fold(name) in _ANONYMOUS:
        return None
    if not words or not all(w[0].isupper() for w in words if w != "-"):
        return None
    at = line.find(name)
    # an en dash between two reporters stays as printed (`Xuân Lượng – Khánh Lộc`)
    return " ".join(written[at:at + len(name)].split()) if at >= 0 else canonical(name)
