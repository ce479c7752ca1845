"""Write one realdev page into the local cache from the search tool's exact excerpt.

The realdev texts belong to their publishers and never enter the repository
(``../shared/realdev/README.md``). This script does steps 2 and 3 of that README
for one page: it takes the excerpt *as the JSON string the search tool returned*
(quotes and escapes included) on standard input, unescapes it, applies NFC where
the manifest says so, writes ``~/.cache/vnkg-realdev/ID.txt`` (UTF-8, no BOM, no
added newline) and checks its sha256 against the manifest.

    python scripts/realdev_cache.py r-01 < excerpt.json
    python scripts/realdev_cache.py --check        # which pages are cached and sound

Exit 0 when the hash matches, 1 when it differs only in white space (kept: gold does
not depend on it), 2 when the text differs (the file is removed: query again).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE.parent.parent / "shared" / "realdev" / "manifest.json"
CACHE = Path(os.environ.get("VNKG_REALDEV", Path.home() / ".cache" / "vnkg-realdev"))


def load_manifest(path: Path) -> dict[str, dict]:
    return {entry["id"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))}


def _squeeze(text: str) -> str:
    return "".join(text.split())


def put(entry: dict, raw: str, cache: Path) -> int:
    text = json.loads(raw.strip())
    if not isinstance(text, str):
        raise SystemExit("realdev_cache: standard input must be one JSON string")
    if entry.get("nfc"):
        text = unicodedata.normalize("NFC", text)
    data = text.encode("utf-8")
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"{entry['id']}.txt"
    if hashlib.sha256(data).hexdigest() == entry["sha256"]:
        target.write_bytes(data)
        print(f"{entry['id']}: ok ({len(text)} chars)")
        return 0
    if len(text) == entry.get("chars") or abs(len(text) - entry.get("chars", 0)) < 5:
        target.write_bytes(data)
        print(f"{entry['id']}: written; sha256 differs, length {len(text)} vs {entry.get('chars')} "
              "(white space only? compare by eye)")
        return 1
    target.unlink(missing_ok=True)
    print(f"{entry['id']}: MISMATCH length {len(text)} vs {entry.get('chars')}; not written, query again")
    return 2


def check(manifest: dict[str, dict], cache: Path) -> int:
    missing = []
    for ident, entry in manifest.items():
        path = cache / f"{ident}.txt"
        if not path.exists():
            missing.append(ident)
            continue
        ok = hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
        print(f"{ident}: {'ok' if ok else 'hash differs'}")
    print(f"{len(manifest) - len(missing)} cached, {len(missing)} missing: {' '.join(missing)}")
    return 0 if not missing else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", nargs="?", help="the manifest id, e.g. r-01")
    parser.add_argument("--check", action="store_true", help="report which pages are cached")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    args = parser.parse_args()
    manifest = load_manifest(args.manifest)
    if args.check:
        return check(manifest, CACHE)
    if args.id not in manifest:
        parser.error(f"unknown id {args.id!r}")
    return put(manifest[args.id], sys.stdin.read(), CACHE)


if __name__ == "__main__":
    sys.exit(main())
