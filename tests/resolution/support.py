"""Mentions from short articles written for the identity tests."""

from __future__ import annotations

from graph_builder import extract_text
from graph_builder.resolution.mentions import PersonMention, person_mentions


def said(article_id: str, date: str, title: str, name: str = "Nguyễn Văn Hùng") -> str:
    """An article of one sentence: on `date` (d/m/yyyy) `name`, `title`, chairs a conference."""
    return f"Sáng {date}, đồng chí {name}, {title} chủ trì hội nghị sơ kết công tác 6 tháng đầu năm."


def mention(article_id: str, date: str, title: str, name: str = "Nguyễn Văn Hùng") -> PersonMention:
    """The one person mention of such an article."""
    (found,) = [m for m in person_mentions(extract_text(article_id, said(article_id, date, title, name)))
                if m.name == name]
    return found
