"""Reading the pages of a `vnkg site` folder in tests: a small DOM from the standard
library's HTML parser (elements by id or class, their text, the links)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from graph_builder.presentation.site.render import file_name

from ..support import ROOT, SEEDS

SITE_ARTICLES = ROOT / "tests" / "data" / "site" / "articles"
VOID = {"meta", "link", "br", "input", "img", "hr", "source", "wbr", "area", "base", "col", "embed", "track"}


class Element:
    def __init__(self, tag: str, attrs: dict, parent: Element | None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text for c in self.children]
        return re.sub(r"\s+", " ", " ".join(parts)).strip()

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find(self, tag: str | None = None, id: str | None = None, cls: str | None = None) -> list[Element]:
        return [e for e in self.iter() if (tag is None or e.tag == tag) and (id is None or e.attrs.get("id") == id)
                and (cls is None or cls in (e.attrs.get("class") or "").split())]

    def by_id(self, id: str) -> Element:
        (found,) = self.find(id=id)
        return found

    def links(self) -> list[tuple[str, str]]:
        return [(a.attrs.get("href"), a.text) for a in self.find("a")]


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#document", {}, None)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html: str) -> Element:
    parser = _Parser()
    parser.feed(html)
    return parser.root


def page(site: Path, name: str) -> Element:
    return parse((site / name).read_text(encoding="utf-8"))


def node_page(site: Path, kind: str, iri: str) -> Element:
    return page(site, file_name(kind, iri))


def build_inputs() -> list[Path]:
    """The seeds and the site's own test articles (three about Hàm Yên, 2022 to 2024)."""
    return [SEEDS, SITE_ARTICLES]
