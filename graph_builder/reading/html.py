"""Article text from an HTML page saved from a browser.

Newspaper pages wrap a few paragraphs of article in menus, share buttons, related-news
lists, scripts and styles. The text kept is: the headline (the first `<h1>`, else the
`<title>`), then the paragraphs, one per line with a blank line between them, which is the
layout `article.parse_article` reads a plain-text article in. Where the page marks its
article (`<article>`, `<main>`, `itemprop="articleBody"`), only that part is kept.
Only the standard library's `html.parser` is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .decoding import decode_bytes

# Elements whose content is never article text.
_DROP = {"script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
         "option", "textarea", "iframe", "svg", "canvas", "menu", "object", "embed", "dialog"}
# A page's header and footer are furniture; an article's own <header> holds its headline.
_PAGE_ONLY = {"header", "footer"}
# Elements that end a paragraph (a line of the text).
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "section", "article",
          "main", "blockquote", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
          "hr", "address", "center", "caption", "body", "td", "th"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
# class/id/role words of page furniture (menus, breadcrumbs, share bars, related news).
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|sidebar|share|social|"
    r"related|comments?|advert|ads|banner|cookie|footer|toolbar|pagination|popup|modal)"
    r"(?:$|[\s_-])", re.I)
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
                    "search", "dialog"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")


@dataclass
class Page:
    text: str
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def html_text(data: bytes, where: str) -> Page:
    """The article text of an HTML page's bytes. The encoding is the BOM, else UTF-8,
    else the page's `<meta charset>`, else Windows-1258 if the bytes read as Vietnamese."""
    match = _CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii", "replace") if match else None
    decoded = decode_bytes(data, where, declared=declared)
    page = text_of_html(decoded.text)
    if decoded.guessed:
        page.warnings.append(f"not UTF-8 and no <meta charset>; read as {decoded.encoding} (check the text)")
    return page


def text_of_html(markup: str) -> Page:
    """The article text of an HTML page (see the module docstring)."""
    parser = _ArticleParser()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient, but a page must never crash a build
        pass
    parser.end_block()
    marked = [b for b in parser.blocks if b.marked]
    blocks = marked or parser.blocks
    title = next((b.text for b in parser.blocks if b.tag == "h1"), None) or parser.title
    lines = [b.text for b in blocks]
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return Page("\n\n".join(lines) + ("\n" if lines else ""), title)


@dataclass
class _Block:
    text: str
    tag: str
    marked: bool


class _ArticleParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.title: str | None = None
        self._parts: list[str] = []
        self._tag = "p"
        self._drop: list[str] = []       # open dropped elements (tag names)
        self._marked: list[str] = []     # open article-marking elements
        self._in_title = False
        self._title_parts: list[str] = []

    # a dropped element's content is skipped until its own end tag; nested elements of
    # the same name are counted so the right end tag closes it
    def handle_starttag(self, tag, attrs):
        if self._drop:
            if tag == self._drop[0] and tag not in _VOID:
                self._drop.append(tag)
            return
        attributes = {k: (v or "") for k, v in attrs}
        if tag == "title":
            self._in_title = True
            return
        if (tag in _DROP or (tag in _PAGE_ONLY and not self._marked)
                or self._is_furniture(tag, attributes)):
            if tag not in _VOID:
                self.end_block()
                self._drop.append(tag)
            return
        if tag in _BLOCK:
            self.end_block()
            self._tag = tag
        if tag not in _VOID and (tag in ("article", "main") or attributes.get("itemprop") == "articleBody"
                                 or self._marked):
            self._marked.append(tag)

    def handle_startendtag(self, tag, attrs):
        if not self._drop and tag in _BLOCK:
            self.end_block()

    def handle_endtag(self, tag):
        if self._drop:
            if tag == self._drop[0]:
                self._drop.pop()
            return
        if tag == "title":
            self._in_title = False
            text = _SPACE.sub(" ", "".join(self._title_parts)).strip()
            # "Headline | Newspaper": the site name is not part of the headline
            self.title = self.title or text.split(" | ")[0].strip() or None
            return
        if tag in _BLOCK:
            self.end_block()
        if self._marked and tag in self._marked:
            # close the innermost open element of that name (and any left unclosed in it)
            index = len(self._marked) - 1 - self._marked[::-1].index(tag)
            del self._marked[index:]

    def handle_data(self, data):
        if self._drop:
            return
        if self._in_title:
            self._title_parts.append(data)
            return
        self._parts.append(data)

    def end_block(self):
        text = _SPACE.sub(" ", "".join(self._parts)).strip()
        self._parts = []
        if text:
            self.blocks.append(_Block(text, self._tag, bool(self._marked)))
        self._tag = "p"

    @staticmethod
    def _is_furniture(tag: str, attributes: dict[str, str]) -> bool:
        if tag in ("html", "body", "article", "main"):
            return False
        if attributes.get("role", "").lower() in _FURNITURE_ROLES or "hidden" in attributes:
            return True
        if attributes.get("aria-hidden") == "true":
            return True
        names = f"{attributes.get('class', '')} {attributes.get('id', '')}"
        return bool(_FURNITURE.search(names))
