"""The site's files: stable names derived from IRIs, the Jinja templates (one per kind of
page, in templates/), and the seal every page gets, a Content-Security-Policy nonce
derived from the page's own bytes.

The nonce is a hash of the page rendered with a placeholder, so the same graph gives the
same bytes (and an unchanged page is not rewritten), while markup smuggled in through the
data could only run if it held the hash of the page that holds it. All text is escaped by
the templates' autoescaping anyway; the policy refuses every request and every script or
stylesheet without the nonce.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import unquote

from ...model.rdf import ID
from ...text import slug

# Each kind of page: the path segment of its nodes' IRIs under https://w3id.org/vnkg/id/,
# and the site's folder for it (a person's small graph is named after the person).
_IRI_FOLDERS = {"person": "person", "body": "org", "place": "place", "meeting": "meeting", "article": "article",
                "graph": "person"}
FOLDERS = {"person": "person", "body": "org", "place": "place", "meeting": "meeting", "article": "article",
           "graph": "graph"}
_SAFE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,99}")
_SAFE_ANCHOR = re.compile(r"[a-z0-9-]{1,80}")
# Names Windows refuses for a file, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
PLACEHOLDER = "vnkg-nonce-placeholder"


def _digest(text: str, size: int = 10) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


@lru_cache(maxsize=None)
def file_name(kind: str, iri: str) -> str:
    """The page of a node, relative to the site's folder: `person/luong-thi-hoa-08793249ea.html`.
    The IRI's own last segment where it is a plain lower-case file name (vnkg's IRIs are
    slugs with a hash, article identifiers, meeting keys); otherwise a slug of it and a
    hash of the whole IRI, so that names stay unique on case-insensitive file systems and
    in URLs (no percent sign, no capital, no reserved device name)."""
    base = f"{ID}{_IRI_FOLDERS[kind]}/"
    local = iri[len(base):] if iri.startswith(base) else ""
    if not (_SAFE.fullmatch(local) and local.split(".")[0] not in _RESERVED and not local.endswith(".")):
        readable = slug(unquote(local or iri.rstrip("/").rsplit("/", 1)[-1]))[:60].strip("-")
        local = f"{readable}-{_digest(iri)}"
    return f"{FOLDERS[kind]}/{local}.html"


def anchor(prefix: str, iri: str) -> str:
    """An element id for a fact inside a page (`h-0a23cbd255` for a holding)."""
    local = iri.rstrip("/").rsplit("/", 1)[-1]
    return f"{prefix}-{local if _SAFE_ANCHOR.fullmatch(local) else _digest(iri, 12)}"


@lru_cache(maxsize=1)
def environment():
    """The templates of templates/, autoescaped."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    folder = str(resources.files(__package__).joinpath("templates"))
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    return env


def asset(name: str) -> bytes:
    """A static file of templates/ (the stylesheet, the search script)."""
    return resources.files(__package__).joinpath("templates", name).read_bytes()


def seal(html: str, placeholder: str = PLACEHOLDER) -> bytes:
    """The page's bytes with `placeholder` replaced, where it is a nonce (`nonce="…"` or
    `'nonce-…'`: escaped text can hold neither), by a hash of the page."""
    nonce = base64.urlsafe_b64encode(hashlib.sha256(html.encode("utf-8")).digest()[:18]).decode("ascii")
    html = html.replace(f'nonce="{placeholder}"', f'nonce="{nonce}"').replace(f"'nonce-{placeholder}'",
                                                                              f"'nonce-{nonce}'")
    return html.encode("utf-8")


def render(template: str, **context) -> bytes:
    """A page of the site from its template, sealed."""
    return seal(environment().get_template(template).render(nonce=PLACEHOLDER, **context))
